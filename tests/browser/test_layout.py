"""One visual language: every public page shares one content grid (docs/design.md).

On a desktop the hero, the intro, the first card and the main heading start at the same x
and the content column uses the width; on a phone no page scrolls sideways. Under production
static settings (hashed names), as a visitor gets them.
"""

import re
from pathlib import Path

import pytest

from tests.browser.test_public_walk import content
from tests.education.conftest import alert_index, article_index, make_alert, make_article, topics, translate_now
from tests.volunteers.conftest import make_training, trainings_index

__all__ = [
    "alert_index",
    "article_index",
    "content",
    "make_alert",
    "make_article",
    "make_training",
    "topics",
    "trainings_index",
    "translate_now",
]

CSS = Path(__file__).resolve().parents[2] / "portal" / "static" / "css"

# Left edge of each element found, and the content width of the band that holds the heading.
MEASURE = """(selectors) => {
    const found = {};
    for (const [name, selector] of Object.entries(selectors)) {
        const element = document.querySelector(selector);
        if (element) found[name] = element.getBoundingClientRect().left;
    }
    const band = document.querySelector(selectors.band);
    const style = getComputedStyle(band);
    const width = band.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return {found, width};
}"""


@pytest.fixture
def intros(home_id, article_index, trainings_index):
    """An intro on each page that has one, as editors write them."""
    for page in (home_id, article_index, trainings_index):
        page.intro = "<p>Damkar Kota Jambi memadamkan kebakaran dan menyelamatkan warga.</p>"
        page.save_revision().publish()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_desktop_pages_share_one_left_edge(page, production_server, content, intros, article_index, trainings_index):
    page.set_viewport_size({"width": 1280, "height": 800})
    layouts = {
        "/id/": {
            "band": ".home-top",
            "hero": ".first-screen",
            "heading": "main h1",
            "intro": ".intro > p",
            "card": ".cards > li",
        },
        article_index.url: {
            "band": "main .container",
            "heading": "main h1",
            "intro": ".edu-intro",
            "card": ".cards > li",
        },
        trainings_index.url: {"band": "main .container", "heading": "main h1", "intro": ".lead", "card": ".cards > li"},
        "/id/report/": {
            "band": ".call-first",
            "hero": ".call-first__heading",
            "heading": "#form-heading",
            "form": "main form",
        },
    }
    for path, selectors in layouts.items():
        page.goto(production_server + path)
        measured = page.evaluate(MEASURE, selectors)
        found = measured["found"]
        missing = set(selectors) - set(found) - {"band"}
        assert not missing, f"{path}: nothing matches {missing}"
        edges = {name: round(x, 1) for name, x in found.items() if name != "band"}
        assert max(edges.values()) - min(edges.values()) <= 1, f"{path}: left edges differ {edges}"
        assert measured["width"] >= 900, f"{path}: the content is only {measured['width']} px wide"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["id", "en"])
def test_nothing_overflows_on_a_phone(page, production_server, content, language):
    page.set_viewport_size({"width": 390, "height": 844})
    paths = [*content[language], f"/{language}/data/", f"/{language}/no-such-page/"]
    for path in paths:
        page.goto(production_server + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} is {width} px wide on a 390 px phone"


def test_colours_are_defined_only_in_the_tokens():
    """Every colour literal of the portal's stylesheets is a token in tokens.css."""
    literal = re.compile(r"#[0-9a-fA-F]{3,8}\b|\b(?:rgb|rgba|hsl|hsla)\(")
    offenders = {
        sheet.name: literal.findall(sheet.read_text())
        for sheet in CSS.glob("*.css")
        if sheet.name != "tokens.css" and literal.search(sheet.read_text())
    }
    assert not offenders, offenders
    assert len(literal.findall((CSS / "tokens.css").read_text())) >= 10
