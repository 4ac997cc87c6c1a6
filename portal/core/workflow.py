"""A small state machine shared by incidents and inspection requests.

Each workflow lists its transitions (target state, the states it may come from,
a label, and the permission it needs). Applying a transition locks the row, so
two dispatchers pressing buttons at once cannot corrupt the state: the second
one sees the state the first left and is refused if its move no longer fits.

Every applied move also writes a Wagtail log entry (action `STATUS_ACTION`,
registered in `portal/core/wagtail_hooks.py`) in the same transaction, so the
object's History tab and the site history report show it.
"""

import uuid
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.log_actions import get_active_log_context, log

STATUS_ACTION = "damkar.status"


def log_change(obj, action, *, user=None, data=None):
    """Write a Wagtail log entry for `obj`; anonymous callers (e.g. the public API) are logged without a user."""
    actor = user if user is not None and user.is_authenticated else None
    return log(obj, action, user=actor, data=data or {}, uuid=_object_uuid(obj))


def _object_uuid(obj):
    """A log-context uuid of this object's own.

    Wagtail's history keeps one entry per (uuid, action) across all objects, so one
    request that logs the same action on two objects (a cancellation that promotes
    the next on the waiting list) would otherwise hide one of them.
    """
    context_uuid = get_active_log_context().uuid
    if context_uuid is None:
        return None
    return uuid.uuid5(context_uuid, f"{obj._meta.label_lower}:{obj.pk}")


class TransitionNotAllowed(Exception):
    """The requested move is not allowed from the current state (or for this user)."""


@dataclass(frozen=True)
class Transition:
    target: str
    sources: frozenset
    label: str
    permission: str = ""  # "app_label.codename"; empty means any staff member who may change the object
    # The sentence staff read once the move is made, with %(reference)s for the object's reference
    # ("The visit for %(reference)s is scheduled."); empty: the screen says the new state instead.
    done: str = ""

    def allowed_for(self, user):
        return not self.permission or (user is not None and user.has_perm(self.permission))


class Workflow:
    def __init__(self, *transitions):
        self.transitions = {t.target: t for t in transitions}

    def available(self, state, user=None):
        """Transitions possible from `state`, for `user` when given."""
        return [t for t in self.transitions.values() if state in t.sources and (user is None or t.allowed_for(user))]

    def get(self, state, target, user=None):
        transition = self.transitions.get(target)
        if transition is None or state not in transition.sources:
            raise TransitionNotAllowed(
                _("Cannot move from “%(state)s” to “%(target)s”.") % {"state": state, "target": target}
            )
        if user is not None and not transition.allowed_for(user):
            raise TransitionNotAllowed(_("You do not have permission to do this."))
        return transition

    def apply(self, model, pk, target, *, user=None, change=None):
        """Move the object `pk` of `model` to `target` under a row lock.

        `change(obj, transition, previous)` runs inside the same transaction,
        before the save: it sets timestamps and records the audit entry. The
        move is logged for the History tab after the save. Returns the object.
        """
        with transaction.atomic():
            obj = model._default_manager.select_for_update().get(pk=pk)
            transition = self.get(obj.status, target, user)
            previous = obj.status
            obj.status = target
            if change is not None:
                change(obj, transition, previous)
            obj.save()
            log_change(obj, STATUS_ACTION, user=user, data={"field": "status", "from": previous, "to": target})
        return obj
