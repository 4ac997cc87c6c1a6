"""Wagtail API v2 endpoints for education content (registered in portal/content_api.py).

/api/v2/articles/, /campaigns/, /alerts/ are the pages endpoint narrowed to one
page type, with extra filters; /api/v2/topics/ lists the topic snippets.
All of them are public: they serve only published content.
"""

from django.db.models import Prefetch
from django.utils import timezone

from wagtail.api.v2.filters import FieldsFilter, LocaleFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.images import get_image_model

from rest_framework.filters import BaseFilterBackend
from rest_framework.permissions import AllowAny

from education.models import AlertPage, ArticlePage, CampaignPage, Topic
from education.models.base import CARD_SPEC, HERO_SPEC


class TopicFilter(BaseFilterBackend):
    """?topic=<slug>: articles with that topic, whatever language the topic was chosen in."""

    def filter_queryset(self, request, queryset, view):
        slug = request.GET.get("topic")
        if slug:
            keys = Topic.objects.filter(slug=slug).values("translation_key")
            queryset = queryset.filter(topic_links__topic__translation_key__in=keys).distinct()
        return queryset


class CampaignStatusFilter(BaseFilterBackend):
    """?status=current|upcoming|past, by today's date in the department's time zone."""

    def filter_queryset(self, request, queryset, view):
        status = request.GET.get("status")
        if not status:
            return queryset
        today = timezone.localdate()
        if status == CampaignPage.Status.CURRENT:
            return queryset.filter(start_date__lte=today, end_date__gte=today)
        if status == CampaignPage.Status.UPCOMING:
            return queryset.filter(start_date__gt=today)
        if status == CampaignPage.Status.PAST:
            return queryset.filter(end_date__lt=today)
        raise BadRequestError("status must be one of: current, upcoming, past")


class AlertActiveFilter(BaseFilterBackend):
    """?active=true: only alerts in force right now; ?severity=Extreme|Severe|…"""

    def filter_queryset(self, request, queryset, view):
        active = request.GET.get("active")
        if active is not None:
            now = timezone.now()
            window = {"onset__lte": now, "expires__gt": now}
            if active.lower() in ("1", "true", "yes"):
                queryset = queryset.filter(**window)
            elif active.lower() in ("0", "false", "no"):
                queryset = queryset.exclude(**window)
            else:
                raise BadRequestError("active must be true or false")
        return queryset


class TypedPagesEndpoint(PagesAPIViewSet):
    """The pages endpoint for one page type: `?type=` is implied, listing shows its fields."""

    permission_classes = [AllowAny]
    extra_filters = []
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields]

    def get_queryset(self):
        queryset = self.model.objects.filter(pk__in=self.get_base_queryset().values_list("pk", flat=True))
        # Locale and hero renditions in bulk: the listing's query count does not grow with its size.
        queryset = queryset.select_related("locale")
        if hasattr(self.model, "hero_image"):
            renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=[CARD_SPEC, HERO_SPEC])
            queryset = queryset.select_related("hero_image").prefetch_related(
                Prefetch("hero_image__renditions", queryset=renditions)
            )
        return queryset

    @classmethod
    def _filters(cls):
        filters = list(PagesAPIViewSet.filter_backends)
        # SearchFilter must stay last: search results cannot be filtered further.
        return [*filters[:-1], *cls.extra_filters, filters[-1]]


class ArticlesEndpoint(TypedPagesEndpoint):
    model = ArticlePage
    extra_filters = [TopicFilter]
    known_query_parameters = PagesAPIViewSet.known_query_parameters | {"topic"}
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "date", "summary", "hero_image_card", "topics"]

    def paginate_queryset(self, queryset):
        """The page of articles with their topics attached, one query per language."""
        articles = list(super().paginate_queryset(queryset))
        for locale_id in {article.locale_id for article in articles}:
            in_locale = [article for article in articles if article.locale_id == locale_id]
            ArticlePage.attach_topics(in_locale, Topic.for_locale(in_locale[0].locale))
        return articles


class CampaignsEndpoint(TypedPagesEndpoint):
    model = CampaignPage
    extra_filters = [CampaignStatusFilter]
    known_query_parameters = PagesAPIViewSet.known_query_parameters | {"status"}
    listing_default_fields = [
        *PagesAPIViewSet.listing_default_fields,
        "start_date",
        "end_date",
        "status",
        "key_message",
        "hero_image_card",
    ]


class AlertsEndpoint(TypedPagesEndpoint):
    model = AlertPage
    extra_filters = [AlertActiveFilter]
    known_query_parameters = PagesAPIViewSet.known_query_parameters | {"active"}
    listing_default_fields = [
        *PagesAPIViewSet.listing_default_fields,
        "event",
        "severity",
        "urgency",
        "certainty",
        "area_description",
        "onset",
        "expires",
        "is_active",
    ]


for endpoint in (ArticlesEndpoint, CampaignsEndpoint, AlertsEndpoint):
    endpoint.filter_backends = endpoint._filters()


class TopicsEndpoint(BaseAPIViewSet):
    permission_classes = [AllowAny]
    model = Topic
    filter_backends = [FieldsFilter, OrderingFilter, LocaleFilter, SearchFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters | {"locale"}
    body_fields = [*BaseAPIViewSet.body_fields, "name", "slug", "description"]
    meta_fields = [*BaseAPIViewSet.meta_fields, "locale"]
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "name", "slug", "locale"]
    nested_default_fields = [*BaseAPIViewSet.nested_default_fields, "name", "slug"]
    name = "topics"

    def get_queryset(self):
        return Topic.objects.select_related("locale").order_by("name", "pk")
