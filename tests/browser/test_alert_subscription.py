"""Subscribing to alerts on a phone: the form in Indonesian, an area chosen, the check-your-email page."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


def test_subscribe_on_a_phone(page, live_server, site, assert_accessible):
    from django.core import mail

    from education.models import AlertSubscription

    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/id/alerts/subscribe/")
    assert page.get_by_role("heading", level=1).inner_text() == "Peringatan lewat email"
    assert_accessible(page)
    # Nothing chosen: a clear refusal, and what was typed stays.
    page.get_by_label("Alamat email Anda").fill("warga@example.com")
    page.get_by_label("Peringatan untuk seluruh kota").uncheck()
    page.get_by_role("button", name="Berlangganan").click()
    assert page.get_by_role("alert").is_visible()
    assert page.get_by_text("Pilih seluruh kota atau sedikitnya satu kecamatan.").is_visible()
    assert page.get_by_label("Alamat email Anda").input_value() == "warga@example.com"
    page.get_by_label("Jelutung").check()
    page.get_by_role("button", name="Berlangganan").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Periksa email Anda"
    assert_accessible(page)
    subscription = AlertSubscription.objects.get()
    assert [area.name for area in subscription.areas.all()] == ["Jelutung"] and subscription.confirmed_at is None
    assert len(mail.outbox) == 1
