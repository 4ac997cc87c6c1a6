"""Words people use on the admin screens of incidents, inspections and volunteers (issue 10, item 4):
durations in words, state labels instead of codes, badges coloured by meaning, sentences after a move."""

import re
from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import translation

import pytest

from portal.core.durations import spoken
from tests.admin_text import visible_text

pytestmark = pytest.mark.django_db

RAW_DURATION = re.compile(r"\d+:\d\d:\d\d\.\d+")


def test_durations_read_as_words_in_both_languages():
    value = timedelta(minutes=14, seconds=37, microseconds=112089)
    with translation.override("en"):
        assert spoken(value) == "14 min 37 s"
        assert spoken(timedelta(hours=2, minutes=5, seconds=9)) == "2 h 5 min"
        assert spoken(14.5) == "14 min 30 s"  # a dashboard's minutes
        assert spoken(None) == "—"
        assert spoken(timedelta(0)) == "0 s"


def _codes():
    """Every stored state code of the three workflows (long enough not to be an ordinary word part)."""
    from reporting.incidents.models import Status as IncidentStatus
    from reporting.inspections.models import ResultKind
    from reporting.inspections.models import Status as InspectionStatus
    from volunteers.models import Registration, VolunteerProfile

    choices = [IncidentStatus, InspectionStatus, ResultKind, VolunteerProfile.Status, Registration.Status]
    return {value for kind in choices for value in kind.values if len(value) > 3}


def test_admin_screens_show_no_raw_duration_and_no_state_code(client, django_capture_on_commit_callbacks):
    from django.contrib.auth import get_user_model

    from wagtail.users.models import UserProfile

    from reporting.incidents.models import Incident
    from reporting.inspections.models import InspectionRequest
    from volunteers.models import VolunteerProfile

    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=StringIO())
    admin = get_user_model().objects.get(username="admin")
    UserProfile.objects.update_or_create(user=admin, defaults={"preferred_language": "id"})
    client.force_login(admin)

    arrived = Incident.objects.filter(on_scene_at__isnull=False, events__from_status__gt="").distinct()[:3]
    assert arrived, "the demo has incidents with a full trail"
    screens = ["/admin/reporting/incidents/", "/admin/inspections/requests/", "/admin/volunteers/applications/"]
    screens += ["/admin/volunteers/registrations/"]
    screens += [f"/admin/reporting/incidents/inspect/{incident.pk}/" for incident in arrived]
    screens += [f"/admin/reporting/incidents/history/{incident.pk}/" for incident in arrived]
    screens += [
        f"/admin/inspections/requests/inspect/{pk}/" for pk in InspectionRequest.objects.values_list("pk", flat=True)
    ]
    screens += [f"/admin/volunteers/applications/decide/{VolunteerProfile.objects.first().pk}/"]
    codes = re.compile(r"\b(" + "|".join(sorted(_codes(), key=len, reverse=True)) + r")\b")
    for screen in screens:
        response = client.get(screen)
        assert response.status_code == 200, screen
        text = visible_text(response.content.decode())
        assert not RAW_DURATION.search(text), f"{screen}: raw duration {RAW_DURATION.search(text)[0]!r}"
        assert not codes.search(text), f"{screen}: raw state code {codes.search(text)[0]!r}"
