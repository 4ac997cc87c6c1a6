"""Log actions shared by every workflow, so state changes read well in History;
the sign-in lockouts screen where administrators unlock an account."""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.templatetags.static import static
from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from axes.models import AccessAttempt

from portal.core.audit import TIMESTAMP_ACTION, VIEWED_PERSONAL_ACTION
from portal.core.workflow import STATUS_ACTION


def _field(log_entry, name):
    model = log_entry.content_type.model_class()
    try:
        return model._meta.get_field(name)
    except (AttributeError, FieldDoesNotExist):
        return None


def _choice_label(log_entry, name, value):
    """The label of a stored choice in the reader's language; the raw value when the choice is gone."""
    field = _field(log_entry, name)
    choices = dict(field.flatchoices) if field is not None else {}
    return str(choices.get(value, value))


def _when(value):
    moment = parse_datetime(value or "")
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT") if moment else "–"


@hooks.register("register_log_actions")
def register_workflow_actions(actions):
    @actions.register_action(STATUS_ACTION)
    class StatusChanged(LogFormatter):
        label = _("Change status")

        def format_message(self, log_entry):
            data = log_entry.data
            name = data.get("field", "status")
            labels = {
                "from": _choice_label(log_entry, name, data.get("from", "")),
                "to": _choice_label(log_entry, name, data.get("to", "")),
            }
            if not data.get("from"):  # a new object's first status
                return _("Status set to “%(to)s”") % labels
            return _("Status changed from “%(from)s” to “%(to)s”") % labels

    @actions.register_action(TIMESTAMP_ACTION)
    class TimestampCorrected(LogFormatter):
        label = _("Correct a timestamp")

        def format_message(self, log_entry):
            data = log_entry.data
            field = _field(log_entry, data.get("field", ""))
            # The reason goes in the message: History shows comments only for models with revisions.
            return _("“%(field)s” corrected from %(old)s to %(new)s. Reason: %(reason)s") % {
                "field": field.verbose_name if field is not None else data.get("field", ""),
                "old": _when(data.get("old")),
                "new": _when(data.get("new")),
                "reason": data.get("reason", ""),
            }


@hooks.register("insert_global_admin_css")
def badge_css():
    """The design tokens and the meaning-coloured badges (portal/core/badges.py) on every admin page.

    The admin stylesheets of the apps (reporting.css, inspections.css) use the same tokens.
    """
    return format_html(
        '<link rel="stylesheet" href="{}"><link rel="stylesheet" href="{}">',
        static("css/tokens.css"),
        static("css/badges.css"),
    )


class LockoutPermissionPolicy(ModelPermissionPolicy):
    """Lockouts are looked at and deleted (unlocked), never added or edited.

    Superusers may do both; a group may be given "view" / "delete access attempt".
    """

    def user_has_permission(self, user, action):
        return action in ("view", "delete") and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) & {"view", "delete"})


register_permission_policy(AccessAttempt, LockoutPermissionPolicy(AccessAttempt))


class LockedColumn(Column):
    def get_value(self, instance):
        return _("Locked") if instance.failures_since_start >= settings.AXES_FAILURE_LIMIT else _("Counting")


class LockoutViewSet(ModelViewSet):
    """Settings → Sign-in lockouts: django-axes' failed-attempt rows; deleting one unlocks that account and address."""

    model = AccessAttempt
    icon = "lock"
    menu_label = _("Sign-in lockouts")
    add_to_settings_menu = True
    inspect_view_enabled = True
    inspect_view_fields = ["username", "ip_address", "failures_since_start", "attempt_time", "path_info", "user_agent"]
    list_display = [
        "username",
        "ip_address",
        Column("failures_since_start", label=_("Failed sign-ins")),
        LockedColumn("locked", label=_("State")),
        DateColumn("attempt_time", label=_("Last attempt")),
    ]
    list_filter = ["attempt_time"]
    search_fields = ["username", "ip_address"]
    search_backend_name = None
    ordering = ["-attempt_time"]
    # Never offered (the policy refuses add and change), but Wagtail builds the form class.
    form_fields = ["username"]


@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    return LockoutViewSet("lockouts")


@hooks.register("register_log_actions")
def register_personal_data_access(actions):
    @actions.register_action(VIEWED_PERSONAL_ACTION)
    class ViewedPersonalData(LogFormatter):
        label = _("Viewed personal data")

        def format_message(self, log_entry):
            return _("Opened the record with contact details")
