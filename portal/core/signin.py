"""Signing in: password guessing is locked out (django-axes), one way in for everyone.

django-axes counts wrong passwords per account *and* client address
(`portal.core.clients.client_ip`, so a made-up `X-Forwarded-For` changes
nothing) on every entry point that checks a password: allauth's sign-in form
(which the Wagtail admin's login redirects to) and the API token endpoint.
After `AXES_FAILURE_LIMIT` failures that pair is refused, even with the right
password, until `AXES_COOLOFF_TIME` has passed since the last try or an
administrator unlocks it (Settings → Sign-in lockouts). The settings and why
they are what they are: docs/security.md.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, get_user_model, user_login_failed
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from allauth.mfa.base.forms import BaseAuthenticateForm
from allauth.mfa.models import Authenticator
from axes.helpers import get_cool_off
from rest_framework import serializers
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken

from portal.core.clients import client_ip
from portal.core.roles import PERSONAL_DATA_ROLES
from portal.core.text import TextSerializerMixin

# The keys an entry point may name the account by: Django's and DRF's forms
# say "username", allauth's authenticate() receives "email" (or "username").
_ACCOUNT_FIELDS = ("username", "email", "login")


def axes_client_ip(request):
    """`client_ip()` for django-axes: None instead of "unknown" (no peer address, e.g. a
    unix-socket peer or Django's test login), since axes stores it in an inet column
    that PostgreSQL refuses "unknown" in."""
    address = client_ip(request)
    return None if address == "unknown" else address


def account_key(request, credentials):
    """One lockout key per account, whichever name it was tried under.

    An email address is mapped to its account's username, so ten tries split
    between the token endpoint (username) and the sign-in form (email) still
    count as ten. Unknown names are counted as typed, in lower case.
    """
    source = credentials or getattr(request, "POST", {}) or {}
    value = next((source.get(field) for field in _ACCOUNT_FIELDS if source.get(field)), "")
    value = str(value).strip()
    if "@" in value:
        users = list(get_user_model().objects.filter(email__iexact=value)[:2])
        if len(users) == 1:
            value = users[0].get_username()
    return value.lower()


def lockout_message(request):
    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else 0
    if not minutes:
        return _(
            "Too many failed sign-in attempts for this account from your address. Ask an administrator to unlock it."
        )
    return ngettext(
        "Too many failed sign-in attempts for this account from your address. "
        "Try again in %(minutes)d minute, or ask an administrator to unlock it.",
        "Too many failed sign-in attempts for this account from your address. "
        "Try again in %(minutes)d minutes, or ask an administrator to unlock it.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    """What a locked-out client sees: JSON under /api/, the sign-in page elsewhere (429, Retry-After)."""
    message = lockout_message(request)
    cool_off = get_cool_off(request)
    status = settings.AXES_HTTP_RESPONSE_CODE
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=status)
    else:
        response = render(request, "account/lockout.html", {"lockout_message": message}, status=status)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response


def has_second_factor(user):
    """A TOTP authenticator is set up (recovery codes alone are not a factor to ask for)."""
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class TokenSerializer(TextSerializerMixin, AuthTokenSerializer):
    """DRF's username and password, then the second factor the sign-in form asks for.

    A password alone yields no token for an account with an authenticator app,
    nor, with STAFF_MFA_REQUIRED, for staff who can see personal data. The code
    is checked by allauth's own form (TOTP or a recovery code, each code once);
    a wrong one counts towards the django-axes lockout like a wrong password.
    """

    code = serializers.CharField(
        label=_("Authenticator code"),
        help_text=_(
            "The current code of the authenticator app (or a recovery code). Required when the account has "
            "an authenticator app set up, or must have one (staff who can see personal data, when "
            "STAFF_MFA_REQUIRED is on)."
        ),
        max_length=64,
        required=False,
        write_only=True,
    )

    def validate(self, attrs):
        attrs = super().validate(attrs)
        user = attrs["user"]
        has_factor = has_second_factor(user)
        if not (has_factor or needs_second_factor(user)):
            return attrs
        if not has_factor:
            raise serializers.ValidationError(
                _(
                    "This account must sign in with an authenticator app. Set one up in your account "
                    "settings on the website first."
                ),
                code="mfa_setup_required",
            )
        code = attrs.get("code", "")
        if not code:
            raise serializers.ValidationError(
                {"code": [_("Enter the code from your authenticator app.")]}, code="mfa_required"
            )
        form = BaseAuthenticateForm(data={"code": code}, user=user)
        if not form.is_valid():
            # Counted by django-axes like a wrong password: ten wrong codes lock the account and address.
            user_login_failed.send(
                sender=__name__, credentials={"username": attrs["username"]}, request=self.context.get("request")
            )
            raise serializers.ValidationError({"code": form.errors["code"]}, code="mfa_incorrect")
        form.authenticator.record_usage()
        return attrs


class TokenView(ObtainAuthToken):
    """DRF's token endpoint, with the second factor, handing django-axes the request it watches.

    DRF's serializer passes its own `Request` wrapper to `authenticate()`;
    axes marks a lockout on the object it is given, and its middleware looks
    at Django's request. Passing Django's request lets the middleware answer
    a locked-out client with the translated 429.
    """

    serializer_class = TokenSerializer

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "request": self.request._request}


def admin_login(request):
    """/admin/login/ sends staff to allauth's sign-in, keeping where they were going.

    Wagtail's own login form would skip the second factor; allauth's checks the
    password (with lockout), then asks for a TOTP code when one is set up.
    """
    target = request.GET.get(REDIRECT_FIELD_NAME, "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        target = reverse("wagtailadmin_home")
    if request.user.is_authenticated:
        # Signed in already: allauth would send them straight back here (a loop).
        if request.user.has_perm("wagtailadmin.access_admin"):
            return redirect(target)
        raise PermissionDenied
    return redirect(f"{reverse('account_login')}?{urlencode({REDIRECT_FIELD_NAME: target})}")


def needs_second_factor(user):
    """Staff who can see personal data, when STAFF_MFA_REQUIRED is on."""
    if not (settings.STAFF_MFA_REQUIRED and user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name__in=PERSONAL_DATA_ROLES).exists()


class StaffMFAMiddleware:
    """With STAFF_MFA_REQUIRED, /admin/ is closed to personal-data staff until they set up TOTP.

    They are sent to allauth's authenticator-app setup with a message saying why;
    once it is set up, every sign-in asks for a code.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path.startswith("/admin/")
            and needs_second_factor(request.user)
            and not has_second_factor(request.user)
        ):
            messages.warning(
                request,
                _(
                    "Your account can see personal data: set up an authenticator app "
                    "as a second sign-in step before you use the admin."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
