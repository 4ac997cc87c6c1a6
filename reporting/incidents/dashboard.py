"""Response-time figures and the Wagtail dashboard panel that shows them.

Two queries whatever the number of incidents: open incidents counted by status,
and the arrival times of the last 30 days, summarised in Python per kecamatan.
"""

import zoneinfo
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component

from portal.core.stats import percentiles
from reporting.incidents.models import OPEN_STATUSES, Incident, Status


def percentile(values, fraction):
    """Linear-interpolated percentile of sorted `values` (fraction 0..1); None when empty."""
    if not values:
        return None
    position = (len(values) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (position - low)


def summarise(minutes, target):
    minutes = sorted(minutes)
    count = len(minutes)
    within = sum(1 for m in minutes if m <= target)
    return {
        "count": count,
        "within": within,
        "share": (within / count * 100) if count else None,
        "median": percentile(minutes, 0.5),
        "p90": percentile(minutes, 0.9),
        "mean": (sum(minutes) / count) if count else None,
    }


def response_stats(days=30, now=None):
    """Share within target, median and p90 (minutes), overall and per kecamatan, for arrivals in `days`."""
    now = now or timezone.now()
    target = settings.RESPONSE_TARGET_MINUTES
    rows = (
        Incident.objects.filter(received_at__gte=now - timedelta(days=days), on_scene_at__isnull=False)
        .exclude(status=Status.DUPLICATE)
        .values_list("kecamatan__name", "received_at", "on_scene_at")
    )
    per_area = {}
    everything = []
    for area, received, arrived in rows:
        minutes = (arrived - received).total_seconds() / 60
        per_area.setdefault(area or str(_("Unknown")), []).append(minutes)
        everything.append(minutes)
    return {
        "days": days,
        "target": target,
        "total": summarise(everything, target),
        "areas": [{"name": name, **summarise(values, target)} for name, values in sorted(per_area.items())],
    }


def open_by_status():
    counts = dict(Incident.objects.open().values_list("status").annotate(n=Count("id")).order_by())
    return [{"status": s, "label": Status(s).label, "count": counts.get(s, 0)} for s in OPEN_STATUSES]


class ResponseTimePanel(Component):
    name = "reporting_response_time"
    order = 50
    template_name = "incidents/admin/dashboard_panel.html"

    class Media:
        css = {"all": ["css/reporting.css"]}

    def get_context_data(self, parent_context):
        return {"open": open_by_status(), "stats": response_stats()}


# The Department head's dashboard: everything below is computed by the database
# (aggregates; percentiles through portal.core.stats) and kept for a minute in the
# shared cache, so its cost does not grow with the number of incidents.

CACHE_SECONDS = 60
TREND_MONTHS = 12
RESPONSE = ExpressionWrapper(F("on_scene_at") - F("received_at"), output_field=DurationField())
STEPS = (
    ("processing", _("Receipt to dispatch"), "dispatched_at", "received_at"),
    ("turnout", _("Dispatch to departure"), "en_route_at", "dispatched_at"),
    ("travel", _("Departure to arrival"), "on_scene_at", "en_route_at"),
    ("work", _("Arrival to finish"), "finished_at", "on_scene_at"),
)


def _minutes(value):
    return None if value is None else value.total_seconds() / 60


def department_zone():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def month_start(now=None, months_back=0):
    """Midnight on the first of the month in the department's time zone."""
    local = timezone.localtime(now or timezone.now(), department_zone())
    year, month = local.year, local.month - months_back
    while month < 1:
        year, month = year - 1, month + 12
    return local.replace(year=year, month=month, day=1, hour=0, minute=0, second=0, microsecond=0)


def _arrivals(since):
    return Incident.objects.filter(received_at__gte=since, on_scene_at__isnull=False).exclude(status=Status.DUPLICATE)


def head_figures(now=None):
    """This month's figures for the Department head, computed by the database; cached for a minute."""
    now = now or timezone.now()
    start = month_start(now)
    key = f"dashboard:head:{start:%Y-%m}:{settings.RESPONSE_TARGET_MINUTES}"
    return cache.get_or_set(key, lambda: _head_figures(now, start), CACHE_SECONDS)


def _head_figures(now, start):
    target = settings.RESPONSE_TARGET_MINUTES
    within = Count("id", filter=Q(on_scene_at__lte=F("received_at") + timedelta(minutes=target)))
    month = _arrivals(start)
    # 1: the month as a whole, with the mean of each workflow step.
    steps = {
        name: Avg(ExpressionWrapper(F(end) - F(begin), output_field=DurationField())) for name, _l, end, begin in STEPS
    }
    whole = (
        Incident.objects.filter(received_at__gte=start)
        .exclude(status=Status.DUPLICATE)
        .aggregate(
            reports=Count("id"),
            arrivals=Count("id", filter=Q(on_scene_at__isnull=False)),
            within=within,
            **steps,
        )
    )
    # 2 and 3: percentiles for the city, then per kecamatan.
    city = percentiles(month, RESPONSE, (0.5, 0.9)).get(None, {})
    by_area = percentiles(month, RESPONSE, (0.5, 0.9), group_by="kecamatan__name")
    # 4: arrivals and share within target per kecamatan.
    counts = {
        row["kecamatan__name"]: row
        for row in month.order_by().values("kecamatan__name").annotate(count=Count("id"), within=within)
    }
    areas = [
        {
            "name": name,
            "count": counts[name]["count"],
            "share": counts[name]["within"] / counts[name]["count"] * 100,
            "p50": _minutes(by_area.get(name, {}).get(0.5)),
            "p90": _minutes(by_area.get(name, {}).get(0.9)),
        }
        for name in sorted(counts, key=lambda n: (n is None, n or ""))
    ]
    # 5: the trend, month by month in the department's time zone.
    trend_rows = (
        _arrivals(month_start(now, TREND_MONTHS - 1))
        .annotate(month=TruncMonth("received_at", tzinfo=department_zone()))
        .order_by()
        .values("month")
        .annotate(count=Count("id"), within=within, mean=Avg(RESPONSE))
        .order_by("month")
    )
    trend = [
        {
            "month": row["month"],
            "count": row["count"],
            "share": row["within"] / row["count"] * 100,
            "mean": _minutes(row["mean"]),
        }
        for row in trend_rows
    ]
    # 6: reports by category this month.
    categories = list(
        Incident.objects.filter(received_at__gte=start)
        .exclude(status=Status.DUPLICATE)
        .order_by()
        .values("category__name")
        .annotate(count=Count("id"))
        .order_by("-count", "category__name")
    )
    arrivals = whole["arrivals"]
    return {
        "start": start,
        "target": target,
        "reports": whole["reports"],
        "arrivals": arrivals,
        "within": whole["within"],
        "share": whole["within"] / arrivals * 100 if arrivals else None,
        "p50": _minutes(city.get(0.5)),
        "p90": _minutes(city.get(0.9)),
        "areas": areas,
        "trend": trend,
        "steps": [{"name": name, "label": label, "mean": _minutes(whole[name])} for name, label, _e, _b in STEPS],
        "categories": [{"name": row["category__name"], "count": row["count"]} for row in categories],
    }


def bars(rows, value, label, limit=None, marker=None):
    """Rows for a horizontal SVG bar chart: each with y, width (0..100) and its text."""
    values = [row[value] for row in rows if row[value] is not None]
    scale = max([*values, marker or 0, 1e-9])
    height = 8
    return {
        "height": max(len(rows), 1) * height,
        "row_height": height - 2,
        "marker": None if marker is None else marker / scale * 100,
        "rows": [
            {
                "y": index * height,
                "width": 0 if row[value] is None else row[value] / scale * 100,
                "label": row[label],
                "value": row[value],
            }
            for index, row in enumerate(rows)
        ],
    }


def line(rows, value, top=100):
    """Points (x, y in a 100 x 40 box) for an SVG line chart of `value`."""
    count = len(rows)
    points = []
    for index, row in enumerate(rows):
        x = 50 if count == 1 else index / (count - 1) * 100
        y = 40 - (row[value] or 0) / top * 40
        points.append(f"{x:.1f},{y:.1f}")
    return " ".join(points)


class DepartmentHeadPanel(Component):
    name = "reporting_department_head"
    order = 40
    template_name = "incidents/admin/head_panel.html"

    class Media:
        css = {"all": ["css/reporting.css"]}

    def get_context_data(self, parent_context):
        figures = head_figures()
        return {
            "figures": figures,
            "area_chart": bars(figures["areas"], "p90", "name", marker=figures["target"]),
            "step_chart": bars(figures["steps"], "mean", "label"),
            "category_chart": bars(figures["categories"], "count", "name"),
            "trend_points": line(figures["trend"], "share"),
        }


def standard_report(start, end, kecamatan=None, category=None):
    """The monthly minimum-service-standard report: arrivals, share within target, p50/p90,
    overall, per kecamatan and per category, for reports received in [start, end)."""
    target = settings.RESPONSE_TARGET_MINUTES
    within = Count("id", filter=Q(on_scene_at__lte=F("received_at") + timedelta(minutes=target)))
    reports = Incident.objects.filter(received_at__gte=start, received_at__lt=end).exclude(status=Status.DUPLICATE)
    if kecamatan is not None:
        reports = reports.filter(kecamatan=kecamatan)
    if category is not None:
        reports = reports.filter(Q(category=category) | Q(category__parent=category))
    arrivals = reports.filter(on_scene_at__isnull=False)
    whole = reports.aggregate(reports=Count("id"), arrivals=Count("id", filter=Q(on_scene_at__isnull=False)))
    city = percentiles(arrivals, RESPONSE, (0.5, 0.9)).get(None, {})
    within_total = arrivals.aggregate(n=within)["n"]

    def rows(field):
        spread = percentiles(arrivals, RESPONSE, (0.5, 0.9), group_by=field)
        counts = (
            reports.order_by()
            .values(field)
            .annotate(reports=Count("id"), arrivals=Count("id", filter=Q(on_scene_at__isnull=False)), within=within)
        )
        return [
            {
                "name": row[field],
                "reports": row["reports"],
                "arrivals": row["arrivals"],
                "share": row["within"] / row["arrivals"] * 100 if row["arrivals"] else None,
                "p50": _minutes(spread.get(row[field], {}).get(0.5)),
                "p90": _minutes(spread.get(row[field], {}).get(0.9)),
            }
            for row in sorted(counts, key=lambda r: (r[field] is None, r[field] or ""))
        ]

    return {
        "target": target,
        "reports": whole["reports"],
        "arrivals": whole["arrivals"],
        "within": within_total,
        "share": within_total / whole["arrivals"] * 100 if whole["arrivals"] else None,
        "p50": _minutes(city.get(0.5)),
        "p90": _minutes(city.get(0.9)),
        "areas": rows("kecamatan__name"),
        "categories": rows("category__name"),
    }
