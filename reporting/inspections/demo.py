"""Demo inspection requests: one applicant, one inspector, requests at different stages.

Only creates what is missing, so a second `seed_demo` run changes nothing.
The verification code of the issued result is printed in the seed log.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from allauth.account.models import EmailAddress

from portal.core.demo import DEMO_PASSWORD
from portal.core.places import Kelurahan
from portal.core.roles import INSPECTORS

from . import checklist, workflow
from .models import InspectionDocument, InspectionRequest, Outcome, ResultKind, Status

# Local demo only, like the demo staff account.
DEMO_APPLICANT_EMAIL = "pemohon.demo@damkar.example"
DEMO_INSPECTOR_EMAIL = "inspektur.demo@damkar.example"

# A tiny valid PDF, as a demo "building approval" attachment.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

REQUESTS = [
    {
        "building_name": "Ruko Sentosa Blok A (demo)",
        "building_use": "shop",
        "kelurahan": "15.71.08.1002",
        "address": "Jl. Kapten Pattimura No. 12",
        "latitude": Decimal("-1.622100"),
        "longitude": Decimal("103.612400"),
        "floors": 3,
        "floor_area": 540,
        "year_built": 2024,
        "occupancy": 40,
        "reason": "new_building",
        "stage": Status.SUBMITTED,
    },
    {
        "building_name": "Gudang Logistik Kasang (demo)",
        "building_use": "industry",
        "kelurahan": "15.71.03.1006",
        "address": "Jl. Lingkar Timur I, Kasang",
        "latitude": Decimal("-1.604500"),
        "longitude": Decimal("103.656200"),
        "floors": 1,
        "floor_area": 2400,
        "year_built": 2015,
        "occupancy": 25,
        "reason": "insurance",
        "stage": Status.RETURNED,
    },
    {
        "building_name": "Sekolah Harapan Bangsa (demo)",
        "building_use": "school",
        "kelurahan": "15.71.01.1012",
        "address": "Jl. Arif Rahman Hakim No. 45",
        "latitude": Decimal("-1.617800"),
        "longitude": Decimal("103.589300"),
        "floors": 3,
        "floor_area": 3200,
        "year_built": 2008,
        "occupancy": 650,
        "reason": "periodic",
        "stage": Status.SCHEDULED,
    },
    {
        "building_name": "Hotel Batanghari Indah (demo)",
        "building_use": "hotel",
        "kelurahan": "15.71.04.1001",
        "address": "Jl. Sultan Agung No. 8",
        "latitude": Decimal("-1.592400"),
        "longitude": Decimal("103.614800"),
        "floors": 7,
        "floor_area": 6800,
        "year_built": 2012,
        "occupancy": 300,
        "reason": "periodic",
        "stage": "compliant",
    },
    {
        "building_name": "Pasar Tradisional Talang Banjar (demo)",
        "building_use": "shop",
        "kelurahan": "15.71.03.1004",
        "address": "Jl. Sentot Alibasa, Talang Banjar",
        "latitude": Decimal("-1.597000"),
        "longitude": Decimal("103.632000"),
        "floors": 2,
        "floor_area": 4100,
        "year_built": 1998,
        "occupancy": 900,
        "reason": "renovation",
        "stage": Status.REINSPECTION,
    },
]


def seed(log):
    applicant = _user(log, DEMO_APPLICANT_EMAIL, "Budi", "Pemohon (demo)")
    inspector = _user(log, DEMO_INSPECTOR_EMAIL, "Rina", "Inspektur (demo)")
    group = Group.objects.filter(name=INSPECTORS).first()
    if group is not None and not inspector.groups.filter(pk=group.pk).exists():
        inspector.groups.add(group)
        log(f"Inspections: {DEMO_INSPECTOR_EMAIL} added to the Inspectors group.")
    for spec in REQUESTS:
        _request(log, applicant, inspector, dict(spec))


def _user(log, email, first, last):
    User = get_user_model()
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            username=email.split("@")[0], email=email, password=DEMO_PASSWORD, first_name=first, last_name=last
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        log(f"Inspections: demo account {email} created (password {DEMO_PASSWORD}, local demo only).")
    return user


@transaction.atomic
def _request(log, applicant, inspector, spec):
    stage = spec.pop("stage")
    existing = InspectionRequest.objects.filter(applicant=applicant, building_name=spec["building_name"]).first()
    if existing is not None:
        visit = existing.current_visit
        if visit is not None and visit.verification_code and stage == "compliant":
            log(f"Inspections: verification code of the demo result: {visit.verification_code}")
        return
    now = timezone.now()
    kelurahan = Kelurahan.objects.get(code=spec.pop("kelurahan"))
    inspection = InspectionRequest.objects.create(
        applicant=applicant,
        kecamatan=kelurahan.kecamatan,
        kelurahan=kelurahan,
        contact_name="Budi Santoso",
        contact_phone="+6281274001234",
        preferred_date=timezone.localdate() + datetime.timedelta(days=10),
        submitted_at=now - datetime.timedelta(days=20),
        **spec,
    )
    document = InspectionDocument(
        request=inspection, kind="pdf", original_name="PBG-demo.pdf", size=len(DEMO_PDF), uploaded_by=applicant
    )
    document.file.save("upload", ContentFile(DEMO_PDF), save=False)
    document.save()
    workflow.record_submission(inspection, applicant)

    def move(target, **data):
        return workflow.move(InspectionRequest.objects.get(pk=inspection.pk), target, user=inspector, **data)

    if stage == Status.RETURNED:
        move(
            Status.RETURNED,
            message="Mohon lampirkan denah lantai dan dokumen PBG yang masih berlaku.",
        )
    elif stage in (Status.SCHEDULED, "compliant", Status.REINSPECTION):
        move(Status.VERIFIED, message="Dokumen lengkap. Kami akan menghubungi Anda untuk jadwal kunjungan.")
        days = 5 if stage == Status.SCHEDULED else -7
        start = timezone.localtime(now).replace(hour=9, minute=0, second=0, microsecond=0) + datetime.timedelta(
            days=days
        )
        move(Status.SCHEDULED, starts_at=start, ends_at=start + datetime.timedelta(hours=2), inspectors=[inspector])
        if stage != Status.SCHEDULED:
            move(Status.INSPECTED)
            visit = inspection.current_visit
            compliant = stage == "compliant"
            for entry in visit.entries.all():
                failed = not compliant and entry.group in ("active", "escape") and entry.sort_order % 3 == 0
                checklist.record(
                    entry,
                    outcome=Outcome.NOT_MET if failed else Outcome.MET,
                    note="APAR kedaluwarsa, belum diisi ulang." if failed else "",
                    user=inspector,
                )
            if compliant:
                move(
                    Status.RESULT_ISSUED,
                    result=ResultKind.COMPLIANT,
                    findings="Sistem proteksi kebakaran aktif dan pasif berfungsi baik; latihan evakuasi tercatat.",
                )
            else:
                move(
                    Status.RESULT_ISSUED,
                    result=ResultKind.NOT_COMPLIANT,
                    findings="Sebagian APAR kedaluwarsa dan jalur evakuasi terhalang barang dagangan.",
                    corrective_actions="1. Isi ulang dan beri label semua APAR.\n2. Bebaskan lorong dan pintu keluar.",
                    corrective_deadline=timezone.localdate() + datetime.timedelta(days=30),
                )
                move(Status.REINSPECTION, message="Kami akan memeriksa ulang setelah batas waktu perbaikan.")
            visit.refresh_from_db()
            if compliant:
                log(f"Inspections: verification code of the demo result: {visit.verification_code}")
    log(f"Inspections: demo request {inspection.reference} ({inspection.building_name}) created.")
