"""Create the "Dispatchers" and "Department head" groups and the starting category tree.

Categories are created in the default locale only; staff (or the demo) add
translations through wagtail-localize. Running it again changes nothing.
"""

import uuid

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations

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
]

DISPATCHERS = [
    ("wagtailadmin", "access_admin"),
    ("reporting", "add_incident"),
    ("reporting", "change_incident"),
    ("reporting", "view_incident"),
    ("reporting", "view_dashboard"),
    ("reporting", "view_firestation"),
    ("reporting", "view_category"),
]
HEAD = [
    ("wagtailadmin", "access_admin"),
    ("reporting", "view_incident"),
    ("reporting", "view_dashboard"),
    ("reporting", "view_firestation"),
    ("reporting", "view_category"),
]


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in (("Dispatchers", DISPATCHERS), ("Department head", HEAD)):
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codename in perms:
            permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if permission is not None:
                group.permissions.add(permission)

    Locale = apps.get_model("wagtailcore", "Locale")
    Category = apps.get_model("reporting", "Category")
    language = settings.LANGUAGE_CODE
    locale, _created = Locale.objects.get_or_create(language_code=language)
    for order, (code, family, name, description, children) in enumerate(CATEGORIES):
        parent = Category.objects.filter(code=code, locale=locale).first()
        if parent is None:
            parent = Category.objects.create(
                code=code,
                family=family,
                name=name,
                description=description,
                sort_order=order * 10,
                locale=locale,
                translation_key=uuid.uuid4(),
            )
        for child_order, (child_code, child_name) in enumerate(children):
            if not Category.objects.filter(code=child_code, locale=locale).exists():
                Category.objects.create(
                    code=child_code,
                    family=family,
                    name=child_name,
                    parent=parent,
                    sort_order=child_order,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                )


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
