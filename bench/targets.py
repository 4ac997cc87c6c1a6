"""List the URLs to load and count the queries each one makes.

Run inside the benchmark's Django settings; prints JSON: a list of targets
with name, method, path, optional JSON body and headers, and queries per request.
Public pages come twice: "cached" (an anonymous visitor, served by the page
cache) and "uncached" (a visitor with a cookie that bypasses the page cache).
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402


def first_live_url(model_label, locale="id"):
    """Path of the first live page of a page model in a locale, or None if the app has none."""
    try:
        model = apps.get_model(model_label)
    except LookupError:
        return None
    page = model.objects.live().filter(locale__language_code=locale).order_by("path").first()
    return page.url if page else None


# A cookie the page cache does not ignore: the page is built for every request.
UNCACHED = {"Cookie": "bench_uncached=1"}


def public(name, path):
    return [
        {"name": f"{name} cached", "path": path, "cached": True},
        {"name": f"{name} uncached", "path": path, "headers": UNCACHED},
    ]


def staff_session():
    """Headers of a signed-in superuser, for the admin listing."""
    user = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    if user is None:
        return None
    client = Client()
    client.force_login(user)
    return {"Cookie": f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"}


def targets():
    found = [
        {"name": "trivial Django view", "path": "/bench/trivial"},
        {"name": "health check", "path": "/healthz"},
        *public("home (id)", "/id/"),
        *public("home (en)", "/en/"),
        {"name": "sign-in page", "path": "/id/accounts/login/"},
    ]
    for name, label in [
        ("article index", "education.ArticleIndexPage"),
        ("article page", "education.ArticlePage"),
        ("campaign index", "education.CampaignIndexPage"),
        ("trainings index", "volunteers.TrainingIndexPage"),
        ("training page", "volunteers.TrainingPage"),
    ]:
        path = first_live_url(label)
        if path:
            found += public(name, path)
    found += public("API pages", "/api/v2/pages/")
    found += public("API articles ?limit=50", "/api/v2/articles/?limit=50")
    found.append({"name": "report form", "path": reverse("reporting:report")})
    headers = staff_session()
    if headers:
        found.append({"name": "admin incident listing", "path": "/admin/reporting/incidents/", "headers": headers})
        found.append(
            {
                "name": "admin incident listing, filtered",
                "path": "/admin/reporting/incidents/?status=received&status=finished",
                "headers": headers,
            }
        )
        found.append(
            {
                "name": "admin dispatch board update",
                "path": reverse("reporting_incident:board_feed"),
                "headers": headers,
            }
        )
        # A superuser's admin home carries every role's panel, the Department head's dashboard included.
        found.append({"name": "admin home (dashboards)", "path": "/admin/", "headers": headers})
    found.append(REPORT_SUBMISSION)
    return found


# An anonymous fire report through the API, as a phone app would send it; the
# benchmark counts Incident rows before and after to show that none was lost.
REPORT_SUBMISSION = {
    "name": "report submission (API POST)",
    "method": "POST",
    "path": "/api/incidents/",
    "count_model": "reporting.Incident",
    "key": "tracking_code",
    "body": {
        "category": "fire-rubbish",
        "description": "Benchmark report {{n}}: tumpukan sampah terbakar di pinggir jalan.",
        "latitude": "-1.610100",
        "longitude": "103.613100",
        "kecamatan": "15.71.02",
        "address": "Jl. Benchmark",
    },
}


def count_queries(target):
    settings.PAGE_CACHE_ENABLED = bool(target.get("cached"))
    headers = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in target.get("headers", {}).items()}
    client = Client(HTTP_ACCEPT_LANGUAGE="id", **headers)
    method = target.get("method", "GET")
    kwargs = {}
    if "body" in target:
        body = json.dumps(target["body"]).replace("{{n}}", "query-count")
        kwargs = {"data": body, "content_type": "application/json"}
    call = client.post if method == "POST" else client.get
    try:
        call(target["path"], **kwargs)  # warm per-process caches, as a running worker would have them
        with CaptureQueriesContext(connection) as queries:
            response = call(target["path"], **kwargs)
    except Exception as error:  # noqa: BLE001 - a broken URL is reported in the table, not fatal
        print(f"warning: counting queries of {target['path']} failed: {error!r}", file=sys.stderr)
        return None, 500
    return len(queries.captured_queries), response.status_code


if __name__ == "__main__":
    result = []
    for target in targets():
        target["queries"], target["status"] = count_queries(target)
        result.append(target)
    print(json.dumps(result))
