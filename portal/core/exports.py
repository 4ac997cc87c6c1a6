"""Spreadsheet exports that a spreadsheet cannot run: formula-leading CSV cells neutralised.

Wagtail's XLSX export already stores formulas as text; its CSV export writes
cells as given, so a reporter's address "=HYPERLINK(...)" would open as a live
formula on a staff member's machine. Following OWASP's advice, a text cell that
starts with =, +, -, @, TAB or CR gets a leading apostrophe, unless it is a plain
signed number ("-1.61"), which no spreadsheet runs.

The same mixin streams CSV rows from the database in chunks (the header goes
out before any row is read, and no export holds every row in memory) and writes
date-times in the department's time zone (settings.TIME_ZONE, WIB: "+07:00")
in CSV and XLSX alike, as staff read them on the wall clock.

Use `SafeExportViewSetMixin` first in the bases of every Wagtail viewset that
has `list_export`; `neutralise()` serves any other CSV writer.
"""

import datetime
import re
import zoneinfo

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
CHUNK_SIZE = 2000


def department_time(value):
    """An aware date-time in the department's time zone (naive ones are left alone)."""
    if timezone.is_naive(value):
        return value
    return timezone.localtime(value, zoneinfo.ZoneInfo(settings.TIME_ZONE))


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


class SafeCSVExportMixin:
    """For a view using Wagtail's SpreadsheetExportMixin."""

    def preprocess_field_value(self, field, value, export_format):
        if isinstance(value, datetime.datetime) and field not in self.custom_field_preprocess:
            local = department_time(value)
            # XLSX cells cannot hold a zone: the wall-clock time in the department's zone.
            return local.replace(tzinfo=None) if export_format == self.FORMAT_XLSX else local.isoformat(sep=" ")
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralise(value)
        return value

    def get_heading(self, queryset, field):
        return neutralise(super().get_heading(queryset, field))

    def get_context_data(self, **kwargs):
        """An export needs only the filtered, searched, ordered rows: Wagtail's listing context
        would count them with len(), loading every row into memory before the first byte is sent."""
        if getattr(self, "is_export", False):
            return {"object_list": self.object_list}
        return super().get_context_data(**kwargs)

    def stream_csv(self, queryset):
        """Wagtail's CSV stream, reading the rows in chunks rather than all at once."""
        if isinstance(queryset, QuerySet):
            queryset = ChunkedQuerySet(queryset)
        return super().stream_csv(queryset)


class ChunkedQuerySet:
    """Iterates a queryset with `.iterator(chunk_size)`; everything else goes to the queryset."""

    def __init__(self, queryset):
        self.queryset = queryset

    def __iter__(self):
        # Inside a transaction PostgreSQL's server-side cursor is declared without WITH HOLD;
        # in autocommit it is WITH HOLD, which materialises every row before the first is sent
        # (2 s at 100,000 incidents, growing with the table). The read-only transaction lasts
        # as long as the download.
        with transaction.atomic(using=self.queryset.db):
            yield from self.queryset.iterator(chunk_size=CHUNK_SIZE)

    def __getattr__(self, name):
        return getattr(self.queryset, name)


class SafeExportViewSetMixin:
    """For a Wagtail viewset: its index view (where exports are served) neutralises CSV cells."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        base = self.index_view_class
        if not issubclass(base, SafeCSVExportMixin):
            self.index_view_class = type(f"Safe{base.__name__}", (SafeCSVExportMixin, base), {})
