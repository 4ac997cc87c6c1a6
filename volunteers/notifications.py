"""Tell people what happened, after the change is committed, without ever undoing it.

Emails go out as background tasks enqueued on commit. If the queue or the mail
server fails, the failure is logged and the registration or decision stands.
"""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def _enqueue_on_commit(task, *args):
    def enqueue():
        try:
            task.enqueue(*args)
        except Exception:
            logger.exception("Could not enqueue %s%r; the change itself is saved.", task.name, args)

    transaction.on_commit(enqueue)


def application_decided(profile):
    from volunteers.tasks import send_application_status

    _enqueue_on_commit(send_application_status, profile.pk)


def registration_changed(registration, event):
    """`event`: confirmed, waitlisted, promoted or cancelled."""
    from volunteers.tasks import send_registration_update

    _enqueue_on_commit(send_registration_update, registration.pk, str(event))
