"""Enqueue background work after the record is safely committed.

The pattern every form and API view here follows (inspections too):

    with transaction.atomic():
        obj = form.save()
    notify_on_commit(tasks.email_dispatch_new_incident, obj.pk)

`notify_on_commit` defers the enqueue to `transaction.on_commit`, so a task
never sees an uncommitted row, and swallows (and logs) any failure to enqueue:
a broken queue or mail server can never lose or roll back what a citizen sent.
The tasks themselves log and re-raise send failures, so the task result shows
FAILED in the queue and an operator can see it.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def _enqueue(task, args, kwargs):
    try:
        task.enqueue(*args, **kwargs)
    except Exception:
        logger.exception("Could not enqueue %s%r; the record is saved", task.name, args)


def notify_on_commit(task, *args, **kwargs):
    """Enqueue `task(*args, **kwargs)` once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: _enqueue(task, args, kwargs))


def group_emails(group_name):
    """Active members' addresses of a group (e.g. "Dispatchers")."""
    users = get_user_model().objects.filter(groups__name=group_name, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def send_templated(template_prefix, context, to, language=None):
    """Send `<prefix>_subject.txt` / `<prefix>_body.txt` rendered in `language`; raises on failure."""
    if not to:
        return 0
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        body = render_to_string(f"{template_prefix}_body.txt", context)
    message = EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=list(to))
    return message.send(fail_silently=False)
