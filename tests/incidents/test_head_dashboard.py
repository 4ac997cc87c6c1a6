"""The Department head's home: this month's figures, computed by the database, at a flat cost."""

import re
from datetime import timedelta

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from reporting.incidents.dashboard import head_figures, month_start
from reporting.incidents.models import Incident, Status
from tests.admin_text import prefer_english


def _arrived(make_incident, minutes, at, **extra):
    incident = make_incident(received_at=at, **extra)
    Incident.objects.filter(pk=incident.pk).update(
        dispatched_at=at + timedelta(minutes=2),
        en_route_at=at + timedelta(minutes=4),
        on_scene_at=at + timedelta(minutes=minutes),
        status=Status.ON_SCENE,
    )
    return incident


def _this_month():
    """A moment safely inside this month, in the department's zone."""
    start = month_start()
    return max(start + timedelta(hours=1), timezone.now() - timedelta(hours=1))


@pytest.mark.django_db
def test_head_sees_this_months_figures(client, head, make_incident, kecamatan):
    from portal.core.places import Kecamatan

    other = Kecamatan.objects.exclude(pk=kecamatan.pk).first()
    at = _this_month()
    for minutes, area in [(10, kecamatan), (20, kecamatan), (12, other), (14, other)]:
        _arrived(make_incident, minutes, at, kecamatan=area)
    make_incident(received_at=at)  # not arrived yet: a report, not an arrival
    _arrived(make_incident, 5, month_start() - timedelta(days=3))  # last month: trend only
    client.force_login(prefer_english(head))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Response time," in html
    assert "Per kecamatan" in html and "Time per workflow step" in html and "Reports by category" in html
    assert re.search(r"data-figure=\"reports\">\s*5\s*<", html), re.findall(r"data-figure=\"\w+\">[^<]*<", html)
    assert re.search(r'data-figure="arrivals">\s*4\s*<', html)
    assert re.search(r'data-figure="share">\s*75%', html)  # 10, 12, 14 within 15; 20 not
    assert re.search(r'data-figure="p50">\s*13[.,]0\s*<', html)
    assert re.search(r'data-figure="p90">\s*18[.,]2\s*<', html)  # 14 + 0.7 * (20 - 14)
    assert re.search(r'data-step="processing">\s*2[.,]0\s*<', html)
    assert "<svg" in html and "<table" in html
    figures = head_figures()
    areas = {row["name"]: row for row in figures["areas"]}
    assert areas[kecamatan.name]["p50"] == pytest.approx(15) and areas[kecamatan.name]["share"] == 50
    assert areas[other.name]["p90"] == pytest.approx(13.8)
    assert [row["count"] for row in figures["trend"]][-2:] == [1, 4]
    assert figures["categories"][0]["count"] == 5


@pytest.mark.django_db
def test_dispatcher_does_not_see_the_head_panel(client, dispatcher):
    client.force_login(dispatcher)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "head-dashboard-heading" not in html


def _figures_queries(make_incident, count):
    at = _this_month()
    for index in range(count):
        _arrived(make_incident, 5 + index % 20, at - timedelta(minutes=index))
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        figures = head_figures()
    assert figures["arrivals"] == Incident.objects.filter(on_scene_at__isnull=False).count()
    with CaptureQueriesContext(connection) as cached:
        head_figures()
    assert len(cached) == 0  # served from the cache
    return len(queries)


@pytest.mark.django_db
def test_head_figures_cost_the_same_whatever_the_volume(make_incident):
    few = _figures_queries(make_incident, 10)
    many = _figures_queries(make_incident, 200)
    assert few == many <= 6


def test_head_charts_draw_in_indonesian(client, head, make_incident, kecamatan):
    """SVG numbers take a decimal point in every language: "12,5" is no width at all."""
    at = _this_month()
    for minutes in (10, 20, 12):
        _arrived(make_incident, minutes, at, kecamatan=kecamatan)
    client.force_login(head)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Waktu tanggap" in html
    widths = re.findall(r'<rect x="0" y="[^"]*" width="([^"]*)"', html)
    assert widths and all(re.fullmatch(r"\d+(\.\d+)?", width) for width in widths), widths
    assert float(max(widths, key=float)) > 0
