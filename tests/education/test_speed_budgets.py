"""Uncached public pages and content API listings within their query budgets
(issue 13), measured at two data sizes so a per-item query cannot hide."""

import pytest

pytestmark = pytest.mark.django_db

HOME_BUDGET = 8
API_BUDGET = 10


@pytest.fixture(autouse=True)
def _uncached_pages(settings):
    """Budgets are for responses built from scratch, not for page-cache hits."""
    settings.PAGE_CACHE_ENABLED = False


def _count(client, url, budget, django_assert_max_num_queries):
    client.get(url)  # first view makes image renditions once, as in production
    with django_assert_max_num_queries(budget) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response


def test_home_page_within_eight_queries_at_any_size(
    client, topics, make_article, make_alert, campaign_index, django_assert_max_num_queries
):
    make_article(title="Artikel pertama", topics=[topics["lpg"]])
    make_alert()
    small, response = _count(client, "/id/", HOME_BUDGET, django_assert_max_num_queries)
    assert "Artikel pertama" in response.content.decode()
    for i in range(12):
        make_article(title=f"Artikel {i}", topics=[topics["lpg"], topics["listrik"]])
    large, response = _count(client, "/id/", HOME_BUDGET, django_assert_max_num_queries)
    assert large == small


def test_pages_listing_is_flat_at_any_page_size(client, topics, make_article, django_assert_max_num_queries):
    for _ in range(3):
        make_article(topics=[topics["lpg"]])
    five, response = _count(client, "/api/v2/pages/?limit=5", API_BUDGET, django_assert_max_num_queries)
    assert len(response.json()["items"]) == 5
    for _ in range(12):
        make_article(topics=[topics["listrik"]])
    fifty, response = _count(client, "/api/v2/pages/?limit=50", API_BUDGET, django_assert_max_num_queries)
    items = response.json()["items"]
    assert len(items) > 15
    assert {item["meta"]["locale"] for item in items} <= {"id", "en"}
    assert fifty == five


def test_articles_listing_is_flat_at_any_page_size(client, topics, make_article, django_assert_max_num_queries):
    make_article(topics=[topics["lpg"]])
    five, _ = _count(client, "/api/v2/articles/?limit=5", API_BUDGET, django_assert_max_num_queries)
    for _ in range(8):
        make_article(topics=[topics["lpg"], topics["listrik"]])
    fifty, response = _count(client, "/api/v2/articles/?limit=50", API_BUDGET, django_assert_max_num_queries)
    items = response.json()["items"]
    assert len(items) == 9
    assert sorted(sorted(topic["slug"] for topic in item["topics"]) for item in items) == [["listrik", "lpg"]] * 8 + [
        ["lpg"]
    ]
    assert fifty == five
