"""The city's areas, moved here from `home` (which created their tables).

State only: the tables exist; 0002 gives them this app's names.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("home", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Kecamatan",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("code", models.CharField(max_length=20, unique=True, verbose_name="code")),
                        ("name", models.CharField(max_length=100, verbose_name="name")),
                    ],
                    options={
                        "verbose_name": "kecamatan",
                        "verbose_name_plural": "kecamatan",
                        "db_table": "home_kecamatan",
                        "ordering": ["name"],
                    },
                ),
                migrations.CreateModel(
                    name="Kelurahan",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("code", models.CharField(max_length=20, unique=True, verbose_name="code")),
                        ("name", models.CharField(max_length=100, verbose_name="name")),
                        (
                            "kecamatan",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="kelurahan",
                                to="core.kecamatan",
                                verbose_name="kecamatan",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "kelurahan",
                        "verbose_name_plural": "kelurahan",
                        "db_table": "home_kelurahan",
                        "ordering": ["kecamatan__name", "name"],
                    },
                ),
            ],
        ),
    ]
