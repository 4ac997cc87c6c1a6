"""The inspection back-office screens: History shows moves and results; a user without
the permission is refused by the screen's policy and nothing changes."""

from django.contrib.auth.models import Permission
from django.urls import reverse

from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

import pytest

from reporting.inspections.models import InspectionRequest, Status

from .conftest import advance, make_user

pytestmark = pytest.mark.django_db

INDEX = "/admin/inspections/requests/"


def reader():
    """Back-office access and the view permission, nothing more."""
    user = make_user("reader@example.com")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="inspections", codename="view_inspectionrequest"),
    )
    return user


def refused(response):
    # Wagtail answers a refused admin request with a redirect to the dashboard and an error message.
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_history_shows_each_move_and_the_result(client, staff, make_request):
    inspection = make_request()
    advance(inspection, Status.RESULT_ISSUED, compliant=False)
    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(staff)
    page = client.get(reverse("inspection_requests:history", args=[inspection.pk])).content.decode()
    assert "Status changed from “Submitted” to “Verified”" in page
    assert "Status changed from “Inspected” to “Result issued”" in page
    visit = InspectionRequest.objects.get(pk=inspection.pk).current_visit
    assert f"Result of visit 1 issued: Not compliant ({visit.result_number})" in page


def test_reader_cannot_write_to_the_applicant(client, make_request, mailoutbox):
    inspection = make_request(status=Status.VERIFIED)
    events = inspection.events.count()
    client.force_login(reader())
    assert refused(client.post(f"{INDEX}{inspection.pk}/message/", {"message": "hai"}))
    assert inspection.events.count() == events and not mailoutbox


def test_reader_cannot_record_the_checklist(client, make_request):
    inspection = make_request(status=Status.SCHEDULED)
    visit = inspection.current_visit
    entry = visit.entries.order_by("sort_order").first()
    client.force_login(reader())
    url = f"{INDEX}visits/{visit.pk}/checklist/"
    assert refused(client.get(url))
    assert refused(client.post(url, {f"e{entry.pk}-outcome": "met"}))
    entry.refresh_from_db()
    assert entry.outcome == ""


def test_reader_sees_no_move_and_cannot_make_one(client, make_request):
    inspection = make_request()
    client.force_login(reader())
    assert "/move/" not in client.get(f"{INDEX}inspect/{inspection.pk}/").content.decode()
    response = client.post(f"{INDEX}{inspection.pk}/move/verified/", {"message": "ok"})
    assert response.status_code == 302 and response.url == f"{INDEX}inspect/{inspection.pk}/"
    assert InspectionRequest.objects.get(pk=inspection.pk).status == Status.SUBMITTED
    assert not ModelLogEntry.objects.filter(object_id=str(inspection.pk), action="damkar.status").exists()


def test_agenda_needs_the_view_permission(client, make_request):
    client.force_login(reader())
    assert client.get("/admin/inspections/agenda/").status_code == 200
    outsider = make_user("outsider@example.com")
    outsider.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(outsider)
    assert refused(client.get("/admin/inspections/agenda/"))
