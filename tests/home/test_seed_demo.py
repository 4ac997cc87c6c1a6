from io import StringIO

from django.apps import apps
from django.core.management import CommandError, call_command

import pytest

pytestmark = pytest.mark.django_db


def _snapshot():
    """Row count and highest primary key of every table: any change shows up here."""
    state = {}
    for model in apps.get_models():
        manager = model._base_manager
        last = manager.order_by("-pk").values_list("pk", flat=True).first()
        state[model._meta.label] = (manager.count(), str(last))
    return state


def _seed(django_capture_on_commit_callbacks):
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_seed_demo_builds_the_site_and_a_second_run_changes_nothing(django_capture_on_commit_callbacks):
    from home.models import DepartmentSettings, HomePage
    from portal.core.places import Kecamatan, Kelurahan

    first = _seed(django_capture_on_commit_callbacks)
    assert "Demo site ready." in first
    assert Kecamatan.objects.count() == 11
    assert Kelurahan.objects.count() == 68
    assert set(HomePage.objects.live().values_list("locale__language_code", flat=True)) == {"id", "en"}
    assert DepartmentSettings.objects.get().hotlines.exists()

    before = _snapshot()
    second = _seed(django_capture_on_commit_callbacks)
    assert _snapshot() == before
    assert "created" not in second and "translated" not in second


def test_seed_demo_prints_progress(django_capture_on_commit_callbacks):
    out = _seed(django_capture_on_commit_callbacks)
    assert "Areas: 11 kecamatan and 68 kelurahan added." in out
    assert "Pages: Indonesian home page created." in out


def test_seed_demo_refuses_production_settings(settings):
    settings.SETTINGS_MODULE = "portal.settings.production"
    with pytest.raises(CommandError):
        call_command("seed_demo", stdout=StringIO())


def test_kelurahan_belong_to_their_kecamatan(django_capture_on_commit_callbacks):
    from portal.core.places import Kelurahan

    _seed(django_capture_on_commit_callbacks)
    thehok = Kelurahan.objects.select_related("kecamatan").get(name="Thehok")
    assert thehok.kecamatan.name == "Jambi Selatan"
    assert thehok.code.startswith(thehok.kecamatan.code + ".")
