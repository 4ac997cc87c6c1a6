from datetime import timedelta

from django.utils import timezone

import pytest

from reporting.incidents.dashboard import open_by_status, percentile, response_stats, summarise
from reporting.incidents.models import Incident, Status


def test_percentile_and_summary():
    assert percentile([], 0.5) is None
    assert percentile([10], 0.9) == 10
    assert percentile([1, 2, 3, 4], 0.5) == 2.5
    assert percentile(list(range(1, 11)), 0.9) == pytest.approx(9.1)
    summary = summarise([20, 5, 10, 15], target=15)
    assert summary["count"] == 4 and summary["within"] == 3 and summary["share"] == 75
    assert summary["median"] == 12.5


@pytest.mark.django_db
def test_components_and_target(make_incident, settings):
    settings.RESPONSE_TARGET_MINUTES = 15
    t0 = timezone.now() - timedelta(hours=1)
    incident = make_incident(received_at=t0)
    assert incident.response_time is None and incident.met_target is None
    incident.dispatched_at = t0 + timedelta(minutes=2)
    incident.en_route_at = t0 + timedelta(minutes=4)
    incident.on_scene_at = t0 + timedelta(minutes=14)
    assert incident.processing_time == timedelta(minutes=2)
    assert incident.turnout_time == timedelta(minutes=2)
    assert incident.travel_time == timedelta(minutes=10)
    assert incident.response_time == timedelta(minutes=14)
    assert incident.response_minutes == 14.0 and incident.met_target is True
    incident.on_scene_at = t0 + timedelta(minutes=16)
    assert incident.met_target is False
    settings.RESPONSE_TARGET_MINUTES = 20
    assert incident.met_target is True


@pytest.mark.django_db
def test_stats_per_kecamatan(make_incident, kecamatan, settings):
    from portal.core.places import Kecamatan

    settings.RESPONSE_TARGET_MINUTES = 15
    other = Kecamatan.objects.exclude(pk=kecamatan.pk).first()
    now = timezone.now()
    for minutes, area in [(10, kecamatan), (20, kecamatan), (12, other)]:
        incident = make_incident(received_at=now - timedelta(days=1), kecamatan=area)
        Incident.objects.filter(pk=incident.pk).update(
            on_scene_at=incident.received_at + timedelta(minutes=minutes), status=Status.FINISHED
        )
    old = make_incident(received_at=now - timedelta(days=40))
    Incident.objects.filter(pk=old.pk).update(on_scene_at=old.received_at + timedelta(minutes=5))
    stats = response_stats()
    assert stats["total"]["count"] == 3
    rows = {row["name"]: row for row in stats["areas"]}
    assert rows[kecamatan.name]["share"] == 50 and rows[kecamatan.name]["median"] == 15
    assert rows[other.name]["share"] == 100


@pytest.mark.django_db
def test_dashboard_queries_are_constant(make_incident, django_assert_num_queries):
    now = timezone.now()
    with django_assert_num_queries(2):
        response_stats()
        open_by_status()
    for index in range(30):
        incident = make_incident(received_at=now - timedelta(days=index % 20))
        Incident.objects.filter(pk=incident.pk).update(on_scene_at=incident.received_at + timedelta(minutes=9))
    with django_assert_num_queries(2):
        stats = response_stats()
        counts = open_by_status()
    assert stats["total"]["count"] == 30
    assert sum(row["count"] for row in counts) == 30


@pytest.mark.django_db
def test_demo_is_idempotent_and_feeds_the_dashboard(site):
    from reporting.incidents import demo
    from reporting.incidents.models import Category, FireStation, IncidentEvent

    demo.seed(lambda *a: None)
    counts = (
        Incident.objects.count(),
        IncidentEvent.objects.count(),
        FireStation.objects.count(),
        Category.objects.count(),
    )
    demo.seed(lambda *a: None)
    assert counts == (
        Incident.objects.count(),
        IncidentEvent.objects.count(),
        FireStation.objects.count(),
        Category.objects.count(),
    )
    assert counts[0] == demo.DEMO_COUNT
    assert not Incident.objects.exclude(reporter_name="", reporter_email="").exists()
    from portal.core.places import in_service_area

    assert all(in_service_area(s.latitude, s.longitude) for s in FireStation.objects.all())
    assert all(in_service_area(i.latitude, i.longitude) for i in Incident.objects.all())
    assert response_stats()["total"]["count"] > 30
