"""The alert-subscription part of a person's rights under UU 27/2022 (see portal/core/privacy.py).

A subscription is not tied to an account: it belongs to whoever holds the address.
A signed-in person sees, exports and erases the subscriptions of their account's
addresses here; anyone else does so through the link in every alert email.
"""

from django.utils.translation import gettext_lazy as _

from portal.core import privacy

from .models import AlertSubscription


def _addresses(user):
    emails = {user.email.lower()} if user.email else set()
    emails.update(address.lower() for address in user.emailaddress_set.values_list("email", flat=True))
    return emails


@privacy.register
class AlertSubscriptions(privacy.Part):
    key = "alert_subscriptions"
    label = _("Alerts by email")
    order = 60
    holdings = [
        privacy.Holding(
            _(
                "Your alert subscription: the email address, the kecamatan and language you chose, "
                "and when alerts were sent"
            ),
            _("To send you the alerts you asked for (UU 27/2022 art. 20(2)(a), consent)"),
            _("Until you unsubscribe; an unconfirmed subscription is deleted after 30 days"),
        ),
    ]

    def export(self, user):
        subscriptions = AlertSubscription.objects.filter(email__in=_addresses(user)).prefetch_related("areas")
        if not subscriptions:
            return None
        return {
            "alert_subscriptions": [
                {
                    "email": subscription.email,
                    "language": subscription.language,
                    "whole_city": subscription.whole_city,
                    "kecamatan": [area.code for area in subscription.areas.all()],
                    "subscribed_at": subscription.created_at.isoformat(),
                    "confirmed_at": subscription.confirmed_at.isoformat() if subscription.confirmed_at else None,
                }
                for subscription in subscriptions
            ]
        }

    def erase(self, user):
        AlertSubscription.objects.filter(email__in=_addresses(user)).delete()
        return []
