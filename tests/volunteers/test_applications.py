import datetime

from django.core import mail
from django.test import override_settings
from django.utils import timezone

import pytest

from portal.core.workflow import TransitionNotAllowed
from volunteers import lifecycle
from volunteers.models import VolunteerProfile

pytestmark = pytest.mark.django_db


def valid_data(kelurahan, **overrides):
    data = {
        "full_name": "Rina Marlina",
        "phone": "0812 3456 7890",
        "date_of_birth": "1995-04-01",
        "kecamatan": kelurahan.kecamatan_id,
        "kelurahan": kelurahan.pk,
        "skills": "Pertolongan pertama",
        "certificates": "PMI",
        "availability": ["weekend", "on_call"],
        "emergency_contact_name": "Budi",
        "emergency_contact_phone": "0813 1111 2222",
        "motivation": "Ingin membantu lingkungan.",
        "consent": "on",
    }
    data.update(overrides)
    return data


def test_application_needs_sign_in(client, site):
    response = client.get("/id/relawan/daftar/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_application_needs_a_verified_email(client, make_user, site):
    client.force_login(make_user(verified=False))
    response = client.get("/id/relawan/daftar/")
    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/email/")


def test_valid_application_is_stored_pending_with_consent(client, make_user, kelurahan):
    user = make_user()
    client.force_login(user)
    response = client.post("/en/relawan/daftar/", valid_data(kelurahan))
    assert response.status_code == 302, response.content.decode()
    profile = VolunteerProfile.objects.get(user=user)
    assert profile.status == "pending"
    assert str(profile.phone) == "+6281234567890"
    assert profile.consent_at is not None and profile.consent_version
    assert profile.language == "en"
    assert profile.availability == ["weekend", "on_call"]
    assert profile.birth_year == 1995


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"consent": ""}, "consent", "privacy statement"),
        ({"phone": "+1 202 555 0143"}, "phone", "Indonesian"),
        ({"phone": "12"}, "phone", ""),
        ({"emergency_contact_phone": "+44 20 7946 0958"}, "emergency_contact_phone", "Indonesian"),
        ({"full_name": ""}, "full_name", ""),
        ({"availability": []}, "availability", ""),
        ({"motivation": ""}, "motivation", ""),
    ],
)
def test_invalid_application_is_refused_with_a_clear_error(client, make_user, kelurahan, overrides, field, message):
    client.force_login(make_user())
    data = {k: v for k, v in valid_data(kelurahan, **overrides).items() if v not in ("", [])}
    response = client.post("/en/relawan/daftar/", data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    assert message in " ".join(errors[field])
    assert not VolunteerProfile.objects.exists()


def test_minimum_age_comes_from_settings(client, make_user, kelurahan):
    client.force_login(make_user())
    today = timezone.localdate()
    seventeen = today.replace(year=today.year - 17).isoformat()
    response = client.post("/en/relawan/daftar/", valid_data(kelurahan, date_of_birth=seventeen))
    assert "at least 18 years" in " ".join(response.context["form"].errors["date_of_birth"])
    with override_settings(VOLUNTEER_MIN_AGE=16):
        response = client.post("/en/relawan/daftar/", valid_data(kelurahan, date_of_birth=seventeen))
        assert response.status_code == 302


def test_future_birth_date_refused(client, make_user, kelurahan):
    client.force_login(make_user())
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client.post("/en/relawan/daftar/", valid_data(kelurahan, date_of_birth=tomorrow))
    assert "date_of_birth" in response.context["form"].errors


def test_kelurahan_must_belong_to_the_kecamatan(client, make_user, kelurahan):
    from portal.core.places import Kecamatan

    other = Kecamatan.objects.exclude(pk=kelurahan.kecamatan_id).first()
    client.force_login(make_user())
    response = client.post("/en/relawan/daftar/", valid_data(kelurahan, kecamatan=other.pk))
    assert "not in the chosen kecamatan" in " ".join(response.context["form"].errors["kelurahan"])


def test_indonesian_error_messages(client, make_user, kelurahan):
    client.force_login(make_user())
    response = client.post("/id/relawan/daftar/", valid_data(kelurahan, consent=""))
    assert "kebijakan privasi" in response.content.decode().lower()


def test_second_application_is_not_created(client, make_volunteer):
    profile = make_volunteer(status="pending")
    client.force_login(profile.user)
    response = client.get("/id/relawan/daftar/")
    assert response.status_code == 302
    assert response["Location"] == "/id/relawan/saya/"


def test_rejected_applicant_may_apply_again(client, make_volunteer, kelurahan):
    profile = make_volunteer(status="rejected", rejection_reason="Data belum lengkap")
    client.force_login(profile.user)
    assert client.get("/id/relawan/daftar/").status_code == 200
    client.post("/id/relawan/daftar/", valid_data(kelurahan))
    profile.refresh_from_db()
    assert profile.status == "pending"
    assert profile.rejection_reason == ""
    assert VolunteerProfile.objects.count() == 1


def test_approval_emails_the_applicant(make_volunteer, coordinator, django_capture_on_commit_callbacks):
    profile = make_volunteer(status="pending")
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.decide(profile, "approved", user=coordinator)
    profile.refresh_from_db()
    assert profile.status == "approved"
    assert profile.decided_by == coordinator
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [profile.user.email]
    assert "disetujui" in mail.outbox[0].subject  # Indonesian, the applicant's language


def test_rejection_needs_a_reason_and_sends_it(make_volunteer, coordinator, django_capture_on_commit_callbacks):
    profile = make_volunteer(status="pending", language="en")
    with pytest.raises(TransitionNotAllowed):
        lifecycle.decide(profile, "rejected", user=coordinator, reason="  ")
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.decide(profile, "rejected", user=coordinator, reason="Usia belum cukup untuk kegiatan lapangan.")
    profile.refresh_from_db()
    assert profile.status == "rejected"
    assert "Usia belum cukup" in mail.outbox[0].body
    assert mail.outbox[0].subject.endswith("About your volunteer application")


def test_transitions_follow_the_workflow(make_volunteer, coordinator):
    profile = make_volunteer(status="pending")
    with pytest.raises(TransitionNotAllowed):
        lifecycle.decide(profile, "inactive", user=coordinator)
    lifecycle.decide(profile, "approved", user=coordinator)
    lifecycle.decide(profile, "inactive", user=coordinator)
    profile.refresh_from_db()
    assert profile.status == "inactive"


def test_a_volunteer_cannot_decide(make_volunteer):
    profile = make_volunteer(status="pending")
    other = make_volunteer(status="approved")
    with pytest.raises(TransitionNotAllowed):
        lifecycle.decide(profile, "approved", user=other.user)


def test_failed_email_keeps_the_decision(
    make_volunteer, coordinator, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    from volunteers import tasks

    def broken(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(tasks, "send_mail", broken)
    profile = make_volunteer(status="pending")
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.decide(profile, "approved", user=coordinator)
    profile.refresh_from_db()
    assert profile.status == "approved"
    assert "Application status email" in caplog.text


def test_admin_decide_view(client, make_volunteer, coordinator, django_capture_on_commit_callbacks):
    profile = make_volunteer(status="pending")
    client.force_login(coordinator)
    url = f"/admin/volunteers/applications/decide/{profile.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"decision": "rejected", "reason": ""})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"decision": "approved"})
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.status == "approved"
    assert len(mail.outbox) == 1
