"""A report costs only its writes (and, under an Idempotency-Key, the replay check):
nothing is read that the request already knows, and the reference codes come from
memory once warm (portal.core.reference)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from reporting.incidents.models import Incident

pytestmark = pytest.mark.django_db

BODY = {
    "category": "fire-building",
    "description": "Api di dapur",
    "kecamatan": "15.71.08",
    "latitude": "-1.610000",
    "longitude": "103.613000",
}


def _statements(context):
    # Savepoints come from the test's own transaction, not from the view.
    return [q["sql"] for q in context.captured_queries if "SAVEPOINT" not in q["sql"]]


@pytest.mark.parametrize("key", ["k-1", None])
def test_an_accepted_report_costs_only_its_writes(client, category, kecamatan, key):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    client.post("/api/incidents/", {**BODY, "description": "warm-up"}, content_type="application/json")
    with CaptureQueriesContext(connection) as context:
        response = client.post("/api/incidents/", BODY, content_type="application/json", **headers)
    assert response.status_code == 201
    statements = _statements(context)
    # The incident and its timeline entry; a key adds the replay lookup. (The task row is
    # written on commit, which a test transaction never reaches: see test_notifications.)
    assert len(statements) == (3 if key else 2), statements
    # The answer is complete without reading back: the first timeline entry is there.
    body = response.json()
    assert [entry["status"] for entry in body["timeline"]] == ["received"]
    assert Incident.objects.filter(tracking_code=body["tracking_code"]).exists()


def test_a_replay_answers_the_first_report_and_stores_nothing(client, category, kecamatan):
    first = client.post("/api/incidents/", BODY, content_type="application/json", HTTP_IDEMPOTENCY_KEY="same")
    again = client.post("/api/incidents/", BODY, content_type="application/json", HTTP_IDEMPOTENCY_KEY="same")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["tracking_code"] == first.json()["tracking_code"]
    assert again.json()["timeline"] == first.json()["timeline"]
    assert Incident.objects.count() == 1
