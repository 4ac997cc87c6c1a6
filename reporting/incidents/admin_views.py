"""Back-office views the viewsets cannot express: the incident's inspect page with
its map, photos, duplicates, stations and timeline; staff-created incidents;
status transitions; timestamp corrections."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin.views import generic

from portal.core.audit import AuditEntry
from portal.core.notifications import notify_on_commit
from portal.core.workflow import TransitionNotAllowed
from reporting.incidents import lifecycle
from reporting.incidents.forms import CorrectionForm, TransitionForm
from reporting.incidents.models import FireStation, Incident


class IncidentIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("category", "category__parent", "kecamatan", "station", "kelurahan", "duplicate_of")
        )


class IncidentInspectView(generic.InspectView):
    template_name = "incidents/admin/incident_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        incident = self.object
        user = self.request.user
        can_work = user.has_perm(lifecycle.WORK)
        available = lifecycle.available_transitions(incident, user) if can_work else []
        nearest = FireStation.nearest(incident.latitude, incident.longitude) if incident.has_point else []
        context.update(
            incident=incident,
            photos=list(incident.photos.all()),
            timeline=lifecycle.AUDIT.timeline(incident),
            candidates=incident.duplicate_candidates(),
            nearest=nearest,
            transitions=available,
            transition_form=TransitionForm(
                initial={"station": nearest[0][0].pk if nearest else None, "units": incident.units}
            )
            if available
            else None,
            correction_form=CorrectionForm() if can_work else None,
            needs_station=any(t.target in lifecycle.NEEDS_STATION for t in available),
            can_merge=any(t.target in lifecycle.NEEDS_KEPT_INCIDENT for t in available),
            map_tile_url=self._settings("MAP_TILE_URL"),
            map_attribution=self._settings("MAP_TILE_ATTRIBUTION"),
            target_minutes=self._settings("RESPONSE_TARGET_MINUTES"),
        )
        return context

    @staticmethod
    def _settings(name):
        from django.conf import settings

        return getattr(settings, name)

    def get_fields(self):
        return []  # the template lays the incident out itself


class IncidentCreateView(generic.CreateView):
    """Staff enter an incident from a 112 call, a phone call or a walk-in."""

    def save_instance(self):
        instance = self.form.instance
        instance.created_by = self.request.user
        instance = super().save_instance()
        lifecycle.AUDIT.record(
            instance,
            AuditEntry.Kind.CREATED,
            user=self.request.user,
            to_status=instance.status,
            at=instance.received_at,
        )
        notify_on_commit(lifecycle.tasks.email_dispatch_new_incident, instance.pk)
        return instance


def _inspect(viewset, pk):
    return redirect(viewset.get_url_name("inspect"), pk)


def transition_view(viewset):
    @require_POST
    def view(request, pk):
        if not request.user.has_perm(lifecycle.WORK):
            raise PermissionDenied
        incident = get_object_or_404(Incident, pk=pk)
        form = TransitionForm(request.POST)
        target = request.POST.get("target", "")
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return _inspect(viewset, pk)
        data = form.cleaned_data
        try:
            lifecycle.transition(
                incident,
                target,
                user=request.user,
                public_note=data["public_note"],
                note=data["note"],
                station=data["station"] if target in lifecycle.NEEDS_STATION else None,
                units=data["units"] if target in lifecycle.NEEDS_STATION else None,
                kept=data["kept"],
            )
        except TransitionNotAllowed as error:
            messages.error(request, str(error))
        else:
            incident.refresh_from_db()
            messages.success(
                request,
                _("%(code)s is now “%(status)s”.")
                % {"code": incident.tracking_code, "status": incident.get_status_display()},
            )
        return _inspect(viewset, pk)

    return view


def correction_view(viewset):
    @require_POST
    def view(request, pk):
        if not request.user.has_perm(lifecycle.WORK):
            raise PermissionDenied
        incident = get_object_or_404(Incident, pk=pk)
        form = CorrectionForm(request.POST)
        if form.is_valid():
            try:
                lifecycle.AUDIT.correct_timestamp(
                    incident,
                    form.cleaned_data["field"],
                    form.cleaned_data["value"],
                    user=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("The timestamp was corrected; the old value is kept in the timeline."))
        else:
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
        return _inspect(viewset, pk)

    return view
