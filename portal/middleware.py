from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils.cache import patch_cache_control


class PublicCacheMiddleware:
    """Let proxies and browsers keep anonymous public pages for a short while.

    Only safe, successful responses to anonymous visitors that set no cookie (so
    nothing personal and no fresh CSRF token) and no caching policy of their own
    are marked public; admin, API and health check responses are never touched.
    """

    PRIVATE_PREFIXES = ("/admin/", "/django-admin/", "/api/", "/healthz")

    def __init__(self, get_response):
        self.get_response = get_response
        self.max_age = getattr(settings, "PUBLIC_CACHE_MAX_AGE", 60)

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.cookies
            and "Cache-Control" not in response
            and not (hasattr(request, "user") and request.user.is_authenticated)
            and not request.path.startswith(self.PRIVATE_PREFIXES)
        ):
            patch_cache_control(response, public=True, max_age=self.max_age)
        return response


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of unprefixed 404s.

    Django turns a 404 at /api/x into a redirect to /id/api/x whenever that
    prefixed path resolves, and Wagtail's catch-all page route resolves every
    path. Paths that live outside the language prefix keep their real 404.
    """

    UNPREFIXED = ("/api/", "/admin/", "/django-admin/", "/documents/", "/healthz", "/static/", "/media/")

    def process_response(self, request, response):
        if request.path_info.startswith(self.UNPREFIXED):
            return response
        return super().process_response(request, response)
