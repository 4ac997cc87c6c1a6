"""Schemathesis findings on the volunteers' operations (superuser token), answered at the root.

- A training id far beyond the database's integers was a 500: ids outside
  1..ID_MAX are "does not exist" field errors (portal.core.contract.IdRelatedField).
- A form without `attended` counted as "not attended" (DRF's unticked checkbox):
  the field is required, in form data as in JSON.
"""

import pytest
from rest_framework.test import APIClient

from volunteers import seats
from volunteers.models import Registration

from ..volunteers.conftest import (  # noqa: F401
    coordinator,
    coordinators_group,
    kelurahan,
    make_training,
    make_user,
    make_volunteer,
    start,
    trainings_index,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("training", ["-866420072868389888983040", "99999999999999999999", "0", "1.5"])
def test_a_training_id_out_of_range_is_a_field_error(make_volunteer, training):  # noqa: F811
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.force_authenticate(make_volunteer().user)
    response = client.post("/api/volunteers/registrations/", {"training": training}, format="multipart")
    assert response.status_code == 400
    assert list(response.json()) == ["training"]
    assert not Registration.objects.exists()


def test_attendance_without_attended_is_refused(make_training, make_volunteer, coordinator, start):  # noqa: F811
    training = make_training(capacity=1)
    registration = seats.register(training, make_volunteer().user)
    start(training)
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.force_authenticate(coordinator)
    url = f"/api/volunteers/attendance/{registration.code}/"
    response = client.put(url, "hyy=v&__main__=", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert response.json() == {"attended": ["This field is required."]}
    assert client.put(url, {}, format="json").json() == {"attended": ["This field is required."]}
    registration.refresh_from_db()
    assert not registration.attended
    assert client.put(url, {"attended": True}, format="json").status_code == 200
