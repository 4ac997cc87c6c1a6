import uuid
from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from reporting.incidents.models import FireStation, Incident, Status

from .conftest import INSIDE, OUTSIDE


@pytest.fixture
def api():
    return APIClient()


@pytest.mark.django_db
def test_anonymous_create(api, payload):
    response = api.post("/api/incidents/", payload, format="json")
    assert response.status_code == 201, response.json()
    incident = Incident.objects.get()
    assert response.json()["tracking_code"] == incident.tracking_code
    assert incident.source == "api" and str(incident.reporter_phone) == "+6281234567890"


@pytest.mark.django_db
def test_anonymous_cannot_choose_source_or_time(api, payload):
    api.post("/api/incidents/", {**payload, "source": "112", "received_at": "2020-01-01T00:00:00Z"}, format="json")
    incident = Incident.objects.get()
    assert incident.source == "api" and incident.received_at.year > 2020


@pytest.mark.django_db
def test_staff_create_with_source(api, payload, dispatcher):
    api.force_authenticate(dispatcher)
    response = api.post("/api/incidents/", {**payload, "source": "112"}, format="json")
    assert response.status_code == 201
    incident = Incident.objects.get()
    assert incident.source == "112" and incident.created_by == dispatcher


@pytest.mark.django_db
def test_idempotent_create_returns_the_same_incident(api, payload):
    key = str(uuid.uuid4())
    first = api.post("/api/incidents/", payload, format="json", HTTP_IDEMPOTENCY_KEY=key)
    second = api.post("/api/incidents/", payload, format="json", HTTP_IDEMPOTENCY_KEY=key)
    assert first.status_code == 201 and second.status_code == 200
    assert second["Idempotent-Replayed"] == "true"
    assert first.json()["tracking_code"] == second.json()["tracking_code"]
    assert Incident.objects.count() == 1
    api.post("/api/incidents/", payload, format="json", HTTP_IDEMPOTENCY_KEY=str(uuid.uuid4()))
    assert Incident.objects.count() == 2


@pytest.mark.django_db
def test_create_with_photos_multipart(api, payload, photo):
    response = api.post("/api/incidents/", {**payload, "photos": [photo(), photo()]}, format="multipart")
    assert response.status_code == 201
    assert Incident.objects.get().photos.count() == 2


@pytest.mark.django_db
def test_bad_photo_is_a_400_with_field_message(api, payload, photo):
    bad = photo(name="x.jpg", content=b"not an image at all")
    response = api.post("/api/incidents/", {**payload, "photos": [bad]}, format="multipart", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "not a valid image" in str(response.json()["photos"])
    assert not Incident.objects.exists()


@pytest.mark.django_db
def test_errors_follow_accept_language(api, payload):
    payload.update(latitude=str(OUTSIDE[0]), longitude=str(OUTSIDE[1]))
    english = api.post("/api/incidents/", payload, format="json", HTTP_ACCEPT_LANGUAGE="en")
    indonesian = api.post("/api/incidents/", payload, format="json", HTTP_ACCEPT_LANGUAGE="id")
    assert english.status_code == indonesian.status_code == 400
    assert "outside the area we serve" in english.json()["latitude"][0]
    assert "di luar wilayah" in indonesian.json()["latitude"][0]
    missing = api.post("/api/incidents/", {}, format="json", HTTP_ACCEPT_LANGUAGE="en").json()
    assert missing["description"] == ["This field is required."]
    assert not Incident.objects.exists()


@pytest.mark.django_db
def test_create_is_throttled(api, payload, settings):
    from rest_framework.throttling import ScopedRateThrottle

    rates = {**ScopedRateThrottle.THROTTLE_RATES, "incident_create": "3/hour"}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ScopedRateThrottle, "THROTTLE_RATES", rates)
        codes = [api.post("/api/incidents/", payload, format="json").status_code for _ in range(4)]
    assert codes == [201, 201, 201, 429]
    assert Incident.objects.count() == 3


@pytest.mark.django_db
def test_tracking_by_code(api, make_incident):
    incident = make_incident()
    response = api.get(f"/api/incidents/track/{incident.tracking_code.lower()}/")
    assert response.status_code == 200 and response.json()["tracking_code"] == incident.tracking_code


@pytest.mark.django_db
def test_unknown_tracking_code_is_404(api, reporting_setup):
    assert api.get("/api/incidents/track/ZZZZ-ZZZZ/").status_code == 404


@pytest.mark.django_db
def test_categories_are_translated(api, reporting_setup):
    english = {c["code"]: c["name"] for c in api.get("/api/incident-categories/", HTTP_ACCEPT_LANGUAGE="en").json()}
    indonesian = {c["code"]: c["name"] for c in api.get("/api/incident-categories/", HTTP_ACCEPT_LANGUAGE="id").json()}
    assert english["fire"] == "Fire" and indonesian["fire"] == "Kebakaran"


@pytest.mark.django_db
def test_staff_list_needs_permission(api, make_incident, citizen, head):
    make_incident()
    assert api.get("/api/incidents/").status_code in (401, 403)
    api.force_authenticate(citizen)
    assert api.get("/api/incidents/").status_code == 403
    api.force_authenticate(head)
    assert api.get("/api/incidents/").json()["count"] == 1


@pytest.mark.django_db
def test_staff_list_filters(api, make_incident, dispatcher, reporting_setup):
    from reporting.incidents.models import Category

    near = make_incident()
    far = make_incident(latitude=INSIDE[0] + Decimal("0.05"), longitude=INSIDE[1] + Decimal("0.05"))
    snake = make_incident(category=Category.objects.get(code="rescue-snake", locale__language_code="id"))
    Incident.objects.filter(pk=far.pk).update(status=Status.FINISHED)
    api.force_authenticate(dispatcher)

    def codes(**params):
        response = api.get("/api/incidents/", params)
        assert response.status_code == 200, response.json()
        return {row["tracking_code"] for row in response.json()["results"]}

    d = Decimal("0.01")
    box = f"{INSIDE[0] - d},{INSIDE[1] - d},{INSIDE[0] + d},{INSIDE[1] + d}"
    assert codes(bbox=box) == {near.tracking_code, snake.tracking_code}
    assert codes(status="finished") == {far.tracking_code}
    assert codes(family="rescue") == {snake.tracking_code}
    assert codes(category="rescue-snake") == {snake.tracking_code}
    assert codes(kecamatan="15.71.08") == {near.tracking_code, far.tracking_code, snake.tracking_code}
    assert codes(received_after="2999-01-01T00:00:00Z") == set()
    # An offset PostgreSQL cannot store is normalised to UTC, not a server error.
    assert codes(received_before="0139-09-27T09:56:18.203-22:38") == set()
    assert api.get("/api/incidents/", {"received_after": "0001-01-01T00:00:00+23:00"}).status_code == 400
    assert api.get("/api/incidents/", {"bbox": "nonsense"}).status_code == 400


@pytest.mark.django_db
def test_list_query_count_is_flat(api, make_incident, dispatcher, django_assert_max_num_queries):
    api.force_authenticate(dispatcher)
    make_incident()
    with django_assert_max_num_queries(12):
        api.get("/api/incidents/")
    for _ in range(15):
        make_incident()
    with django_assert_max_num_queries(12):
        assert api.get("/api/incidents/").json()["count"] == 16


@pytest.mark.django_db
def test_transitions_through_the_api(api, make_incident, dispatcher, head):
    incident = make_incident()
    station = FireStation.objects.first()
    api.force_authenticate(head)
    assert api.post(f"/api/incidents/{incident.pk}/transition/", {"target": "verified"}).status_code == 403
    api.force_authenticate(dispatcher)
    url = f"/api/incidents/{incident.pk}/transition/"
    assert api.post(url, {"target": "finished"}, format="json").status_code == 409
    response = api.post(url, {"target": "dispatched", "station": station.pk, "units": "PMK 01"}, format="json")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "dispatched" and body["station"] == station.pk
    assert set(body["allowed_transitions"]) == {"en_route", "on_scene", "false_alarm"}
    assert api.post(url, {"target": "nonsense"}, format="json").status_code == 400


@pytest.mark.django_db
def test_assignment(api, make_incident, dispatcher):
    incident = make_incident()
    station = FireStation.objects.last()
    api.force_authenticate(dispatcher)
    response = api.post(
        f"/api/incidents/{incident.pk}/assign/",
        {"station": station.pk, "units": "PMK 09", "assigned_to": dispatcher.pk},
        format="json",
    )
    assert response.status_code == 200
    incident.refresh_from_db()
    assert (incident.station, incident.units, incident.assigned_to) == (station, "PMK 09", dispatcher)
    assert incident.events.filter(kind="assignment").exists()


@pytest.mark.parametrize(
    "when,message",
    [
        ("1330-07-25T01:32:59+07:00", "within the last 30 days"),
        ("2999-01-01T00:00:00+07:00", "cannot be in the future"),
    ],
)
def test_staff_cannot_date_a_call_centuries_away(dispatcher, category, kecamatan, when, message):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(dispatcher)
    body = {"category": "fire-building", "description": "Telepon 112", "kecamatan": "15.71.08", "received_at": when}
    response = api.post("/api/incidents/", body, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert message in response.json()["received_at"][0]
    assert not Incident.objects.exists()
