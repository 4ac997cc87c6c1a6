"""seed_demo's education content: complete, bilingual, idempotent."""

import pytest

from education import demo
from education.models import AlertPage, ArticlePage, CampaignPage, Topic
from portal.core import demo as core_demo

pytestmark = pytest.mark.django_db


def _seed(capture):
    messages = []
    with capture(execute=True):
        demo.seed(messages.append)
    return messages


def test_demo_content_is_bilingual_and_idempotent(client, site, django_capture_on_commit_callbacks):
    _seed(django_capture_on_commit_callbacks)
    for language in ("id", "en"):
        articles = ArticlePage.objects.live().filter(locale__language_code=language)
        assert articles.count() >= 12, language
        assert CampaignPage.objects.live().filter(locale__language_code=language).count() == 2
        assert AlertPage.objects.live().filter(locale__language_code=language).count() == 1
        assert Topic.objects.filter(locale__language_code=language).count() == 7
        assert all(article.hero_image_id for article in articles)
        assert all(article.first_published_at and article.live_revision_id for article in articles)
    english = ArticlePage.objects.get(locale__language_code="en", slug="using-a-fire-extinguisher-pass")
    assert english.title == "Using a fire extinguisher: the PASS method"
    # Real wagtail-localize translations: same translation key, a translation source exists.
    source = ArticlePage.objects.get(translation_key=english.translation_key, locale__language_code="id")
    assert source.title == "Cara memakai APAR dengan metode PASS"
    assert "Pull the safety pin" in str(english.body.raw_data)
    html = client.get("/en/").content.decode()
    assert "Ban on burning rubbish and land" in html  # the active alert's banner
    assert "One Home, One Extinguisher" not in html  # upcoming, not current
    assert "A Smoke-Free Dry Season" in html

    counts = (
        ArticlePage.objects.count(),
        CampaignPage.objects.count(),
        AlertPage.objects.count(),
        Topic.objects.count(),
    )
    assert _seed(django_capture_on_commit_callbacks) == []
    assert counts == (
        ArticlePage.objects.count(),
        CampaignPage.objects.count(),
        AlertPage.objects.count(),
        Topic.objects.count(),
    )


PAGE = """---
slug: {slug}
title: {title}
---

## {heading}

{text}

::: callout danger {heading}
{text}
:::
"""


def _page(folder, language, **texts):
    (folder / language).mkdir(parents=True, exist_ok=True)
    (folder / language / "01-page.md").write_text(PAGE.format(**texts), encoding="utf-8")


def test_markdown_pages_pair_the_english_texts_with_the_indonesian_ones(tmp_path):
    _page(tmp_path, "id", slug="halaman", title="Judul", heading="Awas", text="Telepon 112.")
    _page(tmp_path, "en", slug="page", title="Title", heading="Beware", text="Call 112.")
    [(front, body, strings)] = core_demo.pages(tmp_path)
    assert front == {"slug": "halaman", "title": "Judul"}
    assert body == [("h", "Awas"), ("p", "Telepon 112."), ("warn", "danger", "Awas", "Telepon 112.")]
    assert strings == {"halaman": "page", "Judul": "Title", "Awas": "Beware", "Telepon 112.": "Call 112."}


def test_an_english_page_with_other_blocks_stops_seeding_with_its_name(tmp_path):
    _page(tmp_path, "id", slug="halaman", title="Judul", heading="Awas", text="Telepon 112.")
    _page(tmp_path, "en", slug="page", title="Title", heading="Beware", text="Call 112.")
    english = tmp_path / "en" / "01-page.md"
    english.write_text(english.read_text().replace("::: callout danger", "::: callout warning"))
    with pytest.raises(ValueError, match="en/01-page.md"):
        core_demo.pages(tmp_path)
    english.unlink()
    with pytest.raises(ValueError, match="01-page.md"):
        core_demo.pages(tmp_path)


def test_yaml_texts_come_in_indonesian_with_their_english(tmp_path):
    path = tmp_path / "data.yaml"
    path.write_text("- name: {id: Relawan, en: Volunteers}\n  code: 7\n- name: {id: Relawan, en: Helpers}\n")
    with pytest.raises(ValueError, match="two different English translations"):
        core_demo.load(path)
    path.write_text("- name: {id: Relawan, en: Volunteers}\n  code: 7\n")
    assert core_demo.load(path) == ([{"name": "Relawan", "code": 7}], {"Relawan": "Volunteers"})
