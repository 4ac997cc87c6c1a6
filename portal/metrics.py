"""Prometheus metrics, for the monitoring network only (METRICS_ALLOWED_NETWORKS).

django-prometheus counts requests, responses and database calls in each
process; with PROMETHEUS_MULTIPROC_DIR set (several gunicorn workers and
servers on one host) the per-process files are merged here. The service figures
come from the database at scrape time, so every app server reports the same:
reports received, time from receipt to first dispatch, and the task queue depth.
"""

import ipaddress
import os
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Sum
from django.http import HttpResponse, HttpResponseForbidden
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest, multiprocess
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily

# Seconds from receipt to first dispatch; the SPM target (15 min) sits among them.
DISPATCH_BUCKETS = (30, 60, 120, 300, 600, 900, 1800, 3600)


class ServiceCollector:
    """Figures read from the database on each scrape."""

    def collect(self):
        incident = apps.get_model("reporting", "Incident")
        received = CounterMetricFamily(
            "portal_reports_received", "Incident reports received, by channel.", labels=["source"]
        )
        for row in incident.objects.values("source").annotate(n=Count("pk")).order_by("source"):
            received.add_metric([row["source"]], row["n"])
        yield received

        delay = ExpressionWrapper(F("dispatched_at") - F("received_at"), output_field=DurationField())
        dispatched = incident.objects.filter(dispatched_at__isnull=False).annotate(delay=delay)
        counts = dispatched.aggregate(
            total=Count("pk"),
            seconds=Sum("delay"),
            **{f"le_{s}": Count("pk", filter=Q(delay__lte=timedelta(seconds=s))) for s in DISPATCH_BUCKETS},
        )
        seconds = counts["seconds"].total_seconds() if counts["seconds"] else 0.0
        histogram = HistogramMetricFamily(
            "portal_incident_first_dispatch_seconds", "Time from receipt of a report to its first dispatch."
        )
        buckets = [(str(float(s)), counts[f"le_{s}"]) for s in DISPATCH_BUCKETS] + [("+Inf", counts["total"])]
        histogram.add_metric([], buckets, sum_value=seconds)
        yield histogram

        depth = GaugeMetricFamily("portal_task_queue_depth", "Tasks waiting for the worker.", labels=["queue"])
        task_result = apps.get_model("django_tasks_database", "DBTaskResult")
        waiting = task_result.objects.filter(status="READY").values("queue_name").annotate(n=Count("pk"))
        for row in waiting.order_by("queue_name"):
            depth.add_metric([row["queue_name"]], row["n"])
        yield depth


def _allowed(address):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    networks = getattr(settings, "METRICS_ALLOWED_NETWORKS", ["127.0.0.1/32", "::1/128"])
    return any(ip in ipaddress.ip_network(network, strict=False) for network in networks)


@never_cache
def metrics(request):
    # REMOTE_ADDR is the peer: the monitoring host, or nginx, which checks its own allow list.
    if not _allowed(request.META.get("REMOTE_ADDR", "")):
        return HttpResponseForbidden(_("Metrics are only available to the monitoring network."))
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    output = generate_latest(registry)
    service = CollectorRegistry()
    service.register(ServiceCollector())
    return HttpResponse(output + generate_latest(service), content_type=CONTENT_TYPE_LATEST)
