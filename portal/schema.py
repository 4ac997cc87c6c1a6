"""OpenAPI schema scope."""


def project_endpoints_only(endpoints, **kwargs):
    """Document the project's REST API, not Wagtail's admin or content API.

    Wagtail's admin API is internal, and its content API (/api/v2/) has its own
    query language that drf-spectacular cannot describe; the README documents it.
    """
    return [(path, *rest) for path, *rest in endpoints if path.startswith("/api/") and not path.startswith("/api/v2/")]


def document_refused_input(result, **kwargs):
    """Every operation can answer 400: malformed JSON, NUL or control characters
    anywhere in the request are refused before any view runs (portal.core)."""
    for path in result.get("paths", {}).values():
        for operation in path.values():
            if isinstance(operation, dict) and "responses" in operation:
                operation["responses"].setdefault("400", {"description": "Malformed or unstorable input."})
    return result
