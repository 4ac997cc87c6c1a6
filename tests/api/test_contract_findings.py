"""What schemathesis found against a production-like server, each answered at its root.

- Form fields an operation does not read are ignored, whatever they hold (NUL
  included): the schema allows them, so they must not turn a 403, 404 or 200
  into a 400. Fields it reads still refuse NUL with a field message. The same
  holds for JSON bodies.
- A report under a known Idempotency-Key is only replayed when its body is a
  valid report; a broken body is a 400, as for any other request.
- The `inspector` filter is an id: a whole number within the id range, or a 400
  (decimals were taken, and a huge number was a 500).
"""

import uuid

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from reporting.incidents.models import Incident
from reporting.inspections.models import Status

from ..incidents.conftest import payload  # noqa: F401
from ..inspections.conftest import make_user

pytestmark = pytest.mark.django_db

EXTRA_WITH_NUL = {"\U0001f44d": "u\x00", "x\x00y": "1", "": "\x1cp"}
NOT_ALLOWED = "This field contains characters that are not allowed (control or text-direction characters)."


def _client(user=None):
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_authenticate(user)
    return client


def test_anonymous_cancel_with_nul_in_unread_fields_is_403(make_request):
    inspection = make_request()
    response = _client().post(
        f"/api/inspections/requests/{inspection.pk}/cancel/", {**EXTRA_WITH_NUL, "reason": "ok"}, format="multipart"
    )
    assert response.status_code == 403
    assert "detail" in response.json()
    inspection.refresh_from_db()
    assert inspection.status == Status.SUBMITTED


@pytest.mark.parametrize("body_format", ["multipart", None])
def test_cancel_ignores_nul_in_fields_it_does_not_read(make_request, applicant, body_format):
    inspection = make_request()
    client = _client(applicant)
    url = f"/api/inspections/requests/{inspection.pk}/cancel/"
    if body_format is None:  # urlencoded, the way schemathesis sent it
        response = client.post(
            url, "%F0%9F%91%8D=u%00&x%00y=1&reason=no+longer+needed", content_type="application/x-www-form-urlencoded"
        )
    else:
        response = client.post(url, {**EXTRA_WITH_NUL, "reason": "no longer needed"}, format=body_format)
    assert response.status_code == 200, response.content
    inspection.refresh_from_db()
    assert inspection.status == Status.CANCELLED


def test_cancel_of_a_missing_request_is_404_whatever_unread_fields_hold(applicant):
    response = _client(applicant).post("/api/inspections/requests/0/cancel/", EXTRA_WITH_NUL, format="multipart")
    assert response.status_code == 404


def test_nul_in_a_field_that_is_read_is_a_field_error(make_request, applicant):
    inspection = make_request()
    response = _client(applicant).post(
        f"/api/inspections/requests/{inspection.pk}/cancel/", {"reason": "a\x00b"}, format="multipart"
    )
    assert response.status_code == 400
    assert response.json() == {"reason": [NOT_ALLOWED]}
    inspection.refresh_from_db()
    assert inspection.status == Status.SUBMITTED


def test_nul_in_the_token_form_is_a_field_error_not_a_lookup(site):
    response = _client().post("/api/auth/token/", {"username": "a\x00b", "password": "x"}, format="multipart")
    assert response.status_code == 400
    assert response.json() == {"username": [NOT_ALLOWED]}
    assert not Token.objects.exists()


def test_a_known_idempotency_key_does_not_replay_a_broken_body(payload):  # noqa: F811
    key = str(uuid.uuid4())
    client = _client()
    assert client.post("/api/incidents/", payload, format="json", HTTP_IDEMPOTENCY_KEY=key).status_code == 201
    garbage = client.post("/api/incidents/", b"\x00", content_type="application/json", HTTP_IDEMPOTENCY_KEY=key)
    assert garbage.status_code == 400
    assert "Idempotent-Replayed" not in garbage
    missing = client.post("/api/incidents/", {}, format="json", HTTP_IDEMPOTENCY_KEY=key)
    assert missing.status_code == 400
    assert set(missing.json()) >= {"category", "description", "kecamatan"}
    retry = client.post("/api/incidents/", payload, format="json", HTTP_IDEMPOTENCY_KEY=key)
    assert retry.status_code == 200 and retry["Idempotent-Replayed"] == "true"
    assert Incident.objects.count() == 1


def test_nul_in_a_json_property_nobody_reads_is_ignored(payload):  # noqa: F811
    """The schema allows extra properties: NUL in one no serializer reads turns nothing into a 400."""
    response = _client().post("/api/incidents/", {**payload, "x\x00y": "u\x00"}, format="json")
    assert response.status_code == 201, response.content
    assert Incident.objects.get().description == "Asap tebal dari ruko"


def test_nul_in_a_json_property_that_is_read_is_a_field_error(payload):  # noqa: F811
    response = _client().post("/api/incidents/", {**payload, "description": "Api\x00"}, format="json")
    assert response.status_code == 400
    assert response.json()["description"] == [NOT_ALLOWED]
    assert not Incident.objects.exists()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1.5", "Enter a whole number."),
        ("1e5", "Enter a whole number."),
        ("0", "Ensure this value is greater than or equal to 1."),
        ("99999999999999999999999", "Ensure this value is less than or equal to 999999999999999999."),
    ],
)
def test_inspector_filter_takes_only_ids(areas, value, message):
    staff = make_user("staf@example.com", groups=["Inspectors"])
    response = _client(staff).get("/api/inspections/staff/requests/", {"inspector": value})
    assert response.status_code == 400
    assert response.json() == {"inspector": [message]}


def test_inspector_filter_finds_the_inspectors_requests(make_request, inspector):
    staff = make_user("staf@example.com", groups=["Inspectors"])
    visited = make_request(status=Status.SCHEDULED)
    make_request()
    client = _client(staff)
    found = client.get("/api/inspections/staff/requests/", {"inspector": str(inspector.pk)}).json()
    assert [row["id"] for row in found["results"]] == [visited.pk]
    assert client.get("/api/inspections/staff/requests/", {"inspector": "999999999999999999"}).json()["count"] == 0
