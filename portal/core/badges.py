"""Badges coloured by meaning, one palette for every back-office screen.

A tone says what a value means to the person reading it, not which state it is:
`critical` (red: refused, not compliant, needs action now), `warning` (amber:
waiting for someone), `info` (blue: under way), `success` (green: done well,
compliant, approved), `neutral` (grey: closed without outcome). Each app maps
its choices to tones next to the choices (e.g. inspections' `STATUS_TONES`);
`BadgeColumn` shows a listing's value that way and the `badge` filter
(`{% load badges %}`) does the same in a template. Colours: css/badges.css,
loaded on every admin page by portal/core/wagtail_hooks.py.
"""

from wagtail.admin.ui.tables import Column

TONES = ("critical", "warning", "info", "success", "neutral")


def tone(tones, value):
    """The tone of `value` in the mapping `tones`; neutral when it has none."""
    found = tones.get(value, "neutral")
    if found not in TONES:
        raise ValueError(f"Unknown badge tone {found!r}")
    return found


class BadgeColumn(Column):
    """A choice field shown as its label on a badge of its tone."""

    cell_template_name = "core/badge_cell.html"

    def __init__(self, name, tones, **kwargs):
        super().__init__(name, **kwargs)
        self.tones = tones

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        value = getattr(instance, self.name)
        display = getattr(instance, f"get_{self.name}_display", None)
        context.update(label=display() if display else value, tone=tone(self.tones, value))
        return context
