"""Response headers that back the escaping up: Content-Security-Policy, Permissions-Policy,
Cross-Origin-Resource-Policy.

One policy per kind of page, chosen by path (docs/security.md):

- public pages: scripts and styles only from our own origin, no inline code at
  all. No nonces: public pages are served from the page cache
  (portal/pagecache.py), and a nonce stored in cached HTML would be the same
  for everyone. Images may also come from the map tile server and the media
  host.
- the Wagtail admin (/admin/): Wagtail's own templates and widgets use inline
  styles and scripts, so 'unsafe-inline' for both there, and nowhere else.
- the API docs (/api/docs/, /api/redoc/): Swagger UI and ReDoc inline their
  styles (ReDoc its start-up script too) and draw icons from data: URLs.

Violations are reported to /csp-report/ (`csp_report` below), which logs them.
"""

import http.client
import json
import logging
from dataclasses import asdict
from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from csp.constants import HEADER, HEADER_REPORT_ONLY, NONE, SELF, UNSAFE_INLINE
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy

from portal.core.clients import client_ip

logger = logging.getLogger("portal.csp")

REPORT_PATH = "/csp-report/"
REPORT_MAX_BYTES = 8 * 1024
REPORTS_PER_MINUTE = 30


def _origin(url):
    parts = urlsplit(url or "")
    if not parts.scheme or not parts.netloc:
        return None
    host = parts.netloc.replace("{s}", "*")  # "{s}.tile.example.org" → "*.tile.example.org"
    return f"{parts.scheme}://{host}"


def image_sources():
    """Where public pages load images from: us, map tiles, and the media host when it is elsewhere."""
    sources = [SELF, "data:", "blob:"]
    for url in (settings.MAP_TILE_URL, settings.MEDIA_URL):
        origin = _origin(url)
        if origin and origin not in sources:
            sources.append(origin)
    domain = getattr(settings, "AWS_S3_CUSTOM_DOMAIN", None)
    if domain:
        sources.append(f"https://{domain}")
    return sources


def public_directives():
    return {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": image_sources(),
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        "report-uri": REPORT_PATH,
    }


# Per path prefix: the directives that replace the public ones.
OVERRIDES = {
    "/admin/": {
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "frame-src": [SELF],  # page previews
        "font-src": [SELF, "data:"],
    },
    "/api/docs/": {
        "style-src": [SELF, UNSAFE_INLINE],
    },
    "/api/redoc/": {
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "worker-src": [SELF, "blob:"],
    },
}


def overrides_for(path):
    for prefix, directives in OVERRIDES.items():
        if path.startswith(prefix):
            return directives
    return None


# What a view sets to change the policy of its own response (csp.decorators).
VIEW_POLICY_ATTRS = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
)
_built_headers = {}


def _forget_headers(**kwargs):
    _built_headers.clear()  # the policy follows settings (MEDIA_URL, MAP_TILE_URL, the CSP settings)


setting_changed.connect(_forget_headers, dispatch_uid="headers-csp-settings")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the policy chosen by path (see the module docstring).

    It sits before the page cache, so a cached page gets the header too.
    Unless a view changed its policy or a nonce was used, the header depends on
    the path's policy alone: it is built once per policy and process, not for
    every response (building deep-copies and joins every directive).
    """

    def process_response(self, request, response):
        if getattr(request, "_csp_nonce", None) is not None or any(
            getattr(response, attr, None) is not None for attr in VIEW_POLICY_ATTRS
        ):
            return super().process_response(request, response)
        # What django-csp's process_response does, with the built headers remembered.
        if response.status_code in (http.client.INTERNAL_SERVER_ERROR, http.client.NOT_FOUND) and settings.DEBUG:
            return response
        prefix = next((p for p in OVERRIDES if request.path_info.startswith(p)), None)
        for report_only, header, exempt, setting in (
            (False, HEADER, "_csp_exempt", "CONTENT_SECURITY_POLICY"),
            (True, HEADER_REPORT_ONLY, "_csp_exempt_ro", "CONTENT_SECURITY_POLICY_REPORT_ONLY"),
        ):
            key = (prefix, report_only)
            value = _built_headers.get(key)
            if value is None:
                parts = self.get_policy_parts(request=request, response=response, report_only=report_only)
                value = _built_headers[key] = build_policy(**asdict(parts), report_only=report_only)
            excluded = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES") or ()
            if (
                value
                and header not in response
                and getattr(response, exempt, False) is False
                and not request.path_info.startswith(tuple(excluded))
            ):
                response[header] = value
        # As upstream: a nonce asked for after the header is written is an error, not a silent gap.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None:
            parts.config = public_directives()
            overrides = overrides_for(request.path_info)
            if overrides:
                parts.replace = {**overrides, **(parts.replace or {})}
        return parts


# --- Permissions-Policy ---------------------------------------------------------

# Features no page uses: refused everywhere.
DENIED_FEATURES = (
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "usb",
    "serial",
    "xr-spatial-tracking",
)


def allow_features(*features):
    """View decorator: these features (e.g. "geolocation", "camera") are allowed for our own origin."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            response.permissions_policy_allow = frozenset(features)
            return response

        return wrapped

    return decorator


def permissions_policy(allowed=()):
    return ", ".join(f"{feature}=(self)" if feature in allowed else f"{feature}=()" for feature in DENIED_FEATURES)


# Media and documents may be embedded by integrators' sites (the content API links
# to them); everything else is for our own pages.
CROSS_ORIGIN_PREFIXES = ("/media/", "/documents/")


class PolicyHeadersMiddleware:
    """Permissions-Policy (a view opts in with `allow_features`) and Cross-Origin-Resource-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Permissions-Policy" not in response:
            response["Permissions-Policy"] = permissions_policy(getattr(response, "permissions_policy_allow", ()))
        if "Cross-Origin-Resource-Policy" not in response:
            cross = request.path_info.startswith(CROSS_ORIGIN_PREFIXES)
            response["Cross-Origin-Resource-Policy"] = "cross-origin" if cross else "same-origin"
        return response


# --- Violation reports ----------------------------------------------------------


@csrf_exempt
@require_POST
def csp_report(request):
    """Log a browser's violation report (never stored); small, and a few a minute per address."""
    key = f"csp-report:{client_ip(request)}"
    cache.add(key, 0, 60)
    try:
        count = cache.incr(key)
    except ValueError:
        count = 1
    if count > REPORTS_PER_MINUTE:
        return HttpResponse(status=429)
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    if length > REPORT_MAX_BYTES:
        return HttpResponse(status=413)
    try:
        report = json.loads(request.body[:REPORT_MAX_BYTES] or b"{}")
    except ValueError:
        return HttpResponse(status=400)
    body = report.get("csp-report", report) if isinstance(report, dict) else {}
    if not isinstance(body, dict):
        return HttpResponse(status=400)
    logger.warning(
        "CSP violation: %s blocked %s on %s",
        str(body.get("violated-directive") or body.get("effective-directive", ""))[:200],
        str(body.get("blocked-uri", ""))[:200],
        str(body.get("document-uri", ""))[:200],
    )
    return HttpResponse(status=204)
