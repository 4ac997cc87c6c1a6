"""Hostile input against every public form and API operation.

Each case expects a clean 4xx, a message in Indonesian (the default language)
and nothing stored: no row, no uploaded file, no email. Run on PostgreSQL as
well: NUL bytes and lone surrogates used to reach it and answer 500.
"""

import io
import json
from pathlib import Path

from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from PIL import Image
from rest_framework.test import APIClient

from reporting.incidents.models import Incident
from reporting.inspections.models import InspectionRequest
from volunteers.models import VolunteerProfile

from ..incidents.conftest import INSIDE, jpeg_bytes, png_bomb_bytes
from ..inspections.conftest import make_user

ID = {"HTTP_ACCEPT_LANGUAGE": "id"}


def media_files():
    root = Path(settings.MEDIA_ROOT)
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


@pytest.fixture
def nothing_stored(db):
    before = media_files()
    yield
    assert not Incident.objects.exists()
    assert not InspectionRequest.objects.exists()
    assert not VolunteerProfile.objects.exists()
    assert media_files() == before
    assert mail.outbox == []


@pytest.fixture
def payload(payload, dispatcher):
    """The shared valid report (tests/incidents/conftest.py), with a dispatcher who
    would be emailed if a hostile report got through."""
    return payload


def big_png(width, height):
    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, format="PNG", optimize=True)
    return out.getvalue()


def tiny_pdf_without_pages():
    return b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


# --- POST /api/incidents/ as JSON: (changes to the valid payload, expected Indonesian text) ----
JSON_FIELD_CASES = {
    "nul-description": ({"description": "Api\x00"}, "tidak diizinkan"),
    "nul-kecamatan": ({"kecamatan": "\x00"}, "tidak diizinkan"),
    "nul-category": ({"category": "fire\x00"}, "tidak diizinkan"),
    "rlo-name": ({"reporter_name": "Budi\u202etxt.exe"}, "tidak diizinkan"),
    "lri-address": ({"address": "Jl. \u2066Contoh\u2069"}, "tidak diizinkan"),
    "ansi-escape-name": ({"reporter_name": "\x1b[31mBudi\x1b[0m"}, "tidak diizinkan"),
    "c1-control-description": ({"description": "Api\x85\x9b"}, "tidak diizinkan"),
    "newline-in-name": ({"reporter_name": "Budi\r\nBcc: x@example.com"}, "satu baris"),
    "tab-in-landmark": ({"landmark": "Depan\tmasjid"}, "satu baris"),
    "description-too-long": ({"description": "a" * 2001}, "2000"),
    "description-object": ({"description": {"a": 1}}, "Bukan teks yang sah"),
    "description-list": ({"description": ["a"]}, "Bukan teks yang sah"),
    "latitude-text": ({"latitude": "abc"}, "angka"),
    "latitude-91": ({"latitude": "91"}, "di luar wilayah"),
    "longitude-minus-181": ({"longitude": "-181"}, "di luar wilayah"),
    "latitude-huge": ({"latitude": "1e999"}, "angka"),
    "outside-area": ({"latitude": "-1.480000"}, "di luar wilayah"),
    "unknown-category": ({"category": "nope"}, "nope"),
    "unknown-kecamatan": ({"kecamatan": "99.99.99"}, "99.99.99"),
    "bad-email": ({"reporter_email": "not-an-email"}, "email"),
    "bad-phone": ({"reporter_phone": "abc"}, "telepon"),
    "missing-description": ({"description": None}, "harus diisi"),
}


@pytest.mark.parametrize("case", JSON_FIELD_CASES, ids=list(JSON_FIELD_CASES))
def test_api_create_refuses_hostile_fields(case, payload, nothing_stored):
    changes, expected = JSON_FIELD_CASES[case]
    body = {k: v for k, v in {**payload, **changes}.items() if v is not None}
    response = APIClient().post("/api/incidents/", body, format="json", **ID)
    assert 400 <= response.status_code < 500, response.content
    assert response.status_code != 429
    assert expected in json.dumps(response.json(), ensure_ascii=False)


# --- POST /api/incidents/ with raw bodies: (body, content type, status, expected text) ----
RAW_CASES = {
    "deep-array": ("[" * 100_000 + "]" * 100_000, "application/json", 400, "terlalu dalam"),
    "deep-object-in-field": (
        '{"description": ' + '{"a":' * 50 + "1" + "}" * 51,
        "application/json",
        400,
        "terlalu dalam",
    ),
    "too-large": ('{"description": "' + "a" * 1_100_000 + '"}', "application/json", 413, "terlalu besar"),
    "invalid-json": ('{"description": ', "application/json", 400, "bukan JSON"),
    "nan-latitude": ('{"description": "x", "latitude": NaN}', "application/json", 400, "bukan JSON"),
    "lone-surrogate": ('{"description": "Api \\ud800"}', "application/json", 400, "tidak diizinkan"),
    "top-level-list": ("[]", "application/json", 400, "Data tidak sah"),
    "top-level-string": ('"x"', "application/json", 400, "Data tidak sah"),
    "unsupported-type": ("description=x", "text/plain", 415, "text/plain"),
    "latin1-bytes": (b'{"description": "\xff\xfe"}', "application/json", 400, "bukan JSON"),
}


@pytest.mark.parametrize("case", RAW_CASES, ids=list(RAW_CASES))
def test_api_create_refuses_hostile_bodies(case, nothing_stored):
    body, content_type, status, expected = RAW_CASES[case]
    response = APIClient().generic("POST", "/api/incidents/", body, content_type=content_type, **ID)
    assert response.status_code == status, response.content[:500]
    assert expected in json.dumps(response.json(), ensure_ascii=False)


# --- POST /api/incidents/ multipart with photos: (files, expected text) ----
PHOTO_CASES = {
    "not-an-image": (lambda: [SimpleUploadedFile("a.jpg", b"hello", "image/jpeg")], "gambar"),
    "png-bomb-header": (lambda: [SimpleUploadedFile("b.png", png_bomb_bytes(), "image/png")], "terlalu besar"),
    "7000x7000-png": (lambda: [SimpleUploadedFile("c.png", big_png(7000, 7000), "image/png")], "terlalu besar"),
    "truncated-jpeg": (lambda: [SimpleUploadedFile("d.jpg", jpeg_bytes((640, 480))[:600], "image/jpeg")], "gambar"),
    "empty-file": (lambda: [SimpleUploadedFile("e.jpg", b"", "image/jpeg")], "kosong"),
    "four-photos": (lambda: [SimpleUploadedFile(f"{n}.jpg", jpeg_bytes(), "image/jpeg") for n in range(4)], "3"),
    "pdf-as-photo": (lambda: [SimpleUploadedFile("f.jpg", tiny_pdf_without_pages(), "image/jpeg")], "gambar"),
}


@pytest.mark.parametrize("case", PHOTO_CASES, ids=list(PHOTO_CASES))
def test_api_create_refuses_hostile_photos(case, payload, nothing_stored):
    files, expected = PHOTO_CASES[case]
    response = APIClient().post("/api/incidents/", {**payload, "photos": files()}, format="multipart", **ID)
    assert response.status_code == 400, response.content
    assert expected in json.dumps(response.json(), ensure_ascii=False)


def test_api_create_refuses_nul_in_multipart_lookup(payload, nothing_stored):
    response = APIClient().post("/api/incidents/", {**payload, "kecamatan": "\x00"}, format="multipart", **ID)
    assert response.status_code == 400
    # Refused by the field that reads it, before any lookup (portal.core.text.TextSerializerMixin).
    assert "tidak diizinkan" in response.json()["kecamatan"][0]


def test_api_create_refuses_nul_idempotency_key(payload, nothing_stored):
    response = APIClient().post("/api/incidents/", payload, format="json", HTTP_IDEMPOTENCY_KEY="k\x00", **ID)
    assert response.status_code == 400
    assert "tidak diizinkan" in response.json()["detail"]


# --- The HTML report form: (changes to valid form data, status, expected text) ----
@pytest.fixture
def form_data(category, kecamatan, dispatcher):
    return {
        "category": str(category.pk),
        "description": "Api membesar di gudang kayu",
        "kecamatan": str(kecamatan.pk),
        "address": "Jl. Contoh No. 5",
        "latitude": str(INSIDE[0]),
        "longitude": str(INSIDE[1]),
        "reporter_phone": "",
        "website": "",
    }


FORM_CASES = {
    "nul-description": ({"description": "Api\x00"}, 400, "tidak diizinkan"),
    "nul-category": ({"category": "\x00"}, 400, "tidak diizinkan"),
    "nul-kecamatan": ({"kecamatan": "1\x00"}, 400, "tidak diizinkan"),
    "rlo-name": ({"reporter_name": "Budi\u202e"}, 400, "tidak diizinkan"),
    "newline-name": ({"reporter_name": "Budi\nBcc: x@example.com"}, 400, "satu baris"),
    "ansi-address": ({"address": "\x1b]8;;http://evil\x07"}, 400, "tidak diizinkan"),
    "latitude-huge": ({"latitude": "9" * 400}, 400, "angka"),
    "category-not-a-number": ({"category": "1e5"}, 400, "pilihan"),
    "photo-bomb": (
        {"photos": lambda: SimpleUploadedFile("b.png", png_bomb_bytes(), "image/png")},
        400,
        "terlalu besar",
    ),
}


@pytest.mark.parametrize("case", FORM_CASES, ids=list(FORM_CASES))
def test_report_form_refuses_hostile_input(case, client, form_data, nothing_stored):
    changes, status, expected = FORM_CASES[case]
    changes = {k: v() if callable(v) else v for k, v in changes.items()}
    response = client.post("/id/report/", {**form_data, **changes})
    assert response.status_code == status
    assert expected in response.content.decode()


# --- Public lookups and the token endpoint ----
LOOKUP_CASES = {
    "track-api-nul": ("/api/incidents/track/%00abc/", 400, "tidak diizinkan"),
    "track-api-unknown": ("/api/incidents/track/ZZZ-999/", 404, "Tidak ada laporan"),
    "track-form-nul": ("/id/report/track/?code=%00", 400, "tidak diizinkan"),
    "verify-api-nul": ("/api/inspections/verify/%00/", 400, "tidak diizinkan"),
    "categories-filter-nul": ("/api/incident-categories/?search=%00", 400, "tidak diizinkan"),
    "trainings-nul-param": ("/api/volunteers/trainings/?kecamatan=%00", 400, "tidak diizinkan"),
    "content-api-nul": ("/api/v2/pages/?search=%00", 400, "tidak diizinkan"),
    "page-path-nul": ("/id/%00/", 400, "tidak diizinkan"),
}


@pytest.mark.parametrize("case", LOOKUP_CASES, ids=list(LOOKUP_CASES))
def test_lookups_refuse_hostile_input(case, client, nothing_stored):
    url, status, expected = LOOKUP_CASES[case]
    response = client.get(url, **ID)
    assert response.status_code == status
    assert expected in response.content.decode()


TOKEN_CASES = {
    "nul-username": ({"username": "a\x00", "password": "x"}, "tidak diizinkan"),
    "deep-json": ('{"username":' + "[" * 100_000 + "]" * 100_000 + "}", "terlalu dalam"),
    "wrong-password": ({"username": "nobody@example.com", "password": "x"}, "Tidak dapat masuk"),
}


@pytest.mark.parametrize("case", TOKEN_CASES, ids=list(TOKEN_CASES))
def test_token_endpoint_refuses_hostile_input(case, nothing_stored):
    body, expected = TOKEN_CASES[case]
    api = APIClient()
    if isinstance(body, str):
        response = api.generic("POST", "/api/auth/token/", body, content_type="application/json", **ID)
    else:
        response = api.post("/api/auth/token/", body, format="json", **ID)
    assert response.status_code == 400
    assert expected in json.dumps(response.json(), ensure_ascii=False)


# --- A signed-in citizen: inspection requests and documents ----
@pytest.fixture
def citizen_api(db):
    api = APIClient()
    api.force_authenticate(make_user("warga-hostile@example.com"))
    return api


@pytest.fixture
def request_body(areas):
    return {
        "building_name": "Ruko Contoh",
        "address": "Jl. Sultan Agung 8",
        "latitude": "-1.592400",
        "longitude": "103.614800",
        "kecamatan": areas.kecamatan.code,
        "kelurahan": areas.code,
        "building_use": "hotel",
        "floors": 5,
        "floor_area": 4000,
        "year_built": 2010,
        "occupancy": 200,
        "reason": "periodic",
        "contact_name": "Budi",
        "contact_phone": "+6281274001234",
    }


INSPECTION_CASES = {
    "nul-building": ({"building_name": "Ruko\x00"}, "tidak diizinkan"),
    "rlo-contact": ({"contact_name": "Budi\u202e"}, "tidak diizinkan"),
    "floors-huge": ({"floors": 10**30}, "200"),
    "floors-negative": ({"floors": -1}, "1"),
    "year-text": ({"year_built": "kemarin"}, "bilangan"),
}


@pytest.mark.parametrize("case", INSPECTION_CASES, ids=list(INSPECTION_CASES))
def test_inspection_request_api_refuses_hostile_input(case, citizen_api, request_body, nothing_stored):
    changes, expected = INSPECTION_CASES[case]
    response = citizen_api.post("/api/inspections/requests/", {**request_body, **changes}, format="json", **ID)
    assert response.status_code == 400, response.content
    assert expected in json.dumps(response.json(), ensure_ascii=False)


def test_pdf_without_pages_is_refused(tmp_path):
    from django.core.exceptions import ValidationError

    from portal.core.uploads import check_document

    upload = SimpleUploadedFile("a.pdf", tiny_pdf_without_pages(), "application/pdf")
    with pytest.raises(ValidationError) as error:
        check_document(upload)
    assert error.value.code == "invalid_pdf"
