"""What search engines and feed readers read: descriptions, one public address, robots, sitemap, feeds."""

import re
from xml.etree import ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db

BASE = "https://damkar.example.id"


@pytest.fixture
def public_base(settings):
    settings.PUBLIC_BASE_URL = BASE
    return BASE


def _description(html):
    found = re.findall(r'<meta name="description"\s+content="([^"]*)"', html)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("url", ["/id/", "/en/", "/en/track/", "/id/inspections/verify/", "/en/report/"])
def test_every_page_has_one_meta_description(client, site, url):
    response = client.get(url)
    assert response.status_code == 200
    assert len(_description(response.content.decode())) > 40


def test_canonical_and_opengraph_use_the_public_address(client, site, public_base):
    html = client.get("/en/").content.decode()
    assert f'<link rel="canonical" href="{BASE}/en/">' in html
    assert f'<meta property="og:url" content="{BASE}/en/">' in html
    assert '<meta property="og:site_name" content="Damkar Kota Jambi">' in html
    assert '<meta property="og:locale" content="en_US">' in html
    assert '<meta property="og:locale:alternate" content="id_ID">' in html
    assert f'hreflang="id"\n                      href="{BASE}/id/"' in html or f'href="{BASE}/id/"' in html
    assert "http://testserver" not in html.split("</head>")[0]


def test_robots_txt_announces_the_sitemap(client, public_base):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert f"Sitemap: {BASE}/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_sitemap_lists_every_public_page_in_both_languages(client, site, public_base):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    locations = {loc.text for loc in root.findall("s:url/s:loc", ns)}
    for path in ("/id/", "/en/", "/id/report/", "/en/report/", "/id/track/", "/en/track/"):
        assert BASE + path in locations
    for path in ("inspections/request/", "relawan/daftar/"):
        assert BASE + "/id/" + path in locations and BASE + "/en/" + path in locations
    assert all(location.startswith(BASE) for location in locations)


def test_atom_feed_has_an_author_and_public_links(client, site, public_base):
    response = client.get("/en/feeds/articles.atom")
    assert response.status_code == 200
    atom = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    assert root.find("a:author/a:name", atom).text == "Damkar Kota Jambi"
    links = [link.get("href") for link in root.findall("a:link", atom)]
    assert links and all(href.startswith(BASE) for href in links)
    cap_index = ET.fromstring(client.get("/en/alerts/cap/").content)  # noqa: S314
    assert cap_index.find("a:author/a:name", atom) is not None


@pytest.mark.parametrize(("language", "heading"), [("en", "Page not found"), ("id", "Halaman tidak ditemukan")])
def test_not_found_page_is_in_the_site_style_and_language(client, site, language, heading):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}">' in html and "<header" in html and "<footer" in html
    assert heading in html
    assert 'href="tel:112"' in html and 'role="search"' in html


def test_server_error_page_is_styled_and_needs_no_database():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "css/portal" in html and 'class="site-header"' in html
    assert "Terjadi kesalahan" in html and "Something went wrong" in html and 'href="tel:112"' in html


@pytest.mark.parametrize("url", ["/en/", "/id/report/"])
def test_header_has_a_search_box(client, site, url):
    html = client.get(url).content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    language = url.split("/")[1]
    assert f'action="/{language}/search/"' in header and 'type="search"' in header
    assert '<label class="visually-hidden" for="header-search-q">' in header
