"""OpenAPI schema scope."""


def project_endpoints_only(endpoints, **kwargs):
    """Document the project's REST API, not Wagtail's admin or content API.

    Wagtail's admin API is internal, and its content API (/api/v2/) has its own
    query language that drf-spectacular cannot describe; the README documents it.
    """
    return [(path, *rest) for path, *rest in endpoints if path.startswith("/api/") and not path.startswith("/api/v2/")]
