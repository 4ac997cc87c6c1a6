from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from rest_framework import serializers

from education.blocks import BodyBlock
from portal.core import freshness
from portal.core.locales import active_locale, locale_by_id
from portal.core.routing import CachedViewRestrictionsMixin, public

from .base import CardMixin, with_cards


class CampaignIndexPage(CachedViewRestrictionsMixin, Page):
    """Campaigns, grouped as current, upcoming and past."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["education.CampaignPage"]
    max_count_per_parent = 1
    template = "education/campaign_index_page.html"

    class Meta:
        verbose_name = _("campaign index")

    PAST_PER_PAGE = 12

    def campaigns(self):
        return (
            public(CampaignPage.objects.live())
            .child_of(self)
            .filter(locale_id=self.locale_id)
            .order_by("start_date", "pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()

        def past():
            # Past campaigns pile up season after season: paginated, most recent first.
            return self.campaigns().filter(end_date__lt=today).order_by("-end_date", "-pk")

        def running_or_planned():
            return list(with_cards(self.campaigns().filter(end_date__gte=today)))

        # Read only when the day's card fragment is not in the cache (campaign_index_page.html).
        page_obj, past_rows = freshness.page_of(
            f"campaigns-past:{self.pk}:{today}", lambda: with_cards(past()), self.PAST_PER_PAGE, request.GET.get("page")
        )
        running = SimpleLazyObject(running_or_planned)
        context.update(
            today=today,
            current=SimpleLazyObject(lambda: [c for c in running if c.start_date <= today]),
            upcoming=SimpleLazyObject(lambda: [c for c in running if c.start_date > today]),
            past=past_rows,
            page_obj=page_obj,
        )
        return context


class CampaignPage(CardMixin, CachedViewRestrictionsMixin, Page):
    """A time-bound effort, e.g. the dry season's "don't burn rubbish or land"."""

    class Status(models.TextChoices):
        CURRENT = "current", _("Current")
        UPCOMING = "upcoming", _("Upcoming")
        PAST = "past", _("Past")

    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    key_message = models.CharField(
        _("key message"), max_length=200, help_text=_("The one sentence people should remember.")
    )
    cta_label = models.CharField(_("call to action"), max_length=60, blank=True, help_text=_("Text of the button."))
    cta_url = models.URLField(_("call to action link"), blank=True)
    cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("call to action page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A page of this site; used instead of the link when both are set."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("key_message"),
        *CardMixin.card_panels,
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Dates")),
        MultiFieldPanel(
            [FieldPanel("cta_label"), PageChooserPanel("cta_page"), FieldPanel("cta_url")],
            heading=_("Call to action"),
        ),
        InlinePanel("areas", heading=_("Target kecamatan"), label=_("Kecamatan")),
        InlinePanel("related_articles", heading=_("Related articles"), label=_("Article")),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("key_message", boost=1.5),
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    api_fields = [
        *CardMixin.card_api_fields,
        APIField("key_message"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("status"),
        APIField("call_to_action", serializer=serializers.DictField(read_only=True)),
        APIField("target_kecamatan", serializer=serializers.ListField(source="kecamatan_list", read_only=True)),
        APIField("body"),
    ]

    parent_page_types = ["education.CampaignIndexPage"]
    subpage_types = []
    template = "education/campaign_page.html"

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The campaign cannot end before it starts.")})
        if self.cta_label and not (self.cta_url or self.cta_page_id):
            raise ValidationError({"cta_url": _("Give the call to action a link or a page.")})

    @property
    def status(self):
        today = timezone.localdate()
        if self.start_date > today:
            return self.Status.UPCOMING
        if self.end_date < today:
            return self.Status.PAST
        return self.Status.CURRENT

    def get_status_display(self):
        return self.Status(self.status).label

    @cached_property
    def _cta_target(self):
        """The chosen page in the active language if published there (Page.localized, minus its locale queries)."""
        page = self.cta_page
        locale = active_locale()
        if page.locale_id != locale.pk:
            translated = page.get_translation_or_none(locale)
            if translated is not None and translated.live:
                page = translated
        return page

    @property
    def cta_href(self):
        if self.cta_page_id:
            return self._cta_target.url
        return self.cta_url

    @property
    def call_to_action(self):
        if not self.cta_label:
            return {}
        return {"label": self.cta_label, "url": self._cta_target.full_url if self.cta_page_id else self.cta_url}

    @property
    def kecamatan_list(self):
        return [{"code": area.kecamatan.code, "name": area.kecamatan.name} for area in self.areas.all()]

    def get_context(self, request, *args, **kwargs):
        from .articles import ArticlePage
        from .topics import Topic

        context = super().get_context(request, *args, **kwargs)

        def articles():
            # Related articles are chosen once, in the source language: show each in this page's language.
            keys = self.related_articles.values("article__translation_key")
            found = with_cards(
                public(ArticlePage.objects.live()).filter(translation_key__in=keys, locale_id=self.locale_id)
            )
            chosen = self.related_articles.values_list("article__translation_key", flat=True)
            order = {key: i for i, key in enumerate(chosen)}
            found = ArticlePage.attach_topics(found, Topic.for_locale(locale_by_id(self.locale_id)))
            return sorted(found, key=lambda a: order.get(a.translation_key, 0))

        # Read only when the day's fragment of the page is not in the cache (campaign_page.html).
        context.update(
            today=timezone.localdate(),
            articles=SimpleLazyObject(articles),
            kecamatan=SimpleLazyObject(lambda: [area.kecamatan for area in self.areas.select_related("kecamatan")]),
        )
        return context


class CampaignArea(Orderable):
    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="areas")
    kecamatan = models.ForeignKey(
        "core.Kecamatan", on_delete=models.CASCADE, related_name="+", verbose_name=_("kecamatan")
    )

    panels = [FieldPanel("kecamatan")]


class CampaignArticle(Orderable):
    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="related_articles")
    article = models.ForeignKey(
        "education.ArticlePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("article")
    )

    panels = [PageChooserPanel("article")]
