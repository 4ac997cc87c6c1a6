"""The city's areas moved to the shared plumbing (`portal.core`).

State only: the tables stay (core renames them in its 0002). Runs after every
app's foreign keys were pointed at `core`.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("core", "0001_initial"),
        ("education", "0003_places_moved_to_core"),
        ("reporting", "0003_places_moved_to_core"),
        ("inspections", "0003_places_moved_to_core"),
        ("volunteers", "0003_places_moved_to_core"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Kelurahan"),
                migrations.DeleteModel(name="Kecamatan"),
            ],
        ),
    ]
