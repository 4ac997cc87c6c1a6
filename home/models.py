from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from portal.core.routing import CachedViewRestrictionsMixin


@register_snippet
class DepartmentIdentity(TranslatableMixin, models.Model):
    """The department's name and wording, one per language.

    Wagtail settings cannot be translated yet (wagtail/wagtail#11508), so the
    words live in this translatable snippet, linked from the site settings;
    numbers and links stay single-sourced in the settings themselves.
    """

    name = models.CharField(_("department name"), max_length=150)
    short_name = models.CharField(_("short name"), max_length=60)
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    office_hours = models.CharField(_("office hours"), max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("tagline"), FieldPanel("office_hours")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("department identity")
        verbose_name_plural = _("department identity")

    def __str__(self):
        return self.name


@register_setting(icon="site")
class DepartmentSettings(ClusterableModel, BaseSiteSetting):
    """Contacts shown in the header, the home page's first screen and the footer."""

    identity = models.ForeignKey(
        DepartmentIdentity,
        verbose_name=_("name and wording"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Edit and translate the wording under Snippets → Department identity."),
    )
    emergency_number = models.CharField(
        _("emergency number"), max_length=20, default="112", help_text=_("The national emergency call centre.")
    )
    main_phone = models.CharField(_("department phone"), max_length=30, blank=True)
    whatsapp = models.CharField(_("WhatsApp number"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    address = models.TextField(_("address"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    tiktok_url = models.URLField(_("TikTok"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)

    panels = [
        FieldPanel("identity"),
        MultiFieldPanel(
            [FieldPanel("emergency_number"), FieldPanel("main_phone"), FieldPanel("whatsapp")],
            heading=_("Emergency numbers"),
        ),
        InlinePanel("hotlines", heading=_("Other hotlines"), label=_("Hotline")),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("address")], heading=_("Office")),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("tiktok_url"),
                FieldPanel("x_url"),
            ],
            heading=_("Social media"),
        ),
    ]

    class Meta:
        verbose_name = _("department contacts")

    @property
    def social_links(self):
        return [
            (label, url)
            for label, url in (
                ("Facebook", self.facebook_url),
                ("Instagram", self.instagram_url),
                ("YouTube", self.youtube_url),
                ("TikTok", self.tiktok_url),
                ("X", self.x_url),
            )
            if url
        ]


class DepartmentHotline(Orderable):
    """A further number (a fire post, rescue desk), labelled in both languages by its kind."""

    class Kind(models.TextChoices):
        COMMAND = "command", _("Command centre")
        RESCUE = "rescue", _("Rescue")
        POST = "post", _("Fire post")
        WHATSAPP = "whatsapp", _("WhatsApp")

    settings = ParentalKey(DepartmentSettings, on_delete=models.CASCADE, related_name="hotlines")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.POST)
    name = models.CharField(_("place name"), max_length=80, blank=True, help_text=_("For example: Pos Kota Baru."))
    number = models.CharField(_("number"), max_length=30)

    panels = [FieldPanel("kind"), FieldPanel("name"), FieldPanel("number")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.name}: {self.number}".strip()


class HomePage(CachedViewRestrictionsMixin, Page):
    """The portal's front door: the first screen says what to do in an emergency."""

    emergency_heading = models.CharField(_("emergency heading"), max_length=120)
    emergency_text = models.CharField(_("emergency text"), max_length=250, blank=True)
    report_heading = models.CharField(_("report heading"), max_length=120)
    report_text = models.CharField(_("report text"), max_length=250, blank=True)
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("emergency_heading"), FieldPanel("emergency_text")], heading=_("Emergency")),
        MultiFieldPanel([FieldPanel("report_heading"), FieldPanel("report_text")], heading=_("Report")),
        FieldPanel("intro"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
