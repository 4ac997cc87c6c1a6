"""The client's address: X-Forwarded-For counts only when a trusted proxy wrote it."""

from django.test import RequestFactory

import pytest
from rest_framework.test import APIClient

from portal.core.clients import client_ip

from ..incidents.conftest import INSIDE


def _request(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    ("trusted", "remote", "forwarded", "expected"),
    [
        # No trusted proxy: the header is ignored whatever it says.
        ([], "198.51.100.7", "203.0.113.9", "198.51.100.7"),
        ([], "198.51.100.7", "127.0.0.1, 10.0.0.1", "198.51.100.7"),
        # Untrusted peer behind a trusted list: still ignored.
        (["127.0.0.1"], "198.51.100.7", "203.0.113.9", "198.51.100.7"),
        # Trusted peer: the rightmost untrusted hop is the client, spoofed left entries ignored.
        (["127.0.0.1"], "127.0.0.1", "203.0.113.9", "203.0.113.9"),
        (["127.0.0.1"], "127.0.0.1", "6.6.6.6, 203.0.113.9", "203.0.113.9"),
        (["127.0.0.1", "10.0.0.0/8"], "127.0.0.1", "6.6.6.6, 203.0.113.9, 10.1.2.3", "203.0.113.9"),
        # Garbage from the client stops the walk at the last address we can name.
        (["127.0.0.1"], "127.0.0.1", "not-an-ip", "127.0.0.1"),
        (["10.0.0.0/8"], "10.0.0.2", "203.0.113.9:4711", "203.0.113.9"),
        (["::1"], "::1", "[2001:db8::5]:443", "2001:db8::5"),
        # Only trusted hops: the leftmost is as far as we can see.
        (["10.0.0.0/8"], "10.0.0.2", "10.0.0.1", "10.0.0.1"),
        # A trusted peer that sent no header is the client.
        (["127.0.0.1"], "127.0.0.1", None, "127.0.0.1"),
        ([], "", None, "unknown"),
    ],
)
def test_client_ip(settings, trusted, remote, forwarded, expected):
    settings.TRUSTED_PROXIES = trusted
    assert client_ip(_request(remote, forwarded)) == expected


@pytest.mark.django_db
def test_spoofed_header_from_untrusted_peer_changes_no_api_limit(settings, payload):
    from rest_framework.throttling import ScopedRateThrottle

    from reporting.incidents.models import Incident

    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    api = APIClient(REMOTE_ADDR="198.51.100.7")
    rates = {**ScopedRateThrottle.THROTTLE_RATES, "incident_create": "2/hour"}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ScopedRateThrottle, "THROTTLE_RATES", rates)
        codes = [
            api.post("/api/incidents/", payload, format="json", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
            for n in range(5)
        ]
    assert codes == [201, 201, 429, 429, 429]
    assert Incident.objects.count() == 2


@pytest.mark.django_db
def test_trusted_proxy_gives_each_client_its_own_api_limit(settings, payload):
    from rest_framework.throttling import ScopedRateThrottle

    from reporting.incidents.models import Incident

    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    api = APIClient(REMOTE_ADDR="127.0.0.1")
    rates = {**ScopedRateThrottle.THROTTLE_RATES, "incident_create": "1/hour"}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ScopedRateThrottle, "THROTTLE_RATES", rates)
        first = api.post("/api/incidents/", payload, format="json", HTTP_X_FORWARDED_FOR="203.0.113.1")
        # The client adds its own header; the proxy appends the real address.
        again = api.post("/api/incidents/", payload, format="json", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.1")
        other = api.post("/api/incidents/", payload, format="json", HTTP_X_FORWARDED_FOR="203.0.113.2")
    assert (first.status_code, again.status_code, other.status_code) == (201, 429, 201)
    assert Incident.objects.count() == 2


@pytest.mark.django_db
def test_spoofed_header_changes_no_anonymous_api_limit(settings, client):
    from rest_framework.throttling import AnonRateThrottle

    rates = {**AnonRateThrottle.THROTTLE_RATES, "anon": "2/min"}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(AnonRateThrottle, "THROTTLE_RATES", rates)
        codes = [
            client.get("/api/incident-categories/", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code for n in range(3)
        ]
    assert codes == [200, 200, 429]


@pytest.fixture
def form_data(category, kecamatan):
    return {
        "category": category.pk,
        "description": "Api besar di gudang",
        "latitude": str(INSIDE[0]),
        "longitude": str(INSIDE[1]),
        "kecamatan": kecamatan.pk,
        "address": "Jl. Contoh No. 5",
        "reporter_phone": "0812 3456 7890",
    }


@pytest.mark.django_db
def test_report_form_limit_follows_the_same_address(settings, client, form_data):
    from reporting.incidents.models import Incident

    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "incident_create": "1/hour"},
    }
    spoofed = [
        client.post("/id/report/", form_data, REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
        for n in range(2)
    ]
    assert [r.status_code for r in spoofed] == [302, 429], spoofed[0].context["form"].errors
    assert "112" in spoofed[1].content.decode()
    proxied = client.post("/id/report/", form_data, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.50")
    assert proxied.status_code == 302
    assert Incident.objects.count() == 2
