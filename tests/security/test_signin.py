"""One sign-in for everyone: the admin's login is allauth's, with a second factor for staff who see personal data."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)

pytestmark = pytest.mark.django_db

PASSWORD = "pw-12345-test"  # noqa: S105


@pytest.fixture
def dispatcher_user(site):
    user = get_user_model().objects.create_user(
        username="dispatcher@damkar.example", email="dispatcher@damkar.example", password=PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Dispatchers"))
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def _sign_in(client, user):
    return client.post("/en/accounts/login/?next=/admin/", {"login": user.email, "password": PASSWORD})


def _current_code(secret):
    counter = list(yield_hotp_counters_from_time())[len(list(yield_hotp_counters_from_time())) // 2]
    return format_hotp_value(hotp_value(secret, counter))


def test_admin_login_sends_to_allauth_keeping_next(client):
    response = client.get("/admin/pages/", follow=False)
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response.status_code == 302
    assert "/accounts/login/?next=%2Fadmin%2Fpages%2F" in response["Location"]


def test_admin_login_refuses_an_outside_next(client):
    response = client.get("/admin/login/?next=https://evil.example/")
    assert "evil.example" not in response["Location"]
    assert "next=%2Fadmin%2F" in response["Location"]


def test_wagtail_password_form_is_gone(client, dispatcher_user):
    response = client.post("/admin/login/", {"username": dispatcher_user.username, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") is None


def test_without_the_setting_a_dispatcher_reaches_the_admin(client, dispatcher_user, settings):
    settings.STAFF_MFA_REQUIRED = False
    assert _sign_in(client, dispatcher_user)["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_dispatcher_without_totp_is_sent_to_set_it_up(client, dispatcher_user, settings):
    settings.STAFF_MFA_REQUIRED = True
    assert _sign_in(client, dispatcher_user)["Location"] == "/admin/"
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/2fa/totp/activate/")
    # allauth may first ask for the password again (a recent sign-in) before the setup page.
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en", follow=True)
    assert page.status_code == 200
    assert page.redirect_chain[-1][0].split("?")[0].endswith(("/2fa/totp/activate/", "/accounts/reauthenticate/"))
    # The admin speaks Indonesian by default, so the message is queued in Indonesian.
    assert "pasang aplikasi autentikator" in page.content.decode()


def test_editor_without_personal_data_needs_no_second_factor(client, site, settings):
    settings.STAFF_MFA_REQUIRED = True
    editor = get_user_model().objects.create_user(
        username="editor@damkar.example", email="editor@damkar.example", password=PASSWORD, is_staff=True
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    _sign_in(client, editor)
    assert client.get("/admin/").status_code == 200


def test_dispatcher_with_totp_signs_in_with_a_code_and_reaches_the_admin(client, dispatcher_user, settings):
    settings.STAFF_MFA_REQUIRED = True
    secret = generate_totp_secret()
    TOTP.activate(dispatcher_user, secret)

    response = _sign_in(client, dispatcher_user)
    assert response["Location"].endswith("/accounts/2fa/authenticate/")
    assert client.get("/admin/").status_code == 302  # not signed in before the code

    wrong = client.post(response["Location"], {"code": "000000" if _current_code(secret) != "000000" else "111111"})
    assert wrong.status_code == 200
    assert client.session.get("_auth_user_id") is None

    done = client.post(response["Location"], {"code": _current_code(secret)})
    assert done.status_code == 302
    assert done["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_signed_in_citizen_at_the_admin_is_refused_without_a_loop(client, site):
    citizen = get_user_model().objects.create_user(username="warga", email="warga@example.org", password=PASSWORD)
    client.force_login(citizen)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) <= 2


def test_signed_in_staff_at_the_admin_login_go_on(client, dispatcher_user):
    client.force_login(dispatcher_user)
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response["Location"] == "/admin/pages/"
