"""The installable web app: its manifest, its service worker and the page it shows offline.

The service worker must be served from the site root (its scope is the
directory it is served from) under a name that never changes, so it cannot be
a hashed static file: this view serves portal/static/js/sw.js with a first
line of configuration (the hashed URLs of the shell it caches and the pages it
keeps), and its version is a hash of both, so a new deployment with new static
files installs a new worker that drops the old caches.
"""

import hashlib
import json
from functools import cache
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

SERVICE_WORKER = Path(__file__).resolve().parent / "static" / "js" / "sw.js"
THEME_COLOUR = "#a61b1b"
# The shell: what every page and the report form need to draw without a network.
SHELL = [
    "css/tokens.css",
    "css/portal.css",
    "css/reporting.css",
    "img/logo.svg",
    "img/favicon.svg",
    "img/app-icon-192.png",
    "js/webapp.js",
    "js/report-queue.js",
    "js/offline-report.js",
    "js/location-picker.js",
    "vendor/leaflet/leaflet.css",
    "vendor/leaflet/leaflet.js",
]
# Paths the worker leaves alone: the back office, accounts, APIs and private files.
BYPASS = ["/admin/", "/django-admin/", "/api/", "/accounts/", "/documents/", "/i18n/", "/healthz", "/metrics"]


@cache
def _worker_source():
    return SERVICE_WORKER.read_text(encoding="utf-8")


def _per_language(name):
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = reverse(name)
    return urls


def worker_config():
    report_pages = list(_per_language("reporting:report").values())
    return {
        "shell": [static(path) for path in SHELL],
        "pages": [*report_pages, *_per_language("webapp:offline").values()],
        "reportPages": report_pages,
        "api": reverse("incident-list"),
        "offline": _per_language("webapp:offline"),
        "defaultLanguage": settings.LANGUAGE_CODE,
        "staticUrl": settings.STATIC_URL,
        "bypass": [*BYPASS, settings.MEDIA_URL],
        "queueScript": static("js/report-queue.js"),
    }


@require_safe
@cache_control(no_cache=True)
def service_worker(request):
    """/sw.js: the worker, with its configuration and a version that follows both."""
    config = worker_config()
    source = _worker_source()
    config["version"] = hashlib.sha256(f"{json.dumps(config)}{source}".encode()).hexdigest()[:12]
    body = f"self.PORTAL_SW = {json.dumps(config)};\n{source}"
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    return response


@require_safe
def manifest(request):
    """The web app manifest in the active language (/id/… or /en/…); one app for both (`id`)."""
    language = translation.get_language()
    home = f"/{language}/"
    data = {
        "id": "/",
        "name": "Damkar Kota Jambi",
        "short_name": "Damkar",
        "description": _("Report a fire or a rescue need, follow your report, and learn fire safety."),
        "lang": language,
        "dir": "ltr",
        "start_url": home,
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": "#ffffff",
        "icons": [
            {"src": static(f"img/app-icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
            for size in (192, 512)
        ]
        + [
            {
                "src": static("img/app-icon-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            }
        ],
        "shortcuts": [{"name": _("Report a fire or rescue need"), "url": reverse("reporting:report")}],
    }
    return JsonResponse(data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False})


@require_safe
def offline(request):
    """What the worker shows for a page it has not kept when there is no network."""
    return render(request, "webapp/offline.html")
