"""Filters shared by the apps' REST APIs."""

import datetime

from django import forms

import django_filters
from django_filters.fields import IsoDateTimeField
from drf_spectacular.utils import extend_schema_field

from portal.core.contract import ID_MAX


class UTCIsoDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time, converted to UTC before it reaches the database.

    ISO text may carry any offset up to ±23:59, but PostgreSQL refuses offsets
    beyond ±15:59 with an error (a 500 found by schemathesis).
    """

    def to_python(self, value):
        value = super().to_python(value)
        if value is None:
            return value
        try:
            return value.astimezone(datetime.UTC)
        except OverflowError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class UTCIsoDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UTCIsoDateTimeField


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": ID_MAX})
class IdFilter(django_filters.NumberFilter):
    """An object's id in the query: a whole number from 1 to ID_MAX, anything else a 400.

    django-filter's NumberFilter takes decimals ("1.5", "1e5") and numbers of any
    size, which the database cannot compare with an id column (a 500 on SQLite)
    and the schema (type integer) does not allow.
    """

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", ID_MAX)
        super().__init__(*args, **kwargs)
