"""A reporter sees and erases their contact details with the tracking code and a one-time code."""

import re

from django.core import mail

import pytest

from reporting.incidents.models import Incident

pytestmark = pytest.mark.django_db


def _url(incident, language="en"):
    return f"/{language}/track/{incident.tracking_code}/contact/"


def test_reporter_erases_contact_with_one_time_code(client, make_incident):
    incident = make_incident()
    url = _url(incident)
    page = client.get(url).content.decode()
    assert "budi@example.com" not in page and "Budi Contoh" not in page

    client.post(url, {"action": "send"})
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["budi@example.com"]
    otp = re.search(r"\b(\d{6})\b", mail.outbox[0].body).group(1)

    wrong = client.post(url, {"action": "verify", "otp": "000000" if otp != "000000" else "111111"})
    assert wrong.status_code == 400 and "Budi Contoh" not in wrong.content.decode()
    shown = client.post(url, {"action": "verify", "otp": otp})
    assert shown.status_code == 200 and "Budi Contoh" in shown.content.decode()

    response = client.post(url, {"action": "erase"})
    assert response.status_code == 302
    incident.refresh_from_db()
    assert (incident.reporter_name, str(incident.reporter_phone), incident.reporter_email) == ("", "", "")
    assert incident.description == "Api di dapur rumah"


def test_erase_needs_the_one_time_code(client, make_incident):
    incident = make_incident()
    client.post(_url(incident), {"action": "erase"})
    incident.refresh_from_db()
    assert incident.reporter_name == "Budi Contoh"


def test_code_requests_are_rate_limited(client, make_incident):
    incident = make_incident()
    statuses = [client.post(_url(incident), {"action": "send"}).status_code for _ in range(7)]
    assert statuses[:5] == [200] * 5 and statuses[-1] == 429
    assert len(mail.outbox) == 5


def test_phone_only_reporter_is_told_there_is_no_sms(client, make_incident):
    incident = make_incident(reporter_email="")
    page = client.get(_url(incident)).content.decode()
    assert "SMS" in page
    client.post(_url(incident), {"action": "send"})
    assert mail.outbox == []
    assert Incident.objects.get(pk=incident.pk).reporter_phone
