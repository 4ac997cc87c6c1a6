"""Figures computed by the database: a percentile aggregate with a portable fallback.

PostgreSQL has `percentile_cont(f) WITHIN GROUP (ORDER BY x)`; SQLite has no
ordered-set aggregate. `percentiles()` uses the aggregate on PostgreSQL and, on
other databases, reads the one column it needs in the same single query and
interpolates in Python the way percentile_cont does, so both answer alike and
the query count never depends on the number of rows.
"""

from django.db import connection
from django.db.models import Aggregate, DurationField, FloatField


class PercentileCont(Aggregate):
    """percentile_cont(fraction) WITHIN GROUP (ORDER BY expression); PostgreSQL only."""

    function = "percentile_cont"
    name = "PercentileCont"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    allow_distinct = False

    def __init__(self, expression, fraction, **extra):
        fraction = float(fraction)
        if not 0 <= fraction <= 1:
            raise ValueError("fraction must be within 0..1")
        extra.setdefault("output_field", FloatField())
        super().__init__(expression, fraction=repr(fraction), **extra)

    def as_sql(self, compiler, connection, **extra_context):
        if connection.vendor != "postgresql":
            from django.db import NotSupportedError

            raise NotSupportedError("percentile_cont needs PostgreSQL; use portal.core.stats.percentiles()")
        return super().as_sql(compiler, connection, **extra_context)


def native_percentiles():
    return connection.vendor == "postgresql"


def interpolate(values, fraction):
    """percentile_cont of sorted `values` (linear interpolation); None when empty."""
    if not values:
        return None
    position = (len(values) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (position - low)


def percentiles(queryset, expression, fractions, group_by=None):
    """{group: {fraction: value}} of `expression` over `queryset`, in one query.

    `expression` is a duration or number expression; `group_by` a field name or
    None (one group, key None). Durations come back as timedelta.
    """
    names = {fraction: f"p{int(round(fraction * 1000))}" for fraction in fractions}
    queryset = queryset.annotate(_value=expression).filter(_value__isnull=False)
    if native_percentiles():
        output = DurationField() if isinstance(expression.output_field, DurationField) else FloatField()
        aggregates = {name: PercentileCont("_value", f, output_field=output) for f, name in names.items()}
        if group_by is None:
            row = queryset.aggregate(**aggregates)
            return {None: {f: row[name] for f, name in names.items()}} if any(row.values()) else {}
        rows = queryset.order_by().values(group_by).annotate(**aggregates)
        return {row[group_by]: {f: row[name] for f, name in names.items()} for row in rows}
    groups = {}
    fields = ("_value",) if group_by is None else (group_by, "_value")
    for row in queryset.order_by("_value").values_list(*fields):
        key = None if group_by is None else row[0]
        groups.setdefault(key, []).append(row[-1])
    return {key: {f: interpolate(values, f) for f in fractions} for key, values in groups.items()}
