"""Alert emails to subscribers, sent by the task worker in batches.

Enqueue with `portal.core.notifications.notify_on_commit`. Each subscriber gets an
alert once, in their language, even if the alert is published again: the delivery
row is written in the same transaction as the batch is sent, and a batch whose
sending fails rolls back its rows, so the retry sends it again. Two runs at once
cannot both send: the second one's delivery rows break the unique constraint and
its batch rolls back before anything is sent.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from django_tasks import task

from education.models import AlertDelivery, AlertPage, AlertSubscription
from portal.core.links import absolute_url, page_url
from portal.core.notifications import notify_on_commit
from portal.core.routing import public

logger = logging.getLogger(__name__)


def _render(prefix, context, language):
    with translation.override(language):
        subject = " ".join(render_to_string(f"{prefix}_subject.txt", context).split())
        body = render_to_string(f"{prefix}_body.txt", context)
    return subject, body


def _link(name, subscription):
    """A subscription link in an email (no request: on the public site, PUBLIC_BASE_URL)."""
    with translation.override(subscription.language):
        return absolute_url(None, reverse(f"education:{name}", kwargs={"token": subscription.token}))


def _message(subscription, prefix, context):
    context = {
        **context,
        "manage_url": _link("subscription_manage", subscription),
        "unsubscribe_url": _link("subscription_unsubscribe", subscription),
    }
    subject, body = _render(prefix, context, subscription.language)
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


@task()
def email_subscription_link(subscription_id, kind):
    """The confirmation link of a new subscription, or the manage link of a confirmed one."""
    subscription = AlertSubscription.objects.filter(pk=subscription_id).first()
    if subscription is None:
        return 0
    confirm_url = _link("subscription_confirm", subscription)
    message = _message(subscription, f"education/email/subscription_{kind}", {"confirm_url": confirm_url})
    try:
        return message.send(fail_silently=False)
    except Exception:
        logger.exception("Subscription email (%s) for subscription %s failed", kind, subscription_id)
        raise


def recipients(alert):
    """Confirmed subscribers of the alert's areas (all of them when the alert names none)."""
    areas = list(alert.areas.values_list("kecamatan_id", flat=True))
    subscriptions = AlertSubscription.objects.filter(confirmed_at__isnull=False)
    if areas:
        subscriptions = subscriptions.filter(Q(whole_city=True) | Q(areas__in=areas))
    return subscriptions.exclude(deliveries__alert_key=alert.translation_key).distinct().order_by("pk")


@task()
def email_alert(translation_key):
    """Send a published, not yet expired alert to every subscriber who has not had it."""
    versions = {
        page.locale.language_code: page
        for page in public(AlertPage.objects.live()).filter(translation_key=translation_key).select_related("locale")
    }
    if not versions:
        return 0
    alert = versions.get(settings.LANGUAGE_CODE) or next(iter(versions.values()))
    if alert.expires <= timezone.now():
        return 0
    sent = 0
    batch_size = settings.ALERT_EMAIL_BATCH
    while True:
        with transaction.atomic():
            batch = list(recipients(alert)[:batch_size])
            if not batch:
                return sent
            AlertDelivery.objects.bulk_create(
                [AlertDelivery(subscription=s, alert_key=alert.translation_key) for s in batch]
            )
            messages = []
            for subscription in batch:
                version = versions.get(subscription.language, alert)
                url = page_url(None, version) or ""
                messages.append(_message(subscription, "education/email/alert", {"alert": version, "alert_url": url}))
            try:
                sent += get_connection(fail_silently=False).send_messages(messages) or 0
            except Exception:
                logger.exception("Alert %s: a batch of %s emails failed", translation_key, len(batch))
                raise


def alert_published(sender, instance, **kwargs):
    """Wagtail's page_published, for alerts: each publication (scheduled ones too) enqueues the sending."""
    notify_on_commit(email_alert, str(instance.translation_key))
