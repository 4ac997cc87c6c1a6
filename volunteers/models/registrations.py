"""A person's seat (or waitlist place) at a training, and the certificate attending earns."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.codes import new_code


def registration_code():
    return new_code(groups=1, size=8)


def certificate_code():
    # 29^12 ≈ 3·10^17 codes: guessing a valid one is not practical.
    return new_code(groups=3, size=4)


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Seat confirmed")
        WAITLISTED = "waitlisted", _("On the waitlist")
        CANCELLED = "cancelled", _("Cancelled")

    training = models.ForeignKey(
        "volunteers.TrainingPage", verbose_name=_("training"), on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="training_registrations",
    )
    profile = models.ForeignKey(
        "volunteers.VolunteerProfile",
        verbose_name=_("volunteer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    code = models.CharField(_("registration code"), max_length=20, unique=True, default=registration_code)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    language = models.CharField(_("language"), max_length=10, default="id")
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    promoted_at = models.DateTimeField(_("moved from the waitlist at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    attendance_marked_at = models.DateTimeField(_("attendance marked at"), null=True, blank=True)
    attendance_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("attendance marked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("training registration")
        verbose_name_plural = _("training registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["training", "user"],
                condition=~Q(status="cancelled"),
                name="volunteers_one_active_registration_per_person",
            )
        ]
        indexes = [models.Index(fields=["training", "status", "created_at"])]

    def __str__(self):
        return f"{self.participant_name} · {self.training.title}"

    @property
    def participant_name(self):
        """The name coordinators see on the roster."""
        if self.profile_id and self.profile.full_name:
            return self.profile.full_name
        if self.user_id:
            return self.user.get_full_name() or self.user.email
        return str(_("(anonymised)"))

    @property
    def participant_phone(self):
        return self.profile.phone if self.profile_id and self.profile.phone else ""

    @property
    def is_active(self):
        return self.status != self.Status.CANCELLED

    @property
    def can_cancel(self):
        return self.is_active and timezone.now() < self.training.cancellation_deadline

    def waitlist_position(self):
        if self.status != self.Status.WAITLISTED:
            return None
        ahead = Registration.objects.filter(training_id=self.training_id, status=self.Status.WAITLISTED).filter(
            Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, pk__lt=self.pk)
        )
        return ahead.count() + 1


class Certificate(models.Model):
    """Proof that a person attended a training, verifiable by its code.

    The certificate keeps what was printed on it (name, training, date) so it
    stays the same when the training page is edited. Public verification shows
    only the training, its date and a shortened name (see docs/volunteers.md).
    """

    registration = models.OneToOneField(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="certificate"
    )
    code = models.CharField(_("verification code"), max_length=20, unique=True, default=certificate_code)
    holder_name = models.CharField(_("holder's name"), max_length=150)
    training_title = models.CharField(_("training"), max_length=255)
    training_date = models.DateField(_("training date"))
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"))
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(
        _("withdrawn at"), null=True, blank=True, help_text=_("Set when the holder deleted their account.")
    )

    class Meta:
        ordering = ["-training_date"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self):
        return f"{self.code} · {self.training_title}"

    @property
    def is_valid(self):
        return self.withdrawn_at is None

    @property
    def short_holder_name(self):
        """First name and the initials of the rest: enough to match a paper certificate."""
        parts = self.holder_name.split()
        if not parts:
            return ""
        return " ".join([parts[0], *(f"{part[0]}." for part in parts[1:])])

    @property
    def hours(self):
        return round(self.duration_minutes / 60, 1)
