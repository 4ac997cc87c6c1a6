"""The Editors' and Moderators' home panel: pages awaiting moderation, translations out of
date or missing, alerts about to expire. A fixed number of queries, kept a minute in the cache."""

from datetime import timedelta

from django.core.cache import cache
from django.db.models import CharField, Exists, OuterRef, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import TranslationSource

from education.models import AlertPage
from portal.core.locales import default_locale

LIMIT = 5
EXPIRY_HOURS = 48
CACHE_SECONDS = 60
CACHE_KEY = "dashboard:editorial"


def _rows(pages, url_name, key="pk", **extra):
    # extra names the page attributes to carry (submitted_at=True, expires=True).
    return [
        {"title": page.title, "url": reverse(url_name, args=[getattr(page, key)])}
        | {f: getattr(page, f) for f in extra}
        for page in pages
    ]


def editorial_figures(now=None):
    now = now or timezone.now()
    # Workflow states point at pages by a text object_id.
    in_review = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS, object_id=Cast(OuterRef("pk"), CharField())
    ).filter(base_content_type__model="page", base_content_type__app_label="wagtailcore")
    pending = (
        Page.objects.filter(Exists(in_review))
        .annotate(submitted_at=Subquery(in_review.order_by("-created_at").values("created_at")[:1]))
        .order_by("submitted_at")
    )
    # wagtail-localize's source of a page is older than the page's last revision: translations lag behind.
    sources = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"),
        locale_id=OuterRef("locale_id"),
        last_updated_at__lt=OuterRef("latest_revision_created_at"),
        translations__enabled=True,
    )
    stale = (
        Page.objects.filter(Exists(sources))
        .annotate(source_id=Subquery(sources.values("pk")[:1]))
        .order_by("-latest_revision_created_at")
    )
    translated = Page.objects.filter(translation_key=OuterRef("translation_key")).exclude(
        locale_id=OuterRef("locale_id")
    )
    untranslated = (
        Page.objects.filter(depth__gt=1, locale=default_locale(), alias_of__isnull=True)
        .exclude(Exists(translated))
        .order_by("-latest_revision_created_at")
    )
    expiring = AlertPage.objects.live().filter(expires__gt=now, expires__lte=now + timedelta(hours=EXPIRY_HOURS))
    return {
        "pending_count": pending.count(),
        "pending": _rows(pending[:LIMIT], "wagtailadmin_pages:edit", submitted_at=True),
        "stale_count": stale.count(),
        "stale": _rows(stale[:LIMIT], "wagtail_localize:update_translations", key="source_id"),
        "untranslated_count": untranslated.count(),
        "untranslated": _rows(untranslated[:LIMIT], "wagtail_localize:submit_page_translation"),
        "expiring": _rows(expiring.order_by("expires")[:LIMIT], "wagtailadmin_pages:edit", expires=True),
        "expiry_hours": EXPIRY_HOURS,
    }


def cached_editorial_figures():
    return cache.get_or_set(CACHE_KEY, editorial_figures, CACHE_SECONDS)


class EditorialPanel(Component):
    name = "education_editorial"
    order = 40
    template_name = "education/admin/home_panel.html"

    def get_context_data(self, parent_context):
        return cached_editorial_figures()
