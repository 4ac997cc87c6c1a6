"""The incident listing stays quick with many incidents: flat query counts, no DISTINCT,
indexed look-ups for a tracking code or phone, no deep pages."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from reporting.incidents.models import Incident, Status, new_tracking_code
from tests.admin_text import prefer_english


def _grow(template, total):
    """Copies of `template` up to `total` incidents (bulk: the listing, not creation, is under test)."""
    missing = total - Incident.objects.count()
    fields = {f.attname: getattr(template, f.attname) for f in Incident._meta.concrete_fields if not f.primary_key}
    copies = []
    for index in range(missing):
        values = dict(fields, tracking_code=new_tracking_code(), idempotency_key=None)
        values["status"] = Status.FINISHED if index % 2 else Status.RECEIVED
        copies.append(Incident(**values))
    Incident.objects.bulk_create(copies, batch_size=500)


def _queries(client, params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("reporting_incident:index"), params)
    assert response.status_code == 200
    return captured, response.content.decode()


@pytest.mark.django_db
def test_listing_costs_the_same_at_two_sizes_without_distinct(client, dispatcher, make_incident):
    first = make_incident()
    client.force_login(prefer_english(dispatcher))
    _grow(first, 10)
    small_list, _page = _queries(client, {})
    small_filtered, _page = _queries(client, {"status": ["received", "finished"]})
    _grow(first, 1200)
    big_list, page = _queries(client, {})
    big_filtered, _page = _queries(client, {"status": ["received", "finished"], "p": "500"})
    assert len(big_list) == len(small_list)
    assert len(big_filtered) == len(small_filtered)
    incident_sql = [q["sql"] for q in big_filtered if "reporting_incident" in q["sql"]]
    assert incident_sql and not any("DISTINCT" in sql.upper() for sql in incident_sql)
    # No deep OFFSET: page 500 is served as the last allowed page (20 × 50 = 1,000 newest).
    assert not any("OFFSET 24950" in sql for sql in incident_sql)
    assert max(int(sql.rsplit("OFFSET", 1)[1].split()[0]) for sql in incident_sql if "OFFSET" in sql) <= 950
    assert "Narrow the list with the filters" in page


@pytest.mark.django_db
def test_search_by_code_and_phone_uses_equality(client, dispatcher, make_incident):
    wanted = make_incident(reporter_phone="+6281299990000")
    other = make_incident(reporter_phone="+6281211112222")
    client.force_login(dispatcher)
    for query in (wanted.tracking_code.lower().replace("-", " "), "0812 9999 0000"):
        captured, page = _queries(client, {"q": query})
        assert wanted.tracking_code in page and other.tracking_code not in page
        listing_sql = [q["sql"] for q in captured if "reporting_incident" in q["sql"]]
        assert not any("LIKE" in sql.upper() for sql in listing_sql)
    _captured, page = _queries(client, {"q": "dapur"})  # free text still searches the description
    assert wanted.tracking_code in page and other.tracking_code in page


@pytest.mark.django_db
def test_export_reads_no_incident_before_it_starts_streaming(client, dispatcher, make_incident):
    first = make_incident()
    _grow(first, 30)
    client.force_login(prefer_english(dispatcher))
    with CaptureQueriesContext(connection) as before_streaming:
        response = client.get(reverse("reporting_incident:index"), {"export": "csv", "status": "received"})
    assert response.streaming
    # Wagtail's listing context would count the rows with len(): every incident loaded up front.
    assert not any('FROM "reporting_incident"' in q["sql"] for q in before_streaming.captured_queries)
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == 1 + Incident.objects.filter(status=Status.RECEIVED).count()
