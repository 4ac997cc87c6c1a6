"""Article feeds (RSS 2.0 and Atom) per language, and the Atom index of active
alerts whose entries point at each alert's CAP message."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import Locale

from education.cap import CAP_CONTENT_TYPE
from education.models import ArticleIndexPage, ArticlePage, Topic
from education.templatetags.education_tags import active_alerts_for
from portal.core.links import absolute_url, page_url
from portal.core.routing import public

FEED_SIZE = 20


class PublicFeed(Feed):
    """Links on the public address (PUBLIC_BASE_URL) and the department as the feed's author."""

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def feed_url(self):
        return absolute_url(self.request, self.request.path)

    def author_name(self):
        # RFC 4287 wants an author for every entry: one for the whole feed covers them.
        return settings.WAGTAIL_SITE_NAME

    def author_link(self):
        return absolute_url(self.request, f"/{get_language()}/")


class ArticleFeed(PublicFeed):
    feed_type = Rss201rev2Feed

    def title(self):
        return _("Fire safety articles")

    def description(self):
        return _("Fire and rescue safety advice from the Kota Jambi fire and rescue department.")

    def link(self):
        index = ArticleIndexPage.objects.live().filter(locale=Locale.get_active()).first()
        return absolute_url(self.request, index.get_url(self.request) if index else f"/{get_language()}/")

    def items(self):
        locale = Locale.get_active()
        articles = list(public(ArticlePage.objects.live()).filter(locale=locale).order_by("-date", "-pk")[:FEED_SIZE])
        return ArticlePage.attach_topics(articles, Topic.for_locale(locale))

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return page_url(self.request, item)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(8)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [topic.name for topic in item.topics]


class AtomArticleFeed(ArticleFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()


class CapIndexFeedType(Atom1Feed):
    """Atom whose entries link to CAP messages (type application/cap+xml) and to the alert's page."""

    def add_item_elements(self, handler, item):
        handler.addQuickElement("title", item["title"])
        handler.addQuickElement("link", "", {"href": item["link"], "rel": "alternate", "type": CAP_CONTENT_TYPE})
        handler.addQuickElement("link", "", {"href": item["page_url"], "rel": "related", "type": "text/html"})
        handler.addQuickElement("updated", item["updateddate"].isoformat())
        handler.addQuickElement("id", item["unique_id"])
        handler.addQuickElement("summary", item["description"], {"type": "text"})


class CapIndexFeed(PublicFeed):
    """The alerts that are active right now, for aggregators that poll."""

    feed_type = CapIndexFeedType

    def title(self):
        return _("Active alerts")

    def subtitle(self):
        return _("Public warnings of the Kota Jambi fire and rescue department, in CAP 1.2.")

    def link(self):
        return absolute_url(self.request, reverse("education:cap_index"))

    def items(self):
        return active_alerts_for(Locale.get_active())

    def item_title(self, item):
        return f"{item.get_severity_display()}: {item.title}"

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return absolute_url(self.request, reverse("education:cap_alert", kwargs={"key": item.translation_key}))

    def item_guid(self, item):
        return f"urn:uuid:{item.translation_key}"

    def item_updateddate(self, item):
        return item.last_published_at or item.onset

    def item_extra_kwargs(self, item):
        return {"page_url": page_url(self.request, item)}
