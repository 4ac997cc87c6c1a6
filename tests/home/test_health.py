from django.db import connection

import pytest


@pytest.mark.django_db
def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_reports_unreachable_database(client, monkeypatch):
    from django.db import OperationalError

    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    # The real database is fine: break the connection's cursor to stand for an outage.
    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


@pytest.mark.django_db
def test_unknown_api_path_is_a_404_not_a_redirect_to_a_language(client, site):
    assert client.get("/api/no-such-endpoint/").status_code == 404
    assert client.get("/documents/999999/nope.pdf").status_code == 404


@pytest.mark.django_db
def test_unknown_public_path_still_goes_to_the_visitors_language(client, site):
    response = client.get("/tidak-ada/")
    assert response.status_code == 302
    assert response["Location"] == "/id/tidak-ada/"
