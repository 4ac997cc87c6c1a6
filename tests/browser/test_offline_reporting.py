"""A report written without signal is kept on the phone, shown as waiting, sent once when
the signal returns, and its tracking code shown; the home page is installable."""

import re

import pytest

from tests.incidents.conftest import jpeg_bytes
from tests.incidents.factories import translate_categories

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
CODE = r"[2-9A-HJ-KM-NP-Z]{4}-[2-9A-HJ-KM-NP-Z]{4}"
# The photos kept on the device: their sizes, read back from IndexedDB.
KEPT_PHOTO_SIZES = """async () => {
    const entries = await window.ReportQueue.all();
    const sizes = [];
    for (const photo of entries[0].photos) {
        const bitmap = await createImageBitmap(photo);
        sizes.push([bitmap.width, bitmap.height, photo.type]);
    }
    return sizes;
}"""


@pytest.fixture
def browser_context_args(browser_context_args):
    """These tests are about the service worker (blocked elsewhere, see conftest.py)."""
    return {**browser_context_args, "service_workers": "allow"}


@pytest.fixture
def seeded(site, django_capture_on_commit_callbacks, tmp_path):
    translate_categories(django_capture_on_commit_callbacks)
    photo = tmp_path / "big-phone-photo.jpg"
    photo.write_bytes(jpeg_bytes(size=(3200, 2400)))
    return photo


def _worker_ready(page):
    # A function, not an expression string: the page's CSP refuses eval (Playwright evaluates strings with it).
    page.wait_for_function(
        "() => navigator.serviceWorker && navigator.serviceWorker.controller !== null", timeout=15000
    )


def test_a_report_written_offline_is_sent_once_when_the_signal_returns(page, live_server, seeded):
    from reporting.incidents.models import Incident

    before = Incident.objects.count()
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/en/report/")
    _worker_ready(page)
    # The form and the offline page are kept: reloading them without a network still works.
    page.context.set_offline(True)
    page.reload()
    assert page.locator("form.report-form").is_visible()
    assert page.locator("main a[href='tel:112']").is_visible()
    page.goto(live_server.url + "/en/track/")  # a page never visited: the offline page, with the call
    assert page.get_by_role("heading", level=1).inner_text() == "No connection"
    assert page.locator("main a[href='tel:112']").is_visible()
    page.get_by_role("link", name=re.compile("Write a report anyway")).click()
    page.wait_for_url(live_server.url + "/en/report/")

    page.get_by_label("What is happening?").select_option(label="Building (house, shop, warehouse)")
    page.get_by_label("Describe what you see").fill("Smoke from the roof of a shop, no one inside.")
    page.get_by_label("Kecamatan").select_option(label="Jelutung")
    page.get_by_label("Address or place").fill("Jl. Contoh No. 7, RT 03")
    page.locator("#id_photos").set_input_files(str(seeded))
    page.get_by_role("button", name="Send report").click()

    queue = page.locator("[data-report-queue]")
    queue.get_by_text(re.compile(r"Waiting for signal: 1\b")).wait_for()
    assert "call 112" in queue.inner_text().lower()
    assert Incident.objects.count() == before
    assert page.locator("#id_description").input_value() == ""  # kept on the device, the form is free again
    # The photo was made smaller on the device before it was kept.
    (width, height, kind), *_ = page.evaluate(KEPT_PHOTO_SIZES)
    assert max(width, height) == 1600 and kind == "image/jpeg"

    page.context.set_offline(False)
    code_node = queue.locator(".tracking-code")
    code_node.wait_for(timeout=15000)
    code = code_node.inner_text().strip()
    assert re.fullmatch(CODE, code)
    assert Incident.objects.count() == before + 1
    incident = Incident.objects.get(tracking_code=code)
    assert incident.category.code == "fire-building"
    assert incident.kecamatan.name == "Jelutung"
    assert incident.address == "Jl. Contoh No. 7, RT 03"
    assert incident.idempotency_key and incident.photos.count() == 1
    assert "Waiting for signal" not in queue.inner_text()

    # The next visit sends nothing again, and the code still leads to the tracking page.
    page.reload()
    queue.locator(".tracking-code").wait_for()
    assert Incident.objects.count() == before + 1
    queue.get_by_role("link", name="Follow my report").click()
    page.wait_for_url(re.compile(rf"/en/track/{code}/$"))
    assert page.get_by_role("heading", level=1).inner_text() == f"Report {code}"


def test_a_report_whose_post_fails_on_a_weak_signal_is_kept_and_sent_later(page, live_server, seeded):
    """The phone thinks it is online, but the post never reaches the server."""
    from reporting.incidents.models import Incident

    before = Incident.objects.count()
    page.goto(live_server.url + "/en/report/")
    _worker_ready(page)

    def lost(route):
        if route.request.method == "POST":
            route.abort("internetdisconnected")
        else:
            route.continue_()

    page.context.route("**/en/report/", lost)
    page.context.route("**/api/incidents/", lost)
    page.get_by_label("What is happening?").select_option(label="Building (house, shop, warehouse)")
    page.get_by_label("Describe what you see").fill("A car burning in the market car park.")
    page.get_by_label("Kecamatan").select_option(label="Jelutung")
    page.get_by_label("Address or place").fill("Pasar Jambi, parkir timur")
    page.get_by_role("button", name="Send report").click()
    queue = page.locator("[data-report-queue]")
    queue.get_by_text(re.compile(r"Waiting for signal: 1\b")).wait_for(timeout=15000)
    assert page.url == live_server.url + "/en/report/"
    assert Incident.objects.count() == before

    page.context.unroute("**/en/report/")
    page.context.unroute("**/api/incidents/")
    page.reload()  # the next visit sends it (and does not post the form again)
    code = queue.locator(".tracking-code")
    code.wait_for(timeout=15000)
    incident = Incident.objects.get(tracking_code=code.inner_text().strip())
    assert incident.address == "Pasar Jambi, parkir timur" and incident.category.code == "fire-building"
    assert Incident.objects.count() == before + 1


def test_the_home_page_is_installable(browser_type, browser_type_launch_args, live_server, site, tmp_path):
    # A browser profile of its own: Playwright's usual contexts are incognito, where Chromium
    # never offers to install (error "in-incognito").
    context = browser_type.launch_persistent_context(tmp_path / "profile", **browser_type_launch_args)
    try:
        page = context.new_page()
        page.goto(live_server.url + "/id/")
        _worker_ready(page)
        cdp = context.new_cdp_session(page)
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
        manifest = cdp.send("Page.getAppManifest")
        assert manifest["url"].endswith("/id/manifest.webmanifest") and not manifest["errors"]
    finally:
        context.close()
