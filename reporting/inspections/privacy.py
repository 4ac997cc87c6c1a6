"""The inspections part of a person's rights under UU 27/2022 (see portal/core/privacy.py).

An applicant's erasure detaches their requests from the account and erases the
contact person, phone and notes. Open requests are cancelled (nobody is left to
follow them). A request that led to an issued result keeps the building, the
visits, the result and its supporting documents: the result is a public record
that anyone may verify. Documents of requests without a result are deleted.
"""

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.core import privacy

from . import lifecycle
from .models import OPEN_STATUSES, InspectionDocument, InspectionRequest, Visit


def _iso(value):
    return value.isoformat() if value else None


@privacy.register
class Inspections(privacy.Part):
    key = "inspections"
    label = _("Building inspections")
    order = 40
    holdings = [
        privacy.Holding(
            _(
                "Your inspection requests: the building, its address and location, the contact person and phone, "
                "your notes, the documents you uploaded, the language you used, and the messages about them"
            ),
            _("To inspect the building you asked about (UU 27/2022 art. 20(2)(c), legal obligation)"),
            _(
                "Until you delete your account; an issued inspection result and its building stay, "
                "without your name, as a public record"
            ),
        ),
    ]

    def export(self, user):
        requests = (
            InspectionRequest.objects.filter(applicant=user)
            .select_related("kecamatan", "kelurahan")
            .prefetch_related("documents", "events", "visits")
            .order_by("submitted_at", "pk")
        )
        if not requests:
            return None
        return {
            "inspection_requests": [
                {
                    "reference": inspection.reference,
                    "status": inspection.status,
                    **{name: _value(inspection, name) for name in InspectionRequest.APPLICANT_FIELDS},
                    "address": inspection.address,
                    "landmark": inspection.landmark,
                    "kecamatan": inspection.kecamatan.name if inspection.kecamatan else None,
                    "kelurahan": inspection.kelurahan.name if inspection.kelurahan else None,
                    "latitude": _value(inspection, "latitude"),
                    "longitude": _value(inspection, "longitude"),
                    "language": inspection.language,
                    "submitted_at": _iso(inspection.submitted_at),
                    "documents": [
                        {"file_name": document.original_name, "uploaded_at": _iso(document.uploaded_at)}
                        for document in inspection.documents.all()
                    ],
                    "messages": [
                        {"at": _iso(event.at), "status": event.to_status, "message": event.public_note}
                        for event in inspection.events.all()
                        if event.public_note
                    ],
                    "results": [
                        {
                            "result_number": visit.result_number,
                            "result": visit.result,
                            "issued_at": _iso(visit.issued_at),
                            "valid_until": _iso(visit.valid_until),
                        }
                        for visit in inspection.visits.all()
                        if visit.issued_at
                    ],
                }
                for inspection in requests
            ]
        }

    def erase(self, user):
        requests = list(InspectionRequest.objects.select_for_update().filter(applicant=user))
        if not requests:
            return []
        with translation.override(settings.LANGUAGE_CODE):
            note = gettext("The applicant erased their account.")
        with_result = set(
            Visit.objects.filter(request__in=requests, issued_at__isnull=False).values_list("request_id", flat=True)
        )
        for inspection in requests:
            if inspection.status in OPEN_STATUSES and inspection.pk not in with_result:
                lifecycle.withdraw_for_erasure(inspection, note)
        documents = InspectionDocument.objects.filter(request__in=requests).exclude(request_id__in=with_result)
        files = [document.file.name for document in documents if document.file]
        documents.delete()
        InspectionDocument.objects.filter(request__in=requests, uploaded_by=user).update(uploaded_by=None)
        InspectionRequest.objects.filter(pk__in=[r.pk for r in requests]).update(
            applicant=None, contact_name="", contact_phone="", notes=""
        )
        if files:
            storage = InspectionDocument._meta.get_field("file").storage
            transaction.on_commit(lambda: [storage.delete(name) for name in files])
        kept = []
        if with_result:
            kept.append(
                privacy.Kept(
                    _("The building, visits and results of requests that led to an issued result, without your name"),
                    _("An issued inspection result is a public record that anyone may verify"),
                )
            )
        return kept


def _value(obj, name):
    value = getattr(obj, name)
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
