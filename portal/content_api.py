"""Wagtail's API v2: pages, images and documents for apps and partner sites.

Anonymous reads are throttled per address (the `anon` rate), except for a
configured front end: a decoupled site calls from one server address, so it
is recognised by an `X-Frontend-Key` header listed in CONTENT_API_FRONTEND_KEYS
or by its address in CONTENT_API_FRONTEND_ADDRESSES. Responses are cached and
revalidated as described in docs/caching.md.
"""

import hmac

from django.conf import settings

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from rest_framework.permissions import AllowAny
from rest_framework.throttling import AnonRateThrottle

from education.api import AlertsEndpoint, ArticlesEndpoint, CampaignsEndpoint, TopicsEndpoint
from portal.core.clients import client_ip
from portal.core.locales import attach_locales
from portal.core.routing import find_site


def is_frontend(request):
    """True for the configured headless front end (by key or by address)."""
    key = request.META.get("HTTP_X_FRONTEND_KEY", "")
    if key and any(hmac.compare_digest(key, known) for known in settings.CONTENT_API_FRONTEND_KEYS):
        return True
    # The client's address as the trusted proxies report it (the peer behind nginx is nginx).
    return client_ip(request) in settings.CONTENT_API_FRONTEND_ADDRESSES


class ContentAnonThrottle(AnonRateThrottle):
    """The anonymous rate, lifted for the configured front end."""

    def allow_request(self, request, view):
        if is_frontend(request):
            return True
        return super().allow_request(request, view)


class PublicContentMixin:
    """Published content is public: lift the project's closed-by-default DRF permission."""

    permission_classes = [AllowAny]
    throttle_classes = [ContentAnonThrottle]

    def initial(self, request, *args, **kwargs):
        # Wagtail's API looks the site up on every call: answer it from the routing cache.
        find_site(request._request)
        super().initial(request, *args, **kwargs)

    def get_base_queryset(self):
        # Wagtail builds it three times a listing (queryset, serializer class,
        # serializer context), each with two queries: build it once per request.
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset.all()


def public(endpoint):
    """The endpoint with the public content policy (permission and throttle)."""
    return type(endpoint.__name__, (PublicContentMixin, endpoint), {})


class PagesEndpoint(PublicContentMixin, PagesAPIViewSet):
    def paginate_queryset(self, queryset):
        # Each page's `meta.locale` came with a query per page: set it from memory.
        return attach_locales(list(super().paginate_queryset(queryset)))


class ImagesEndpoint(PublicContentMixin, ImagesAPIViewSet):
    pass


class DocumentsEndpoint(PublicContentMixin, DocumentsAPIViewSet):
    pass


content_api = WagtailAPIRouter("wagtailapi")
# Education content, one endpoint per kind (documented in docs/education.md).
# Registered before "pages" so an article's detail_url points at /articles/<id>/.
content_api.register_endpoint("articles", public(ArticlesEndpoint))
content_api.register_endpoint("campaigns", public(CampaignsEndpoint))
content_api.register_endpoint("alerts", public(AlertsEndpoint))
content_api.register_endpoint("topics", public(TopicsEndpoint))
content_api.register_endpoint("pages", PagesEndpoint)
content_api.register_endpoint("images", ImagesEndpoint)
content_api.register_endpoint("documents", DocumentsEndpoint)
