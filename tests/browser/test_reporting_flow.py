"""A citizen reports a fire with a photo on a phone, follows it; a dispatcher works it
to the end in the admin; the public pages have zero axe violations."""

import re

import pytest

from tests.incidents.conftest import jpeg_bytes
from tests.incidents.factories import stations, translate_categories

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
PASSWORD = "dispatch-test-pw-1"


@pytest.fixture
def seeded(site, django_capture_on_commit_callbacks, tmp_path):
    translate_categories(django_capture_on_commit_callbacks)
    stations()
    photo = tmp_path / "api-di-dapur.jpg"
    photo.write_bytes(jpeg_bytes(size=(320, 240), gps=(-1.6105, 103.6128)))
    return photo


@pytest.fixture
def dispatcher(seeded):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from wagtail.users.models import UserProfile

    from portal.core.roles import DISPATCHERS

    user = get_user_model().objects.create_user(
        username="dispatcher@damkar.example", email="dispatcher@damkar.example", password=PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=DISPATCHERS))
    # This dispatcher chose English in their account: the admin follows that choice, not the browser.
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    return user


def _report_a_fire(page, live_server, photo, assert_accessible):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/id/report/")
    call = page.locator("main a[href='tel:112']")
    form = page.locator("form.report-form")
    assert call.is_visible()
    assert call.bounding_box()["y"] < form.bounding_box()["y"]
    page.wait_for_selector(".leaflet-container")  # the map picker ran
    assert_accessible(page)

    page.get_by_label("Apa yang terjadi?").select_option(label="Bangunan (rumah, toko, gudang)")
    page.get_by_label("Ceritakan apa yang Anda lihat").fill("Api keluar dari dapur rumah makan, asap hitam tebal.")
    page.get_by_label("Kecamatan").select_option(label="Jelutung")
    page.get_by_label("Alamat atau tempat").fill("Jl. Contoh No. 7, RT 03")
    # The pin: tap the middle of the map; the coordinates follow.
    page.locator(".leaflet-container").click()
    assert page.locator("#id_latitude").input_value() != ""
    page.locator("#id_photos").set_input_files(str(photo))
    page.get_by_role("button", name="Kirim laporan").click()
    page.wait_for_url(re.compile(r"/id/report/[A-Z0-9-]+/sent/$"))
    code = page.locator(".tracking-code").inner_text().strip()
    assert re.fullmatch(r"[2-9A-HJ-KM-NP-Z]{4}-[2-9A-HJ-KM-NP-Z]{4}", code)
    assert_accessible(page)
    return code


def test_citizen_reports_and_dispatcher_finishes(
    page, live_server, seeded, dispatcher, assert_accessible, admin_sign_in
):
    from reporting.incidents.models import Incident

    code = _report_a_fire(page, live_server, seeded, assert_accessible)
    incident = Incident.objects.get(tracking_code=code)
    assert incident.photos.count() == 1 and incident.photos.get().gps_latitude is not None

    page.get_by_role("link", name="Pantau laporan saya").click()
    page.wait_for_url(re.compile(rf"/id/track/{code}/$"))
    assert page.get_by_role("heading", level=1).inner_text() == f"Laporan {code}"
    assert "Diterima" in page.locator(".track-summary").inner_text()
    assert_accessible(page)

    # The dispatcher, on a desktop, in the Wagtail admin.
    page.set_viewport_size({"width": 1280, "height": 900})
    admin_sign_in(page, live_server.url, dispatcher.email, PASSWORD)
    page.goto(live_server.url + f"/admin/reporting/incidents/inspect/{incident.pk}/")
    for button, status in [
        ("Verify", "verified"),
        ("Dispatch", "dispatched"),
        ("En route", "en_route"),
        ("Arrived on scene", "on_scene"),
        ("Under control", "under_control"),
        ("Finish", "finished"),
    ]:
        form = page.locator(f"form[action$='/transition/{incident.pk}/']")
        form.locator("textarea[name=public_note]").fill(f"Status: {status}")
        with page.expect_navigation():
            form.get_by_role("button", name=button, exact=True).click()
        incident.refresh_from_db()
        assert incident.status == status
    assert page.locator("button[name=target]").count() == 0
    incident.refresh_from_db()
    assert incident.station is not None and incident.response_time is not None

    # The citizen sees the whole public timeline, with the public notes.
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + f"/en/track/{code}/")
    timeline = page.locator(".timeline").inner_text()
    assert "Finished" in timeline and "Status: on_scene" in timeline
    assert "dispatcher@damkar.example" not in page.content()
    assert_accessible(page)


def test_public_pages_are_accessible_in_english(page, live_server, seeded, assert_accessible):
    page.set_viewport_size(PHONE)
    for path in ("/en/report/", "/en/track/"):
        page.goto(live_server.url + path)
        assert_accessible(page)
    # An invalid submission shows its errors accessibly too.
    page.goto(live_server.url + "/en/report/")
    page.get_by_role("button", name="Send report").click()
    page.wait_for_load_state()
    assert page.locator(".errorlist").count() > 0
    assert_accessible(page)


def test_a_report_posted_through_the_api_reaches_an_open_board_within_five_seconds(
    page, live_server, dispatcher, admin_sign_in
):
    import json
    import urllib.request
    import uuid

    page.set_viewport_size({"width": 1280, "height": 900})
    admin_sign_in(page, live_server.url, dispatcher.email, PASSWORD)
    # The dispatchers' admin home is the board; the full-screen board is one click away.
    assert page.locator("[data-board]").count() == 1
    page.get_by_role("link", name="Full screen").click()
    page.wait_for_url(live_server.url + "/admin/reporting/incidents/board/")
    page.wait_for_selector(".dispatch-board__map.leaflet-container")
    box = page.locator(".dispatch-board__map").bounding_box()
    assert box["height"] >= 300 and box["width"] >= 300  # a map one can read, not a 0 px strip
    assert page.locator("[data-board-rows] tr").inner_text() == "No active incidents."

    body = json.dumps(
        {
            "category": "fire-building",
            "description": "Api dari lantai dua ruko",
            "kecamatan": "15.71.08",
            "latitude": "-1.610000",
            "longitude": "103.613000",
            "address": "Jl. Contoh No. 9",
        }
    ).encode()
    request = urllib.request.Request(  # noqa: S310 (the live test server)
        live_server.url + "/api/incidents/",
        data=body,
        headers={"Content-Type": "application/json", "Idempotency-Key": str(uuid.uuid4())},
    )
    with urllib.request.urlopen(request) as response:  # noqa: S310
        code = json.loads(response.read())["tracking_code"]

    row = page.locator("[data-board-rows] tr", has_text=code)
    row.wait_for(timeout=5000)
    assert "dispatch-board__row--new" in row.get_attribute("class")
    assert "New report" in page.locator("[data-board-status]").inner_text()
    clock = row.locator(".dispatch-board__clock").inner_text()
    assert re.fullmatch(r"\d+:\d\d", clock)

    # One click dispatches the suggested station; the board follows without a reload.
    row.get_by_role("button", name="Dispatch").click()
    page.locator("[data-board-rows] tr", has_text=code).locator(".incident-status--dispatched").wait_for(timeout=5000)
    page.set_viewport_size(PHONE)
    assert page.locator("[data-board-rows] tr", has_text=code).is_visible()
