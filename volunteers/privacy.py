"""A volunteer's rights under UU 27/2022: a copy of their data, and erasure.

Erasure keeps the statistics the department reports (how many volunteers per
kelurahan, their status, age group by birth year, training attendance) in rows
that no longer point at a person.
"""

from django.db import transaction
from django.utils import timezone

from volunteers import seats
from volunteers.models import Certificate, Registration, VolunteerProfile


def _iso(value):
    return value.isoformat() if value else None


def export_data(user):
    """Everything this portal's volunteer part holds about `user`, as JSON-ready data."""
    profile = VolunteerProfile.objects.select_related("kecamatan", "kelurahan").filter(user=user).first()
    registrations = Registration.objects.filter(user=user).select_related("training").order_by("created_at", "pk")
    certificates = Certificate.objects.filter(registration__user=user).order_by("training_date")
    data = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
        },
        "volunteer_profile": None,
        "group_memberships": [],
        "training_registrations": [
            {
                "code": registration.code,
                "training": registration.training.title,
                "starts_at": _iso(registration.training.starts_at),
                "location": registration.training.location_name,
                "status": registration.status,
                "registered_at": _iso(registration.created_at),
                "moved_from_waitlist_at": _iso(registration.promoted_at),
                "cancelled_at": _iso(registration.cancelled_at),
                "attended": registration.attended,
            }
            for registration in registrations
        ],
        "certificates": [
            {
                "code": certificate.code,
                "holder_name": certificate.holder_name,
                "training": certificate.training_title,
                "training_date": _iso(certificate.training_date),
                "duration_minutes": certificate.duration_minutes,
                "issued_at": _iso(certificate.issued_at),
            }
            for certificate in certificates
        ],
    }
    if profile is not None:
        data["volunteer_profile"] = {
            "full_name": profile.full_name,
            "phone": str(profile.phone or ""),
            "date_of_birth": _iso(profile.date_of_birth),
            "kecamatan": profile.kecamatan.name,
            "kelurahan": profile.kelurahan.name,
            "skills": profile.skills,
            "certificates_held": profile.certificates,
            "availability": profile.availability,
            "emergency_contact_name": profile.emergency_contact_name,
            "emergency_contact_phone": str(profile.emergency_contact_phone or ""),
            "motivation": profile.motivation,
            "consent_given_at": _iso(profile.consent_at),
            "privacy_statement_version": profile.consent_version,
            "status": profile.status,
            "rejection_reason": profile.rejection_reason,
            "applied_at": _iso(profile.created_at),
            "decided_at": _iso(profile.decided_at),
        }
        data["group_memberships"] = [
            {"group": membership.group.name, "role": membership.role, "joined_on": _iso(membership.joined_on)}
            for membership in profile.memberships.select_related("group")
        ]
    return data


def erase_account(user):
    """Free the person's upcoming seats, anonymise their records, delete the account."""
    now = timezone.now()
    upcoming = Registration.objects.filter(user=user, training__starts_at__gt=now).exclude(
        status=Registration.Status.CANCELLED
    )
    for registration in upcoming:
        seats.cancel(registration, by_staff=True, now=now)
    with transaction.atomic():
        Certificate.objects.filter(registration__user=user).update(holder_name="", withdrawn_at=now)
        profile = VolunteerProfile.objects.filter(user=user).first()
        if profile is not None:
            profile.anonymise()
        Registration.objects.filter(user=user).update(user=None, language="id")
        user.delete()
