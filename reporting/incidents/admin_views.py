"""Back-office views the viewsets cannot express: the incident's inspect page with
its map, photos, duplicates, stations and timeline; staff-created incidents;
status transitions; timestamp corrections. Registered by `IncidentViewSet`
(see portal/core/admin_views.py for the pattern)."""

import re

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views import generic

import phonenumbers

from portal.core.admin_views import ObjectPostView
from portal.core.audit import AuditEntry, PersonalDataAccessMixin
from portal.core.notifications import notify_on_commit
from portal.core.workflow import TransitionNotAllowed
from reporting.incidents import lifecycle
from reporting.incidents.forms import CorrectionForm, TransitionForm
from reporting.incidents.models import FireStation, Incident, normalize_tracking_code

TRACKING_CODE = re.compile(r"[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}")


class CappedPaginator(WagtailPaginator):
    """At most `max_pages` pages: no deep OFFSET and no COUNT over every incident.

    Page 200 of an unfiltered listing is never what a dispatcher looks for; past
    the cap the listing says to narrow it with filters or search (which use indexes).
    """

    max_pages = 20

    @cached_property
    def count(self):
        return self.object_list[: self.per_page * self.max_pages + 1].count()

    @cached_property
    def capped(self):
        return self.count > self.per_page * self.max_pages

    @cached_property
    def num_pages(self):
        return min(super().num_pages, self.max_pages)


class IncidentIndexView(generic.IndexView):
    paginator_class = CappedPaginator
    results_template_name = "incidents/admin/index_results.html"

    def search_queryset(self, queryset):
        """A tracking code or a phone number is looked up by equality on an indexed column;
        any other text falls back to the viewset's `search_fields`."""
        if not self.is_searching:
            return queryset
        code = normalize_tracking_code(self.search_query)
        if TRACKING_CODE.fullmatch(code):
            return queryset.filter(tracking_code=code)
        try:
            phone = phonenumbers.parse(self.search_query, "ID")
        except phonenumbers.NumberParseException:
            phone = None
        if phone is not None and phonenumbers.is_valid_number(phone):
            return queryset.filter(
                reporter_phone=phonenumbers.format_number(phone, phonenumbers.PhoneNumberFormat.E164)
            )
        return super().search_queryset(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = context.get("paginator")
        context["listing_capped"] = bool(paginator and getattr(paginator, "capped", False))
        return context

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("category", "category__parent", "kecamatan", "station", "kelurahan", "duplicate_of")
        )


class IncidentInspectView(PersonalDataAccessMixin, generic.InspectView):
    template_name = "incidents/admin/incident_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        incident = self.object
        user = self.request.user
        can_work = self.user_has_permission("change")
        available = lifecycle.available_transitions(incident, user) if can_work else []
        nearest = FireStation.nearest(incident.latitude, incident.longitude) if incident.has_point else []
        context.update(
            incident=incident,
            photos=list(incident.photos.all()),
            timeline=lifecycle.AUDIT.timeline(incident),
            candidates=incident.duplicate_candidates(),
            # Every report merged into this one, with what its reporter was promised staff would see.
            merged=incident.duplicates.select_related("category").prefetch_related("photos").order_by("received_at"),
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


class TransitionView(ObjectPostView):
    """Apply one workflow move posted from the inspect page (the state machine checks the step's own permission)."""

    model = Incident
    form_class = TransitionForm

    def form_valid(self, form):
        data = form.cleaned_data
        target = self.request.POST.get("target", "")
        try:
            incident = lifecycle.transition(
                self.object,
                target,
                user=self.request.user,
                public_note=data["public_note"],
                note=data["note"],
                station=data["station"] if target in lifecycle.NEEDS_STATION else None,
                units=data["units"] if target in lifecycle.NEEDS_STATION else None,
                kept=data["kept"],
            )
        except TransitionNotAllowed as error:
            messages.error(self.request, str(error))
        else:
            messages.success(
                self.request,
                _("%(code)s is now “%(status)s”.")
                % {"code": incident.tracking_code, "status": incident.get_status_display()},
            )
        return redirect(self.get_success_url())


class CorrectionView(ObjectPostView):
    """Correct a timestamp; the old value and the reason stay in the timeline."""

    model = Incident
    form_class = CorrectionForm

    def form_valid(self, form):
        try:
            lifecycle.AUDIT.correct_timestamp(
                self.object,
                form.cleaned_data["field"],
                form.cleaned_data["value"],
                user=self.request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
        else:
            messages.success(self.request, _("The timestamp was corrected; the old value is kept in the timeline."))
        return redirect(self.get_success_url())
