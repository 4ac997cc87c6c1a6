"""The application workflow: coordinators approve, reject (with a reason) or retire volunteers."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.workflow import Transition, TransitionNotAllowed, Workflow
from volunteers import notifications
from volunteers.models import VolunteerProfile

Status = VolunteerProfile.Status
PERMISSION = "volunteers.change_volunteerprofile"

WORKFLOW = Workflow(
    Transition(
        Status.APPROVED, frozenset({Status.PENDING, Status.REJECTED, Status.INACTIVE}), _("Approve"), PERMISSION
    ),
    Transition(Status.REJECTED, frozenset({Status.PENDING}), _("Reject"), PERMISSION),
    Transition(Status.INACTIVE, frozenset({Status.APPROVED}), _("Mark inactive"), PERMISSION),
)


def decide(profile, target, *, user, reason=""):
    """Apply a decision under a row lock and email the applicant once it is committed."""
    if target == Status.REJECTED and not reason.strip():
        raise TransitionNotAllowed(_("Give the applicant a reason for the rejection."))

    def change(obj, transition, previous):
        obj.decided_at = timezone.now()
        obj.decided_by = user
        obj.rejection_reason = reason.strip() if target == Status.REJECTED else ""
        notifications.application_decided(obj)

    return WORKFLOW.apply(VolunteerProfile, profile.pk, target, user=user, change=change)
