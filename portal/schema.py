"""OpenAPI schema scope and the contract every operation shares.

drf-spectacular documents what each view declares; the hooks below add what is
true of every operation because of the shared plumbing (authentication,
throttles, parsers, the JSON error handlers of portal.errors), so views only
state what is their own.
"""

from drf_spectacular.extensions import OpenApiViewExtension
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers

from portal.core.contract import ERROR, FIELD_ERRORS
from portal.core.text import CONTROLS, LINE_BREAKS, SINGLE_LINE_MAX, UNSTORABLE


def project_endpoints_only(endpoints, **kwargs):
    """Document the project's REST API, not Wagtail's admin or content API.

    Wagtail's admin API is internal, and its content API (/api/v2/) has its own
    query language that drf-spectacular cannot describe; the README documents it.
    """
    return [(path, *rest) for path, *rest in endpoints if path.startswith("/api/") and not path.startswith("/api/v2/")]


def lib_doc_excludes():
    """Classes whose docstrings are not API descriptions: DRF's, and the shared
    serializer mixin's (it explains the plumbing, not the operation's body)."""
    from drf_spectacular.plumbing import get_lib_doc_excludes

    from portal.core.signin import TokenSerializer
    from portal.core.text import TextSerializerMixin

    return [*get_lib_doc_excludes(), TextSerializerMixin, TokenSerializer]


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _json(name, description):
    return {"description": description, "content": {"application/json": {"schema": _ref(name)}}}


SHARED = {
    "400": ("FieldErrors", "Invalid input: field messages, or `detail` for a malformed or unstorable body."),
    "401": ("Error", "Credentials were sent and are not valid (an unknown or inactive token)."),
    "403": ("Error", "Not signed in (no credentials), or signed in without the needed permission."),
    "404": ("Error", "No such object for this caller (another person's object does not exist for you)."),
    "413": ("Error", "The JSON body is larger than API_JSON_MAX_BYTES."),
    "415": ("Error", "The body's content type is not one this operation accepts."),
    "429": ("Error", "Too many requests from this client: wait for Retry-After seconds."),
}
RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer"}}}


def _refusing(*regexes):
    """An ECMA pattern of strings free of the characters the regexes' classes match.

    Lone surrogates (also refused) are left out: they are not Unicode scalar values,
    so no valid JSON string or UTF-8 text holds them and regex engines reject the range.
    """
    chars = "".join(regex.pattern[1:-1] for regex in regexes).replace("\ud800-\udfff", "")
    escaped = "".join(c if " " <= c <= "~" else f"\\u{ord(c):04x}" for c in chars)
    return f"^[^{escaped}]*$"


# What portal.core.text refuses: NUL and lone surrogates anywhere (path, query, body),
# control and bidi characters in text fields, line breaks in single-line ones.
STORABLE = _refusing(UNSTORABLE)
TEXT = _refusing(CONTROLS)
LINE = _refusing(CONTROLS, LINE_BREAKS)


def _constrain_text(schema, pattern):
    if schema.get("type") == "string" and not ({"enum", "pattern", "format", "$ref", "allOf"} & schema.keys()):
        schema["pattern"] = pattern


def document_text_rules(result, **kwargs):
    """Request strings say which characters are refused, so generated clients and
    fuzzers send only what can be stored (portal.core.text lists them)."""
    for name, component in result.get("components", {}).get("schemas", {}).items():
        if not name.endswith("Request"):
            continue
        for prop in component.get("properties", {}).values():
            for schema in (prop, prop.get("items", {})):
                single = schema.get("maxLength", SINGLE_LINE_MAX + 1) <= SINGLE_LINE_MAX
                _constrain_text(schema, LINE if single else TEXT)
    for item in result.get("paths", {}).values():
        for operation in item.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
                _constrain_text(parameter.get("schema", {}), STORABLE)
                # An empty optional query value (`?kecamatan=`) is the same as leaving it out.
                if parameter.get("in") == "query" and not parameter.get("required"):
                    parameter["allowEmptyValue"] = True
    return result


def document_contract(result, **kwargs):
    """Every status an operation can answer, with its JSON body, and who may call it.

    - `security: []` marks an operation anyone may call (views say so with
      `extend_schema(auth=[])` or `AllowAny`); a list with `{}` in it means
      optional credentials (staff get more).
    - Operations that read credentials answer 401 to bad ones; those that need
      them answer 403 without (session authentication comes first, so DRF
      answers 403 rather than 401).
    - Every operation can be throttled (429), refuse a malformed body (400) and,
      with a body, refuse its size (413) or content type (415); a path with an
      id answers 404. Any unknown URL under /api/ is a JSON 404 too.
    """
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("Error", ERROR)
    schemas.setdefault("FieldErrors", FIELD_ERRORS)
    for path, item in result.get("paths", {}).items():
        for operation in item.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            security = operation.get("security") or []
            if security == [{}]:
                security = []
            operation["security"] = security
            codes = ["400", "429"]
            if security:
                codes.append("401")
            if security and {} not in security:
                codes.append("403")
            if "{" in path or any(p.get("name") == "page" for p in operation.get("parameters", [])):
                codes.append("404")
            if "requestBody" in operation:
                codes += ["413", "415"]
            responses = operation["responses"]
            for code in codes:
                responses.setdefault(code, {"description": SHARED[code][1]})
            for code, documented in responses.items():
                if code.startswith("4") and "content" not in documented:
                    name = "FieldErrors" if code == "400" else "Error"
                    documented["content"] = _json(name, documented.get("description", ""))["content"]
            responses["429"].setdefault("headers", RETRY_AFTER)
    return result


class TokenViewSchema(OpenApiViewExtension):
    """The token endpoint (DRF's view, wrapped by portal.api): anyone may ask."""

    target_class = "rest_framework.authtoken.views.ObtainAuthToken"
    match_subclasses = True
    priority = 1

    def view_replacement(self):
        @extend_schema(
            tags=["auth"],
            summary="Exchange a username and password (and an authenticator code) for an API token",
            description=(
                "Send `username` and `password`. An account with an authenticator app set up, and, when "
                "STAFF_MFA_REQUIRED is on, staff who can see personal data, must also send `code`: the app's "
                "current code (or one of the account's recovery codes, each usable once). Without it the "
                "answer is 400 with a message under `code`; staff who must have an app and have none set up "
                "get 400 (`non_field_errors`) until they set one up on the website. Wrong passwords and wrong "
                "codes count together: after AXES_FAILURE_LIMIT of them the account and address get 429."
            ),
            auth=[],
            responses={
                200: inline_serializer("AuthToken", {"token": serializers.CharField()}),
                400: OpenApiResponse(
                    description=(
                        "Wrong username or password, a missing field, a missing or wrong authenticator "
                        "code (`code`), or an authenticator app that must be set up first."
                    )
                ),
                # DRF's default authentication still reads an Authorization header sent here.
                401: OpenApiResponse(description="An Authorization header with an unknown token was sent."),
            },
        )
        class Fixed(self.target):
            pass

        return Fixed
