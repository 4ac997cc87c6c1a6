"""The open-data page and its downloads: figures that match the data, no small cells, no personal data."""

import csv
import io
import json
from datetime import timedelta

from django.utils import timezone

import pytest

from reporting.incidents.models import Incident, Status

pytestmark = pytest.mark.django_db

PERSONAL = ("Budi Contoh", "6281234567890", "budi@example.com", "Jl. Contoh", "-1.61", "103.61")


@pytest.fixture
def incidents(make_incident, category, kecamatan):
    """Five handled fires (four reached within 15 minutes), two in another kecamatan, one duplicate."""
    from portal.core.places import Kecamatan

    received = timezone.now() - timedelta(hours=2)
    made = []
    for minutes in (5, 9, 12, 14, 40):
        incident = make_incident()
        Incident.objects.filter(pk=incident.pk).update(
            received_at=received, on_scene_at=received + timedelta(minutes=minutes), status=Status.FINISHED
        )
        made.append(incident)
    other = Kecamatan.objects.exclude(pk=kecamatan.pk).first()
    for _ in range(2):
        made.append(make_incident(kecamatan=other))
    Incident.objects.filter(pk=made[-1].pk).update(received_at=received)
    Incident.objects.filter(pk=made[-2].pk).update(received_at=received)
    duplicate = make_incident()
    Incident.objects.filter(pk=duplicate.pk).update(status=Status.DUPLICATE, received_at=received)
    return {"kecamatan": kecamatan, "other": other}


def _json(client, slug, language="id"):
    response = client.get(f"/{language}/data/{slug}.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return json.loads(response.content)


def test_counts_match_the_data_and_small_cells_stay_empty(client, incidents):
    month = timezone.localdate().strftime("%Y-%m")
    body = _json(client, "incidents-by-kecamatan")
    rows = {row["kecamatan_code"]: row for row in body["rows"] if row["month"] == month}
    # Five handled incidents in Jelutung; the duplicate is not counted.
    assert rows[incidents["kecamatan"].code]["incidents"] == 5
    assert rows[incidents["kecamatan"].code]["kecamatan"] == incidents["kecamatan"].name
    # Two in the other kecamatan: below 3, so the row is not published at all.
    assert incidents["other"].code not in rows
    categories = _json(client, "incidents-by-category")["rows"]
    assert [(r["category_code"], r["incidents"]) for r in categories if r["month"] == month] == [("fire", 7)]


def test_response_time_share_within_the_standard(client, incidents):
    month = timezone.localdate().strftime("%Y-%m")
    rows = {row["month"]: row for row in _json(client, "response-time")["rows"]}
    assert rows[month] == {"month": month, "arrivals": 5, "within_standard_pct": 80}


def test_no_published_count_below_three_and_no_personal_data(client, incidents):
    from portal.core.opendata import MIN_CELL, datasets

    for dataset in datasets():
        for language in ("id", "en"):
            body = _json(client, dataset.slug, language)
            names = {column["name"] for column in body["columns"]}
            assert not names & {"reporter_name", "reporter_phone", "reporter_email", "address", "latitude", "longitude"}
            for row in body["rows"]:
                for column in dataset.count_columns():
                    assert row[column] is None or row[column] == 0 or row[column] >= MIN_CELL, (dataset.slug, row)
            text = client.get(f"/{language}/data/{dataset.slug}.csv").content.decode()
            assert not any(value in text for value in PERSONAL), dataset.slug
    page = client.get("/id/data/").content.decode()
    assert not any(value in page for value in PERSONAL)


def test_csv_has_the_dictionary_columns(client, incidents):
    body = _json(client, "incidents-by-kecamatan", "en")
    response = client.get("/en/data/incidents-by-kecamatan.csv")
    assert response["Content-Type"].startswith("text/csv")
    reader = csv.reader(io.StringIO(response.content.decode()))
    assert next(reader) == [column["name"] for column in body["columns"]]
    assert len(list(reader)) == len(body["rows"])


def test_page_in_both_languages(client, incidents):
    page_id = client.get("/id/data/")
    page_en = client.get("/en/data/")
    assert page_id.status_code == page_en.status_code == 200
    text_id, text_en = page_id.content.decode(), page_en.content.decode()
    assert "Data terbuka" in text_id and "Open data" in text_en
    # Each dataset has its chart and its table, and the downloads.
    assert text_en.count("<svg") >= 2 and text_en.count("<table") >= 2
    assert 'href="/en/data/response-time.csv"' in text_en
    # The figures are the same in both languages.
    assert ">5<" in text_en.replace("\n", "").replace(" ", "")


def test_dictionary_and_unknown_dataset(client, incidents):
    body = json.loads(client.get("/en/data/dictionary.json").content)
    assert {
        "incidents-by-category",
        "incidents-by-kecamatan",
        "response-time",
        "inspection-results",
        "volunteering",
    } <= set(body)
    assert client.get("/en/data/nothing-here.json").status_code == 404
    assert client.post("/en/data/response-time.json").status_code == 405


def test_figures_are_cached_for_the_day(client, incidents, make_incident, django_assert_max_num_queries):
    client.get("/id/data/")
    with django_assert_max_num_queries(6):
        client.get("/id/data/")
