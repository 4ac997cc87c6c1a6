"""Log actions shared by every workflow, so state changes read well in History."""

from django.core.exceptions import FieldDoesNotExist
from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.log_actions import LogFormatter

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


@hooks.register("register_log_actions")
def register_personal_data_access(actions):
    @actions.register_action(VIEWED_PERSONAL_ACTION)
    class ViewedPersonalData(LogFormatter):
        label = _("Viewed personal data")

        def format_message(self, log_entry):
            return _("Opened the record with contact details")
