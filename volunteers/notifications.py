"""Tell people what happened, after the change is committed, without ever undoing it.

Emails go out as background tasks enqueued on commit (`portal.core.notifications`).
If the queue or the mail server fails, the failure is logged and the
registration or decision stands.
"""

from portal.core.notifications import notify_on_commit


def application_decided(profile):
    from volunteers.tasks import send_application_status

    notify_on_commit(send_application_status, profile.pk)


def registration_changed(registration, event):
    """`event`: confirmed, waitlisted, promoted or cancelled."""
    from volunteers.tasks import send_registration_update

    notify_on_commit(send_registration_update, registration.pk, str(event))
