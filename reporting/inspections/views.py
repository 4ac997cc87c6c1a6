"""The applicant's pages (signed in, email verified) and the public verification page."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

import segno
from allauth.account.decorators import verified_email_required

from portal.core import ratelimit
from portal.core.calendar import ics_response
from portal.core.downloads import private_file_response
from portal.core.headers import allow_features
from portal.core.links import absolute_url
from portal.core.workflow import TransitionNotAllowed

from . import lifecycle
from .forms import CancelForm, InspectionRequestForm, UploadDocumentsForm, save_documents
from .models import InspectionDocument, InspectionRequest, Status, Visit, normalize_verification_code

APPLICANT_CANCELLABLE = lifecycle.APPLICANT.transitions[Status.CANCELLED].sources
STAFF_PERMISSION = "inspections.view_inspectionrequest"


def _own(request, pk):
    """The signed-in applicant's request, or 404: another's request does not exist for them."""
    return get_object_or_404(
        InspectionRequest.objects.select_related("kecamatan", "kelurahan"), pk=pk, applicant=request.user
    )


def _visible(request, inspection_request_qs, pk):
    """The owner's or, for staff who may view requests, anyone's."""
    qs = inspection_request_qs
    if not request.user.has_perm(STAFF_PERMISSION):
        qs = qs.filter(applicant=request.user)
    return get_object_or_404(qs, pk=pk)


@never_cache
@verified_email_required
@allow_features("geolocation", "camera")  # the location picker and building photos
def request_create(request):
    form = InspectionRequestForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            inspection = form.save(commit=False)
            inspection.applicant = request.user
            inspection.language = get_language()
            inspection.save()
            save_documents(inspection, form.cleaned_data["documents"], request.user)
            lifecycle.record_submission(inspection, request.user)
        messages.success(
            request,
            _("Your request %(reference)s was sent. We will email you at each step.")
            % {"reference": inspection.reference},
        )
        return redirect(inspection)
    return render(request, "inspections/request_form.html", {"form": form})


@never_cache
@login_required
def request_list(request):
    qs = InspectionRequest.objects.filter(applicant=request.user).select_related("kecamatan")
    page = Paginator(qs, 20).get_page(request.GET.get("page"))
    return render(request, "inspections/request_list.html", {"page_obj": page, "requests": page.object_list})


@never_cache
@login_required
def request_detail(request, pk):
    inspection = _own(request, pk)
    visits = list(inspection.visits.order_by("number"))
    current = visits[-1] if visits else None
    context = {
        "inspection": inspection,
        "events": inspection.events.select_related("actor").order_by("at", "pk"),
        "documents": inspection.documents.all(),
        "visits": visits,
        "current_visit": current,
        "show_ics": inspection.status == Status.SCHEDULED and current is not None,
        "can_cancel": inspection.status in APPLICANT_CANCELLABLE,
        "can_correct": inspection.status == Status.RETURNED,
        "can_upload": inspection.is_open,
        "upload_form": UploadDocumentsForm(),
        "cancel_form": CancelForm(),
    }
    return render(request, "inspections/request_detail.html", context)


@never_cache
@verified_email_required
@allow_features("geolocation", "camera")
def request_edit(request, pk):
    """Correct a returned request and send it again."""
    inspection = _own(request, pk)
    if inspection.status != Status.RETURNED:
        messages.error(request, _("Only a request returned for correction can be changed."))
        return redirect(inspection)
    form = InspectionRequestForm(request.POST or None, request.FILES or None, instance=inspection)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                form.save()
                save_documents(inspection, form.cleaned_data["documents"], request.user)
                lifecycle.move(inspection, Status.SUBMITTED, user=request.user, applicant=True)
        except TransitionNotAllowed as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your corrected request was sent again."))
        return redirect(inspection)
    return render(request, "inspections/request_form.html", {"form": form, "inspection": inspection})


@require_POST
@login_required
def request_cancel(request, pk):
    inspection = _own(request, pk)
    form = CancelForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        lifecycle.move(inspection, Status.CANCELLED, user=request.user, applicant=True, internal_note=reason)
    except TransitionNotAllowed:
        messages.error(
            request, _("This request can no longer be cancelled here: a visit is already scheduled. Call us.")
        )
    else:
        messages.success(request, _("Your request was cancelled."))
    return redirect(inspection)


@require_POST
@login_required
def request_upload(request, pk):
    inspection = _own(request, pk)
    if not inspection.is_open:
        raise PermissionDenied
    form = UploadDocumentsForm(request.POST, request.FILES)
    if form.is_valid():
        save_documents(inspection, form.cleaned_data["documents"], request.user)
        messages.success(request, _("Documents added."))
    else:
        for error in form.errors.get("documents", []):
            messages.error(request, error)
    return redirect(inspection)


@never_cache
@login_required
def document_download(request, pk, document_pk):
    """Documents are private: only their applicant and staff who may view requests get them."""
    inspection = _visible(request, InspectionRequest.objects.all(), pk)
    document = get_object_or_404(InspectionDocument, pk=document_pk, request=inspection)
    # Behind nginx the bytes go out through X-Accel-Redirect once this check passed.
    return private_file_response(
        document.file,
        content_type=document.content_type,
        filename=f"{inspection.reference}-{document.pk}.{document.kind}",
    )


@never_cache
@login_required
def visit_ics(request, pk):
    inspection = _own(request, pk)
    visit = inspection.current_visit
    if inspection.status != Status.SCHEDULED or visit is None:
        raise Http404
    return ics_response(
        uid=f"inspection-visit-{visit.pk}@damkar.jambikota.go.id",
        summary=_("Fire-protection inspection: %(building)s") % {"building": inspection.building_name},
        start=visit.starts_at,
        end=visit.ends_at,
        filename=f"{inspection.reference}-visit-{visit.number}.ics",
        location=inspection.place_label,
        description=_("Inspection request %(reference)s. Please have the building's fire-safety records ready.")
        % {"reference": inspection.reference},
        url=request.build_absolute_uri(inspection.get_absolute_url()),
    )


@never_cache
@login_required
def result_document(request, visit_pk):
    """The printable result: for the applicant and for staff."""
    visit = get_object_or_404(
        Visit.objects.select_related("request", "request__kecamatan", "request__kelurahan").exclude(issued_at=None),
        pk=visit_pk,
    )
    if visit.request.applicant_id != request.user.pk and not request.user.has_perm(STAFF_PERMISSION):
        raise Http404
    return render(request, "inspections/result_document.html", result_context(request, visit))


def result_context(request, visit):
    entries = list(visit.entries.prefetch_related("photos").order_by("sort_order", "pk"))
    groups = {}
    for entry in entries:
        groups.setdefault(entry.get_group_display(), []).append(entry)
    return {
        "visit": visit,
        "inspection": visit.request,
        "groups": groups.items(),
        "not_met": [e for e in entries if e.outcome == "not_met"],
        "inspectors": visit.inspectors.all(),
        "verify_url": absolute_url(request, reverse("inspections:verify")),
        "verify_qr": verification_qr(request, visit),
    }


def verification_qr(request, visit):
    """An inline SVG QR code that opens the public verification page with this result's code."""
    url = absolute_url(request, f"{reverse('inspections:verify')}?{urlencode({'code': visit.verification_code})}")
    qr = segno.make(url, error="m")
    # segno escapes the title; the SVG holds only paths, so it is safe to inline.
    return mark_safe(qr.svg_inline(scale=3, border=2, title=url, svgclass="result-document__qr"))  # noqa: S308


@never_cache  # a rate-limited lookup: each one must reach the view, never a cached copy
def verify(request):
    """Anyone with a code sees building, result, issue date and validity, nothing else."""
    code = normalize_verification_code(request.GET.get("code", ""))[:20]
    context = {"code": code, "searched": bool(code)}
    if code and not ratelimit.allow(request, scope="verification"):
        context.update(searched=False, throttled=True)
        response = render(request, "inspections/verify.html", context, status=429)
        response["Cache-Control"] = "no-store"
        return response
    if code:
        visit = (
            Visit.objects.select_related("request")
            .exclude(issued_at=None)
            .filter(verification_code=code)
            .only(
                "result", "issued_at", "valid_until", "result_number", "request__building_name", "corrective_deadline"
            )
            .first()
        )
        if visit is not None:
            context["found"] = public_result(visit)
    return render(request, "inspections/verify.html", context)


def public_result(visit):
    """The only fields of a result anyone may see (page and API)."""
    today = timezone.localdate()
    valid = bool(visit.result == "compliant" and visit.valid_until and visit.valid_until >= today)
    return {
        "building_name": visit.request.building_name,
        "result": visit.result,
        "result_label": visit.get_result_display(),
        "result_number": visit.result_number,
        "issued_on": timezone.localdate(visit.issued_at),
        "valid_until": visit.valid_until,
        "is_valid": valid,
    }
