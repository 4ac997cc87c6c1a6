"""Public and personal pages of the volunteer programme."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Locale

from allauth.account.models import EmailAddress

from portal.core import ratelimit
from portal.core.calendar import ics_response
from portal.core.codes import normalize_code
from volunteers import seats
from volunteers.forms import ApplicationForm
from volunteers.models import Certificate, Registration, TrainingPage, VolunteerProfile
from volunteers.models.profiles import PRIVACY_STATEMENT_VERSION


def _localized(training):
    """The training in the active language when it has been translated."""
    locale = Locale.objects.filter(language_code=get_language()).first()
    if locale is None or training.locale_id == locale.pk:
        return training
    return training.get_translation_or_none(locale) or training


def seats_fragment(request, pk):
    """The remaining-seats line of a training page, fetched again by volunteers.js."""
    training = get_object_or_404(TrainingPage.objects.live(), pk=pk)
    response = render(request, "volunteers/includes/seats.html", {"training": training})
    response["Cache-Control"] = "max-age=10"
    return response


def privacy_statement(request):
    return render(request, "volunteers/privacy.html", {"version": PRIVACY_STATEMENT_VERSION})


@login_required
def apply(request):
    """The volunteer application, for a signed-in person with a verified email address."""
    if not EmailAddress.objects.filter(user=request.user, verified=True).exists():
        messages.error(request, _("Verify your email address before applying."))
        return redirect("account_email")
    profile = VolunteerProfile.objects.filter(user=request.user).first()
    if profile is not None and profile.status in (VolunteerProfile.Status.PENDING, VolunteerProfile.Status.APPROVED):
        messages.info(request, _("You have already applied. Your application status is below."))
        return redirect("volunteers:mine")
    form = ApplicationForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        profile = form.save(commit=False)
        profile.user = request.user
        profile.status = VolunteerProfile.Status.PENDING
        profile.rejection_reason = ""
        profile.consent_at = timezone.now()
        profile.consent_version = PRIVACY_STATEMENT_VERSION
        profile.language = get_language()
        profile.save()
        messages.success(request, _("Thank you! Your application has been sent. A coordinator will review it."))
        return redirect("volunteers:mine")
    return render(request, "volunteers/apply.html", {"form": form, "profile": profile})


@login_required
def mine(request):
    """My volunteering: application status, trainings, certificates, my data."""
    profile = VolunteerProfile.objects.select_related("kecamatan", "kelurahan").filter(user=request.user).first()
    registrations = list(
        Registration.objects.filter(user=request.user)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("training", "certificate")
        .order_by("training__starts_at")
    )
    now = timezone.now()
    for registration in registrations:
        registration.display_training = _localized(registration.training)
    return render(
        request,
        "volunteers/mine.html",
        {
            "profile": profile,
            "upcoming": [r for r in registrations if r.training.starts_at >= now],
            "past": [r for r in reversed(registrations) if r.training.starts_at < now],
            "certificates": Certificate.objects.filter(registration__user=request.user, withdrawn_at=None),
            "groups": profile.memberships.select_related("group") if profile else [],
        },
    )


def export(request):
    """Moved: every app's data is on the account's "My data" page."""
    return redirect("account_data_json")


def delete_account(request):
    """Moved: erasure covers every app and lives with the account."""
    return redirect("account_delete")


@require_POST
@login_required
def register(request, pk):
    training = get_object_or_404(TrainingPage.objects.live(), pk=pk)
    try:
        registration = seats.register(training, request.user, language=get_language())
    except seats.RegistrationError as error:
        messages.error(request, error.message)
    else:
        if registration.status == Registration.Status.CONFIRMED:
            messages.success(request, _("Your seat is confirmed. We have sent you an email."))
        else:
            messages.info(
                request,
                _("The training is full: you are on the waitlist. We will email you if a seat frees up."),
            )
    return redirect(training.get_url(request))


def _own_registration(request, code):
    registration = Registration.objects.select_related("training").filter(code=code, user=request.user).first()
    if registration is None:
        raise Http404
    return registration


def _safe_next(request, source):
    next_url = source.get("next", "")
    return next_url if next_url.startswith("/") and not next_url.startswith("//") else ""


@login_required
def cancel(request, code):
    """Cancelling asks first: the seat goes to the next person on the waitlist at once."""
    registration = _own_registration(request, code)
    if request.method != "POST" or request.POST.get("confirm") != "yes":
        return render(
            request,
            "volunteers/cancel.html",
            {
                "registration": registration,
                "training": _localized(registration.training),
                "next": _safe_next(request, request.POST if request.method == "POST" else request.GET),
            },
        )
    try:
        seats.cancel(registration)
    except seats.RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your registration has been cancelled."))
    return redirect(_safe_next(request, request.POST) or "volunteers:mine")


@login_required
def registration_ics(request, code):
    registration = _own_registration(request, code)
    if not registration.is_active:
        raise Http404
    training = _localized(registration.training)
    return ics_response(
        uid=f"registration-{registration.code}@damkar-kota-jambi",
        summary=training.title,
        start=training.starts_at,
        end=training.ends_at,
        filename=f"training-{registration.code}.ics",
        location=f"{training.location_name}, {training.address}",
        description=_("Registration code: %(code)s") % {"code": registration.code},
        url=request.build_absolute_uri(training.get_url(request) or "/"),
    )


@login_required
def certificate(request, code):
    """The holder's own printable certificate."""
    cert = get_object_or_404(
        Certificate.objects.select_related("registration"),
        code=code,
        registration__user=request.user,
        withdrawn_at=None,
    )
    return render(request, "volunteers/certificate.html", {"certificate": cert})


def verify(request):
    """Public check of a certificate code: shows only what the certificate needs."""
    code = normalize_code(request.GET.get("code", ""), groups=3, size=4)
    if code and not ratelimit.allow(request, scope="verification"):
        response = render(request, "volunteers/verify.html", {"code": code, "throttled": True}, status=429)
        response["Cache-Control"] = "no-store"
        return response
    cert = Certificate.objects.filter(code=code).first() if code else None
    response = render(request, "volunteers/verify.html", {"code": code, "certificate": cert})
    if code:
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
    return response
