"""Demo content for incidents: English names for the category tree, fire posts
in Kota Jambi, and two months of past incidents with full timestamps so the dashboard shows real figures.

Idempotent: categories and stations are found by code, incidents by a
"demo-…" idempotency key, so a second run creates nothing. No personal data:
demo incidents have no reporter name, phone or email.
"""

import random
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale

from portal.core.audit import AuditEntry
from portal.core.demo import load, staff_account
from portal.core.places import Kecamatan
from portal.core.roles import DEPARTMENT_HEAD, DISPATCHERS
from portal.core.translation import translate
from reporting.incidents import reference
from reporting.incidents.lifecycle import TIMESTAMPS
from reporting.incidents.models import Category, FireStation, Incident, IncidentEvent, Source, Status

CATEGORY_EN = {
    "fire": ("Fire", "Flames or smoke that put people or property at risk."),
    "fire-building": ("Building (house, shop, warehouse)", ""),
    "fire-vehicle": ("Vehicle", ""),
    "fire-land": ("Land, forest or peat", ""),
    "fire-rubbish": ("Rubbish", ""),
    "fire-electrical": ("Electrical (cables, substation, short circuit)", ""),
    "rescue": ("Rescue", "People or animals that need help."),
    "rescue-snake": ("Animal: snake", ""),
    "rescue-bees": ("Animal: bee or wasp nest", ""),
    "rescue-animal": ("Other animal (cat, monitor lizard, …)", ""),
    "rescue-trapped": ("Person trapped (lift, window grille, ring)", ""),
    "rescue-water": ("Water rescue / drowning", ""),
    "other": ("Other", "Any other situation that needs the crews."),
    "hazard": ("Fire hazard (not an emergency)", "Something that could start a fire or hold up firefighting."),
    "hazard-burning": ("Open burning of rubbish or land", ""),
    "hazard-access": ("Fire lane or hydrant blocked", ""),
    "hazard-equipment": ("Broken extinguisher or alarm in a public building", ""),
}

# Demo fire posts (plausible places in Kota Jambi, not the department's real list),
# kecamatan centres for spreading the incidents, and each kind's weight and text.
DATA = Path(__file__).resolve().parent / "demo"
DEMO_COUNT = 140
DEMO_DAYS = 60

# Local demo only (README, "Demo accounts").
DEMO_DISPATCHER_EMAIL = "dispatcher.demo@damkar.example"
DEMO_HEAD_EMAIL = "kepala.demo@damkar.example"


def seed(log):
    staff_account(log, DEMO_DISPATCHER_EMAIL, "Dedi", "Dispatcher (demo)", DISPATCHERS)
    staff_account(log, DEMO_HEAD_EMAIL, "Hendra", "Kepala Dinas (demo)", DEPARTMENT_HEAD)
    ensure_categories(log)
    _stations(log)
    _incidents(log)


@transaction.atomic
def ensure_categories(log=print):
    """The category tree in Indonesian, with English translations through wagtail-localize."""
    default = Locale.get_default()
    en = Locale.objects.filter(language_code="en").first()
    created = reference.sync_categories()  # the tree itself is reference data
    if created:
        log(f"Categories: {created} created.")
    if en is None:
        return
    translated = 0
    # Parents first: a child's translation points at its parent's translation.
    for category in Category.objects.filter(locale=default).order_by("parent_id", "sort_order"):
        if category.has_translation(en) or category.code not in CATEGORY_EN:
            continue
        en_name, en_description = CATEGORY_EN[category.code]
        strings = {category.name: en_name}
        if category.description and en_description:
            strings[category.description] = en_description
        translate(category, en, strings)
        translated += 1
    if translated:
        log(f"Categories: {translated} translated into English.")


def _stations(log):
    created = 0
    stations, _strings = load(DATA / "stations.yaml")
    for spec in stations:
        kecamatan = Kecamatan.objects.filter(code=spec.pop("kecamatan")).first()
        if kecamatan is None:
            continue
        spec.update(kecamatan=kecamatan, latitude=Decimal(spec["latitude"]), longitude=Decimal(spec["longitude"]))
        _station, made = FireStation.objects.get_or_create(code=spec.pop("code"), defaults=spec)
        created += made
    if created:
        log(f"Fire stations: {created} demo posts created.")


def _minutes(rng, low, high):
    return timedelta(seconds=rng.randint(low * 60, high * 60))


@transaction.atomic
def _incidents(log):
    if Incident.objects.filter(idempotency_key__startswith="demo-").exists():
        return
    data, _strings = load(DATA / "incidents.yaml")
    centres, kinds = data["centres"], data["kinds"]
    default = Locale.get_default()
    categories = {c.code: c for c in Category.objects.filter(locale=default)}
    areas = {k.code: k for k in Kecamatan.objects.filter(code__in=centres)}
    stations = list(FireStation.objects.all())
    if not categories or not areas or not stations:
        return
    rng = random.Random(1749)  # noqa: S311 (fixed seed: the same demo every time, not security)
    now = timezone.now().replace(second=0, microsecond=0)
    codes = [c for c in kinds if c in categories]
    weights = [kinds[c]["weight"] for c in codes]
    sources = [Source.WEB, Source.CALL_112, Source.CALL_112, Source.PHONE, Source.WEB, Source.WALK_IN]
    events = []
    for number in range(DEMO_COUNT):
        code = rng.choices(codes, weights)[0]
        area_code = rng.choice(list(areas))
        lat, lon = centres[area_code]
        lat += rng.uniform(-0.008, 0.008)
        lon += rng.uniform(-0.008, 0.008)
        received = now - timedelta(days=rng.uniform(0.02, DEMO_DAYS))
        recent = received > now - timedelta(hours=6)
        station = min(stations, key=lambda s: (float(s.latitude) - lat) ** 2 + (float(s.longitude) - lon) ** 2)
        incident = Incident(
            category=categories[code],
            description=kinds[code]["description"],
            source=rng.choice(sources),
            latitude=Decimal(f"{lat:.6f}"),
            longitude=Decimal(f"{lon:.6f}"),
            kecamatan=areas[area_code],
            address="Lokasi contoh (data demo)",
            received_at=received,
            idempotency_key=f"demo-{number:04d}",
        )
        steps = [(Status.RECEIVED, received)]
        roll = rng.random()
        if roll < 0.06 and not recent:
            steps.append((Status.FALSE_ALARM, received + _minutes(rng, 3, 20)))
        else:
            t = received + _minutes(rng, 1, 4)
            steps.append((Status.VERIFIED, t - timedelta(seconds=30)))
            steps.append((Status.DISPATCHED, t))
            t += _minutes(rng, 1, 3)
            steps.append((Status.EN_ROUTE, t))
            travel_high = 20 if area_code in ("15.71.09", "15.71.05", "15.71.06") else 13
            t += _minutes(rng, 4, travel_high)
            steps.append((Status.ON_SCENE, t))
            if code.startswith("fire"):
                t += _minutes(rng, 10, 60)
                steps.append((Status.UNDER_CONTROL, t))
            t += _minutes(rng, 10, 90)
            steps.append((Status.FINISHED, t))
            incident.station = station
            incident.units = station.units.split(",")[0]
        if recent:  # a few still open, stopped part-way
            steps = steps[: rng.randint(1, min(4, len(steps)))]
        steps = [(s, t) for s, t in steps if t <= now]
        for state, when in steps:
            setattr(incident, TIMESTAMPS[state], when)
        incident.status = steps[-1][0]
        incident.save()
        previous = ""
        for state, when in steps:
            events.append(
                IncidentEvent(
                    incident=incident,
                    kind=AuditEntry.Kind.CREATED if state == Status.RECEIVED else AuditEntry.Kind.TRANSITION,
                    from_status=previous,
                    to_status=state,
                    at=when,
                    public_note="Laporan selesai ditangani." if state == Status.FINISHED else "",
                )
            )
            previous = state
    IncidentEvent.objects.bulk_create(events)
    log(f"Incidents: {DEMO_COUNT} demo incidents over {DEMO_DAYS} days created.")
