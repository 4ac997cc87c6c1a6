"""The Editors' and Moderators' admin home: pages awaiting moderation, translations out of
date or missing, alerts about to expire; computed with a fixed number of queries."""

import datetime
import re

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from education.dashboard import editorial_figures
from portal.core import roles
from tests.admin_text import prefer_english
from tests.education.conftest import translate_now
from tests.home.factories import UserFactory

pytestmark = pytest.mark.django_db


def member(username, role):
    user = UserFactory(username=username, email=f"{username}@damkar.example")
    user.groups.add(Group.objects.get(name=role))
    return prefer_english(user)


@pytest.fixture
def content(make_article, make_alert, home_en, django_capture_on_commit_callbacks):
    submitted = make_article(title="Artikel menunggu moderasi")
    submitted.save_revision()
    submitted.get_workflow().start(submitted, member("penulis", roles.EDITORS))
    changed = make_article(title="Artikel berubah")
    translate_now(django_capture_on_commit_callbacks, changed, home_en.locale, {"Artikel berubah": "Changed article"})
    changed.title = "Artikel berubah lagi"
    changed.save_revision().publish()
    make_alert(title="Peringatan hampir berakhir", expires=timezone.now() + datetime.timedelta(hours=5))
    make_alert(title="Peringatan masih lama", expires=timezone.now() + datetime.timedelta(days=5))
    return submitted, changed


@pytest.mark.parametrize(("username", "role"), [("editor.demo", roles.EDITORS), ("moderator.demo", roles.MODERATORS)])
def test_editors_and_moderators_see_the_content_work_waiting(client, content, username, role):
    submitted, _changed = content
    client.force_login(member(username, role))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Pages awaiting moderation" in html
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[submitted.pk])}">Artikel menunggu moderasi<' in html
    assert "Translations out of date" in html
    assert re.search(r'data-figure="stale">\s*1\s*<', html), html
    assert "Artikel berubah lagi" in html
    assert "Pages not translated" in html
    expiring = html.split("Alerts expiring within 48 hours")[1]
    assert "Peringatan hampir berakhir" in expiring and "Peringatan masih lama" not in expiring


def test_a_dispatcher_does_not_see_it(client, content):
    client.force_login(member("dispatcher.demo", roles.DISPATCHERS))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Pages awaiting moderation" not in html and "Artikel menunggu moderasi" not in html


def test_the_figures_cost_the_same_whatever_the_number_of_pages(content, make_article, make_alert):
    editorial_figures()  # the default locale is then remembered for the process (portal.core.locales)
    with CaptureQueriesContext(connection) as few:
        editorial_figures()
    for n in range(4):
        article = make_article(title=f"Artikel tambahan {n}")
        article.get_workflow().start(article, member(f"penulis{n}", roles.EDITORS))
        make_alert(title=f"Peringatan {n}", expires=timezone.now() + datetime.timedelta(hours=n + 1))
    with CaptureQueriesContext(connection) as many:
        figures = editorial_figures()
    assert figures["pending_count"] == 5 and len(figures["expiring"]) == 5
    assert len(many) == len(few) <= 8
