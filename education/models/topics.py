from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.core import freshness
from portal.core.locales import active_locale


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A subject that groups articles (home safety, LPG, land fires…), one per language.

    The slug is shared by every translation, so `?topic=lpg` filters the same
    way in Indonesian and English.
    """

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"), max_length=80, help_text=_("Used in links such as ?topic=lpg. The same in every language.")
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug"), TranslatableField("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale")]
    api_fields = ["name", "slug", "description"]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="education_topic_unique_slug_locale"),
        ]

    def __str__(self):
        return self.name

    @classmethod
    def for_locale(cls, locale=None):
        """Every topic once, in `locale` where translated, else in the default language.

        One query per content version: topics are snippets, so an edit makes it stale.
        """
        locale = locale or active_locale()
        topics = cls.objects.select_related("locale")
        return freshness.remember(
            f"topics:{locale.pk}", lambda: pick_translations(topics, locale, key=lambda topic: topic.name.lower())
        )


def pick_translations(objects, locale, key=None):
    """One object per translation_key: the one in `locale`, else the default language's, else any."""
    default_code = settings.LANGUAGE_CODE

    def rank(obj):
        if obj.locale_id == locale.pk:
            return 0
        return 1 if obj.locale.language_code == default_code else 2

    chosen = {}
    for obj in objects:
        current = chosen.get(obj.translation_key)
        if current is None or rank(obj) < rank(current):
            chosen[obj.translation_key] = obj
    result = list(chosen.values())
    return sorted(result, key=key) if key else result
