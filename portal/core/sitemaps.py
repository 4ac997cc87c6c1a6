"""Sitemap of the public pages that are Django views rather than Wagtail pages.

Each named view is listed once per language, with hreflang alternates between
them, on the public address (PUBLIC_BASE_URL). portal/urls.py names the views.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from wagtail.contrib.sitemaps import Sitemap

from portal.core.links import absolute_url


class ViewsSitemap(Sitemap):
    """Subclass with `names`, the URL names to list (Wagtail's sitemap view passes the request)."""

    names = ()

    def items(self):
        return [(name, code) for name in self.names for code, _label in settings.LANGUAGES]

    def _path(self, name, code):
        with translation.override(code):
            return reverse(name)

    def _urls(self, page, protocol, domain):
        urls = []
        for name, code in self.paginator.page(page).object_list:
            alternates = [
                {"lang_code": other, "location": absolute_url(self.request, self._path(name, other))}
                for other, _label in settings.LANGUAGES
            ]
            default = absolute_url(self.request, self._path(name, settings.LANGUAGE_CODE))
            alternates.append({"lang_code": "x-default", "location": default})
            urls.append(
                {
                    "item": (name, code),
                    "location": absolute_url(self.request, self._path(name, code)),
                    "lastmod": None,
                    "alternates": alternates,
                }
            )
        return urls
