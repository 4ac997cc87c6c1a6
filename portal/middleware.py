from django.conf import settings
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
