"""The inspection request's workflow: who may move it where, and what each move records.

Built on the shared `portal.core.workflow` state machine (row lock, allowed
sources, permissions). Staff moves need the model permissions of the
Inspections app; the applicant's two moves (resubmit after a return, cancel
before a visit is scheduled) are checked against ownership by the caller.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.core.audit import Audit, AuditEntry
from portal.core.notifications import notify_on_commit
from portal.core.workflow import Transition, TransitionNotAllowed, Workflow, log_change

from .models import InspectionEvent, ResultKind, Status, Visit, new_verification_code
from .tasks import email_applicant

CHANGE = "inspections.change_inspectionrequest"
ISSUE = "inspections.issue_result"

# Wagtail log action of an issued result (registered in wagtail_hooks.py); the status change is logged by the engine.
RESULT_ACTION = "damkar.inspection.result"

STAFF = Workflow(
    Transition(
        Status.RETURNED,
        frozenset({Status.SUBMITTED, Status.VERIFIED}),
        gettext_lazy("Return for correction"),
        CHANGE,
        gettext_lazy("%(reference)s was returned to the applicant for correction."),
    ),
    Transition(
        Status.VERIFIED,
        frozenset({Status.SUBMITTED}),
        gettext_lazy("Verify"),
        CHANGE,
        gettext_lazy("%(reference)s is verified."),
    ),
    Transition(
        Status.SCHEDULED,
        frozenset({Status.VERIFIED, Status.REINSPECTION}),
        gettext_lazy("Schedule a visit"),
        CHANGE,
        gettext_lazy("The visit for %(reference)s is scheduled; the applicant will be told by email."),
    ),
    Transition(
        Status.INSPECTED,
        frozenset({Status.SCHEDULED}),
        gettext_lazy("Mark as inspected"),
        ISSUE,
        gettext_lazy("%(reference)s is marked as inspected."),
    ),
    Transition(
        Status.RESULT_ISSUED,
        frozenset({Status.INSPECTED}),
        gettext_lazy("Issue the result"),
        ISSUE,
        gettext_lazy("The result of %(reference)s is issued."),
    ),
    Transition(
        Status.REINSPECTION,
        frozenset({Status.RESULT_ISSUED}),
        gettext_lazy("Require a re-inspection"),
        CHANGE,
        gettext_lazy("A re-inspection of %(reference)s is now required."),
    ),
    Transition(
        Status.CLOSED,
        frozenset({Status.RESULT_ISSUED}),
        gettext_lazy("Close"),
        CHANGE,
        gettext_lazy("%(reference)s is closed."),
    ),
    Transition(
        Status.CANCELLED,
        frozenset({Status.SUBMITTED, Status.RETURNED, Status.VERIFIED, Status.SCHEDULED, Status.REINSPECTION}),
        gettext_lazy("Cancel"),
        CHANGE,
        gettext_lazy("%(reference)s is cancelled."),
    ),
)

APPLICANT = Workflow(
    Transition(Status.SUBMITTED, frozenset({Status.RETURNED}), gettext_lazy("Resubmit")),
    Transition(
        Status.CANCELLED, frozenset({Status.SUBMITTED, Status.RETURNED, Status.VERIFIED}), gettext_lazy("Cancel")
    ),
)

TIMESTAMPS = {
    Status.SUBMITTED: "submitted_at",
    Status.RETURNED: "returned_at",
    Status.VERIFIED: "verified_at",
    Status.SCHEDULED: "scheduled_at",
    Status.INSPECTED: "inspected_at",
    Status.RESULT_ISSUED: "result_issued_at",
    Status.CLOSED: "closed_at",
    Status.CANCELLED: "cancelled_at",
}

# Moves the applicant is told about by email.
NOTIFY = {
    Status.SUBMITTED,
    Status.RETURNED,
    Status.VERIFIED,
    Status.SCHEDULED,
    Status.RESULT_ISSUED,
    Status.REINSPECTION,
    Status.CLOSED,
    Status.CANCELLED,
}


def result_validity_days():
    return getattr(settings, "INSPECTION_RESULT_VALID_DAYS", 365)


def available(inspection, user):
    """Staff transitions `user` may apply to `inspection` now, in workflow order."""
    transitions = STAFF.available(inspection.status, user)
    if inspection.status == Status.RESULT_ISSUED:
        visit = inspection.current_visit
        if visit is not None and visit.result == ResultKind.COMPLIANT:
            transitions = [t for t in transitions if t.target != Status.REINSPECTION]
    return transitions


def _check_data(obj, target, data):
    if target == Status.RETURNED and not data.get("message", "").strip():
        raise TransitionNotAllowed(_("Say what the applicant must correct."))
    if target == Status.SCHEDULED:
        starts_at, ends_at, inspectors = data.get("starts_at"), data.get("ends_at"), data.get("inspectors")
        if not starts_at or not ends_at or not inspectors:
            raise TransitionNotAllowed(_("A visit needs a date, a time and at least one inspector."))
        if ends_at <= starts_at:
            raise TransitionNotAllowed(_("The visit must end after it starts."))
    if target in (Status.INSPECTED, Status.RESULT_ISSUED):
        _check_visit_took_place(obj.current_visit)
    if target == Status.RESULT_ISSUED:
        result = data.get("result")
        if result not in ResultKind.values:
            raise TransitionNotAllowed(_("Choose the result: compliant or not compliant."))
        if result == ResultKind.NOT_COMPLIANT and (
            not data.get("corrective_actions", "").strip() or not data.get("corrective_deadline")
        ):
            raise TransitionNotAllowed(_("A result of not compliant needs corrective actions and a deadline."))
        visit = obj.current_visit
        if visit is None or visit.entries.filter(outcome="").exists():
            raise TransitionNotAllowed(_("Record every checklist item before issuing the result."))
    if target == Status.REINSPECTION:
        visit = obj.current_visit
        if visit is None or visit.result != ResultKind.NOT_COMPLIANT:
            raise TransitionNotAllowed(_("Only a result of not compliant leads to a re-inspection."))


def _check_visit_took_place(visit, now=None):
    """No inspection and no result before the visit has started: a result speaks of a visit that happened."""
    now = now or timezone.now()
    if visit is not None and visit.starts_at > now:
        raise TransitionNotAllowed(
            _("The visit is planned for %(when)s; record the inspection and its result once it has taken place.")
            % {"when": formats.date_format(timezone.localtime(visit.starts_at), "DATETIME_FORMAT")}
        )


def _next_result_number(now):
    suffix = f"/PK/DAMKAR/{timezone.localtime(now).year}"
    # Zero-padded, so the text order is the number order (up to 9999 a year).
    last = (
        Visit.objects.filter(result_number__endswith=suffix)
        .order_by("-result_number")
        .values_list("result_number", flat=True)
        .first()
    )
    sequence = int(last.split("/", 1)[0]) + 1 if last else 1
    return f"{sequence:04d}{suffix}"


def _audit(workflow):
    return Audit(workflow, InspectionEvent, "request", TIMESTAMPS)


def move(inspection, target, *, user, applicant=False, **data):
    """Apply one transition to `inspection` and record it; returns the updated request.

    `data` carries what the move needs: `message` (to the applicant),
    `internal_note`, and for a visit `starts_at`, `ends_at`, `inspectors`, for
    a result `result`, `findings`, `corrective_actions`, `corrective_deadline`,
    `valid_until`. Raises TransitionNotAllowed with a translated message.
    """
    from .checklist import start_checklist

    def extra(obj, transition, previous):
        _check_data(obj, target, data)
        now = timezone.now()
        if target == Status.SCHEDULED:
            number = (obj.visits.order_by("-number").values_list("number", flat=True).first() or 0) + 1
            visit = Visit.objects.create(
                request=obj, number=number, starts_at=data["starts_at"], ends_at=data["ends_at"]
            )
            visit.inspectors.set(data["inspectors"])
            start_checklist(visit, obj.building_use)
        elif target == Status.INSPECTED:
            Visit.objects.filter(pk=obj.current_visit.pk).update(inspected_at=now)
        elif target == Status.RESULT_ISSUED:
            visit = _issue(obj.current_visit, user, now, data)
            log_change(
                obj,
                RESULT_ACTION,
                user=user,
                data={"visit": visit.number, "result": visit.result, "number": visit.result_number},
            )

    def on_commit(obj, entry):
        if target in NOTIFY:
            notify_on_commit(email_applicant, entry.pk)

    if applicant and inspection.applicant_id != getattr(user, "pk", None):
        raise TransitionNotAllowed(_("You do not have permission to do this."))
    # The applicant's transitions need no permission: ownership is checked above.
    return _audit(APPLICANT if applicant else STAFF).transition(
        inspection,
        target,
        user=user,
        public_note=data.get("message", "").strip(),
        note=data.get("internal_note", "").strip(),
        extra=extra,
        on_commit=on_commit,
    )


def _issue(visit, user, now, data):
    compliant = data["result"] == ResultKind.COMPLIANT
    visit.result = data["result"]
    visit.findings = data.get("findings", "")
    visit.corrective_actions = "" if compliant else data.get("corrective_actions", "")
    visit.corrective_deadline = None if compliant else data.get("corrective_deadline")
    if compliant:
        visit.valid_until = data.get("valid_until") or timezone.localdate(now) + datetime.timedelta(
            days=result_validity_days()
        )
    else:
        visit.valid_until = None
    visit.issued_at = now
    visit.issued_by = user
    visit.verification_code = new_verification_code()
    # Two results issued at the same moment may pick the same number: the
    # unique index refuses the second, which then takes the next one.
    for attempt in range(5):
        visit.result_number = _next_result_number(now)
        try:
            with transaction.atomic():
                visit.save()
            return visit
        except IntegrityError:
            if attempt == 4:
                raise
            visit.verification_code = new_verification_code()


def record_submission(inspection, user):
    """The first line of the audit trail, and the applicant's confirmation email."""
    entry = _audit(STAFF).record(
        inspection,
        AuditEntry.Kind.CREATED,
        user=user,
        to_status=Status.SUBMITTED,
        at=inspection.submitted_at,
    )
    notify_on_commit(email_applicant, entry.pk)
    return entry


def send_message(inspection, message, *, user, internal_note=""):
    """A message from staff to the applicant without a change of status (recorded and emailed)."""
    message = (message or "").strip()
    if not message:
        raise TransitionNotAllowed(_("Write the message first."))
    entry = _audit(STAFF).record(
        inspection,
        AuditEntry.Kind.NOTE,
        user=user,
        to_status=inspection.status,
        public_note=message,
        note=(internal_note or "").strip(),
    )
    notify_on_commit(email_applicant, entry.pk)
    return entry


def withdraw_for_erasure(inspection, note):
    """Cancel an open request whose applicant erased their account: recorded, nobody emailed."""
    previous = inspection.status
    inspection.status = Status.CANCELLED
    inspection.cancelled_at = timezone.now()
    inspection.save(update_fields=["status", "cancelled_at"])
    return _audit(STAFF).record(
        inspection,
        AuditEntry.Kind.TRANSITION,
        from_status=previous,
        to_status=Status.CANCELLED,
        at=inspection.cancelled_at,
        note=note,
    )
