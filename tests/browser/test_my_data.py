"""My data on a phone: what is held, why and how long, readable without sideways scrolling."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
PASSWORD = "my-data-test-pw-1"  # noqa: S105


def test_my_data_fits_a_phone_in_indonesian(page, live_server, site, assert_accessible):
    from django.contrib.auth import get_user_model

    from allauth.account.models import EmailAddress

    email = "warga.data@example.com"
    user = get_user_model().objects.create_user(username="warga-data", email=email, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)

    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/id/accounts/login/?next=/id/accounts/my-data/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(live_server.url + "/id/accounts/my-data/")
    assert page.get_by_role("heading", level=1).inner_text() == "Data saya"
    assert page.locator(".holdings li").count() >= 1
    assert page.get_by_text("Berapa lama").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.get_by_role("link", name="Unduh data saya (JSON)").is_visible()
    assert_accessible(page)
