"""After a reporter erases their contact details, no back-office screen, export or API
operation that shows incidents answers 500 or still shows their name, phone or email."""

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

import pytest

from reporting.incidents import lifecycle
from reporting.incidents.models import Incident

pytestmark = pytest.mark.django_db

SECRETS = {"Budi Contoh", "budi@example.com", "+6281234567890", "6281234567890", "081234567890", "0812-3456-7890"}


def _erase_as_the_reporter(client, incident):
    url = f"/id/track/{incident.tracking_code}/contact/"
    client.post(url, {"action": "send"})
    otp = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
    assert client.post(url, {"action": "verify", "otp": otp}).status_code == 200
    assert client.post(url, {"action": "erase"}).status_code == 302
    client.logout()


def test_erased_reporter_leaves_no_trace(client, make_incident, head, dispatcher, site):
    incident = make_incident()
    other = make_incident(reporter_name="", reporter_phone="", reporter_email="")
    # The erased report was merged into another: the kept one shows merged reports' contacts.
    lifecycle.transition(incident, "duplicate", user=dispatcher, kept=other)
    assert Incident.objects.get(pk=incident.pk).duplicate_of_id == other.pk
    _erase_as_the_reporter(client, incident)
    assert Incident.objects.get(pk=incident.pk).reporter_email == ""
    superuser = get_user_model().objects.filter(is_superuser=True).first()
    urls = ["/admin/", "/admin/reports/site-history/", reverse("reporting_incident:board")]
    urls.append(reverse("reporting_incident:board_feed"))
    urls.append(reverse("reporting_incident:standard_report"))
    for pk in (incident.pk, other.pk):
        for name in ("inspect", "edit", "history"):
            urls.append(reverse(f"reporting_incident:{name}", args=[pk]))
    index = reverse("reporting_incident:index")
    urls += [index, f"{index}?export=csv", f"{index}?export=xlsx", f"{index}?q=Budi"]
    urls += ["/api/incidents/", f"/api/incidents/{incident.pk}/", f"/api/incidents/{other.pk}/"]
    urls += [f"/api/incidents/track/{incident.tracking_code}/", f"/id/track/{incident.tracking_code}/"]
    checked = 0
    for user in (superuser, head, dispatcher):
        client.force_login(user)
        for url in urls:
            response = client.get(url)
            assert response.status_code < 500, url
            if response.status_code in (403, 404):
                continue
            body = b"".join(response.streaming_content) if response.streaming else response.content
            text = body.decode("utf-8", errors="replace")
            for secret in SECRETS:
                assert secret not in text, (user, url, secret)
            checked += 1
    assert checked > 20
