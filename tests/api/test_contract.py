"""The API contract tells the truth: schemathesis with every check, in process, bounded.

The schema is served by the app itself (/api/schema/), read inside the test's
database so its enums hold the codes that database knows, and every operation
is called anonymously and with a superuser's token. Every check runs
(statuses, content types, headers, bodies, authentication, negative and
positive data); `schemathesis.toml` names the operations whose rules OpenAPI
cannot state (a matching password, existing ids, coordinates in the service
area), where schema-valid data may rightly get a 400. The CLI run with 100
examples per operation is in docs/api.md.
"""

import os
from pathlib import Path

from django.core.wsgi import get_wsgi_application

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.config import SchemathesisConfig
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import ignored_auth

# Examples per operation (positive and negative data together); raise it for a deeper run.
EXAMPLES = int(os.environ.get("CONTRACT_EXAMPLES", "10"))
CONFIG = Path(__file__).resolve().parents[2] / "schemathesis.toml"
# Examples reuse the test's database, token and throttle counters on purpose.
SUPPRESSED = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much]


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
def api_data(site, django_capture_on_commit_callbacks, keep_connection, settings):  # noqa: F811
    """Areas, categories and stations; throttles high enough to reach the views."""
    from tests.incidents.factories import stations, translate_categories

    translate_categories(django_capture_on_commit_callbacks)
    stations()
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": dict.fromkeys(rates, "100000/hour"),
    }


@pytest.fixture
def api_schema(api_data):
    return schemathesis.openapi.from_wsgi(
        "/api/schema/?format=json", get_wsgi_application(), config=SchemathesisConfig.from_path(CONFIG)
    )


@pytest.fixture
def staff_token(api_data):
    from django.contrib.auth import get_user_model

    from rest_framework.authtoken.models import Token

    user = get_user_model().objects.create_superuser("contract", "contract@damkar.example", "pw-contract-1")
    return Token.objects.create(user=user).key


def test_schema_documents_codes_and_anonymous_operations(api_schema):
    from portal.core.places import Kecamatan

    raw = api_schema.raw_schema
    components = raw["components"]["schemas"]
    assert set(components["KecamatanEnum"]["enum"]) == set(Kecamatan.objects.values_list("code", flat=True))
    assert "fire-building" in components["CategoryEnum"]["enum"]
    assert raw["paths"]["/api/incidents/track/{code}/"]["get"]["security"] == []
    assert {"401", "403", "429"} <= raw["paths"]["/api/incidents/"]["get"]["responses"].keys()


@pytest.mark.django_db
def test_unknown_api_urls_answer_json_404(client, api_data):
    for url in ("/api/volunteers/trainings/abc/", "/api/no-such-thing/", "/api/incidents/1/nothing/"):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 404, url
        assert response["Content-Type"] == "application/json", url
        assert response.json() == {"detail": "Not found."}


def _fuzz(api_schema, **call):
    """Every operation, positive and negative data, every check; all failures reported.

    The schema is read inside the test (its enums need the database), so the
    operations are walked here rather than by schemathesis' pytest plugin.
    """
    failures = []
    for result in api_schema.get_all_operations():
        operation = result.ok()
        strategies = []
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                strategies.append(operation.as_strategy(generation_mode=mode))
            except Exception:  # noqa: BLE001, S112 - nothing to negate in this operation
                continue

        @given(case=st.one_of(*strategies))
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, suppress_health_check=SUPPRESSED)
        def check(case):
            case.call_and_validate(**call)

        try:
            check()
        except Exception as error:  # noqa: BLE001 - collect, then fail with all of them
            failures.append(f"{operation.label}: {error}")
    assert not failures, "\n\n".join(failures)


@pytest.mark.django_db
def test_contract_anonymous(api_schema):
    _fuzz(api_schema)


@pytest.mark.django_db
def test_contract_staff(api_schema, staff_token):
    # ignored_auth cannot take away a token passed per call; the anonymous test and the
    # CLI run with schemathesis.staff.toml check that credentials are required.
    _fuzz(api_schema, headers={"Authorization": f"Token {staff_token}"}, excluded_checks=[ignored_auth])
