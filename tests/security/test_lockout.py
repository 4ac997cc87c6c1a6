"""Password guessing: the tenth wrong password on any entry point locks that account and address.

Entry points: allauth's sign-in form (where the Wagtail admin's login sends
staff) and the API token endpoint. django-axes counts in the database
(reset between tests by the test transaction), keyed by `client_ip()`.
"""

from django.contrib.auth import get_user_model

import pytest
from allauth.account.models import EmailAddress
from axes.models import AccessAttempt
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

PASSWORD = "pw-12345-test"  # noqa: S105
LOCKED = "Too many failed sign-in attempts for this account from your address."


@pytest.fixture
def officer(site):
    user = get_user_model().objects.create_user(
        username="petugas", email="petugas@damkar.example", password=PASSWORD, is_staff=True
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def _allauth(client, officer, password, **extra):
    return client.post("/en/accounts/login/", {"login": officer.email, "password": password}, **extra)


def _token(client, officer, password, **extra):
    extra.setdefault("HTTP_ACCEPT_LANGUAGE", "en")  # the API answers in the caller's language
    return APIClient().post(
        "/api/auth/token/", {"username": officer.username, "password": password}, format="json", **extra
    )


def _signed_in(client, response):
    if response.headers.get("Content-Type", "").startswith("application/json"):
        return response.status_code == 200 and "token" in response.json()
    return response.status_code == 302 and client.session.get("_auth_user_id") is not None


ENTRY_POINTS = [pytest.param(_allauth, id="allauth"), pytest.param(_token, id="token")]


def _fail_ten_times(client, attempt, officer, **extra):
    for _ in range(9):
        response = attempt(client, officer, "wrong-password", **extra)
        assert response.status_code in (200, 400), response.status_code  # the form's own "not correct"
    return attempt(client, officer, "wrong-password", **extra)


@pytest.mark.parametrize("attempt", ENTRY_POINTS)
def test_tenth_wrong_password_locks_account_and_address(client, officer, attempt):
    tenth = _fail_ten_times(client, attempt, officer)
    assert tenth.status_code == 429
    assert LOCKED in tenth.content.decode()
    assert int(tenth["Retry-After"]) > 0

    right = attempt(client, officer, PASSWORD)
    assert right.status_code == 429
    assert LOCKED in right.content.decode()
    assert not _signed_in(client, right)
    assert AccessAttempt.objects.get(username="petugas").failures_since_start >= 10


def test_lockout_page_is_the_sign_in_page_in_the_reader_language(client, officer):
    response = _fail_ten_times(client, _allauth, officer)
    page = response.content.decode()
    assert "<h1" in page and "Sign In" in page
    assert 'role="alert"' in page
    assert "/en/accounts/password/reset/" in page


def test_the_same_account_by_email_and_by_username_counts_once(client, officer):
    for _ in range(5):
        _allauth(client, officer, "wrong-password")
    for _ in range(4):
        _token(client, officer, "wrong-password")
    assert _token(client, officer, "wrong-password").status_code == 429
    assert _allauth(client, officer, PASSWORD).status_code == 429


def test_another_address_is_not_locked(client, officer):
    _fail_ten_times(client, _token, officer, REMOTE_ADDR="203.0.113.7")
    assert _signed_in(client, _token(client, officer, PASSWORD, REMOTE_ADDR="198.51.100.20"))


@pytest.mark.parametrize("attempt", ENTRY_POINTS)
def test_spoofed_forwarded_for_from_untrusted_peer_does_not_escape(client, officer, attempt, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    _fail_ten_times(client, attempt, officer, REMOTE_ADDR="203.0.113.7")
    for spoof in ("198.51.100.1", "198.51.100.2, 10.0.0.1"):
        response = attempt(client, officer, PASSWORD, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=spoof)
        assert response.status_code == 429
        assert not _signed_in(client, response)


def test_trusted_proxy_passes_the_real_client_address(client, officer, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    _fail_ten_times(client, _token, officer, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"
    # Another citizen behind the same proxy is not locked out.
    other = _token(client, officer, PASSWORD, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert _signed_in(client, other)


@pytest.mark.parametrize("attempt", ENTRY_POINTS)
def test_administrator_unlocks_in_wagtail_admin(client, officer, attempt):
    _fail_ten_times(client, attempt, officer)
    lockout = AccessAttempt.objects.get()

    admin = APIClient()
    admin.force_login(get_user_model().objects.get(is_superuser=True))
    listing = admin.get("/admin/lockouts/")
    assert listing.status_code == 200
    assert "petugas" in listing.content.decode()
    assert admin.get(f"/admin/lockouts/delete/{lockout.pk}/").status_code == 200
    response = admin.post(f"/admin/lockouts/delete/{lockout.pk}/")
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()

    assert _signed_in(client, attempt(client, officer, PASSWORD))


def test_staff_without_permission_cannot_see_or_unlock(client, officer):
    _fail_ten_times(client, _token, officer)
    lockout = AccessAttempt.objects.get()
    client.force_login(officer)
    officer.user_permissions.add(*_admin_access())
    assert client.get("/admin/lockouts/").status_code in (302, 403)
    client.post(f"/admin/lockouts/delete/{lockout.pk}/")
    assert AccessAttempt.objects.filter(pk=lockout.pk).exists()


def _admin_access():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")


def test_django_admin_is_gone(client, officer, settings):
    """The Wagtail admin is the one back office: no second login form to guess passwords on."""
    assert "django.contrib.admin" not in settings.INSTALLED_APPS
    response = client.post("/django-admin/login/", {"username": "petugas", "password": PASSWORD}, follow=True)
    assert response.status_code == 404
    assert client.session.get("_auth_user_id") is None


def test_allauth_rate_limits_key_on_the_same_client_address(rf, settings):
    from allauth.account.adapter import get_adapter

    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    spoofed = rf.post("/en/accounts/login/", REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert get_adapter(spoofed).get_client_ip(spoofed) == "203.0.113.7"
    proxied = rf.post("/en/accounts/login/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert get_adapter(proxied).get_client_ip(proxied) == "198.51.100.1"
