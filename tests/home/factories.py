"""Factories for the site shell: locales, the page tree's root, home pages, settings, staff.

`build_site()` gives a test what a fresh install plus the department's setup
holds: Indonesian and English locales, Kota Jambi's areas, a home page in both
languages as the default site's root, the department's identity and contacts,
and one superuser.
"""

from django.contrib.auth import get_user_model

from wagtail.models import Collection, Locale, Page, Site

import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from factory.django import DjangoModelFactory

from home.models import DepartmentHotline, DepartmentIdentity, DepartmentSettings, HomePage
from portal.core import roles
from portal.core.places import load_areas
from portal.core.translation import translate

STAFF_EMAIL = "admin@damkar.example"
STAFF_USERNAME = "admin"
STAFF_PASSWORD = "staff-Rahasia-2026"  # noqa: S105


class LocaleFactory(DjangoModelFactory):
    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)

    language_code = "id"


class UserFactory(DjangoModelFactory):
    """A person with a verified primary email address."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.test")
    password = factory.django.Password("correct-horse-battery")
    is_staff = False

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        if create and extracted is not False:
            defaults = {"verified": True, "primary": True}
            EmailAddress.objects.get_or_create(user=user, email=user.email, defaults=defaults)

    @factory.post_generation
    def groups(user, create, extracted, **kwargs):
        """groups=["Dispatchers"]: names of groups the user belongs to."""
        if create and extracted:
            from django.contrib.auth.models import Group

            user.groups.add(*Group.objects.filter(name__in=extracted))


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Beranda"
    slug = "beranda"
    seo_title = "Dinas Pemadam Kebakaran dan Penyelamatan Kota Jambi"
    emergency_heading = "Darurat? Telepon 112 sekarang"
    emergency_text = "Gratis, 24 jam. Sebutkan apa yang terjadi, alamat, dan patokan terdekat."
    report_heading = "Laporkan kebakaran atau kebutuhan penyelamatan"
    report_text = "Sudah menelepon, atau tidak bisa bicara? Kirim laporan dengan lokasi dan foto."
    intro = "<p>Kami memadamkan kebakaran dan menyelamatkan orang dan hewan.</p>"


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
    "Kami memadamkan kebakaran dan menyelamatkan orang dan hewan.": "We put out fires and rescue people and animals.",
}


class DepartmentIdentityFactory(DjangoModelFactory):
    class Meta:
        model = DepartmentIdentity

    locale = factory.SubFactory(LocaleFactory)
    name = "Dinas Pemadam Kebakaran dan Penyelamatan Kota Jambi"
    short_name = "Damkar Kota Jambi"
    tagline = "Cepat, tanggap, selamat."
    office_hours = "Layanan darurat 24 jam; kantor Senin–Jumat 08.00–16.00 WIB"


IDENTITY_EN = {
    "Dinas Pemadam Kebakaran dan Penyelamatan Kota Jambi": "Jambi City Fire and Rescue Department",
    "Damkar Kota Jambi": "Jambi Fire & Rescue",
    "Cepat, tanggap, selamat.": "Fast, responsive, safe.",
    "Layanan darurat 24 jam; kantor Senin–Jumat 08.00–16.00 WIB": (
        "Emergency service 24 hours; office Monday–Friday 08:00–16:00 (WIB)"
    ),
}


class DepartmentSettingsFactory(DjangoModelFactory):
    class Meta:
        model = DepartmentSettings
        django_get_or_create = ("site",)

    identity = factory.SubFactory(DepartmentIdentityFactory)
    emergency_number = "112"
    main_phone = "(0741) 7551113"
    whatsapp = "0812-7400-1130"
    email = "damkar@jambikota.example"
    address = "Jl. Jenderal Sudirman No. 1, Thehok, Jambi Selatan, Kota Jambi, Jambi 36138"
    facebook_url = "https://www.facebook.com/damkarkotajambi"


class DepartmentHotlineFactory(DjangoModelFactory):
    class Meta:
        model = DepartmentHotline

    kind = "post"
    name = factory.Sequence(lambda n: f"Pos {n}")
    number = factory.Sequence(lambda n: f"(0741) 75511{n:02d}")
    sort_order = factory.Sequence(int)


def root_page():
    """The tree's root: Wagtail's migrations make it; a flush (transactional tests) removes it."""
    return Page.get_first_root_node() or wagtail_factories.PageFactory(parent=None, title="Root", slug="root")


def root_collection():
    """The collection tree's root, made by Wagtail's migrations like the page root."""
    return Collection.get_first_root_node() or wagtail_factories.CollectionFactory(parent=None, name="Root")


def build_site(capture):
    """The site shell; `capture` is pytest-django's django_capture_on_commit_callbacks.

    wagtail-localize publishes translations on commit; tests run inside a
    transaction that never commits, so the callbacks run here.
    """
    id_locale = LocaleFactory(language_code="id")
    en_locale = LocaleFactory(language_code="en")
    load_areas()
    if Page.get_first_root_node() is None or Collection.get_first_root_node() is None:
        # After a flush: rebuild the roots, then grant the roles' rights on them.
        root_page()
        root_collection()
        roles.sync()
    home = HomePageFactory(parent=root_page(), locale=id_locale)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    else:
        welcome = site.root_page
        site.root_page = home
        site.save()
        if welcome.specific_class is Page:  # Wagtail's placeholder page from its migrations
            welcome.delete()
    site.site_name = "Damkar Kota Jambi"
    site.save()
    with capture(execute=True):
        translate(home, en_locale, HOME_EN)
    identity = DepartmentIdentityFactory(locale=id_locale)
    with capture(execute=True):
        translate(identity, en_locale, IDENTITY_EN)
    contacts = DepartmentSettingsFactory(site=site, identity=identity)
    DepartmentHotlineFactory(settings=contacts, name="Pos Kota Baru", number="(0741) 7551114", sort_order=0)
    DepartmentHotlineFactory(settings=contacts, name="Pos Telanaipura", number="(0741) 7551115", sort_order=1)
    DepartmentHotlineFactory(settings=contacts, kind="rescue", name="", number="(0741) 7551116", sort_order=2)
    UserFactory(
        username=STAFF_USERNAME,
        email=STAFF_EMAIL,
        password=STAFF_PASSWORD,
        is_staff=True,
        is_superuser=True,
        first_name="Admin",
        last_name="Demo",
    )
    return site
