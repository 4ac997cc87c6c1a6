"""What every education page has: a summary and a hero image with alt text, for
cards, social previews and the API."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.models import Filter

from rest_framework import serializers

# Rendition specs, in one place: cards in listings, the hero on the page, social previews.
CARD_SPEC = "fill-640x360"
HERO_SPEC = "fill-1200x630"
# Cards are a <picture>: WebP at four widths, JPEG at the same widths as fallback.
# templates/education/includes/card.html passes exactly these specs to {% picture %};
# with_cards() prefetches their renditions, so a listing costs the same queries at any length.
CARD_PICTURE = ("fill-{320x180,480x270,640x360,800x450}", "format-{webp,jpeg}")
CARD_PICTURE_SPECS = tuple(Filter.expand_spec(CARD_PICTURE))


class CardMixin(models.Model):
    """Summary and hero image: the fields listings, social previews and the API use."""

    summary = models.TextField(
        _("summary"), max_length=300, help_text=_("One or two sentences shown on cards, in search and in feeds.")
    )
    # Fetched with the page when it is served (portal.core.routing).
    route_select_related = ("hero_image",)

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt = models.CharField(
        _("hero image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Translated with the page."),
    )

    card_panels = [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt")], heading=_("Hero image")),
    ]
    card_api_fields = [
        APIField("summary"),
        APIField("hero_image", serializer=ImageRenditionField(HERO_SPEC)),
        APIField("hero_image_card", serializer=ImageRenditionField(CARD_SPEC, source="hero_image")),
        APIField("hero_alt"),
    ]

    class Meta:
        abstract = True

    @property
    def image_alt(self):
        return self.hero_alt or (self.hero_image.description if self.hero_image else "")


def with_cards(queryset):
    """Pages ready for cards: hero image and its card renditions in two queries, whatever the count."""
    from wagtail.images import get_image_model

    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=CARD_PICTURE_SPECS)
    return queryset.select_related("hero_image").prefetch_related(
        models.Prefetch("hero_image__renditions", queryset=renditions)
    )


class TopicsField(serializers.Field):
    """An article's topics in its own language, for the API."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return [{"id": topic.pk, "name": topic.name, "slug": topic.slug} for topic in page.topics]
