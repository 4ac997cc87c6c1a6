import pytest
from rest_framework.test import APIClient

from volunteers import seats
from volunteers.models import Registration

pytestmark = pytest.mark.django_db


def assert_not_found(response):
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


@pytest.fixture
def api():
    return APIClient()


def test_public_trainings_list_has_seats_and_no_personal_data(api, make_training, make_volunteer, home_en):
    training = make_training(capacity=3)
    make_training(days=-3)  # past: not listed
    volunteer = make_volunteer(name="Nama Rahasia")
    seats.register(training, volunteer.user)
    response = api.get("/api/volunteers/trainings/")
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["id"] for r in results] == [training.pk]
    assert results[0]["remaining_seats"] == 2 and results[0]["capacity"] == 3
    body = response.content.decode()
    assert "Nama Rahasia" not in body and volunteer.user.email not in body and training.title in body
    assert api.get("/api/volunteers/trainings/?locale=xx").status_code == 400


def test_training_detail(api, make_training):
    training = make_training(capacity=4)
    data = api.get(f"/api/volunteers/trainings/{training.pk}/").json()
    assert data["remaining_seats"] == 4 and data["registration_state"] == "open"
    assert data["url"].endswith(training.url)


def test_my_profile(api, make_volunteer, make_user):
    volunteer = make_volunteer(name="Dewi Lestari")
    api.force_authenticate(volunteer.user)
    data = api.get("/api/volunteers/me/").json()
    assert data["full_name"] == "Dewi Lestari" and data["status"] == "approved"
    response = api.patch("/api/volunteers/me/", {"skills": "Menyelam", "status": "approved"}, format="json")
    assert response.status_code == 200
    volunteer.refresh_from_db()
    assert volunteer.skills == "Menyelam"
    api.force_authenticate(make_user())
    assert_not_found(api.get("/api/volunteers/me/"))
    api.force_authenticate(None)
    assert api.get("/api/volunteers/me/").status_code in (401, 403)


def test_a_volunteer_cannot_promote_themselves(api, make_volunteer):
    volunteer = make_volunteer(status="pending")
    api.force_authenticate(volunteer.user)
    api.patch("/api/volunteers/me/", {"status": "approved"}, format="json")
    volunteer.refresh_from_db()
    assert volunteer.status == "pending"


def test_register_list_and_cancel(api, make_training, make_volunteer):
    training = make_training(capacity=1)
    first, second = make_volunteer(), make_volunteer()
    api.force_authenticate(first.user)
    response = api.post("/api/volunteers/registrations/", {"training": training.pk}, format="json")
    assert response.status_code == 201 and response.json()["status"] == "confirmed"
    code = response.json()["code"]
    assert api.post("/api/volunteers/registrations/", {"training": training.pk}, format="json").status_code == 409
    api.force_authenticate(second.user)
    waiting = api.post("/api/volunteers/registrations/", {"training": training.pk}, format="json").json()
    assert waiting["status"] == "waitlisted" and waiting["waitlist_position"] == 1
    # Another volunteer's registration does not exist for me.
    assert_not_found(api.get(f"/api/volunteers/registrations/{code}/"))
    assert_not_found(api.post(f"/api/volunteers/registrations/{code}/cancel/"))
    assert Registration.objects.get(code=code).status == "confirmed"
    assert [r["code"] for r in api.get("/api/volunteers/registrations/").json()["results"]] == [waiting["code"]]
    api.force_authenticate(first.user)
    assert api.post(f"/api/volunteers/registrations/{code}/cancel/").json()["status"] == "cancelled"
    assert Registration.objects.get(code=waiting["code"]).status == "confirmed"


def test_register_refused_for_pending_volunteer(api, make_training, make_volunteer):
    api.force_authenticate(make_volunteer(status="pending").user)
    response = api.post("/api/volunteers/registrations/", {"training": make_training().pk}, format="json")
    assert response.status_code == 400 and response.json()["code"] == "not_volunteer"


def test_roster_and_attendance_for_coordinators_only(api, make_training, make_volunteer, coordinator, start):
    training = make_training(capacity=1)
    volunteer = make_volunteer(name="Agus Firmansyah")
    registration = seats.register(training, volunteer.user)
    api.force_authenticate(volunteer.user)
    assert api.get(f"/api/volunteers/trainings/{training.pk}/roster/").status_code == 403
    assert api.put(f"/api/volunteers/attendance/{registration.code}/", {"attended": True}).status_code == 403
    api.force_authenticate(None)
    assert api.get(f"/api/volunteers/trainings/{training.pk}/roster/").status_code in (401, 403)
    api.force_authenticate(coordinator)
    roster = api.get(f"/api/volunteers/trainings/{training.pk}/roster/").json()
    assert roster[0]["name"] == "Agus Firmansyah" and roster[0]["code"] == registration.code
    start(training)
    response = api.put(f"/api/volunteers/attendance/{registration.code}/", {"attended": True}, format="json")
    assert response.status_code == 200 and response.json()["attended"] is True
    registration.refresh_from_db()
    assert registration.certificate


def test_endpoints_are_in_the_openapi_schema(api):
    schema = api.get("/api/schema/?format=json").json()
    paths = schema["paths"]
    for path in (
        "/api/volunteers/trainings/",
        "/api/volunteers/trainings/{id}/roster/",
        "/api/volunteers/me/",
        "/api/volunteers/registrations/",
        "/api/volunteers/registrations/{code}/cancel/",
        "/api/volunteers/attendance/{code}/",
    ):
        assert path in paths, path


def test_attendance_refused_before_the_training_starts(api, make_training, make_volunteer, coordinator):
    registration = seats.register(make_training(capacity=1), make_volunteer().user)
    api.force_authenticate(coordinator)
    url = f"/api/volunteers/attendance/{registration.code}/"
    response = api.put(url, {"attended": True}, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400 and response.json() == {
        "detail": "This training has not started yet: attendance can be marked once it begins.",
        "code": "not_started",
    }
    indonesian = api.put(url, {"attended": True}, format="json", HTTP_ACCEPT_LANGUAGE="id").json()["detail"]
    assert indonesian == "Pelatihan ini belum dimulai: kehadiran dapat dicatat setelah pelatihan dimulai."
    registration.refresh_from_db()
    assert registration.attended is None and registration.attendance_marked_at is None
    assert not hasattr(registration, "certificate")
