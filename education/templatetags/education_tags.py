"""Template tags for every public page: the active-alert banner, feed discovery
links, canonical/OpenGraph metadata, and the home page's education sections.

Each tag caches what it loads on the request, so a page costs the same few
queries however many tags use the same data.
"""

import re

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import escape, json_script
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from wagtail.models import Page

from education.models import (
    ArticleIndexPage,
    ArticlePage,
    CampaignPage,
    Topic,
    pick_translations,
    with_cards,
)
from education.models.alerts import AlertPage
from portal.core import freshness
from portal.core.links import absolute_url, page_url
from portal.core.locales import active_locale
from portal.core.routing import public
from portal.core.templatetags.public_tags import describe

register = template.Library()


def _request_cache(context, name, loader):
    request = context.get("request")
    if request is None:
        return loader()
    cache = request.__dict__.setdefault("_education", {})
    if name not in cache:
        cache[name] = loader()
    return cache[name]


def active_alerts_for(locale):
    """Active alerts, one per alert (its translation in `locale`, else the source), most severe first."""
    alerts = list(AlertPage.active().select_related("locale"))
    chosen = {id(a): a for a in pick_translations(alerts, locale)}
    return [alert for alert in alerts if id(alert) in chosen]


@register.simple_tag(takes_context=True)
def active_alerts(context):
    # Every page shows them; AlertPage.next_change moves the content version at each onset and expiry.
    locale = active_locale()
    return _request_cache(
        context, "alerts", lambda: freshness.remember(f"alerts:{locale.pk}", lambda: active_alerts_for(locale))
    )


@register.inclusion_tag("education/includes/alert_banner.html", takes_context=True)
def alert_banner(context):
    return {"alerts": active_alerts(context), "request": context.get("request"), "LANGUAGE_CODE": get_language()}


def _safe_reverse(name, **kwargs):
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return ""


@register.inclusion_tag("education/includes/head.html", takes_context=True)
def education_head(context):
    """Everything this app adds to <head>: stylesheet, feed discovery, canonical and OpenGraph."""
    return {**feed_links(context), **page_meta(context)}


def feed_links(context):
    """<link rel="alternate"> for the article feeds, the alerts index and each active alert's CAP file."""
    return {
        "rss": _safe_reverse("education:articles_rss"),
        "atom": _safe_reverse("education:articles_atom"),
        "cap_index": _safe_reverse("education:cap_index"),
        "alerts": [
            {"title": alert.title, "url": _safe_reverse("education:cap_alert", key=alert.translation_key)}
            for alert in active_alerts(context)
        ],
    }


def page_meta(context):
    """Canonical URL and OpenGraph tags for any page, Wagtail or not."""
    request = context.get("request")
    page = context.get("page")
    if request is None:
        return {}
    locales = {"id": "id_ID", "en": "en_US"}
    meta = {
        "type": "website",
        "locale": locales.get(get_language(), get_language()),
        "alternate_locales": [value for code, value in locales.items() if code != get_language()],
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    if isinstance(page, Page):
        specific = page.specific if type(page) is Page else page
        meta["url"] = page_url(request, specific)
        meta["title"] = specific.seo_title or specific.title
        meta["description"] = describe(specific) or ""
        image = getattr(specific, "hero_image", None)
        if image is not None:
            from education.models import HERO_SPEC

            rendition = image.get_rendition(HERO_SPEC)
            meta["image"] = {
                "url": absolute_url(request, rendition.url),
                "width": rendition.width,
                "height": rendition.height,
                "alt": getattr(specific, "image_alt", ""),
            }
        if isinstance(specific, ArticlePage):
            meta["type"] = "article"
            meta["published"] = specific.first_published_at
            meta["modified"] = specific.last_published_at
    else:
        meta["url"] = absolute_url(request, request.path)
    return {"meta": meta}


@register.simple_tag(takes_context=True)
def latest_articles(context, count=3):
    """The newest articles in the active language, ready for cards."""

    def load():
        locale = active_locale()
        articles = list(
            with_cards(public(ArticlePage.objects.live()).filter(locale=locale).order_by("-date", "-pk"))[:count]
        )
        return ArticlePage.attach_topics(articles, Topic.for_locale(locale))

    return _request_cache(context, f"latest_articles_{count}", load)


@register.simple_tag(takes_context=True)
def current_campaigns(context, count=3):
    """Campaigns running today in the active language."""

    def load():
        today = timezone.localdate()
        return list(
            with_cards(
                public(CampaignPage.objects.live())
                .filter(locale=active_locale(), start_date__lte=today, end_date__gte=today)
                .order_by("end_date", "pk")
            )[:count]
        )

    return _request_cache(context, f"campaigns_{count}", load)


@register.simple_tag(takes_context=True)
def article_index(context):
    """The article index in the active language (for "all articles" links)."""
    return _request_cache(
        context,
        "article_index",
        lambda: ArticleIndexPage.objects.live().filter(locale=active_locale()).first(),
    )


@register.filter
def highlight(text, query):
    """`text`, escaped, with each word of `query` wrapped in <mark>."""
    text = str(text or "")
    words = [re.escape(word) for word in (query or "").split() if len(word) > 1]
    if not words:
        return escape(text)
    pattern = re.compile("(" + "|".join(sorted(words, key=len, reverse=True)) + ")", re.IGNORECASE)
    parts = pattern.split(text)
    # split() with one group alternates: plain, match, plain, match, ...
    html = "".join(f"<mark>{escape(part)}</mark>" if i % 2 else escape(part) for i, part in enumerate(parts))
    return mark_safe(html)  # noqa: S308 - every part is escaped


@register.simple_tag
def json_ld(data):
    """A <script type="application/ld+json"> block, safely escaped."""
    # json_script escapes <, > and & so the data cannot close the script element.
    script = json_script(data)
    return mark_safe(script.replace('type="application/json"', 'type="application/ld+json"', 1))  # noqa: S308
