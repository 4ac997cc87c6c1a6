"""Wagtail API v2 endpoints for articles, campaigns, alerts and topics."""

import datetime

from django.utils import timezone

from wagtail.models import Locale

import pytest

from .conftest import translate_now

pytestmark = pytest.mark.django_db


@pytest.fixture
def bilingual(topics, make_article, django_capture_on_commit_callbacks):
    en = Locale.objects.get(language_code="en")
    lpg = make_article(title="Gas bocor", topics=[topics["lpg"]])
    make_article(title="Kabel panas", topics=[topics["listrik"]])
    translate_now(django_capture_on_commit_callbacks, lpg.get_parent(), en, {"edukasi": "safety"})
    translate_now(django_capture_on_commit_callbacks, topics["lpg"], en, {"LPG": "LPG gas"})
    english = translate_now(django_capture_on_commit_callbacks, lpg, en, {"Gas bocor": "Gas leak"})
    return lpg, english


def test_articles_listing_filters_by_locale_and_topic(client, bilingual):
    response = client.get("/api/v2/articles/?locale=id")
    assert response.status_code == 200
    data = response.json()
    assert {item["title"] for item in data["items"]} == {"Gas bocor", "Kabel panas"}
    item = data["items"][0]
    assert {"date", "summary", "hero_image_card", "topics"} <= set(item)
    assert item["meta"]["locale"] == "id"
    assert item["meta"]["type"] == "education.ArticlePage"
    assert f"/api/v2/articles/{item['id']}/" in item["meta"]["detail_url"]
    titles = [i["title"] for i in client.get("/api/v2/articles/?locale=en").json()["items"]]
    assert titles == ["Gas leak"]
    titles = [i["title"] for i in client.get("/api/v2/articles/?topic=lpg").json()["items"]]
    assert sorted(titles) == ["Gas bocor", "Gas leak"]
    titles = [i["title"] for i in client.get("/api/v2/articles/?topic=lpg&locale=en").json()["items"]]
    assert titles == ["Gas leak"]


def test_article_detail_has_structured_body_and_renditions(client, bilingual):
    _lpg, english = bilingual
    data = client.get(f"/api/v2/articles/{english.pk}/").json()
    assert data["title"] == "Gas leak"
    assert data["meta"]["locale"] == "en"
    hero = data["hero_image"]
    assert hero["url"].endswith(".fill-1200x630.png")
    assert hero["width"] > 0 and hero["height"] > 0
    assert data["hero_alt"] == "Ilustrasi"
    assert data["topics"] == [{"id": data["topics"][0]["id"], "name": "LPG gas", "slug": "lpg"}]
    types = [block["type"] for block in data["body"]]
    assert types[:3] == ["heading", "paragraph", "checklist"]
    faq = next(block for block in data["body"] if block["type"] == "faq")
    assert faq["value"]["items"][0]["question"] == "Apakah gratis?"
    assert data["reading_minutes"] >= 1


def test_image_block_gives_rendition_details(client, make_article):
    from .conftest import make_image

    image = make_image()
    article = make_article(body=[{"type": "figure", "value": {"image": image.pk, "alt_text": "APAR", "caption": "c"}}])
    block = client.get(f"/api/v2/articles/{article.pk}/").json()["body"][0]
    assert block["type"] == "figure"
    assert block["value"]["image"]["alt"] == "APAR"
    assert block["value"]["image"]["width"] > 0 and block["value"]["image"]["url"]


def test_type_filter_on_pages_endpoint(client, bilingual):
    data = client.get("/api/v2/pages/?type=education.ArticlePage&fields=summary").json()
    assert data["meta"]["total_count"] == 3


def test_campaigns_filter_by_status(client, campaign_index):
    from education.models import CampaignPage

    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    for title, start, end in (("Sekarang", today - day, today + day), ("Nanti", today + 5 * day, today + 9 * day)):
        page = CampaignPage(title=title, key_message="k", summary="s", start_date=start, end_date=end)
        campaign_index.add_child(instance=page)
        page.save_revision().publish()
    current = client.get("/api/v2/campaigns/?status=current").json()["items"]
    assert [c["title"] for c in current] == ["Sekarang"]
    assert current[0]["status"] == "current"
    assert [c["title"] for c in client.get("/api/v2/campaigns/?status=upcoming").json()["items"]] == ["Nanti"]
    assert client.get("/api/v2/campaigns/?status=bogus").status_code == 400


def test_alerts_filter_active_and_severity(client, make_alert):
    make_alert(title="Aktif parah", severity="Severe")
    make_alert(
        title="Lewat",
        severity="Minor",
        onset=timezone.now() - datetime.timedelta(days=2),
        expires=timezone.now() - datetime.timedelta(days=1),
    )
    items = client.get("/api/v2/alerts/?active=true").json()["items"]
    assert [a["title"] for a in items] == ["Aktif parah"]
    assert items[0]["is_active"] is True
    assert [a["title"] for a in client.get("/api/v2/alerts/?severity=Minor").json()["items"]] == ["Lewat"]
    detail = client.get(f"/api/v2/alerts/{items[0]['id']}/").json()
    assert len(detail["kecamatan"]) == 2 and detail["kecamatan"][0]["code"].startswith("15.71.")
    assert client.get("/api/v2/alerts/?active=maybe").status_code == 400


def test_topics_endpoint_filters_by_locale(client, topics, django_capture_on_commit_callbacks):
    en = Locale.objects.get(language_code="en")
    translate_now(django_capture_on_commit_callbacks, topics["lpg"], en, {"LPG": "LPG gas"})
    names = [t["name"] for t in client.get("/api/v2/topics/?locale=en").json()["items"]]
    assert names == ["LPG gas"]
    items = client.get("/api/v2/topics/?locale=id").json()["items"]
    assert {t["slug"] for t in items} == {"listrik", "lpg"}


def test_drafts_are_not_exposed(client, make_article):
    draft = make_article(title="Rahasia", publish=False)
    # 404 (Django's LocaleMiddleware then redirects unknown paths to a language prefix).
    assert client.get(f"/api/v2/articles/{draft.pk}/").status_code in (302, 404)
    assert "Rahasia" not in client.get("/api/v2/articles/").content.decode()


def test_article_listing_costs_the_same_queries_at_any_size(
    client, settings, topics, make_article, django_assert_max_num_queries
):
    settings.PAGE_CACHE_ENABLED = False  # measure the API view itself

    def count():
        client.get("/api/v2/articles/", {"limit": 50})  # first view makes the renditions
        with django_assert_max_num_queries(10) as captured:
            response = client.get("/api/v2/articles/", {"limit": 50})
        assert response.status_code == 200
        return len(captured.captured_queries), response.json()["items"]

    make_article(topics=[topics["lpg"]])
    few, items = count()
    assert items[0]["topics"][0]["slug"] == "lpg"
    for _ in range(6):
        make_article(topics=[topics["lpg"], topics["listrik"]])
    many, items = count()
    assert len(items) == 7
    assert many == few
