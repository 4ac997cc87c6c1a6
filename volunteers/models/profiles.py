"""A person's volunteer application and, once approved, their volunteer profile."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from phonenumber_field.modelfields import PhoneNumberField

# Bump when the privacy statement changes materially; consent records which one was accepted.
PRIVACY_STATEMENT_VERSION = "2026-11"


def age_on(date_of_birth, today):
    """Whole years between a birth date and `today`."""
    return today.year - date_of_birth.year - ((today.month, today.day) < (date_of_birth.month, date_of_birth.day))


def validate_indonesian_phone(number):
    """Only Indonesian numbers (+62): coordinators call and WhatsApp volunteers locally."""
    if number and getattr(number, "country_code", None) != 62:
        raise ValidationError(_("Enter an Indonesian phone number, for example 0812 3456 7890."), code="phone_country")


class VolunteerProfile(models.Model):
    """One application per account. Approved applicants are the department's volunteers.

    Deleting an account does not delete this row: `anonymise()` erases every
    personal field and detaches the account, so counts per kelurahan, status and
    attendance survive for the department's statistics.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        INACTIVE = "inactive", _("Inactive")

    # What each status means to a coordinator, for badges (portal/core/badges.py).
    STATUS_TONES = {
        Status.PENDING: "warning",
        Status.APPROVED: "success",
        Status.REJECTED: "critical",
        Status.INACTIVE: "neutral",
    }

    # What an applicant fills in, in form order: shared by the form, the API and the admin.
    APPLICATION_FIELDS = (
        "full_name",
        "phone",
        "date_of_birth",
        "kecamatan",
        "kelurahan",
        "skills",
        "certificates",
        "availability",
        "emergency_contact_name",
        "emergency_contact_phone",
        "motivation",
    )

    class Availability(models.TextChoices):
        WEEKDAY_DAYTIME = "weekday_day", _("Weekdays, daytime")
        WEEKDAY_EVENING = "weekday_evening", _("Weekday evenings")
        WEEKEND = "weekend", _("Weekends")
        ON_CALL = "on_call", _("On call for emergencies in my neighbourhood")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="volunteer_profile",
    )
    full_name = models.CharField(_("full name"), max_length=150)
    phone = PhoneNumberField(_("phone"), region="ID", validators=[validate_indonesian_phone], null=True)
    date_of_birth = models.DateField(_("date of birth"), null=True)
    kecamatan = models.ForeignKey(
        "core.Kecamatan", verbose_name=_("kecamatan"), on_delete=models.PROTECT, related_name="+"
    )
    kelurahan = models.ForeignKey(
        "core.Kelurahan", verbose_name=_("kelurahan"), on_delete=models.PROTECT, related_name="volunteers"
    )
    skills = models.TextField(
        _("skills"), blank=True, help_text=_("For example: first aid, swimming, driving, radio, climbing.")
    )
    certificates = models.TextField(
        _("certificates you hold"), blank=True, help_text=_("For example: first aid (PMI), fire warden (K3).")
    )
    availability = models.JSONField(_("availability"), default=list, blank=True)
    emergency_contact_name = models.CharField(_("emergency contact name"), max_length=150)
    emergency_contact_phone = PhoneNumberField(
        _("emergency contact phone"), region="ID", validators=[validate_indonesian_phone], null=True
    )
    motivation = models.TextField(_("why do you want to volunteer?"))
    consent_at = models.DateTimeField(_("consent given at"), null=True)
    consent_version = models.CharField(_("privacy statement version"), max_length=20, blank=True)
    language = models.CharField(_("language"), max_length=10, default="id")

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("applied at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    # Kept after anonymisation for statistics by age group.
    birth_year = models.PositiveSmallIntegerField(_("birth year"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return self.full_name or str(_("(anonymised volunteer)"))

    def save(self, *args, **kwargs):
        if self.date_of_birth:
            self.birth_year = self.date_of_birth.year
        super().save(*args, **kwargs)

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED

    @property
    def age(self):
        return age_on(self.date_of_birth, timezone.localdate()) if self.date_of_birth else None

    def get_availability_display(self):
        labels = dict(self.Availability.choices)
        return ", ".join(str(labels.get(code, code)) for code in self.availability or [])

    def clean(self):
        super().clean()
        if self.kelurahan_id and self.kecamatan_id and self.kelurahan.kecamatan_id != self.kecamatan_id:
            raise ValidationError({"kelurahan": _("This kelurahan is not in the chosen kecamatan.")})
        if self.date_of_birth:
            today = timezone.localdate()
            if self.date_of_birth > today:
                raise ValidationError({"date_of_birth": _("The date of birth cannot be in the future.")})
            minimum = settings.VOLUNTEER_MIN_AGE
            if age_on(self.date_of_birth, today) < minimum:
                raise ValidationError(
                    {"date_of_birth": _("Volunteers must be at least %(age)s years old.") % {"age": minimum}}
                )

    def anonymise(self):
        """Erase personal data, keep what statistics need (area, status, dates, birth year)."""
        self.user = None
        self.full_name = ""
        self.phone = None
        self.date_of_birth = None
        self.skills = ""
        self.certificates = ""
        self.availability = []
        self.emergency_contact_name = ""
        self.emergency_contact_phone = None
        self.motivation = ""
        self.rejection_reason = ""
        self.anonymised_at = timezone.now()
        self.save()


def min_birth_date(today=None):
    """The latest date of birth that still meets VOLUNTEER_MIN_AGE."""
    today = today or timezone.localdate()
    years = settings.VOLUNTEER_MIN_AGE
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)
