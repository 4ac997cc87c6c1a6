from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from portal.core.workflow import TransitionNotAllowed
from reporting.incidents import lifecycle
from reporting.incidents.models import FireStation, Incident, IncidentEvent, Status

ALLOWED = {
    Status.RECEIVED: {Status.VERIFIED, Status.DISPATCHED, Status.FALSE_ALARM, Status.DUPLICATE, Status.NOT_OUR_SERVICE},
    Status.VERIFIED: {Status.DISPATCHED, Status.FALSE_ALARM, Status.DUPLICATE, Status.NOT_OUR_SERVICE},
    Status.DISPATCHED: {Status.EN_ROUTE, Status.ON_SCENE, Status.FALSE_ALARM},
    Status.EN_ROUTE: {Status.ON_SCENE, Status.FALSE_ALARM},
    Status.ON_SCENE: {Status.UNDER_CONTROL, Status.FINISHED, Status.FALSE_ALARM},
    Status.UNDER_CONTROL: {Status.FINISHED},
    Status.FINISHED: set(),
    Status.FALSE_ALARM: set(),
    Status.DUPLICATE: set(),
    Status.NOT_OUR_SERVICE: set(),
}
PAIRS = [(source, target) for source in Status.values for target in Status.values]


@pytest.mark.django_db
def test_every_transition_is_allowed_or_refused(make_incident, dispatcher):
    """All 100 (from, to) pairs: allowed ones move and stamp, the rest are refused and change nothing."""
    station = FireStation.objects.first()
    kept = make_incident(latitude=None, longitude=None)
    for source, target in PAIRS:
        incident = make_incident(latitude=None, longitude=None)
        Incident.objects.filter(pk=incident.pk).update(status=source)
        incident.refresh_from_db()
        if target in ALLOWED[Status(source)]:
            updated = lifecycle.transition(incident, target, user=dispatcher, station=station, kept=kept)
            assert updated.status == target, (source, target)
            assert getattr(updated, lifecycle.TIMESTAMPS[target]) is not None
            entry = IncidentEvent.objects.filter(incident=incident, kind="transition").get()
            assert (entry.from_status, entry.to_status, entry.actor) == (source, target, dispatcher)
        else:
            with pytest.raises(TransitionNotAllowed):
                lifecycle.transition(incident, target, user=dispatcher, station=station, kept=kept)
            incident.refresh_from_db()
            assert incident.status == source, (source, target)
            assert not IncidentEvent.objects.filter(incident=incident, kind="transition").exists()


@pytest.mark.django_db
def test_available_transitions_match_the_table(make_incident, dispatcher, head):
    incident = make_incident()
    for state, targets in ALLOWED.items():
        incident.status = state
        assert {t.target for t in lifecycle.available_transitions(incident, dispatcher)} == targets
        assert lifecycle.available_transitions(incident, head) == []


@pytest.mark.django_db
def test_user_without_permission_is_refused(make_incident, head, citizen):
    incident = make_incident()
    for user in (head, citizen):
        with pytest.raises(TransitionNotAllowed):
            lifecycle.transition(incident, Status.VERIFIED, user=user)


@pytest.mark.django_db
def test_dispatch_needs_a_station_and_records_it(make_incident, dispatcher):
    incident = make_incident()
    with pytest.raises(TransitionNotAllowed):
        lifecycle.transition(incident, Status.DISPATCHED, user=dispatcher)
    station = FireStation.objects.get(code="pos-pasar")
    updated = lifecycle.transition(incident, Status.DISPATCHED, user=dispatcher, station=station, units="PMK 05")
    assert (updated.station, updated.units) == (station, "PMK 05")


@pytest.mark.django_db
def test_full_run_records_one_timestamp_per_step_and_public_notes(make_incident, dispatcher):
    incident = make_incident()
    station = FireStation.objects.first()
    steps = [
        Status.VERIFIED,
        Status.DISPATCHED,
        Status.EN_ROUTE,
        Status.ON_SCENE,
        Status.UNDER_CONTROL,
        Status.FINISHED,
    ]
    for step in steps:
        incident = lifecycle.transition(
            incident, step, user=dispatcher, station=station, public_note=f"note {step}", note="internal"
        )
    stamps = [getattr(incident, lifecycle.TIMESTAMPS[s]) for s in [Status.RECEIVED, *steps]]
    assert all(stamps) and stamps == sorted(stamps)
    public = list(lifecycle.AUDIT.timeline(incident, public_only=True))
    assert [e.to_status for e in public] == [Status.RECEIVED, *steps]
    assert public[-1].public_note == "note finished"


@pytest.mark.django_db
def test_timestamp_correction_keeps_old_value_and_reason(make_incident, dispatcher):
    incident = make_incident()
    old = incident.received_at
    new = old - timedelta(minutes=4)
    lifecycle.AUDIT.correct_timestamp(incident, "received_at", new, user=dispatcher, reason="Call log says 10:02")
    incident.refresh_from_db()
    assert incident.received_at == new
    entry = IncidentEvent.objects.get(incident=incident, kind="correction")
    assert entry.old_value == old.isoformat() and entry.new_value == new.isoformat()
    assert entry.reason == "Call log says 10:02" and entry.actor == dispatcher
    # Corrections are not shown publicly.
    assert entry not in lifecycle.AUDIT.timeline(incident, public_only=True)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field,value,reason",
    [("received_at", None, ""), ("description", None, "x"), ("received_at", "future", "x")],
)
def test_timestamp_correction_refuses_bad_requests(make_incident, dispatcher, field, value, reason):
    incident = make_incident()
    if value == "future":
        value = timezone.now() + timedelta(hours=2)
    with pytest.raises(ValidationError):
        lifecycle.AUDIT.correct_timestamp(incident, field, value, user=dispatcher, reason=reason)


@pytest.mark.django_db
def test_merge_as_duplicate_links_to_kept_incident(make_incident, dispatcher):
    kept = make_incident()
    other = make_incident()
    merged = lifecycle.transition(other, Status.DUPLICATE, user=dispatcher, kept=kept)
    assert merged.duplicate_of == kept and merged.closed_at is not None
    assert IncidentEvent.objects.filter(incident=kept, kind="merge").exists()
    with pytest.raises(TransitionNotAllowed):
        lifecycle.transition(make_incident(), Status.DUPLICATE, user=dispatcher, kept=merged)


@pytest.mark.django_db
def test_tracking_codes_are_unique_and_readable(make_incident):
    from portal.core.codes import ALPHABET as CODE_ALPHABET

    codes = {make_incident(latitude=None, longitude=None).tracking_code for _ in range(30)}
    assert len(codes) == 30
    for code in codes:
        assert len(code) == 9 and code[4] == "-"
        assert set(code.replace("-", "")) <= set(CODE_ALPHABET)
        assert not set("01OIL") & set(code)


@pytest.mark.django_db
def test_tracking_code_collision_draws_a_new_code(make_incident, monkeypatch):
    from reporting.incidents.models import incident as incident_module

    first = make_incident()
    codes = iter([first.tracking_code, "ZZZZ-ZZZZ"])
    monkeypatch.setattr(incident_module, "new_tracking_code", lambda: next(codes))
    second = make_incident()
    assert second.tracking_code == "ZZZZ-ZZZZ"
