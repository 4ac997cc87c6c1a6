from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of unprefixed 404s.

    Django turns a 404 at /api/x into a redirect to /id/api/x whenever that
    prefixed path resolves, and Wagtail's catch-all page route resolves every
    path. Paths that live outside the language prefix keep their real 404.
    """

    UNPREFIXED = ("/api/", "/admin/", "/documents/", "/healthz", "/static/", "/media/", "/csp-report/")

    def process_response(self, request, response):
        if request.path_info.startswith(self.UNPREFIXED):
            return response
        return super().process_response(request, response)
