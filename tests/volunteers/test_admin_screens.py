"""The volunteers' back-office screens: History shows decisions; a user without the
permission is refused by the screen's policy and nothing changes."""

from django.contrib.auth.models import Permission
from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest

from volunteers import seats
from volunteers.models import Registration, VolunteerProfile

pytestmark = pytest.mark.django_db


def refused(response):
    # Wagtail answers a refused admin request with a redirect to the dashboard and an error message.
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


@pytest.fixture
def viewer(make_user, site):
    """Back-office access and the view permissions, nothing more."""
    user = make_user(email="viewer@example.test")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="volunteers", codename="view_registration"),
        Permission.objects.get(content_type__app_label="volunteers", codename="view_volunteerprofile"),
    )
    return user


def test_history_shows_the_decision(client, coordinator, make_volunteer):
    profile = make_volunteer(status="pending")
    UserProfile.objects.update_or_create(user=coordinator, defaults={"preferred_language": "en"})
    client.force_login(coordinator)
    client.post(reverse("volunteers_applications:decide", args=[profile.pk]), {"decision": "approved"})
    page = client.get(reverse("volunteers_applications:history", args=[profile.pk])).content.decode()
    assert "Status changed from “Pending review” to “Approved”" in page


def test_viewer_cannot_decide(client, viewer, make_volunteer):
    profile = make_volunteer(status="pending")
    client.force_login(viewer)
    url = reverse("volunteers_applications:decide", args=[profile.pk])
    assert refused(client.get(url))
    assert refused(client.post(url, {"decision": "approved"}))
    assert VolunteerProfile.objects.get(pk=profile.pk).status == "pending"


def test_viewer_reads_the_roster_but_cannot_mark_or_cancel(client, viewer, make_training, make_volunteer):
    training = make_training(capacity=1)
    seat = seats.register(training, make_volunteer(name="Ani Peserta").user)
    client.force_login(viewer)
    page = client.get(reverse("volunteers_roster:roster", args=[training.pk])).content.decode()
    assert "Ani Peserta" in page and reverse("volunteers_roster:mark", args=[seat.pk]) not in page
    assert refused(client.post(reverse("volunteers_roster:mark", args=[seat.pk]), {"attended": "yes"}))
    assert refused(client.post(reverse("volunteers_roster:cancel", args=[seat.pk])))
    seat = Registration.objects.get(pk=seat.pk)
    assert (seat.status, seat.attended) == (Registration.Status.CONFIRMED, None)


def test_history_shows_seat_and_attendance_changes(client, coordinator, make_training, make_volunteer, start):
    training = make_training(capacity=1)
    seat = seats.register(training, make_volunteer(name="Ani Peserta").user)
    waiting = seats.register(training, make_volunteer(name="Bayu Menunggu").user)
    UserProfile.objects.update_or_create(user=coordinator, defaults={"preferred_language": "en"})
    client.force_login(coordinator)
    client.post(reverse("volunteers_roster:cancel", args=[seat.pk]))
    start(training)
    client.post(reverse("volunteers_roster:mark", args=[waiting.pk]), {"attended": "yes"})
    cancelled = client.get(reverse("volunteers_registrations:history", args=[seat.pk])).content.decode()
    assert "Status set to “Seat confirmed”" in cancelled
    assert "Status changed from “Seat confirmed” to “Cancelled”" in cancelled
    promoted = client.get(reverse("volunteers_registrations:history", args=[waiting.pk])).content.decode()
    assert "Status changed from “On the waitlist” to “Seat confirmed”" in promoted
    assert "Marked present" in promoted


NOT_STARTED = "This training has not started yet: attendance can be marked once it begins."


def test_attendance_waits_for_the_training_to_start(client, coordinator, make_training, make_volunteer, start):
    training = make_training(capacity=1)
    seat = seats.register(training, make_volunteer(name="Ani Peserta").user)
    UserProfile.objects.update_or_create(user=coordinator, defaults={"preferred_language": "en"})
    client.force_login(coordinator)
    response = client.post(reverse("volunteers_roster:mark", args=[seat.pk]), {"attended": "yes"}, follow=True)
    assert NOT_STARTED in response.content.decode()
    seat = Registration.objects.get(pk=seat.pk)
    assert (seat.attended, seat.attendance_marked_by, hasattr(seat, "certificate")) == (None, None, False)
    edit = client.post(reverse("volunteers_registrations:edit", args=[seat.pk]), {"attended": "true"})
    assert edit.status_code == 200 and NOT_STARTED in edit.content.decode()
    assert Registration.objects.get(pk=seat.pk).attended is None
    start(training)
    client.post(reverse("volunteers_roster:mark", args=[seat.pk]), {"attended": "yes"})
    assert Registration.objects.get(pk=seat.pk).attended is True
