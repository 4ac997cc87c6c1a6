"""Back-office screens a viewset cannot provide: workflow moves, messages to the
applicant, the checklist at the visit (phone-sized), and the agenda of visits.

Registered by the viewsets in `wagtail_hooks.py`, which hand each view its model
and permission policy (the pattern of portal/core/admin_views.py)."""

import datetime
from collections import OrderedDict

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from wagtail.permissions import policy_registry

from portal.core.admin_views import AdminScreenView, ObjectFormView
from portal.core.workflow import TransitionNotAllowed

from . import checklist, lifecycle
from .forms import ChecklistEntryForm, MessageForm, ResultForm, ScheduleForm, TransitionForm
from .models import InspectionRequest, Status, Visit

# Permission policy actions (see RequestPermissionPolicy in wagtail_hooks.py).
ISSUE_RESULT = "issue_result"


def form_class_for(target):
    return {Status.SCHEDULED: ScheduleForm, Status.RESULT_ISSUED: ResultForm}.get(target, TransitionForm)


class TransitionView(ObjectFormView):
    """One workflow move with what it needs (a message, a visit, a result); the step's own
    permission is the state machine's (lifecycle.STAFF)."""

    model = InspectionRequest
    permission_required = "view"
    template_name = "inspections/admin/transition.html"
    header_icon = "clipboard-list"

    @cached_property
    def transition(self):
        allowed = {t.target: t for t in lifecycle.available(self.object, self.request.user)}
        return allowed.get(self.kwargs["target"])

    def get(self, request, *args, **kwargs):
        if self.transition is None:
            return self.not_possible()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.transition is None:
            return self.not_possible()
        return super().post(request, *args, **kwargs)

    def not_possible(self):
        messages.error(self.request, _("This step is not possible now."))
        return redirect(self.get_inspect_url())

    def get_form_class(self):
        return form_class_for(self.transition.target)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "target": self.transition.target}

    def form_valid(self, form):
        skip = ("date", "start_time", "duration")
        data = {k: v for k, v in form.cleaned_data.items() if k not in skip}
        try:
            lifecycle.move(self.object, self.transition.target, user=self.request.user, **data)
        except TransitionNotAllowed as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, self.transition.done % {"reference": self.object.reference})
        return super().form_valid(form)

    def get_page_title(self):
        return f"{self.transition.label}: {self.object.reference}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        visit = self.object.current_visit
        context.update(
            inspection=self.object,
            transition=self.transition,
            visit=visit,
            not_met=visit.entries.filter(outcome="not_met")
            if visit and self.transition.target == Status.RESULT_ISSUED
            else [],
        )
        return context


class MessageView(ObjectFormView):
    """Write to the applicant without changing the status."""

    model = InspectionRequest
    permission_required = "change"
    form_class = MessageForm
    template_name = "inspections/admin/transition.html"
    header_icon = "mail"

    def form_valid(self, form):
        lifecycle.send_message(
            self.object,
            form.cleaned_data["message"],
            user=self.request.user,
            internal_note=form.cleaned_data["internal_note"],
        )
        messages.success(self.request, _("Message sent to the applicant."))
        return super().form_valid(form)

    def get_page_title(self):
        return _("Message to the applicant: %(reference)s") % {"reference": self.object.reference}

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, inspection=self.object, submit_label=_("Send the message"))


class ChecklistView(ObjectFormView):
    """All items of a visit on one phone-sized page; each item saved with its note and photos."""

    model = Visit
    pk_url_kwarg = "visit_pk"
    permission_required = ISSUE_RESULT
    template_name = "inspections/admin/checklist.html"
    header_icon = "tasks"

    @cached_property
    def permission_policy(self):
        # The object is a visit; recording its checklist is a permission on requests.
        return policy_registry.get_by_type(InspectionRequest)

    def get_base_object_queryset(self):
        return Visit.objects.select_related("request")

    def get_inspected_object(self):
        return self.object.request

    @cached_property
    def entries(self):
        return list(self.object.entries.annotate(photo_count=Count("photos")).order_by("sort_order", "pk"))

    @cached_property
    def editable(self):
        return self.object.request.status in (Status.SCHEDULED, Status.INSPECTED) and self.object.issued_at is None

    def get_form(self, form_class=None):
        bound = self.request.method == "POST" and self.editable
        return [
            ChecklistEntryForm(
                self.request.POST if bound else None,
                self.request.FILES if bound else None,
                prefix=f"e{entry.pk}",
                initial={"outcome": entry.outcome, "note": entry.note},
            )
            for entry in self.entries
        ]

    def post(self, request, *args, **kwargs):
        if not self.editable:
            raise PermissionDenied
        forms = self.get_form()
        if not all(form.is_valid() for form in forms):
            messages.error(request, _("Some items could not be saved: see the messages below."))
            return self.render_to_response(self.get_context_data(form=forms))
        saved = 0
        for entry, form in zip(self.entries, forms, strict=True):
            data = form.cleaned_data
            if data["outcome"] or data["note"] or data["photos"]:
                checklist.record(
                    entry, outcome=data["outcome"], note=data["note"], photos=data["photos"], user=request.user
                )
                saved += 1
        messages.success(request, _("Checklist saved (%(count)d items).") % {"count": saved})
        return redirect(request.path)

    def get_page_title(self):
        return _("Checklist: %(building)s") % {"building": self.object.request.building_name}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = OrderedDict()
        for entry, form in zip(self.entries, context["form"], strict=True):
            groups.setdefault(entry.get_group_display(), []).append((entry, form))
        context.update(
            visit=self.object,
            inspection=self.object.request,
            groups=groups.items(),
            editable=self.editable,
            done=sum(1 for e in self.entries if e.outcome),
            total=len(self.entries),
        )
        return context


class AgendaView(AdminScreenView):
    """Scheduled visits by day from the chosen date, the signed-in inspector's own first."""

    model = InspectionRequest
    permission_required = "view"
    template_name = "inspections/admin/agenda.html"
    header_icon = "date"
    days = 14

    def get_page_title(self):
        return _("Inspection agenda")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            start = datetime.date.fromisoformat(self.request.GET.get("from", ""))
        except ValueError:
            start = timezone.localdate()
        tz = timezone.get_current_timezone()
        begin = datetime.datetime.combine(start, datetime.time.min, tzinfo=tz)
        end = begin + datetime.timedelta(days=self.days)
        visits = (
            Visit.objects.filter(starts_at__gte=begin, starts_at__lt=end)
            .exclude(request__status=Status.CANCELLED)
            .select_related("request", "request__kecamatan")
            .prefetch_related(Prefetch("inspectors"))
            .annotate(mine=Count("inspectors", filter=Q(inspectors=self.request.user)))
            .order_by("starts_at")
        )
        by_day = OrderedDict()
        for visit in visits:
            by_day.setdefault(timezone.localdate(visit.starts_at), []).append(visit)
        for day, items in by_day.items():
            by_day[day] = sorted(items, key=lambda v: (not v.mine, v.starts_at))
        context.update(
            days=by_day.items(),
            start=start,
            previous=start - datetime.timedelta(days=self.days),
            next=start + datetime.timedelta(days=self.days),
        )
        return context
