"""How an incident moves: the workflow, its timestamps, and the actions staff,
citizens and the API take on it. Every state change goes through here, so the
audit trail, the row lock and the notifications are never skipped."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from portal.core.audit import Audit, AuditEntry
from portal.core.notifications import notify_on_commit
from portal.core.workflow import Transition, TransitionNotAllowed, Workflow
from reporting.incidents import tasks
from reporting.incidents.models import Incident, IncidentEvent, IncidentPhoto, Status

WORK = "reporting.change_incident"
S = Status

WORKFLOW = Workflow(
    Transition(S.VERIFIED, frozenset({S.RECEIVED}), _("Verify"), WORK),
    Transition(S.DISPATCHED, frozenset({S.RECEIVED, S.VERIFIED}), _("Dispatch"), WORK),
    Transition(S.EN_ROUTE, frozenset({S.DISPATCHED}), _("En route"), WORK),
    Transition(S.ON_SCENE, frozenset({S.DISPATCHED, S.EN_ROUTE}), _("Arrived on scene"), WORK),
    Transition(S.UNDER_CONTROL, frozenset({S.ON_SCENE}), _("Under control"), WORK),
    Transition(S.FINISHED, frozenset({S.ON_SCENE, S.UNDER_CONTROL}), _("Finish"), WORK),
    Transition(
        S.FALSE_ALARM,
        frozenset({S.RECEIVED, S.VERIFIED, S.DISPATCHED, S.EN_ROUTE, S.ON_SCENE}),
        _("False alarm"),
        WORK,
    ),
    Transition(S.DUPLICATE, frozenset({S.RECEIVED, S.VERIFIED}), _("Duplicate"), WORK),
    Transition(S.NOT_OUR_SERVICE, frozenset({S.RECEIVED, S.VERIFIED}), _("Not our service"), WORK),
)

TIMESTAMPS = {
    S.RECEIVED: "received_at",
    S.VERIFIED: "verified_at",
    S.DISPATCHED: "dispatched_at",
    S.EN_ROUTE: "en_route_at",
    S.ON_SCENE: "on_scene_at",
    S.UNDER_CONTROL: "under_control_at",
    S.FINISHED: "finished_at",
    S.FALSE_ALARM: "closed_at",
    S.DUPLICATE: "closed_at",
    S.NOT_OUR_SERVICE: "closed_at",
}

AUDIT = Audit(WORKFLOW, IncidentEvent, "incident", TIMESTAMPS, ordered=True)

# Transitions that need more than a note.
NEEDS_STATION = {S.DISPATCHED}
NEEDS_KEPT_INCIDENT = {S.DUPLICATE}


def _after_commit(incident, entry):
    if incident.reporter_email:
        notify_on_commit(tasks.email_reporter_status, incident.pk, entry.pk)


def create_incident(*, data, photos=(), user=None, idempotency_key=None):
    """Save a new incident with its cleaned photos and its first timeline entry.

    `data` are model field values; `photos` are (ContentFile, gps or None) pairs
    from `reporting.incidents.forms.prepare_photos`. With an `idempotency_key`, a second
    call with the same key returns the first incident (created=False) instead
    of a second one, also when both arrive at the same moment.
    Returns (incident, created).
    """
    # A repeated key is found by the unique index (IntegrityError below), not by a
    # read before every insert: callers that want to answer a replay without
    # validating again (the API) look it up themselves first.
    for attempt in range(3):
        try:
            incident = _insert(data, photos, user, idempotency_key)
            break
        except IntegrityError:
            if idempotency_key:
                existing = Incident.objects.filter(idempotency_key=idempotency_key).first()
                if existing is not None:
                    return existing, False
            if attempt == 2:
                raise
            # Otherwise a tracking-code collision (about 1 in 2^39): draw a new code.
            data = {k: v for k, v in data.items() if k != "tracking_code"}
    notify_on_commit(tasks.email_dispatch_new_incident, incident.pk)
    return incident, True


def _insert(data, photos, user, idempotency_key):
    with transaction.atomic():
        incident = Incident(**data, idempotency_key=idempotency_key or None)
        if user is not None and user.is_authenticated:
            incident.created_by = user
        incident.save()
        for content, gps in photos:
            photo = IncidentPhoto(incident=incident)
            if gps:
                photo.gps_latitude, photo.gps_longitude = gps
            content.seek(0)
            photo.image.save(content.name, content, save=False)
            photo.save()
        entry = AUDIT.record(
            incident, AuditEntry.Kind.CREATED, user=user, to_status=incident.status, at=incident.received_at
        )
    incident.timeline_entries = [entry]
    return incident


def transition(incident, target, *, user=None, public_note="", note="", station=None, units=None, kept=None):
    """Apply a workflow move to `incident` (see WORKFLOW); raises TransitionNotAllowed or ValueError."""
    if target in NEEDS_STATION and station is None and incident.station_id is None:
        raise TransitionNotAllowed(_("Choose the station that responds."))
    if target in NEEDS_KEPT_INCIDENT:
        if kept is None:
            raise TransitionNotAllowed(_("Choose the incident to keep."))
        if kept.pk == incident.pk or kept.status == S.DUPLICATE:
            raise TransitionNotAllowed(_("Choose another incident to keep, one that is not itself a duplicate."))

    def extra(locked, _transition, _previous):
        if station is not None:
            locked.station = station
        if units is not None:
            locked.units = units
        if target == S.DUPLICATE:
            locked.duplicate_of = kept

    updated = AUDIT.transition(
        incident, target, user=user, public_note=public_note, note=note, extra=extra, on_commit=_after_commit
    )
    if target == S.DUPLICATE:
        AUDIT.record(
            kept,
            AuditEntry.Kind.MERGE,
            user=user,
            note=str(_("Report %(code)s merged into this one.") % {"code": updated.tracking_code}),
        )
    return updated


def assign(incident, *, user, station=None, units=None, assigned_to=None):
    """Change who responds without changing the status; recorded in the trail."""
    with transaction.atomic():
        locked = Incident.objects.select_for_update().get(pk=incident.pk)
        changes = []
        if station is not None and station != locked.station:
            locked.station = station
            changes.append(f"station={station}")
        if units is not None and units != locked.units:
            locked.units = units
            changes.append(f"units={units}")
        if assigned_to is not None and assigned_to != locked.assigned_to:
            locked.assigned_to = assigned_to
            changes.append(f"assigned_to={assigned_to}")
        if changes:
            locked.save(update_fields=["station", "units", "assigned_to", "updated_at"])
            AUDIT.record(locked, AuditEntry.Kind.ASSIGNMENT, user=user, note="; ".join(changes))
    return locked


def available_transitions(incident, user):
    return WORKFLOW.available(incident.status, user)
