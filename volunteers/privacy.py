"""The volunteer programme's part of a person's rights under UU 27/2022 (see portal/core/privacy.py).

Erasure keeps the statistics the department reports (how many volunteers per
kelurahan, their status, age group by birth year, training attendance) in rows
that no longer point at a person. Upcoming seats are cancelled inside the
erasure's transaction without telling the erased person; the freed seats go to
the waitlist only once the erasure is committed.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core import privacy
from volunteers import seats
from volunteers.models import Certificate, GroupMembership, Registration, VolunteerProfile


def _iso(value):
    return value.isoformat() if value else None


@privacy.register
class Volunteering(privacy.Part):
    key = "volunteering"
    label = _("Volunteering")
    order = 30
    holdings = [
        privacy.Holding(
            _(
                "Your volunteer application: name, phone, date of birth, kecamatan and kelurahan, skills, "
                "certificates, availability, emergency contact, motivation, consent, language"
            ),
            _("To decide on your application and to call on you as a volunteer (UU 27/2022 art. 20(2)(a), consent)"),
            _("Until you delete your account; then only the kelurahan, status and birth year are kept, anonymously"),
        ),
        privacy.Holding(
            _("Your training registrations, attendance marks and certificates; your volunteer groups"),
            _("To run trainings with limited seats and to prove what you attended (art. 20(2)(b), contract)"),
            _("Until you delete your account; attendance is kept anonymously for statistics"),
        ),
    ]

    def export(self, user):
        profile = VolunteerProfile.objects.select_related("kecamatan", "kelurahan").filter(user=user).first()
        registrations = Registration.objects.filter(user=user).select_related("training").order_by("created_at", "pk")
        certificates = Certificate.objects.filter(registration__user=user).order_by("training_date")
        if profile is None and not registrations.exists():
            return None
        data = {
            "volunteer_profile": None,
            "group_memberships": [],
            "training_registrations": [
                {
                    "code": registration.code,
                    "training": registration.training.title,
                    "starts_at": _iso(registration.training.starts_at),
                    "location": registration.training.location_name,
                    "status": registration.status,
                    "language": registration.language,
                    "registered_at": _iso(registration.created_at),
                    "moved_from_waitlist_at": _iso(registration.promoted_at),
                    "cancelled_at": _iso(registration.cancelled_at),
                    "attended": registration.attended,
                    "attendance_marked_at": _iso(registration.attendance_marked_at),
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
                    "withdrawn_at": _iso(certificate.withdrawn_at),
                }
                for certificate in certificates
            ],
        }
        if profile is not None:
            data["volunteer_profile"] = {
                "full_name": profile.full_name,
                "phone": str(profile.phone or ""),
                "date_of_birth": _iso(profile.date_of_birth),
                "birth_year": profile.birth_year,
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
                "language": profile.language,
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

    def erase(self, user):
        now = timezone.now()
        upcoming = Registration.objects.filter(user=user, training__starts_at__gt=now).exclude(
            status=Registration.Status.CANCELLED
        )
        freed = set()
        for registration in upcoming.select_related("training"):
            seats.cancel(registration, by_staff=True, now=now, notify=False, hand_over=False)
            freed.add(registration.training_id)
        for training_id in sorted(freed):
            transaction.on_commit(lambda pk=training_id: seats.refill_by_pk(pk))

        registration_pks = list(Registration.objects.filter(user=user).values_list("pk", flat=True))
        Certificate.objects.filter(registration__user=user).update(holder_name="", withdrawn_at=now)
        profile = VolunteerProfile.objects.filter(user=user).first()
        if profile is not None:
            # No longer a leader (or member) of any group: a group needs a person to call.
            GroupMembership.objects.filter(volunteer=profile).delete()
            profile.anonymise()
            privacy.scrub_log_labels(VolunteerProfile, [profile.pk])
        Registration.objects.filter(user=user).update(user=None, language="id")
        privacy.scrub_log_labels(Registration, registration_pks)
        return [
            privacy.Kept(
                _("Your kelurahan, status, birth year and training attendance, without your name"),
                _("The department's statistics of volunteers per area and of trainings"),
            )
        ]
