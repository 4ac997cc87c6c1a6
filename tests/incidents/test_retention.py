"""Reporters' contact details are erased once the incident has been closed longer than the setting."""

import datetime

from django.core.management import call_command
from django.utils import timezone

import pytest

from reporting.incidents.models import Incident, Status

pytestmark = pytest.mark.django_db


def _closed(make_incident, days_ago, status=Status.FINISHED, **fields):
    incident = make_incident(**fields)
    Incident.objects.filter(pk=incident.pk).update(
        status=status, closed_at=timezone.now() - datetime.timedelta(days=days_ago)
    )
    return Incident.objects.get(pk=incident.pk)


def test_erases_only_incidents_closed_longer_than_the_setting(make_incident, settings):
    settings.INCIDENT_CONTACT_RETENTION_DAYS = 30
    old = _closed(make_incident, 31)
    old_false_alarm = _closed(make_incident, 400, status=Status.FALSE_ALARM)
    recent = _closed(make_incident, 29)
    still_open = make_incident()
    Incident.objects.filter(pk=still_open.pk).update(received_at=timezone.now() - datetime.timedelta(days=90))

    call_command("erase_old_contacts")

    for incident in (old, old_false_alarm):
        incident.refresh_from_db()
        assert (incident.reporter_name, str(incident.reporter_phone), incident.reporter_email) == ("", "", "")
        assert incident.description == "Api di dapur rumah" and incident.address == "Jl. Contoh No. 1"
        assert incident.events.filter(kind="note").exists()  # the timeline says why
    for incident in (recent, still_open):
        incident.refresh_from_db()
        assert incident.reporter_name == "Budi Contoh"
        assert incident.reporter_email == "budi@example.com"
        assert str(incident.reporter_phone) == "+6281234567890"


def test_default_retention_is_twelve_months(make_incident):
    kept = _closed(make_incident, 360)
    erased = _closed(make_incident, 370)
    call_command("erase_old_contacts")
    kept.refresh_from_db()
    erased.refresh_from_db()
    assert kept.reporter_name == "Budi Contoh"
    assert erased.reporter_name == ""
