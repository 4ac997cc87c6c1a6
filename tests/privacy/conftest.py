"""Cross-app fixtures: a volunteer, an applicant, and a person who is both.

The fixtures of tests/volunteers and tests/inspections are reused as they are.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

import pytest

from reporting.inspections.models import InspectionDocument, Status
from tests.inspections.conftest import PDF, advance, areas, make_request  # noqa: F401
from tests.volunteers.conftest import (  # noqa: F401
    coordinator,
    coordinators_group,
    kelurahan,
    make_training,
    make_user,
    make_volunteer,
    start,
    trainings_index,
)
from volunteers import seats
from volunteers.models import GroupMembership, VolunteerGroup

PASSWORD = "correct horse battery"  # noqa: S105


@pytest.fixture
def applicant(make_user):  # noqa: F811 (fixtures imported above)
    user = make_user(email="pemilik.gedung@example.test", first_name="Sinta", last_name="Pemilikgedung")
    return user


@pytest.fixture
def superuser(site):
    return get_user_model().objects.filter(is_superuser=True).first()


@pytest.fixture
def give_requests(make_request, django_capture_on_commit_callbacks):  # noqa: F811 (fixtures imported above)
    """Two requests for `user`: one open with a document, one with an issued result."""

    def give(user):
        with django_capture_on_commit_callbacks(execute=True):
            open_request = make_request(
                owner=user, contact_name="Sinta Kontakgedung", contact_phone="+6281299887766", notes="Kunci di pos."
            )
            InspectionDocument.objects.create(
                request=open_request, kind="pdf", original_name="PBG-Sinta.pdf", size=len(PDF), uploaded_by=user
            )
            done = make_request(
                owner=user,
                building_name="Toko Selesai",
                contact_name="Sinta Kontakgedung",
                contact_phone="+6281299887766",
            )
            advance(done, Status.RESULT_ISSUED, compliant=True)
        return open_request, done

    return give


@pytest.fixture
def give_volunteering(make_training, coordinator, start, django_capture_on_commit_callbacks):  # noqa: F811 (fixtures imported above)
    """An upcoming seat (with someone waiting behind), a past attended training, and group leadership."""

    def give(profile, waiting_profile=None):
        with django_capture_on_commit_callbacks(execute=True):
            upcoming = make_training(capacity=1)
            past = make_training(capacity=5, title="Pelatihan Gambut")
            seats.register(upcoming, profile.user)
            if waiting_profile is not None:
                seats.register(upcoming, waiting_profile.user)
            registration = seats.register(past, profile.user)
            start(past)
            seats.mark_attendance(registration, True, by=coordinator)
            group = VolunteerGroup.objects.create(name="BALAKAR Thehok", kind="balakar")
            GroupMembership.objects.create(group=group, volunteer=profile, role="leader")
        return upcoming, group

    return give


@pytest.fixture
def volunteer(make_volunteer):  # noqa: F811 (fixtures imported above)
    return make_volunteer(
        name="Rina Marlina Sari",
        phone="+6281211112222",
        emergency_contact_name="Pak Joko Darurat",
        emergency_contact_phone="+6281333334444",
        motivation="Rumah saya dekat lahan gambut.",
        date_of_birth=datetime.date(1991, 3, 4),
        consent_at=timezone.now(),
    )
