"""Admin screens a viewset cannot provide: the roster with attendance buttons, and decisions.

The roster is built for a coordinator's phone at the door: one column, large
buttons, and each tap is a plain POST that works without JavaScript.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Locale

from portal.core.workflow import TransitionNotAllowed
from volunteers import applications, seats
from volunteers.forms import DecisionForm
from volunteers.models import Registration, TrainingPage, VolunteerProfile
from volunteers.models.trainings import with_seats

VIEW_PERMISSION = "volunteers.view_registration"
CHANGE_PERMISSION = "volunteers.change_registration"


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def trainings(request):
    """Trainings in the default language: upcoming first, then the last month's."""
    _require(request, VIEW_PERMISSION)
    since = timezone.now() - timezone.timedelta(days=31)
    queryset = with_seats(TrainingPage.objects.filter(locale=Locale.get_default(), starts_at__gte=since))
    now = timezone.now()
    items = list(queryset.order_by("starts_at"))
    return TemplateResponse(
        request,
        "volunteers/admin/trainings.html",
        {
            "upcoming": [t for t in items if t.starts_at >= now],
            "recent": [t for t in reversed(items) if t.starts_at < now],
            "header_icon": "group",
        },
    )


def roster(request, pk):
    _require(request, VIEW_PERMISSION)
    training = get_object_or_404(TrainingPage, pk=pk).canonical
    registrations = (
        Registration.objects.filter(training=training)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("profile", "user")
        .prefetch_related(Prefetch("certificate"))
        .order_by("created_at", "pk")
    )
    confirmed = [r for r in registrations if r.status == Registration.Status.CONFIRMED]
    waitlist = [r for r in registrations if r.status == Registration.Status.WAITLISTED]
    present = sum(1 for r in confirmed if r.attended)
    return TemplateResponse(
        request,
        "volunteers/admin/roster.html",
        {
            "training": training,
            "confirmed": confirmed,
            "waitlist": waitlist,
            "present": present,
            "can_mark": request.user.has_perm(CHANGE_PERMISSION),
            "export_url": reverse("volunteers_registrations:index"),
            "header_icon": "group",
        },
    )


@require_POST
def mark(request, pk):
    _require(request, CHANGE_PERMISSION)
    registration = get_object_or_404(Registration, pk=pk)
    attended = {"yes": True, "no": False}.get(request.POST.get("attended"))
    if attended is None:
        seats_message = _("Choose present or absent.")
        messages.error(request, seats_message)
    else:
        try:
            seats.mark_attendance(registration, attended, by=request.user)
        except seats.RegistrationError as error:
            messages.error(request, error.message)
    url = reverse("volunteers_roster:roster", args=[registration.training_id])
    return redirect(f"{url}#registration-{registration.pk}")


@require_POST
def cancel(request, pk):
    """A coordinator cancels a seat (any time, e.g. a no-show notice); the waitlist moves up."""
    _require(request, CHANGE_PERMISSION)
    registration = get_object_or_404(Registration, pk=pk)
    seats.cancel(registration, by_staff=True)
    messages.success(request, _("Registration cancelled: %(name)s.") % {"name": registration.participant_name})
    return redirect("volunteers_roster:roster", registration.training_id)


def decide(request, pk):
    """Approve, reject (with a reason) or retire a volunteer; the applicant is emailed."""
    _require(request, applications.PERMISSION)
    profile = get_object_or_404(VolunteerProfile.objects.select_related("kecamatan", "kelurahan", "user"), pk=pk)
    transitions = applications.WORKFLOW.available(profile.status, request.user)
    form = DecisionForm(request.POST or None, transitions=transitions)
    if request.method == "POST" and form.is_valid():
        try:
            applications.decide(
                profile, form.cleaned_data["decision"], user=request.user, reason=form.cleaned_data["reason"]
            )
        except TransitionNotAllowed as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Decision saved; %(name)s will be told by email.") % {"name": profile})
            return redirect("volunteers_applications:index")
    return TemplateResponse(
        request,
        "volunteers/admin/decide.html",
        {"profile": profile, "form": form, "transitions": transitions, "header_icon": "group"},
    )
