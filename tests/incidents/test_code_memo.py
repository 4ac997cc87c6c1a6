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


@pytest.fixture
def post(client, payload):
    """Send the shared valid report (tests/incidents/conftest.py), with `changes`."""

    def send(headers=None, **changes):
        body = {**payload, **changes}
        return client.post("/api/incidents/", body, content_type="application/json", **(headers or {}))

    return send


def _reference_reads(context):
    return [
        q["sql"]
        for q in context.captured_queries
        if q["sql"].startswith("SELECT") and ("reporting_category" in q["sql"] or "core_kec" in q["sql"])
    ]


def test_warm_codes_cost_no_query(post, category):
    assert post().status_code == 201
    with CaptureQueriesContext(connection) as context:
        assert post().status_code == 201
    assert _reference_reads(context) == []


def test_a_renamed_category_is_seen_by_the_next_report(post, category, django_capture_on_commit_callbacks):
    assert post().status_code == 201
    with django_capture_on_commit_callbacks(execute=True):
        category.name = "Bangunan terbakar"
        category.save()
    assert post(description="lagi").json()["category_name"] == "Bangunan terbakar"


def test_an_added_category_is_accepted_at_once(post, category):
    assert post().status_code == 201
    Category.objects.create(code="fire-boat", name="Kapal", family="fire", locale=category.locale, parent=category)
    response = post(category="fire-boat")
    assert response.status_code == 201, response.json()
    assert response.json()["category"] == "fire-boat"


def test_a_deactivated_or_deleted_code_is_refused_at_once_with_the_translated_message(post, category):
    assert post().status_code == 201
    category.is_active = False
    category.save()
    response = post(headers={"HTTP_ACCEPT_LANGUAGE": "en"})
    assert response.status_code == 400
    assert response.json() == {"category": ["Unknown code “fire-building”."]}

    Kelurahan.objects.filter(kecamatan__code="15.71.03").delete()
    Kecamatan.objects.get(code="15.71.03").delete()
    response = post(category="fire-vehicle", kecamatan="15.71.03")
    assert response.status_code == 400
    assert list(response.json()) == ["kecamatan"]


def test_a_change_made_by_another_app_server_is_seen(post, category):
    """Another process's save reaches this one only through the shared cache's version."""
    assert post().status_code == 201
    Category.objects.filter(pk=category.pk).update(name="Gedung")  # no signal in this process
    cache.incr(reference.VERSION_KEY)  # what the other process's post_save does
    assert post(description="lagi").json()["category_name"] == "Gedung"


def test_without_a_readable_version_every_lookup_reads_the_database(post, category, monkeypatch):
    monkeypatch.setattr(reference, "version", lambda: None)  # the shared cache is down
    assert post().status_code == 201
    Category.objects.filter(pk=category.pk).update(name="Gedung")
    assert post(description="lagi").json()["category_name"] == "Gedung"


def test_a_filtered_queryset_is_refused_for_a_memoized_field():
    from django.core.exceptions import ImproperlyConfigured

    from portal.core.contract import KnownCodeField

    with pytest.raises(ImproperlyConfigured):
        KnownCodeField(queryset=Kecamatan.objects.filter(code__startswith="15"))
