"""A walk through every public page type, in both languages, on a phone and a desktop.

Under production static settings (hashed file names): no console error, no failed
request to the site itself, and zero axe-core violations on each page.
"""

import pytest

from tests.education.conftest import alert_index, article_index, make_alert, make_article, topics, translate_now
from tests.volunteers.conftest import make_training, trainings_index

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

__all__ = ["alert_index", "article_index", "make_alert", "make_article", "topics", "trainings_index", "make_training"]

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


@pytest.fixture
def content(
    site, home_en, make_article, make_alert, make_training, trainings_index, django_capture_on_commit_callbacks
):
    """One page of each type in Indonesian and English; returns {language: [paths]}."""
    from wagtail.models import Locale

    from portal.core.places import Kecamatan
    from reporting.incidents import lifecycle
    from reporting.incidents.models import Category

    en = Locale.objects.get(language_code="en")
    capture = django_capture_on_commit_callbacks
    article = make_article(title="Cara aman memakai tabung LPG")
    alert = make_alert()
    training = make_training(capacity=6)
    english = {}
    for page, strings in (
        (article.get_parent(), {"Edukasi": "Safety", "edukasi": "safety"}),
        (article, {"Cara aman memakai tabung LPG": "Using LPG cylinders safely"}),
        (alert.get_parent(), {"Peringatan": "Alerts", "peringatan": "alerts"}),
        (alert, {"Larangan membakar": "Burning ban"}),
        (training, {}),
    ):
        english[page.pk] = translate_now(capture, page, en, strings)
    incident, _created = lifecycle.create_incident(
        data={
            "category": Category.objects.filter(locale__language_code="id").first(),
            "description": "Asap dari gudang",
            "latitude": "-1.610000",
            "longitude": "103.613000",
            "kecamatan": Kecamatan.objects.first(),
            "address": "Jl. Contoh No. 1",
            "reporter_email": "warga@example.org",
        }
    )
    common = [
        "report/",
        "track/",
        f"track/{incident.tracking_code}/",
        "search/?q=api",
        "inspections/verify/",
        "relawan/privasi/",
        "accounts/login/",
    ]
    pages = {"id": [article.get_parent(), article, alert.get_parent(), alert, trainings_index, training]}
    pages["en"] = [english[p.pk] if p.pk in english else p.get_translation(en) for p in pages["id"]]
    return {
        code: ["/" + code + "/", *[p.url for p in pages[code]], *[f"/{code}/{path}" for path in common]]
        for code in ("id", "en")
    }


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", ["id", "en"])
def test_every_public_page_type(page, production_server, content, assert_accessible, language, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    problems = []

    def own(url):
        return url.startswith(production_server)

    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and own(message.location.get("url", "") or production_server)
            and problems.append(f"console: {message.text}")
        ),
    )
    page.on("requestfailed", lambda request: own(request.url) and problems.append(f"failed: {request.url}"))
    page.on(
        "response",
        lambda response: (
            own(response.url) and response.status >= 400 and problems.append(f"{response.status}: {response.url}")
        ),
    )
    for path in content[language]:
        problems.clear()
        response = page.goto(production_server + path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language
        page.wait_for_load_state("load")
        assert problems == [], (path, problems)
        assert_accessible(page)
