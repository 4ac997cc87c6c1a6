"""The installable web app's server side: manifest per language, the service worker at
the root, the offline page, and what the report form gives offline-report.js."""

import json
import re

from django.contrib.staticfiles import finders

import pytest
from PIL import Image

pytestmark = pytest.mark.django_db


def _static_path(url):
    return finders.find(url.removeprefix("/static/"))


@pytest.mark.parametrize("language", ["id", "en"])
def test_manifest_is_linked_and_makes_the_site_installable(client, site, language):
    page = client.get(f"/{language}/").content.decode()
    href = re.search(r'<link rel="manifest" href="([^"]+)"', page).group(1)
    assert href == f"/{language}/manifest.webmanifest"

    response = client.get(href)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Damkar Kota Jambi"
    assert manifest["short_name"] == "Damkar"
    assert manifest["start_url"] == f"/{language}/"
    assert manifest["id"] == "/" and manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#a61b1b"
    assert manifest["lang"] == language
    sizes = {}
    for icon in manifest["icons"]:
        assert icon["type"] == "image/png"
        with Image.open(_static_path(icon["src"])) as image:
            assert image.format == "PNG"
            sizes[icon["sizes"]] = image.size
    assert sizes == {"192x192": (192, 192), "512x512": (512, 512)}
    assert manifest["shortcuts"][0]["url"] == f"/{language}/report/"


def test_service_worker_is_served_from_the_root_with_its_shell(client, site):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    assert "X-Page-Cache" not in response  # never stored: a new deployment reaches browsers at once
    first_line, source = response.content.decode().split("\n", 1)
    config = json.loads(first_line.removeprefix("self.PORTAL_SW = ").removesuffix(";"))
    assert {"/id/report/", "/en/report/", "/id/offline/", "/en/offline/"} <= set(config["pages"])
    assert config["offline"] == {"id": "/id/offline/", "en": "/en/offline/"}
    for url in [*config["shell"], config["queueScript"]]:
        assert _static_path(url), url
    assert re.fullmatch(r"[0-9a-f]{12}", config["version"])
    assert 'addEventListener("sync"' in source
    assert "/admin/" in config["bypass"] and "/api/" in config["bypass"]


@pytest.mark.parametrize(("language", "heading"), [("en", "No connection")])
def test_offline_page_shows_the_emergency_call(client, site, language, heading):
    response = client.get(f"/{language}/offline/")
    assert response.status_code == 200
    body = response.content.decode()
    assert f"<h1>{heading}</h1>" in body
    assert 'href="tel:112"' in body
    assert "data-report-queue" in body
    assert f'href="/{language}/report/"' in body


def test_report_form_gives_the_api_codes_to_the_offline_script(client, site):
    from portal.core.places import Kecamatan
    from reporting.incidents.models import Category

    body = client.get("/en/report/").content.decode()
    assert "data-offline-report" in body
    assert 'data-api="/api/incidents/"' in body
    codes = json.loads(re.search(r'<script id="report-codes" type="application/json">(.*?)</script>', body).group(1))
    category = Category.objects.filter(parent__isnull=False, is_active=True, locale__language_code="id").first()
    assert codes["category"][str(category.pk)] == category.code
    kecamatan = Kecamatan.objects.first()
    assert codes["kecamatan"][str(kecamatan.pk)] == kecamatan.code
    # Every script is a file of its own or data: no inline code (Content-Security-Policy 'self').
    for tag in re.findall(r"<script[^>]*>", body):
        assert "src=" in tag or 'type="application/json"' in tag, tag
