"""Deployment settings, checked in fresh processes: they are read at start-up."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECRET = "a-long-random-secret-for-this-test-only-0123456789-abcdefghijklmnopqrstuvwxyz"
DEPLOYMENT = {"DATABASE_URL", "CACHE_URL", "EMAIL_URL", "TASKS_BACKEND", "SINGLE_SERVER"}
# A complete production environment; each test removes or spoils one part.
COMPLETE = {
    "SECRET_KEY": SECRET,
    "ALLOWED_HOSTS": "damkar.example",
    "DATABASE_URL": "postgres://portal:secret@db.internal:5432/damkar",
    "CACHE_URL": "redis://cache.internal:6379/1",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.internal:587",
    "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
}


def run_django(code, settings="portal.settings.production", **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE", *DEPLOYMENT}
    }
    clean |= {"DJANGO_SETTINGS_MODULE": settings, **env}
    program = f"import django; django.setup(); {code}"
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", program], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_django("print('started')", **{**COMPLETE, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_django("print('started')", **{**COMPLETE, "ALLOWED_HOSTS": ""})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set in production" in result.stderr


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DATABASE_URL", None, "DATABASE_URL must be set in production"),
        ("CACHE_URL", None, "CACHE_URL must name a shared cache"),
        ("CACHE_URL", "locmemcache://portal", "CACHE_URL must name a cache shared by every app server"),
        ("EMAIL_URL", None, "EMAIL_URL must name a mail server"),
        ("EMAIL_URL", "consolemail://", "EMAIL_URL must name a mail server"),
        ("TASKS_BACKEND", None, "TASKS_BACKEND must be durable in production"),
        ("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend", "TASKS_BACKEND must be durable"),
    ],
)
def test_production_refuses_to_start_half_configured(variable, value, message):
    env = {k: v for k, v in COMPLETE.items() if k != variable}
    if value is not None:
        env[variable] = value
    result = run_django("print('started')", **env)
    assert result.returncode != 0
    assert "started" not in result.stdout
    assert message in result.stderr


def test_one_box_on_sqlite_only_when_asked_for(tmp_path):
    env = {k: v for k, v in COMPLETE.items() if k not in ("DATABASE_URL", "CACHE_URL")}
    result = run_django(
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'])",
        SINGLE_SERVER="true",
        **env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "django.core.cache.backends.filebased.FileBasedCache",
    ]


def test_production_passes_the_deploy_check():
    result = run_django(
        "from django.core.management import call_command; call_command('check', deploy=True, fail_level='WARNING')",
        **COMPLETE,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_deployment_choices_come_from_the_environment():
    result = run_django(
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'], s.STORAGES['default']['BACKEND'],"
        " s.STORAGES['staticfiles']['BACKEND'], s.EMAIL_BACKEND, s.ALLOWED_HOSTS, s.CSRF_TRUSTED_ORIGINS)",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="damkar.example,www.damkar.example",
        CSRF_TRUSTED_ORIGINS="https://damkar.example",
        DATABASE_URL="postgres://portal:secret@db.internal:5432/damkar",
        CACHE_URL="redis://cache.internal:6379/1",
        AWS_STORAGE_BUCKET_NAME="damkar-media",
        EMAIL_URL="smtp+tls://mailer:secret@smtp.internal:587",
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "django_redis.cache.RedisCache",
        "storages.backends.s3.S3Storage",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "django.core.mail.backends.smtp.EmailBackend",
        "['damkar.example',",
        "'www.damkar.example']",
        "['https://damkar.example']",
    ]


def test_defaults_on_a_fresh_machine_are_sqlite_locmem_and_local_disk(tmp_path):
    result = run_django(
        "from django.conf import settings as s; from django.db import connection; "
        "cursor = connection.cursor(); cursor.execute('PRAGMA journal_mode'); "
        "print(s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'], s.STORAGES['default']['BACKEND'],"
        " cursor.fetchone()[0])",
        settings="portal.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.files.storage.FileSystemStorage",
        "wal",
    ]


@pytest.mark.parametrize("settings_module", ["portal.settings.dev", "portal.settings.test"])
def test_other_settings_modules_load(settings_module):
    result = run_django("print('ok')", settings=settings_module)
    assert result.returncode == 0, result.stderr
