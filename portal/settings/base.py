"""Settings shared by every environment.

Every deployment choice is read from an environment variable with a typed default
that works on a fresh machine (SQLite, local-memory cache, console email). The
README lists each variable.
"""

from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A local .env file is optional: handy in development, absent in production.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Project apps first so their templates and translations win.
    "home",
    "education",
    "reporting.incidents",
    "reporting.inspections",
    "volunteers",
    "portal.core",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    # APIs
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    # Background tasks
    "django_tasks",
    "django_tasks_db",
    # Misc
    "phonenumber_field",
    "csp",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag and 304 for every GET, cached or not (docs/caching.md).
    "django.middleware.http.ConditionalGetMiddleware",
    # Before the page cache, so cached pages get them too (portal/core/headers.py).
    "portal.core.headers.ContentSecurityPolicyMiddleware",
    "portal.core.headers.PolicyHeadersMiddleware",
    # Before session and CSRF: a hit skips them, and on the way out it sees their cookies.
    "portal.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.LocaleMiddleware",
    "portal.core.text.RefuseUnstorableMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Wagtail's site, route and view restrictions from the cache (portal/core/routing.py).
    "portal.core.routing.RoutingCacheMiddleware",
    # Staff who see personal data set up a second factor before the admin (STAFF_MFA_REQUIRED).
    "portal.core.signin.StaffMFAMiddleware",
    # Last: turns a lockout into the translated lockout page (or JSON under /api/).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# --- Database -------------------------------------------------------------------
# SQLite by default; PostgreSQL in production via DATABASE_URL.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # WAL lets readers carry on while a report is being written;
            # IMMEDIATE transactions avoid "database is locked" on upgrade to write.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
# Persistent connections: opening one per request costs more than most pages.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://portal")}
# Anonymous public pages are kept in that cache (portal/pagecache.py, docs/caching.md).
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)
PAGE_CACHE_TIMEOUT = env.int("PAGE_CACHE_TIMEOUT", default=300)
PUBLIC_CACHE_MAX_AGE = env.int("PUBLIC_CACHE_MAX_AGE", default=60)

# --- Auth -----------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username+address before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "account_profile"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = env.str("EMAIL_SUBJECT_PREFIX", default="[Damkar] ")
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env.str("ACCOUNT_DEFAULT_HTTP_PROTOCOL", default="https")
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True  # same browser: back to where the sign-up began (`next`)
ACCOUNT_ADAPTER = "portal.core.accounts.AccountAdapter"
# Failed sign-ins are limited by django-axes alone (below), the same way on every
# entry point; allauth's own counter would lock its form at 5 with another message.
ACCOUNT_RATE_LIMITS = {"login_failed": False}
# allauth's remaining per-address limits use portal.core.clients.client_ip.

# Second factor: allauth's TOTP (an authenticator app) and recovery codes. Once
# set up, allauth's sign-in asks for a code after the password.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env.str("MFA_TOTP_ISSUER", default="Damkar Kota Jambi")
# True: staff who can see personal data (portal.core.roles.PERSONAL_DATA_ROLES and
# superusers) are sent to set up TOTP before they reach /admin/. Off in dev and demo.
STAFF_MFA_REQUIRED = env.bool("STAFF_MFA_REQUIRED", default=False)

# Password guessing (django-axes, docs/security.md): after AXES_FAILURE_LIMIT wrong
# passwords for one account from one address, that pair is refused for
# AXES_COOLOFF_MINUTES; every further try during the lockout starts the wait again.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "portal.core.signin.axes_client_ip"  # client_ip(), None when unknown
AXES_USERNAME_CALLABLE = "portal.core.signin.account_key"
AXES_LOCKOUT_CALLABLE = "portal.core.signin.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
# Unlocking is a Wagtail admin screen (Settings → Sign-in lockouts), not Django's admin.
AXES_ENABLE_ADMIN = False

# --- Internationalisation -------------------------------------------------------
FORMAT_MODULE_PATH = ["portal.formats"]
LANGUAGE_CODE = "id"
LANGUAGES = [
    ("id", _("Indonesian")),
    ("en", _("English")),
]
WAGTAIL_I18N_ENABLED = True
# The languages a staff member may choose for the admin (their account's preference; Indonesian
# when they choose none, whatever the browser says: portal.middleware.LocaleMiddleware).
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="Asia/Jakarta")
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "portal" / "static"]
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")

# Media on an S3-compatible bucket when one is configured, local disk otherwise.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default=None)
    AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default=None)
    AWS_S3_CUSTOM_DOMAIN = env.str("AWS_S3_CUSTOM_DOMAIN", default=None)
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = env.bool("AWS_QUERYSTRING_AUTH", default=True)
    AWS_S3_FILE_OVERWRITE = False
    _media_storage = {"BACKEND": "storages.backends.s3.S3Storage"}
else:
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _media_storage,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# --- Email ----------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Damkar Kota Jambi <noreply@damkar.jambikota.go.id>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background tasks -----------------------------------------------------------
# Immediate by default so a fresh machine needs no worker; production runs the
# database-backed queue with `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"),
    }
}

# --- Wagtail --------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Damkar Kota Jambi"
# Open311 GeoReport v2 (/open311/v2/): keys that may POST requests, and who we are.
OPEN311_API_KEYS = env.list("OPEN311_API_KEYS", default=[])
OPEN311_JURISDICTION = env.str("OPEN311_JURISDICTION", default="jambikota.go.id")
OPEN311_AGENCY = env.str("OPEN311_AGENCY", default="Dinas Pemadam Kebakaran dan Penyelamatan Kota Jambi")
# Alert emails to subscribers: how many go out per SMTP connection and transaction.
ALERT_EMAIL_BATCH = env.int("ALERT_EMAIL_BATCH", default=100)
# The public address of the site ("https://damkar.jambikota.go.id"): every absolute
# link (canonical, og:url, sitemap, feeds, CAP, emails) starts with it. Empty: the
# request's own scheme and host (development).
PUBLIC_BASE_URL = env.str("PUBLIC_BASE_URL", default="").rstrip("/")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default=PUBLIC_BASE_URL or "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "webp": "webp"}
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 50
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No third-party avatar lookups: staff email hashes stay in-house, and the admin works offline.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

# --- REST framework -------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    # Each view states who may use it; the default is closed.
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Bounded size and nesting, no NUL (portal.core.parsers).
    "DEFAULT_PARSER_CLASSES": [
        "portal.core.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        # Keyed by portal.core.clients.client_ip: X-Forwarded-For only from TRUSTED_PROXIES.
        "portal.core.clients.AnonRateThrottle",
        "portal.core.clients.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("THROTTLE_ANON", default="120/min"),
        "user": env.str("THROTTLE_USER", default="1200/min"),
        # Scoped rates for anonymous writes and lookups (ScopedRateThrottle).
        "incident_create": env.str("THROTTLE_INCIDENT_CREATE", default="10/hour"),
        "alert_subscribe": env.str("THROTTLE_ALERT_SUBSCRIBE", default="20/hour"),
        "open311": env.str("THROTTLE_OPEN311", default="600/hour"),
        "tracking": env.str("THROTTLE_TRACKING", default="60/min"),
        "verification": env.str("THROTTLE_VERIFICATION", default="30/min"),
        # One-time codes a reporter asks for to see and erase their contact details.
        "contact_code": env.str("THROTTLE_CONTACT_CODE", default="5/hour"),
    },
}
# A headless front end calls /api/v2/ from one address: not throttled when it
# sends one of these keys (X-Frontend-Key header) or calls from one of these addresses.
CONTENT_API_FRONTEND_KEYS = env.list("CONTENT_API_FRONTEND_KEYS", default=[])
CONTENT_API_FRONTEND_ADDRESSES = env.list("CONTENT_API_FRONTEND_ADDRESSES", default=[])
SPECTACULAR_SETTINGS = {
    "TITLE": "Damkar Kota Jambi API",
    "DESCRIPTION": (
        "Incidents and building inspection requests of the Kota Jambi fire and rescue "
        "department. Content (articles, campaigns, alerts) is served by Wagtail's API at /api/v2/."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "IncidentStatusEnum": "reporting.incidents.models.incident.Status",
        "InspectionStatusEnum": "reporting.inspections.models.Status",
        "VolunteerStatusEnum": "volunteers.models.profiles.VolunteerProfile.Status",
        "RegistrationStatusEnum": "volunteers.models.registrations.Registration.Status",
    },
    "PREPROCESSING_HOOKS": ["portal.schema.project_endpoints_only"],
    "GET_LIB_DOC_EXCLUDES": "portal.schema.lib_doc_excludes",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "portal.schema.document_contract",
        "portal.schema.document_text_rules",
    ],
}

# --- Phone numbers --------------------------------------------------------------
PHONENUMBER_DEFAULT_REGION = "ID"
PHONENUMBER_DB_FORMAT = "E164"
PHONENUMBER_DEFAULT_FORMAT = "E164"

# --- The department's service rules (configurable per city) ---------------------
# Minimum service standard (Permendagri 114/2018): receipt to arrival, minutes.
RESPONSE_TARGET_MINUTES = env.int("RESPONSE_TARGET_MINUTES", default=15)
# UU 27/2022 art. 43: reporters' contact details are erased this long after the incident closed
# (`manage.py erase_old_contacts`, daily). docs/privacy.md.
INCIDENT_CONTACT_RETENTION_DAYS = env.int("INCIDENT_CONTACT_RETENTION_DAYS", default=365)
# Service area as (south, west, north, east) in degrees; Kota Jambi by default.
SERVICE_AREA_BBOX = tuple(env.list("SERVICE_AREA_BBOX", cast=float, default=[-1.70, 103.50, -1.52, 103.72]))
MAP_CENTER = tuple(env.list("MAP_CENTER", cast=float, default=[-1.6101, 103.6131]))
MAP_TILE_URL = env.str("MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env.str("MAP_TILE_ATTRIBUTION", default="© OpenStreetMap contributors")
# Likely-duplicate reports: same kind, this close, this recent.
DUPLICATE_RADIUS_METRES = env.int("DUPLICATE_RADIUS_METRES", default=500)
DUPLICATE_WINDOW_HOURS = env.int("DUPLICATE_WINDOW_HOURS", default=3)
PHOTO_MAX_BYTES = env.int("PHOTO_MAX_BYTES", default=10 * 1024 * 1024)
DOCUMENT_MAX_BYTES = env.int("DOCUMENT_MAX_BYTES", default=20 * 1024 * 1024)
VOLUNTEER_MIN_AGE = env.int("VOLUNTEER_MIN_AGE", default=18)

# --- Security -------------------------------------------------------------------
# Reverse proxies whose X-Forwarded-For is believed (addresses or networks, e.g.
# "127.0.0.1,10.0.0.0/8"). Empty: the direct peer is the client. See docs/security.md.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
API_JSON_MAX_BYTES = env.int("API_JSON_MAX_BYTES", default=1024 * 1024)
API_JSON_MAX_DEPTH = env.int("API_JSON_MAX_DEPTH", default=20)
# Uploaded images above this many pixels are refused before decoding.
IMAGE_MAX_PIXELS = env.int("IMAGE_MAX_PIXELS", default=24_000_000)

# --- Logging --------------------------------------------------------------------
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Per-task and per-page chatter drowns what matters at INFO.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# --- Production shape: request ids, metrics, private downloads (deploy/) -------
# Every request gets an id (from nginx's X-Request-ID) that every log line carries.
MIDDLEWARE = [
    "portal.core.tracing.RequestIdMiddleware",
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    *MIDDLEWARE,
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]
INSTALLED_APPS += ["django_prometheus"]
LOGGING["filters"] = {"request_id": {"()": "portal.core.tracing.RequestIdFilter"}}
LOGGING["handlers"]["console"]["filters"] = ["request_id"]
# Who may read /metrics (the peer address: the monitoring host, or the proxy).
METRICS_ALLOWED_NETWORKS = env.list("METRICS_ALLOWED_NETWORKS", default=["127.0.0.1/32", "::1/128"])
# Behind nginx, private files go out through X-Accel-Redirect to this internal
# location (deploy/nginx/locations.conf); empty: Django streams them itself.
PRIVATE_MEDIA_ACCEL_REDIRECT = env.str("PRIVATE_MEDIA_ACCEL_REDIRECT", default="")
# Staff-only media folders nginx serves after asking /_media-auth (portal/core/downloads.py).
PRIVATE_MEDIA_PERMISSIONS = {
    "incidents/": "reporting.view_incident",
    "inspections/photos/": "inspections.view_inspectionrequest",
}
# Seconds a client is told to wait when the database is unavailable (portal/errors.py).
DATABASE_RETRY_AFTER = env.int("DATABASE_RETRY_AFTER", default=5)
