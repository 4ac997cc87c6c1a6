"""Production settings for the benchmark: same middleware, caching, static files
and DEBUG=False, served on loopback over plain HTTP, plus one trivial view to
compare against."""

import os

os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
# Production refuses to start half-configured; the benchmark measures the app
# servers alone (no worker runs: tasks wait in the database queue).
os.environ.setdefault("SINGLE_SERVER", "true")
os.environ.setdefault("CACHE_URL", "locmemcache://bench")
os.environ.setdefault("EMAIL_URL", "smtp://127.0.0.1:1025")
os.environ.setdefault("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")

from portal.settings.production import *  # noqa: E402, F403

ROOT_URLCONF = "bench.urls"
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
