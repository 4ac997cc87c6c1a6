"""Personal data never reaches a public page or a public API response."""

from django.urls import reverse

import pytest

from reporting.incidents import lifecycle
from reporting.incidents.models import Status

SECRETS = ["Budi Contoh", "6281234567890", "812-3456-7890", "budi@example.com", "Jl. Contoh No. 1", "internal-only"]


@pytest.fixture
def worked_incident(make_incident, dispatcher):
    incident = make_incident()
    lifecycle.transition(
        incident, Status.VERIFIED, user=dispatcher, public_note="Tim sedang diberangkatkan.", note="internal-only"
    )
    return incident


def _clean(text):
    for secret in SECRETS:
        assert secret not in text, secret
    assert "dispatcher@damkar.example" not in text


@pytest.mark.django_db
def test_tracking_page_shows_timeline_but_no_personal_data(client, worked_incident):
    for language in ("id", "en"):
        response = client.get(f"/{language}/track/{worked_incident.tracking_code}/")
        assert response.status_code == 200
        text = response.content.decode()
        assert "Tim sedang diberangkatkan." in text
        _clean(text)


@pytest.mark.django_db
def test_tracking_lookup_form(client, worked_incident):
    code = worked_incident.tracking_code
    response = client.get("/id/track/", {"code": code.lower().replace("-", " ")})
    assert response.status_code == 302 and response["Location"].endswith(f"/track/{code}/")
    assert client.get("/id/track/", {"code": "ZZZZ-ZZZZ"}).status_code == 404


@pytest.mark.django_db
def test_confirmation_page_has_no_personal_data(client, worked_incident):
    session = client.session
    session["reporting_codes"] = [worked_incident.tracking_code]
    session.save()
    response = client.get(reverse("reporting:sent", args=[worked_incident.tracking_code]))
    _clean(response.content.decode())


@pytest.mark.django_db
def test_public_api_has_no_personal_data(client, worked_incident, category, kecamatan):
    response = client.get(f"/api/incidents/track/{worked_incident.tracking_code}/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "verified"
    assert [e["status"] for e in body["timeline"]] == ["received", "verified"]
    _clean(response.content.decode())
    created = client.post(
        "/api/incidents/",
        {
            "category": category.code,
            "description": "Api",
            "kecamatan": kecamatan.code,
            "reporter_name": "Budi Contoh",
            "reporter_phone": "081234567890",
            "reporter_email": "budi@example.com",
            "address": "Jl. Contoh No. 1",
        },
        content_type="application/json",
    )
    assert created.status_code == 201
    _clean(created.content.decode())


@pytest.mark.django_db
def test_staff_api_shows_contact(client, worked_incident, dispatcher):
    client.force_login(dispatcher)
    body = client.get(f"/api/incidents/{worked_incident.pk}/").json()
    assert body["reporter_name"] == "Budi Contoh" and body["reporter_phone"] == "+6281234567890"
