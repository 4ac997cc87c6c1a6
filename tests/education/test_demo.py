"""seed_demo's education content: complete, bilingual, idempotent."""

import pytest

from education import demo
from education.models import AlertPage, ArticlePage, CampaignPage, Topic

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
