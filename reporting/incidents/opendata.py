"""Published incident figures: counts per month by category and by kecamatan, and response time."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from portal.core.opendata import Column, Dataset, register
from portal.core.places import Kecamatan
from reporting.incidents.models import Category, Family, Incident, Status

# Reports that were not an incident of the department's are not counted.
NOT_COUNTED = [Status.DUPLICATE, Status.FALSE_ALARM, Status.NOT_OUR_SERVICE]
MONTH = Column("month", "month", _("Month"), _("Month the report was received."))


def _incidents(since):
    return Incident.objects.filter(received_at__gte=since).exclude(status__in=NOT_COUNTED)


def _month(value):
    return value.strftime("%Y-%m")


def by_category(since):
    """Top-level categories (a child counts under its parent), named in the active language."""
    rows = (
        _incidents(since)
        .annotate(month=TruncMonth("received_at"))
        .values("month", "category__translation_key", "category__parent__translation_key")
        .annotate(n=Count("pk"))
    )
    counts = {}
    for row in rows:
        key = row["category__parent__translation_key"] or row["category__translation_key"]
        slot = (_month(row["month"]), key)
        counts[slot] = counts.get(slot, 0) + row["n"]
    active = Locale.get_active()
    names = {}
    # The active language's name wins over the default one (sorted last).
    for category in sorted(
        Category.objects.filter(locale__in=[Locale.get_default(), active]), key=lambda c: c.locale_id == active.pk
    ):
        names[category.translation_key] = (category.code, category.name)
    return [
        {
            "month": month,
            "category_code": names.get(key, ("", ""))[0],
            "category": names.get(key, ("", ""))[1],
            "incidents": n,
        }
        for (month, key), n in sorted(counts.items(), key=lambda item: (item[0][0], names.get(item[0][1], ("",))[0]))
    ]


def by_kecamatan(since):
    rows = (
        _incidents(since)
        .annotate(month=TruncMonth("received_at"))
        .values("month", "kecamatan_id")
        .annotate(n=Count("pk"))
        .order_by("month", "kecamatan_id")
    )
    areas = {area.pk: area for area in Kecamatan.objects.all()}
    return [
        {
            "month": _month(row["month"]),
            "kecamatan_code": areas[row["kecamatan_id"]].code if row["kecamatan_id"] else "",
            "kecamatan": areas[row["kecamatan_id"]].name if row["kecamatan_id"] else str(_("Unknown")),
            "incidents": row["n"],
        }
        for row in rows
    ]


def response_times(since):
    """Arrivals on scene per month and the share within the minimum service standard."""
    target = timedelta(minutes=settings.RESPONSE_TARGET_MINUTES)
    rows = (
        _incidents(since)
        .filter(on_scene_at__isnull=False)
        .exclude(category__family=Family.HAZARD)
        .annotate(month=TruncMonth("received_at"))
        .values("month")
        .annotate(arrivals=Count("pk"), within=Count("pk", filter=Q(on_scene_at__lte=F("received_at") + target)))
        .order_by("month")
    )
    return [
        {
            "month": _month(row["month"]),
            "arrivals": row["arrivals"],
            "within_standard_pct": round(row["within"] / row["arrivals"] * 100) if row["arrivals"] >= 3 else None,
        }
        for row in rows
    ]


register(
    Dataset(
        slug="incidents-by-category",
        title=_("Incidents per month by category"),
        description=_(
            "Fire and rescue incidents the department handled, by the month they were reported and the kind of "
            "incident. Duplicates, false alarms and reports outside the department's service are not counted."
        ),
        columns=(
            MONTH,
            Column("category_code", "code", _("Code"), _("Category code, stable across languages.")),
            Column("category", "text", _("Category"), _("Category name.")),
            Column("incidents", "count", _("Incidents"), _("Number of incidents.")),
        ),
        rows=by_category,
        chart="incidents",
    )
)
register(
    Dataset(
        slug="incidents-by-kecamatan",
        title=_("Incidents per month by kecamatan"),
        description=_("The same incidents by the kecamatan where they happened, with its Kemendagri code."),
        columns=(
            MONTH,
            Column(
                "kecamatan_code", "code", _("Kemendagri code"), _("Kemendagri code of the kecamatan (e.g. 15.71.01).")
            ),
            Column("kecamatan", "text", _("Kecamatan"), _("Name of the kecamatan.")),
            Column("incidents", "count", _("Incidents"), _("Number of incidents.")),
        ),
        rows=by_kecamatan,
    )
)
register(
    Dataset(
        slug="response-time",
        title=_("Response time against the 15-minute standard"),
        description=_(
            "Incidents the department reached on scene, by the month they were reported, and the share reached "
            "within 15 minutes of the report (the minimum service standard)."
        ),
        columns=(
            MONTH,
            Column("arrivals", "count", _("Reached on scene"), _("Incidents reached on scene.")),
            Column(
                "within_standard_pct",
                "number",
                _("Within 15 minutes (%)"),
                _("Share reached within 15 minutes, in per cent."),
            ),
        ),
        rows=response_times,
        chart="arrivals",
    )
)
