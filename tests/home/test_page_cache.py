"""The anonymous page cache and the Cache-Control policy of each kind of response
(docs/caching.md): public pages, form pages, signed-in visitors, tracking, API."""

import pytest

pytestmark = pytest.mark.django_db

# Cookie jars a visitor may arrive with: none, a malformed CSRF token, a valid
# one, a session (signed in or not).
COOKIE_JARS = [{}, {"csrftoken": "bad!"}, {"csrftoken": "a" * 32}, {"sessionid": "nonsense"}]


@pytest.mark.parametrize("path", ["/id/", "/en/", "/id/accounts/login/", "/id/report/", "/api/v2/pages/"])
def test_no_response_setting_a_cookie_is_marked_public(client, site, path):
    from django.test import Client

    seen_cookie = False
    for cookies in COOKIE_JARS:
        visitor = Client()
        visitor.cookies.load(cookies)
        for _ in range(2):  # the second request may be a cache hit
            response = visitor.get(path, follow=True)
            assert response.status_code == 200
            if response.cookies:
                seen_cookie = True
                assert "public" not in response.get("Cache-Control", ""), (cookies, response.cookies)
    assert seen_cookie, "every path is requested at least once with a malformed CSRF cookie"


def test_anonymous_pages_are_served_from_the_cache_until_content_changes(client, home_id):
    first = client.get("/id/")
    assert first["X-Page-Cache"] == "miss"
    assert "public" in first["Cache-Control"]
    second = client.get("/id/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "public" in second["Cache-Control"]
    # The English page is a different entry.
    assert client.get("/en/")["X-Page-Cache"] == "miss"

    home_id.title = "Beranda yang baru"
    home_id.seo_title = "Judul Beranda Baru"
    home_id.save_revision().publish()
    after = client.get("/id/")
    assert after["X-Page-Cache"] == "miss"
    assert "Judul Beranda Baru" in after.content.decode()


def test_settings_edit_makes_cached_pages_stale(client, site):
    from home.models import DepartmentSettings

    client.get("/en/")
    contacts = DepartmentSettings.objects.get()
    contacts.main_phone = "(0741) 123321"
    contacts.save()
    response = client.get("/en/")
    assert response["X-Page-Cache"] == "miss"
    assert 'href="tel:0741123321"' in response.content.decode()


def test_form_pages_are_never_stored_and_csrf_keeps_working(site):
    from django.test import Client

    visitor = Client(enforce_csrf_checks=True)
    visitor.get("/id/")  # a cached page first: it carries no token
    assert visitor.get("/id/")["X-Page-Cache"] == "hit"
    form = visitor.get("/id/accounts/login/")
    assert "X-Page-Cache" not in form
    assert "public" not in form.get("Cache-Control", "")
    token = form.context["csrf_token"]
    # A visitor who has the CSRF cookie still gets cached pages, and can still post.
    assert visitor.get("/id/")["X-Page-Cache"] == "hit"
    posted = visitor.post(
        "/id/accounts/login/", {"login": "nobody@example.com", "password": "x", "csrfmiddlewaretoken": str(token)}
    )
    assert posted.status_code == 200  # the form again, with an error: not a CSRF 403


def test_signed_in_visitors_bypass_the_cache(client, staff_user):
    client.get("/id/")
    client.force_login(staff_user)
    response = client.get("/id/")
    assert "X-Page-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")


def test_tracking_and_private_responses_keep_their_own_policy(client, site):
    response = client.get("/healthz")
    assert "no-cache" in response["Cache-Control"]
    assert "X-Page-Cache" not in response
    tracking = client.get("/id/track/")
    assert "public" not in tracking.get("Cache-Control", "")


def test_content_api_has_etag_and_answers_304(client, site):
    response = client.get("/api/v2/pages/")
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    etag = response["ETag"]
    again = client.get("/api/v2/pages/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304


def test_configured_front_end_is_not_throttled(client, site, settings):
    from rest_framework.settings import api_settings
    from rest_framework.throttling import AnonRateThrottle

    settings.CONTENT_API_FRONTEND_KEYS = ["front-end-secret"]
    rates = {**api_settings.DEFAULT_THROTTLE_RATES, "anon": "3/min"}
    original = AnonRateThrottle.THROTTLE_RATES
    AnonRateThrottle.THROTTLE_RATES = rates
    try:
        anonymous = [client.get("/api/v2/pages/", {"offset": i}).status_code for i in range(4)]
        front_end = [
            client.get("/api/v2/pages/", {"offset": 10 + i}, HTTP_X_FRONTEND_KEY="front-end-secret").status_code
            for i in range(20)
        ]
        wrong_key = client.get("/api/v2/pages/", {"offset": 99}, HTTP_X_FRONTEND_KEY="guess").status_code
    finally:
        AnonRateThrottle.THROTTLE_RATES = original
    assert anonymous == [200, 200, 200, 429]
    assert set(front_end) == {200}
    assert wrong_key == 429


def test_anonymous_content_api_is_throttled_at_120_a_minute_but_not_the_front_end(client, site, settings):
    """At the configured default rate (120/min): the 121st anonymous read in a minute
    is refused, while the configured front end (by key or by address) reads on."""
    settings.PAGE_CACHE_ENABLED = False  # every read reaches the API view and its throttle
    settings.CONTENT_API_FRONTEND_KEYS = ["front-end-secret"]
    settings.CONTENT_API_FRONTEND_ADDRESSES = ["10.1.2.3"]
    anonymous = [client.get("/api/v2/pages/", {"limit": 1}).status_code for _ in range(121)]
    assert set(anonymous[:120]) == {200}
    assert anonymous[120] == 429
    by_key = {
        client.get("/api/v2/pages/", {"limit": 1}, HTTP_X_FRONTEND_KEY="front-end-secret").status_code
        for _ in range(150)
    }
    by_address = {client.get("/api/v2/pages/", {"limit": 1}, REMOTE_ADDR="10.1.2.3").status_code for _ in range(150)}
    assert by_key == {200}
    assert by_address == {200}
