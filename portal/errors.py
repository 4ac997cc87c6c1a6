"""The server-error view: a database outage is a clean, retryable 503.

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
