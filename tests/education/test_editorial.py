"""Translation sync, the Editors → Moderators workflow, scheduled publishing and expiry."""

import datetime
from unittest import mock

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Locale, Page, WorkflowPage
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import Translation, TranslationSource

import pytest

from education.models import AlertPage, ArticlePage, CampaignPage, Topic

from .conftest import make_image, translate_now

pytestmark = pytest.mark.django_db


def _field_kinds(model):
    return {field.field_name: isinstance(field, SynchronizedField) for field in get_translatable_fields(model)}


def test_images_dates_choices_and_links_are_synchronized_text_is_translated():
    article = _field_kinds(ArticlePage)
    assert article["hero_image"] and article["date"] and article["topic_links"]
    assert not article["title"] and not article["summary"] and not article["hero_alt"] and not article["body"]
    campaign = _field_kinds(CampaignPage)
    assert campaign["start_date"] and campaign["end_date"] and campaign["cta_url"] and campaign["cta_page"]
    assert campaign["areas"] and campaign["related_articles"]
    assert not campaign["key_message"] and not campaign["cta_label"]
    alert = _field_kinds(AlertPage)
    for name in ("severity", "urgency", "certainty", "category", "onset", "expires", "areas"):
        assert alert[name], name
    for name in ("event", "description", "instruction", "area_description"):
        assert not alert[name], name
    topic = _field_kinds(Topic)
    assert topic["slug"] and not topic["name"]


def test_source_changes_sync_to_the_translation(make_article, django_capture_on_commit_callbacks):
    article = make_article(title="Judul asli")
    en = Locale.objects.get(language_code="en")
    translate_now(django_capture_on_commit_callbacks, article.get_parent(), en, {"edukasi": "safety"})
    english = translate_now(django_capture_on_commit_callbacks, article, en, {"Judul asli": "Original title"})
    # The editor changes the image and the date of the Indonesian article.
    new_image = make_image("Gambar baru")
    article.hero_image = new_image
    article.date = datetime.date(2026, 1, 15)
    article.save_revision().publish()
    # "Sync translated pages" in the admin does this:
    source, _changed = TranslationSource.update_or_create_from_instance(article)
    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.get(source=source, target_locale=en).save_target(publish=True)
    english = ArticlePage.objects.get(pk=english.pk)
    assert english.hero_image_id == new_image.pk
    assert english.date == datetime.date(2026, 1, 15)
    assert english.title == "Original title"  # translated text is kept


def test_groups_and_workflow_exist_after_migrations():
    editors = Group.objects.get(name="Editors")
    moderators = Group.objects.get(name="Moderators")
    root = Page.get_first_root_node()
    editor_page_perms = set(editors.page_permissions.filter(page=root).values_list("permission__codename", flat=True))
    moderator_page_perms = set(
        moderators.page_permissions.filter(page=root).values_list("permission__codename", flat=True)
    )
    assert {"add_page", "change_page"} <= editor_page_perms
    assert "publish_page" not in editor_page_perms
    assert {"add_page", "change_page", "publish_page"} <= moderator_page_perms
    assert editors.permissions.filter(codename="access_admin").exists()
    assert editors.permissions.filter(codename="submit_translation").exists()
    assert moderators.permissions.filter(codename="change_topic").exists()
    workflow = WorkflowPage.objects.get(page=root).workflow
    assert workflow.active
    task = workflow.tasks.get().specific
    assert list(task.groups.all()) == [moderators]


def _user(username, group):
    user = get_user_model().objects.create_user(username=username, email=f"{username}@damkar.example", password="x")
    user.groups.add(Group.objects.get(name=group))
    return user


def test_editor_drafts_moderator_publishes(client, make_article):
    editor = _user("editor", "Editors")
    moderator = _user("moderator", "Moderators")
    article = make_article(title="Draf editor", publish=False)
    assert not article.live
    assert not article.permissions_for_user(editor).can_publish()
    assert article.permissions_for_user(moderator).can_publish()

    # The editor submits for moderation: the page stays a draft.
    workflow = article.get_workflow()
    assert workflow is not None
    article.save_revision(user=editor)
    workflow_state = workflow.start(article, editor)
    article.refresh_from_db()
    assert not article.live
    task_state = workflow_state.current_task_state
    task = task_state.task.specific
    assert task.get_actions(article, moderator)
    assert task.get_actions(article, editor) == []

    # The moderator approves: the workflow completes and publishes the page.
    task_state.task.specific.on_action(task_state, moderator, "approve")
    article.refresh_from_db()
    assert article.live
    assert client.get(article.url).status_code == 200


def test_scheduled_publishing_and_expiry(client, make_article):
    article = make_article(title="Terjadwal", publish=False)
    soon = timezone.now() + datetime.timedelta(hours=1)
    article.go_live_at = soon
    article.save_revision().publish()
    article.refresh_from_db()
    assert not article.live
    assert client.get(article.url).status_code == 404
    # The go-live time passes; the scheduler (manage.py publish_scheduled, every minute) publishes it.
    with mock.patch("django.utils.timezone.now", return_value=soon + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")
    article.refresh_from_db()
    assert article.live
    assert client.get(article.url).status_code == 200

    # Expiry: once expire_at passes, the scheduler unpublishes the page.
    ArticlePage.objects.filter(pk=article.pk).update(expire_at=soon + datetime.timedelta(hours=2))
    with mock.patch("django.utils.timezone.now", return_value=soon + datetime.timedelta(hours=3)):
        call_command("publish_scheduled")
    article.refresh_from_db()
    assert not article.live and article.expired
    assert client.get(article.url).status_code == 404
