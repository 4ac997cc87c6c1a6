"""Background tasks (django-tasks): emails to applicants.

Enqueued with `portal.core.notifications.notify_on_commit` after the step is
committed; a send failure is logged and re-raised so the queue shows it, and
never touches the request itself.
"""

import logging

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from django_tasks import task

from portal.core.notifications import send_templated

logger = logging.getLogger(__name__)


@task()
def email_applicant(event_id):
    """Email the applicant about one step of their request, in the language they used."""
    from .models import InspectionEvent

    event = InspectionEvent.objects.select_related("request", "request__applicant").filter(pk=event_id).first()
    if event is None or event.request.applicant is None or not event.request.applicant.email:
        return 0
    inspection = event.request
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    language = inspection.language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "inspection": inspection,
            "event": event,
            "visit": inspection.current_visit,
            "url": base + reverse("inspections:detail", args=[inspection.pk]),
            "verify_url": base + reverse("inspections:verify"),
        }
    try:
        return send_templated("inspections/emails/event", context, [inspection.applicant.email], language=language)
    except Exception:
        logger.exception("Email to the applicant of %s (event %s) failed", inspection.reference, event_id)
        raise
