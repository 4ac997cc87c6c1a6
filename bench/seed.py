"""Seed large data for the benchmark: N incidents (bulk) and K times the articles.

    python bench/seed.py --incidents 10000 --scale 3

Runs with dev settings on the benchmark's database, after seed_demo.
"""

import argparse
import os
import random
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from portal.core.codes import new_code  # noqa: E402
from portal.core.places import Kecamatan  # noqa: E402

# Statuses of seeded incidents, as a month of real work looks: most closed, a few open.
CLOSED_MIX = [("finished", 80), ("false_alarm", 10), ("duplicate", 3), ("not_our_service", 2)]
OPEN_MIX = ["received", "verified", "dispatched", "en_route", "on_scene", "under_control"]
# Minutes from the previous step: (low, high) per timestamp, in workflow order.
STEPS = [
    ("verified_at", 1, 3),
    ("dispatched_at", 1, 4),
    ("en_route_at", 1, 3),
    ("on_scene_at", 3, 20),
    ("under_control_at", 10, 40),
    ("finished_at", 10, 90),
]
REACHED = {  # how far along the workflow each status got
    "received": 0,
    "verified": 1,
    "dispatched": 2,
    "en_route": 3,
    "on_scene": 4,
    "under_control": 5,
    "finished": 6,
    "false_alarm": 1,
    "duplicate": 0,
    "not_our_service": 1,
}
OPEN_EVERY = 20  # one incident in 20 still open: 5,000 on the board at 100,000


def _status(rng, index):
    if index % OPEN_EVERY == 0:
        return rng.choice(OPEN_MIX)
    return rng.choices([s for s, _w in CLOSED_MIX], weights=[w for _s, w in CLOSED_MIX])[0]


def incidents(count):
    """`count` incidents one minute apart going back from now, with realistic statuses and timestamps
    (so the dashboards aggregate real arrivals), spread over the kecamatan."""
    incident_model = apps.get_model("reporting", "Incident")
    categories = list(apps.get_model("reporting", "Category").objects.all())
    areas = list(Kecamatan.objects.all()) or [None]
    rng = random.Random(20261203)  # noqa: S311 (test data)
    now = timezone.now()
    batch = []
    for i in range(count):
        status = _status(rng, i)
        received = now - timedelta(minutes=i + 1)
        values = {}
        at = received
        for field, low, high in STEPS[: REACHED[status]]:
            at += timedelta(minutes=rng.uniform(low, high))
            values[field] = at
        if status in ("false_alarm", "duplicate", "not_our_service"):
            values["closed_at"] = at + timedelta(minutes=1)
        batch.append(
            incident_model(
                tracking_code=new_code(groups=2, size=4),
                category=rng.choice(categories),
                description=f"Laporan uji beban {i}",
                latitude="-1.610100",
                longitude="103.613100",
                kecamatan=rng.choice(areas),
                address="Jl. Benchmark",
                status=status,
                received_at=received,
                **values,
            )
        )
        if len(batch) == 1000:
            incident_model.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    incident_model.objects.bulk_create(batch, ignore_conflicts=True)
    # Fresh statistics, as autovacuum would give a live table in time: without them the
    # planner takes the bulk-loaded statuses for rare and sorts 80,000 rows for a 50-row page.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {incident_model._meta.db_table}")


def articles(scale):
    """Copy every live Indonesian article (scale - 1) times under its index."""
    article_model = apps.get_model("education", "ArticlePage")
    originals = list(article_model.objects.live().filter(locale__language_code="id"))
    for k in range(1, scale):
        for article in originals:
            changes = {"slug": f"{article.slug}-{k}", "title": f"{article.title} ({k})"}
            article.copy(update_attrs=changes, keep_live=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--incidents", type=int, default=0)
    parser.add_argument("--scale", type=int, default=1)
    options = parser.parse_args()
    incidents(options.incidents)
    articles(options.scale)
