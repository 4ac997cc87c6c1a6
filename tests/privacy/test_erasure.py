"""Erasing an account: each kind of person, all or nothing, and the back office still works after it."""

from django.contrib.auth import get_user_model
from django.core import mail

import pytest

from reporting.inspections.models import InspectionDocument, InspectionRequest
from tests.privacy.conftest import PASSWORD
from volunteers.models import Certificate, GroupMembership, Registration, VolunteerProfile

pytestmark = pytest.mark.django_db


def _delete(client, user, capture):
    client.force_login(user)
    with capture(execute=True):
        response = client.post("/id/accounts/delete/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def test_applicant_with_requests_can_delete_account(
    client, applicant, give_requests, django_capture_on_commit_callbacks
):
    open_request, done = give_requests(applicant)
    mail.outbox.clear()
    _delete(client, applicant, django_capture_on_commit_callbacks)

    assert not get_user_model().objects.filter(pk=applicant.pk).exists()
    open_request.refresh_from_db()
    done.refresh_from_db()
    assert open_request.applicant is None and open_request.status == "cancelled"
    assert open_request.contact_name == "" and str(open_request.contact_phone or "") == "" and open_request.notes == ""
    assert not InspectionDocument.objects.filter(request=open_request).exists()
    # The issued result stays a public record, without the person.
    assert done.applicant is None and done.status == "result_issued" and done.contact_name == ""
    assert done.visits.get().result_number
    assert mail.outbox == []
    # Signed out once the erasure committed.
    assert client.get("/id/accounts/my-data/").status_code == 302


def test_volunteer_who_is_also_applicant(
    client, volunteer, make_volunteer, give_requests, give_volunteering, django_capture_on_commit_callbacks
):
    waiting = make_volunteer()
    upcoming, group = give_volunteering(volunteer, waiting_profile=waiting)
    give_requests(volunteer.user)
    user = volunteer.user
    mail.outbox.clear()
    _delete(client, user, django_capture_on_commit_callbacks)

    assert not get_user_model().objects.filter(pk=user.pk).exists()
    assert not InspectionRequest.objects.filter(contact_name__icontains="Sinta").exists()
    profile = VolunteerProfile.objects.get(pk=volunteer.pk)
    assert profile.user is None and profile.full_name == "" and profile.anonymised_at
    assert type(str(profile)) is str and str(profile)
    # No longer leads the group.
    assert not GroupMembership.objects.filter(volunteer=profile).exists()
    # The seat went to the one waiting, after the commit, and only they were emailed.
    assert Registration.objects.get(training=upcoming, user=waiting.user).status == "confirmed"
    assert [message.to for message in mail.outbox] == [[waiting.user.email]]


def test_anonymised_profile_str_is_a_plain_string(volunteer):
    from portal.core import privacy

    privacy.erase(volunteer.user)
    profile = VolunteerProfile.objects.get(pk=volunteer.pk)
    assert type(str(profile)) is str
    assert type(profile.__str__()) is str


def test_back_office_screens_of_an_erased_volunteer(
    client, volunteer, superuser, give_volunteering, django_capture_on_commit_callbacks
):
    """The four screens that answered 500: applications listing and inspect view, group page, decision."""
    from portal.core import privacy

    _upcoming, group = give_volunteering(volunteer)
    with django_capture_on_commit_callbacks(execute=True):
        privacy.erase(volunteer.user)
    client.force_login(superuser)
    for url in (
        "/admin/volunteers/applications/",
        f"/admin/volunteers/applications/inspect/{volunteer.pk}/",
        f"/admin/volunteers/applications/edit/{volunteer.pk}/",
        f"/admin/volunteers/groups/edit/{group.pk}/",
        f"/admin/volunteers/applications/decide/{volunteer.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Rina Marlina" not in response.content.decode()


class _Broken(Exception):
    pass


@pytest.fixture
def failing_part():
    """A part registered between volunteering (30) and inspections (40) that fails half-way."""
    from portal.core import privacy

    class Failing(privacy.Part):
        key = "failing-for-test"
        order = 35

        def erase(self, user):
            raise _Broken("injected")

    privacy.register(Failing)
    yield
    privacy.unregister("failing-for-test")


def _snapshot(user):
    return {
        "profiles": list(VolunteerProfile.objects.filter(user=user).values()),
        "registrations": list(Registration.objects.filter(user=user).order_by("pk").values()),
        "all_registrations": list(Registration.objects.order_by("pk").values("pk", "status", "user_id")),
        "memberships": list(GroupMembership.objects.values()),
        "certificates": list(Certificate.objects.values()),
        "requests": list(InspectionRequest.objects.filter(applicant=user).order_by("pk").values()),
        "documents": list(InspectionDocument.objects.values("pk", "request_id")),
    }


def test_failed_erasure_changes_nothing_and_sends_nothing(
    client,
    volunteer,
    make_volunteer,
    give_volunteering,
    give_requests,
    failing_part,
    django_capture_on_commit_callbacks,
):
    from portal.core import privacy

    waiting = make_volunteer()
    give_volunteering(volunteer, waiting_profile=waiting)
    give_requests(volunteer.user)
    user = volunteer.user
    before = _snapshot(user)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(_Broken):
        privacy.erase(user)
    assert get_user_model().objects.filter(pk=user.pk).exists()
    assert _snapshot(user) == before
    assert mail.outbox == []

    # Through the page: a clear message, nothing changed, still signed in.
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/accounts/delete/", {"password": PASSWORD, "confirm": "on"}, follow=True)
    assert response.status_code == 200
    assert "nothing was changed" in response.content.decode()
    assert _snapshot(user) == before
    assert mail.outbox == []
    assert client.get("/en/accounts/my-data/").status_code == 200
