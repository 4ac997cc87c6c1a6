"""Give the areas' tables this app's names (home_kecamatan → core_kecamatan, …).

Runs after `home` let go of the models; foreign keys follow the rename.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("home", "0002_places_moved_to_core"),
    ]

    operations = [
        migrations.AlterModelTable(name="kecamatan", table=None),
        migrations.AlterModelTable(name="kelurahan", table=None),
    ]
