import json
import logging

from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from home.forms import DeleteAccountForm
from portal.core import privacy

logger = logging.getLogger(__name__)


@login_required
def account_overview(request):
    """The signed-in person's starting point: their account and what they follow."""
    return render(request, "home/account_overview.html")


def _private(response):
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def my_data(request):
    """What the department holds about me, why and for how long, with a readable copy of it."""
    data = privacy.export(request.user)
    sections = [
        {"part": part, "data": data.get(part.key)}
        for part in privacy.parts()
        if part.key == "account" or data.get(part.key) is not None
    ]
    return _private(
        render(
            request,
            "home/my_data.html",
            {"sections": sections, "parts": privacy.parts(), "exported_at": data["exported_at"]},
        )
    )


@login_required
def my_data_json(request):
    data = privacy.export(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return _private(response)


@login_required
def delete_account(request):
    """Erase the account and everything every app holds, in one transaction; sign out after it commits."""
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = get_user_model().objects.get(pk=request.user.pk)
        try:
            with transaction.atomic():
                kept = privacy.erase(user)
                transaction.on_commit(lambda: logout(request))
        except Exception:
            # All or nothing: the transaction rolled back, so the person keeps their account as it was.
            logger.exception("Erasure of account %s failed and was rolled back", user.pk)
            messages.error(
                request, _("Your account could not be deleted; nothing was changed. Please try again later.")
            )
            return redirect("account_data")
        messages.success(request, _("Your account has been deleted and your personal data erased."))
        for item in kept:
            messages.info(request, _("Kept: %(what)s. Why: %(reason)s.") % {"what": item.what, "reason": item.reason})
        return redirect(f"/{get_language()}/")
    return _private(render(request, "home/delete_account.html", {"form": form, "parts": privacy.parts()}))
