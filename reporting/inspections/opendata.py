"""Published inspection figures: results issued per month, compliant or not."""

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from portal.core.opendata import Column, Dataset, register
from reporting.inspections.models import ResultKind, Visit


def results(since):
    rows = (
        Visit.objects.filter(issued_at__gte=since)
        .exclude(result="")
        .annotate(month=TruncMonth("issued_at"))
        .values("month", "result")
        .annotate(n=Count("pk"))
        .order_by("month", "result")
    )
    labels = dict(ResultKind.choices)
    return [
        {
            "month": row["month"].strftime("%Y-%m"),
            "result_code": row["result"],
            "result": str(labels.get(row["result"], row["result"])),
            "results_issued": row["n"],
        }
        for row in rows
    ]


register(
    Dataset(
        slug="inspection-results",
        title=_("Building inspection results issued per month"),
        description=_("Fire-protection inspection results the department issued, by month and by result."),
        columns=(
            Column("month", "month", _("Month"), _("Month the result was issued.")),
            Column("result_code", "code", _("Code"), _("Result code: compliant or not_compliant.")),
            Column("result", "text", _("Result"), _("Result of the inspection.")),
            Column("results_issued", "count", _("Results issued"), _("Number of results issued.")),
        ),
        rows=results,
        chart="results_issued",
    )
)
