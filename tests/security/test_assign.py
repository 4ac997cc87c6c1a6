"""Incidents are assigned only to staff who may work them."""

from django.contrib.auth import get_user_model

import pytest
from rest_framework.test import APIClient


@pytest.mark.django_db
def test_assign_refuses_a_citizen_and_accepts_a_dispatcher(dispatcher, make_incident):
    citizen = get_user_model().objects.create_user(username="w@example.com", email="w@example.com", password="x")
    incident = make_incident()
    api = APIClient()
    api.force_authenticate(dispatcher)
    url = f"/api/incidents/{incident.pk}/assign/"
    refused = api.post(url, {"assigned_to": citizen.pk}, format="json")
    assert refused.status_code == 400 and "assigned_to" in refused.json()
    incident.refresh_from_db()
    assert incident.assigned_to is None
    accepted = api.post(url, {"assigned_to": dispatcher.pk}, format="json")
    assert accepted.status_code == 200
    incident.refresh_from_db()
    assert incident.assigned_to == dispatcher
