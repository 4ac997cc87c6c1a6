"""Report codes come from a memo (portal.core.reference), yet a change to the
reference rows is seen by the very next report, here or on another app server."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from portal.core import reference
from portal.core.places import Kecamatan, Kelurahan
from reporting.incidents.models import Category

pytestmark = pytest.mark.django_db

BODY = {
    "category": "fire-building",
    "description": "Api di dapur",
    "kecamatan": "15.71.08",
    "latitude": "-1.610000",
    "longitude": "103.613000",
}


def _post(client, headers=None, **changes):
    return client.post("/api/incidents/", {**BODY, **changes}, content_type="application/json", **(headers or {}))


def _reference_reads(context):
    return [
        q["sql"]
        for q in context.captured_queries
        if q["sql"].startswith("SELECT") and ("reporting_category" in q["sql"] or "core_kec" in q["sql"])
    ]


def test_warm_codes_cost_no_query(client, category, kecamatan):
    assert _post(client).status_code == 201
    with CaptureQueriesContext(connection) as context:
        assert _post(client).status_code == 201
    assert _reference_reads(context) == []


def test_a_renamed_category_is_seen_by_the_next_report(client, category, kecamatan, django_capture_on_commit_callbacks):
    assert _post(client).status_code == 201
    with django_capture_on_commit_callbacks(execute=True):
        category.name = "Bangunan terbakar"
        category.save()
    assert _post(client, description="lagi").json()["category_name"] == "Bangunan terbakar"


def test_an_added_category_is_accepted_at_once(client, category, kecamatan):
    assert _post(client).status_code == 201
    Category.objects.create(code="fire-boat", name="Kapal", family="fire", locale=category.locale, parent=category)
    response = _post(client, category="fire-boat")
    assert response.status_code == 201, response.json()
    assert response.json()["category"] == "fire-boat"


def test_a_deactivated_or_deleted_code_is_refused_at_once_with_the_translated_message(client, category, kecamatan):
    assert _post(client).status_code == 201
    category.is_active = False
    category.save()
    response = _post(client, headers={"HTTP_ACCEPT_LANGUAGE": "en"})
    assert response.status_code == 400
    assert response.json() == {"category": ["Unknown code “fire-building”."]}

    Kelurahan.objects.filter(kecamatan__code="15.71.03").delete()
    Kecamatan.objects.get(code="15.71.03").delete()
    response = _post(client, category="fire-vehicle", kecamatan="15.71.03")
    assert response.status_code == 400
    assert list(response.json()) == ["kecamatan"]


def test_a_change_made_by_another_app_server_is_seen(client, category, kecamatan):
    """Another process's save reaches this one only through the shared cache's version."""
    assert _post(client).status_code == 201
    Category.objects.filter(pk=category.pk).update(name="Gedung")  # no signal in this process
    cache.incr(reference.VERSION_KEY)  # what the other process's post_save does
    assert _post(client, description="lagi").json()["category_name"] == "Gedung"


def test_without_a_readable_version_every_lookup_reads_the_database(client, category, kecamatan, monkeypatch):
    monkeypatch.setattr(reference, "version", lambda: None)  # the shared cache is down
    assert _post(client).status_code == 201
    Category.objects.filter(pk=category.pk).update(name="Gedung")
    assert _post(client, description="lagi").json()["category_name"] == "Gedung"


def test_a_filtered_queryset_is_refused_for_a_memoized_field():
    from django.core.exceptions import ImproperlyConfigured

    from portal.core.contract import KnownCodeField

    with pytest.raises(ImproperlyConfigured):
        KnownCodeField(queryset=Kecamatan.objects.filter(code__startswith="15"))
