import datetime
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

import pytest
from allauth.account.models import EmailAddress

_counter = itertools.count(1)


@pytest.fixture
def make_user(db):
    def make(email=None, verified=True, password="correct horse battery", **extra):  # noqa: S107
        n = next(_counter)
        email = email or f"person{n}@example.test"
        user = get_user_model().objects.create_user(
            username=f"user{n}-{email.split('@')[0]}", email=email, password=password, **extra
        )
        EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
        return user

    return make


@pytest.fixture
def kelurahan(site):
    from portal.core.places import Kelurahan

    return Kelurahan.objects.select_related("kecamatan").get(code="15.71.02.1004")  # Thehok, Jambi Selatan


@pytest.fixture
def make_volunteer(make_user, kelurahan):
    from volunteers.models import VolunteerProfile

    def make(status="approved", name=None, user=None, **fields):
        user = user or make_user()
        n = next(_counter)
        values = {
            "user": user,
            "full_name": name or f"Relawan Nomor {n}",
            "phone": f"+628120000{n:04d}",
            "date_of_birth": datetime.date(1990, 1, 1),
            "kecamatan": kelurahan.kecamatan,
            "kelurahan": kelurahan,
            "skills": "Pertolongan pertama",
            "availability": ["weekend"],
            "emergency_contact_name": "Ibu Relawan",
            "emergency_contact_phone": f"+628130000{n:04d}",
            "motivation": "Membantu tetangga.",
            "consent_at": timezone.now(),
            "consent_version": "test",
            "status": status,
        }
        values.update(fields)
        return VolunteerProfile.objects.create(**values)

    return make


@pytest.fixture
def trainings_index(home_id, home_en, django_capture_on_commit_callbacks):
    from portal.core.translation import translate
    from volunteers.models import TrainingIndexPage

    index = home_id.add_child(instance=TrainingIndexPage(title="Pelatihan Relawan", slug="pelatihan"))
    index.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translate(index, home_en.locale, {"Pelatihan Relawan": "Volunteer Trainings", "pelatihan": "trainings"})
    return index


@pytest.fixture
def make_training(trainings_index):
    from volunteers.models import TrainingPage

    def make(capacity=2, days=10, audience="volunteers", **fields):
        n = next(_counter)
        training = trainings_index.add_child(
            instance=TrainingPage(
                title=fields.pop("title", f"Pelatihan APAR {n}"),
                slug=f"pelatihan-{n}",
                description="<p>Praktik memadamkan api dengan APAR.</p>",
                starts_at=timezone.now() + datetime.timedelta(days=days),
                duration_minutes=120,
                location_name="Aula Markas Damkar",
                address="Jl. Jenderal Sudirman No. 1",
                latitude="-1.629100",
                longitude="103.622800",
                capacity=capacity,
                audience=audience,
                **fields,
            )
        )
        training.save_revision().publish()
        return training

    return make


@pytest.fixture
def start():
    """Move a training's start into the past (registration closes before it starts, so seats come first)."""
    from volunteers.models import TrainingPage

    def started(training, hours=1):
        TrainingPage.objects.filter(pk=training.pk).update(starts_at=timezone.now() - datetime.timedelta(hours=hours))
        training.refresh_from_db()
        return training

    return started


@pytest.fixture
def coordinators_group(db):
    """The role portal.core.roles declares (synced after every migrate and flush)."""
    from portal.core.roles import COORDINATORS

    return Group.objects.get(name=COORDINATORS)


@pytest.fixture
def coordinator(make_user, site, coordinators_group):
    user = make_user(email="koordinator@example.test")
    user.groups.add(coordinators_group)
    return get_user_model().objects.get(pk=user.pk)  # fresh permission cache
