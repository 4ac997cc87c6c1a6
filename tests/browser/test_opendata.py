"""The open-data page on a phone and a desktop: a chart that is drawn, its table, downloads that answer."""

from datetime import timedelta

import pytest

from tests.incidents.conftest import INSIDE
from tests.incidents.factories import translate_categories

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def figures(site, django_capture_on_commit_callbacks):
    from django.utils import timezone

    from portal.core.places import Kecamatan
    from reporting.incidents import lifecycle
    from reporting.incidents.models import Category, Incident, Status

    translate_categories(django_capture_on_commit_callbacks)
    category = Category.objects.get(code="fire-building", locale__language_code="id")
    area = Kecamatan.objects.get(code="15.71.08")
    received = timezone.now() - timedelta(hours=1)
    for minutes in (6, 11, 13, 30):
        incident, _ = lifecycle.create_incident(
            data={
                "category": category,
                "description": "Api di gudang",
                "latitude": INSIDE[0],
                "longitude": INSIDE[1],
                "kecamatan": area,
            }
        )
        Incident.objects.filter(pk=incident.pk).update(
            received_at=received, on_scene_at=received + timedelta(minutes=minutes), status=Status.FINISHED
        )


@pytest.mark.parametrize("language,viewport", [("id", PHONE), ("en", DESKTOP)])
def test_data_page_draws_its_charts_and_tables(page, live_server, figures, assert_accessible, language, viewport):
    page.set_viewport_size(viewport)
    page.goto(f"{live_server.url}/{language}/data/")
    assert page.locator("html").get_attribute("lang") == language
    heading = {"id": "Data terbuka", "en": "Open data"}[language]
    assert page.get_by_role("heading", level=1).inner_text() == heading
    chart = page.locator("#response-time svg")
    box = chart.bounding_box()
    assert box["height"] > 100 and box["width"] > 200
    # The tallest bar is drawn with a height, not collapsed.
    assert page.locator("#response-time rect").first.bounding_box()["height"] > 50
    table = page.locator("#incidents-by-kecamatan table")
    assert table.is_visible()
    assert "15.71.08" in table.inner_text()
    assert page.locator("#incidents-by-kecamatan td", has_text="4").count() >= 1
    # The page fits a phone: only the tables scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    download = page.request.get(f"{live_server.url}/{language}/data/response-time.csv")
    assert download.ok and download.text().splitlines()[0] == "month,arrivals,within_standard_pct"
    assert_accessible(page)
