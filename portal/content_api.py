"""Wagtail's API v2: pages, images and documents for apps and partner sites."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from rest_framework.permissions import AllowAny

from education.api import AlertsEndpoint, ArticlesEndpoint, CampaignsEndpoint, TopicsEndpoint


class PublicContentMixin:
    """Published content is public: lift the project's closed-by-default DRF permission."""

    permission_classes = [AllowAny]


class PagesEndpoint(PublicContentMixin, PagesAPIViewSet):
    pass


class ImagesEndpoint(PublicContentMixin, ImagesAPIViewSet):
    pass


class DocumentsEndpoint(PublicContentMixin, DocumentsAPIViewSet):
    pass


content_api = WagtailAPIRouter("wagtailapi")
# Education content, one endpoint per kind (documented in docs/education.md).
# Registered before "pages" so an article's detail_url points at /articles/<id>/.
content_api.register_endpoint("articles", ArticlesEndpoint)
content_api.register_endpoint("campaigns", CampaignsEndpoint)
content_api.register_endpoint("alerts", AlertsEndpoint)
content_api.register_endpoint("topics", TopicsEndpoint)
content_api.register_endpoint("pages", PagesEndpoint)
content_api.register_endpoint("images", ImagesEndpoint)
content_api.register_endpoint("documents", DocumentsEndpoint)
