"""An inspection end to end in a real browser.

An applicant requests an inspection with a document; an inspector verifies and
schedules it in the admin, records the checklist on a phone-sized screen and
issues the result; the public verification page confirms it. The applicant's
pages have zero axe-core violations.
"""

import datetime
import io
import re

from django.utils import timezone

import pytest
from pypdf import PdfWriter

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
PASSWORD = "inspeksi-Rahasia-2026"


def _one_page_pdf():
    # Uploads must open in pypdf and have a page (portal.core.uploads.check_pdf).
    out = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(out)
    return out.getvalue()


PDF = _one_page_pdf()


@pytest.fixture
def people(site):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from allauth.account.models import EmailAddress

    from portal.core.roles import INSPECTORS

    User = get_user_model()
    applicant = User.objects.create_user("pemilik", "pemilik@example.com", PASSWORD)
    EmailAddress.objects.create(user=applicant, email=applicant.email, verified=True, primary=True)
    inspector = User.objects.create_user("rina", "rina@example.com", PASSWORD, first_name="Rina", last_name="Inspektur")
    EmailAddress.objects.create(user=inspector, email=inspector.email, verified=True, primary=True)
    inspector.groups.add(Group.objects.get(name=INSPECTORS))
    # Rina chose English in her account: the admin follows that choice, not the browser.
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(user=inspector, defaults={"preferred_language": "en"})
    return applicant, inspector


def sign_in(page, base, email):
    page.goto(base + "/en/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()


def test_request_schedule_checklist_result_verify(
    page, live_server, people, assert_accessible, tmp_path, admin_sign_in
):
    from reporting.inspections.models import InspectionRequest, Visit

    base = live_server.url
    document = tmp_path / "pbg.pdf"
    document.write_bytes(PDF)

    # 1. The applicant requests an inspection with a document (phone-sized).
    page.set_viewport_size(PHONE)
    sign_in(page, base, "pemilik@example.com")
    page.goto(base + "/en/inspections/request/")
    assert page.locator("a[href='tel:112']").first.is_visible()
    assert_accessible(page)
    page.get_by_label("Building name").fill("Hotel Uji Coba")
    page.get_by_label("Building use").select_option("hotel")
    page.get_by_label("Floors").fill("5")
    page.get_by_label("Floor area (m²)").fill("3200")
    page.get_by_label("Year built").fill("2011")
    page.get_by_label("Typical occupancy").fill("150")
    page.get_by_label("Kecamatan (district)").select_option(label="Pasar Jambi")
    page.get_by_label("Kelurahan").select_option(label="Beringin")
    page.get_by_label("Address or place").fill("Jl. Sultan Agung No. 8")
    page.locator("details.location-fields__coordinates summary").click()
    page.get_by_label("Latitude").fill("-1.592400")
    page.get_by_label("Longitude").fill("103.614800")
    page.get_by_label("Reason").select_option("periodic")
    page.get_by_label("Preferred date").fill((timezone.localdate() + datetime.timedelta(days=7)).isoformat())
    page.get_by_label("Contact person").fill("Budi Santoso")
    page.get_by_label("Contact phone").fill("0812-7400-1234")
    page.get_by_label("Supporting documents").set_input_files(str(document))
    page.get_by_role("button", name="Send the request").click()
    page.wait_for_url(re.compile(r"/en/inspections/mine/\d+/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Hotel Uji Coba"
    assert page.get_by_role("link", name="pbg.pdf").is_visible()
    assert_accessible(page)
    page.goto(base + "/en/inspections/mine/")
    assert_accessible(page)
    inspection = InspectionRequest.objects.get(building_name="Hotel Uji Coba")
    assert inspection.documents.count() == 1
    page.context.clear_cookies()

    # 2. The inspector verifies and schedules it in the admin.
    page.set_viewport_size({"width": 1280, "height": 900})
    admin_sign_in(page, base, "rina@example.com", PASSWORD)
    page.goto(base + f"/admin/inspections/requests/inspect/{inspection.pk}/")
    page.locator(f"a[href$='/{inspection.pk}/move/verified/']").click()
    page.locator("button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/inspect/\d+/$"))
    page.locator(f"a[href$='/{inspection.pk}/move/scheduled/']").click()
    day = timezone.localdate() + datetime.timedelta(days=2)
    page.locator("input[name=date]").fill(day.isoformat())
    page.locator("input[name=start_time]").fill("09:00")
    page.get_by_label("Rina Inspektur").check()
    page.locator("button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/inspect/\d+/$"))
    inspection.refresh_from_db()
    assert inspection.status == "scheduled"
    visit = Visit.objects.get(request=inspection)
    # The day of the visit comes: inspection and result are refused before it starts.
    Visit.objects.filter(pk=visit.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=2), ends_at=timezone.now() - datetime.timedelta(hours=1)
    )
    visit.refresh_from_db()

    # 3. At the building: the checklist on a phone.
    page.set_viewport_size(PHONE)
    page.goto(base + f"/admin/inspections/requests/visits/{visit.pk}/checklist/")
    items = page.locator("fieldset.checklist-item")
    count = items.count()
    assert count > 20
    for index in range(count):
        items.nth(index).get_by_label("Met", exact=True).check()
    first = items.nth(0)
    first.get_by_label("Not met").check()
    first.locator("textarea").fill("Portal akses dikunci; kunci harus di pos satpam.")
    save = page.get_by_role("button", name="Save checklist")
    save.scroll_into_view_if_needed()
    assert save.bounding_box()["width"] <= PHONE["width"]
    save.click()
    page.wait_for_url(re.compile(r"/checklist/$"))
    assert page.locator(".checklist-progress").inner_text().startswith(f"{count} ")
    assert not visit.entries.filter(outcome="").exists()

    page.goto(base + f"/admin/inspections/requests/inspect/{inspection.pk}/")
    page.locator(f"a[href$='/{inspection.pk}/move/inspected/']").click()
    page.locator("button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/inspect/\d+/$"))
    page.locator(f"a[href$='/{inspection.pk}/move/result_issued/']").click()
    page.locator("input[name=result][value=compliant]").check()
    page.locator("textarea[name=findings]").fill("Proteksi aktif dan pasif berfungsi; akses perlu kunci cadangan.")
    page.locator("button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/inspect/\d+/$"))
    visit.refresh_from_db()
    assert visit.result == "compliant" and visit.verification_code
    page.context.clear_cookies()

    # 4. Anyone verifies the code.
    page.goto(base + "/en/inspections/verify/")
    assert_accessible(page)
    page.get_by_label("Verification code").fill(visit.verification_code.lower())
    page.get_by_role("button", name="Verify").click()
    result = page.locator(".verify-result")
    assert "Hotel Uji Coba" in result.inner_text() and "Compliant" in result.inner_text()
    for private in ("Budi Santoso", "7400-1234", "81274001234", "pemilik@example.com", "Sultan Agung"):
        assert private not in page.content()
    assert_accessible(page)

    # 5. The applicant sees the result and its printable document.
    sign_in(page, base, "pemilik@example.com")
    page.goto(base + f"/en/inspections/mine/{inspection.pk}/")
    page.get_by_role("link", name="View and print the result").click()
    page.wait_for_url(re.compile(rf"/en/inspections/results/{visit.pk}/$"))
    assert visit.verification_code in page.locator(".result-document").inner_text()
    assert_accessible(page)
