"""Guards that match reality (issue 10, item 6): an incident's steps stay in the order they happened,
and each listing's code opens the work screen."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

import pytest

from reporting.incidents import lifecycle
from reporting.incidents.models import Incident, Status

pytestmark = pytest.mark.django_db


def _on_scene(make_incident, dispatcher):
    from reporting.incidents.models import FireStation

    incident = make_incident()
    station = FireStation.objects.first()
    lifecycle.transition(incident, Status.DISPATCHED, user=dispatcher, station=station)
    lifecycle.transition(incident, Status.ON_SCENE, user=dispatcher)
    return Incident.objects.get(pk=incident.pk)


def test_arrival_cannot_be_corrected_to_before_dispatch(make_incident, dispatcher):
    incident = _on_scene(make_incident, dispatcher)
    before = incident.on_scene_at
    with translation.override("en"), pytest.raises(ValidationError, match="cannot be earlier than"):
        lifecycle.AUDIT.correct_timestamp(
            incident, "on_scene_at", incident.dispatched_at - timedelta(minutes=1), user=dispatcher, reason="radio"
        )
    incident.refresh_from_db()
    assert incident.on_scene_at == before
    assert not incident.events.filter(kind="correction").exists()


def test_receipt_cannot_be_corrected_to_after_dispatch_in_the_admin(client, make_incident, dispatcher):
    incident = _on_scene(make_incident, dispatcher)
    before = incident.received_at
    client.force_login(dispatcher)
    later = timezone.localtime(incident.dispatched_at + timedelta(minutes=2))
    response = client.post(
        reverse("reporting_incident:correct", args=[incident.pk]),
        {"field": "received_at", "value": later.strftime("%Y-%m-%dT%H:%M"), "reason": "Log 112"},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    shown = " ".join(str(message) for message in response.context["messages"])
    assert "cannot be later than" in shown or "tidak boleh" in shown
    incident.refresh_from_db()
    assert incident.received_at == before


def test_a_correction_within_the_order_is_accepted(make_incident, dispatcher):
    incident = _on_scene(make_incident, dispatcher)
    earlier = incident.received_at - timedelta(minutes=2)
    lifecycle.AUDIT.correct_timestamp(incident, "received_at", earlier, user=dispatcher, reason="call log")
    incident.refresh_from_db()
    assert incident.received_at == earlier


def test_the_tracking_code_in_the_listing_opens_the_work_screen(client, make_incident, dispatcher):
    incident = make_incident()
    client.force_login(dispatcher)
    html = client.get(reverse("reporting_incident:index")).content.decode()
    assert f'href="{reverse("reporting_incident:inspect", args=[incident.pk])}"' in html
