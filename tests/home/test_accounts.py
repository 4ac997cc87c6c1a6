import re

from django.contrib.auth import get_user_model
from django.core import mail

import pytest

pytestmark = pytest.mark.django_db


def _verification_link(message):
    return re.search(r"https?://testserver(/\S+/accounts/confirm-email/\S+/)", message.body).group(1)


def test_sign_up_needs_email_verification_then_signs_in(client, site):
    response = client.post(
        "/id/accounts/signup/",
        {"email": "warga@example.org", "password1": "Api-padam-2026!", "password2": "Api-padam-2026!"},
    )
    assert response.status_code == 302
    assert "/accounts/confirm-email/" in response["Location"]
    user = get_user_model().objects.get(email="warga@example.org")
    assert not user.emailaddress_set.get().verified

    # Unverified: signing in is refused and sends to the verification notice.
    client.logout()
    response = client.post("/id/accounts/login/", {"login": "warga@example.org", "password": "Api-padam-2026!"})
    assert "/accounts/confirm-email/" in response["Location"]

    message = mail.outbox[-1]
    assert message.to == ["warga@example.org"]
    link = _verification_link(message)
    assert client.get(link).status_code == 200
    client.post(link)
    assert user.emailaddress_set.get().verified

    response = client.post("/id/accounts/login/", {"login": "warga@example.org", "password": "Api-padam-2026!"})
    assert response.status_code == 302
    overview = client.get("/id/accounts/profile/")
    assert overview.status_code == 200
    assert "warga@example.org" in overview.content.decode()


def test_verification_email_is_in_the_visitors_language(client, site):
    client.post(
        "/en/accounts/signup/",
        {"email": "visitor@example.org", "password1": "Api-padam-2026!", "password2": "Api-padam-2026!"},
    )
    assert "/en/accounts/confirm-email/" in mail.outbox[-1].body
    client.post(
        "/id/accounts/signup/",
        {"email": "warga2@example.org", "password1": "Api-padam-2026!", "password2": "Api-padam-2026!"},
    )
    assert "/id/accounts/confirm-email/" in mail.outbox[-1].body


def test_account_pages_use_the_site_layout_in_both_languages(client, site):
    id_html = client.get("/id/accounts/login/").content.decode()
    en_html = client.get("/en/accounts/login/").content.decode()
    for html in (id_html, en_html):
        assert 'class="emergency-bar"' in html
        assert 'href="tel:112"' in html
    assert '<html lang="id">' in id_html and "Masuk" in id_html
    assert '<html lang="en">' in en_html and "Sign In" in en_html


def test_bad_sign_up_shows_a_translated_error_and_creates_nothing(client, site):
    response = client.post("/id/accounts/signup/", {"email": "bukan-email", "password1": "pendek", "password2": "lain"})
    assert response.status_code == 200
    assert "Masukkan alamat email dengan format yang benar." in response.content.decode()
    assert not get_user_model().objects.filter(email="bukan-email").exists()


def test_password_reset_sends_a_link(client, site):
    get_user_model().objects.create_user("warga", "warga@example.org", "Api-padam-2026!")
    response = client.post("/id/accounts/password/reset/", {"email": "warga@example.org"})
    assert response.status_code == 302
    assert "/id/accounts/password/reset/key/" in mail.outbox[-1].body


def test_account_overview_needs_sign_in(client, site):
    response = client.get("/id/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/id/accounts/login/")


def test_sign_up_from_the_application_returns_to_it_after_confirming(client, site):
    """Sign-up → confirm the email → signed in, back on the volunteer application."""
    response = client.post(
        "/en/accounts/signup/",
        {
            "email": "calon@example.org",
            "password1": "Api-padam-2026!",
            "password2": "Api-padam-2026!",
            "next": "/en/relawan/daftar/",
        },
    )
    assert response.status_code == 302
    link = _verification_link(mail.outbox[-1])
    response = client.post(link)
    assert response.status_code == 302
    assert response["Location"] == "/en/relawan/daftar/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Apply as a volunteer" in page.content.decode()


def test_account_email_speaks_as_the_department_and_links_to_the_public_site(client, site, settings):
    settings.PUBLIC_BASE_URL = "https://damkar.jambikota.go.id"
    client.post(
        "/en/accounts/signup/",
        {"email": "warga3@example.org", "password1": "Api-padam-2026!", "password2": "Api-padam-2026!"},
    )
    body = mail.outbox[-1].body
    assert "Damkar Kota Jambi" in body
    assert "testserver" not in body and "127.0.0.1" not in body
    assert "https://damkar.jambikota.go.id/en/accounts/confirm-email/" in body
