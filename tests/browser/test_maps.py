"""The maps as people meet them, under production static settings (hashed file names).

The inspection request's map has a height and a tap places the pin and fills the
coordinates; the pin's image loads although collectstatic renamed it; Leaflet's
controls speak the page's language; the report form shows no pin before a place
is chosen.
"""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
PASSWORD = "peta-Rahasia-2026"


@pytest.fixture
def applicant(site):
    from django.contrib.auth import get_user_model

    from allauth.account.models import EmailAddress

    user = get_user_model().objects.create_user("pemilik", "pemilik@example.com", PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def sign_in(page, base):
    page.goto(base + "/en/accounts/login/")
    page.get_by_label("Email").fill("pemilik@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(lambda url: "/login/" not in url)


def test_inspection_map_has_height_and_a_tap_places_the_pin(page, production_server, applicant):
    page.set_viewport_size(PHONE)
    sign_in(page, production_server)
    page.goto(production_server + "/en/inspections/request/")
    assert "required" in page.locator("details.location-fields__coordinates summary").inner_text()
    map_box = page.locator(".location-fields__map")
    map_box.wait_for(state="visible")
    box = map_box.bounding_box()
    assert box["height"] > 200
    assert page.locator(".leaflet-marker-icon").count() == 0  # no pin before a place is chosen

    map_box.click(position={"x": box["width"] / 2 + 20, "y": box["height"] / 2})
    marker = page.locator("img.leaflet-marker-icon")
    marker.wait_for(state="visible")
    assert page.get_by_label("Latitude").input_value().startswith("-1.")
    assert page.get_by_label("Longitude").input_value().startswith("103.")
    src = marker.get_attribute("src")
    assert src.startswith("/static/vendor/leaflet/images/marker-icon.")
    assert src != "/static/vendor/leaflet/images/marker-icon.png"  # the hashed name
    page.wait_for_function("document.querySelector('img.leaflet-marker-icon').complete")
    assert marker.evaluate("img => img.naturalWidth") > 0


def test_map_controls_speak_the_page_language(page, production_server, site):
    page.goto(production_server + "/id/report/")
    page.locator(".location-fields__map").wait_for(state="visible")
    assert page.locator(".leaflet-control-zoom-in").get_attribute("title") == "Perbesar"
    assert page.locator(".leaflet-control-zoom-out").get_attribute("title") == "Perkecil"
    assert page.locator(".leaflet-marker-icon").count() == 0
