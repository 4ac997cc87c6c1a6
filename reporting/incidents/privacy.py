"""A citizen reporter's contact details: erased on request (tracking code plus a one-time
code) or automatically once the incident has been closed longer than
INCIDENT_CONTACT_RETENTION_DAYS. The incident itself (what, where, when, the timeline)
stays: it is the department's operational history."""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, get_random_string, salted_hmac
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


CODE_MINUTES = 15
MAX_ATTEMPTS = 5


def _cache_key(incident):
    return f"reporter-contact-code:{incident.pk}"


def _digest(incident, code):
    return salted_hmac("reporter-contact-code", f"{incident.pk}:{code}").hexdigest()


def send_code(incident, language):
    """Email a one-time code to the reporter's address (valid CODE_MINUTES, MAX_ATTEMPTS tries)."""
    code = get_random_string(6, allowed_chars="0123456789")
    cache.set(_cache_key(incident), {"digest": _digest(incident, code), "attempts": 0}, timeout=CODE_MINUTES * 60)
    with translation.override(language):
        subject = gettext("Your one-time code for report %(code)s") % {"code": incident.tracking_code}
        body = gettext(
            "Your one-time code is %(otp)s. It is valid for %(minutes)s minutes. "
            "With it you can see and erase the contact details you gave with report %(code)s. "
            "If you did not ask for it, ignore this email."
        ) % {"otp": code, "minutes": CODE_MINUTES, "code": incident.tracking_code}
    send_mail(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, None, [incident.reporter_email])


def check_code(request, incident, code):
    entry = cache.get(_cache_key(incident))
    if not entry or entry["attempts"] >= MAX_ATTEMPTS:
        return False
    if constant_time_compare(entry["digest"], _digest(incident, "".join(code.split()))):
        cache.delete(_cache_key(incident))
        request.session[_cache_key(incident)] = (timezone.now() + datetime.timedelta(minutes=CODE_MINUTES)).isoformat()
        return True
    entry["attempts"] += 1
    cache.set(_cache_key(incident), entry, timeout=CODE_MINUTES * 60)
    return False


def is_proven(request, incident):
    until = request.session.get(_cache_key(incident))
    return bool(until) and datetime.datetime.fromisoformat(until) > timezone.now()


def reason_by_reporter():
    with translation.override(settings.LANGUAGE_CODE):
        return gettext("Reporter's contact details erased at the reporter's request.")
