"""Open311 GeoReport v2: services, service definitions, requests in JSON and XML, keyed POST."""

import json
from xml.etree import ElementTree

from django.test import override_settings
from django.urls import reverse

import pytest

from reporting.incidents.models import Incident, Source

pytestmark = pytest.mark.django_db

KEY = "integrator-key-1234567890"
# GeoReport v2 fields (https://wiki.open311.org/GeoReport_v2).
SERVICE_FIELDS = {"service_code", "service_name", "description", "metadata", "type", "keywords", "group"}
REQUEST_FIELDS = {
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "zipcode",
}


@pytest.fixture(autouse=True)
def keys(settings):
    settings.OPEN311_API_KEYS = [KEY]


def _post(client, **overrides):
    data = {
        "api_key": KEY,
        "jurisdiction_id": "jambikota.go.id",
        "service_code": "hazard-access",
        "lat": "-1.610000",
        "long": "103.613000",
        "description": "Hidran di depan pasar tertutup gerobak",
        "attribute[kecamatan]": "15.71.08",
        "email": "warga@example.com",
        "first_name": "Siti",
        "last_name": "Warga",
    }
    data.update(overrides)
    return client.post("/open311/v2/requests.json", {k: v for k, v in data.items() if v is not None})


def test_services_in_json_and_xml(client, reporting_setup):
    body = client.get("/open311/v2/services.json").json()
    codes = {service["service_code"] for service in body}
    assert codes == {"hazard-burning", "hazard-access", "hazard-equipment"}
    assert all(set(service) == SERVICE_FIELDS for service in body)
    assert all(service["metadata"] is True and service["type"] == "realtime" for service in body)
    xml = ElementTree.fromstring(client.get("/open311/v2/services.xml").content)  # noqa: S314 - our own output
    assert xml.tag == "services"
    assert {s.findtext("service_code") for s in xml.findall("service")} == codes
    assert xml.find("service/metadata").text == "true"


def test_service_definition_lists_the_kecamatan_codes(client, reporting_setup):
    body = client.get("/open311/v2/services/hazard-burning.json").json()
    attribute = body["attributes"][0]
    assert body["service_code"] == "hazard-burning"
    assert attribute["code"] == "kecamatan" and attribute["required"] is True
    assert {"key": "15.71.08", "name": "Jelutung"} in attribute["values"]
    xml = ElementTree.fromstring(client.get("/open311/v2/services/hazard-burning.xml").content)  # noqa: S314 - our own output
    assert xml.tag == "service_definition"
    assert "15.71.08" in [v.findtext("key") for v in xml.findall("attributes/attribute/values/value")]
    assert client.get("/open311/v2/services/nothing.json").status_code == 404


def test_a_keyed_post_creates_an_incident_the_back_office_sees(client, reporting_setup, dispatcher):
    response = _post(client)
    assert response.status_code == 201, response.content
    (entry,) = response.json()
    incident = Incident.objects.get(tracking_code=entry["service_request_id"])
    assert incident.source == Source.OPEN311
    assert incident.category.code == "hazard-access" and incident.kecamatan.code == "15.71.08"
    assert incident.reporter_name == "Siti Warga" and incident.reporter_email == "warga@example.com"
    # Dispatchers find it in their admin listing.
    client.force_login(dispatcher)
    assert incident.tracking_code in client.get(reverse("reporting_incident:index")).content.decode()
    client.logout()
    # GET by id returns its status, without the reporter's data or the description.
    (found,) = client.get(f"/open311/v2/requests/{incident.tracking_code}.json").json()
    assert set(found) == REQUEST_FIELDS
    assert found["status"] == "open" and found["address"] == "Jelutung"
    text = json.dumps(found)
    assert "Siti" not in text and "warga@example.com" not in text and "gerobak" not in text
    xml = ElementTree.fromstring(client.get(f"/open311/v2/requests/{incident.tracking_code}.xml").content)  # noqa: S314 - our own output
    assert xml.find("request/service_request_id").text == incident.tracking_code
    listing = client.get("/open311/v2/requests.json?status=open&service_code=hazard-access").json()
    assert [r["service_request_id"] for r in listing] == [incident.tracking_code]
    assert client.get("/open311/v2/requests.json?status=closed").json() == []


@pytest.mark.parametrize(
    "overrides,status",
    [
        ({"api_key": "wrong"}, 403),
        ({"api_key": None}, 403),
        ({"service_code": "fire-building"}, 400),
        ({"service_code": "nothing"}, 404),
        ({"attribute[kecamatan]": "99.99.99"}, 400),
        ({"lat": None, "long": None}, 400),
        ({"lat": "-1.480000"}, 400),
        ({"description": ""}, 400),
        ({"description": "api\u202eevil"}, 400),
        ({"jurisdiction_id": "elsewhere.go.id"}, 404),
    ],
)
def test_bad_posts_are_refused_in_the_open311_error_shape(client, reporting_setup, overrides, status):
    response = _post(client, **overrides)
    assert response.status_code == status
    (error,) = response.json()
    assert error["code"] == status and error["description"]
    assert not Incident.objects.exists()


def test_emergencies_point_to_112_in_the_callers_language(client, reporting_setup):
    response = _post(client, service_code="fire-building", HTTP_ACCEPT_LANGUAGE="id")
    assert "112" in response.json()[0]["description"]
    xml = client.post(
        "/open311/v2/requests.xml", {"api_key": KEY, "service_code": "fire-building"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    root = ElementTree.fromstring(xml.content)  # noqa: S314 - our own output
    assert root.tag == "errors" and "Call 112" in root.findtext("error/description")


def test_listing_costs_the_same_for_many_requests(client, reporting_setup, django_assert_max_num_queries):
    for n in range(12):
        assert _post(client, description=f"Pembakaran sampah {n}", service_code="hazard-burning").status_code == 201
    with django_assert_max_num_queries(8):
        assert len(client.get("/open311/v2/requests.json").json()) == 12


@override_settings(OPEN311_API_KEYS=[])
def test_without_configured_keys_nobody_may_post(client, reporting_setup):
    assert _post(client, api_key="").status_code == 403
