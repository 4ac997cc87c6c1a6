"""The API token endpoint asks for the second factor the sign-in form asks for.

A password alone yields no token for an account with an authenticator app, nor
(with STAFF_MFA_REQUIRED) for staff who can see personal data; a wrong code
counts towards the lockout like a wrong password.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

PASSWORD = "pw-12345-test"  # noqa: S105


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()  # allauth remembers used codes in the cache
    yield
    cache.clear()


@pytest.fixture
def dispatcher(site):
    user = get_user_model().objects.create_user(
        username="dispatcher", email="dispatcher@damkar.example", password=PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Dispatchers"))
    return user


@pytest.fixture
def citizen(site):
    return get_user_model().objects.create_user(username="warga", email="warga@example.com", password=PASSWORD)


def _code(secret, shift=0):
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2] + shift))


def _wrong_code(secret):
    valid = {_code(secret, shift) for shift in range(-2, 3)}
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in valid)


def _token(user, language="en", **body):
    return APIClient().post(
        "/api/auth/token/",
        {"username": user.username, "password": PASSWORD, **body},
        format="json",
        HTTP_ACCEPT_LANGUAGE=language,
    )


def test_without_an_authenticator_and_not_required_the_password_is_enough(dispatcher, settings):
    settings.STAFF_MFA_REQUIRED = False
    response = _token(dispatcher)
    assert response.status_code == 200
    assert response.json()["token"] == Token.objects.get(user=dispatcher).key


def test_with_an_authenticator_a_password_alone_is_refused(citizen):
    TOTP.activate(citizen, generate_totp_secret())
    response = _token(citizen)
    assert response.status_code == 400
    assert response.json() == {"code": ["Enter the code from your authenticator app."]}
    assert not Token.objects.filter(user=citizen).exists()


def test_with_an_authenticator_a_wrong_code_is_refused(citizen):
    secret = generate_totp_secret()
    TOTP.activate(citizen, secret)
    response = _token(citizen, code=_wrong_code(secret))
    assert response.status_code == 400
    assert response.json() == {"code": ["Incorrect code."]}
    assert not Token.objects.filter(user=citizen).exists()


def test_with_an_authenticator_the_right_code_yields_the_token_once(dispatcher, settings):
    settings.STAFF_MFA_REQUIRED = True
    secret = generate_totp_secret()
    TOTP.activate(dispatcher, secret)
    code = _code(secret)
    response = _token(dispatcher, code=code)
    assert response.status_code == 200
    assert response.json()["token"] == Token.objects.get(user=dispatcher).key
    # A code is good once: a captured one cannot be replayed.
    assert _token(dispatcher, code=code).status_code == 400


def test_required_staff_without_an_authenticator_are_told_to_set_one_up(dispatcher, settings):
    settings.STAFF_MFA_REQUIRED = True
    response = _token(dispatcher, code="123456")
    assert response.status_code == 400
    assert response.json()["non_field_errors"][0].startswith("This account must sign in with an authenticator app.")
    assert not Token.objects.filter(user=dispatcher).exists()


def test_required_setting_leaves_citizens_without_personal_data_access_alone(citizen, settings):
    settings.STAFF_MFA_REQUIRED = True
    assert _token(citizen).status_code == 200


def test_wrong_codes_count_towards_the_lockout(dispatcher, settings):
    settings.STAFF_MFA_REQUIRED = True
    secret = generate_totp_secret()
    TOTP.activate(dispatcher, secret)
    wrong = _wrong_code(secret)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _token(dispatcher, code=wrong).status_code == 400
    assert _token(dispatcher, code=wrong).status_code == 429
    # Locked: the right password and code no longer help.
    locked = _token(dispatcher, code=_code(secret))
    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in locked.json()["detail"]
    assert not Token.objects.filter(user=dispatcher).exists()
