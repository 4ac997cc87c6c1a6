"""Spreadsheet exports that a spreadsheet cannot run: formula-leading CSV cells neutralised.

Wagtail's XLSX export already stores formulas as text; its CSV export writes
cells as given, so a reporter's address "=HYPERLINK(...)" would open as a live
formula on a staff member's machine. Following OWASP's advice, a text cell that
starts with =, +, -, @, TAB or CR gets a leading apostrophe, unless it is a plain
signed number ("-1.61"), which no spreadsheet runs.

Use `SafeExportViewSetMixin` first in the bases of every Wagtail viewset that
has `list_export`; `neutralise()` serves any other CSV writer.
"""

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


class SafeCSVExportMixin:
    """For a view using Wagtail's SpreadsheetExportMixin."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralise(value)
        return value

    def get_heading(self, queryset, field):
        return neutralise(super().get_heading(queryset, field))


class SafeExportViewSetMixin:
    """For a Wagtail viewset: its index view (where exports are served) neutralises CSV cells."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        base = self.index_view_class
        if not issubclass(base, SafeCSVExportMixin):
            self.index_view_class = type(f"Safe{base.__name__}", (SafeCSVExportMixin, base), {})
