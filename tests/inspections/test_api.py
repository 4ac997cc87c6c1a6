"""The API: applicants see only their own requests; staff work them; anyone verifies a code."""

import datetime

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

import pytest
from rest_framework.test import APIClient

from reporting.inspections.models import InspectionDocument, InspectionRequest, Status, Visit

from .conftest import PDF, make_user, pdf_upload

pytestmark = pytest.mark.django_db

BASE = "/api/inspections/requests/"
STAFF = "/api/inspections/staff/requests/"


def hidden(response):
    """Another applicant's request must not exist for the caller."""
    return response.status_code == 404


@pytest.fixture
def api():
    return APIClient()


def payload(areas, **overrides):
    data = {
        "building_name": "Kantor Bank Contoh",
        "building_use": "office",
        "floors": 4,
        "floor_area": 1800,
        "year_built": 2005,
        "occupancy": 120,
        "reason": "insurance",
        "preferred_date": (timezone.localdate() + datetime.timedelta(days=9)).isoformat(),
        "contact_name": "Andi",
        "contact_phone": "081274001234",
        "latitude": "-1.610000",
        "longitude": "103.610000",
        "kecamatan": areas.kecamatan.code,
        "kelurahan": areas.code,
        "address": "Jl. Gatot Subroto 10",
    }
    data.update(overrides)
    return data


def test_create_list_read_own(api, applicant, other_applicant, areas, make_request):
    theirs = make_request(owner=other_applicant)
    api.force_authenticate(applicant)
    response = api.post(BASE, payload(areas), format="json")
    assert response.status_code == 201, response.data
    assert response.data["status"] == "submitted" and response.data["contact_phone"] == "+6281274001234"
    listing = api.get(BASE).data
    assert [r["id"] for r in listing["results"]] == [response.data["id"]]
    assert hidden(api.get(f"{BASE}{theirs.pk}/"))
    assert hidden(api.patch(f"{BASE}{theirs.pk}/", {"floors": 2}, format="json"))
    assert hidden(api.post(f"{BASE}{theirs.pk}/cancel/"))
    assert hidden(api.post(f"{BASE}{theirs.pk}/documents/", {"file": pdf_upload()}, format="multipart"))
    theirs.refresh_from_db()
    assert theirs.status == Status.SUBMITTED and theirs.floors == 5 and not theirs.documents.exists()


def test_create_errors_are_field_messages(api, applicant, areas):
    api.force_authenticate(applicant)
    response = api.post(
        BASE,
        payload(areas, contact_phone="123", floors=0),
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert str(response.data["contact_phone"][0]) == "Enter a valid phone number."
    assert "floors" in response.data
    outside = api.post(BASE, payload(areas, latitude="-6.2", longitude="106.8"), format="json")
    assert outside.status_code == 400 and "latitude" in outside.data
    elsewhere = api.post(BASE, payload(areas, kelurahan="15.71.01.1012"), format="json")
    assert elsewhere.status_code == 400 and "kelurahan" in elsewhere.data
    assert not InspectionRequest.objects.exists()


def test_unverified_and_anonymous_cannot_create(api, areas):
    assert api.post(BASE, payload(areas), format="json").status_code in (401, 403)
    api.force_authenticate(make_user("unverified@example.com", verified=False))
    assert api.post(BASE, payload(areas), format="json").status_code == 403


@pytest.mark.parametrize(
    "upload, code",
    [
        (SimpleUploadedFile("setup.pdf", b"MZ\x90\x00" + b"\x00" * 100), "invalid_document"),
        (SimpleUploadedFile("kosong.pdf", b""), None),
        (SimpleUploadedFile("besar.pdf", PDF + b"0" * 4096), "too_large"),
    ],
    ids=["renamed-executable", "empty", "oversize"],
)
@override_settings(DOCUMENT_MAX_BYTES=2048)
def test_document_upload_checks(api, applicant, make_request, upload, code):
    inspection = make_request()
    api.force_authenticate(applicant)
    response = api.post(f"{BASE}{inspection.pk}/documents/", {"file": upload}, format="multipart")
    assert response.status_code == 400 and "file" in response.data
    assert not InspectionDocument.objects.exists()
    ok = api.post(f"{BASE}{inspection.pk}/documents/", {"file": pdf_upload()}, format="multipart")
    assert ok.status_code == 201 and ok.data["type"] == "pdf"


def test_correct_resubmit_and_cancel(api, applicant, make_request):
    api.force_authenticate(applicant)
    submitted = make_request()
    assert api.patch(f"{BASE}{submitted.pk}/", {"floors": 6}, format="json").status_code == 400
    assert api.post(f"{BASE}{submitted.pk}/resubmit/").status_code == 409
    returned = make_request(status=Status.RETURNED)
    assert api.patch(f"{BASE}{returned.pk}/", {"floors": 6}, format="json").status_code == 200
    response = api.post(f"{BASE}{returned.pk}/resubmit/")
    assert response.status_code == 200 and response.data["status"] == "submitted" and response.data["floors"] == 6
    assert (
        api.post(f"{BASE}{returned.pk}/cancel/", {"reason": "Tidak jadi"}, format="json").data["status"] == "cancelled"
    )
    scheduled = make_request(status=Status.SCHEDULED)
    assert api.post(f"{BASE}{scheduled.pk}/cancel/").status_code == 409


def test_applicant_sees_public_notes_not_internal_ones(api, applicant, make_request, staff):
    from reporting.inspections import lifecycle

    inspection = make_request()
    lifecycle.move(inspection, Status.RETURNED, user=staff, message="Tambah denah", internal_note="cek ulang PBG")
    api.force_authenticate(applicant)
    data = api.get(f"{BASE}{inspection.pk}/").data
    text = str(data)
    assert "Tambah denah" in text and "cek ulang PBG" not in text and "actor" not in text


def test_staff_endpoints_need_permission(api, applicant, make_request):
    make_request()
    api.force_authenticate(applicant)
    assert api.get(STAFF).status_code == 403
    api.force_authenticate(None)
    assert api.get(STAFF).status_code in (401, 403)


def test_staff_list_filters_detail_transitions_checklist(api, inspector, make_request, areas):
    shop = make_request(building_use="shop")
    hotel = make_request(status=Status.VERIFIED)
    api.force_authenticate(inspector)
    assert {r["id"] for r in api.get(STAFF, {"building_use": "shop"}).data["results"]} == {shop.pk}
    assert {r["id"] for r in api.get(STAFF, {"status": "verified"}).data["results"]} == {hotel.pk}
    assert len(api.get(STAFF, {"kecamatan": areas.kecamatan.code}).data["results"]) == 2
    detail = api.get(f"{STAFF}{shop.pk}/").data
    assert detail["applicant_email"] == "owner@example.com" and detail["events"][0]["kind"] == "created"

    refused = api.post(f"{STAFF}{shop.pk}/transitions/", {"target": "closed"}, format="json")
    assert refused.status_code == 409
    start = timezone.now() + datetime.timedelta(days=2)
    scheduled = api.post(
        f"{STAFF}{hotel.pk}/transitions/",
        {
            "target": "scheduled",
            "starts_at": start.isoformat(),
            "ends_at": (start + datetime.timedelta(hours=2)).isoformat(),
            "inspectors": [inspector.pk],
            "message": "Kunjungan pukul 09.00",
        },
        format="json",
    )
    assert scheduled.status_code == 200, scheduled.data
    assert api.get(STAFF, {"inspector": inspector.pk}).data["results"][0]["id"] == hotel.pk
    entries = api.get(f"{STAFF}{hotel.pk}/checklist/").data
    assert len(entries) > 20 and all(e["outcome"] == "" for e in entries)
    recorded = api.post(
        f"{STAFF}{hotel.pk}/checklist/",
        [{"entry": e["id"], "outcome": "met", "note": ""} for e in entries],
        format="json",
    )
    assert recorded.status_code == 200 and all(e["outcome"] == "met" for e in recorded.data)
    bad = api.post(f"{STAFF}{hotel.pk}/checklist/", [{"entry": 999999, "outcome": "met"}], format="json")
    assert bad.status_code == 400
    # Not before the visit has taken place; then, once its time has come, it may be recorded.
    assert api.post(f"{STAFF}{hotel.pk}/transitions/", {"target": "inspected"}, format="json").status_code == 409
    past = timezone.now() - datetime.timedelta(hours=3)
    Visit.objects.filter(request=hotel).update(starts_at=past, ends_at=past + datetime.timedelta(hours=2))
    assert api.post(f"{STAFF}{hotel.pk}/transitions/", {"target": "inspected"}, format="json").status_code == 200
    issued = api.post(
        f"{STAFF}{hotel.pk}/transitions/", {"target": "result_issued", "result": "compliant"}, format="json"
    )
    assert issued.status_code == 200 and issued.data["visits"][0]["verification_code"]


def test_verify_by_code_public_and_throttled(api, make_request):
    inspection = make_request(status=Status.RESULT_ISSUED, contact_name="Siti Rahma")
    code = inspection.current_visit.verification_code
    response = api.get(f"/api/inspections/verify/{code}/")
    assert response.status_code == 200
    assert set(response.data) == {"building_name", "result", "result_number", "issued_on", "valid_until", "is_valid"}
    assert "Siti" not in str(response.data)
    assert hidden(api.get("/api/inspections/verify/AAAAA-BBBBB/"))
    from reporting.inspections.api.views import VerifyView

    assert VerifyView.throttle_scope == "verification"


def test_verify_throttle(api, make_request, settings):
    from rest_framework.settings import api_settings
    from rest_framework.throttling import ScopedRateThrottle

    cache.clear()
    rates = {**api_settings.DEFAULT_THROTTLE_RATES, "verification": "2/min"}
    original = ScopedRateThrottle.THROTTLE_RATES
    ScopedRateThrottle.THROTTLE_RATES = rates
    try:
        codes = [api.get("/api/inspections/verify/AAAAA-BBBBB/", HTTP_ACCEPT="application/json") for _ in range(3)]
    finally:
        ScopedRateThrottle.THROTTLE_RATES = original
        cache.clear()
    assert hidden(codes[0]) and hidden(codes[1]) and codes[2].status_code == 429


def test_nul_bytes_are_refused_not_a_server_error(api, applicant, areas):
    """PostgreSQL cannot store or compare NUL: every text input refuses it with a 400."""
    api.force_authenticate(applicant)
    for field in ("kelurahan", "kecamatan", "building_name", "address", "notes"):
        response = api.post(BASE, payload(areas, **{field: "ab\x00c"}), format="json")
        # Each field refuses NUL with its own message (portal.core.text.TextSerializerMixin).
        assert response.status_code == 400 and field in response.data, (field, response.data)
    assert not InspectionRequest.objects.exists()
