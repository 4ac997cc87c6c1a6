"""Feeds, feed discovery in <head>, sitemap with hreflang, canonical/OpenGraph/JSON-LD."""

import json
import re
from xml.etree import ElementTree as ET

from wagtail.models import Locale

import pytest

from .conftest import translate_now

pytestmark = pytest.mark.django_db


def test_rss_feed_per_language(client, topics, make_article, django_capture_on_commit_callbacks):
    article = make_article(title="Artikel RSS", topics=[topics["lpg"]])
    make_article(title="Artikel kedua")
    en = Locale.objects.get(language_code="en")
    translate_now(django_capture_on_commit_callbacks, article.get_parent(), en, {"edukasi": "safety"})
    translate_now(django_capture_on_commit_callbacks, article, en, {"Artikel RSS": "RSS article"})
    response = client.get("/id/feeds/articles.rss")
    assert response.status_code == 200
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314
    assert channel.find("language").text == "id"
    items = channel.findall("item")
    assert {item.find("title").text for item in items} == {"Artikel RSS", "Artikel kedua"}
    rss_item = next(item for item in items if item.find("title").text == "Artikel RSS")
    assert rss_item.find("category").text == "LPG"
    assert rss_item.find("link").text.endswith(article.url)
    english = ET.fromstring(client.get("/en/feeds/articles.rss").content).find("channel")  # noqa: S314
    assert english.find("language").text == "en"
    assert [item.find("title").text for item in english.findall("item")] == ["RSS article"]


def test_atom_feed(client, make_article):
    make_article(title="Artikel Atom")
    response = client.get("/id/feeds/articles.atom")
    feed = ET.fromstring(response.content)  # noqa: S314
    atom = {"a": "http://www.w3.org/2005/Atom"}
    assert [e.find("a:title", atom).text for e in feed.findall("a:entry", atom)] == ["Artikel Atom"]


def test_every_page_advertises_the_feeds(client, make_article, make_alert):
    article = make_article()
    alert = make_alert()
    for url in ("/id/", "/en/", article.url, "/id/search/"):
        html = client.get(url).content.decode()
        assert re.search(r'<link rel="alternate"\s+type="application/rss\+xml"', html), url
        assert re.search(r'<link rel="alternate"\s+type="application/atom\+xml"', html), url
        cap_link = (
            rf'type="application/cap\+xml"\s+title="{re.escape(alert.title)}"'
            rf'\s+href="/[^"]+{alert.translation_key}.xml"'
        )
        assert re.search(cap_link, html), url
    assert 'href="/en/feeds/articles.rss"' in client.get("/en/").content.decode()


def test_sitemap_has_both_languages_with_hreflang(client, make_article, django_capture_on_commit_callbacks):
    article = make_article(title="Peta situs")
    make_article(title="Belum diterjemahkan")
    en = Locale.objects.get(language_code="en")
    translate_now(django_capture_on_commit_callbacks, article.get_parent(), en, {"edukasi": "safety"})
    english = translate_now(django_capture_on_commit_callbacks, article, en, {"Peta situs": "Sitemap"})
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    root = ET.fromstring(response.content)  # noqa: S314
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {u.find("s:loc", ns).text: u for u in root.findall("s:url", ns)}
    id_url = next(loc for loc in urls if loc.endswith(article.url))
    en_url = next(loc for loc in urls if loc.endswith(english.url))
    for loc in (id_url, en_url):
        alternates = {link.get("hreflang"): link.get("href") for link in urls[loc].findall("x:link", ns)}
        assert alternates["id"] == id_url and alternates["en"] == en_url and alternates["x-default"] == id_url
    assert "/id/" in xml and "/en/" in xml


def test_article_has_canonical_opengraph_and_json_ld(client, topics, make_article):
    article = make_article(title="Meta artikel", topics=[topics["lpg"]])
    html = client.get(article.url).content.decode()
    # The request's address (no PUBLIC_BASE_URL here), not the Wagtail Site's "localhost".
    assert re.search(rf'<link rel="canonical"\s+href="{re.escape("http://testserver" + article.url)}">', html)
    assert re.search(r'<meta property="og:type"\s+content="article">', html)
    assert re.search(r'<meta property="og:title"\s+content="Meta artikel">', html)
    assert re.search(r'<meta property="og:image"\s+content="http://testserver/[^"]+fill-1200x630', html)
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Article"
    assert data["headline"] == "Meta artikel"
    assert data["inLanguage"] == "id"
    assert data["articleSection"] == ["LPG"]
    assert data["image"][0].startswith("http://testserver/")


def test_json_ld_cannot_break_out_of_its_script(client, make_article):
    article = make_article(title="</script><script>alert(1)</script>")
    html = client.get(article.url).content.decode()
    assert "<script>alert(1)</script>" not in html
