"""The dispatch board: what a dispatcher sees, what its feed costs, who may open it."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from reporting.incidents import lifecycle
from reporting.incidents.models import FireStation, Status

pytestmark = pytest.mark.django_db
FEED = "reporting_incident:board_feed"


def test_board_lists_active_incidents_newest_first_with_a_suggested_station(client, dispatcher, make_incident):
    older = make_incident(description="Asap dari gudang")
    newer = make_incident(description="Api di pasar")
    closed = make_incident()
    lifecycle.transition(closed, Status.FALSE_ALARM, user=dispatcher)
    client.force_login(dispatcher)

    page = client.get(reverse("reporting_incident:board"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<title>Papan pengendalian" in html  # the admin in the department's language
    assert html.index(newer.tracking_code) < html.index(older.tracking_code)
    assert closed.tracking_code not in html

    rows = client.get(reverse(FEED)).json()["incidents"]
    assert [row["code"] for row in rows] == [newer.tracking_code, older.tracking_code]
    nearest = FireStation.nearest(newer.latitude, newer.longitude, limit=1)[0][0]
    assert rows[0]["suggested"] == {"id": nearest.pk, "name": nearest.name}
    assert [move["target"] for move in rows[0]["moves"]] == [Status.VERIFIED, Status.DISPATCHED]
    assert rows[0]["clock_running"] is True
    # The board is for staff: no reporter contact travels in the feed.
    assert "Budi" not in str(rows) and "+6281234567890" not in str(rows)


def test_unchanged_board_answers_304_and_changes_when_a_report_arrives(client, dispatcher, make_incident):
    make_incident()
    client.force_login(dispatcher)
    first = client.get(reverse(FEED))
    etag = first["ETag"]
    assert client.get(reverse(FEED), headers={"if-none-match": etag}).status_code == 304

    new = make_incident(description="Kebakaran lahan")
    changed = client.get(reverse(FEED), headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed.json()["incidents"][0]["code"] == new.tracking_code

    lifecycle.transition(new, Status.VERIFIED, user=dispatcher)
    moved = client.get(reverse(FEED), headers={"if-none-match": changed["ETag"]})
    assert moved.status_code == 200
    assert moved.json()["incidents"][0]["status"] == Status.VERIFIED


def test_feed_costs_the_same_for_three_or_thirty_open_incidents(client, dispatcher, make_incident):
    client.force_login(dispatcher)
    for _ in range(3):
        make_incident()
    with CaptureQueriesContext(connection) as few:
        assert len(client.get(reverse(FEED)).json()["incidents"]) == 3
    for _ in range(27):
        make_incident()
    with CaptureQueriesContext(connection) as many:
        assert len(client.get(reverse(FEED)).json()["incidents"]) == 30
    assert len(many) == len(few) <= 10, [q["sql"] for q in many.captured_queries]


def test_department_head_sees_the_board_without_moves(client, head, make_incident):
    make_incident()
    client.force_login(head)
    response = client.get(reverse(FEED))
    assert response.status_code == 200
    assert response.json()["incidents"][0]["moves"] == []


@pytest.mark.parametrize("who", ["anonymous", "citizen"])
def test_board_is_refused_to_the_public(client, citizen, make_incident, who):
    incident = make_incident()
    if who == "citizen":
        client.force_login(citizen)
    for name in ("reporting_incident:board", FEED):
        response = client.get(reverse(name))
        assert response.status_code in (302, 403)
        assert incident.tracking_code not in response.content.decode()


def test_dispatchers_admin_home_is_the_board(client, dispatcher, make_incident):
    incident = make_incident()
    client.force_login(dispatcher)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "data-board" in html and incident.tracking_code in html
    assert "js/dispatch-board" in html


def test_feed_lists_the_newest_open_incidents_up_to_the_limit(client, dispatcher, make_incident, settings):
    from reporting.incidents import board

    client.force_login(dispatcher)
    first = make_incident()
    _copies(first, board.BOARD_LIMIT + 5)
    with CaptureQueriesContext(connection) as queries:
        data = client.get(reverse(FEED)).json()
    assert len(data["incidents"]) == board.BOARD_LIMIT
    assert data["open_count"] == board.BOARD_LIMIT + 6
    assert len(queries) <= 10
    assert first.tracking_code not in {row["code"] for row in data["incidents"]}  # the oldest is left to the listing


def _copies(template, count):
    from datetime import timedelta

    from reporting.incidents.models import Incident, new_tracking_code

    fields = {f.attname: getattr(template, f.attname) for f in Incident._meta.concrete_fields if not f.primary_key}
    Incident.objects.bulk_create(
        Incident(
            **dict(
                fields,
                tracking_code=new_tracking_code(),
                idempotency_key=None,
                received_at=template.received_at + timedelta(minutes=i + 1),
            )
        )
        for i in range(count)
    )
