from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from education.sitemap import PortalSitemap
from portal.core.downloads import media_permission
from portal.core.headers import csp_report
from portal.core.signin import admin_login
from portal.core.sitemaps import ViewsSitemap
from portal.health import healthz
from portal.metrics import metrics
from portal.robots import robots_txt
from portal.webapp import manifest, offline, service_worker

# A database outage answers a clean 503 with Retry-After instead of a 500 page.
handler500 = "portal.errors.server_error"
# Under /api/ 400, 403 and 404 are JSON like the rest of the API.
handler400 = "portal.errors.bad_request"
handler403 = "portal.errors.permission_denied"
handler404 = "portal.errors.page_not_found"


class PublicViewsSitemap(ViewsSitemap):
    """The public pages that are views, not Wagtail pages (trainings and alerts are pages)."""

    names = [
        "reporting:report",
        "reporting:track",
        "inspections:request",
        "inspections:verify",
        "volunteers:apply",
        "education:subscribe",
        "opendata:page",
    ]


SITEMAPS = {"pages": PortalSitemap, "views": PublicViewsSitemap}

# Outside the language prefix: admin, APIs, health check, documents, sitemap.
urlpatterns = [
    path("robots.txt", robots_txt, name="robots_txt"),
    path("healthz", healthz, name="healthz"),
    path("metrics", metrics, name="metrics"),
    path("_media-auth", media_permission, name="media_permission"),
    path("csp-report/", csp_report, name="csp_report"),
    # The admin's own login form is replaced by allauth's (lockout, second factor).
    path("admin/login/", admin_login, name="wagtailadmin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", include("portal.api")),
    path("open311/v2/", include("reporting.incidents.open311")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # The service worker's scope is the folder it is served from: the root.
    path("sw.js", service_worker, name="service_worker"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages, under /id/ and /en/. Wagtail's catch-all comes last.
urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path(
        "",
        include(
            (
                [
                    path("manifest.webmanifest", manifest, name="manifest"),
                    path("offline/", offline, name="offline"),
                ],
                "webapp",
            )
        ),
    ),
    path("", include("home.urls")),
    path("", include("education.urls")),
    path("", include("reporting.incidents.urls")),
    path("", include("reporting.inspections.urls")),
    path("", include("volunteers.urls")),
    path("data/", include("portal.core.opendata")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
