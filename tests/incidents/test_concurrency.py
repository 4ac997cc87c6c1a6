"""Many simultaneous submissions and transitions on PostgreSQL (SQLite serialises writers)."""

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

from django.db import connection

import pytest

from portal.core.workflow import TransitionNotAllowed
from reporting.incidents import lifecycle
from reporting.incidents.models import FireStation, Incident, IncidentEvent, Status
from tests.markers import requires_postgres

from .conftest import INSIDE

THREADS = 8


def _run(fn, count):
    """Run fn(0..count-1) on THREADS threads; the first THREADS calls start together.

    Only the first batch meets at the barrier (later calls would wait for parties
    that never come); a broken barrier fails the test.
    """
    parties = min(count, THREADS)
    barrier = threading.Barrier(parties)

    def wrapped(index):
        if index < parties:
            barrier.wait(timeout=10)
        try:
            return fn(index)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        return list(pool.map(wrapped, range(count)))


@pytest.mark.postgres
@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_submissions_and_transitions(site, reporting_setup, category, kecamatan, dispatcher):
    from rest_framework.test import APIClient

    keys = [str(uuid.uuid4()) for _ in range(12)]
    payload = {
        "category": category.code,
        "description": "Kebakaran bersamaan",
        "kecamatan": kecamatan.code,
        "latitude": str(INSIDE[0]),
        "longitude": str(INSIDE[1]),
    }

    def submit(index):
        client = APIClient(REMOTE_ADDR=f"10.0.0.{index % 250}")
        # Every key is sent three times at once: a client retrying after a timeout.
        response = client.post("/api/incidents/", payload, format="json", HTTP_IDEMPOTENCY_KEY=keys[index % len(keys)])
        return response.status_code, response.json().get("tracking_code")

    results = _run(submit, len(keys) * 3)
    assert all(status in (200, 201) for status, _code in results), results
    accepted = {code for _status, code in results}
    assert len(accepted) == len(keys)
    assert Incident.objects.count() == len(keys)
    assert set(Incident.objects.values_list("tracking_code", flat=True)) == accepted
    assert sorted(Incident.objects.values_list("idempotency_key", flat=True)) == sorted(keys)

    # Now dispatchers race on the same incidents with conflicting moves.
    station = FireStation.objects.first()
    incidents = list(Incident.objects.all())
    moves = [Status.VERIFIED, Status.DISPATCHED, Status.FALSE_ALARM, Status.NOT_OUR_SERVICE]

    def move(index):
        incident = incidents[index % len(incidents)]
        try:
            lifecycle.transition(incident, moves[index % len(moves)], user=dispatcher, station=station)
            return True
        except TransitionNotAllowed:
            return False

    _run(move, len(incidents) * len(moves))
    for incident in Incident.objects.all():
        events = list(
            IncidentEvent.objects.filter(incident=incident, kind__in=["created", "transition"]).order_by("at", "pk")
        )
        assert events[0].kind == "created"
        state = Status.RECEIVED
        for event in events[1:]:
            assert event.from_status == state, (incident.tracking_code, [(e.from_status, e.to_status) for e in events])
            assert event.to_status in {t.target for t in lifecycle.WORKFLOW.available(state)}
            state = event.to_status
        assert incident.status == state
