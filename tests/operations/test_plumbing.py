"""The app's side of the production shape: request ids, the 503 on database
loss, private downloads through nginx, and the metrics endpoint."""

import logging

from django.contrib.auth import get_user_model
from django.db import OperationalError
from django.test import override_settings
from django.urls import path, reverse

import pytest


def _database_gone(request):
    raise OperationalError("connection refused")


def _bug(request):
    raise ZeroDivisionError


urlpatterns = [path("gone/", _database_gone), path("bug/", _bug)]
handler500 = "portal.errors.server_error"


@override_settings(ROOT_URLCONF=__name__)
@pytest.mark.django_db  # the page cache reads the content schedule before the view runs
def test_a_lost_database_answers_503_with_retry_after_and_a_bug_stays_500(client):
    client.raise_request_exception = False
    response = client.get("/gone/", HTTP_ACCEPT_LANGUAGE="id")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response.json()["detail"]
    assert client.get("/bug/").status_code == 500


@pytest.mark.django_db
def test_the_request_id_from_nginx_comes_back_and_reaches_the_log(client, caplog):
    response = client.get(reverse("healthz"), HTTP_X_REQUEST_ID="abc-123")
    assert response["X-Request-ID"] == "abc-123"
    # A malformed id is replaced, never echoed.
    assert client.get(reverse("healthz"), HTTP_X_REQUEST_ID="<script>")["X-Request-ID"] != "<script>"

    from portal.core.tracing import RequestIdFilter, request_id

    token = request_id.set("abc-123")
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "hello", (), None)
    RequestIdFilter().filter(record)
    request_id.reset(token)
    assert record.request_id == "abc-123"


@pytest.mark.django_db
def test_staff_only_media_asks_the_app_first(client):
    User = get_user_model()
    applicant = User.objects.create_user("warga", "warga@example.test", "pw-12345-long")
    staff = User.objects.create_superuser("chief", "chief@damkar.example", "pw-12345-long")
    check = reverse("media_permission")
    photo = {"HTTP_X_ORIGINAL_URI": "/media/incidents/2026/01/ABCD-1234-photo.jpg"}
    assert client.get(check, **photo).status_code == 401
    client.force_login(applicant)
    assert client.get(check, **photo).status_code == 403
    client.force_login(staff)
    assert client.get(check, **photo).status_code == 204
    assert client.get(check, HTTP_X_ORIGINAL_URI="/media/images/x.jpg").status_code == 403
    assert client.get(check, HTTP_X_ORIGINAL_URI="/media/incidents/../images/x.jpg").status_code == 403


@pytest.mark.django_db
def test_metrics_count_reports_for_the_monitoring_network_only(client, settings):
    body = client.get(reverse("metrics")).content.decode()
    assert "portal_reports_received" in body
    assert "portal_incident_first_dispatch_seconds_count" in body
    assert "portal_task_queue_depth" in body
    settings.METRICS_ALLOWED_NETWORKS = ["10.0.0.0/8"]
    assert client.get(reverse("metrics")).status_code == 403
