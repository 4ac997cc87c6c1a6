"""Erasing an account: each kind of person, all or nothing, and the back office still works after it."""

from django.contrib.auth import get_user_model
from django.core import mail

import pytest

from reporting.inspections.models import InspectionDocument, InspectionRequest
from tests.privacy.conftest import PASSWORD
from volunteers.models import GroupMembership, Registration, VolunteerProfile

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
