"""The city's areas moved from `home` to the shared plumbing (`portal.core`).

State only: the foreign keys already point at the same tables, which `core`
renames in its own 0002."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('inspections', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='inspectionrequest',
                    name='kecamatan',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.kecamatan', verbose_name='kecamatan'),
                ),
                migrations.AlterField(
                    model_name='inspectionrequest',
                    name='kelurahan',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.kelurahan', verbose_name='kelurahan'),
                ),
            ],
        ),
    ]
