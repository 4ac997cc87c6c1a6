"""Demo content for the site shell: locales, areas, home pages, contacts, staff.
The texts and contacts live in `home/demo/site.yaml`.

Every step creates what is missing and leaves what exists alone, so running
`seed_demo` twice changes nothing the second time.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from wagtail.models import Locale, Page, Site

from allauth.account.models import EmailAddress

from home.models import DepartmentHotline, DepartmentIdentity, DepartmentSettings, HomePage
from portal.core.demo import DEMO_PASSWORD, load
from portal.core.places import load_areas
from portal.core.translation import translate

# Local demo only, for every demo account: the README says so, and seed_demo refuses production settings.
DEMO_STAFF_EMAIL = "admin@damkar.example"

DATA = Path(__file__).resolve().parent / "demo" / "site.yaml"


def seed(log):
    id_locale, en_locale = _locales(log)
    kecamatan, kelurahan = load_areas()
    log(f"Areas: {kecamatan} kecamatan and {kelurahan} kelurahan added.")
    data, strings = load(DATA)
    home = _home_pages(log, id_locale, en_locale, data["home"], strings)
    _contacts(log, home, id_locale, en_locale, data, strings)
    _staff(log)


def _locales(log):
    id_locale, created = Locale.objects.get_or_create(language_code="id")
    en_locale, created_en = Locale.objects.get_or_create(language_code="en")
    if created or created_en:
        log("Locales: id and en ready.")
    return id_locale, en_locale


@transaction.atomic
def _home_pages(log, id_locale, en_locale, spec, strings):
    home = HomePage.objects.filter(locale=id_locale).first()
    if home is None:
        root = Page.get_first_root_node()  # made by Wagtail's migrations
        home = root.add_child(instance=HomePage(locale=id_locale, **{**spec, "intro": f"<p>{spec['intro']}</p>"}))
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
        translate(home, en_locale, strings)
        log("Pages: English home page translated.")
    return home


@transaction.atomic
def _contacts(log, home, id_locale, en_locale, data, strings):
    identity = DepartmentIdentity.objects.filter(locale=id_locale).first()
    if identity is None:
        identity = DepartmentIdentity.objects.create(locale=id_locale, **data["identity"])
        log("Settings: department identity created.")
    if not identity.has_translation(en_locale):
        translate(identity, en_locale, strings)
        log("Settings: department identity translated.")

    site = Site.objects.get(root_page=home)
    contacts, created = DepartmentSettings.objects.get_or_create(
        site=site, defaults={"identity": identity, **data["contacts"]}
    )
    if created:
        DepartmentHotline.objects.bulk_create(
            DepartmentHotline(settings=contacts, sort_order=i, **hotline) for i, hotline in enumerate(data["hotlines"])
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
