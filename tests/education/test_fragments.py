"""Visitors the page cache does not serve (a session cookie, a signed-in citizen)
get pages built from fragments kept per content version: cheap to build, and
never stale after an edit (docs/caching.md)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def uncached(client, settings):
    """A visitor carrying a cookie the page cache does not ignore."""
    settings.PAGE_CACHE_ENABLED = True
    client.cookies["returning_visitor"] = "1"
    return client


def _text(response):
    assert response.status_code == 200
    assert "X-Page-Cache" not in response  # built for this request, not a page-cache hit
    return response.content.decode()


def test_a_published_article_shows_at_once_on_the_index_and_home(uncached, make_article, topics):
    first = make_article(title="Artikel pertama", topics=[topics["lpg"]])
    index_url = first.get_parent().url
    assert "Artikel pertama" in _text(uncached.get(index_url))
    assert "Artikel pertama" in _text(uncached.get("/id/"))

    make_article(title="Artikel terbaru tentang tabung gas", topics=[topics["lpg"]])

    assert "Artikel terbaru tentang tabung gas" in _text(uncached.get(index_url))
    assert "Artikel terbaru tentang tabung gas" in _text(uncached.get(index_url + "?topic=lpg"))
    assert "Artikel terbaru tentang tabung gas" in _text(uncached.get("/id/"))


def test_an_edited_article_shows_its_new_words_at_once(uncached, make_article, topics):
    article = make_article(title="Cara aman memakai kompor", topics=[topics["lpg"]])
    index_url = article.get_parent().url
    assert "Ringkasan Cara aman memakai kompor." in _text(uncached.get(article.url))
    assert "Ringkasan Cara aman memakai kompor." in _text(uncached.get(index_url))

    article.summary = "Periksa selang dan regulator setiap bulan."
    article.save_revision().publish()

    page = _text(uncached.get(article.url))
    assert "Periksa selang dan regulator setiap bulan." in page
    assert "Ringkasan Cara aman memakai kompor." not in page
    assert "Periksa selang dan regulator setiap bulan." in _text(uncached.get(index_url))


def test_an_unpublished_article_leaves_the_index_at_once(uncached, make_article, topics):
    keep = make_article(title="Artikel yang tetap", topics=[topics["lpg"]])
    gone = make_article(title="Artikel yang ditarik", topics=[topics["lpg"]])
    index_url = keep.get_parent().url
    assert "Artikel yang ditarik" in _text(uncached.get(index_url))

    gone.unpublish()

    page = _text(uncached.get(index_url))
    assert "Artikel yang ditarik" not in page
    assert "Artikel yang tetap" in page
    assert uncached.get(gone.url).status_code == 404


def test_a_new_alert_shows_in_the_banner_of_every_page_at_once(uncached, make_article, make_alert, topics):
    article = make_article(title="Artikel dengan banner", topics=[topics["lpg"]])
    assert "alert-banner" not in _text(uncached.get(article.url))

    alert = make_alert()

    page = _text(uncached.get(article.url))
    assert "alert-banner" in page
    assert alert.title in page


@pytest.mark.parametrize("which", ["home", "index", "article"])
def test_a_warm_page_reads_no_row(uncached, make_article, topics, django_assert_num_queries, which):
    """Once built, the page comes from fragments: no query, however much content exists."""
    article = make_article(topics=[topics["lpg"]])
    for _ in range(12):
        make_article(topics=[topics["listrik"]])
    url = {"home": "/id/", "index": article.get_parent().url, "article": article.url}[which]
    _text(uncached.get(url))
    with django_assert_num_queries(0):
        _text(uncached.get(url))
