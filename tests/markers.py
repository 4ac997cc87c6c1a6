"""Markers shared by test modules."""

from django.db import connection

import pytest

# Evaluated before any fixture runs, so a skipped transactional test never empties the database.
requires_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL (set DATABASE_URL=postgres://…); SQLite serialises writers",
)
