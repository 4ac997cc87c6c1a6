"""Reference data every installation needs: the starting category tree.

Created in the default locale when missing, after every `migrate` (and every
`flush`); staff or the demo add translations through wagtail-localize, and
categories staff edit or add are left alone.
"""

from django.conf import settings
from django.db import transaction

from wagtail.models import Locale

from .models import Category

CATEGORIES = [
    # (code, family, name in Indonesian, description, children [(code, name)])
    (
        "fire",
        "fire",
        "Kebakaran",
        "Api atau asap yang membahayakan.",
        [
            ("fire-building", "Bangunan (rumah, toko, gudang)"),
            ("fire-vehicle", "Kendaraan"),
            ("fire-land", "Lahan, hutan atau gambut"),
            ("fire-rubbish", "Sampah"),
            ("fire-electrical", "Listrik (kabel, gardu, korsleting)"),
        ],
    ),
    (
        "rescue",
        "rescue",
        "Penyelamatan",
        "Orang atau hewan yang perlu ditolong.",
        [
            ("rescue-snake", "Hewan: ular"),
            ("rescue-bees", "Hewan: sarang lebah atau tawon"),
            ("rescue-animal", "Hewan lain (kucing, biawak, …)"),
            ("rescue-trapped", "Orang terjebak (lift, teralis, cincin)"),
            ("rescue-water", "Penyelamatan di air / tenggelam"),
        ],
    ),
    ("other", "other", "Lainnya", "Kejadian lain yang perlu bantuan petugas.", []),
    # Not emergencies: hazards the department follows up (also the Open311 services).
    (
        "hazard",
        "hazard",
        "Bahaya kebakaran (bukan darurat)",
        "Keadaan yang bisa menimbulkan kebakaran atau menghambat pemadaman.",
        [
            ("hazard-burning", "Pembakaran sampah atau lahan terbuka"),
            ("hazard-access", "Jalur pemadam atau hidran terhalang"),
            ("hazard-equipment", "APAR atau alarm rusak di gedung umum"),
        ],
    ),
]


@transaction.atomic
def sync_categories(**kwargs):
    """Create the missing categories of the starting tree (a post_migrate receiver)."""
    # The default locale normally comes from Wagtail's migrations; a flush removes it.
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    created = 0
    for order, (code, family, name, description, children) in enumerate(CATEGORIES):
        parent, made = Category.objects.get_or_create(
            code=code,
            locale=locale,
            defaults={"family": family, "name": name, "description": description, "sort_order": order * 10},
        )
        created += made
        for child_order, (child_code, child_name) in enumerate(children):
            _child, made = Category.objects.get_or_create(
                code=child_code,
                locale=locale,
                defaults={"family": family, "name": child_name, "parent": parent, "sort_order": child_order},
            )
            created += made
    return created
