"""Production: PostgreSQL, Redis, hashed static files, secure cookies.

Refuses to start half-configured: without SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL,
a shared CACHE_URL, a real EMAIL_URL or a durable TASKS_BACKEND. Each default that
suits a laptop (SQLite, a per-process cache, console email, tasks run inside the
request) would otherwise degrade a city's service silently. SINGLE_SERVER=true is
the explicit, documented way to run one box on SQLite with a file cache.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import BASE_DIR, CACHES, EMAIL_BACKEND, INSTALLED_APPS, LOGGING, STORAGES, TASKS, env

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production.")

STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
X_FRAME_OPTIONS = "DENY"

# --- Refuse a half-configured start ----------------------------------------------
SINGLE_SERVER = env.bool("SINGLE_SERVER", default=False)
ONE_BOX = "(or SINGLE_SERVER=true for a documented one-box install on SQLite)"
PROCESS_LOCAL_CACHES = ("locmem.LocMemCache", "dummy.DummyCache")
UNDELIVERED_EMAIL = ("console.EmailBackend", "locmem.EmailBackend", "dummy.EmailBackend", "filebased.EmailBackend")
IN_REQUEST_TASKS = ("ImmediateBackend", "DummyBackend")

if "DATABASE_URL" not in os.environ and not SINGLE_SERVER:
    raise ImproperlyConfigured(f"DATABASE_URL must be set in production {ONE_BOX}.")
if "CACHE_URL" not in os.environ:
    if not SINGLE_SERVER:
        raise ImproperlyConfigured(f"CACHE_URL must name a shared cache (e.g. redis://…) in production {ONE_BOX}.")
    # Shared by every worker process on the box, unlike the per-process default.
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": BASE_DIR / "var" / "cache",
    }
elif CACHES["default"]["BACKEND"].endswith(PROCESS_LOCAL_CACHES) and not SINGLE_SERVER:
    raise ImproperlyConfigured(
        "CACHE_URL must name a cache shared by every app server (e.g. redis://…), not a per-process one."
    )
if "EMAIL_URL" not in os.environ or EMAIL_BACKEND.endswith(UNDELIVERED_EMAIL):
    raise ImproperlyConfigured(
        "EMAIL_URL must name a mail server (e.g. smtp+tls://user:pass@smtp.example:587) in production."
    )
if "TASKS_BACKEND" not in os.environ or TASKS["default"]["BACKEND"].endswith(IN_REQUEST_TASKS):
    raise ImproperlyConfigured(
        "TASKS_BACKEND must be durable in production (django_tasks_db.DatabaseBackend, with manage.py db_worker)."
    )

# --- Production shape (deploy/, bin/stack) ---------------------------------------
# A Redis outage is not an outage: cache reads miss and writes are dropped
# (django-redis IGNORE_EXCEPTIONS), short timeouts keep requests moving.
if CACHES["default"]["BACKEND"].startswith("django_redis."):
    CACHES["default"].setdefault("OPTIONS", {}).update(
        {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}
    )
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# Structured logs: one JSON object per line, with the request id (python-json-logger).
if env.str("LOG_FORMAT", default="json") == "json":
    LOGGING["formatters"]["json"] = {
        "()": "pythonjsonlogger.json.JsonFormatter",
        "fmt": "%(levelname)s %(name)s %(message)s %(request_id)s",
        "rename_fields": {"levelname": "level", "name": "logger"},
        "timestamp": "time",  # ISO 8601, UTC
    }
    LOGGING["handlers"]["console"]["formatter"] = "json"

# Purge nginx's page cache when editors publish (deploy/nginx/purge.conf);
# without it, anonymous pages simply expire after PUBLIC_CACHE_MAX_AGE.
FRONTEND_CACHE_PURGE_URL = env.str("FRONTEND_CACHE_PURGE_URL", default="")
if FRONTEND_CACHE_PURGE_URL:
    INSTALLED_APPS += ["wagtail.contrib.frontend_cache"]
    WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
