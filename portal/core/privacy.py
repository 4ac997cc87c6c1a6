"""A person's rights under UU 27/2022 (access, copy, erasure), across every app.

Each feature app declares what it holds about a signed-in person in its own
`<app>/privacy.py`, as a `Part` registered here (from its AppConfig.ready), so
apps never import each other:

    @privacy.register
    class Volunteering(privacy.Part):
        key = "volunteering"
        label = _("Volunteering")
        order = 20
        holdings = [privacy.Holding(_("Your application"), _("To decide on it"), _("Until you delete your account"))]

        def export(self, user): ...        # JSON-ready dict, or None when nothing is held
        def erase(self, user): ...         # erase / anonymise / keep; returns what was kept and why

`export(user)` gathers every part; `erase(user)` runs every part, then deletes the
account, inside ONE transaction: an error in any part rolls everything back.
Whatever must happen only once the erasure stands (emails, seat hand-overs,
signing out) goes through `transaction.on_commit`, and never to the erased address.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

_parts = {}


@dataclass(frozen=True)
class Holding:
    """One line of the "My data" page: what is held, why, and for how long."""

    what: str
    why: str
    retention: str


@dataclass(frozen=True)
class Kept:
    """Something erasure keeps on purpose, and the reason (shown to the person and in the log)."""

    what: str
    reason: str


class Part:
    key = ""
    label = ""
    order = 50
    holdings = ()

    def export(self, user):
        return None

    def erase(self, user):
        """Erase or anonymise what this part holds; return a list of `Kept`."""
        return []


def register(part):
    """Add a part (a `Part` subclass or instance); a part with the same key replaces the old one."""
    instance = part() if isinstance(part, type) else part
    if not instance.key:
        raise ValueError("A privacy part needs a key.")
    _parts[instance.key] = instance
    return part


def unregister(key):
    _parts.pop(key, None)


def parts():
    return sorted(_parts.values(), key=lambda part: (part.order, part.key))


def _iso(value):
    return value.isoformat() if value else None


def export(user):
    """Everything held about `user`, part by part, as JSON-ready data."""
    data = {"exported_at": timezone.now().isoformat()}
    for part in parts():
        held = part.export(user)
        if held is not None:
            data[part.key] = held
    return data


def erase(user):
    """Erase `user` everywhere, all or nothing. Returns the list of what was kept, and why."""
    kept = []
    with transaction.atomic():
        for part in parts():
            kept.extend(part.erase(user) or [])
    return kept


@register
class Account(Part):
    """The sign-in account itself: deleted last, once every app has let go of it."""

    key = "account"
    label = _("Account")
    order = 1000
    holdings = [
        Holding(
            _("Your account: name, email addresses, password (hashed), when you joined and last signed in"),
            _("To sign you in and to write to you about what you asked for (UU 27/2022 art. 20(2)(b), contract)"),
            _("Until you delete your account"),
        ),
    ]

    def export(self, user):
        from allauth.account.models import EmailAddress

        return {
            "username": user.get_username(),
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user).order_by("pk")
            ],
        }

    def erase(self, user):
        # Email addresses, API tokens and the Wagtail profile go with the account (CASCADE).
        user.delete()
        return []


def scrub_log_labels(model, pks, label=None):
    """Wagtail's history keeps each object's name at the time of logging: replace it for erased objects."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import ModelLogEntry

    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    ModelLogEntry.objects.filter(content_type=content_type, object_id__in=[str(pk) for pk in pks]).update(
        label=str(label or _("(erased)"))
    )
