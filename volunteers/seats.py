"""Seats, the waitlist and attendance: every change happens under a row lock on the training.

Two people pressing "register" for the last seat at the same moment both reach
`register()`; the first to lock the training row takes the seat, the second
waits for that transaction to finish, then counts again and lands on the
waitlist. The same lock serialises cancellations and promotions, so the
waitlist is always served in order and never over capacity.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from allauth.account.models import EmailAddress

from portal.core.workflow import STATUS_ACTION, log_change
from volunteers import notifications
from volunteers.models import Certificate, Registration, TrainingPage

# Wagtail log action of a marked attendance (registered in wagtail_hooks.py); seat changes log STATUS_ACTION.
ATTENDANCE_ACTION = "damkar.attendance"


def _log_status(registration, previous, *, user=None):
    data = {"field": "status", "from": previous, "to": registration.status}
    log_change(registration, STATUS_ACTION, user=user, data=data)


class RegistrationError(Exception):
    """A registration or cancellation that cannot be done; `message` is for the person."""

    def __init__(self, message, code):
        super().__init__(message)
        self.message = message
        self.code = code


def _lock(training):
    canonical = training.canonical if isinstance(training, TrainingPage) else training
    return TrainingPage.objects.select_for_update(of=("self",)).get(pk=canonical.pk)


def check_eligible(training, user, now=None):
    """Raise RegistrationError when `user` may not register for `training` now."""
    if not user.is_authenticated:
        raise RegistrationError(_("Sign in to register."), "anonymous")
    if not EmailAddress.objects.filter(user=user, verified=True).exists():
        raise RegistrationError(_("Verify your email address before registering."), "unverified")
    if not training.is_public:
        profile = getattr(user, "volunteer_profile", None)
        if profile is None or not profile.is_approved:
            raise RegistrationError(_("This training is for approved volunteers only."), "not_volunteer")
    state = training.registration_state(now)
    if state == "not_yet":
        raise RegistrationError(_("Registration has not opened yet."), "not_open")
    if state == "closed":
        raise RegistrationError(_("Registration for this training has closed."), "closed")


def register(training, user, *, language="id", now=None):
    """Take a seat, or a waitlist place when the training is full. Returns the registration."""
    try:
        with transaction.atomic():
            locked = _lock(training)
            check_eligible(locked, user, now)
            if Registration.objects.filter(training=locked, user=user).exclude(status="cancelled").exists():
                raise RegistrationError(_("You are already registered for this training."), "duplicate")
            confirmed = Registration.objects.filter(training=locked, status=Registration.Status.CONFIRMED).count()
            status = Registration.Status.CONFIRMED if confirmed < locked.capacity else Registration.Status.WAITLISTED
            registration = Registration.objects.create(
                training=locked,
                user=user,
                profile=getattr(user, "volunteer_profile", None),
                status=status,
                language=language,
            )
            _log_status(registration, "", user=user)
            notifications.registration_changed(registration, status)
    except IntegrityError as error:
        # The unique constraint is the last line of defence against a double submit.
        raise RegistrationError(_("You are already registered for this training."), "duplicate") from error
    return registration


def cancel(registration, *, by_staff=False, now=None, user=None, notify=True, hand_over=True):
    """Cancel before the cut-off (staff may cancel any time); the seat goes to the waitlist.

    `user` is who cancels, for the History log (the participant when not staff).
    An account erasure passes `notify=False` (no email to an erased address) and
    `hand_over=False`, then hands the seat over once the erasure is committed."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock(registration.training)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Registration.Status.CANCELLED:
            return registration
        if not by_staff and now >= locked.cancellation_deadline:
            raise RegistrationError(
                _("It is too late to cancel online. Please tell the training coordinator."), "cutoff"
            )
        previous = registration.status
        had_seat = previous == Registration.Status.CONFIRMED
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        _log_status(registration, previous, user=user if by_staff else registration.user)
        if notify:
            notifications.registration_changed(registration, "cancelled")
        if hand_over and had_seat and (by_staff or now < locked.cancellation_deadline):
            fill_seats(locked, now=now)
    return registration


def fill_seats(locked_training, now=None):
    """Promote waitlisted people, first come first served, while seats remain.

    Call with the training row locked (inside `_lock`'s transaction).
    """
    now = now or timezone.now()
    confirmed = Registration.objects.filter(training=locked_training, status=Registration.Status.CONFIRMED).count()
    free = locked_training.capacity - confirmed
    if free <= 0 or locked_training.starts_at <= now:
        return []
    promoted = list(
        Registration.objects.select_for_update()
        .filter(training=locked_training, status=Registration.Status.WAITLISTED)
        .order_by("created_at", "pk")[:free]
    )
    for registration in promoted:
        registration.status = Registration.Status.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        _log_status(registration, Registration.Status.WAITLISTED)
        notifications.registration_changed(registration, "promoted")
    return promoted


def refill(training):
    """After a coordinator adds seats: give them to the waitlist."""
    with transaction.atomic():
        return fill_seats(_lock(training))


def refill_by_pk(training_pk):
    """`refill()` for a training known by its key (e.g. from an on-commit callback)."""
    training = TrainingPage.objects.filter(pk=training_pk).first()
    return refill(training) if training is not None else []


def mark_attendance(registration, attended, *, by=None):
    """Record attendance; attending issues a certificate, un-marking withdraws it."""
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update(of=("self",))
            .select_related("training", "profile", "user")
            .get(pk=registration.pk)
        )
        if registration.status != Registration.Status.CONFIRMED:
            raise RegistrationError(_("Only people with a confirmed seat can be marked."), "not_confirmed")
        # Nobody has attended a training that has not begun: a mark now would issue a certificate early.
        if registration.training.starts_at > timezone.now():
            raise RegistrationError(
                _("This training has not started yet: attendance can be marked once it begins."), "not_started"
            )
        registration.attended = attended
        registration.attendance_marked_at = timezone.now()
        registration.attendance_marked_by = by
        registration.save(update_fields=["attended", "attendance_marked_at", "attendance_marked_by"])
        log_change(registration, ATTENDANCE_ACTION, user=by, data={"attended": attended})
        if attended:
            training = registration.training
            Certificate.objects.get_or_create(
                registration=registration,
                defaults={
                    "holder_name": registration.participant_name,
                    "training_title": training.title,
                    "training_date": timezone.localtime(training.starts_at).date(),
                    "duration_minutes": training.duration_minutes,
                },
            )
        else:
            Certificate.objects.filter(registration=registration).delete()
    return registration
