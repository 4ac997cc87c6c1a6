"""Admin screens a viewset cannot provide: the roster with attendance buttons, and decisions.

The roster is built for a coordinator's phone at the door: one column, large
buttons, and each tap is a plain POST that works without JavaScript.
Registered by the viewsets in `wagtail_hooks.py`, which hand each view its model
and permission policy (the pattern of portal/core/admin_views.py).
"""

from django.contrib import messages
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from wagtail.models import Locale
from wagtail.permissions import policy_registry

from portal.core.admin_views import AdminScreenView, ObjectFormView, ObjectOperationView, ObjectScreenView
from portal.core.workflow import TransitionNotAllowed
from volunteers import lifecycle, seats
from volunteers.forms import DecisionForm
from volunteers.models import Registration, TrainingPage, VolunteerProfile
from volunteers.models.trainings import with_seats


class TrainingsView(AdminScreenView):
    """Trainings in the default language: upcoming first, then the last month's."""

    model = Registration  # the rosters show registrations: their permissions apply

    template_name = "volunteers/admin/trainings.html"
    header_icon = "group"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        since = now - timezone.timedelta(days=31)
        queryset = with_seats(TrainingPage.objects.filter(locale=Locale.get_default(), starts_at__gte=since))
        items = list(queryset.order_by("starts_at"))
        context.update(
            upcoming=[t for t in items if t.starts_at >= now],
            recent=[t for t in reversed(items) if t.starts_at < now],
        )
        return context


class RosterView(ObjectScreenView):
    """One training's confirmed seats, waitlist and attendance (any translation shows the canonical one)."""

    model = TrainingPage
    template_name = "volunteers/admin/roster.html"
    header_icon = "group"

    @cached_property
    def permission_policy(self):
        # The object is a training page, but the roster shows and changes registrations.
        return policy_registry.get_by_type(Registration)

    def get_object(self):
        return super().get_object().canonical

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registrations = (
            Registration.objects.filter(training=self.object)
            .exclude(status=Registration.Status.CANCELLED)
            .select_related("profile", "user")
            .prefetch_related(Prefetch("certificate"))
            .order_by("created_at", "pk")
        )
        confirmed = [r for r in registrations if r.status == Registration.Status.CONFIRMED]
        context.update(
            training=self.object,
            confirmed=confirmed,
            waitlist=[r for r in registrations if r.status == Registration.Status.WAITLISTED],
            present=sum(1 for r in confirmed if r.attended),
            can_mark=self.user_has_permission("change"),
            export_url=reverse("volunteers_registrations:index"),
        )
        return context


class AttendanceView(ObjectOperationView):
    """Mark one registration present or absent, then back to its place in the roster."""

    model = Registration

    def perform_operation(self):
        attended = {"yes": True, "no": False}.get(self.request.POST.get("attended"))
        if attended is None:
            messages.error(self.request, _("Choose present or absent."))
            return
        try:
            seats.mark_attendance(self.object, attended, by=self.request.user)
        except seats.RegistrationError as error:
            # Evaluated now, in the staff member's language: Wagtail's override of it
            # ends with the view, before the message is stored.
            messages.error(self.request, str(error.message))

    def get_success_url(self):
        url = reverse("volunteers_roster:roster", args=[self.object.training_id])
        return f"{url}#registration-{self.object.pk}"


class CancelView(ObjectOperationView):
    """A coordinator cancels a seat (any time, e.g. a no-show notice); the waitlist moves up."""

    model = Registration

    def perform_operation(self):
        seats.cancel(self.object, by_staff=True, user=self.request.user)

    def get_success_message(self):
        return _("Registration cancelled: %(name)s.") % {"name": self.object.participant_name}

    def get_success_url(self):
        return reverse("volunteers_roster:roster", args=[self.object.training_id])


class DecideView(ObjectFormView):
    """Approve, reject (with a reason) or retire a volunteer; the applicant is emailed."""

    model = VolunteerProfile
    form_class = DecisionForm
    template_name = "volunteers/admin/decide.html"
    header_icon = "group"
    index_url_name = None

    def get_base_object_queryset(self):
        return VolunteerProfile.objects.select_related("kecamatan", "kelurahan", "user")

    def get_transitions(self):
        return lifecycle.WORKFLOW.available(self.object.status, self.request.user)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "transitions": self.get_transitions()}

    def form_valid(self, form):
        try:
            lifecycle.decide(
                self.object, form.cleaned_data["decision"], user=self.request.user, reason=form.cleaned_data["reason"]
            )
        except TransitionNotAllowed as error:
            messages.error(self.request, str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("Decision saved; %(name)s will be told by email.") % {"name": self.object})
        return super().form_valid(form)

    def get_success_url(self):
        return reverse(self.index_url_name)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, profile=self.object, transitions=self.get_transitions())
