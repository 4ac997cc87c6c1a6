"""One rule for the text people send: what characters a form or API field refuses.

Refused everywhere (the full list, also in docs/security.md):
- NUL (U+0000): PostgreSQL cannot store it.
- Lone surrogates (U+D800–U+DFFF): not encodable as UTF-8, so not storable either.
- Other C0 controls except TAB, LF and CR (U+0001–U+0008, U+000B, U+000C,
  U+000E–U+001F; ESC starts ANSI terminal escapes), DEL (U+007F) and the C1
  controls (U+0080–U+009F).
- Bidirectional embeddings, overrides and isolates (U+202A–U+202E,
  U+2066–U+2069): they make text display in a different order from the one
  stored ("Trojan Source"), e.g. a name that reads as another.
Refused in single-line fields (names, addresses, codes) as well:
- Line breaks: CR, LF, U+0085, U+2028, U+2029, and TAB.

`TextFormMixin` and `TextSerializerMixin` add the validator to every text field
of a form or serializer, so each field names its own error.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from rest_framework import serializers

UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
LINE_BREAKS = re.compile("[\t\n\r\x85\u2028\u2029]")


def has_unstorable(value):
    return bool(UNSTORABLE.search(value))


@deconstructible
class TextValidator:
    """Refuse control and bidi-override characters; with `single_line`, line breaks too."""

    message = _("This field contains characters that are not allowed (control or text-direction characters).")
    line_message = _("This field must be a single line.")

    def __init__(self, single_line=False):
        self.single_line = single_line

    def __call__(self, value):
        if not isinstance(value, str):
            return
        if CONTROLS.search(value):
            raise ValidationError(self.message, code="control_characters")
        if self.single_line and LINE_BREAKS.search(value):
            raise ValidationError(self.line_message, code="line_break")

    def __eq__(self, other):
        return isinstance(other, TextValidator) and other.single_line == self.single_line


def _add(field, single_line):
    if not any(isinstance(v, TextValidator) for v in field.validators):
        field.validators.append(TextValidator(single_line=single_line))


class TextFormMixin:
    """Every CharField of the form (passwords aside) gets the TextValidator.

    A field is multi-line when its widget is a Textarea.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and not isinstance(field.widget, forms.PasswordInput):
                _add(field, single_line=not isinstance(field.widget, forms.Textarea))


# Serializer text fields longer than this are free text (multi-line).
SINGLE_LINE_MAX = 255


def _raw(data, name):
    return data.getlist(name) if hasattr(data, "getlist") else data.get(name)


def _holds_unstorable(value):
    if isinstance(value, str):
        return has_unstorable(value)
    if isinstance(value, dict):
        return any(_holds_unstorable(k) or _holds_unstorable(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return any(_holds_unstorable(item) for item in value)
    name = getattr(value, "name", None)  # an uploaded file keeps its name
    return isinstance(name, str) and has_unstorable(name)


class TextSerializerMixin:
    """Every writable CharField of the serializer gets the TextValidator.

    A field is single-line when it has a max_length up to SINGLE_LINE_MAX.
    """

    def get_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            password = getattr(field, "style", {}).get("input_type") == "password"
            if isinstance(field, serializers.CharField) and not field.read_only and not password:
                single = field.max_length is not None and field.max_length <= SINGLE_LINE_MAX
                _add(field, single_line=single)
        return fields

    def to_internal_value(self, data):
        """A JSON value must have the type the API schema documents.

        DRF would take 1 for a text field and "true" or 1 for a boolean; the
        schema says string and boolean, so clients generated from it never send
        those, and a loose value is refused like any other invalid one. Form
        data (a QueryDict) is all text and keeps DRF's conversions.
        """
        # NUL and lone surrogates anywhere in a field the serializer reads (nested values and
        # file names included); fields it does not read are ignored, whatever they hold.
        unstorable = {
            name: [TextValidator.message]
            for name, field in self.fields.items()
            if not field.read_only and hasattr(data, "get") and _holds_unstorable(_raw(data, name))
        }
        if unstorable:
            raise serializers.ValidationError(unstorable)
        if isinstance(data, dict):
            errors = {}
            for name, field in self.fields.items():
                value = data.get(name)
                if field.read_only or value is None or name not in data:
                    continue
                text = isinstance(field, serializers.CharField) or (
                    type(field) is serializers.ChoiceField and all(isinstance(k, str) for k in field.choices)
                )
                if (text and not isinstance(value, str)) or (
                    isinstance(field, serializers.BooleanField) and not isinstance(value, bool)
                ):
                    errors[name] = [_("Not a valid string.") if text else _("Must be a valid boolean.")]
            if errors:
                raise serializers.ValidationError(errors)
        return super().to_internal_value(data)


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class RefuseUnstorableMiddleware:
    """Answer 400 to a request whose path, query or form data holds NUL or a lone surrogate.

    Such text reaches the database through lookups as well as text fields
    (a code in a URL, a choice in a form, a filter), and PostgreSQL refuses it
    with an error that would otherwise be a 500. Under /api/ only the path and
    query are checked here: a body is read after authentication and permission
    checks (a 401/403 comes first, as the API schema says), JSON bodies by
    `portal.core.parsers.JSONParser`, form bodies field by field by
    `TextSerializerMixin` (fields an operation does not read are ignored, as
    the schema allows). Place it after the locale middleware so the message is
    in the visitor's language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._unstorable(request):
            message = _("The request contains characters that are not allowed (such as NUL).")
            if request.path_info.startswith("/api/"):
                return JsonResponse({"detail": str(message)}, status=400)
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

    @staticmethod
    def _unstorable(request):
        if has_unstorable(request.path_info):
            return True
        data = [request.GET]
        if (
            request.method == "POST"
            and not request.path_info.startswith("/api/")
            and request.content_type
            in (
                "application/x-www-form-urlencoded",
                "multipart/form-data",
            )
        ):
            data += [request.POST, request.FILES]
        for querydict in data:
            for key, values in querydict.lists():
                if has_unstorable(key):
                    return True
                for value in values:
                    text = value if isinstance(value, str) else getattr(value, "name", "") or ""
                    if has_unstorable(text):
                        return True
        return False
