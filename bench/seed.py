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
from django.utils import timezone  # noqa: E402

from portal.core.codes import new_code  # noqa: E402


def incidents(count):
    incident_model = apps.get_model("reporting", "Incident")
    categories = list(apps.get_model("reporting", "Category").objects.all())
    now = timezone.now()
    batch = []
    for i in range(count):
        batch.append(
            incident_model(
                tracking_code=new_code(),
                category=random.choice(categories),  # noqa: S311
                description=f"Laporan uji beban {i}",
                latitude="-1.610100",
                longitude="103.613100",
                address="Jl. Benchmark",
                received_at=now - timedelta(minutes=i),
            )
        )
        if len(batch) == 1000:
            incident_model.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    incident_model.objects.bulk_create(batch, ignore_conflicts=True)


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
