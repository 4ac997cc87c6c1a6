"""Public warnings, modelled on OASIS CAP 1.2 so they can be shared as CAP XML.

"Active" is worked out on every request from onset and expiry: an alert leaves
the banner at its expiry time without any scheduled job.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, IntegerField, Min, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from rest_framework import serializers

from portal.core.routing import CachedViewRestrictionsMixin, public


class Category(models.TextChoices):
    FIRE = "Fire", _("Fire")
    RESCUE = "Rescue", _("Rescue")
    SAFETY = "Safety", _("Safety")


class Urgency(models.TextChoices):
    IMMEDIATE = "Immediate", _("Immediate: act now")
    EXPECTED = "Expected", _("Expected: act within the hour")
    FUTURE = "Future", _("Future: act in the near future")
    PAST = "Past", _("Past: no action needed")
    UNKNOWN = "Unknown", _("Unknown")


class Severity(models.TextChoices):
    EXTREME = "Extreme", _("Extreme")
    SEVERE = "Severe", _("Severe")
    MODERATE = "Moderate", _("Moderate")
    MINOR = "Minor", _("Minor")
    UNKNOWN = "Unknown", _("Unknown")


class Certainty(models.TextChoices):
    OBSERVED = "Observed", _("Observed")
    LIKELY = "Likely", _("Likely")
    POSSIBLE = "Possible", _("Possible")
    UNLIKELY = "Unlikely", _("Unlikely")
    UNKNOWN = "Unknown", _("Unknown")


# CAP's words said plainly, for the public page (the CAP feed keeps the codes).
PLAIN_SEVERITY = {
    Severity.EXTREME: _("Extraordinary threat to life and property."),
    Severity.SEVERE: _("Significant threat to life and property."),
    Severity.MODERATE: _("Possible threat to life and property."),
    Severity.MINOR: _("Little or no threat to life and property."),
}
PLAIN_URGENCY = {
    Urgency.IMMEDIATE: _("Act now."),
    Urgency.EXPECTED: _("Be ready to act within the next hour."),
    Urgency.FUTURE: _("Be ready to act in the coming hours or days."),
    Urgency.PAST: _("No action is needed any more."),
}
PLAIN_CERTAINTY = {
    Certainty.OBSERVED: _("This is happening now."),
    Certainty.LIKELY: _("This will probably happen."),
    Certainty.POSSIBLE: _("This may happen, but it is not likely."),
    Certainty.UNLIKELY: _("This is not expected to happen."),
}
# Badge colour by meaning: danger red, caution amber, the rest neutral.
SEVERITY_TONE = {Severity.EXTREME: "danger", Severity.SEVERE: "danger", Severity.MODERATE: "caution"}

SEVERITY_RANK = {Severity.EXTREME: 0, Severity.SEVERE: 1, Severity.MODERATE: 2, Severity.MINOR: 3, Severity.UNKNOWN: 4}


class AlertIndexPage(CachedViewRestrictionsMixin, Page):
    """Active alerts first, then the recent ones that have expired."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    recent_limit = 20

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["education.AlertPage"]
    max_count_per_parent = 1
    template = "education/alert_index_page.html"

    class Meta:
        verbose_name = _("alert index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        alerts = public(AlertPage.objects.live()).child_of(self).filter(locale_id=self.locale_id)
        context["active"] = list(AlertPage.order_by_severity(alerts.filter(onset__lte=now, expires__gt=now)))
        context["upcoming"] = list(alerts.filter(onset__gt=now).order_by("onset"))
        context["expired"] = list(alerts.filter(expires__lte=now).order_by("-expires")[: self.recent_limit])
        return context


class AlertPage(CachedViewRestrictionsMixin, Page):
    """A public warning: a burning ban, a major fire with road closures, an evacuation."""

    event = models.CharField(
        _("event"), max_length=120, help_text=_("What kind of event, in a few words, e.g. “Burning ban”.")
    )
    category = models.CharField(_("category"), max_length=10, choices=Category.choices, default=Category.FIRE)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices, default=Severity.MODERATE)
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.EXPECTED)
    certainty = models.CharField(_("certainty"), max_length=10, choices=Certainty.choices, default=Certainty.LIKELY)
    description = models.TextField(_("description"), help_text=_("What is happening and where."))
    instruction = models.TextField(_("instruction"), help_text=_("What people should do."))
    area_description = models.CharField(
        _("area description"),
        max_length=250,
        help_text=_("The affected area in words, e.g. “Kecamatan Kota Baru, around Jl. Marsda Surya Darma”."),
    )
    onset = models.DateTimeField(_("active from"), default=timezone.now)
    expires = models.DateTimeField(_("expires"), help_text=_("The banner disappears by itself at this time."))

    content_panels = [
        *Page.content_panels,
        FieldPanel("event"),
        FieldRowPanel([FieldPanel("severity"), FieldPanel("urgency"), FieldPanel("certainty")], heading=_("CAP")),
        FieldPanel("category"),
        FieldPanel("description"),
        FieldPanel("instruction"),
        MultiFieldPanel(
            [FieldPanel("area_description"), InlinePanel("areas", label=_("Kecamatan"))], heading=_("Area")
        ),
        FieldRowPanel([FieldPanel("onset"), FieldPanel("expires")], heading=_("When")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("event", boost=1.5),
        index.SearchField("description"),
        index.SearchField("instruction"),
        index.SearchField("area_description"),
        index.FilterField("onset"),
        index.FilterField("expires"),
        index.FilterField("severity"),
    ]
    api_fields = [
        APIField("event"),
        APIField("category"),
        APIField("severity"),
        APIField("urgency"),
        APIField("certainty"),
        APIField("description"),
        APIField("instruction"),
        APIField("area_description"),
        APIField("kecamatan", serializer=serializers.ListField(source="kecamatan_list", read_only=True)),
        APIField("onset"),
        APIField("expires"),
        APIField("is_active"),
    ]

    parent_page_types = ["education.AlertIndexPage"]
    subpage_types = []
    template = "education/alert_page.html"

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        indexes = [models.Index(fields=["onset", "expires"], name="education_alert_window")]

    def clean(self):
        super().clean()
        if self.onset and self.expires and self.expires <= self.onset:
            raise ValidationError({"expires": _("An alert must expire after it starts.")})

    @property
    def is_active(self):
        now = timezone.now()
        return self.live and self.onset <= now < self.expires

    @property
    def kecamatan_list(self):
        return [{"code": area.kecamatan.code, "name": area.kecamatan.name} for area in self.areas.all()]

    @property
    def severity_class(self):
        return self.severity.lower()

    @property
    def severity_tone(self):
        """ "danger", "caution" or "neutral": the colour of the alert's badge."""
        return SEVERITY_TONE.get(self.severity, "neutral")

    @property
    def plain_language(self):
        """Severity, urgency and certainty as sentences people understand."""
        sentences = [
            PLAIN_SEVERITY.get(self.severity),
            PLAIN_URGENCY.get(self.urgency),
            PLAIN_CERTAINTY.get(self.certainty),
        ]
        return [str(sentence) for sentence in sentences if sentence]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["kecamatan"] = [area.kecamatan for area in self.areas.select_related("kecamatan")]
        return context

    @staticmethod
    def order_by_severity(queryset):
        rank = Case(
            *[When(severity=severity, then=Value(value)) for severity, value in SEVERITY_RANK.items()],
            default=Value(len(SEVERITY_RANK)),
            output_field=IntegerField(),
        )
        return queryset.annotate(severity_rank=rank).order_by("severity_rank", "-onset", "pk")

    @classmethod
    def active(cls, now=None):
        """Live public alerts whose window includes now, in every language, most severe first."""
        now = now or timezone.now()
        return cls.order_by_severity(public(cls.objects.live()).filter(onset__lte=now, expires__gt=now))

    @classmethod
    def next_change(cls, now):
        """The next onset or expiry after `now` of a live alert: when pages showing alerts change by themselves."""
        live = cls.objects.live()
        moments = (
            live.filter(onset__gt=now).aggregate(m=Min("onset"))["m"],
            live.filter(expires__gt=now).aggregate(m=Min("expires"))["m"],
        )
        return min((m for m in moments if m is not None), default=None)


class AlertArea(Orderable):
    page = ParentalKey(AlertPage, on_delete=models.CASCADE, related_name="areas")
    kecamatan = models.ForeignKey(
        "core.Kecamatan", on_delete=models.CASCADE, related_name="+", verbose_name=_("kecamatan")
    )

    panels = [FieldPanel("kecamatan")]
