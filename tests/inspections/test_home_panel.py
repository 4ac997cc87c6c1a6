"""The Inspectors' admin home: today's visits and the requests that are overdue."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone

import pytest

from reporting.inspections.models import Status, Visit
from tests.admin_text import prefer_english

from .conftest import make_user

pytestmark = pytest.mark.django_db


def test_inspector_sees_todays_visits_and_overdue_requests(client, inspector, make_request):
    today = make_request(status=Status.SCHEDULED, building_name="Ruko Hari Ini")
    start = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    Visit.objects.filter(request=today).update(starts_at=start, ends_at=start + datetime.timedelta(hours=2))
    later = make_request(status=Status.SCHEDULED, building_name="Gudang Minggu Depan")
    in_three_days = start + datetime.timedelta(days=3)
    Visit.objects.filter(request=later).update(
        starts_at=in_three_days, ends_at=in_three_days + datetime.timedelta(hours=2)
    )
    make_request(building_name="Sekolah Terlambat", preferred_date=timezone.localdate() - datetime.timedelta(days=2))
    make_request(building_name="Kantor Tepat Waktu")  # preferred date next week
    client.force_login(prefer_english(inspector))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Today's visits" in html and "Overdue requests" in html
    assert "Ruko Hari Ini" in html and "10:00" in html
    assert "Gudang Minggu Depan" not in html
    overdue = "Sekolah Terlambat" in html and "Kantor Tepat Waktu" not in html
    assert overdue
    today_visit_ends_later = start + datetime.timedelta(hours=2) > timezone.now()
    expected = 1 if today_visit_ends_later else 2
    assert re.search(rf'data-figure="overdue">\s*{expected}\s*<', html)


def test_other_roles_do_not_see_it(client, areas):
    coordinator = make_user("koordinator@example.com", groups=["Coordinators"])
    coordinator.is_staff = True
    coordinator.save()
    client.force_login(coordinator)
    assert "inspections-home-heading" not in client.get(reverse("wagtailadmin_home")).content.decode()
