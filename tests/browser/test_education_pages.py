"""Education pages in a real browser: phone-sized, both languages, topic filter,
FAQ without JavaScript, and zero axe-core violations on every page type."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def seeded(site):
    """The education demo content, seen in a browser: this module tests the demo itself."""
    from education import demo as education_demo

    # On a live server the transaction commits, so wagtail-localize publishes as in production.
    education_demo.seed(lambda *args: None)


def test_read_an_article_on_a_phone_in_both_languages(page, live_server, seeded, assert_accessible):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/id/edukasi/cara-memakai-apar-pass/")
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.get_by_role("heading", level=1).inner_text() == "Cara memakai APAR dengan metode PASS"
    # The active alert is announced above the header, and 112 stays reachable.
    assert page.locator(".alert-banner").is_visible()
    assert page.locator('a[href="tel:112"]').first.is_visible()
    # Nothing is wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page)

    page.get_by_role("navigation", name="Bahasa").get_by_role("link", name="English").click()
    page.wait_for_url(live_server.url + "/en/safety-advice/using-a-fire-extinguisher-pass/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Using a fire extinguisher: the PASS method"
    assert page.get_by_text("Pull the safety pin").is_visible()
    assert_accessible(page)


def test_topic_filter(page, live_server, seeded):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/en/safety-advice/")
    topics = page.get_by_role("navigation", name="Filter by topic")
    topics.get_by_role("link", name="Rescue and animals").click()
    page.wait_for_url("**/safety-advice/?topic=penyelamatan")
    titles = page.locator(".edu-card__title").all_inner_texts()
    assert sorted(titles) == ["A snake in the house: stay calm, keep your distance", "Bee and wasp nests at home"]
    assert topics.get_by_role("link", name="Rescue and animals").get_attribute("aria-current") == "page"
    topics.get_by_role("link", name="All topics").click()
    page.wait_for_url("**/safety-advice/")
    assert page.locator(".edu-card__title").count() == 12


def test_faq_opens_without_javascript(browser, live_server, seeded):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + "/id/edukasi/kebocoran-gas-lpg/")
    answer = page.get_by_text("Lepaskan regulator, periksa karetnya")
    assert not answer.is_visible()
    page.get_by_text("Tabung mendesis setelah regulator dipasang").click()
    assert answer.is_visible()
    context.close()


@pytest.mark.parametrize(
    "path",
    [
        "/id/",
        "/en/",
        "/id/edukasi/",
        "/en/safety-advice/?topic=lpg",
        "/id/edukasi/rencana-evakuasi-rumah/",
        "/id/kampanye/",
        "/en/campaigns/smoke-free-dry-season/",
        "/id/peringatan/",
        "/en/alerts/dry-season-burning-ban/",
        "/id/search/?q=gas",
        "/en/search/?q=zzzz",
    ],
)
def test_no_axe_violations(page, live_server, seeded, assert_accessible, path):
    page.set_viewport_size(PHONE)
    response = page.goto(live_server.url + path)
    assert response.status == 200
    assert_accessible(page)
