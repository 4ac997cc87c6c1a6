"""docs/privacy.md is the record of processing: every personal-looking field is in it, and the
export of each kind of person holds every field the record lists for them."""

import json
import re
from pathlib import Path

from django.apps import apps
from django.conf import settings

import pytest

from portal.core import privacy

RECORD = Path(settings.BASE_DIR) / "docs" / "privacy.md"
OWN_APPS = {"home", "education", "reporting", "inspections", "volunteers", "core", "auth", "account"}
PERSONAL = re.compile(r"(^|_)(name|username|phone|email|address|birth|latitude|longitude|lat|lon|gps|nik|ktp)(_|$)")
ROW = re.compile(r"^\| `(\w+)\.(\w+)\.(\w+)` \| (\w+) \|", re.MULTILINE)


def _listed():
    return set(re.findall(r"`(\w+\.\w+\.\w+)`", RECORD.read_text()))


def test_every_personal_looking_field_is_in_the_record():
    listed = _listed()
    missing = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label in OWN_APPS
        for field in model._meta.concrete_fields
        if PERSONAL.search(field.name) and f"{model._meta.label}.{field.name}" not in listed
    ]
    assert missing == [], f"Add these fields to docs/privacy.md: {missing}"


def test_the_record_names_real_fields():
    for label in _listed():
        app_label, model_name, field_name = label.split(".")
        model = apps.get_model(app_label, model_name)
        model._meta.get_field(field_name)


def _rows(kinds):
    return [
        (apps.get_model(app_label, model), field)
        for app_label, model, field, kind in ROW.findall(RECORD.read_text())
        if kind in kinds
    ]


def _instances(model, user):
    label = model._meta.label
    return {
        "auth.User": lambda: model.objects.filter(pk=user.pk),
        "account.EmailAddress": lambda: model.objects.filter(user=user),
        "account.EmailConfirmation": lambda: model.objects.filter(email_address__user=user),
        "volunteers.VolunteerProfile": lambda: model.objects.filter(user=user),
        "volunteers.Certificate": lambda: model.objects.filter(registration__user=user),
        "inspections.InspectionRequest": lambda: model.objects.filter(applicant=user),
    }[label]()


def _check_export(user, kinds):
    exported = json.dumps(privacy.export(user), ensure_ascii=False)
    checked = 0
    for model, field in _rows(kinds):
        for obj in _instances(model, user):
            value = getattr(obj, field)
            if value in (None, ""):
                continue
            text = value.isoformat() if hasattr(value, "isoformat") else str(value)
            assert text in exported, f"{model._meta.label}.{field} = {text!r} is not in the export"
            checked += 1
    return checked


@pytest.mark.django_db
def test_export_of_a_volunteer(volunteer, give_volunteering):
    give_volunteering(volunteer)
    volunteer.user.first_name, volunteer.user.last_name = "Rina", "Marlina"
    volunteer.user.save()
    assert _check_export(volunteer.user, {"account", "volunteer"}) >= 10


@pytest.mark.django_db
def test_export_of_an_applicant(applicant, give_requests):
    give_requests(applicant)
    assert _check_export(applicant, {"account", "applicant"}) >= 8


@pytest.mark.django_db
def test_export_of_a_volunteer_who_is_an_applicant(volunteer, give_volunteering, give_requests):
    give_volunteering(volunteer)
    give_requests(volunteer.user)
    assert _check_export(volunteer.user, {"account", "volunteer", "applicant"}) >= 12
