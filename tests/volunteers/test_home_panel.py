"""The Coordinators' admin home: applications awaiting a decision, trainings filling up, attendance to mark."""

import re

from django.urls import reverse

import pytest

from tests.admin_text import prefer_english
from volunteers.models import Registration

pytestmark = pytest.mark.django_db


def _seat(training, volunteer, **extra):
    return Registration.objects.create(
        training=training, user=volunteer.user, profile=volunteer, status=Registration.Status.CONFIRMED, **extra
    )


def test_coordinator_sees_the_work_waiting(client, coordinator, make_volunteer, make_training):
    make_volunteer(status="pending", name="Sari Menunggu")
    make_volunteer(status="pending", name="Joko Menunggu")
    make_volunteer(status="approved", name="Ani Diterima")
    full = make_training(capacity=2, title="Pelatihan Hampir Penuh")
    roomy = make_training(capacity=10, title="Pelatihan Masih Lega")
    past = make_training(capacity=10, days=-2, title="Pelatihan Kemarin")
    volunteers = [make_volunteer() for _n in range(3)]
    _seat(full, volunteers[0])
    _seat(full, volunteers[1])
    _seat(roomy, volunteers[0])
    _seat(past, volunteers[0])
    _seat(past, volunteers[1])
    _seat(past, volunteers[2], attended=True)
    client.force_login(prefer_english(coordinator))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Applications awaiting a decision" in html
    assert re.search(r'data-figure="pending">\s*2\s*<', html)
    assert "Sari Menunggu" in html and "Ani Diterima" not in html
    assert "Pelatihan Hampir Penuh" in html and "2 of 2 seats taken" in html
    assert "Pelatihan Masih Lega" not in html
    assert "Pelatihan Kemarin" in html and "2 participants not marked" in html
