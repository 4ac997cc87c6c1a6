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

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from axes.helpers import get_cool_off
from rest_framework.authtoken.views import ObtainAuthToken

# The keys an entry point may name the account by: Django's and DRF's forms
# say "username", allauth's authenticate() receives "email" (or "username").
_ACCOUNT_FIELDS = ("username", "email", "login")


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


class TokenView(ObtainAuthToken):
    """DRF's token endpoint, handing django-axes the request it watches.

    DRF's serializer passes its own `Request` wrapper to `authenticate()`;
    axes marks a lockout on the object it is given, and its middleware looks
    at Django's request. Passing Django's request lets the middleware answer
    a locked-out client with the translated 429.
    """

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "request": self.request._request}
