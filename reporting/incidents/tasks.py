"""Background tasks (django-tasks). Enqueue them with
`portal.core.notifications.notify_on_commit`, never directly inside a transaction.

A send failure is logged and re-raised so the queue records the task as failed;
the incident itself was committed before the task was even enqueued.
"""

import logging

from django.conf import settings
from django.urls import reverse

from django_tasks import task

from portal.core.notifications import group_emails, send_templated

logger = logging.getLogger(__name__)

DISPATCH_GROUP = "Dispatchers"


def _admin_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@task()
def email_dispatch_new_incident(incident_id):
    """Tell the dispatch group that a report came in."""
    from reporting.incidents.models import Incident

    incident = Incident.objects.select_related("category", "kecamatan", "kelurahan").filter(pk=incident_id).first()
    if incident is None:
        return 0
    recipients = group_emails(DISPATCH_GROUP)
    context = {
        "incident": incident,
        "admin_url": _admin_url(reverse("reporting_incident:inspect", args=[incident.pk])),
    }
    try:
        return send_templated("incidents/email/new_incident", context, recipients)
    except Exception:
        logger.exception("Email to dispatchers about incident %s failed", incident.tracking_code)
        raise


@task()
def email_reporter_status(incident_id, event_id):
    """Tell a reporter who gave an email that the status changed (public note only)."""
    from reporting.incidents.models import Incident, IncidentEvent

    incident = Incident.objects.select_related("category").filter(pk=incident_id).first()
    event = IncidentEvent.objects.filter(pk=event_id, incident_id=incident_id).first()
    if incident is None or event is None or not incident.reporter_email:
        return 0
    tracking_path = reverse("reporting:track_code", kwargs={"code": incident.tracking_code})
    context = {
        "incident": incident,
        "event": event,
        "status_label": incident.get_status_display(),
        "tracking_url": _admin_url(tracking_path),
    }
    try:
        return send_templated("incidents/email/status_changed", context, [incident.reporter_email])
    except Exception:
        logger.exception("Email to the reporter of %s failed", incident.tracking_code)
        raise
