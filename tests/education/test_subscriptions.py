"""Alert subscriptions: double opt-in, areas, one email per alert and subscriber, one-click unsubscribe."""

import json
import re

from django.core import mail

import pytest

from education.models import AlertDelivery, AlertSubscription
from portal.core.places import Kecamatan

pytestmark = pytest.mark.django_db


def _link(message, name):
    urls = re.findall(r"https?://\S+", message.body)
    return next(url for url in urls if name in url).split("://", 1)[1].split("/", 1)[1]


@pytest.fixture
def subscribe(client, site, django_capture_on_commit_callbacks):
    def post(email, areas=(), whole_city=False, language="id", prefix="id"):
        data = {"email": email, "language": language, "areas": [a.pk for a in areas]}
        if whole_city:
            data["whole_city"] = "on"
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"/{prefix}/alerts/subscribe/", data)

    return post


@pytest.fixture
def confirmed(subscribe, client):
    """Confirmed subscribers: one per area of the alerts (the first two kecamatan), one for the city, one elsewhere."""
    areas = list(Kecamatan.objects.all())
    people = {
        "first": ("satu@example.com", [areas[0]], False, "id"),
        "second": ("dua@example.com", [areas[1]], False, "en"),
        "city": ("kota@example.com", [], True, "id"),
        "elsewhere": ("lain@example.com", [areas[5]], False, "id"),
    }
    for email, chosen, whole_city, language in people.values():
        subscribe(email, chosen, whole_city, language)
        client.get("/" + _link(mail.outbox[-1], "/confirm/"))
    mail.outbox.clear()
    return {key: value[0] for key, value in people.items()}


def test_subscribing_sends_a_confirmation_and_nothing_else(subscribe, client):
    response = subscribe("Warga@Example.com ", [Kecamatan.objects.first()])
    assert response.status_code == 302
    subscription = AlertSubscription.objects.get()
    assert subscription.email == "warga@example.com" and subscription.confirmed_at is None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["warga@example.com"]
    assert "Konfirmasi" in message.subject
    page = client.get("/" + _link(message, "/confirm/"), follow=True)
    assert page.status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None


def test_the_form_refuses_no_area_and_bad_email(subscribe):
    response = subscribe("bukan-email")
    assert response.status_code == 400
    text = response.content.decode()
    assert "Pilih seluruh kota atau sedikitnya satu kecamatan." in text
    assert not AlertSubscription.objects.exists() and not mail.outbox


def test_a_confirmed_address_is_not_changed_by_the_form(subscribe, confirmed):
    subscribe(confirmed["first"], whole_city=True)
    subscription = AlertSubscription.objects.get(email=confirmed["first"])
    assert not subscription.whole_city
    # The owner gets the link to change it instead; the page said the same as for a new address.
    assert len(mail.outbox) == 1 and "/alerts/subscription/" in mail.outbox[0].body


def test_a_published_alert_reaches_each_subscriber_of_its_areas_once(
    confirmed, make_alert, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        alert = make_alert()
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([confirmed["first"], confirmed["second"], confirmed["city"]])
    assert AlertDelivery.objects.filter(alert_key=alert.translation_key).count() == 3
    message = next(m for m in mail.outbox if m.to == [confirmed["first"]])
    assert alert.description in message.body and "112" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    # The English subscriber gets English around the alert.
    english = next(m for m in mail.outbox if m.to == [confirmed["second"]])
    assert "Unsubscribe:" in english.body and "Berhenti" not in english.body

    # Publishing again (a correction) sends nothing twice.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        alert.save_revision().publish()
    assert mail.outbox == []


def test_unconfirmed_subscribers_get_nothing(subscribe, make_alert, django_capture_on_commit_callbacks):
    subscribe("belum@example.com", whole_city=True)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        make_alert()
    assert mail.outbox == []


def test_one_click_unsubscribe_deletes_the_subscription(
    confirmed, client, make_alert, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_alert()
    message = next(m for m in mail.outbox if m.to == [confirmed["city"]])
    url = message.extra_headers["List-Unsubscribe"].strip("<>").split("://", 1)[1].split("/", 1)[1]
    # RFC 8058: the mail client POSTs this body, with no CSRF token and no cookie.
    csrf_client = client.__class__(enforce_csrf_checks=True)
    response = csrf_client.post("/" + url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not AlertSubscription.objects.filter(email=confirmed["city"]).exists()
    assert AlertDelivery.objects.filter(subscription__email=confirmed["city"]).count() == 0
    # The link in the body opens a page with one button, and then answers 404.
    assert client.get("/" + url).status_code == 404


def test_manage_export_and_unknown_token(confirmed, client):
    subscription = AlertSubscription.objects.get(email=confirmed["first"])
    page = client.get(f"/en/alerts/subscription/{subscription.token}/")
    assert page.status_code == 200 and confirmed["first"] in page.content.decode()
    response = client.post(f"/en/alerts/subscription/{subscription.token}/", {"whole_city": "on", "language": "en"})
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.whole_city and subscription.language == "en" and not subscription.areas.exists()
    data = json.loads(client.get(f"/en/alerts/subscription/{subscription.token}/data.json").content)
    assert data["email"] == confirmed["first"] and data["whole_city"] is True
    assert set(data) == {"email", "language", "whole_city", "kecamatan", "subscribed_at", "confirmed_at", "alerts_sent"}
    assert client.get("/en/alerts/subscription/not-a-token/").status_code == 404
    assert client.post("/en/alerts/subscription/not-a-token/", {"whole_city": "on"}).status_code == 404
