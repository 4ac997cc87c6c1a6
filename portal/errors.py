"""Error views. A database outage is a clean, retryable 503; under /api/ every error is JSON.

Django calls handler500 inside the `except` block of the failed request, so the
exception is still in sys.exc_info(). When the database is down or restarting
the right answer is "try again shortly", not a 500 page: the reporter's phone
retries with the same Idempotency-Key and nothing is stored twice.
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.defaults import bad_request as django_bad_request
from django.views.defaults import page_not_found as django_page_not_found
from django.views.defaults import permission_denied as django_permission_denied
from django.views.defaults import server_error as django_server_error


def server_error(request, template_name="500.html"):
    exc = sys.exc_info()[1]
    # A lost or refused connection (or a deadlock): retryable. A bad query is not.
    if isinstance(exc, OperationalError | InterfaceError):
        response = JsonResponse(
            {"detail": _("The service is briefly unavailable. Please try again in a moment.")},
            status=503,
        )
        response["Retry-After"] = str(getattr(settings, "DATABASE_RETRY_AFTER", 5))
        response["Cache-Control"] = "no-store"
        return response
    return django_server_error(request, template_name=template_name)


def _api_error(request, status, detail):
    """Under /api/ an error is JSON like every DRF answer, not the site's HTML page."""
    if request.path_info.startswith("/api/"):
        return JsonResponse({"detail": str(detail)}, status=status)
    return None


def bad_request(request, exception, template_name="400.html"):
    return _api_error(request, 400, _("Malformed request.")) or django_bad_request(
        request, exception, template_name=template_name
    )


def permission_denied(request, exception, template_name="403.html"):
    return _api_error(request, 403, _("You do not have permission to do this.")) or django_permission_denied(
        request, exception, template_name=template_name
    )


def page_not_found(request, exception, template_name="404.html"):
    return _api_error(request, 404, _("Not found.")) or django_page_not_found(
        request, exception, template_name=template_name
    )
