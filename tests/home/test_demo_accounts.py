"""Every staff role has a demo account (README, "Demo accounts") that signs in and reaches its screens."""

from io import StringIO

from django.core.management import call_command

import pytest

from portal.core import roles
from portal.core.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db

# email, group, admin screens the role works in (each must answer 200 for that account)
ACCOUNTS = [
    (
        "dispatcher.demo@damkar.example",
        roles.DISPATCHERS,
        ["/admin/reporting/incidents/", "/admin/reporting/incidents/board/"],
    ),
    ("kepala.demo@damkar.example", roles.DEPARTMENT_HEAD, ["/admin/reporting/incidents/"]),
    ("inspektur.demo@damkar.example", roles.INSPECTORS, ["/admin/inspections/requests/", "/admin/inspections/agenda/"]),
    (
        "koordinator@demo.damkar.example",
        roles.COORDINATORS,
        ["/admin/volunteers/applications/", "/admin/volunteers/rosters/"],
    ),
    ("editor.demo@damkar.example", roles.EDITORS, ["/admin/pages/"]),
    ("moderator.demo@damkar.example", roles.MODERATORS, ["/admin/pages/"]),
]


def test_seed_demo_makes_an_account_for_every_role_that_signs_in_and_reaches_its_screens(
    client, django_capture_on_commit_callbacks
):
    """One seeding (it takes a while) for all six roles, each signed in with the README's password."""
    from django.contrib.auth import get_user_model

    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=StringIO())
    assert {group for _email, group, _screens in ACCOUNTS} == {role.name for role in roles.ROLES}
    for email, group, screens in ACCOUNTS:
        user = get_user_model().objects.get(email=email)
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert not user.is_superuser
        assert user.emailaddress_set.get(email=email).verified

        client.logout()
        # /admin/login/ leads to the site's sign-in (allauth, by email), which returns to the admin.
        assert client.get("/admin/login/")["Location"].startswith("/id/accounts/login/")
        response = client.post(
            "/id/accounts/login/?next=/admin/", {"login": email, "password": DEMO_PASSWORD}, follow=True
        )
        assert response.wsgi_request.user == user, f"{email}: the demo password does not sign in to the admin"
        assert response.status_code == 200
        assert response.wsgi_request.path == "/admin/"
        for screen in screens:
            assert client.get(screen).status_code == 200, f"{email}: {screen}"


def test_readme_lists_every_demo_account():
    from django.conf import settings

    readme = (settings.BASE_DIR / "README.md").read_text(encoding="utf-8")
    for email, _group, _screens in ACCOUNTS:
        assert f"`{email}`" in readme
