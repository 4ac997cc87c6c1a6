"""Guards that match reality (issue 10, item 6): no inspection and no result before the visit took place;
the reference in the listing opens the work screen."""

import datetime

from django.urls import reverse
from django.utils import timezone, translation

import pytest

from portal.core.workflow import TransitionNotAllowed
from reporting.inspections import lifecycle
from reporting.inspections.models import InspectionRequest, Status, Visit

pytestmark = pytest.mark.django_db


def _scheduled_in(make_request, staff, inspector, days):
    inspection = make_request(status=Status.VERIFIED)
    start = timezone.now() + datetime.timedelta(days=days)
    return lifecycle.move(
        inspection,
        Status.SCHEDULED,
        user=staff,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        inspectors=[inspector],
    )


def test_no_inspection_before_the_visit(make_request, staff, inspector):
    inspection = _scheduled_in(make_request, staff, inspector, days=13)
    with translation.override("en"), pytest.raises(TransitionNotAllowed, match="once it has taken place"):
        lifecycle.move(inspection, Status.INSPECTED, user=staff)
    assert InspectionRequest.objects.get(pk=inspection.pk).status == Status.SCHEDULED


def test_no_result_before_the_visit_even_when_marked_inspected(make_request, staff, inspector):
    inspection = _scheduled_in(make_request, staff, inspector, days=-1)
    lifecycle.move(inspection, Status.INSPECTED, user=staff)
    # The visit is moved to a later day after the inspection was marked (a data error): no result for it.
    Visit.objects.filter(request=inspection).update(starts_at=timezone.now() + datetime.timedelta(days=2))
    inspection = InspectionRequest.objects.get(pk=inspection.pk)
    inspection.current_visit.entries.update(outcome="met")
    with pytest.raises(TransitionNotAllowed):
        lifecycle.move(inspection, Status.RESULT_ISSUED, user=staff, result="compliant", findings="Baik.")
    assert InspectionRequest.objects.get(pk=inspection.pk).status == Status.INSPECTED


def test_the_admin_refuses_an_early_inspection_with_a_clear_message(client, make_request, staff, inspector):
    inspection = _scheduled_in(make_request, staff, inspector, days=13)
    client.force_login(staff)
    response = client.post(reverse("inspection_requests:move", args=[inspection.pk, Status.INSPECTED]), {})
    assert response.status_code == 200  # the form again, with the reason
    assert "planned for" in response.content.decode() or "dijadwalkan" in response.content.decode()
    assert InspectionRequest.objects.get(pk=inspection.pk).status == Status.SCHEDULED


def test_the_reference_in_the_listing_opens_the_work_screen(client, make_request, staff):
    inspection = make_request()
    client.force_login(staff)
    html = client.get(reverse("inspection_requests:index")).content.decode()
    assert f'href="{reverse("inspection_requests:inspect", args=[inspection.pk])}"' in html
