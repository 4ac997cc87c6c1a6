"""Demo inspection requests: one applicant, one inspector, requests at different stages.

Only creates what is missing, so a second `seed_demo` run changes nothing.
The verification code of the issued result is printed in the seed log.
"""

import datetime
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from allauth.account.models import EmailAddress

from portal.core.demo import DEMO_PASSWORD, load
from portal.core.places import Kelurahan
from portal.core.roles import INSPECTORS
from portal.core.uploads import check_document

from . import checklist, lifecycle
from .models import InspectionDocument, InspectionRequest, Outcome, ResultKind, Status

# Local demo only, like the demo staff account.
DEMO_APPLICANT_EMAIL = "pemohon.demo@damkar.example"
DEMO_INSPECTOR_EMAIL = "inspektur.demo@damkar.example"

# The requests, and a tiny valid PDF as their "building approval" attachment.
DATA = Path(__file__).resolve().parent / "demo"


def seed(log):
    applicant = _user(log, DEMO_APPLICANT_EMAIL, "Budi", "Pemohon (demo)")
    inspector = _user(log, DEMO_INSPECTOR_EMAIL, "Rina", "Inspektur (demo)")
    group = Group.objects.filter(name=INSPECTORS).first()
    if group is not None and not inspector.groups.filter(pk=group.pk).exists():
        inspector.groups.add(group)
        log(f"Inspections: {DEMO_INSPECTOR_EMAIL} added to the Inspectors group.")
    data, _strings = load(DATA / "requests.yaml")
    pdf = (DATA / "pbg-demo.pdf").read_bytes()
    # The demo attachment passes the same check as an applicant's upload.
    check_document(ContentFile(pdf))
    for spec in data["requests"]:
        _request(log, applicant, inspector, {**data["contact"], **spec}, data["texts"], pdf)


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
def _request(log, applicant, inspector, spec, texts, pdf):
    stage = spec.pop("stage")
    existing = InspectionRequest.objects.filter(applicant=applicant, building_name=spec["building_name"]).first()
    if existing is not None:
        visit = existing.current_visit
        if visit is not None and visit.verification_code and stage == "compliant":
            log(f"Inspections: verification code of the demo result: {visit.verification_code}")
        return
    now = timezone.now()
    kelurahan = Kelurahan.objects.get(code=spec.pop("kelurahan"))
    spec.update(latitude=Decimal(spec["latitude"]), longitude=Decimal(spec["longitude"]))
    inspection = InspectionRequest.objects.create(
        applicant=applicant,
        kecamatan=kelurahan.kecamatan,
        kelurahan=kelurahan,
        preferred_date=timezone.localdate() + datetime.timedelta(days=10),
        submitted_at=now - datetime.timedelta(days=20),
        **spec,
    )
    document = InspectionDocument(
        request=inspection, kind="pdf", original_name="PBG-demo.pdf", size=len(pdf), uploaded_by=applicant
    )
    document.file.save("upload", ContentFile(pdf), save=False)
    document.save()
    lifecycle.record_submission(inspection, applicant)

    def move(target, **data):
        return lifecycle.move(InspectionRequest.objects.get(pk=inspection.pk), target, user=inspector, **data)

    if stage == Status.RETURNED:
        move(Status.RETURNED, message=texts["returned"])
    elif stage in (Status.SCHEDULED, "compliant", Status.REINSPECTION):
        move(Status.VERIFIED, message=texts["verified"])
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
                    note=texts["failed_item"] if failed else "",
                    user=inspector,
                )
            if compliant:
                move(Status.RESULT_ISSUED, result=ResultKind.COMPLIANT, findings=texts["compliant_findings"])
            else:
                move(
                    Status.RESULT_ISSUED,
                    result=ResultKind.NOT_COMPLIANT,
                    findings=texts["not_compliant_findings"],
                    corrective_actions=texts["corrective_actions"],
                    corrective_deadline=timezone.localdate() + datetime.timedelta(days=30),
                )
                move(Status.REINSPECTION, message=texts["reinspection"])
            visit.refresh_from_db()
            if compliant:
                log(f"Inspections: verification code of the demo result: {visit.verification_code}")
    log(f"Inspections: demo request {inspection.reference} ({inspection.building_name}) created.")
