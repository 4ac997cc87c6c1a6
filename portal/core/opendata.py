"""Open data: the figures the department publishes, as a page and as CSV and JSON.

Each app declares its datasets in its own `opendata.py` (found by
`autodiscover_modules`, like Django's admin), so this module knows no feature app.
What is published is decided here, once, for every dataset:

- a cell that counts people or incidents is left empty when it is below
  `MIN_CELL` (1 or 2 could point at a person), and a row with no count left is
  dropped;
- only aggregates leave the database; a dataset has no column for names,
  contacts, addresses or coordinates;
- figures are cached per language for the day (the cache key carries the
  date), so every page view costs a cache read.

Areas are given by their Kemendagri codes, as Satu Data Indonesia asks.
"""

import csv
import json
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.cache import cache
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone, translation
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from portal.core.exports import neutralise

# Counts below this are not published (Badan Pusat Statistik's usual small-cell rule).
MIN_CELL = 3
# Months shown, the current one included.
MONTHS = 12

KINDS = {
    "month": _("Format: YYYY-MM, in the department's time zone (WIB)"),
    "code": _("Format: code"),
    "text": _("Format: text"),
    "count": _("Format: whole number; empty when below 3"),
    "number": _("Format: number"),
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    label: str
    description: str


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    columns: tuple
    # rows(since) -> iterable of dicts keyed by column name; `since` is the first month's start.
    rows: object
    # The column drawn as bars (one bar per month, summed), if any.
    chart: str = ""
    source: str = field(default="")

    def count_columns(self):
        return [c.name for c in self.columns if c.kind == "count"]


_registry = {}
_discovered = False


def register(dataset):
    _registry[dataset.slug] = dataset
    return dataset


def datasets():
    global _discovered
    if not _discovered:
        autodiscover_modules("opendata")
        _discovered = True
    return list(_registry.values())


def get(slug):
    datasets()
    try:
        return _registry[slug]
    except KeyError:
        raise Http404 from None


def first_month(today=None):
    """The first day of the oldest month published."""
    today = today or timezone.localdate()
    year, month = today.year, today.month - (MONTHS - 1)
    while month < 1:
        year, month = year - 1, month + 12
    return today.replace(year=year, month=month, day=1)


def suppress(dataset, rows):
    """Empty every count below MIN_CELL; drop rows that have no count left."""
    counts = dataset.count_columns()
    kept = []
    for row in rows:
        row = dict(row)
        for name in counts:
            if row.get(name) is not None and 0 < row[name] < MIN_CELL:
                row[name] = None
        if counts and all(row.get(name) is None for name in counts):
            continue
        kept.append(row)
    return kept


def table(dataset):
    """The published rows of `dataset` in the active language, cached for the day."""
    today = timezone.localdate()
    key = f"opendata:{dataset.slug}:{translation.get_language()}:{today.isoformat()}"
    rows = cache.get(key)
    if rows is None:
        start = timezone.make_aware(timezone.datetime.combine(first_month(today), timezone.datetime.min.time()))
        rows = suppress(dataset, dataset.rows(start))
        cache.set(key, rows, timeout=int(timedelta(days=1).total_seconds()))
    return rows


def dictionary(dataset):
    return [
        {"name": c.name, "type": c.kind, "label": str(c.label), "description": f"{c.description} {KINDS[c.kind]}."}
        for c in dataset.columns
    ]


def chart(dataset, rows):
    """Bars per month for the dataset's chart column, as geometry for an inline SVG."""
    if not dataset.chart:
        return None
    totals = {}
    for row in rows:
        if row.get(dataset.chart) is not None:
            totals[row["month"]] = totals.get(row["month"], 0) + row[dataset.chart]
    if not totals:
        return None
    months = sorted(totals)
    top = max(totals.values())
    # A fixed drawing width: a month or a year of bars makes a chart of the same size.
    width, height = 480, 120
    slot = width / max(len(months), 6)
    bars = []
    for index, month in enumerate(months):
        bar_height = round(totals[month] / top * height, 1)
        x = round(index * slot + slot * 0.15, 1)
        bar_width = round(slot * 0.7, 1)
        bars.append(
            {
                "month": month,
                "value": totals[month],
                "x": x,
                "cx": round(x + bar_width / 2, 1),
                "y": round(height - bar_height, 1),
                "height": bar_height,
                "width": bar_width,
            }
        )
    return {"bars": bars, "width": width, "height": height, "column": dataset.chart}


@require_GET
def page(request):
    sections = []
    for dataset in datasets():
        rows = table(dataset)
        cells = [[row.get(c.name) for c in dataset.columns] for row in rows]
        sections.append({"dataset": dataset, "rows": cells, "chart": chart(dataset, rows)})
    return render(request, "opendata/page.html", {"sections": sections, "min_cell": MIN_CELL, "months": MONTHS})


@require_GET
def download(request, slug, fmt):
    dataset = get(slug)
    rows = table(dataset)
    names = [c.name for c in dataset.columns]
    filename = f"damkar-{dataset.slug}-{translation.get_language()}.{fmt}"
    if fmt == "json":
        body = {
            "dataset": dataset.slug,
            "title": str(dataset.title),
            "description": str(dataset.description),
            "generated": timezone.localdate().isoformat(),
            "small_cells": str(_("Counts below %(n)s are left empty.") % {"n": MIN_CELL}),
            "columns": dictionary(dataset),
            "rows": [{name: row.get(name) for name in names} for row in rows],
        }
        response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        writer = csv.writer(response)
        writer.writerow(names)
        for row in rows:
            writer.writerow([neutralise("" if row.get(name) is None else row[name]) for name in names])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def data_dictionary(request):
    body = {
        dataset.slug: {
            "title": str(dataset.title),
            "description": str(dataset.description),
            "columns": dictionary(dataset),
        }
        for dataset in datasets()
    }
    return HttpResponse(json.dumps(body, ensure_ascii=False, indent=2), content_type="application/json")


app_name = "opendata"
urlpatterns = [
    path("", page, name="page"),
    path("dictionary.json", data_dictionary, name="dictionary"),
    path("<slug:slug>.csv", download, {"fmt": "csv"}, name="csv"),
    path("<slug:slug>.json", download, {"fmt": "json"}, name="json"),
]
