"""Factories for incidents: fire posts, and English names for the reference categories.

The category tree itself is reference data (reporting.incidents.reference),
created after every migrate and flush.
"""

from decimal import Decimal

from django.db.models import F

from wagtail.models import Locale

import factory
from factory.django import DjangoModelFactory

from portal.core.places import Kecamatan
from portal.core.translation import translate
from reporting.incidents.models import Category, FireStation

CATEGORY_EN = {
    "fire": {"Kebakaran": "Fire", "Api atau asap yang membahayakan.": "Flames or smoke that put people at risk."},
    "fire-building": {"Bangunan (rumah, toko, gudang)": "Building (house, shop, warehouse)"},
    "rescue": {"Penyelamatan": "Rescue", "Orang atau hewan yang perlu ditolong.": "People or animals that need help."},
    "rescue-snake": {"Hewan: ular": "Animal: snake"},
    "other": {"Lainnya": "Other", "Kejadian lain yang perlu bantuan petugas.": "Any other situation."},
}


class FireStationFactory(DjangoModelFactory):
    class Meta:
        model = FireStation
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"pos-{n}")
    name = factory.LazyAttribute(lambda station: f"Pos Damkar {station.code}")
    kecamatan = factory.LazyFunction(lambda: Kecamatan.objects.get(code="15.71.04"))
    latitude = Decimal("-1.588500")
    longitude = Decimal("103.615000")
    address = "Jl. Sultan Thaha, Pasar Jambi"
    units = "PMK 05"
    phone = "+627417551113"


def stations():
    """Two posts inside the service area: headquarters and Pasar Jambi."""
    return [
        FireStationFactory(
            code="mako",
            name="Markas Komando Damkar Kota Jambi",
            kecamatan=Kecamatan.objects.get(code="15.71.07"),
            latitude=Decimal("-1.628500"),
            longitude=Decimal("103.598200"),
            address="Jl. Jenderal Sudirman, Kota Baru",
        ),
        FireStationFactory(code="pos-pasar", name="Pos Damkar Pasar Jambi"),
    ]


def translate_categories(capture):
    """English for the main categories, parents first (a child's translation points at its parent's)."""
    en = Locale.objects.get(language_code="en")
    for category in Category.objects.filter(code__in=CATEGORY_EN, locale__language_code="id").order_by(
        F("parent_id").asc(nulls_first=True)
    ):
        if not category.has_translation(en):
            with capture(execute=True):
                translate(category, en, CATEGORY_EN[category.code])
