"""Cards and heroes are responsive pictures: WebP at several widths with a JPEG fallback,
explicit dimensions (no layout shift), lazy cards and an eager, high-priority hero."""

import re

from django.test.html import parse_html

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _uncached_pages(settings):
    settings.PAGE_CACHE_ENABLED = False


def _widths(srcset):
    return [int(width) for width in re.findall(r"\s(\d+)w(?:,|$)", srcset)]


def _pictures(html):
    """Each <picture> of the page as {"sources": [attrs…], "img": attrs}."""
    pictures = []
    for picture in re.findall(r"<picture>.*?</picture>", html, flags=re.S):
        element = parse_html(picture)
        children = element.children
        pictures.append(
            {
                "sources": [dict(child.attributes) for child in children if child.name == "source"],
                "img": next(dict(child.attributes) for child in children if child.name == "img"),
            }
        )
    return pictures


def test_article_cards_offer_webp_at_several_widths(client, make_article):
    article = make_article()
    make_article()
    html = client.get(article.get_parent().url).content.decode()
    cards = _pictures(html)
    assert len(cards) == 2
    for card in cards:
        (webp,) = card["sources"]
        assert webp["type"] == "image/webp"
        assert _widths(webp["srcset"]) == [320, 480, 640, 640]  # the test image is 640 px wide
        assert all(url.endswith(".webp") for url in re.findall(r"(\S+)\s\d+w", webp["srcset"]))
        assert "calc(100vw - 2rem)" in webp["sizes"]
        img = card["img"]
        assert (img["width"], img["height"]) == ("320", "180")
        assert img["src"].endswith(".jpg")
        assert img["loading"] == "lazy"
        assert img["alt"] == ""  # the card's title says it all
        assert img["sizes"] == webp["sizes"]


def test_article_hero_loads_first_with_its_alt_text(client, make_article):
    article = make_article()
    (hero,) = _pictures(client.get(article.url).content.decode())
    (webp,) = hero["sources"]
    assert webp["type"] == "image/webp"
    assert len(_widths(webp["srcset"])) >= 3
    img = hero["img"]
    assert img["alt"] == "Ilustrasi"
    assert img["fetchpriority"] == "high"
    assert "loading" not in img
    assert int(img["width"]) * 630 == int(img["height"]) * 1200


def test_campaign_hero_and_cards(client, campaign_index, make_article):
    import datetime

    from django.utils import timezone

    from education.models import CampaignPage
    from tests.education.conftest import make_image

    today = timezone.localdate()
    campaign = CampaignPage(
        title="Bulan K3",
        slug="bulan-k3",
        summary="Cegah kebakaran di rumah.",
        key_message="Matikan kompor.",
        hero_image=make_image(),
        start_date=today - datetime.timedelta(days=1),
        end_date=today + datetime.timedelta(days=10),
    )
    campaign_index.add_child(instance=campaign)
    campaign.save_revision().publish()

    (card,) = _pictures(client.get(campaign_index.url).content.decode())
    assert card["img"]["loading"] == "lazy"
    assert card["sources"][0]["type"] == "image/webp"

    (hero,) = _pictures(client.get(campaign.url).content.decode())
    assert hero["img"]["fetchpriority"] == "high"
    assert hero["sources"][0]["type"] == "image/webp"


def test_listing_renditions_are_fetched_in_bulk(client, make_article):
    """Ten cards cost the queries of one: every card's renditions come in one prefetch."""
    first = make_article()
    index = first.get_parent()
    client.get(index.url)  # renditions are generated on the first view
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(index.url)
    for _ in range(9):
        make_article()
    client.get(index.url)
    with CaptureQueriesContext(connection) as ten:
        html = client.get(index.url).content.decode()
    assert len(_pictures(html)) == 10
    assert len(ten.captured_queries) == len(one.captured_queries)
