"""The department's admin (issue 10, item 7): its name and emblem, Indonesian by default whatever the
browser says, the user's own choice honoured, and no English left on the screens each role uses."""

import re
from io import StringIO

from django.core.management import call_command

import pytest

from tests.admin_text import visible_text

pytestmark = pytest.mark.django_db

# English that Wagtail, wagtail-localize and allauth leave untranslated in Indonesian (issue 10),
# and the project's own words; matched as whole words, case-sensitive, in the visible text.
# Words spelt the same in both languages (Status, Filter, Tag) cannot tell and are not listed.
ENGLISH = [
    "Reports",
    "Help",
    "Page title",
    "Collapse all",
    "Expand all",
    "Translate this page",
    "Moderators approval",
    "Dashboard",
    "Sign out",
    "Search",
    "Settings",
    "Account",
    "Edit",
    "Delete",
    "Save",
    "Cancel",
    "Sort",
    "Actions",
    "Incidents",
    "Inspections",
    "Volunteers",
    "Welcome",
    "Password",
    "Sign in",
    "Images",
    "Documents",
    "Snippets",
    "History",
    "Workflow",
    "Publish",
    "Locked",
    "Draft",
    "Live",
    "Submit",
    # The page editor's panels and promote tab, and the account panel.
    "Preview",
    "Autosave is paused",
    "Comment notifications",
    "For search engines",
    "For site menus",
    "Page visibility",
    "Side panel width",
    "Skip to main content",
    "Sync translated pages",
    "Title tag",
    "Meta description",
    "This data explained",
    "Anyone can edit",
    "Available in",
    "editor guide",
]

# email of each demo account (README), and the screens that role works in
ROLES = {
    "dispatcher.demo@damkar.example": ["/admin/", "/admin/reporting/incidents/", "/admin/reporting/incidents/board/"],
    "kepala.demo@damkar.example": ["/admin/", "/admin/reporting/incidents/"],
    "inspektur.demo@damkar.example": ["/admin/", "/admin/inspections/requests/", "/admin/inspections/agenda/"],
    "koordinator@demo.damkar.example": [
        "/admin/",
        "/admin/volunteers/applications/",
        "/admin/volunteers/rosters/",
        "/admin/volunteers/registrations/",
    ],
    "editor.demo@damkar.example": ["/admin/", "/admin/pages/", "/admin/images/", "/admin/documents/"],
    "moderator.demo@damkar.example": ["/admin/", "/admin/pages/", "/admin/images/"],
}


def _object_screens(email):
    """One work screen per kind of object the role handles, from the demo data."""
    from education.models import ArticlePage
    from reporting.incidents.models import Incident
    from reporting.inspections.models import InspectionRequest
    from volunteers.models import VolunteerProfile

    if email.startswith(("dispatcher", "kepala")):
        incident = Incident.objects.filter(on_scene_at__isnull=False).first()
        return [f"/admin/reporting/incidents/inspect/{incident.pk}/"]
    if email.startswith("inspektur"):
        return [
            f"/admin/inspections/requests/inspect/{pk}/"
            for pk in InspectionRequest.objects.values_list("pk", flat=True)[:2]
        ]
    if email.startswith("koordinator"):
        return [f"/admin/volunteers/applications/decide/{VolunteerProfile.objects.first().pk}/"]
    page = ArticlePage.objects.filter(locale__language_code="id").first()
    return [f"/admin/pages/{page.get_parent().pk}/", f"/admin/pages/{page.pk}/edit/"]


def _english(text):
    found = []
    for word in ENGLISH:
        if re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text):
            found.append(word)
    return found


def test_each_role_sees_its_screens_in_indonesian(client, django_capture_on_commit_callbacks):
    from django.contrib.auth import get_user_model

    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=StringIO())
    left = {}
    for email, screens in ROLES.items():
        user = get_user_model().objects.get(email=email)
        client.force_login(user)
        for screen in [*screens, *_object_screens(email)]:
            # The browser asks for English; the admin answers in the department's language.
            response = client.get(screen, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
            assert response.status_code == 200, f"{email}: {screen}"
            words = _english(visible_text(response.content.decode()))
            if words:
                left[f"{email} {screen}"] = words
    assert not left, "\n".join(f"{where}: {', '.join(words)}" for where, words in left.items())


def test_login_page_wears_the_department_name_in_indonesian(client):
    # The admin's sign-in is the site's (allauth, with lockout and a second factor), in Indonesian.
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en", follow=True)
    html = response.content.decode()
    assert response.wsgi_request.path == "/id/accounts/login/"
    assert "Damkar" in html
    assert "img/logo.svg" in html
    assert "Sign in to Wagtail" not in html
    assert response.wsgi_request.LANGUAGE_CODE == "id"


def test_the_users_chosen_language_wins(client, admin_user):
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(user=admin_user, defaults={"preferred_language": "en"})
    client.force_login(admin_user)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="id")
    assert '<html lang="en"' in response.content.decode()
    UserProfile.objects.filter(user=admin_user).update(preferred_language="")
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="id"' in response.content.decode()
    assert "<title>" in response.content.decode() and "Damkar Kota Jambi" in response.content.decode()


def test_wagtails_javascript_strings_are_indonesian(client, admin_user):
    """Wagtail's JS catalogue (page editor: "Collapse all", "Preview"...) comes from locale/id/djangojs.po."""
    from django.urls import reverse

    from wagtail.users.models import UserProfile

    UserProfile.objects.filter(user=admin_user).update(preferred_language="")
    client.force_login(admin_user)
    catalogue = client.get(reverse("wagtailadmin_javascript_catalog"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    for english, indonesian in (("Collapse all", "Ciutkan semua"), ("Expand all", "Bentangkan semua")):
        assert f'"{english}": "{indonesian}"' in catalogue
    assert '"Preview": "Pratinjau"' in catalogue
