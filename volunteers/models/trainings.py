"""Training sessions as Wagtail pages, listed under a trainings index page.

A training exists once per language (wagtail-localize); seats belong to the
training, not to one language version. Registrations therefore always point at
the version in the default language (`TrainingPage.canonical`), and seat counts
are taken across translations through `translation_key`.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page
from wagtail.search import index

from portal.core import freshness
from portal.core.freshness import revalidate_each_time
from portal.core.routing import CachedViewRestrictionsMixin


def with_seats(queryset):
    """Annotate trainings with `confirmed_count` and `waitlist_count`, in one query."""
    from volunteers.models.registrations import Registration

    def count(status):
        return Coalesce(
            Subquery(
                Registration.objects.filter(training__translation_key=OuterRef("translation_key"), status=status)
                .order_by()
                .values("training__translation_key")
                .annotate(n=Count("pk"))
                .values("n")[:1]
            ),
            0,
        )

    return queryset.annotate(
        confirmed_count=count(Registration.Status.CONFIRMED),
        waitlist_count=count(Registration.Status.WAITLISTED),
    )


class TrainingIndexPage(CachedViewRestrictionsMixin, Page):
    """Lists upcoming and past trainings; placed under the home page."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    become_volunteer_text = models.CharField(
        _("invitation to volunteer"),
        max_length=250,
        blank=True,
        help_text=_("A sentence inviting visitors to apply as a volunteer."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("become_volunteer_text")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["volunteers.TrainingPage"]
    max_count_per_parent = 1
    page_description = _("The list of trainings for volunteers and the public.")

    PAST_LIMIT = 12
    UPCOMING_PER_PAGE = 12

    class Meta:
        verbose_name = _("trainings index")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.pk:
            self.show_in_menus = True

    def trainings(self):
        return with_seats(TrainingPage.objects.live().child_of(self))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()

        def upcoming():
            # A busy year schedules many sessions: upcoming ones are paginated, soonest first.
            return self.trainings().filter(starts_at__gte=now).order_by("starts_at", "pk")

        # Read only when the card fragment is not in the cache (training_index_page.html). Seats
        # and every start, opening and closing move the content version (TrainingPage.next_change).
        context["page_obj"], context["upcoming"] = freshness.page_of(
            f"trainings-upcoming:{self.pk}", upcoming, self.UPCOMING_PER_PAGE, request.GET.get("page")
        )
        context["past"] = SimpleLazyObject(
            lambda: list(self.trainings().filter(starts_at__lt=now).order_by("-starts_at")[: self.PAST_LIMIT])
        )
        return context

    def serve(self, request, *args, **kwargs):
        # Seat counts change with every registration: browsers and proxies revalidate,
        # the page cache keeps the page until the next registration bumps the content version.
        return revalidate_each_time(super().serve(request, *args, **kwargs))


class TrainingPage(CachedViewRestrictionsMixin, Page):
    """One training session with limited seats, a registration window and a waitlist."""

    class Audience(models.TextChoices):
        VOLUNTEERS = "volunteers", _("Approved volunteers only")
        PUBLIC = "public", _("Open session: anyone with an account")

    description = RichTextField(_("description"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), default=120)
    location_name = models.CharField(_("place"), max_length=150, help_text=_("For example: Aula Markas Damkar."))
    address = models.CharField(_("address"), max_length=250)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    capacity = models.PositiveIntegerField(_("seats"), default=30)
    audience = models.CharField(_("who may register"), max_length=20, choices=Audience.choices, default="volunteers")
    registration_opens_at = models.DateTimeField(
        _("registration opens"), null=True, blank=True, help_text=_("Empty: open as soon as published.")
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Empty: when the training starts.")
    )
    cancellation_cutoff_hours = models.PositiveIntegerField(
        _("cancellation cut-off (hours before the start)"),
        default=24,
        help_text=_("After this, people cannot cancel online and their seat is not given to the waitlist."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("duration_minutes")])],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("location_name"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("capacity"),
                FieldRowPanel([FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]),
                FieldPanel("cancellation_cutoff_hours"),
            ],
            heading=_("Registration"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("description"), index.FilterField("starts_at")]
    parent_page_types = ["volunteers.TrainingIndexPage"]
    subpage_types = []
    page_description = _("A training session with limited seats.")

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.starts_at):%d-%m-%Y %H:%M})" if self.starts_at else self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.latitude is not None and not -90 <= self.latitude <= 90:
            errors["latitude"] = _("Latitude must be between -90 and 90.")
        if self.longitude is not None and not -180 <= self.longitude <= 180:
            errors["longitude"] = _("Longitude must be between -180 and 180.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Give both latitude and longitude, or neither.")
        if self.capacity is not None and self.capacity < 1:
            errors["capacity"] = _("A training needs at least one seat.")
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes <= opens:
            errors["registration_closes_at"] = _("Registration must close after it opens.")
        if closes and self.starts_at and closes > self.starts_at:
            errors["registration_closes_at"] = _("Registration must close before the training starts.")
        if errors:
            raise ValidationError(errors)

    # --- Time -----------------------------------------------------------------------
    @property
    def ends_at(self):
        return self.starts_at + datetime.timedelta(minutes=self.duration_minutes)

    @property
    def is_past(self):
        return self.starts_at < timezone.now()

    @property
    def closes_at(self):
        return self.registration_closes_at or self.starts_at

    @property
    def cancellation_deadline(self):
        return self.starts_at - datetime.timedelta(hours=self.cancellation_cutoff_hours)

    @classmethod
    def next_change(cls, now):
        """The next start, registration opening or closing after `now`: when training pages change by themselves."""
        moments = cls.objects.live().aggregate(
            starts=models.Min("starts_at", filter=models.Q(starts_at__gt=now)),
            opens=models.Min("registration_opens_at", filter=models.Q(registration_opens_at__gt=now)),
            closes=models.Min("registration_closes_at", filter=models.Q(registration_closes_at__gt=now)),
        )
        return min((m for m in moments.values() if m is not None), default=None)

    def registration_state(self, now=None):
        """'not_yet', 'open' or 'closed'."""
        now = now or timezone.now()
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not_yet"
        if now >= self.closes_at:
            return "closed"
        return "open"

    @property
    def is_open(self):
        return self.registration_state() == "open"

    @property
    def is_public(self):
        return self.audience == self.Audience.PUBLIC

    # --- Seats ----------------------------------------------------------------------
    @cached_property
    def canonical(self):
        """The version in the default language, which registrations point at."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        return self.get_translation_or_none(default) or self

    def _counts(self):
        if not hasattr(self, "confirmed_count"):
            from volunteers.models.registrations import Registration

            counts = dict(
                Registration.objects.filter(training__translation_key=self.translation_key)
                .values_list("status")
                .annotate(n=Count("pk"))
                .values_list("status", "n")
            )
            self.confirmed_count = counts.get(Registration.Status.CONFIRMED, 0)
            self.waitlist_count = counts.get(Registration.Status.WAITLISTED, 0)
        return self.confirmed_count, self.waitlist_count

    @property
    def remaining_seats(self):
        confirmed, _waitlist = self._counts()
        return max(self.capacity - confirmed, 0)

    @property
    def waitlist_length(self):
        return self._counts()[1]

    @property
    def nearly_full(self):
        return 0 < self.remaining_seats <= max(2, self.capacity // 10)

    # --- Map ------------------------------------------------------------------------
    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def map_url(self):
        if not self.has_coordinates:
            return ""
        return f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=17/{self.latitude}/{self.longitude}"

    # --- Serving --------------------------------------------------------------------
    def get_context(self, request, *args, **kwargs):
        from volunteers.models.registrations import Registration

        context = super().get_context(request, *args, **kwargs)
        user = request.user
        registration = profile = None
        if user.is_authenticated:
            registration = (
                Registration.objects.filter(training__translation_key=self.translation_key, user=user)
                .exclude(status=Registration.Status.CANCELLED)
                .first()
            )
            profile = getattr(user, "volunteer_profile", None)
        context["map_tile_url"] = settings.MAP_TILE_URL
        context["map_attribution"] = settings.MAP_TILE_ATTRIBUTION
        context["registration"] = registration
        context["profile"] = profile
        context["may_register"] = self.is_public or (profile is not None and profile.is_approved)
        return context

    def serve(self, request, *args, **kwargs):
        # Seat counts change with every registration: browsers and proxies revalidate,
        # the page cache keeps the page until the next registration bumps the content version.
        return revalidate_each_time(super().serve(request, *args, **kwargs))
