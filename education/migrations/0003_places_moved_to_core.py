"""The city's areas moved from `home` to the shared plumbing (`portal.core`).

State only: the foreign keys already point at the same tables, which `core`
renames in its own 0002."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('education', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='alertarea',
                    name='kecamatan',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.kecamatan', verbose_name='kecamatan'),
                ),
                migrations.AlterField(
                    model_name='campaignarea',
                    name='kecamatan',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.kecamatan', verbose_name='kecamatan'),
                ),
            ],
        ),
    ]
