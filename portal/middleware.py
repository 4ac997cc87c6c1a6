from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of unprefixed 404s.

    Django turns a 404 at /api/x into a redirect to /id/api/x whenever that
    prefixed path resolves, and Wagtail's catch-all page route resolves every
    path. Paths that live outside the language prefix keep their real 404.
    """

    UNPREFIXED = ("/api/", "/admin/", "/open311/", "/documents/", "/healthz", "/static/", "/media/", "/csp-report/")
    ADMIN = "/admin/"

    def process_request(self, request):
        """The admin speaks the department's language whatever the browser says.

        Wagtail then switches to the language a staff member chose in their
        account (Account → Preferred language); with no choice made, its
        fallback is the active language, which is LANGUAGE_CODE here rather
        than the browser's Accept-Language. The login page follows the same rule.
        """
        if request.path_info.startswith(self.ADMIN):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = translation.get_language()
            return
        super().process_request(request)

    def process_response(self, request, response):
        if request.path_info.startswith(self.UNPREFIXED):
            return response
        return super().process_response(request, response)
