"""schemathesis against the incident operations of the OpenAPI schema, in process, bounded.

Runs as a dispatcher with a token, so the staff operations are exercised past
authentication; the anonymous ones (create, tracking, categories, stations)
answer anyone. Every response must match the schema and none may be a 5xx.
"""

import json

from django.core.wsgi import get_wsgi_application
from django.urls import include, path

import pytest
import schemathesis
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)


def _load():
    # Built at collection time (no database yet) from this app's URLs only: the
    # same operations /api/schema/ documents for incidents.
    generator = SchemaGenerator(patterns=[path("api/", include("reporting.incidents.api.urls"))])
    document = json.loads(OpenApiJsonRenderer().render(generator.get_schema(request=None, public=True)))
    loaded = schemathesis.openapi.from_dict(document)
    loaded.app = get_wsgi_application()
    return loaded


schema = _load()
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture(autouse=True)
def _keep_test_connection():
    """Calling the WSGI app directly fires request_started/finished, whose close_old_connections
    would close PostgreSQL's connection in the middle of the test transaction; Django's test
    client disconnects it the same way."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(dispatcher):
    from rest_framework.authtoken.models import Token

    return Token.objects.create(user=dispatcher).key


# Every example reuses the test's database and token on purpose (they are the
# fixtures under test, reset between tests, not between examples).
SUPPRESSED = [HealthCheck.function_scoped_fixture]


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=SUPPRESSED)
@pytest.mark.django_db
def test_incident_api(case, token, make_incident):
    make_incident()
    headers = {"Authorization": f"Token {token}"}
    response = case.call(headers=headers)
    assert response.status_code < 500, response.text[:500]
    # LocaleMiddleware turns any 404 under /api/ into a redirect to /id/api/… (foundation issue,
    # see docs/reporting.md); conformance of that redirect is not this app's to check.
    location = next(
        (v[0] if isinstance(v, list) else v for k, v in response.headers.items() if k.lower() == "location"), ""
    )
    if response.status_code == 302 and "/id/api/" in location:
        return
    # No server error and no schema violation: status codes, content types, headers and bodies
    # as documented. Semantic acceptance (an unknown kecamatan code is schema-valid but refused
    # with a 400) and who may call what are covered by test_api.py.
    case.validate_response(response, headers=headers, checks=CHECKS)
