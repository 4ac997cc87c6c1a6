"""The API's JSON parser: bounded size and nesting, no text PostgreSQL refuses.

DRF's parser reads any body and hands it to `json.load`, which recurses once per
level of nesting: a 100 KB body of brackets ends in RecursionError (a 500).
This parser reads at most `API_JSON_MAX_BYTES`, refuses nesting deeper than
`API_JSON_MAX_DEPTH` before decoding, and refuses lone surrogates anywhere in
the document (keys included), which cannot even be encoded. NUL, which
PostgreSQL refuses, is left to the fields: every write serializer refuses it in
what it reads (portal.core.text.TextSerializerMixin), and a property no
serializer reads is ignored whatever it holds, as the schema allows.
"""

import codecs
import re

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from rest_framework import parsers, status
from rest_framework.exceptions import APIException, ParseError
from rest_framework.utils import json

# Strings (with their escapes) are removed before brackets are counted.
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(rb"[\[\]{}]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class RequestTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The request body is too large.")
    default_code = "too_large"


def json_depth(raw):
    depth = deepest = 0
    for match in _BRACKET.finditer(_STRING.sub(b'""', raw)):
        if match.group() in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        encoding = parser_context.get("encoding", settings.DEFAULT_CHARSET)
        max_bytes = getattr(settings, "API_JSON_MAX_BYTES", 1024 * 1024)
        raw = stream.read(max_bytes + 1) if stream is not None else b""
        if len(raw) > max_bytes:
            raise RequestTooLarge()
        if json_depth(raw) > getattr(settings, "API_JSON_MAX_DEPTH", 20):
            raise ParseError(_("The JSON document is nested too deeply."))
        try:
            text = codecs.decode(raw, encoding)
            parse_constant = json.strict_constant if self.strict else None
            data = json.loads(text, parse_constant=parse_constant)
        except (ValueError, RecursionError):
            raise ParseError(_("The request body is not valid JSON.")) from None
        if any(_SURROGATE.search(s) for s in _strings(data)):
            raise ParseError(_("The request contains characters that are not allowed (such as NUL)."))
        return data
