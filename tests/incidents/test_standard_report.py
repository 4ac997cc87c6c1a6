"""The monthly minimum-service-standard report: figures of the chosen month in WIB, filters, print styles."""

import datetime
import re
import zoneinfo
from pathlib import Path

from django.conf import settings
from django.urls import reverse

import pytest

from reporting.incidents.models import Incident, Status

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


def _arrived(make_incident, minutes, at, **extra):
    incident = make_incident(received_at=at, **extra)
    Incident.objects.filter(pk=incident.pk).update(
        on_scene_at=at + datetime.timedelta(minutes=minutes), status=Status.FINISHED
    )


@pytest.mark.django_db
def test_head_prints_the_month_in_wib(client, head, make_incident, kecamatan):
    from portal.core.places import Kecamatan

    other = Kecamatan.objects.exclude(pk=kecamatan.pk).first()
    # 1 November 00:30 WIB is still 31 October in UTC: it belongs to November's report.
    _arrived(make_incident, 10, datetime.datetime(2026, 11, 1, 0, 30, tzinfo=WIB))
    _arrived(make_incident, 20, datetime.datetime(2026, 11, 15, 9, 0, tzinfo=WIB))
    _arrived(make_incident, 12, datetime.datetime(2026, 11, 20, 9, 0, tzinfo=WIB), kecamatan=other)
    _arrived(make_incident, 5, datetime.datetime(2026, 12, 1, 0, 30, tzinfo=WIB))  # December
    client.force_login(head)
    url = reverse("reporting_incident:standard_report")
    html = client.get(url, {"month": "2026-11"}).content.decode()
    assert re.search(r'data-figure="arrivals">\s*3\s*<', html)
    assert re.search(r'data-figure="share">\s*67%', html)
    assert re.search(r'data-figure="p50">\s*12[.,]0\s*<', html)
    filtered = client.get(url, {"month": "2026-11", "kecamatan": kecamatan.pk}).content.decode()
    assert re.search(r'data-figure="arrivals">\s*2\s*<', filtered)
    assert re.search(r'data-figure="share">\s*50%', filtered)
    bad = client.get(url, {"month": "November"})
    assert bad.status_code == 400 and "data-figure" not in bad.content.decode()
    css = (Path(settings.BASE_DIR) / "portal/static/css/reporting.css").read_text()
    assert "@media print" in css and ".standard-report__filters" in css
