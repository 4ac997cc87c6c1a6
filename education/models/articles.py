import math
from functools import partial

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from education.blocks import BodyBlock, body_text
from portal.core import freshness
from portal.core.links import absolute_url, page_url
from portal.core.locales import locale_by_id
from portal.core.routing import CachedViewRestrictionsMixin, public

from .base import HERO_SPEC, CardMixin, TopicsField, with_cards
from .topics import Topic

WORDS_PER_MINUTE = 200


class ArticleIndexPage(CachedViewRestrictionsMixin, Page):
    """The list of safety articles, newest first, filterable by topic."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    per_page = 12

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["education.ArticlePage"]
    max_count_per_parent = 1
    template = "education/article_index_page.html"

    class Meta:
        verbose_name = _("article index")

    def articles(self):
        """This language's live articles under this index, newest first."""
        return (
            public(ArticlePage.objects.live())
            .child_of(self)
            .filter(locale_id=self.locale_id)
            .order_by("-date", "-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topics = Topic.for_locale(locale_by_id(self.locale_id))
        slug = request.GET.get("topic", "")
        current_topic = next((topic for topic in topics if topic.slug == slug), None)

        def listed():
            articles = self.articles()
            if current_topic is not None:
                articles = articles.filter(topic_links__topic__translation_key=current_topic.translation_key)
                return articles.distinct()
            return articles

        # Read only when the page's card fragment is not in the cache (article_index_page.html).
        topic_key = current_topic.pk if current_topic else "all"
        page_obj, rows = freshness.page_of(
            f"articles:{self.pk}:{topic_key}", lambda: with_cards(listed()), self.per_page, request.GET.get("page")
        )
        articles = SimpleLazyObject(lambda: ArticlePage.attach_topics(rows, topics))
        context.update(topics=topics, current_topic=current_topic, page_obj=page_obj, articles=articles)
        return context


class ArticlePage(CardMixin, CachedViewRestrictionsMixin, Page):
    """A fire-safety article: summary, hero image, topics and a structured body."""

    date = models.DateField(_("date"), default=timezone.localdate, help_text=_("Shown on the article and its card."))
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    reading_minutes = models.PositiveSmallIntegerField(_("reading time (minutes)"), default=1, editable=False)

    content_panels = [
        *Page.content_panels,
        *CardMixin.card_panels,
        FieldPanel("date"),
        InlinePanel("topic_links", heading=_("Topics"), label=_("Topic")),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=1.5),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    api_fields = [
        *CardMixin.card_api_fields,
        APIField("date"),
        APIField("reading_minutes"),
        APIField("topics", serializer=TopicsField()),
        APIField("body"),
    ]

    parent_page_types = ["education.ArticleIndexPage"]
    subpage_types = []
    template = "education/article_page.html"

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def save(self, *args, **kwargs):
        words = len(body_text(self.body).split()) + len((self.summary or "").split())
        self.reading_minutes = max(1, math.ceil(words / WORDS_PER_MINUTE))
        super().save(*args, **kwargs)

    @property
    def topics(self):
        """Topics in the page's language (set in bulk by attach_topics, else one query)."""
        cached = getattr(self, "_localized_topics", None)
        if cached is None:
            cached = self.attach_topics([self], Topic.for_locale(locale_by_id(self.locale_id)))[0]._localized_topics
        return cached

    @staticmethod
    def attach_topics(articles, topics):
        """Give each article its topics from `topics` (one per translation key) in one query."""
        by_key = {topic.translation_key: topic for topic in topics}
        articles = list(articles)
        links = ArticleTopic.objects.filter(page__in=[a.pk for a in articles]).values_list(
            "page_id", "topic__translation_key"
        )
        found = {}
        for page_id, key in links.order_by("sort_order"):
            if key in by_key:
                found.setdefault(page_id, []).append(by_key[key])
        for article in articles:
            article._localized_topics = found.get(article.pk, [])
        return articles

    def related_articles(self, limit=3):
        """Newest other articles in this language that share a topic."""
        keys = ArticleTopic.objects.filter(page=self).values("topic__translation_key")
        return with_cards(
            public(ArticlePage.objects.live())
            .filter(locale_id=self.locale_id, topic_links__topic__translation_key__in=keys)
            .exclude(pk=self.pk)
            .distinct()
            .order_by("-date", "-pk")
        )[:limit]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.locale = locale_by_id(self.locale_id)
        # Read only when the article's fragments are not in the cache (article_page.html).
        context.update(
            related_articles=SimpleLazyObject(
                lambda: self.attach_topics(self.related_articles(), Topic.for_locale(self.locale))
            ),
            index_page=SimpleLazyObject(self.get_parent),
            article_json_ld=partial(self.json_ld, request),
        )
        return context

    def json_ld(self, request):
        """schema.org Article metadata for search engines."""
        from django.templatetags.static import static

        url = page_url(request, self)
        publisher = {
            "@type": "GovernmentOrganization",
            "name": settings.WAGTAIL_SITE_NAME,
            "logo": {"@type": "ImageObject", "url": absolute_url(request, static("img/logo.svg"))},
        }
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title[:110],
            "description": self.summary,
            "inLanguage": self.locale.language_code,
            "datePublished": (self.first_published_at or timezone.now()).isoformat(),
            "dateModified": (self.last_published_at or timezone.now()).isoformat(),
            "mainEntityOfPage": url,
            "url": url,
            "author": publisher,
            "publisher": publisher,
            "timeRequired": f"PT{self.reading_minutes}M",
            "articleSection": [topic.name for topic in self.topics],
        }
        if self.hero_image:
            rendition = self.hero_image.get_rendition(HERO_SPEC)
            data["image"] = [absolute_url(request, rendition.url)]
        return data


class ArticleTopic(Orderable):
    """An article's topic. Kept in sync across translations; shown in the reader's language."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+", verbose_name=_("topic"))

    panels = [FieldPanel("topic")]

    class Meta(Orderable.Meta):
        verbose_name = _("article topic")
