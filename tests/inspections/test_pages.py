"""The applicant's pages: request with documents, privacy between applicants, correct, cancel, calendar."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

import pytest

from reporting.inspections.models import InspectionDocument, InspectionRequest, Status

from .conftest import PDF, make_user, pdf_upload

pytestmark = pytest.mark.django_db


def form_data(areas, **overrides):
    data = {
        "building_name": "Ruko Maju Jaya",
        "building_use": "shop",
        "floors": "3",
        "floor_area": "450",
        "year_built": "2020",
        "occupancy": "30",
        "reason": "new_building",
        "preferred_date": (timezone.localdate() + datetime.timedelta(days=5)).isoformat(),
        "alternative_date": "",
        "contact_name": "Siti",
        "contact_phone": "0812-7400-1234",
        "notes": "",
        "latitude": "-1.610100",
        "longitude": "103.613100",
        "kecamatan": str(areas.kecamatan_id),
        "kelurahan": str(areas.pk),
        "address": "Jl. Hayam Wuruk 3",
        "landmark": "",
    }
    data.update(overrides)
    return data


def test_request_needs_a_verified_email(client, areas):
    client.force_login(make_user("new@example.com", verified=False))
    response = client.get(reverse("inspections:request"))
    assert response.status_code != 200 or b"verif" in response.content.lower()
    assert not InspectionRequest.objects.exists()


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(reverse("inspections:request"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_request_with_a_document(client, applicant, areas, mailoutbox, django_capture_on_commit_callbacks):
    client.force_login(applicant)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("inspections:request"), {**form_data(areas), "documents": [pdf_upload()]})
    inspection = InspectionRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == inspection.get_absolute_url()
    assert inspection.applicant == applicant and inspection.status == Status.SUBMITTED
    assert str(inspection.contact_phone) == "+6281274001234"
    document = inspection.documents.get()
    assert document.kind == "pdf" and document.original_name == "pbg.pdf"
    assert "pbg" not in document.file.name  # a random name on disk
    assert inspection.events.get().kind == "created"
    assert len(mailoutbox) == 1 and inspection.reference in mailoutbox[0].subject
    page = client.get(inspection.get_absolute_url())
    assert b"Ruko Maju Jaya" in page.content and b"pbg.pdf" in page.content


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("denah.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200), "Only PDF, JPEG or PNG"),
        (SimpleUploadedFile("kosong.pdf", b""), "empty"),
        (SimpleUploadedFile("besar.pdf", PDF + b"0" * 2048), "too large"),
    ],
    ids=["renamed-executable", "empty", "oversize"],
)
@override_settings(DOCUMENT_MAX_BYTES=1024, LANGUAGE_CODE="en")
def test_bad_documents_are_refused_and_nothing_is_stored(client, applicant, areas, upload, message):
    client.force_login(applicant)
    response = client.post("/en/inspections/request/", {**form_data(areas), "documents": [upload]})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not InspectionRequest.objects.exists() and not InspectionDocument.objects.exists()


def test_form_errors(client, applicant, areas):
    client.force_login(applicant)
    bad = form_data(areas, latitude="-6.2", longitude="106.8", contact_phone="12", floors="0", year_built="2999")
    response = client.post("/en/inspections/request/", bad)
    errors = response.context["form"].errors
    assert {"latitude", "contact_phone", "floors", "year_built"} <= set(errors)
    assert not InspectionRequest.objects.exists()


def test_list_shows_only_own_requests(client, make_request, applicant, other_applicant):
    mine = make_request()
    theirs = make_request(owner=other_applicant, building_name="Gudang Orang Lain")
    client.force_login(applicant)
    content = client.get(reverse("inspections:list")).content.decode()
    assert mine.building_name in content and theirs.building_name not in content


def test_another_applicants_request_does_not_exist(client, make_request, other_applicant):
    inspection = make_request(status=Status.RETURNED)
    document = InspectionDocument.objects.create(request=inspection, kind="pdf", original_name="x.pdf", file="x.pdf")
    client.force_login(other_applicant)
    for name, args in [
        ("detail", [inspection.pk]),
        ("edit", [inspection.pk]),
        ("ics", [inspection.pk]),
        ("document", [inspection.pk, document.pk]),
    ]:
        assert client.get(reverse(f"inspections:{name}", args=args)).status_code == 404, name
    assert client.post(reverse("inspections:cancel", args=[inspection.pk])).status_code == 404
    assert (
        client.post(reverse("inspections:upload", args=[inspection.pk]), {"documents": [pdf_upload()]}).status_code
        == 404
    )
    inspection.refresh_from_db()
    assert inspection.status == Status.RETURNED and inspection.documents.count() == 1


def test_result_document_only_for_owner_and_staff(client, make_request, other_applicant, applicant, inspector):
    inspection = make_request(status=Status.RESULT_ISSUED)
    url = reverse("inspections:result", args=[inspection.current_visit.pk])
    client.force_login(other_applicant)
    assert client.get(url).status_code == 404
    client.force_login(applicant)
    response = client.get(url)
    assert response.status_code == 200 and inspection.current_visit.verification_code in response.content.decode()
    client.force_login(inspector)
    assert client.get(url).status_code == 200


def test_correct_and_resubmit(client, make_request, applicant, areas, mailoutbox):
    inspection = make_request(status=Status.RETURNED)
    client.force_login(applicant)
    detail = client.get(inspection.get_absolute_url()).content.decode()
    assert "Lampirkan denah." in detail  # the staff message
    response = client.post(
        reverse("inspections:edit", args=[inspection.pk]),
        {**form_data(areas, building_name="Hotel Contoh (revisi)"), "documents": [pdf_upload("denah.pdf")]},
    )
    assert response.status_code == 302
    inspection.refresh_from_db()
    assert inspection.status == Status.SUBMITTED and inspection.building_name == "Hotel Contoh (revisi)"
    assert inspection.documents.count() == 1
    assert client.get(reverse("inspections:edit", args=[inspection.pk])).status_code == 302  # no longer returned


def test_cancel_before_scheduled_only(client, make_request, applicant):
    client.force_login(applicant)
    open_request = make_request(status=Status.VERIFIED)
    client.post(reverse("inspections:cancel", args=[open_request.pk]), {"reason": "Batal renovasi"})
    open_request.refresh_from_db()
    assert open_request.status == Status.CANCELLED
    assert open_request.events.order_by("-pk").first().note == "Batal renovasi"
    scheduled = make_request(status=Status.SCHEDULED)
    client.post(reverse("inspections:cancel", args=[scheduled.pk]))
    scheduled.refresh_from_db()
    assert scheduled.status == Status.SCHEDULED


def test_calendar_file_for_a_scheduled_visit(client, make_request, applicant):
    inspection = make_request(status=Status.SCHEDULED)
    client.force_login(applicant)
    response = client.get(reverse("inspections:ics", args=[inspection.pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert "BEGIN:VEVENT" in body and "Hotel Contoh" in body
    unscheduled = make_request()
    assert client.get(reverse("inspections:ics", args=[unscheduled.pk])).status_code == 404


def test_add_documents_later(client, make_request, applicant):
    inspection = make_request()
    client.force_login(applicant)
    client.post(reverse("inspections:upload", args=[inspection.pk]), {"documents": [pdf_upload("izin.pdf")]})
    assert inspection.documents.get().original_name == "izin.pdf"
    client.post(
        reverse("inspections:upload", args=[inspection.pk]),
        {"documents": [SimpleUploadedFile("virus.png", b"not a png at all")]},
    )
    assert inspection.documents.count() == 1


def test_verification_page_shows_no_personal_data(client, make_request, applicant):
    inspection = make_request(status=Status.RESULT_ISSUED, contact_name="Siti Rahma", notes="rahasia internal")
    visit = inspection.current_visit
    response = client.get("/en/inspections/verify/", {"code": visit.verification_code.lower().replace("-", "")})
    content = response.content.decode()
    assert "Hotel Contoh" in content and visit.result_number in content and "Not compliant" in content
    for private in ("Siti Rahma", "+6281274001234", applicant.email, "Jl. Sultan Agung", "rahasia", "Isi ulang APAR"):
        assert private not in content
    missing = client.get("/en/inspections/verify/", {"code": "AAAAA-BBBBB"})
    assert "No result with this code" in missing.content.decode()


def test_account_page_links_my_requests(client, applicant, site):
    client.force_login(applicant)
    response = client.get("/en/accounts/profile/")
    assert reverse("inspections:list") in response.content.decode()


def test_errors_are_summarised_at_the_top_and_the_coordinates_open(client, applicant, areas):
    from bs4 import BeautifulSoup

    client.force_login(applicant)
    bad = form_data(areas, latitude="", longitude="", contact_phone="12")
    response = client.post("/en/inspections/request/", bad)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one("#form-errors")
    form = soup.select_one("form.inspection-form")
    assert summary is not None and summary.sourceline < form.sourceline
    links = {a["href"] for a in summary.select("a")}
    assert {"#id_latitude", "#id_contact_phone"} <= links
    details = soup.select_one("details.location-fields__coordinates")
    assert details.has_attr("open")
    assert "required" in details.summary.get_text()
    assert not InspectionRequest.objects.exists()


def test_documents_help_text_follows_the_page_language(client, applicant, areas):
    client.force_login(applicant)
    english = client.get("/en/inspections/request/").content.decode()
    assert "PDF, JPEG or PNG, at most" in english
    indonesian = client.get("/id/inspections/request/")
    assert indonesian.status_code == 200
    assert "PDF, JPEG atau PNG, paling besar" in indonesian.content.decode()  # pending string
    assert "PDF, JPEG or PNG, at most" not in indonesian.content.decode()


def test_printable_result_has_letterhead_signature_and_a_qr_code_to_verify(client, make_request, applicant, settings):
    import segno

    settings.PUBLIC_BASE_URL = "https://damkar.example.id"
    inspection = make_request(status=Status.RESULT_ISSUED)
    visit = inspection.current_visit
    client.force_login(applicant)
    html = client.get(reverse("inspections:result", args=[visit.pk])).content.decode()
    assert 'class="result-document__letterhead"' in html
    assert 'class="result-document__signature"' in html and 'class="result-document__sign-space"' in html
    verify = f"https://damkar.example.id/id/inspections/verify/?code={visit.verification_code}"
    expected = segno.make(verify, error="m").svg_inline(scale=3, border=2, title=verify, svgclass="result-document__qr")
    assert expected in html  # the QR code encodes the public verification URL with the code
    assert "onclick=" not in html  # no inline script (CSP)
    # The URL in the code opens the verification page with the result.
    page = client.get(f"/en/inspections/verify/?code={visit.verification_code}").content.decode()
    assert inspection.building_name in page
