"""The back office: listing, filters, export, workflow buttons, checklist at the visit, agenda."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

import pytest
from PIL import Image

from reporting.inspections import lifecycle
from reporting.inspections.models import ChecklistPhoto, InspectionRequest, Status
from tests.refusals import assert_admin_refused

from .conftest import make_user

pytestmark = pytest.mark.django_db

INDEX = "/admin/inspections/requests/"


def test_listing_filters_and_export(client, inspector, make_request):
    shop = make_request(building_use="shop", building_name="Toko Satu")
    make_request(status=Status.VERIFIED, building_name="Hotel Dua")
    client.force_login(inspector)
    content = client.get(INDEX, {"building_use": "shop"}).content.decode()
    assert "Toko Satu" in content and "Hotel Dua" not in content
    content = client.get(INDEX, {"status": "verified"}).content.decode()
    assert "Hotel Dua" in content and "Toko Satu" not in content
    csv = client.get(INDEX, {"export": "csv"})
    assert csv["Content-Type"].startswith("text/csv") and "Toko Satu" in csv.getvalue().decode()
    xlsx = client.get(INDEX, {"export": "xlsx"})
    assert xlsx.status_code == 200 and xlsx.getvalue()[:2] == b"PK"
    assert client.get(INDEX, {"inspector": inspector.pk}).status_code == 200
    assert shop.reference in client.get(INDEX).content.decode()


def test_listing_query_count_is_flat(client, inspector, make_request):
    for _ in range(3):
        make_request()
    client.force_login(inspector)
    few = _count(client, INDEX)
    for _ in range(6):
        make_request()
    assert _count(client, INDEX) == few  # 9 rows cost what 3 rows cost
    assert few <= 25


def test_own_visits_come_first(client, inspector, make_request):
    other = make_user("other-inspector@example.com", groups=["Inspectors"])
    mine = make_request(status=Status.VERIFIED, building_name="Punya Saya")
    theirs = make_request(status=Status.VERIFIED, building_name="Punya Orang")
    # Both visits on the same local day (the agenda groups by day), theirs an hour earlier.
    noon = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate() + datetime.timedelta(days=3), datetime.time(12))
    )
    hour = datetime.timedelta(hours=1)
    lifecycle.move(mine, Status.SCHEDULED, user=inspector, starts_at=noon, ends_at=noon + hour, inspectors=[inspector])
    start = noon - hour
    lifecycle.move(
        theirs,
        Status.SCHEDULED,
        user=inspector,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        inspectors=[other],
    )
    client.force_login(inspector)
    listing = client.get(INDEX).content.decode()
    assert listing.index("Punya Saya") < listing.index("Punya Orang")
    agenda = client.get("/admin/inspections/agenda/").content.decode()
    assert agenda.index("Punya Saya") < agenda.index("Punya Orang")  # although theirs starts earlier


def test_inspect_shows_only_allowed_buttons(client, inspector, make_request):
    inspection = make_request()
    client.force_login(inspector)
    content = client.get(f"{INDEX}inspect/{inspection.pk}/").content.decode()
    for target in ("verified", "returned", "cancelled"):
        assert f"/move/{target}/" in content
    for target in ("scheduled", "inspected", "result_issued", "closed"):
        assert f"/move/{target}/" not in content
    # The server refuses a move that is not offered.
    response = client.post(f"{INDEX}{inspection.pk}/move/closed/")
    assert response.status_code == 302
    assert InspectionRequest.objects.get(pk=inspection.pk).status == Status.SUBMITTED


def test_transition_forms(client, inspector, make_request, mailoutbox, django_capture_on_commit_callbacks):
    inspection = make_request()
    client.force_login(inspector)
    response = client.post(f"{INDEX}{inspection.pk}/move/returned/", {"message": ""})
    assert response.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{INDEX}{inspection.pk}/move/verified/", {"message": "Dokumen lengkap"})
        day = timezone.localdate() + datetime.timedelta(days=4)
        response = client.post(
            f"{INDEX}{inspection.pk}/move/scheduled/",
            {"date": day.isoformat(), "start_time": "09:00", "duration": "120", "inspectors": [inspector.pk]},
        )
    assert response.status_code == 302
    inspection.refresh_from_db()
    assert inspection.status == Status.SCHEDULED
    visit = inspection.current_visit
    assert timezone.localtime(visit.starts_at).hour == 9 and list(visit.inspectors.all()) == [inspector]
    assert [m.to for m in mailoutbox] == [["owner@example.com"], ["owner@example.com"]]


def jpeg_with_exif():
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "SecretCamera"
    Image.new("RGB", (64, 48), (10, 120, 10)).save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_record_checklist_with_photos(client, inspector, make_request):
    inspection = make_request(status=Status.SCHEDULED)
    visit = inspection.current_visit
    entries = list(visit.entries.order_by("sort_order"))
    client.force_login(inspector)
    url = f"{INDEX}visits/{visit.pk}/checklist/"
    page = client.get(url, HTTP_USER_AGENT="Mobile")
    assert page.status_code == 200 and entries[0].text in page.content.decode()
    data = {f"e{e.pk}-outcome": "met" for e in entries}
    data[f"e{entries[0].pk}-outcome"] = "not_met"
    data[f"e{entries[0].pk}-note"] = "Jalan akses terhalang portal"
    data[f"e{entries[0].pk}-photos"] = [SimpleUploadedFile("akses.jpg", jpeg_with_exif(), content_type="image/jpeg")]
    response = client.post(url, data)
    assert response.status_code == 302
    first = visit.entries.get(pk=entries[0].pk)
    assert (first.outcome, first.note, first.recorded_by) == ("not_met", "Jalan akses terhalang portal", inspector)
    assert not visit.entries.filter(outcome="").exists()
    photo = ChecklistPhoto.objects.get(entry=first)
    with Image.open(photo.image.path) as image:
        assert not image.getexif()  # cleaned: no EXIF

    # A text file named .jpg is refused with a clear error and nothing is stored.
    bad = {f"e{entries[1].pk}-outcome": "na", f"e{entries[1].pk}-photos": [SimpleUploadedFile("x.jpg", b"hello")]}
    response = client.post(url, bad)
    assert response.status_code == 200 and "help-critical" in response.content.decode()
    assert visit.entries.get(pk=entries[1].pk).outcome == "met"
    assert ChecklistPhoto.objects.count() == 1


def test_checklist_needs_issue_permission(client, make_request):
    inspection = make_request(status=Status.SCHEDULED)
    clerk = make_user("clerk2@example.com")
    client.force_login(clerk)
    visit = inspection.current_visit
    assert_admin_refused(client.get(f"{INDEX}visits/{visit.pk}/checklist/"))
    entry = visit.entries.first()
    assert_admin_refused(
        client.post(f"{INDEX}visits/{visit.pk}/checklist/", {f"e{entry.pk}-outcome": "met", f"e{entry.pk}-note": "x"})
    )
    entry.refresh_from_db()
    assert entry.outcome == "" and entry.note == ""


def test_checklist_templates_in_admin(client, staff, site):
    client.force_login(staff)
    listing = client.get("/admin/inspections/checklists/").content.decode()
    assert "Daftar periksa: Umum" in listing and "Daftar periksa: Hotel" in listing
    assert client.get(reverse("inspection_requests:index")).status_code == 200
    assert client.get("/admin/inspections/agenda/").status_code == 200


def _count(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm the per-site caches of the shell
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_pages_and_api_lists_do_not_grow_with_rows(client, inspector, applicant, make_request):
    for _ in range(2):
        make_request(status=Status.SCHEDULED)
    urls_staff = [INDEX, "/admin/inspections/agenda/", "/api/inspections/staff/requests/"]
    urls_applicant = ["/en/inspections/mine/", "/api/inspections/requests/"]
    client.force_login(inspector)
    before_staff = [_count(client, url) for url in urls_staff]
    client.force_login(applicant)
    before_applicant = [_count(client, url) for url in urls_applicant]
    for _ in range(8):
        make_request(status=Status.SCHEDULED)
    client.force_login(inspector)
    assert [_count(client, url) for url in urls_staff] == before_staff
    client.force_login(applicant)
    assert [_count(client, url) for url in urls_applicant] == before_applicant


def test_requests_cannot_be_added_or_deleted_in_the_admin(client, staff, make_request):
    inspection = make_request()
    client.force_login(staff)
    listing = client.get(INDEX).content.decode()
    assert reverse("inspection_requests:add") not in listing
    assert_admin_refused(client.get(reverse("inspection_requests:add")))
    assert_admin_refused(client.post(reverse("inspection_requests:delete", args=[inspection.pk])))
    assert InspectionRequest.objects.filter(pk=inspection.pk).exists()
    assert client.get(f"{INDEX}inspect/{inspection.pk}/").status_code == 200


def test_message_to_the_applicant_without_a_status_change(
    client, inspector, applicant, make_request, mailoutbox, django_capture_on_commit_callbacks
):
    inspection = make_request(status=Status.VERIFIED)
    client.force_login(inspector)
    assert "/message/" in client.get(f"{INDEX}inspect/{inspection.pk}/").content.decode()
    assert client.post(f"{INDEX}{inspection.pk}/message/", {"message": ""}).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{INDEX}{inspection.pk}/message/", {"message": "Mohon siapkan kunci ruang panel.", "internal_note": "x"}
        )
    assert response.status_code == 302
    inspection.refresh_from_db()
    assert inspection.status == Status.VERIFIED
    event = inspection.events.order_by("-pk").first()
    assert (event.kind, event.public_note, event.actor) == ("note", "Mohon siapkan kunci ruang panel.", inspector)
    assert len(mailoutbox) == 1 and "Mohon siapkan kunci ruang panel." in mailoutbox[0].body
    client.force_login(applicant)
    page = client.get(inspection.get_absolute_url()).content.decode()
    assert "Mohon siapkan kunci ruang panel." in page
    outsider = make_user("outsider@example.com")
    client.force_login(outsider)
    assert_admin_refused(client.post(f"{INDEX}{inspection.pk}/message/", {"message": "hai"}))
    assert inspection.events.filter(kind="note").count() == 1 and len(mailoutbox) == 1
