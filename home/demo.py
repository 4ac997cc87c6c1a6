"""Demo content for the site shell: locales, areas, home pages, contacts, staff.

Every step creates what is missing and leaves what exists alone, so running
`seed_demo` twice changes nothing the second time.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from wagtail.models import Locale, Page, Site

from allauth.account.models import EmailAddress

from home.models import DepartmentHotline, DepartmentIdentity, DepartmentSettings, HomePage
from portal.core.demo import DEMO_PASSWORD
from portal.core.places import load_areas
from portal.core.translation import translate

# Local demo only, for every demo account: the README says so, and seed_demo refuses production settings.
DEMO_STAFF_EMAIL = "admin@damkar.example"

HOME_ID = {
    "title": "Beranda",
    "slug": "beranda",
    "seo_title": "Dinas Pemadam Kebakaran dan Penyelamatan Kota Jambi",
    "emergency_heading": "Darurat? Telepon 112 sekarang",
    "emergency_text": "Gratis, 24 jam. Sebutkan apa yang terjadi, alamat, dan patokan terdekat.",
    "report_heading": "Laporkan kebakaran atau kebutuhan penyelamatan",
    "report_text": "Sudah menelepon, atau tidak bisa bicara? Kirim laporan dengan lokasi dan foto.",
    "intro": (
        "<p>Kami memadamkan kebakaran, menyelamatkan orang dan hewan, memeriksa proteksi kebakaran "
        "gedung, dan mengajak warga Kota Jambi mencegah kebakaran.</p>"
    ),
}
HOME_EN = {
    "Beranda": "Home",
    "Dinas Pemadam Kebakaran dan Penyelamatan Kota Jambi": "Jambi City Fire and Rescue Department",
    "Darurat? Telepon 112 sekarang": "Emergency? Call 112 now",
    "Gratis, 24 jam. Sebutkan apa yang terjadi, alamat, dan patokan terdekat.": (
        "Free, 24 hours. Say what is happening, the address and the nearest landmark."
    ),
    "Laporkan kebakaran atau kebutuhan penyelamatan": "Report a fire or a rescue need",
    "Sudah menelepon, atau tidak bisa bicara? Kirim laporan dengan lokasi dan foto.": (
        "Already called, or unable to talk? Send a report with the location and photos."
    ),
    "Kami memadamkan kebakaran, menyelamatkan orang dan hewan, memeriksa proteksi kebakaran "
    "gedung, dan mengajak warga Kota Jambi mencegah kebakaran.": (
        "We put out fires, rescue people and animals, inspect fire protection in buildings, "
        "and work with the people of Kota Jambi to prevent fires."
    ),
}
IDENTITY_ID = {
    "name": "Dinas Pemadam Kebakaran dan Penyelamatan Kota Jambi",
    "short_name": "Damkar Kota Jambi",
    "tagline": "Cepat, tanggap, selamat.",
    "office_hours": "Layanan darurat 24 jam; kantor Senin–Jumat 08.00–16.00 WIB",
}
IDENTITY_EN = {
    "Dinas Pemadam Kebakaran dan Penyelamatan Kota Jambi": "Jambi City Fire and Rescue Department",
    "Damkar Kota Jambi": "Jambi Fire & Rescue",
    "Cepat, tanggap, selamat.": "Fast, responsive, safe.",
    "Layanan darurat 24 jam; kantor Senin–Jumat 08.00–16.00 WIB": (
        "Emergency service 24 hours; office Monday–Friday 08:00–16:00 (WIB)"
    ),
}


def seed(log):
    id_locale, en_locale = _locales(log)
    kecamatan, kelurahan = load_areas()
    log(f"Areas: {kecamatan} kecamatan and {kelurahan} kelurahan added.")
    home = _home_pages(log, id_locale, en_locale)
    _contacts(log, home, id_locale, en_locale)
    _staff(log)


def _locales(log):
    id_locale, created = Locale.objects.get_or_create(language_code="id")
    en_locale, created_en = Locale.objects.get_or_create(language_code="en")
    if created or created_en:
        log("Locales: id and en ready.")
    return id_locale, en_locale


@transaction.atomic
def _home_pages(log, id_locale, en_locale):
    home = HomePage.objects.filter(locale=id_locale).first()
    if home is None:
        root = Page.get_first_root_node()  # made by Wagtail's migrations
        home = root.add_child(instance=HomePage(locale=id_locale, **HOME_ID))
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        welcome = site.root_page if site else None
        if site is None:
            Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Damkar")
        else:
            site.root_page = home
            site.site_name = "Damkar Kota Jambi"
            site.save()
        # Wagtail's own placeholder page goes once the real home page is the site root.
        if welcome is not None and welcome.specific_class is Page and welcome.depth == 2:
            welcome.delete()
        log("Pages: Indonesian home page created.")
    if not home.has_translation(en_locale):
        translate(home, en_locale, HOME_EN)
        log("Pages: English home page translated.")
    return home


@transaction.atomic
def _contacts(log, home, id_locale, en_locale):
    identity = DepartmentIdentity.objects.filter(locale=id_locale).first()
    if identity is None:
        identity = DepartmentIdentity.objects.create(locale=id_locale, **IDENTITY_ID)
        log("Settings: department identity created.")
    if not identity.has_translation(en_locale):
        translate(identity, en_locale, IDENTITY_EN)
        log("Settings: department identity translated.")

    site = Site.objects.get(root_page=home)
    contacts, created = DepartmentSettings.objects.get_or_create(
        site=site,
        defaults={
            "identity": identity,
            "emergency_number": "112",
            # Demo numbers: staff replace them with the real ones in Settings.
            "main_phone": "(0741) 7551113",
            "whatsapp": "0812-7400-1130",
            "email": "damkar@jambikota.example",
            "address": "Jl. Jenderal Sudirman No. 1, Thehok, Jambi Selatan, Kota Jambi, Jambi 36138",
            "facebook_url": "https://www.facebook.com/damkarkotajambi",
            "instagram_url": "https://www.instagram.com/damkarkotajambi",
            "youtube_url": "https://www.youtube.com/@damkarkotajambi",
        },
    )
    if created:
        DepartmentHotline.objects.bulk_create(
            [
                DepartmentHotline(
                    settings=contacts, sort_order=0, kind="post", name="Pos Kota Baru", number="(0741) 7551114"
                ),
                DepartmentHotline(
                    settings=contacts, sort_order=1, kind="post", name="Pos Telanaipura", number="(0741) 7551115"
                ),
                DepartmentHotline(settings=contacts, sort_order=2, kind="rescue", name="", number="(0741) 7551116"),
            ]
        )
        log("Settings: department contacts and hotlines created.")


def _staff(log):
    User = get_user_model()
    if User.objects.filter(email=DEMO_STAFF_EMAIL).exists():
        return
    user = User.objects.create_superuser(
        username="admin", email=DEMO_STAFF_EMAIL, password=DEMO_PASSWORD, first_name="Admin", last_name="Demo"
    )
    EmailAddress.objects.create(user=user, email=DEMO_STAFF_EMAIL, verified=True, primary=True)
    log(f"Staff: demo account {DEMO_STAFF_EMAIL} created (local demo only).")
