"""The restore drill (docs/operations.md): back up the stack, restore into a
second database and media folder, and find the same data there."""

import subprocess

import pytest

from .conftest import ROOT, engine, sql

pytestmark = pytest.mark.stack


def test_backup_restores_into_a_fresh_database_and_media_folder(running_stack, tmp_path, capsys):
    env = engine.app_env()
    backup = subprocess.run(
        [str(ROOT / "bin" / "backup"), str(tmp_path / "backups")], env=env, check=True, capture_output=True, text=True
    ).stdout.strip()

    sql("DROP DATABASE IF EXISTS portal_drill")
    sql("CREATE DATABASE portal_drill")
    drill_url = env["DATABASE_URL"].rsplit("/", 1)[0] + "/portal_drill"
    drill_media = tmp_path / "media"
    subprocess.run(
        [str(ROOT / "bin" / "restore"), backup],
        env={**env, "DATABASE_URL": drill_url, "MEDIA_ROOT": str(drill_media)},
        check=True,
        capture_output=True,
    )

    import psycopg

    query = "SELECT (SELECT count(*) FROM reporting_incident), (SELECT count(*) FROM inspections_inspectiondocument)"
    with psycopg.connect(drill_url.replace("postgres://", "postgresql://")) as connection:
        restored = connection.execute(query).fetchone()
    original = sql(query)[0]
    assert restored == original
    files = sorted(p.relative_to(engine.STATE / "media") for p in (engine.STATE / "media").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(drill_media) for p in drill_media.rglob("*") if p.is_file())
    sql("DROP DATABASE portal_drill")
    with capsys.disabled():
        print(f"\nrestore drill: {original[0]} incidents, {original[1]} documents, {len(files)} media files restored")
