"""Opening a record with a reporter's contact details is logged, and the department head sees the log."""

from wagtail.models import ModelLogEntry

import pytest

from portal.core.audit import VIEWED_PERSONAL_ACTION
from tests.admin_text import prefer_english

pytestmark = pytest.mark.django_db


def test_opening_an_incident_is_logged_for_the_department_head(client, make_incident, dispatcher, head):
    incident = make_incident()
    assert not ModelLogEntry.objects.filter(action=VIEWED_PERSONAL_ACTION).exists()

    client.force_login(dispatcher)
    response = client.get(f"/admin/reporting/incidents/inspect/{incident.pk}/")
    assert response.status_code == 200 and "Budi Contoh" in response.content.decode()
    entry = ModelLogEntry.objects.get(action=VIEWED_PERSONAL_ACTION)
    assert entry.user_id == dispatcher.pk and entry.object_id == str(incident.pk) and entry.timestamp

    client.force_login(prefer_english(head))
    report = client.get("/admin/reports/site-history/", {"action": VIEWED_PERSONAL_ACTION})
    assert report.status_code == 200
    text = report.content.decode()
    assert "Viewed personal data" in text or "Opened the record with contact details" in text
    assert incident.tracking_code in text
