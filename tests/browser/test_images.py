"""Card and hero pictures in a real browser on a phone: the image loads, in WebP, at a
width that suits a 390 px screen rather than the largest one on offer."""

import mimetypes
import re
from pathlib import Path

import pytest

from tests.education.conftest import article_index, make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

__all__ = ["article_index", "make_article"]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def media(page, production_server, settings):
    """Serve /media/ from MEDIA_ROOT, as nginx does in production (Django serves no media with DEBUG off)."""
    root = Path(settings.MEDIA_ROOT)

    def fulfil(route):
        path = root / route.request.url.split(settings.MEDIA_URL, 1)[1].split("?")[0]
        if not path.is_file():
            return route.fulfill(status=404)
        return route.fulfill(status=200, body=path.read_bytes(), content_type=mimetypes.guess_type(path.name)[0] or "")

    page.route(f"{production_server}{settings.MEDIA_URL}**", fulfil)
    return production_server


def _chosen_width(url):
    """The rendition's width, from its file name (naturalWidth is scaled by the srcset descriptor)."""
    return int(re.search(r"\.fill-(\d+)x\d+\.", url).group(1))


def _loaded(locator):
    """Scroll the image in (cards are lazy), wait for it, and report what the browser chose."""
    locator.scroll_into_view_if_needed()
    locator.evaluate("img => img.decode().catch(() => null)")
    return locator.evaluate(
        "img => ({complete: img.complete, natural: img.naturalWidth, shown: img.clientWidth,"
        " src: img.currentSrc, dpr: window.devicePixelRatio})"
    )


def test_cards_and_hero_load_webp_suited_to_a_phone(page, media, make_article):
    article = make_article(title="Cara aman memakai tabung LPG")
    make_article()
    page.set_viewport_size(PHONE)

    page.goto(media + article.get_parent().url)
    cards = page.locator(".edu-card img")
    assert cards.count() == 2
    card = _loaded(cards.first)
    assert card["complete"] and card["natural"] > 0, card
    assert card["src"].endswith(".webp"), card
    # The smallest width that covers the card on this screen: 480 for a 358 px card at 1x, not 640 or 800.
    assert card["shown"] * card["dpr"] <= _chosen_width(card["src"]) == 480, card

    page.goto(media + article.url)
    hero = _loaded(page.locator(".edu-hero img"))
    assert hero["complete"] and hero["natural"] > 0, hero
    assert hero["src"].endswith(".webp"), hero
    assert hero["shown"] * hero["dpr"] <= _chosen_width(hero["src"]) == 480, hero
