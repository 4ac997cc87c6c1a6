"""Back-office screens a viewset cannot provide: workflow moves, the checklist
at the visit (phone-sized), and the agenda of visits."""

import datetime
from collections import OrderedDict

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.workflow import TransitionNotAllowed

from . import checklist, workflow
from .forms import ChecklistEntryForm, MessageForm, ResultForm, ScheduleForm, TransitionForm
from .models import InspectionRequest, Status, Visit

VIEW = "inspections.view_inspectionrequest"


def _require(user, perm):
    if not user.has_perm(perm):
        raise PermissionDenied


def form_class_for(target):
    return {Status.SCHEDULED: ScheduleForm, Status.RESULT_ISSUED: ResultForm}.get(target, TransitionForm)


def transition_view(request, pk, target, viewset):
    _require(request.user, VIEW)
    inspection = get_object_or_404(InspectionRequest, pk=pk)
    allowed = {t.target: t for t in workflow.available(inspection, request.user)}
    inspect_url = viewset.get_inspect_url(inspection)
    if target not in allowed:
        messages.error(request, _("This step is not possible now."))
        return redirect(inspect_url)
    transition = allowed[target]
    form_class = form_class_for(target)
    form = form_class(request.POST or None, target=target)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("date", "start_time", "duration")}
        try:
            workflow.move(inspection, target, user=request.user, **data)
        except TransitionNotAllowed as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("%(reference)s: %(label)s done.") % {"reference": inspection.reference, "label": transition.label},
            )
            return redirect(inspect_url)
    visit = inspection.current_visit
    context = {
        "inspection": inspection,
        "transition": transition,
        "form": form,
        "visit": visit,
        "not_met": visit.entries.filter(outcome="not_met") if visit and target == Status.RESULT_ISSUED else [],
        "inspect_url": inspect_url,
        "page_title": f"{transition.label}: {inspection.reference}",
        "header_icon": "clipboard-list",
    }
    return TemplateResponse(request, "inspections/admin/transition.html", context)


def message_view(request, pk, viewset):
    """Write to the applicant without changing the status."""
    _require(request.user, workflow.CHANGE)
    inspection = get_object_or_404(InspectionRequest, pk=pk)
    inspect_url = viewset.get_inspect_url(inspection)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        workflow.send_message(
            inspection,
            form.cleaned_data["message"],
            user=request.user,
            internal_note=form.cleaned_data["internal_note"],
        )
        messages.success(request, _("Message sent to the applicant."))
        return redirect(inspect_url)
    context = {
        "inspection": inspection,
        "form": form,
        "submit_label": _("Send the message"),
        "inspect_url": inspect_url,
        "page_title": _("Message to the applicant: %(reference)s") % {"reference": inspection.reference},
        "header_icon": "mail",
    }
    return TemplateResponse(request, "inspections/admin/transition.html", context)


def checklist_view(request, visit_pk, viewset):
    """All items of a visit on one phone-sized page; each item saved with its note and photos."""
    _require(request.user, "inspections.issue_result")
    visit = get_object_or_404(Visit.objects.select_related("request"), pk=visit_pk)
    inspection = visit.request
    entries = list(visit.entries.annotate(photo_count=Count("photos")).order_by("sort_order", "pk"))
    editable = inspection.status in (Status.SCHEDULED, Status.INSPECTED) and visit.issued_at is None
    forms = [
        ChecklistEntryForm(
            request.POST or None if editable else None,
            request.FILES or None if editable else None,
            prefix=f"e{entry.pk}",
            initial={"outcome": entry.outcome, "note": entry.note},
        )
        for entry in entries
    ]
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        if all(form.is_valid() for form in forms):
            saved = 0
            for entry, form in zip(entries, forms, strict=True):
                data = form.cleaned_data
                if data["outcome"] or data["note"] or data["photos"]:
                    checklist.record(
                        entry, outcome=data["outcome"], note=data["note"], photos=data["photos"], user=request.user
                    )
                    saved += 1
            messages.success(request, _("Checklist saved (%(count)d items).") % {"count": saved})
            return redirect(request.path)
        messages.error(request, _("Some items could not be saved: see the messages below."))
    groups = OrderedDict()
    for entry, form in zip(entries, forms, strict=True):
        groups.setdefault(entry.get_group_display(), []).append((entry, form))
    context = {
        "visit": visit,
        "inspection": inspection,
        "groups": groups.items(),
        "editable": editable,
        "done": sum(1 for e in entries if e.outcome),
        "total": len(entries),
        "inspect_url": viewset.get_inspect_url(inspection),
        "page_title": _("Checklist: %(building)s") % {"building": inspection.building_name},
        "header_icon": "tasks",
    }
    return TemplateResponse(request, "inspections/admin/checklist.html", context)


def agenda_view(request):
    """Scheduled visits by day from the chosen date, the signed-in inspector's own first."""
    _require(request.user, VIEW)
    try:
        start = datetime.date.fromisoformat(request.GET.get("from", ""))
    except ValueError:
        start = timezone.localdate()
    days = 14
    tz = timezone.get_current_timezone()
    begin = datetime.datetime.combine(start, datetime.time.min, tzinfo=tz)
    end = begin + datetime.timedelta(days=days)
    visits = (
        Visit.objects.filter(starts_at__gte=begin, starts_at__lt=end)
        .exclude(request__status=Status.CANCELLED)
        .select_related("request", "request__kecamatan")
        .prefetch_related(Prefetch("inspectors"))
        .annotate(mine=Count("inspectors", filter=Q(inspectors=request.user)))
        .order_by("starts_at")
    )
    by_day = OrderedDict()
    for visit in visits:
        by_day.setdefault(timezone.localdate(visit.starts_at), []).append(visit)
    for day, items in by_day.items():
        by_day[day] = sorted(items, key=lambda v: (not v.mine, v.starts_at))
    context = {
        "days": by_day.items(),
        "start": start,
        "previous": start - datetime.timedelta(days=days),
        "next": start + datetime.timedelta(days=days),
        "page_title": _("Inspection agenda"),
        "header_icon": "date",
    }
    return TemplateResponse(request, "inspections/admin/agenda.html", context)
