"""Every staff transition from every status, allowed or refused; data each move needs; the trail."""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone, translation

import pytest

from portal.core.workflow import TransitionNotAllowed
from reporting.inspections import lifecycle
from reporting.inspections.models import InspectionEvent, InspectionRequest, ResultKind, Status

from .conftest import advance, make_user, schedule_data

pytestmark = pytest.mark.django_db

ALLOWED = {
    Status.SUBMITTED: {Status.RETURNED, Status.VERIFIED, Status.CANCELLED},
    Status.RETURNED: {Status.CANCELLED},
    Status.VERIFIED: {Status.RETURNED, Status.SCHEDULED, Status.CANCELLED},
    Status.SCHEDULED: {Status.INSPECTED, Status.CANCELLED},
    Status.INSPECTED: {Status.RESULT_ISSUED},
    Status.RESULT_ISSUED: {Status.REINSPECTION, Status.CLOSED},
    Status.REINSPECTION: {Status.SCHEDULED, Status.CANCELLED},
    Status.CLOSED: set(),
    Status.CANCELLED: set(),
}


def data_for(target, inspector, inspection):
    if target == Status.RETURNED:
        return {"message": "Lengkapi dokumen."}
    if target == Status.SCHEDULED:
        return schedule_data(inspector)
    if target == Status.RESULT_ISSUED:
        if inspection.current_visit:
            inspection.current_visit.entries.update(outcome="met")
        return {"result": ResultKind.COMPLIANT, "findings": "Baik."}
    return {}


@pytest.mark.parametrize("source", list(ALLOWED))
@pytest.mark.parametrize("target", [s for s in Status.values if s != Status.SUBMITTED])
def test_each_staff_transition_allowed_or_refused(make_request, staff, inspector, source, target):
    inspection = make_request(status=None if source == Status.SUBMITTED else source)
    assert inspection.status == source
    if target in ALLOWED[source]:
        moved = lifecycle.move(inspection, target, user=staff, **data_for(target, inspector, inspection))
        assert moved.status == target
        event = inspection.events.order_by("-pk").first()
        assert (event.from_status, event.to_status, event.actor) == (source, target, staff)
    else:
        with pytest.raises(TransitionNotAllowed):
            lifecycle.move(inspection, target, user=staff, **data_for(target, inspector, inspection))
        assert InspectionRequest.objects.get(pk=inspection.pk).status == source


def test_available_lists_only_allowed_moves(make_request, staff):
    inspection = make_request()
    assert {t.target for t in lifecycle.available(inspection, staff)} == ALLOWED[Status.SUBMITTED]


def test_compliant_result_offers_no_reinspection(make_request, staff):
    compliant = make_request()
    advance(compliant, Status.RESULT_ISSUED, compliant=True)
    compliant.refresh_from_db()
    assert {t.target for t in lifecycle.available(compliant, staff)} == {Status.CLOSED}
    with pytest.raises(TransitionNotAllowed):
        lifecycle.move(compliant, Status.REINSPECTION, user=staff)


def test_return_needs_a_message(make_request, staff):
    inspection = make_request()
    with pytest.raises(TransitionNotAllowed):
        lifecycle.move(inspection, Status.RETURNED, user=staff, message="  ")
    assert InspectionRequest.objects.get(pk=inspection.pk).status == Status.SUBMITTED


def test_schedule_needs_date_time_and_inspectors(make_request, staff, inspector):
    inspection = make_request(status=Status.VERIFIED)
    with pytest.raises(TransitionNotAllowed):
        lifecycle.move(inspection, Status.SCHEDULED, user=staff)
    data = schedule_data(inspector)
    data["ends_at"] = data["starts_at"] - datetime.timedelta(hours=1)
    with pytest.raises(TransitionNotAllowed):
        lifecycle.move(inspection, Status.SCHEDULED, user=staff, **data)
    moved = lifecycle.move(inspection, Status.SCHEDULED, user=staff, **schedule_data(inspector))
    visit = moved.current_visit
    assert list(visit.inspectors.all()) == [inspector]
    assert visit.entries.count() > 20  # copied from the hotel template
    assert moved.scheduled_at is not None


def test_result_needs_every_item_and_corrective_actions(make_request, staff):
    inspection = make_request(status=Status.INSPECTED)
    with pytest.raises(TransitionNotAllowed, match="checklist"), translation.override("en"):
        lifecycle.move(inspection, Status.RESULT_ISSUED, user=staff, result=ResultKind.COMPLIANT)
    inspection.current_visit.entries.update(outcome="not_met")
    with pytest.raises(TransitionNotAllowed):
        lifecycle.move(inspection, Status.RESULT_ISSUED, user=staff, result=ResultKind.NOT_COMPLIANT)
    deadline = timezone.localdate() + datetime.timedelta(days=14)
    moved = lifecycle.move(
        inspection,
        Status.RESULT_ISSUED,
        user=staff,
        result=ResultKind.NOT_COMPLIANT,
        corrective_actions="Ganti APAR.",
        corrective_deadline=deadline,
    )
    visit = moved.current_visit
    assert visit.result_number.endswith(f"/PK/DAMKAR/{timezone.localdate().year}")
    assert len(visit.verification_code) == 11 and visit.verification_code[5] == "-"
    assert visit.valid_until is None and visit.corrective_deadline == deadline


def test_reinspection_schedules_a_second_visit(make_request, staff, inspector):
    inspection = make_request(status=Status.REINSPECTION)
    moved = lifecycle.move(inspection, Status.SCHEDULED, user=staff, **schedule_data(inspector))
    assert moved.visits.count() == 2 and moved.current_visit.number == 2


def test_applicant_moves(make_request, applicant, other_applicant):
    returned = make_request(status=Status.RETURNED)
    with pytest.raises(TransitionNotAllowed):
        lifecycle.move(returned, Status.SUBMITTED, user=other_applicant, applicant=True)
    assert lifecycle.move(returned, Status.SUBMITTED, user=applicant, applicant=True).status == Status.SUBMITTED
    event = returned.events.order_by("-pk").first()
    assert event.actor == applicant and event.to_status == Status.SUBMITTED

    for status in (Status.SUBMITTED, Status.RETURNED, Status.VERIFIED):
        inspection = make_request(status=None if status == Status.SUBMITTED else status)
        assert lifecycle.move(inspection, Status.CANCELLED, user=applicant, applicant=True).status == Status.CANCELLED
    for status in (Status.SCHEDULED, Status.INSPECTED, Status.RESULT_ISSUED):
        inspection = make_request(status=status)
        with pytest.raises(TransitionNotAllowed):
            lifecycle.move(inspection, Status.CANCELLED, user=applicant, applicant=True)
    # An applicant cannot use staff moves.
    inspection = make_request()
    with pytest.raises(TransitionNotAllowed):
        lifecycle.move(inspection, Status.VERIFIED, user=applicant)


def test_permissions_per_group(make_request, inspector, applicant):
    """Inspectors verify, schedule, record and issue; a user outside the group can do nothing."""
    inspection = make_request()
    assert {t.target for t in lifecycle.available(inspection, applicant)} == set()
    with pytest.raises(TransitionNotAllowed):
        lifecycle.move(inspection, Status.VERIFIED, user=applicant)
    assert lifecycle.move(inspection, Status.VERIFIED, user=inspector).status == Status.VERIFIED
    group = Group.objects.get(name="Inspectors")
    assert set(group.permissions.values_list("codename", flat=True)) >= {
        "view_inspectionrequest",
        "change_inspectionrequest",
        "issue_result",
        "access_admin",
    }
    clerk = make_user("clerk@example.com")
    clerk.user_permissions.add(*group.permissions.exclude(codename="issue_result"))
    clerk = type(clerk).objects.get(pk=clerk.pk)
    inspection = make_request(status=Status.SCHEDULED)
    with pytest.raises(TransitionNotAllowed):
        lifecycle.move(inspection, Status.INSPECTED, user=clerk)


def test_timestamps_and_audit_trail(make_request, staff):
    inspection = make_request()
    advance(inspection, Status.CLOSED, compliant=True)
    inspection.refresh_from_db()
    for field in ("submitted_at", "verified_at", "scheduled_at", "inspected_at", "result_issued_at", "closed_at"):
        assert getattr(inspection, field) is not None, field
    trail = list(InspectionEvent.objects.filter(request=inspection).values_list("to_status", flat=True))
    assert trail == ["submitted", "verified", "scheduled", "inspected", "result_issued", "closed"]


def test_result_numbers_follow_each_other_and_survive_a_clash(make_request, staff, monkeypatch):
    first = make_request()
    advance(first, Status.RESULT_ISSUED, compliant=True)
    number = InspectionRequest.objects.get(pk=first.pk).current_visit.result_number
    assert number.startswith("0001/")
    # Another worker took the next number a moment ago: the clash is retried with the one after.
    real = lifecycle._next_result_number
    calls = []

    def stale(now):
        calls.append(now)
        return number if len(calls) == 1 else real(now)

    monkeypatch.setattr(lifecycle, "_next_result_number", stale)
    second = make_request()
    advance(second, Status.RESULT_ISSUED, compliant=True)
    assert InspectionRequest.objects.get(pk=second.pk).current_visit.result_number.startswith("0002/")
    assert len(calls) == 2


def test_verification_page_is_rate_limited(client, make_request, settings):
    from django.core.cache import cache

    cache.clear()
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "verification": "2/min"},
    }
    codes = [client.get("/en/inspections/verify/", {"code": "AAAAA-BBBBB"}).status_code for _ in range(3)]
    cache.clear()
    assert codes == [200, 200, 429]
