"""schemathesis against the inspections operations of the OpenAPI schema, in process, bounded.

Runs as a verified applicant with a token, so the applicant's operations are
exercised past authentication; the staff operations answer 403 to them and the
public verification answers anyone.
"""

import json
import os

from django.core.wsgi import get_wsgi_application
from django.urls import include, path

import pytest
import schemathesis
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import ignored_auth, positive_data_acceptance

from .conftest import make_user


def _load():
    # Built in process at collection time (no database yet) from this app's URLs only:
    # the same operations /api/schema/ documents for inspections.
    generator = SchemaGenerator(patterns=[path("api/", include("reporting.inspections.api.urls"))])
    document = json.loads(OpenApiJsonRenderer().render(generator.get_schema(request=None, public=True)))
    loaded = schemathesis.openapi.from_dict(document)
    loaded.app = get_wsgi_application()
    return loaded


schema = _load()
# Bounded for CI; raise it for a deeper run: INSPECTIONS_FUZZ_EXAMPLES=200 pytest tests/inspections/test_schema.py
EXAMPLES = int(os.environ.get("INSPECTIONS_FUZZ_EXAMPLES", "15"))


@pytest.fixture
def keep_connection():
    """Like Django's test client: a request must not close the test's database connection."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def token(site, keep_connection):
    from rest_framework.authtoken.models import Token

    return Token.objects.create(user=make_user("fuzz@example.com")).key


# Every example reuses the test's database and token on purpose (they are the
# fixtures under test, reset between tests, not between examples).
SUPPRESSED = [HealthCheck.function_scoped_fixture]


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=SUPPRESSED)
@pytest.mark.django_db
def test_inspections_api(case, token):
    response = case.call(headers={"Authorization": f"Token {token}"})
    # Two checks are left out on purpose. positive_data_acceptance: rules OpenAPI cannot
    # express (the service area, dates from today on, a kelurahan inside its kecamatan)
    # rightly turn schema-valid data into a 400 with field messages. ignored_auth: the
    # token is passed per call here, which that check cannot strip; tests/inspections/
    # test_api.py proves anonymous and unverified callers are refused.
    case.validate_response(response, excluded_checks=[positive_data_acceptance, ignored_auth])
