"""Page types: where they may be created, how they render in both languages, which listings show them."""

from wagtail.models import Locale

import pytest

from education.models import (
    AlertIndexPage,
    AlertPage,
    ArticleIndexPage,
    ArticlePage,
    CampaignIndexPage,
    CampaignPage,
)
from home.models import HomePage

from .conftest import translate_now

pytestmark = pytest.mark.django_db


def test_each_page_type_is_created_under_its_parent_only(home_id, article_index, campaign_index, alert_index):
    # Index pages: under the home page, once.
    for index_model in (ArticleIndexPage, CampaignIndexPage, AlertIndexPage):
        assert index_model.parent_page_types == ["home.HomePage"]
        assert not index_model.can_create_at(home_id)  # one already exists
        assert not index_model.can_create_at(article_index)
    # Content pages: under their own index only.
    assert ArticlePage.can_create_at(article_index)
    assert CampaignPage.can_create_at(campaign_index)
    assert AlertPage.can_create_at(alert_index)
    for model, own in ((ArticlePage, article_index), (CampaignPage, campaign_index), (AlertPage, alert_index)):
        assert not model.can_create_at(home_id)
        for other in (article_index, campaign_index, alert_index):
            if other is not own:
                assert not model.can_create_at(other)
    assert ArticlePage.allowed_subpage_models() == []
    assert set(ArticleIndexPage.allowed_parent_page_models()) == {HomePage}


def test_index_pages_are_in_the_menu(client, article_index, campaign_index, alert_index):
    html = client.get("/id/").content.decode()
    for index in (article_index, campaign_index, alert_index):
        assert f'href="{index.url}"' in html


def test_article_renders_in_both_languages(client, topics, make_article, django_capture_on_commit_callbacks):
    article = make_article(title="Bahaya korsleting", topics=[topics["listrik"]])
    en = Locale.objects.get(language_code="en")
    translate_now(
        django_capture_on_commit_callbacks, article.get_parent(), en, {"Edukasi": "Safety", "edukasi": "safety"}
    )
    translate_now(django_capture_on_commit_callbacks, topics["listrik"], en, {"Listrik": "Electrical"})
    english = translate_now(
        django_capture_on_commit_callbacks,
        article,
        en,
        {"Bahaya korsleting": "Short-circuit danger", "Sebelum memasak": "Before cooking"},
    )
    response = client.get(article.url)
    assert response.status_code == 200
    assert "Bahaya korsleting" in response.content.decode()
    response = client.get(english.url)
    html = response.content.decode()
    assert english.url.startswith("/en/safety/")
    assert '<html lang="en">' in html
    assert "Short-circuit danger" in html
    assert "Before cooking" in html
    # The topic shows in the reader's language.
    assert "Electrical" in html and ">Listrik<" not in html
    # FAQ is a native disclosure: works without JavaScript.
    assert "<details" in html and "<summary>" in html


def test_listings_show_only_that_languages_pages(client, make_article, django_capture_on_commit_callbacks):
    translated = make_article(title="Sudah diterjemahkan")
    untranslated = make_article(title="Belum diterjemahkan")
    en = Locale.objects.get(language_code="en")
    english_index = translate_now(
        django_capture_on_commit_callbacks,
        translated.get_parent(),
        en,
        {"Edukasi": "Safety advice", "edukasi": "safety"},
    )
    translate_now(django_capture_on_commit_callbacks, translated, en, {"Sudah diterjemahkan": "Already translated"})
    id_html = client.get(translated.get_parent().url).content.decode()
    assert "Sudah diterjemahkan" in id_html and "Belum diterjemahkan" in id_html
    response = client.get(english_index.url)
    assert [a.title for a in response.context["articles"]] == ["Already translated"]
    html = response.content.decode()
    assert "Already translated" in html
    i = html.find("Belum diterjemahkan")
    assert i == -1, html[i - 300 : i + 100]
    # The untranslated page's language switcher says so and leads to the English home page, not a 404.
    html = client.get(untranslated.url).content.decode()
    assert "This page is not translated yet" in html or "belum diterjemahkan" in html.lower()
    assert 'href="/en/"' in html


def test_topic_filter_and_pagination(client, topics, make_article):
    for _ in range(3):
        make_article(topics=[topics["lpg"]])
    make_article(title="Tentang listrik", topics=[topics["listrik"]])
    index = ArticleIndexPage.objects.get()
    html = client.get(index.url + "?topic=listrik").content.decode()
    assert "Tentang listrik" in html
    assert html.count('class="card edu-card"') == 1
    html = client.get(index.url + "?topic=lpg").content.decode()
    assert html.count('class="card edu-card"') == 3
    # Unknown topic: everything; bad page numbers fall back instead of failing.
    assert client.get(index.url + "?topic=nope").content.decode().count('class="card edu-card"') == 4
    assert client.get(index.url + "?page=abc").status_code == 200
    assert client.get(index.url + "?page=999").status_code == 200


def test_articles_are_newest_first(client, make_article):
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    make_article(title="Artikel lama", date=today - datetime.timedelta(days=40))
    make_article(title="Artikel baru", date=today)
    html = client.get(ArticleIndexPage.objects.get().url).content.decode()
    assert html.index("Artikel baru") < html.index("Artikel lama")


def test_reading_time_is_computed_from_the_body(make_article):
    words = " ".join(["kata"] * 450)
    article = make_article(body=[{"type": "paragraph", "value": f"<p>{words}</p>"}])
    assert article.reading_minutes == 3


def test_campaign_index_groups_current_upcoming_and_past(client, campaign_index):
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    for title, start, end in (
        ("Kampanye berjalan", today - day, today + day),
        ("Kampanye mendatang", today + 10 * day, today + 20 * day),
        ("Kampanye selesai", today - 20 * day, today - 10 * day),
    ):
        campaign = CampaignPage(title=title, key_message="Pesan", summary="Ringkas", start_date=start, end_date=end)
        campaign_index.add_child(instance=campaign)
        campaign.save_revision().publish()
    response = client.get(campaign_index.url)
    context = response.context
    assert [c.title for c in context["current"]] == ["Kampanye berjalan"]
    assert [c.title for c in context["upcoming"]] == ["Kampanye mendatang"]
    assert [c.title for c in context["past"]] == ["Kampanye selesai"]
    page = CampaignPage.objects.get(title="Kampanye mendatang")
    assert page.status == CampaignPage.Status.UPCOMING
    assert client.get(page.url).status_code == 200


def test_campaign_dates_are_validated(campaign_index):
    import datetime

    from django.core.exceptions import ValidationError

    page = CampaignPage(
        title="Salah",
        key_message="x",
        summary="x",
        start_date=datetime.date(2026, 5, 2),
        end_date=datetime.date(2026, 5, 1),
    )
    with pytest.raises(ValidationError):
        page.clean()


def test_alert_pages_render(client, make_alert):
    alert = make_alert()
    html = client.get(alert.url).content.decode()
    assert alert.title in html
    assert "Seluruh Kota Jambi" in html
    html = client.get(alert.get_parent().url).content.decode()
    assert alert.title in html


def test_search_in_the_active_language_with_highlights(client, make_article, make_alert, topics):
    make_article(title="Kebocoran gas di dapur", topics=[topics["lpg"]])
    make_alert(title="Asap gas dari gudang")
    response = client.get("/id/search/?q=gas")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>gas</mark>" in html
    assert len(response.context["results"]) == 2
    # English search does not return Indonesian pages.
    assert len(client.get("/en/search/?q=gas").context["results"]) == 0


def test_search_without_results_suggests_topics(client, topics, article_index):
    response = client.get("/id/search/?q=zzzqqq")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Listrik" in html and "LPG" in html
    assert f"{article_index.url}?topic=lpg" in html


def test_search_escapes_the_query(client, article_index):
    html = client.get("/id/search/?q=<script>alert(1)</script>").content.decode()
    assert "<script>alert(1)" not in html


def test_past_campaigns_are_paginated(client, campaign_index, monkeypatch):
    import datetime

    from django.utils import timezone

    from education.models import CampaignIndexPage, CampaignPage

    monkeypatch.setattr(CampaignIndexPage, "PAST_PER_PAGE", 2)
    today = timezone.localdate()
    for n in range(3):
        end = today - datetime.timedelta(days=10 + n)
        campaign = CampaignPage(title=f"Kampanye lama {n}", key_message="k", summary="s", start_date=end, end_date=end)
        campaign_index.add_child(instance=campaign)
        campaign.save_revision().publish()
    first = client.get(campaign_index.url)
    assert [c.title for c in first.context["past"]] == ["Kampanye lama 0", "Kampanye lama 1"]
    assert "?page=2" in first.content.decode()
    second = client.get(campaign_index.url, {"page": 2})
    assert [c.title for c in second.context["past"]] == ["Kampanye lama 2"]
    assert client.get(campaign_index.url, {"page": "zzz"}).status_code == 200
