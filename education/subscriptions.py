"""Alert subscriptions: subscribe, confirm by email, manage, export, unsubscribe.

Every answer to a subscription request is the same page ("check your email"),
whether the address was new, pending or already confirmed, so the form tells no
one who subscribes. Changes reach a confirmed subscription only through the link
sent to its address. Unsubscribing deletes the subscription; the one-click POST of
RFC 8058 (List-Unsubscribe-Post) needs no CSRF token because the secret token in
the URL is the proof.
"""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from portal.core import ratelimit
from portal.core.notifications import notify_on_commit
from portal.core.places import Kecamatan
from portal.core.text import TextFormMixin

from . import tasks
from .models import AlertSubscription

# An unconfirmed subscription is deleted after this many days.
PENDING_DAYS = 30


def purge_unconfirmed():
    cutoff = timezone.now() - timedelta(days=PENDING_DAYS)
    return AlertSubscription.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()


class AreasForm(TextFormMixin, forms.Form):
    whole_city = forms.BooleanField(label=_("Alerts for the whole city"), required=False)
    areas = forms.ModelMultipleChoiceField(
        label=_("Or only for these kecamatan"),
        queryset=Kecamatan.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    language = forms.ChoiceField(label=_("Language of the emails"), choices=settings.LANGUAGES)

    def clean(self):
        data = super().clean()
        if not data.get("whole_city") and not data.get("areas"):
            raise forms.ValidationError(_("Choose the whole city or at least one kecamatan."), code="no_area")
        return data


class SubscribeForm(AreasForm):
    email = forms.EmailField(label=_("Your email address"), max_length=254)

    field_order = ["email", "whole_city", "areas", "language"]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


def _apply(subscription, data):
    subscription.whole_city = data["whole_city"]
    subscription.language = data["language"]
    subscription.save()
    subscription.areas.set([] if data["whole_city"] else data["areas"])


def subscribe(request):
    language = translation.get_language()
    form = SubscribeForm(request.POST or None, initial={"language": language, "whole_city": True})
    if request.method == "POST":
        if not ratelimit.allow(request, scope="alert_subscribe"):
            return render(
                request, "education/subscriptions/subscribe.html", {"form": form, "rate_limited": True}, status=429
            )
        if form.is_valid():
            data = form.cleaned_data
            purge_unconfirmed()
            with transaction.atomic():
                subscription = AlertSubscription.objects.select_for_update().filter(email=data["email"]).first()
                if subscription is None or subscription.confirmed_at is None:
                    subscription = subscription or AlertSubscription(email=data["email"])
                    _apply(subscription, data)
                    notify_on_commit(tasks.email_subscription_link, subscription.pk, "confirm")
                else:
                    # Confirmed already: only the owner of the address may change it.
                    notify_on_commit(tasks.email_subscription_link, subscription.pk, "manage")
            return redirect("education:subscription_sent")
    status = 400 if form.is_bound else 200
    return render(request, "education/subscriptions/subscribe.html", {"form": form}, status=status)


def sent(request):
    return render(request, "education/subscriptions/sent.html")


def _subscription(token):
    subscription = AlertSubscription.objects.filter(token=token).first()
    if subscription is None:
        raise Http404(_("This subscription link is not valid any more."))
    return subscription


def confirm(request, token):
    purge_unconfirmed()
    subscription = _subscription(token)
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return redirect("education:subscription_manage", token=token)


def manage(request, token):
    subscription = _subscription(token)
    initial = {
        "whole_city": subscription.whole_city,
        "areas": list(subscription.areas.all()),
        "language": subscription.language,
    }
    form = AreasForm(request.POST or None, initial=initial)
    saved = False
    if request.method == "POST" and form.is_valid():
        _apply(subscription, form.cleaned_data)
        saved = True
    status = 400 if form.is_bound and not form.is_valid() else 200
    context = {"subscription": subscription, "form": form, "saved": saved}
    return render(request, "education/subscriptions/manage.html", context, status=status)


def export(request, token):
    subscription = _subscription(token)
    body = {
        "email": subscription.email,
        "language": subscription.language,
        "whole_city": subscription.whole_city,
        "kecamatan": [{"code": area.code, "name": area.name} for area in subscription.areas.all()],
        "subscribed_at": subscription.created_at.isoformat(),
        "confirmed_at": subscription.confirmed_at.isoformat() if subscription.confirmed_at else None,
        "alerts_sent": list(subscription.deliveries.order_by("sent_at").values_list("sent_at", flat=True)),
    }
    body["alerts_sent"] = [moment.isoformat() for moment in body["alerts_sent"]]
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="damkar-alert-subscription.json"'
    return response


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    if request.method == "GET":
        _subscription(token)
        return render(request, "education/subscriptions/unsubscribe.html", {"token": token})
    AlertSubscription.objects.filter(token=token).delete()
    return render(request, "education/subscriptions/unsubscribed.html")
