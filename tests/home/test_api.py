import pytest
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db


def test_openapi_schema_is_valid(client):
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    validate(schema)


def test_api_docs_are_served_without_a_cdn(client):
    response = client.get("/api/docs/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "swagger-ui" in html
    assert "cdn." not in html and "unpkg" not in html and "jsdelivr" not in html


def test_wagtail_api_lists_pages_in_both_languages(client, site):
    response = client.get("/api/v2/pages/", {"fields": "locale"})
    assert response.status_code == 200
    items = response.json()["items"]
    locales = {item["meta"]["locale"] for item in items}
    assert {"id", "en"} <= locales
    english = client.get("/api/v2/pages/", {"locale": "en"}).json()["items"]
    assert english and all(item["meta"]["locale"] == "en" for item in english)


def test_token_authentication_for_staff(client, staff_user):
    from tests.home.factories import STAFF_EMAIL, STAFF_PASSWORD, STAFF_USERNAME

    response = client.post("/api/auth/token/", {"username": STAFF_USERNAME, "password": STAFF_PASSWORD})
    assert response.status_code == 200, response.content
    assert len(response.json()["token"]) == 40
    wrong = client.post("/api/auth/token/", {"username": STAFF_EMAIL, "password": "wrong"})
    assert wrong.status_code == 400


def test_anonymous_api_requests_are_throttled(client, settings):
    from django.core.cache import cache

    from rest_framework.settings import api_settings
    from rest_framework.throttling import AnonRateThrottle

    cache.clear()
    rates = {**api_settings.DEFAULT_THROTTLE_RATES, "anon": "3/min"}
    original = AnonRateThrottle.THROTTLE_RATES
    AnonRateThrottle.THROTTLE_RATES = rates
    try:
        codes = [client.get("/api/schema/").status_code for _ in range(4)]
    finally:
        AnonRateThrottle.THROTTLE_RATES = original
        cache.clear()
    assert codes == [200, 200, 200, 429]
