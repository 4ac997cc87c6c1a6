"""After erasing each kind of person, every back-office screen and API operation that could
show them answers without a 500 and without a trace of their name, email or phone."""

import re

from django.core import mail

import pytest

from portal.core import privacy
from reporting.inspections.models import InspectionRequest
from volunteers.models import Certificate, Registration, VolunteerGroup, VolunteerProfile

pytestmark = pytest.mark.django_db


def _variants(phone):
    digits = re.sub(r"\D", "", str(phone))  # 6281211112222
    national = "0" + digits[2:]
    return {str(phone), digits, national, f"{national[:4]}-{national[4:8]}-{national[8:]}", digits[2:]}


def _traces(person_strings):
    secrets = set()
    for value in person_strings:
        secrets |= _variants(value) if value.startswith("+62") else {value}
    return secrets


def _admin_urls(profile_pks, request_pks, training_pks):
    urls = ["/admin/", "/admin/reports/site-history/"]
    for prefix, pks in (
        ("volunteers/applications", profile_pks),
        (
            "volunteers/registrations",
            Registration.objects.filter(profile_id__in=profile_pks).values_list("pk", flat=True),
        ),
        (
            "volunteers/certificates",
            Certificate.objects.filter(registration__profile_id__in=profile_pks).values_list("pk", flat=True),
        ),
        ("volunteers/groups", VolunteerGroup.objects.values_list("pk", flat=True)),
        ("inspections/requests", request_pks),
    ):
        urls += [f"/admin/{prefix}/", f"/admin/{prefix}/?export=csv", f"/admin/{prefix}/?export=xlsx"]
        for pk in pks:
            urls += [f"/admin/{prefix}/inspect/{pk}/", f"/admin/{prefix}/edit/{pk}/", f"/admin/{prefix}/history/{pk}/"]
    urls += [f"/admin/volunteers/applications/decide/{pk}/" for pk in profile_pks]
    urls += [f"/admin/inspections/requests/{pk}/message/" for pk in request_pks]
    urls += ["/admin/volunteers/rosters/", "/admin/inspections/agenda/"]
    urls += [f"/admin/volunteers/rosters/{pk}/" for pk in training_pks]
    return urls


def _api_urls(request_pks, training_pks):
    urls = ["/api/inspections/staff/requests/", "/api/volunteers/registrations/", "/api/volunteers/trainings/"]
    for pk in request_pks:
        urls += [f"/api/inspections/staff/requests/{pk}/", f"/api/inspections/staff/requests/{pk}/checklist/"]
    for pk in training_pks:
        urls += [f"/api/volunteers/trainings/{pk}/", f"/api/volunteers/trainings/{pk}/roster/"]
    return urls


def _crawl(client, superuser, secrets, profile_pks, request_pks, training_pks):
    client.force_login(superuser)
    seen = 0
    for url in _admin_urls(profile_pks, request_pks, training_pks) + _api_urls(request_pks, training_pks):
        response = client.get(url)
        assert response.status_code < 500, url
        if response.status_code == 404 and "/api/" in url:
            continue
        assert response.status_code in (200, 302), (url, response.status_code)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8", errors="replace")
        for secret in secrets:
            assert secret not in text, (url, secret, text[max(0, text.find(secret) - 300) : text.find(secret) + 100])
        seen += 1
    return seen


@pytest.fixture
def erase(django_capture_on_commit_callbacks):
    def run(user):
        with django_capture_on_commit_callbacks(execute=True):
            privacy.erase(user)

    return run


def test_erased_volunteer_leaves_no_trace(client, superuser, volunteer, give_volunteering, erase):
    upcoming, _group = give_volunteering(volunteer)
    user = volunteer.user
    secrets = _traces(["Rina Marlina", user.email, str(volunteer.phone), str(volunteer.emergency_contact_phone)])
    secrets.add("Pak Joko")
    erase(user)
    trainings = list(Registration.objects.filter(profile=volunteer).values_list("training_id", flat=True))
    assert _crawl(client, superuser, secrets, [volunteer.pk], [], trainings) > 10


def test_erased_applicant_leaves_no_trace(client, superuser, applicant, give_requests, erase):
    open_request, done = give_requests(applicant)
    secrets = _traces(["Sinta", "Pemilikgedung", applicant.email, "+6281299887766"])
    erase(applicant)
    assert _crawl(client, superuser, secrets, [], [open_request.pk, done.pk], []) > 10


def test_erased_volunteer_and_applicant_leaves_no_trace(
    client, superuser, volunteer, make_volunteer, give_volunteering, give_requests, erase
):
    waiting = make_volunteer()
    upcoming, _group = give_volunteering(volunteer, waiting_profile=waiting)
    requests = give_requests(volunteer.user)
    user = volunteer.user
    phones = [str(volunteer.phone), str(volunteer.emergency_contact_phone), "+6281299887766"]
    secrets = _traces(["Rina Marlina", "Sinta", user.email, *phones])
    erase(user)
    mail.outbox.clear()
    assert InspectionRequest.objects.filter(applicant=None).count() == 2
    trainings = [upcoming.pk, *Registration.objects.filter(profile=volunteer).values_list("training_id", flat=True)]
    assert _crawl(client, superuser, secrets, [volunteer.pk], [r.pk for r in requests], trainings) > 10
    assert VolunteerProfile.objects.get(pk=volunteer.pk).full_name == ""
