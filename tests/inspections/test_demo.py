import pytest

from reporting.inspections import demo
from reporting.inspections.models import InspectionEvent, InspectionRequest, Status, Visit

pytestmark = pytest.mark.django_db


def test_seed_is_idempotent_and_prints_the_code(site, django_capture_on_commit_callbacks):
    lines = []
    with django_capture_on_commit_callbacks(execute=True):
        demo.seed(lines.append)
    counts = (InspectionRequest.objects.count(), InspectionEvent.objects.count(), Visit.objects.count())
    statuses = set(InspectionRequest.objects.values_list("status", flat=True))
    assert {Status.SUBMITTED, Status.RETURNED, Status.SCHEDULED, Status.RESULT_ISSUED} <= statuses
    code = Visit.objects.get(result="compliant").verification_code
    assert any(code in line for line in lines)
    again = []
    with django_capture_on_commit_callbacks(execute=True):
        demo.seed(again.append)
    assert (InspectionRequest.objects.count(), InspectionEvent.objects.count(), Visit.objects.count()) == counts
    assert all("created" not in line for line in again)
    assert demo.DEMO_APPLICANT_EMAIL.endswith(".example")
