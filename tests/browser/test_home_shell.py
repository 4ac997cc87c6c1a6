"""The shell in a real browser: phone-sized, both languages, zero axe violations."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def seeded(site):
    return site


def test_home_in_both_languages_and_the_language_switch(page, live_server, seeded, assert_accessible):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/id/")
    assert page.locator("html").get_attribute("lang") == "id"
    call = page.get_by_role("link", name="Telepon 112")
    assert call.is_visible()
    assert call.get_attribute("href") == "tel:112"
    # The call button sits in the first screen of a phone.
    assert call.bounding_box()["y"] + call.bounding_box()["height"] <= PHONE["height"]
    assert_accessible(page)

    page.get_by_role("navigation", name="Bahasa").get_by_role("link", name="English").click()
    page.wait_for_url(live_server.url + "/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Emergency? Call 112 now"
    assert_accessible(page)

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Bahasa Indonesia").click()
    page.wait_for_url(live_server.url + "/id/")


def test_skip_link_moves_focus_to_the_content(page, live_server, seeded):
    page.goto(live_server.url + "/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


@pytest.mark.parametrize(
    "path",
    ["/id/accounts/login/", "/en/accounts/signup/", "/id/accounts/password/reset/", "/en/does-not-exist/"],
)
def test_account_and_error_pages_are_accessible(page, live_server, seeded, assert_accessible, path):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + path)
    assert page.locator("a[href='tel:112']").first.is_visible()
    assert_accessible(page)
