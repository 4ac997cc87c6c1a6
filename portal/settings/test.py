"""Fast, isolated test settings: MD5 hashing, memory cache, immediate tasks, temp media."""

import tempfile

from .base import *  # noqa: F403
from .base import REST_FRAMEWORK, env

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Throttles stay on, with generous rates; throttling tests override them.
REST_FRAMEWORK = {**REST_FRAMEWORK}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": env.str("LOG_LEVEL", default="WARNING")}}
