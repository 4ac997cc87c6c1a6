"""Serializer fields built once per class instead of once per request.

DRF deep-copies every declared field for each serializer instance, which runs
each field's `__init__` again (and its kwargs deep-copied: querysets, lazy
messages, validators), and a ModelSerializer introspects its model again. On a
hot endpoint that is a large share of the request.
"""

import copy

from rest_framework import serializers


def _has_children(field):
    return isinstance(field, serializers.BaseSerializer) or hasattr(field, "child") or hasattr(field, "child_relation")


class FieldsOnceMixin:
    """`get_fields()` is computed once per class; each instance gets shallow copies.

    Put it first in the bases, so what other mixins add in `get_fields()` (the
    TextValidator) is part of the prototype. A field keeps no per-request state
    besides what `bind()` sets (name, parent, source), and `bind()` sets it on the
    copy; the prototypes are never bound. A field that holds a child (a list,
    a nested serializer) is deep-copied as DRF does, so the child's parent is
    the copy. A related field's queryset is shared but never evaluated: DRF
    clones it (`.all()`) for each lookup.
    """

    def get_fields(self):
        cls = type(self)
        prototypes = cls.__dict__.get("_prototype_fields")
        if prototypes is None:
            prototypes = super().get_fields()
            cls._prototype_fields = prototypes
        return {
            name: copy.deepcopy(field) if _has_children(field) else copy.copy(field)
            for name, field in prototypes.items()
        }
