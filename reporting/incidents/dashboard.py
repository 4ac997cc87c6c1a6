"""Response-time figures and the Wagtail dashboard panel that shows them.

Two queries whatever the number of incidents: open incidents counted by status,
and the arrival times of the last 30 days, summarised in Python per kecamatan.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component

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
