import datetime
import io
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

import pytest
from allauth.account.models import EmailAddress
from PIL import Image
from pypdf import PdfWriter

from portal.core.places import Kelurahan
from reporting.inspections import lifecycle
from reporting.inspections.models import InspectionRequest, Outcome, ResultKind, Status


def _one_page_pdf():
    # Uploads must open in pypdf and have a page (portal.core.uploads.check_pdf).
    out = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(out)
    return out.getvalue()


PDF = _one_page_pdf()


def make_user(email, verified=True, groups=()):
    user = get_user_model().objects.create_user(username=email, email=email, password="pw-12345-long")
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def areas(site):
    """Kota Jambi's areas, locales and home pages (the `site` fixture), and one kelurahan."""
    return Kelurahan.objects.select_related("kecamatan").get(code="15.71.04.1001")


@pytest.fixture
def applicant(db):
    return make_user("owner@example.com")


@pytest.fixture
def other_applicant(db):
    return make_user("someone-else@example.com")


@pytest.fixture
def inspector(db):
    user = make_user("inspector@example.com", groups=["Inspectors"])
    user.first_name, user.last_name = "Rina", "Inspektur"
    user.save()
    return user


@pytest.fixture
def make_request(areas, applicant):
    def make(status=None, owner=None, **fields):
        values = {
            "applicant": owner or applicant,
            "building_name": "Hotel Contoh",
            "address": "Jl. Sultan Agung 8",
            "latitude": Decimal("-1.592400"),
            "longitude": Decimal("103.614800"),
            "kecamatan": areas.kecamatan,
            "kelurahan": areas,
            "building_use": "hotel",
            "floors": 5,
            "floor_area": 4000,
            "year_built": 2010,
            "occupancy": 200,
            "reason": "periodic",
            "preferred_date": timezone.localdate() + datetime.timedelta(days=7),
            "contact_name": "Budi",
            "contact_phone": "+6281274001234",
        }
        values.update(fields)
        inspection = InspectionRequest.objects.create(**values)
        lifecycle.record_submission(inspection, inspection.applicant)
        if status:
            advance(inspection, status)
        inspection.refresh_from_db()
        return inspection

    return make


def schedule_data(inspector):
    # A visit that has just taken place: inspection and result come after it (lifecycle refuses them before).
    start = timezone.now() - datetime.timedelta(hours=3)
    return {"starts_at": start, "ends_at": start + datetime.timedelta(hours=2), "inspectors": [inspector]}


def advance(inspection, target, compliant=False):
    """Drive a request to `target` along the usual path, as a superuser."""
    staff = get_user_model().objects.filter(is_superuser=True).first() or get_user_model().objects.create_superuser(
        "boss", "boss@damkar.example", "pw"
    )
    inspector = get_user_model().objects.filter(groups__name="Inspectors").first() or make_user(
        "auto-inspector@example.com", groups=["Inspectors"]
    )
    path = [Status.VERIFIED, Status.SCHEDULED, Status.INSPECTED, Status.RESULT_ISSUED, Status.REINSPECTION]
    if target == Status.RETURNED:
        lifecycle.move(inspection, Status.RETURNED, user=staff, message="Lampirkan denah.")
        return
    if target == Status.CANCELLED:
        lifecycle.move(inspection, Status.CANCELLED, user=staff)
        return
    if target == Status.CLOSED:
        advance(inspection, Status.RESULT_ISSUED, compliant=compliant)
        lifecycle.move(inspection, Status.CLOSED, user=staff)
        return
    for step in path:
        data = {}
        if step == Status.SCHEDULED:
            data = schedule_data(inspector)
        if step == Status.RESULT_ISSUED:
            visit = InspectionRequest.objects.get(pk=inspection.pk).current_visit
            for entry in visit.entries.all():
                entry.outcome = Outcome.MET if compliant else Outcome.NOT_MET
                entry.save()
            data = {"result": ResultKind.COMPLIANT if compliant else ResultKind.NOT_COMPLIANT, "findings": "Temuan."}
            if not compliant:
                data.update(
                    corrective_actions="Isi ulang APAR.",
                    corrective_deadline=timezone.localdate() + datetime.timedelta(days=30),
                )
        lifecycle.move(InspectionRequest.objects.get(pk=inspection.pk), step, user=staff, **data)
        if step == target:
            return


def pdf_upload(name="pbg.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def png_bytes(exif_gps=False):
    out = io.BytesIO()
    image = Image.new("RGB", (40, 30), (200, 30, 30))
    if exif_gps:
        exif = Image.Exif()
        exif[0x010F] = "CameraMaker"
        image.save(out, format="JPEG", exif=exif)
    else:
        image.save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_superuser("chief", "chief@damkar.example", "pw-12345-long")
