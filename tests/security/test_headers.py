"""Content-Security-Policy, Permissions-Policy and Cross-Origin-Resource-Policy, per kind of page."""

import json
import logging

from django.contrib.auth import get_user_model

import pytest

pytestmark = pytest.mark.django_db


def _directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_public_page_allows_only_our_own_scripts_and_styles(client, site, settings):
    settings.MAP_TILE_URL = "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    for attempt in ("stored", "from the page cache"):
        response = client.get("/id/")
        assert response.status_code == 200, attempt
        csp = _directives(response)
        assert csp["script-src"] == ["'self'"], attempt
        assert csp["style-src"] == ["'self'"], attempt
        assert csp["object-src"] == ["'none'"]
        assert csp["frame-ancestors"] == ["'self'"]
        assert "https://*.tiles.example.org" in csp["img-src"]
        assert csp["report-uri"] == ["/csp-report/"]
        assert "nonce-" not in response["Content-Security-Policy"]  # cached HTML holds no nonce
    assert response.get("X-Page-Cache") in (None, "hit")


def test_public_html_has_no_inline_script_or_handler(client, site):
    page = client.get("/en/").content.decode()
    for opening in page.split("<script")[1:]:
        tag = opening.split(">", 1)[0]
        assert "src=" in tag or "application/json" in tag or "application/ld+json" in tag, tag
    assert " onclick=" not in page and " onload=" not in page


def test_admin_policy_allows_inline_styles_only_there(client, site):
    client.force_login(get_user_model().objects.get(is_superuser=True))
    response = client.get("/admin/")
    assert response.status_code == 200
    csp = _directives(response)
    assert "'unsafe-inline'" in csp["style-src"]
    assert "'unsafe-inline'" in csp["script-src"]
    assert csp["object-src"] == ["'none'"]


def test_api_docs_have_a_policy_and_serve_their_script_as_a_file(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    csp = _directives(response)
    assert csp["script-src"] == ["'self'"]
    assert "'unsafe-inline'" in csp["style-src"]
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle" in script.content.decode()


def _features(response):
    return dict(part.strip().split("=", 1) for part in response["Permissions-Policy"].split(","))


def test_geolocation_and_camera_only_on_the_report_form(client, site):
    from tests.incidents.factories import stations

    stations()
    report = _features(client.get("/id/report/"))
    assert report["geolocation"] == "(self)"
    assert report["camera"] == "(self)"
    assert report["microphone"] == "()"
    home = _features(client.get("/id/"))
    assert home["geolocation"] == "()"
    assert home["camera"] == "()"
    assert home["microphone"] == "()"
    assert _features(client.get("/api/docs/"))["geolocation"] == "()"


def test_cross_origin_resource_policy(client, site):
    assert client.get("/id/")["Cross-Origin-Resource-Policy"] == "same-origin"
    assert client.get("/api/incidents/")["Cross-Origin-Resource-Policy"] == "same-origin"
    # Media and documents may be embedded by integrators (links in the content API).
    assert client.get("/documents/999999/missing.pdf")["Cross-Origin-Resource-Policy"] == "cross-origin"


REPORT = {
    "csp-report": {
        "document-uri": "https://damkar.example/id/",
        "violated-directive": "script-src-elem",
        "blocked-uri": "https://evil.example/x.js",
    }
}


def test_violation_report_is_logged_not_stored(client, caplog):
    with caplog.at_level(logging.WARNING, logger="portal.csp"):
        response = client.post("/csp-report/", json.dumps(REPORT), content_type="application/csp-report")
    assert response.status_code == 204
    assert "script-src-elem blocked https://evil.example/x.js on https://damkar.example/id/" in caplog.text


def test_violation_reports_are_bounded(client):
    assert client.get("/csp-report/").status_code == 405
    assert client.post("/csp-report/", "{not json", content_type="application/csp-report").status_code == 400
    big = {"csp-report": {"blocked-uri": "x" * 20_000}}
    assert client.post("/csp-report/", big, content_type="application/json").status_code == 413
    statuses = [
        client.post("/csp-report/", json.dumps(REPORT), content_type="application/csp-report").status_code
        for _ in range(30)
    ]
    assert statuses.count(204) == 28  # two were used above
    assert statuses[-1] == 429


def test_a_remembered_policy_still_follows_the_view_the_nonce_and_the_settings(rf, settings):
    """The header is built once per policy, yet a view's own policy, a nonce or a settings change win."""
    from django.http import HttpResponse

    from csp.decorators import csp_update
    from csp.exceptions import CSPNonceError

    from portal.core.headers import ContentSecurityPolicyMiddleware

    def serve(view, path="/api/incidents/", nonce=False):
        middleware = ContentSecurityPolicyMiddleware(view)
        request = rf.get(path)
        middleware.process_request(request)
        if nonce:
            str(request.csp_nonce)  # a template asked for one: django-csp builds the header itself
        response = middleware.process_response(request, view(request))
        return {part.split()[0]: part.split()[1:] for part in response["Content-Security-Policy"].split(";")}

    def plain(request):
        return HttpResponse()

    @csp_update({"connect-src": ["https://api.example.org"]})
    def widened(request):
        return HttpResponse()

    assert serve(plain)["connect-src"] == ["'self'"]
    assert serve(plain) == serve(plain)
    assert "https://api.example.org" in serve(widened)["connect-src"]
    assert serve(plain)["connect-src"] == ["'self'"]
    assert serve(plain, "/admin/")["script-src"] == ["'self'", "'unsafe-inline'"]
    assert serve(plain, nonce=True) == serve(plain)  # the public policy has no nonce source

    middleware = ContentSecurityPolicyMiddleware(plain)
    request = rf.get("/api/incidents/")
    middleware.process_request(request)
    middleware.process_response(request, plain(request))
    with pytest.raises(CSPNonceError):  # a nonce asked for after the header is written
        str(request.csp_nonce)
    settings.MAP_TILE_URL = "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    assert "https://*.tiles.example.org" in serve(plain)["img-src"]
