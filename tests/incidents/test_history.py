"""The incident back-office screens: every status change and correction shows in History;
a user without the permission is refused and nothing changes."""

from datetime import timedelta

from django.urls import reverse
from django.utils import formats, timezone, translation

from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

import pytest

from reporting.incidents.models import Incident, Status


@pytest.fixture
def incident(make_incident):
    return make_incident()


def history(client, incident, user, language="id"):
    # The admin speaks each user's preferred language.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    response = client.get(reverse("reporting_incident:history", args=[incident.pk]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_history_shows_each_status_change_with_who(client, dispatcher, incident):
    client.force_login(dispatcher)
    url = reverse("reporting_incident:transition", args=[incident.pk])
    client.post(url, {"target": "verified"})
    client.post(url, {"target": "false_alarm", "note": "Iseng"})
    page = history(client, incident, dispatcher)
    assert "Status berubah dari “Diterima” menjadi “Terverifikasi”" in page
    assert "Status berubah dari “Terverifikasi” menjadi “Ditutup: laporan palsu”" in page
    assert dispatcher.email in page or dispatcher.get_username() in page
    page_en = history(client, incident, dispatcher, "en")
    assert "Status changed from “Received” to “Verified”" in page_en


@pytest.mark.django_db
def test_history_shows_a_corrected_timestamp_and_its_reason(client, dispatcher, incident):
    client.force_login(dispatcher)
    new = (incident.received_at - timedelta(minutes=3)).astimezone(timezone.get_current_timezone())
    client.post(
        reverse("reporting_incident:correct", args=[incident.pk]),
        {"field": "received_at", "value": new.strftime("%Y-%m-%dT%H:%M"), "reason": "Log 112"},
    )
    page = history(client, incident, dispatcher, "en")
    with translation.override("en"):
        old, corrected = (
            formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")
            for moment in (incident.received_at, new.replace(second=0, microsecond=0))
        )
    assert f"“received” corrected from {old} to {corrected}. Reason: Log 112" in page


@pytest.mark.django_db
@pytest.mark.parametrize("screen", ["transition", "correct"])
def test_department_head_is_refused_and_nothing_changes(client, head, incident, screen):
    client.force_login(head)
    before = Incident.objects.values().get(pk=incident.pk)
    data = {"target": "verified", "field": "received_at", "value": "2020-01-01T00:00", "reason": "x"}
    response = client.post(reverse(f"reporting_incident:{screen}", args=[incident.pk]), data)
    # Wagtail answers a refused admin request with a redirect to the dashboard and an error message.
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert Incident.objects.values().get(pk=incident.pk) == before
    assert incident.events.count() == 1  # only "created"
    assert not ModelLogEntry.objects.filter(object_id=str(incident.pk)).exists()


@pytest.mark.django_db
def test_screens_answer_only_post(client, dispatcher, incident):
    client.force_login(dispatcher)
    assert client.get(reverse("reporting_incident:transition", args=[incident.pk])).status_code == 405
    incident.refresh_from_db()
    assert incident.status == Status.RECEIVED
