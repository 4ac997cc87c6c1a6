"""A person's way into the volunteer programme, in a phone-sized browser.

Sign up, verify the email through the link in the (locmem) mail, apply, get
approved by a coordinator in the Wagtail admin, take the last seat of a
training, cancel, and see the waitlisted volunteer promoted and emailed.
Every volunteer page passes axe-core with zero violations.
"""

import re

from django.core import mail

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
PASSWORD = "Relawan-Jambi-2026"


@pytest.fixture
def setting(site):
    """The site shell, a training with one seat, a waiting volunteer and a coordinator."""
    import datetime

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from allauth.account.models import EmailAddress

    from home.models import HomePage
    from portal.core.places import Kelurahan
    from portal.core.roles import COORDINATORS
    from volunteers.models import TrainingIndexPage, TrainingPage, VolunteerProfile

    home = HomePage.objects.get(locale__language_code="id")
    index = home.add_child(instance=TrainingIndexPage(title="Pelatihan Relawan", slug="pelatihan"))
    index.save_revision().publish()
    training = index.add_child(
        instance=TrainingPage(
            title="Dasar Pemadaman Api dengan APAR",
            slug="dasar-apar",
            description="<p>Praktik memadamkan api dengan APAR.</p>",
            starts_at=timezone.now() + datetime.timedelta(days=7),
            duration_minutes=180,
            location_name="Aula Markas Damkar",
            address="Jl. Jenderal Sudirman No. 1, Thehok",
            latitude="-1.629100",
            longitude="103.622800",
            capacity=1,
        )
    )
    training.save_revision().publish()

    User = get_user_model()

    def account(email, name):
        user = User.objects.create_user(username=email.split("@")[0], email=email, password=PASSWORD, first_name=name)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    coordinator = account("koordinator@example.test", "Koordinator")
    coordinator.groups.add(Group.objects.get(name=COORDINATORS))
    waiting = account("menunggu@example.test", "Menunggu")
    kelurahan = Kelurahan.objects.get(code="15.71.02.1004")
    VolunteerProfile.objects.create(
        user=waiting,
        full_name="Budi Menunggu",
        phone="+6281200000001",
        date_of_birth=datetime.date(1990, 1, 1),
        kecamatan=kelurahan.kecamatan,
        kelurahan=kelurahan,
        availability=["weekend"],
        emergency_contact_name="Ibu Budi",
        emergency_contact_phone="+6281300000001",
        motivation="Membantu.",
        consent_at=timezone.now(),
        status="approved",
    )
    return {"training": training, "waiting": waiting, "kelurahan": kelurahan}


def sign_in(page, base, email):
    page.goto(base + "/id/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()


def test_sign_up_apply_approve_register_cancel_promote(
    page, browser, live_server, setting, assert_accessible, admin_sign_in
):
    from volunteers import seats
    from volunteers.models import Registration, VolunteerProfile

    base = live_server.url
    page.set_viewport_size(PHONE)
    training = setting["training"]

    # The trainings index and the training page, before signing in.
    page.goto(base + "/id/pelatihan/")
    assert page.get_by_role("heading", name="Pelatihan yang akan datang").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Dasar Pemadaman Api dengan APAR").click()
    assert page.get_by_text("Sisa 1 dari 1 kursi").is_visible()
    assert page.locator("a[href='tel:112']").first.is_visible()
    assert_accessible(page)

    # Sign up, then verify the address with the link from the email.
    page.goto(base + "/id/accounts/signup/")
    page.locator("input[name=email]").fill("rina@example.test")
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[-1].body).group(0)
    page.goto(link.replace("https://", "http://"))
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    # Confirming in the same browser signs her in (ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION).
    assert "/accounts/login/" not in page.url

    # Apply: the form refuses a foreign phone number first, with a clear message.
    page.goto(base + "/id/relawan/daftar/")
    assert_accessible(page)
    assert page.get_by_label("Nama lengkap:").count() == 1  # labels are wired to their fields
    page.locator("#id_full_name").fill("Rina Marlina")
    page.locator("#id_phone").fill("+1 202 555 0143")
    page.locator("#id_date_of_birth").fill("1995-04-01")
    page.locator("#id_kecamatan").select_option(label=setting["kelurahan"].kecamatan.name)
    page.locator("#id_kelurahan").select_option(label=setting["kelurahan"].name)
    page.get_by_label("Akhir pekan").check()
    page.locator("#id_emergency_contact_name").fill("Ibu Rina")
    page.locator("#id_emergency_contact_phone").fill("0813 1111 2222")
    page.locator("#id_motivation").fill("Rumah saya dekat pasar.")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Kirim pendaftaran saya").click()
    assert page.get_by_text("Masukkan nomor telepon Indonesia").first.is_visible()
    assert not VolunteerProfile.objects.filter(full_name="Rina Marlina").exists()
    assert_accessible(page)
    page.locator("#id_phone").fill("0812 3456 7890")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Kirim pendaftaran saya").click()
    page.wait_for_url(base + "/id/relawan/saya/")
    assert page.get_by_text("Menunggu pemeriksaan").is_visible()
    assert_accessible(page)
    profile = VolunteerProfile.objects.get(full_name="Rina Marlina")

    # A coordinator approves, on a phone, in the Wagtail admin.
    admin_context = browser.new_context(viewport=PHONE)
    admin = admin_context.new_page()
    admin_sign_in(admin, base, "koordinator@example.test", PASSWORD)
    admin.goto(base + f"/admin/volunteers/applications/decide/{profile.pk}/")
    admin.locator("input[name=decision][value=approved]").check()
    admin.locator("main form button[type=submit]").click()
    admin.wait_for_url(re.compile(r".*/admin/volunteers/applications/$"))
    profile.refresh_from_db()
    assert profile.status == "approved"
    assert any("disetujui" in m.subject for m in mail.outbox if m.to == ["rina@example.test"])

    # Rina takes the last seat; Budi, registering after her, is waitlisted.
    page.goto(base + training.url)
    page.get_by_role("button", name="Daftar untuk mendapat kursi").click()
    assert page.get_by_text("Anda mendapat kursi.").is_visible()
    assert page.get_by_text("Penuh: daftar tunggu dibuka").is_visible()
    assert_accessible(page)
    ics = page.get_by_role("link", name="Tambahkan ke kalender saya (.ics)")
    with page.expect_download() as download:
        ics.click()
    assert download.value.suggested_filename.endswith(".ics")
    budi = seats.register(training, setting["waiting"])
    assert budi.status == "waitlisted"

    # The coordinator's roster shows both, in order.
    admin.goto(base + f"/admin/volunteers/rosters/{training.pk}/")
    roster = admin.locator("main").inner_text()
    assert roster.index("Rina Marlina") < roster.index("Budi Menunggu")
    admin_context.close()

    # Rina cancels from My volunteering; Budi gets the seat and an email.
    mail.outbox.clear()
    page.goto(base + "/id/relawan/saya/")
    page.get_by_role("link", name=re.compile("Batalkan")).click()
    # A confirmation step first: nothing is given away yet.
    assert Registration.objects.get(user__email="rina@example.test").status == "confirmed"
    page.locator("form[action*='/batal/'] button[type=submit]").click()
    assert page.get_by_text("Pendaftaran Anda telah dibatalkan.").is_visible()
    budi.refresh_from_db()
    assert budi.status == "confirmed"
    assert any(m.to == ["menunggu@example.test"] and "Ada kursi untuk Anda" in m.subject for m in mail.outbox)
    assert Registration.objects.get(user__email="rina@example.test").status == "cancelled"


def test_public_volunteer_pages_are_accessible(page, live_server, setting, assert_accessible):
    page.set_viewport_size(PHONE)
    for path in ("/id/relawan/privasi/", "/en/relawan/privasi/", "/en/relawan/verifikasi/?code=AAAA-BBBB-CCCC"):
        page.goto(live_server.url + path)
        assert page.locator("a[href='tel:112']").first.is_visible()
        assert_accessible(page)
