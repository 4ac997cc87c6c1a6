"""Building fire-protection inspection requests, their visits and results.

A business asks for an inspection (InspectionRequest), staff move it through a
workflow recorded event by event (InspectionEvent), inspectors visit (Visit)
and record a checklist built from a template for the building's use, and the
visit ends in a result with a number and a public verification code.
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from phonenumber_field.modelfields import PhoneNumberField

from portal.core.audit import AuditEntry
from portal.core.codes import new_code, normalize_code
from portal.core.places import Location


def new_verification_code():
    return new_code(groups=2, size=5)


def normalize_verification_code(value):
    return normalize_code(value, groups=2, size=5)


class BuildingUse(models.TextChoices):
    HOUSING = "housing", _("Housing")
    OFFICE = "office", _("Office")
    SHOP = "shop", _("Shop or market")
    HOTEL = "hotel", _("Hotel")
    INDUSTRY = "industry", _("Industry or warehouse")
    SCHOOL = "school", _("School")
    HEALTH = "health", _("Health facility")
    WORSHIP = "worship", _("Place of worship")
    ASSEMBLY = "assembly", _("Assembly (hall, cinema, stadium)")
    OTHER = "other", _("Other")


class Reason(models.TextChoices):
    NEW_BUILDING = "new_building", _("New building (certificate of fitness, SLF)")
    PERIODIC = "periodic", _("Periodic check")
    RENOVATION = "renovation", _("After renovation")
    INSURANCE = "insurance", _("Insurance or tenant requirement")


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for correction")
    VERIFIED = "verified", _("Verified")
    SCHEDULED = "scheduled", _("Visit scheduled")
    INSPECTED = "inspected", _("Inspected")
    RESULT_ISSUED = "result_issued", _("Result issued")
    REINSPECTION = "reinspection", _("Re-inspection needed")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_STATUSES = [s for s in Status.values if s not in (Status.CLOSED, Status.CANCELLED)]


class ChecklistGroup(models.TextChoices):
    ACCESS = "access", _("Access and water supply")
    ESCAPE = "escape", _("Means of escape")
    PASSIVE = "passive", _("Passive protection")
    ACTIVE = "active", _("Active protection")
    UTILITIES = "utilities", _("Utilities")
    MANAGEMENT = "management", _("Fire-safety management")


class Outcome(models.TextChoices):
    MET = "met", _("Met")
    NOT_MET = "not_met", _("Not met")
    NOT_APPLICABLE = "na", _("Not applicable")


class ResultKind(models.TextChoices):
    COMPLIANT = "compliant", _("Compliant")
    NOT_COMPLIANT = "not_compliant", _("Not compliant")


# What each value means to the reader, for badges (portal/core/badges.py).
STATUS_TONES = {
    Status.SUBMITTED: "warning",
    Status.RETURNED: "warning",
    Status.VERIFIED: "info",
    Status.SCHEDULED: "info",
    Status.INSPECTED: "info",
    Status.RESULT_ISSUED: "success",
    Status.REINSPECTION: "critical",
    Status.CLOSED: "neutral",
    Status.CANCELLED: "neutral",
}
RESULT_TONES = {ResultKind.COMPLIANT: "success", ResultKind.NOT_COMPLIANT: "critical"}
OUTCOME_TONES = {Outcome.MET: "success", Outcome.NOT_MET: "critical", Outcome.NOT_APPLICABLE: "neutral"}


class ChecklistTemplate(ClusterableModel):
    """The items inspectors check for buildings of one use.

    A template with no building use is the general one, used for any use that
    has no template of its own.
    """

    name = models.CharField(_("name"), max_length=150)
    building_use = models.CharField(
        _("building use"),
        max_length=20,
        choices=BuildingUse.choices,
        blank=True,
        unique=True,
        null=True,
        help_text=_("Leave empty for the general template used when a building use has none of its own."),
    )

    panels = [FieldPanel("name"), FieldPanel("building_use"), InlinePanel("items", label=_("Items"))]

    class Meta:
        ordering = ["name"]
        verbose_name = _("checklist template")
        verbose_name_plural = _("checklist templates")

    def __str__(self):
        return self.name

    @classmethod
    def for_use(cls, building_use):
        return cls.objects.filter(building_use=building_use).first() or cls.objects.filter(building_use=None).first()


class ChecklistItem(Orderable):
    template = ParentalKey(ChecklistTemplate, on_delete=models.CASCADE, related_name="items")
    group = models.CharField(_("group"), max_length=20, choices=ChecklistGroup.choices)
    text = models.CharField(_("item"), max_length=255)
    guidance = models.CharField(_("guidance"), max_length=255, blank=True, help_text=_("What to look at."))

    panels = [FieldPanel("group"), FieldPanel("text"), FieldPanel("guidance")]

    class Meta(Orderable.Meta):
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")

    def __str__(self):
        return self.text


class InspectionRequest(Location):
    # What the applicant fills in besides the location, in form order: shared by
    # the public form, the API and the admin's edit form.
    APPLICANT_FIELDS = (
        "building_name",
        "building_use",
        "floors",
        "floor_area",
        "year_built",
        "occupancy",
        "reason",
        "preferred_date",
        "alternative_date",
        "contact_name",
        "contact_phone",
        "notes",
    )

    # Empty once the applicant erased their account (reporting/inspections/privacy.py).
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inspection_requests",
        verbose_name=_("applicant"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)

    building_name = models.CharField(_("building name"), max_length=200)
    building_use = models.CharField(_("building use"), max_length=20, choices=BuildingUse.choices)
    floors = models.PositiveSmallIntegerField(_("floors"))
    floor_area = models.PositiveIntegerField(_("floor area (m²)"))
    year_built = models.PositiveSmallIntegerField(_("year built"))
    occupancy = models.PositiveIntegerField(_("typical occupancy"), help_text=_("People usually inside at once."))
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    preferred_date = models.DateField(_("preferred date"))
    alternative_date = models.DateField(_("alternative date"), null=True, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=150)
    contact_phone = PhoneNumberField(_("contact phone"), region="ID")
    notes = models.TextField(_("notes for the department"), blank=True)
    language = models.CharField(_("language"), max_length=10, default="id", editable=False)

    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    returned_at = models.DateTimeField(_("returned"), null=True, blank=True)
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    scheduled_at = models.DateTimeField(_("scheduled"), null=True, blank=True)
    inspected_at = models.DateTimeField(_("inspected"), null=True, blank=True)
    result_issued_at = models.DateTimeField(_("result issued"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("inspection request")
        verbose_name_plural = _("inspection requests")
        permissions = [("issue_result", _("Can record checklists and issue inspection results"))]
        indexes = [models.Index(fields=["status", "-submitted_at"])]

    def __str__(self):
        return f"{self.reference} · {self.building_name}"

    @property
    def reference(self):
        return f"PMK-{self.pk or 0:05d}"

    def get_absolute_url(self):
        return reverse("inspections:detail", args=[self.pk])

    @property
    def current_visit(self):
        return self.visits.order_by("-number").first()

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES


def document_path(instance, filename):
    # Never the applicant's file name on disk: a random name in a private folder.
    return f"inspections/documents/{uuid.uuid4().hex}.{instance.kind or 'bin'}"


class InspectionDocument(models.Model):
    request = models.ForeignKey(
        InspectionRequest, on_delete=models.CASCADE, related_name="documents", verbose_name=_("request")
    )
    file = models.FileField(_("file"), upload_to=document_path)
    kind = models.CharField(_("type"), max_length=10, editable=False)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size"), default=0)
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("supporting document")
        verbose_name_plural = _("supporting documents")

    def __str__(self):
        return self.original_name

    @property
    def content_type(self):
        return {"pdf": "application/pdf", "jpeg": "image/jpeg", "png": "image/png"}.get(
            self.kind, "application/octet-stream"
        )


class InspectionEvent(AuditEntry):
    """One line of the audit trail. `public_note` is the message the applicant sees."""

    request = models.ForeignKey(
        InspectionRequest, on_delete=models.CASCADE, related_name="events", verbose_name=_("request")
    )

    class Meta(AuditEntry.Meta):
        verbose_name = _("inspection event")
        verbose_name_plural = _("inspection events")

    def __str__(self):
        return f"{self.get_kind_display()} · {self.to_status} · {self.at:%Y-%m-%d %H:%M}"


class Visit(models.Model):
    """A scheduled visit to the building, its checklist and, once issued, its result."""

    request = models.ForeignKey(InspectionRequest, on_delete=models.CASCADE, related_name="visits")
    number = models.PositiveSmallIntegerField(_("visit"), default=1)
    starts_at = models.DateTimeField(_("visit starts"))
    ends_at = models.DateTimeField(_("visit ends"))
    inspectors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="inspection_visits", verbose_name=_("inspectors")
    )
    inspected_at = models.DateTimeField(_("inspected"), null=True, blank=True)

    result = models.CharField(_("result"), max_length=20, choices=ResultKind.choices, blank=True)
    result_number = models.CharField(_("result number"), max_length=40, unique=True, null=True, blank=True)
    verification_code = models.CharField(_("verification code"), max_length=11, unique=True, null=True, blank=True)
    findings = models.TextField(_("findings"), blank=True)
    corrective_actions = models.TextField(_("corrective actions"), blank=True)
    corrective_deadline = models.DateField(_("deadline for corrective actions"), null=True, blank=True)
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        constraints = [models.UniqueConstraint(fields=["request", "number"], name="inspections_visit_number")]

    def __str__(self):
        return f"{self.request.reference} #{self.number} · {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"


class ChecklistEntry(models.Model):
    """One item as found at a visit; the item's text is copied so later template edits change nothing."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="entries")
    item = models.ForeignKey(ChecklistItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    group = models.CharField(_("group"), max_length=20, choices=ChecklistGroup.choices)
    text = models.CharField(_("item"), max_length=255)
    sort_order = models.PositiveIntegerField(default=0)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_at = models.DateTimeField(_("recorded"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("checklist entry")
        verbose_name_plural = _("checklist entries")

    def __str__(self):
        return self.text


def photo_path(instance, filename):
    return f"inspections/photos/{uuid.uuid4().hex}.jpg"


class ChecklistPhoto(models.Model):
    entry = models.ForeignKey(ChecklistEntry, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to=photo_path)
    taken_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("checklist photo")
        verbose_name_plural = _("checklist photos")

    def __str__(self):
        return self.image.name
