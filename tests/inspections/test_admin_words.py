"""Badges coloured by meaning and a sentence after each move on the inspection screens (issue 10, item 4)."""

import re

from django.utils import translation

import pytest

from reporting.inspections import lifecycle
from reporting.inspections.models import InspectionRequest, Status

from .conftest import advance

pytestmark = pytest.mark.django_db


def test_not_compliant_wears_a_red_badge_and_issued_a_green_one(client, staff, make_request):
    inspection = make_request()
    advance(inspection, Status.RESULT_ISSUED, compliant=False)
    visit = InspectionRequest.objects.get(pk=inspection.pk).current_visit
    client.force_login(staff)
    html = client.get(f"/admin/inspections/requests/inspect/{inspection.pk}/").content.decode()
    assert re.search(r'damkar-badge--critical">[^<]*' + re.escape(visit.get_result_display()), html)
    listing = client.get("/admin/inspections/requests/").content.decode()
    assert "damkar-badge--success" in listing  # result issued: done


def test_a_move_ends_with_a_sentence_naming_the_request(client, staff, make_request):
    transition = lifecycle.STAFF.transitions[Status.CLOSED]
    inspection = make_request()
    advance(inspection, Status.RESULT_ISSUED, compliant=True)
    client.force_login(staff)
    response = client.post(f"/admin/inspections/requests/{inspection.pk}/move/closed/", {}, follow=True)
    shown = [str(message) for message in response.context["messages"]]
    # The admin speaks Indonesian unless the staff member chose otherwise.
    with translation.override("id"):
        assert str(transition.done) % {"reference": inspection.reference} in shown
