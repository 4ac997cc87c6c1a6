import logging
from unittest import mock

from django.core import mail

import pytest

from reporting.incidents import lifecycle
from reporting.incidents.models import Incident, Status


@pytest.mark.django_db
def test_reporter_with_email_is_told_of_status_changes(make_incident, dispatcher, django_capture_on_commit_callbacks):
    incident = make_incident()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.transition(incident, Status.VERIFIED, user=dispatcher, public_note="Petugas sedang menuju.")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["budi@example.com"]
    assert incident.tracking_code in message.subject
    assert "Petugas sedang menuju." in message.body
    assert "internal" not in message.body


@pytest.mark.django_db
def test_reporter_without_email_gets_nothing(make_incident, dispatcher, django_capture_on_commit_callbacks):
    incident = make_incident(reporter_email="")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.transition(incident, Status.VERIFIED, user=dispatcher)
    assert mail.outbox == []


@pytest.mark.django_db
def test_email_failure_leaves_report_saved(
    client, category, kecamatan, dispatcher, django_capture_on_commit_callbacks, caplog
):
    data = {
        "category": str(category.pk),
        "description": "Kebakaran lahan",
        "kecamatan": str(kecamatan.pk),
        "address": "Jl. Contoh",
    }
    with (
        mock.patch("portal.core.notifications.EmailMessage.send", side_effect=OSError("SMTP down")),
        caplog.at_level(logging.ERROR),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post("/id/report/", data)
    assert response.status_code == 302
    assert Incident.objects.count() == 1
    assert "failed" in caplog.text


@pytest.mark.django_db
def test_enqueue_failure_leaves_report_saved(client, category, kecamatan, django_capture_on_commit_callbacks, caplog):
    data = {"category": str(category.pk), "description": "Ular", "kecamatan": str(kecamatan.pk), "address": "Jl. X"}
    with (
        mock.patch("django_tasks.base.Task.enqueue", side_effect=RuntimeError("queue down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post("/id/report/", data)
    assert response.status_code == 302
    assert Incident.objects.count() == 1
    assert "Could not enqueue" in caplog.text


@pytest.mark.django_db
def test_transition_email_failure_keeps_transition(make_incident, dispatcher, django_capture_on_commit_callbacks):
    incident = make_incident()
    with (
        mock.patch("portal.core.notifications.EmailMessage.send", side_effect=OSError("SMTP down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        lifecycle.transition(incident, Status.VERIFIED, user=dispatcher)
    incident.refresh_from_db()
    assert incident.status == Status.VERIFIED
