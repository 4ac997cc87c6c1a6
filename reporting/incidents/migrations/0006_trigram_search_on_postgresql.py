"""Trigram indexes for the incident admin's free-text search, on PostgreSQL only.

Wagtail's listing searches `search_fields` with Django's `icontains`, which PostgreSQL
runs as `UPPER(col::text) LIKE UPPER('%q%')`: a GIN index with pg_trgm's operator
class on that same expression serves it (every branch of the OR, so a bitmap OR).
SQLite has no such index and keeps its plain scan.
"""

from django.db import migrations

TABLE = "reporting_incident"
FIELDS = ("tracking_code", "description", "address", "landmark", "reporter_name")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for field in FIELDS:
        expression = f'UPPER("{field}"::text) gin_trgm_ops'
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS incident_{field}_trgm ON {TABLE} USING gin ({expression})")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for field in FIELDS:
        schema_editor.execute(f"DROP INDEX IF EXISTS incident_{field}_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0005_open311_hazards"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
