"""Back office: topics as a translatable snippet, and flat listings of articles,
campaigns and alerts next to the page tree, grouped under "Education"."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

import django_filters

from education.dashboard import EditorialPanel
from education.models import AlertPage, ArticlePage, CampaignPage, Severity, Topic
from portal.core.exports import SafeExportViewSetMixin
from portal.core.roles import EDITORS, MODERATORS, in_role


class TopicFilterSet(WagtailFilterSet):
    class Meta:
        model = Topic
        fields = ["locale"]


class TopicViewSet(SafeExportViewSetMixin, SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    add_to_admin_menu = False
    list_display = ["name", "slug", "locale"]
    list_export = ["name", "slug", "description", "locale"]
    search_fields = ["name"]
    filterset_class = TopicFilterSet
    inspect_view_enabled = True


class ArticleListing(SafeExportViewSetMixin, PageListingViewSet):
    model = ArticlePage
    icon = "doc-full"
    menu_label = _("Articles")
    name = "education_articles"
    list_filter = ["locale", "live", "date"]
    list_export = ["title", "date", "reading_minutes", "live", "locale", "first_published_at"]


class CampaignListing(SafeExportViewSetMixin, PageListingViewSet):
    model = CampaignPage
    icon = "calendar-alt"
    menu_label = _("Campaigns")
    name = "education_campaigns"
    list_filter = ["locale", "live", "start_date", "end_date"]
    list_export = ["title", "start_date", "end_date", "key_message", "live", "locale"]


class AlertFilterSet(WagtailFilterSet):
    severity = django_filters.ChoiceFilter(choices=Severity.choices, label=_("Severity"))

    class Meta:
        model = AlertPage
        fields = ["locale", "live", "severity", "category", "expires"]


class AlertListing(SafeExportViewSetMixin, PageListingViewSet):
    model = AlertPage
    icon = "warning"
    menu_label = _("Alerts")
    name = "education_alerts"
    filterset_class = AlertFilterSet
    list_export = ["title", "event", "severity", "urgency", "certainty", "onset", "expires", "live", "locale"]


class EducationGroup(ViewSetGroup):
    menu_label = _("Education")
    menu_icon = "doc-full-inverse"
    menu_order = 200
    items = (ArticleListing, CampaignListing, AlertListing, TopicViewSet)


@hooks.register("register_admin_viewset")
def register_education_viewsets():
    return EducationGroup()


@hooks.register("construct_homepage_panels")
def add_editorial_panel(request, panels):
    if in_role(request.user, EDITORS) or in_role(request.user, MODERATORS):
        panels.append(EditorialPanel())
