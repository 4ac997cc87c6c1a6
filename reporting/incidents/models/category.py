from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

from portal.core.locales import active_locale, default_locale


class Family(models.TextChoices):
    FIRE = "fire", _("Fire")
    RESCUE = "rescue", _("Rescue")
    OTHER = "other", _("Other")
    HAZARD = "hazard", _("Hazard (not an emergency)")


class Category(TranslatableMixin, models.Model):
    """A kind of incident, in a two-level tree (fire → building, vehicle, …).

    A translatable snippet: staff rename and translate categories in the admin.
    Incidents point at the default-locale category; pages show the active
    language's translation. The family (fire, rescue, other, hazard) groups categories
    for duplicate detection and statistics; children inherit their parent's.
    """

    code = models.SlugField(_("code"), max_length=40, help_text=_("Stable identifier used by the API."))
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Leave empty for a main category."),
    )
    family = models.CharField(_("family"), max_length=20, choices=Family.choices, default=Family.OTHER)
    name = models.CharField(_("name"), max_length=100)
    description = models.CharField(_("description"), max_length=200, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("shown on the report form"), default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("parent"),
        FieldPanel("family"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
        FieldPanel("is_active"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("incident category")
        verbose_name_plural = _("incident categories")
        ordering = ["sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["code", "locale"], name="reporting_category_code_locale")]

    def __str__(self):
        if self.parent_id:
            return f"{self.parent.name} › {self.name}"
        return self.name

    def save(self, *args, **kwargs):
        if self.parent_id:
            self.family = self.parent.family
        super().save(*args, **kwargs)

    def localized_name(self, locale=None):
        """The name in `locale` (default: the active one), falling back to this one."""
        locale = locale or active_locale()
        if self.locale_id == locale.pk:
            return self.name
        translation = self.get_translation_or_none(locale)
        return translation.name if translation else self.name

    @classmethod
    def choice_tree(cls):
        """Grouped choices for a select: [(main name, [(pk, name), …]), …], labels in the active language.

        Values are default-locale primary keys. Two queries whatever the tree's size.
        """
        default = default_locale()
        active = active_locale()
        source = list(cls.objects.filter(locale=default, is_active=True).order_by("sort_order", "name"))
        names = {}
        if active.pk != default.pk:
            names = dict(
                cls.objects.filter(locale=active, translation_key__in=[c.translation_key for c in source]).values_list(
                    "translation_key", "name"
                )
            )

        def label(category):
            return names.get(category.translation_key, category.name)

        mains = [c for c in source if c.parent_id is None]
        children = {}
        for c in source:
            if c.parent_id:
                children.setdefault(c.parent_id, []).append(c)
        choices = []
        for main in mains:
            kids = children.get(main.pk, [])
            if kids:
                options = [(k.pk, label(k)) for k in kids]
                options.append((main.pk, _("%(family)s: other or not sure") % {"family": label(main)}))
                choices.append((label(main), options))
            else:
                choices.append((main.pk, label(main)))
        return choices
