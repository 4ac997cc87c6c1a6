"""What the API promises integrators, in one place: known codes and error bodies.

- `KnownCodeField`: a related object by its code (a kecamatan, a kelurahan, a
  category). The OpenAPI schema lists the codes the database knows when the
  schema is generated (an `enum`, a cheap query on small tables), so a client
  generated from it offers exactly the values the API accepts. Without a
  database at hand (schema built at import time) it falls back to `pattern`.
- `ID_PATTERN`: the path pattern of numeric ids: at most 18 digits, so an id
  too large for a 64-bit integer is an unknown URL (404), never a database error.
- `ERROR` and `FIELD_ERRORS`: the two error bodies every operation answers with
  (`{"detail": …}`, or field messages `{field: [message, …]}`), named once so
  views and the schema hook (`portal.schema`) describe them the same way.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes
from rest_framework import serializers

from portal.core import reference
from portal.core.text import has_unstorable

ID_PATTERN = r"[0-9]{1,18}"
# The largest id the API accepts, in paths (ID_PATTERN), bodies and query filters alike.
ID_MAX = 10**18 - 1


class KnownCodeField(serializers.SlugRelatedField):
    """A related object by its `code`; documented as the enum of known codes.

    `pattern` is the schema's fallback when the codes cannot be read; a NUL or
    lone surrogate is refused before any query (PostgreSQL cannot compare them).
    The memo of a watched model's rows is kept per field class: a field that
    accepts fewer rows narrows them in a subclass's `get_queryset()`, never
    with a filtered `queryset` argument.
    """

    def __init__(self, *, pattern=None, **kwargs):
        kwargs.setdefault("slug_field", "code")
        self.pattern = pattern
        super().__init__(**kwargs)
        if self.queryset is not None and self.queryset.query.has_filters():
            raise ImproperlyConfigured(f"{type(self).__name__}: narrow the rows in get_queryset(), not in queryset.")

    def to_internal_value(self, data):
        if isinstance(data, str):
            if has_unstorable(data):
                self.fail("invalid")
            model = self.queryset.model
            if reference.is_watched(model):
                key = (type(self), model, self.slug_field)
                found = reference.rows(key, self._load).get(data)
                if found is None:
                    self.fail("does_not_exist", slug_name=self.slug_field, value=data)
                return found
        return super().to_internal_value(data)

    def _load(self):
        return {getattr(obj, self.slug_field): obj for obj in self.get_queryset()}


class KnownCodeFieldExtension(OpenApiSerializerFieldExtension):
    target_class = KnownCodeField
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        field = self.target
        schema = build_basic_type(OpenApiTypes.STR)
        try:
            codes = sorted(set(field.get_queryset().values_list(field.slug_field, flat=True)))
        except (DatabaseError, RuntimeError):  # RuntimeError: pytest-django blocks the database
            codes = []
        if codes:
            schema["enum"] = codes
        elif field.pattern:
            schema["pattern"] = field.pattern
        return schema


ERROR = {
    "type": "object",
    "properties": {
        "detail": {"type": "string", "description": "What went wrong, in the language asked for."},
        "code": {"type": "string", "description": "A stable machine-readable reason, when there is one."},
    },
    "required": ["detail"],
}
FIELD_ERRORS = {
    "type": "object",
    "description": (
        "Field messages `{field: [message, …]}` (`non_field_errors` for the whole body), "
        "or `{detail}` when the body itself is refused (malformed JSON, NUL or control characters)."
    ),
    "additionalProperties": {},
}


class IdRelatedField(serializers.PrimaryKeyRelatedField):
    """An object's id: a whole number from 1 to ID_MAX is looked up, anything else is a
    "does not exist" field error (a number beyond the database's integers was a 500)."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, (int, str)):
            self.fail("incorrect_type", data_type=type(data).__name__)
        try:
            pk = int(data)
        except ValueError:
            self.fail("incorrect_type", data_type=type(data).__name__)
        if not 1 <= pk <= ID_MAX:
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(pk)


class RequiredBooleanField(serializers.BooleanField):
    """A boolean the caller must send: a form without it is missing, not false
    (DRF reads an absent form field as an unticked checkbox)."""

    default_empty_html = serializers.empty
