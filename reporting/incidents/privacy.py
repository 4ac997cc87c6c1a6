"""A citizen reporter's contact details: erased on request (tracking code plus a one-time
code) or automatically once the incident has been closed longer than
INCIDENT_CONTACT_RETENTION_DAYS. The incident itself (what, where, when, the timeline)
stays: it is the department's operational history."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from .lifecycle import AUDIT
from .models import Incident
from .models.incident import CLOSED_STATUSES

CONTACT_FIELDS = ("reporter_name", "reporter_phone", "reporter_email")


def has_contact(incident):
    return any(getattr(incident, name) for name in CONTACT_FIELDS)


def erase_contact(incident, reason):
    """Blank the reporter's name, phone and email, and say so in the audit trail."""
    with transaction.atomic():
        Incident.objects.filter(pk=incident.pk).update(reporter_name="", reporter_phone="", reporter_email="")
        AUDIT.record(incident, "note", note=reason)
    for name in CONTACT_FIELDS:
        setattr(incident, name, "")
    return incident


def erase_expired_contacts(now=None):
    """Erase the contact details of incidents closed longer than the retention period; returns how many."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.INCIDENT_CONTACT_RETENTION_DAYS)
    expired = (
        Incident.objects.filter(status__in=CLOSED_STATUSES, closed_at__lt=cutoff)
        .exclude(reporter_name="", reporter_phone="", reporter_email="")
        .order_by("pk")
    )
    with translation.override(settings.LANGUAGE_CODE):
        reason = gettext("Reporter's contact details erased: retention period ended.")
    count = 0
    for incident in expired.iterator():
        erase_contact(incident, reason)
        count += 1
    return count
