from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from phonenumber_field.modelfields import PhoneNumberField

from portal.core.audit import AuditEntry
from portal.core.codes import new_code, normalize_code
from portal.core.places import Location, bbox_around, distance_m

from .category import Category
from .station import FireStation


def new_tracking_code():
    return new_code(groups=2, size=4)


def normalize_tracking_code(text):
    """Accept what people type: lower case, spaces, a missing dash."""
    return normalize_code(text, groups=2, size=4)


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    VERIFIED = "verified", _("Verified")
    DISPATCHED = "dispatched", _("Dispatched")
    EN_ROUTE = "en_route", _("En route")
    ON_SCENE = "on_scene", _("On scene")
    UNDER_CONTROL = "under_control", _("Under control")
    FINISHED = "finished", _("Finished")
    FALSE_ALARM = "false_alarm", _("Closed: false alarm")
    DUPLICATE = "duplicate", _("Closed: duplicate")
    NOT_OUR_SERVICE = "not_our_service", _("Closed: not our service")


STATUS_LABELS = dict(Status.choices)


OPEN_STATUSES = [
    Status.RECEIVED,
    Status.VERIFIED,
    Status.DISPATCHED,
    Status.EN_ROUTE,
    Status.ON_SCENE,
    Status.UNDER_CONTROL,
]
CLOSED_STATUSES = [Status.FINISHED, Status.FALSE_ALARM, Status.DUPLICATE, Status.NOT_OUR_SERVICE]
# Status colours for the back office (Wagtail status tags): open red/amber, done green/grey.
STATUS_COLOURS = {
    Status.RECEIVED: "critical",
    Status.VERIFIED: "warning",
    Status.DISPATCHED: "warning",
    Status.EN_ROUTE: "info",
    Status.ON_SCENE: "info",
    Status.UNDER_CONTROL: "primary",
    Status.FINISHED: "success",
    Status.FALSE_ALARM: "",
    Status.DUPLICATE: "",
    Status.NOT_OUR_SERVICE: "",
}


class Source(models.TextChoices):
    WEB = "web", _("Website")
    API = "api", _("API / app")
    CALL_112 = "112", _("Call centre 112")
    PHONE = "phone", _("Phone to the department")
    WALK_IN = "walk_in", _("Walk-in")
    OPEN311 = "open311", _("Open311 integration")


class IncidentQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def near(self, latitude, longitude, radius_m):
        """Incidents with coordinates within `radius_m`: a bounding-box query, then exact distances.

        Returns a list of (incident, metres), nearest first.
        """
        south, west, north, east = bbox_around(latitude, longitude, radius_m)
        candidates = self.filter(latitude__range=(south, north), longitude__range=(west, east))
        ranked = []
        for incident in candidates:
            metres = distance_m(latitude, longitude, incident.latitude, incident.longitude)
            if metres <= radius_m:
                ranked.append((incident, metres))
        return sorted(ranked, key=lambda pair: pair[1])


class Incident(Location):
    """A fire or rescue need, reported by the public or entered by staff.

    Not in Wagtail's search index on purpose: a report is saved with no extra
    index write, and the admin searches codes and text with the ORM instead.
    """

    tracking_code = models.CharField(_("tracking code"), max_length=9, unique=True, editable=False)
    category = models.ForeignKey(Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="+")
    description = models.TextField(_("what is happening"), max_length=2000)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.WEB)

    # Personal data: staff only, never on a public page or a public API response.
    reporter_name = models.CharField(_("reporter's name"), max_length=120, blank=True)
    reporter_phone = PhoneNumberField(_("reporter's phone"), region="ID", blank=True, db_index=True)
    reporter_email = models.EmailField(_("reporter's email"), blank=True)

    # One timestamp per step (SPM response time: received → on scene).
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    dispatched_at = models.DateTimeField(_("dispatched"), null=True, blank=True)
    en_route_at = models.DateTimeField(_("departed (en route)"), null=True, blank=True)
    on_scene_at = models.DateTimeField(_("arrived on scene"), null=True, blank=True)
    under_control_at = models.DateTimeField(_("under control"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    station = models.ForeignKey(
        FireStation,
        verbose_name=_("station"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="incidents",
    )
    units = models.CharField(_("units"), max_length=255, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="duplicates",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    idempotency_key = models.CharField(max_length=100, null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = IncidentQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        indexes = [
            models.Index(fields=["status", "received_at"], name="reporting_incident_status_idx"),
            models.Index(fields=["latitude", "longitude"], name="reporting_incident_point_idx"),
        ]
        permissions = [("view_dashboard", "Can view the response-time dashboard")]

    def __str__(self):
        return self.tracking_code

    def save(self, *args, **kwargs):
        if not self.tracking_code:
            self.tracking_code = new_tracking_code()
        super().save(*args, **kwargs)

    @property
    def status_label(self):
        """get_status_display(), without hashing every choice's label (a translation each) per call."""
        return str(STATUS_LABELS.get(self.status, self.status))

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def status_colour(self):
        return STATUS_COLOURS.get(self.status, "")

    # --- Response time (Permendagri 114/2018; components after Permen PU 25/2008) ---
    @staticmethod
    def _span(start, end):
        return end - start if start and end else None

    @property
    def response_time(self):
        """Receipt to arrival on scene."""
        return self._span(self.received_at, self.on_scene_at)

    @property
    def processing_time(self):
        """Receipt to dispatch."""
        return self._span(self.received_at, self.dispatched_at)

    @property
    def turnout_time(self):
        """Dispatch to departure."""
        return self._span(self.dispatched_at, self.en_route_at)

    @property
    def travel_time(self):
        """Departure to arrival."""
        return self._span(self.en_route_at, self.on_scene_at)

    @property
    def response_minutes(self):
        response = self.response_time
        return round(response.total_seconds() / 60, 1) if response is not None else None

    @property
    def met_target(self):
        """Whether arrival came within RESPONSE_TARGET_MINUTES; None while unknown."""
        response = self.response_time
        if response is None:
            return None
        return response <= timedelta(minutes=settings.RESPONSE_TARGET_MINUTES)

    def duplicate_candidates(self, limit=5, open_only=False):
        """Other recent incidents of the same family nearby: [(incident, metres), …].

        `open_only`: only incidents still being handled (what the reporter may join).
        """
        if not self.has_point:
            return []
        window = timedelta(hours=settings.DUPLICATE_WINDOW_HOURS)
        queryset = Incident.objects.exclude(pk=self.pk).exclude(status=Status.DUPLICATE)
        if open_only:
            queryset = queryset.filter(status__in=OPEN_STATUSES)
        queryset = queryset.filter(
            category__family=self.category.family,
            received_at__gte=self.received_at - window,
            received_at__lte=self.received_at + window,
        ).select_related("category", "kecamatan")
        return queryset.near(self.latitude, self.longitude, settings.DUPLICATE_RADIUS_METRES)[:limit]


def photo_path(instance, filename):
    return f"incidents/{instance.incident.received_at:%Y/%m}/{instance.incident.tracking_code}-{filename}"


class IncidentPhoto(models.Model):
    """A photo re-encoded without EXIF; the original's GPS, if any, kept apart as a hint for staff."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to=photo_path, width_field="width", height_field="height")
    width = models.PositiveIntegerField(default=0, editable=False)
    height = models.PositiveIntegerField(default=0, editable=False)
    gps_latitude = models.DecimalField(_("GPS latitude in photo"), max_digits=9, decimal_places=6, null=True)
    gps_longitude = models.DecimalField(_("GPS longitude in photo"), max_digits=9, decimal_places=6, null=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("incident photo")
        verbose_name_plural = _("incident photos")

    def __str__(self):
        return self.image.name


class IncidentEvent(AuditEntry):
    """One line of an incident's timeline and audit trail."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="events")

    class Meta(AuditEntry.Meta):
        verbose_name = _("incident event")
        verbose_name_plural = _("incident events")
