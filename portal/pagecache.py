"""A page cache for anonymous visitors, inside the application.

Why not Django's UpdateCacheMiddleware/FetchFromCacheMiddleware: they key every
entry on the request headers named in `Vary`, and our pages vary on `Cookie`
(the session and CSRF middlewares add it), so each visitor who once received a
CSRF cookie would get a cache of their own; their key prefix is also fixed at
start-up, so an editor's change could only be seen after the timeout. And
wagtail-cache, the Wagtail answer, requires wagtail<8 (checked for 3.0.0).
Remove this module for wagtail-cache once it supports Wagtail 8.

How it stays correct:
- Only anonymous GET/HEAD requests are looked up or stored: a request that
  carries any cookie other than the CSRF and language cookies (a session, a
  message), or an Authorization header, bypasses the cache entirely.
- Only responses that set no cookie and state no caching policy of their own
  are stored, except those marked by freshness.revalidate_each_time (a
  training's seats): stored here, revalidated by browsers and proxies.
  A page that renders a CSRF token always sets the CSRF cookie, so form
  pages are never stored, and a stored page holds no token: serving it to a
  visitor who has a CSRF cookie is safe, and their forms keep working.
- Entries are keyed by scheme, host, full path with query and language, under
  the content version of portal.core.freshness: publishing, or saving a
  snippet, a setting or a training's registrations, makes every entry stale.
- The middleware sits near the top of MIDDLEWARE, so it sees the response
  after the session and CSRF middlewares have added their cookies; that is
  also where the shared-cache policy (`Cache-Control: public`) is decided.

Pages must not carry per-response secrets such as CSP nonces: a stored page
would repeat the nonce to every visitor. If django-csp nonces are introduced,
responses that use one must set a `private` or `no-store` policy (then they are
not stored) or the nonce must move to a hash-based policy.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_from_request

from portal.core import freshness

# Served by the application but never stored or marked public: back office,
# accounts API, intake APIs (Open311 too), health check, language switcher, private documents.
PRIVATE_PREFIXES = ("/admin/", "/api/", "/open311/", "/healthz", "/i18n/", "/documents/")
# Public API reads that may be stored like pages.
PUBLIC_API_PREFIXES = ("/api/v2/",)


def _ignorable_cookies():
    return {
        settings.CSRF_COOKIE_NAME,
        settings.LANGUAGE_COOKIE_NAME,
        *getattr(settings, "PAGE_CACHE_IGNORED_COOKIES", ()),
    }


def is_public_path(path):
    return path.startswith(PUBLIC_API_PREFIXES) or not path.startswith(PRIVATE_PREFIXES)


class PageCacheMiddleware:
    """Serve and store anonymous public responses; mark them public for proxies."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = getattr(settings, "PAGE_CACHE_TIMEOUT", 300)
        self.max_age = getattr(settings, "PUBLIC_CACHE_MAX_AGE", 60)
        self.ignorable = _ignorable_cookies()

    def __call__(self, request):
        with freshness.pinned():
            return self._serve(request)

    def _serve(self, request):
        eligible = self._eligible(request)
        # Read per request so that query-budget tests can measure uncached pages.
        enabled = getattr(settings, "PAGE_CACHE_ENABLED", True)
        key = self._key(request) if eligible else None
        if key is not None and enabled:
            hit = cache.get(key)
            if hit is not None:
                return self._rebuild(hit, request)
        response = self.get_response(request)
        if eligible and self._storable(request, response):
            if not getattr(response, "page_cache_storable", False):
                patch_cache_control(response, public=True, max_age=self.max_age)
            if enabled:
                cache.set(key, self._freeze(response), self.timeout)
                response["X-Page-Cache"] = "miss"
        return response

    def _eligible(self, request):
        return (
            request.method in ("GET", "HEAD")
            and is_public_path(request.path)
            and "HTTP_AUTHORIZATION" not in request.META
            and all(name in self.ignorable for name in request.COOKIES)
        )

    def _storable(self, request, response):
        user = getattr(request, "user", None)
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            # A policy of its own means "not for shared caches", unless the view
            # said the page cache may keep it (freshness.revalidate_each_time).
            and ("Cache-Control" not in response or getattr(response, "page_cache_storable", False))
            and not (user is not None and user.is_authenticated)
        )

    def _key(self, request):
        language = get_language_from_request(request, check_path=True)
        url = hashlib.md5(request.build_absolute_uri().encode(), usedforsecurity=False).hexdigest()
        return f"portal:page:{freshness.version()}:{language}:{url}"

    @staticmethod
    def _freeze(response):
        headers = [(k, v) for k, v in response.headers.items() if k != "X-Page-Cache"]
        return response.status_code, headers, response.content

    @staticmethod
    def _rebuild(entry, request):
        status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response
