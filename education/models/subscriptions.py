"""Email subscriptions to alerts, by kecamatan or for the whole city.

A subscription holds the least a delivery needs: the address, the chosen areas and
the language. It is activated by a link sent to the address (double opt-in) and
managed through a secret token in every email, so no account is needed; deleting
it removes everything, the delivery records included.
"""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(24)


class AlertSubscription(models.Model):
    email = models.EmailField(_("email"), unique=True)
    language = models.CharField(_("language"), max_length=10, default="id")
    whole_city = models.BooleanField(_("the whole city"), default=False)
    areas = models.ManyToManyField("core.Kecamatan", blank=True, related_name="+", verbose_name=_("kecamatan"))
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("subscribed at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")

    def __str__(self):
        return str(_("Alert subscription #%(pk)s") % {"pk": self.pk})


class AlertDelivery(models.Model):
    """One alert sent to one subscriber: republishing an alert never sends it twice."""

    subscription = models.ForeignKey(AlertSubscription, on_delete=models.CASCADE, related_name="deliveries")
    # The alert in every language shares this key.
    alert_key = models.UUIDField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["alert_key", "subscription"], name="education_alert_delivered_once")
        ]

    def __str__(self):
        return f"{self.alert_key} → #{self.subscription_id}"
