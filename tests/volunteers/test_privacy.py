import json

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

import pytest

from portal.core import privacy
from volunteers import seats
from volunteers.models import Certificate, Registration, VolunteerProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_volunteer(make_volunteer, make_training, coordinator, start):
    """A volunteer with an upcoming seat, a past attended training (certificate) and a group."""
    from volunteers.models import GroupMembership, VolunteerGroup

    volunteer = make_volunteer(
        name="Rina Marlina Sari",
        emergency_contact_name="Pak Joko Darurat",
        motivation="Rumah saya dekat lahan gambut.",
        skills="Menyelam dan tali-temali",
    )
    upcoming = make_training(capacity=1)
    past = make_training(capacity=5, title="Pelatihan Gambut")
    seats.register(upcoming, volunteer.user)
    registration = seats.register(past, volunteer.user)
    start(past)
    seats.mark_attendance(registration, True, by=coordinator)
    group = VolunteerGroup.objects.create(name="BALAKAR Thehok", kind="balakar")
    GroupMembership.objects.create(group=group, volunteer=volunteer, role="leader")
    return volunteer, upcoming


def test_export_contains_everything_about_me(client, busy_volunteer):
    volunteer, _upcoming = busy_volunteer
    client.force_login(volunteer.user)
    assert client.get("/id/relawan/saya/data.json").status_code == 302  # moved to the account
    response = client.get("/id/accounts/my-data.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == volunteer.user.email
    data = {**data, **data["volunteering"]}
    assert data["account"]["email"] == volunteer.user.email
    profile = data["volunteer_profile"]
    assert profile["full_name"] == "Rina Marlina Sari"
    assert profile["phone"] == str(volunteer.phone)
    assert profile["date_of_birth"] == "1990-01-01"
    assert profile["emergency_contact_phone"] == str(volunteer.emergency_contact_phone)
    assert profile["consent_given_at"]
    assert profile["kelurahan"] == "Thehok"
    assert len(data["training_registrations"]) == 2
    assert {r["status"] for r in data["training_registrations"]} == {"confirmed"}
    assert data["certificates"][0]["training"] == "Pelatihan Gambut"
    assert data["group_memberships"] == [
        {"group": "BALAKAR Thehok", "role": "leader", "joined_on": data["group_memberships"][0]["joined_on"]}
    ]


def test_export_holds_nothing_about_others(client, busy_volunteer, make_volunteer):
    volunteer, upcoming = busy_volunteer
    other = make_volunteer(name="Orang Lain Sekali")
    seats.register(upcoming, other.user)
    client.force_login(other.user)
    body = client.get("/id/accounts/my-data.json").content.decode()
    assert "Rina Marlina" not in body
    assert volunteer.user.email not in body


def _all_text_in_database():
    """Every text value in every table this project owns, to search for leftovers."""
    values = []
    for model in apps.get_models():
        if model._meta.app_label not in {"volunteers", "auth", "account", "home"}:
            continue
        text_fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, (models.CharField, models.TextField, models.EmailField, models.JSONField))
        ]
        for row in model.objects.values_list(*text_fields):
            values.extend(str(v) for v in row if v)
    return "\n".join(values)


def test_deleting_the_account_leaves_no_personal_data(
    client, busy_volunteer, make_volunteer, django_capture_on_commit_callbacks
):
    volunteer, upcoming = busy_volunteer
    waiting = make_volunteer()
    seats.register(upcoming, waiting.user)  # waitlisted behind our volunteer
    user = volunteer.user
    email, phone, emergency = user.email, str(volunteer.phone), str(volunteer.emergency_contact_phone)
    client.force_login(user)
    assert client.get("/id/relawan/saya/hapus-akun/").status_code == 302  # moved to the account
    assert client.get("/id/accounts/delete/").status_code == 200
    response = client.post("/id/accounts/delete/", {"password": "wrong", "confirm": "on"})
    assert response.status_code == 200 and get_user_model().objects.filter(pk=user.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/id/accounts/delete/", {"password": "correct horse battery", "confirm": "on"})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=user.pk).exists()

    everything = _all_text_in_database()
    for secret in (email, phone, emergency, "Rina Marlina", "Pak Joko", "lahan gambut", "Menyelam"):
        assert secret not in everything, secret

    # Statistics survive: the anonymised profile, its area and status, attendance.
    profile = VolunteerProfile.objects.get(pk=volunteer.pk)
    assert profile.user is None and profile.anonymised_at is not None
    assert profile.kelurahan.name == "Thehok" and profile.birth_year == 1990 and profile.status == "approved"
    assert Registration.objects.filter(profile=profile, attended=True).count() == 1
    assert Certificate.objects.get(registration__profile=profile).withdrawn_at is not None
    # The upcoming seat went to the waitlist.
    assert Registration.objects.get(user=waiting.user).status == "confirmed"
    # And the session is gone.
    assert client.get("/id/relawan/saya/").status_code == 302


def test_withdrawn_certificate_is_no_longer_verifiable(client, busy_volunteer):
    volunteer, _upcoming = busy_volunteer
    code = Certificate.objects.get(registration__user=volunteer.user).code
    privacy.erase(volunteer.user)
    html = client.get(f"/en/relawan/verifikasi/?code={code}").content.decode()
    assert "withdrawn" in html
    assert "Rina" not in html
