"""The audit trail and timeline of a workflow object, on top of `portal.core.workflow`.

- `AuditEntry`: abstract model of one line of the trail (a transition, a
  timestamp correction, a note, an assignment, a merge). A concrete model adds
  the foreign key to its object, e.g. `incident = ForeignKey(Incident, related_name="events")`.
- `Audit`: binds a workflow, the entry model, the name of that foreign key, and
  which timestamp field each state sets. `transition()` applies a move under the
  workflow's row lock, stamps the step's timestamp and writes the entry in the
  same transaction; `correct_timestamp()` changes a timestamp and keeps the old
  value and the reason; `record()` adds any other entry; `timeline()` reads them.

Example (inspections)::

    AUDIT = Audit(WORKFLOW, InspectionEvent, "request", {"scheduled": "scheduled_at"})
    AUDIT.transition(request_obj, "scheduled", user=request.user, public_note="…")
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models, transaction
from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from portal.core.workflow import log_change

TIMESTAMP_ACTION = "damkar.timestamp"


class AuditEntry(models.Model):
    """Abstract: who did what and when. Only `public_note` is ever shown to the public."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Created")
        TRANSITION = "transition", _("Status change")
        CORRECTION = "correction", _("Timestamp correction")
        ASSIGNMENT = "assignment", _("Assignment")
        NOTE = "note", _("Note")
        MERGE = "merge", _("Merged")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    from_status = models.CharField(_("from status"), max_length=30, blank=True)
    to_status = models.CharField(_("to status"), max_length=30, blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    public_note = models.TextField(_("public note"), blank=True, help_text=_("Shown on the public tracking page."))
    note = models.TextField(_("internal note"), blank=True)
    field = models.CharField(_("field"), max_length=50, blank=True)
    old_value = models.CharField(_("old value"), max_length=100, blank=True)
    new_value = models.CharField(_("new value"), max_length=100, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    # --- What a person reads in a trail: labels, not codes (the object's choices, the reader's language) ---
    def _parent_model(self):
        """The model this entry belongs to: the concrete class's foreign key other than `actor`."""
        for field in self._meta.concrete_fields:
            if field.many_to_one and field.name != "actor":
                return field.related_model
        return None

    def _parent_field(self, name):
        model = self._parent_model()
        try:
            return model._meta.get_field(name) if model is not None else None
        except FieldDoesNotExist:
            return None

    def _status_label(self, value):
        field = self._parent_field("status")
        return str(dict(field.flatchoices).get(value, value)) if field is not None and value else value

    @property
    def from_status_label(self):
        return self._status_label(self.from_status)

    @property
    def to_status_label(self):
        return self._status_label(self.to_status)

    status_label = to_status_label

    @property
    def field_label(self):
        """The corrected field's name as its form shows it."""
        field = self._parent_field(self.field) if self.field else None
        return str(field.verbose_name) if field is not None else self.field

    @staticmethod
    def _moment_label(value):
        moment = parse_datetime(value or "")
        return _moment(moment) if moment is not None else value

    @property
    def old_value_label(self):
        return self._moment_label(self.old_value)

    @property
    def new_value_label(self):
        return self._moment_label(self.new_value)


def _moment(value):
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def _iso(value):
    return value.isoformat() if value else ""


class Audit:
    """Transitions with timestamps and an audit trail for one model."""

    def __init__(self, workflow, entry_model, parent_field, timestamps=None, ordered=False):
        """`ordered`: the timestamps happen in the order `timestamps` lists them (an incident's
        receipt, dispatch, arrival…), so a correction may not put one before an earlier step."""
        self.workflow = workflow
        self.entry_model = entry_model
        self.parent_field = parent_field
        self.timestamps = timestamps or {}
        self.ordered = ordered

    def _check_order(self, obj, field, value):
        """Refuse a value that would put `field` before an earlier step or after a later one."""
        if not self.ordered or value is None:
            return
        fields = list(dict.fromkeys(self.timestamps.values()))
        position = fields.index(field)
        label = obj._meta.get_field(field).verbose_name
        for other in fields[:position]:
            when = getattr(obj, other)
            if when is not None and value < when:
                raise ValidationError(
                    _("“%(field)s” cannot be earlier than “%(other)s” (%(when)s).")
                    % {"field": label, "other": obj._meta.get_field(other).verbose_name, "when": _moment(when)},
                    code="order",
                )
        for other in fields[position + 1 :]:
            when = getattr(obj, other)
            if when is not None and value > when:
                raise ValidationError(
                    _("“%(field)s” cannot be later than “%(other)s” (%(when)s).")
                    % {"field": label, "other": obj._meta.get_field(other).verbose_name, "when": _moment(when)},
                    code="order",
                )

    def record(self, obj, kind, *, user=None, **fields):
        """Add one entry for `obj` (inside the caller's transaction)."""
        actor = user if user is not None and user.is_authenticated else None
        return self.entry_model.objects.create(**{self.parent_field: obj}, kind=kind, actor=actor, **fields)

    def transition(self, obj, target, *, user=None, public_note="", note="", at=None, extra=None, on_commit=None):
        """Move `obj` to `target`; raises workflow.TransitionNotAllowed when the move is refused.

        `extra(obj, transition, previous)` may change more fields inside the lock
        (e.g. the assigned station). `on_commit(obj, entry)` runs after the
        commit: the place to enqueue notifications. Returns the updated object.
        """
        created = {}

        def change(locked, transition, previous):
            when = at or timezone.now()
            field = self.timestamps.get(target)
            if field and getattr(locked, field, None) is None:
                setattr(locked, field, when)
            if extra is not None:
                extra(locked, transition, previous)
            created["entry"] = self.record(
                locked,
                AuditEntry.Kind.TRANSITION,
                user=user,
                from_status=previous,
                to_status=target,
                at=when,
                public_note=public_note or "",
                note=note or "",
            )

        updated = self.workflow.apply(type(obj), obj.pk, target, user=user, change=change)
        if on_commit is not None:
            transaction.on_commit(lambda: on_commit(updated, created["entry"]))
        return updated

    def correct_timestamp(self, obj, field, value, *, user, reason):
        """Set a timestamp field to `value`, keeping the old value and the reason in the trail."""
        if field not in self.timestamps.values():
            raise ValidationError(_("This timestamp cannot be corrected."), code="invalid_field")
        if not (reason or "").strip():
            raise ValidationError(_("Give a reason for the correction."), code="reason_required")
        if value is not None and value > timezone.now() + timedelta(minutes=5):
            raise ValidationError(_("A timestamp cannot be in the future."), code="future")
        model = type(obj)
        with transaction.atomic():
            locked = model._default_manager.select_for_update().get(pk=obj.pk)
            old = getattr(locked, field)
            self._check_order(locked, field, value)
            setattr(locked, field, value)
            locked.save(update_fields=[field])
            self.record(
                locked,
                AuditEntry.Kind.CORRECTION,
                user=user,
                field=field,
                old_value=_iso(old),
                new_value=_iso(value),
                reason=reason.strip(),
            )
            log_change(
                locked,
                TIMESTAMP_ACTION,
                user=user,
                data={"field": field, "old": _iso(old), "new": _iso(value), "reason": reason.strip()},
            )
        return locked

    def timeline(self, obj, public_only=False):
        entries = getattr(obj, self.entry_model._meta.get_field(self.parent_field).remote_field.related_name)
        entries = entries.select_related("actor")
        if public_only:
            entries = entries.filter(kind__in=[AuditEntry.Kind.CREATED, AuditEntry.Kind.TRANSITION])
        return entries


# UU 27/2022 art. 31 (record of processing): who opened which record showing a person's contact details.
VIEWED_PERSONAL_ACTION = "damkar.viewed_personal"


class PersonalDataAccessMixin:
    """For an admin view that shows a reporter's, applicant's or volunteer's contact details:
    each successful GET writes a Wagtail log entry (who, when, which record), listed in the
    History tab and the site history report (filter "Viewed personal data")."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        obj = getattr(self, "object", None)
        if obj is not None and response.status_code == 200:
            log_change(obj, VIEWED_PERSONAL_ACTION, user=request.user)
        return response
