"""Emails at each step the applicant should know about; a failed email never loses a step."""

import datetime
from unittest import mock

from django.utils import timezone

import pytest

from reporting.inspections import lifecycle
from reporting.inspections.models import InspectionRequest, ResultKind, Status

from .conftest import schedule_data

pytestmark = pytest.mark.django_db


def test_an_email_at_each_applicant_facing_step(
    make_request, staff, inspector, mailoutbox, django_capture_on_commit_callbacks
):
    inspection = make_request()
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.move(inspection, Status.RETURNED, user=staff, message="Lengkapi denah")
        lifecycle.move(inspection, Status.SUBMITTED, user=inspection.applicant, applicant=True)
        lifecycle.move(inspection, Status.VERIFIED, user=staff)
        lifecycle.move(inspection, Status.SCHEDULED, user=staff, **schedule_data(inspector))
        lifecycle.move(inspection, Status.INSPECTED, user=staff)
        InspectionRequest.objects.get(pk=inspection.pk).current_visit.entries.update(outcome="met")
        lifecycle.move(inspection, Status.RESULT_ISSUED, user=staff, result=ResultKind.COMPLIANT)
        lifecycle.move(inspection, Status.CLOSED, user=staff)
    # returned, resubmitted, verified, scheduled, result, closed: "inspected" is internal.
    assert len(mailoutbox) == 6
    assert all(m.to == ["owner@example.com"] for m in mailoutbox)
    assert "Lengkapi denah" in mailoutbox[0].body
    code = InspectionRequest.objects.get(pk=inspection.pk).current_visit.verification_code
    assert code in mailoutbox[4].body


def test_email_in_the_applicants_language(make_request, staff, mailoutbox, django_capture_on_commit_callbacks):
    inspection = make_request(language="en")
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.move(inspection, Status.VERIFIED, user=staff)
    assert "has been verified" in mailoutbox[0].body


def test_email_failure_keeps_the_step(make_request, staff, mailoutbox, django_capture_on_commit_callbacks):
    inspection = make_request()
    with (
        mock.patch("portal.core.notifications.EmailMessage.send", side_effect=OSError("SMTP down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        lifecycle.move(inspection, Status.VERIFIED, user=staff)
    assert InspectionRequest.objects.get(pk=inspection.pk).status == Status.VERIFIED


def test_enqueue_failure_keeps_the_step(make_request, staff, django_capture_on_commit_callbacks):
    inspection = make_request()
    with (
        mock.patch("reporting.inspections.lifecycle.email_applicant") as task,
        django_capture_on_commit_callbacks(execute=True),
    ):
        task.enqueue.side_effect = RuntimeError("queue down")
        lifecycle.move(inspection, Status.VERIFIED, user=staff)
    assert task.enqueue.called
    assert InspectionRequest.objects.get(pk=inspection.pk).status == Status.VERIFIED


def test_no_email_for_internal_steps(make_request, staff, mailoutbox, django_capture_on_commit_callbacks):
    inspection = make_request(status=Status.SCHEDULED)
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.move(inspection, Status.INSPECTED, user=staff)
    assert mailoutbox == []
    assert timezone.now() - InspectionRequest.objects.get(pk=inspection.pk).inspected_at < datetime.timedelta(minutes=1)
