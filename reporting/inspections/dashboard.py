"""The Inspectors' home panel: today's visits and overdue requests, a fixed number of queries."""

import zoneinfo
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from wagtail.admin.ui.components import Component

from .models import InspectionRequest, Status, Visit

LIMIT = 10
# Waiting on the department: not yet visited although the applicant's preferred date has passed,
# or a scheduled visit whose time is over without an inspection recorded.
WAITING = (Status.SUBMITTED, Status.VERIFIED, Status.REINSPECTION)


def today_bounds(now=None):
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    day = timezone.localtime(now or timezone.now(), zone).date()
    start = datetime.combine(day, time.min, tzinfo=zone)
    return day, start, start + timedelta(days=1)


def inspector_figures(user, now=None):
    now = now or timezone.now()
    day, start, end = today_bounds(now)
    visits = list(
        Visit.objects.filter(starts_at__gte=start, starts_at__lt=end)
        .select_related("request", "request__kecamatan")
        .prefetch_related("inspectors")
        .order_by("starts_at")
    )
    overdue_query = Q(status__in=WAITING, preferred_date__lt=day) | Q(
        status=Status.SCHEDULED, visits__ends_at__lt=now, visits__inspected_at__isnull=True
    )
    overdue = InspectionRequest.objects.filter(
        pk__in=InspectionRequest.objects.filter(overdue_query).values("pk")
    ).select_related("kecamatan")
    return {
        "day": day,
        "visits": [{"visit": v, "mine": any(i.pk == user.pk for i in v.inspectors.all())} for v in visits],
        "overdue_count": overdue.count(),
        "overdue": list(overdue.order_by("preferred_date", "pk")[:LIMIT]),
    }


class InspectorPanel(Component):
    name = "inspections_today"
    order = 40
    template_name = "inspections/admin/home_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        return inspector_figures(self.user)
