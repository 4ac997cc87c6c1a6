"""Public pages: report an incident, its confirmation, and the tracking page."""

import contextlib
import logging

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_POST

from portal.core import ratelimit
from portal.core.headers import allow_features
from portal.core.workflow import TransitionNotAllowed
from reporting.incidents import lifecycle, privacy
from reporting.incidents.forms import ReportForm, TrackForm
from reporting.incidents.models import Incident, Source, Status, normalize_tracking_code

logger = logging.getLogger(__name__)

SESSION_KEY = "reporting_codes"


def _remember(request, code):
    codes = request.session.get(SESSION_KEY, [])
    request.session[SESSION_KEY] = [*codes, code][-10:]


def _owns(request, code):
    return code in request.session.get(SESSION_KEY, [])


@never_cache
@allow_features("geolocation", "camera")  # "use my location" and the photo field
def report(request):
    if request.method == "POST":
        form = ReportForm(request.POST, request.FILES)
        if form.is_spam():
            # Bots get the same answer as people, and nothing is stored.
            logger.info("Honeypot filled; report discarded")
            return redirect("reporting:report")
        if not ratelimit.allow(request):
            return render(request, "incidents/report.html", {"form": form, "rate_limited": True}, status=429)
        if form.is_valid():
            incident, _created = lifecycle.create_incident(
                data={**form.incident_data(), "source": Source.WEB}, photos=form.prepared_photos
            )
            _remember(request, incident.tracking_code)
            return redirect("reporting:sent", code=incident.tracking_code)
        status = 400
    else:
        form = ReportForm()
        status = 200
    return render(request, "incidents/report.html", {"form": form}, status=status)


@never_cache
def sent(request, code):
    incident = get_object_or_404(Incident.objects.select_related("category"), tracking_code=code)
    if not _owns(request, code):
        return redirect("reporting:track_code", code=code)
    candidates = incident.duplicate_candidates(open_only=True) if incident.status == Status.RECEIVED else []
    return render(
        request,
        "incidents/sent.html",
        {"incident": incident, "candidates": candidates, "track_url": reverse("reporting:track_code", args=[code])},
    )


@require_POST
def join(request, code, other):
    """The reporter says their report is about an incident the department already has."""
    if not _owns(request, code):
        raise Http404
    incident = get_object_or_404(Incident, tracking_code=code)
    kept = get_object_or_404(Incident, tracking_code=other)
    if kept.pk not in {c.pk for c, _m in incident.duplicate_candidates(open_only=True)}:
        raise Http404
    # If staff moved it meanwhile, the move is refused and the tracking page tells the truth.
    with contextlib.suppress(TransitionNotAllowed):
        lifecycle.transition(
            incident,
            Status.DUPLICATE,
            kept=kept,
            public_note=_("Added by the reporter to report %(code)s.") % {"code": kept.tracking_code},
        )
    return redirect("reporting:track_code", code=code)


@cache_control(max_age=30)
def track(request):
    form = TrackForm(request.GET or None)
    if form.is_valid():
        code = normalize_tracking_code(form.cleaned_data["code"])
        if Incident.objects.filter(tracking_code=code).exists():
            return redirect("reporting:track_code", code=code)
        form.add_error("code", _("No report has this code. Check it and try again."))
    return render(request, "incidents/track.html", {"form": form}, status=404 if form.errors else 200)


@cache_control(max_age=30)
def track_code(request, code):
    normalized = normalize_tracking_code(code)
    if normalized != code:
        return redirect("reporting:track_code", code=normalized)
    incident = (
        Incident.objects.select_related("category", "kecamatan", "duplicate_of").filter(tracking_code=code).first()
    )
    if incident is None:
        # A mistyped code: the tracking form again, with the code and a way to retry.
        form = TrackForm({"code": code})
        form.is_valid()
        form.add_error("code", _("No report has this code. Check it and try again."))
        return render(request, "incidents/track.html", {"form": form}, status=404)
    timeline = lifecycle.AUDIT.timeline(incident, public_only=True)
    return render(request, "incidents/track_detail.html", {"incident": incident, "timeline": timeline})


@never_cache
def contact(request, code):
    """A reporter sees and erases the contact details they gave: tracking code plus a one-time
    code sent to their email. There is no SMS channel; a phone-only reporter is told whom to ask."""
    incident = get_object_or_404(Incident, tracking_code=normalize_tracking_code(code))
    proven = privacy.is_proven(request, incident)
    action = request.POST.get("action") if request.method == "POST" else None
    status = 200
    if action == "send" and incident.reporter_email:
        if not ratelimit.allow(request, scope="contact_code"):
            messages.error(request, _("Too many codes were requested. Please try again later."))
            status = 429
        else:
            privacy.send_code(incident, language=get_language())
            messages.info(request, _("We sent a one-time code to the email address you gave."))
    elif action == "verify":
        if privacy.check_code(request, incident, request.POST.get("otp", "")):
            proven = True
        else:
            messages.error(request, _("The code is not correct or has expired."))
            status = 400
    elif action == "erase" and proven:
        privacy.erase_contact(incident, privacy.reason_by_reporter())
        messages.success(request, _("Your contact details have been erased from this report."))
        return redirect("reporting:contact", code=incident.tracking_code)
    return render(
        request,
        "incidents/contact.html",
        {
            "incident": incident,
            "proven": proven,
            "has_contact": privacy.has_contact(incident),
            "email_channel": bool(incident.reporter_email),
        },
        status=status,
    )
