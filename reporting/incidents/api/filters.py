from django.utils.translation import gettext_lazy as _

import django_filters
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError

from portal.core.filters import UTCIsoDateTimeFilter
from reporting.incidents.models import Family, Incident, Source, Status

NUMBER = r"-?[0-9]+(\.[0-9]+)?"
BBOX_PATTERN = rf"^{NUMBER},{NUMBER},{NUMBER},{NUMBER}$"


class IncidentFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Status.choices)
    family = django_filters.ChoiceFilter(field_name="category__family", choices=Family.choices)
    category = django_filters.CharFilter(field_name="category__code", help_text=_("Category code."))
    kecamatan = django_filters.CharFilter(field_name="kecamatan__code", help_text=_("Kecamatan code, e.g. 15.71.01."))
    source = django_filters.ChoiceFilter(choices=Source.choices)
    received_after = UTCIsoDateTimeFilter(field_name="received_at", lookup_expr="gte")
    received_before = UTCIsoDateTimeFilter(field_name="received_at", lookup_expr="lt")
    bbox = django_filters.CharFilter(method="filter_bbox", help_text=_("south,west,north,east in degrees."))

    class Meta:
        model = Incident
        fields = ["status", "family", "category", "kecamatan", "source", "received_after", "received_before", "bbox"]

    @extend_schema_field({"type": "string", "pattern": BBOX_PATTERN})
    def filter_bbox(self, queryset, name, value):
        try:
            south, west, north, east = (float(part) for part in value.split(","))
        except ValueError:
            raise ValidationError({"bbox": [_("Give four numbers: south,west,north,east.")]}) from None
        if not (-90 <= south <= north <= 90 and -180 <= west <= east <= 180):
            raise ValidationError({"bbox": [_("Give four numbers: south,west,north,east.")]})
        return queryset.filter(latitude__range=(south, north), longitude__range=(west, east))
