"""Every public education page costs at most 10 queries (home at most 8), a fixed
number however many articles, topics and images exist (proved by adding 50 more)."""

import pytest

from education.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _uncached_pages(settings):
    """Budgets are for pages built from scratch, not for page-cache hits."""
    settings.PAGE_CACHE_ENABLED = False


INDEX_BUDGET = 10
ARTICLE_BUDGET = 10
PAGE_BUDGET = 10
HOME_BUDGET = 8


def _more_content(make_article, topics, count):
    from wagtail.models import Locale

    locale = Locale.objects.get(language_code="id")
    extra = [Topic.objects.create(locale=locale, name=f"Topik {i}", slug=f"topik-{i}-{count}") for i in range(5)]
    for i in range(count):
        make_article(topics=[topics["lpg"], extra[i % 5]])


def _measure(client, url, budget, django_assert_max_num_queries):
    client.get(url)  # first view generates image renditions once, as in production
    with django_assert_max_num_queries(budget) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "which", ["index", "index_filtered", "article", "home", "campaigns", "alerts", "alert", "search", "report"]
)
def test_flat_query_count(
    client, topics, make_article, make_alert, campaign_index, django_assert_max_num_queries, which
):
    article = make_article(topics=[topics["lpg"], topics["listrik"]])
    for _ in range(3):
        make_article(topics=[topics["lpg"]])
    alert = make_alert()
    index = article.get_parent()
    url, budget = {
        "index": (index.url, INDEX_BUDGET),
        "index_filtered": (index.url + "?topic=lpg", INDEX_BUDGET),
        "article": (article.url, ARTICLE_BUDGET),
        "home": ("/id/", HOME_BUDGET),
        "campaigns": (campaign_index.url, PAGE_BUDGET),
        "alerts": (alert.get_parent().url, PAGE_BUDGET),
        "alert": (alert.url, PAGE_BUDGET),
        "search": ("/id/search/?q=listrik", PAGE_BUDGET),
        "report": ("/id/report/", PAGE_BUDGET),
    }[which]
    small = _measure(client, url, budget, django_assert_max_num_queries)
    _more_content(make_article, topics, 50)
    large = _measure(client, url, budget, django_assert_max_num_queries)
    assert large == small


def _campaigns(campaign_index, start, count):
    import datetime

    from django.utils import timezone

    from education.models import CampaignPage

    today = timezone.localdate()
    for i in range(start, start + count):
        # Two past ones for each current one: 30 fill two pages of past campaigns.
        offset = datetime.timedelta(days=(i % 3 - 2) * 40)
        campaign = CampaignPage(
            title=f"Kampanye {i}",
            slug=f"kampanye-{i}",
            key_message="Pesan",
            summary="Ringkas",
            start_date=today + offset - datetime.timedelta(days=5),
            end_date=today + offset + datetime.timedelta(days=5),
        )
        campaign_index.add_child(instance=campaign)
        campaign.save_revision().publish()


def test_campaign_index_is_paginated_with_a_flat_query_count(client, campaign_index, django_assert_max_num_queries):
    _campaigns(campaign_index, 0, 3)
    small = _measure(client, campaign_index.url, PAGE_BUDGET, django_assert_max_num_queries)
    _campaigns(campaign_index, 3, 27)
    large = _measure(client, campaign_index.url, PAGE_BUDGET, django_assert_max_num_queries)
    assert large == small
    html = client.get(campaign_index.url).content.decode()
    assert 'rel="next"' in html
    for bad in ["abc", "0", "999"]:
        assert client.get(f"{campaign_index.url}?page={bad}").status_code == 200
