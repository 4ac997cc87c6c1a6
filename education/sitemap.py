"""sitemap.xml with every language's pages and hreflang alternates between them.

Wagtail's own sitemap lists only the default site root's tree; with a home page
per language the English tree sits beside it, so this one walks each
translation of the root and links translations together.
"""

from django.conf import settings

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal.core.links import page_url
from portal.core.routing import public


class PortalSitemap(Sitemap):
    def items(self):
        site = self.get_wagtail_site()
        pages = Page.objects.none()
        for root in site.root_page.get_translations(inclusive=True):
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return public(pages.live()).order_by("path").defer_streamfields().select_related("locale").specific()

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        by_key = {}
        for item in items:
            by_key.setdefault(item.translation_key, []).append(item)
        default = settings.LANGUAGE_CODE
        urls, last_mods = [], set()
        for item in items:
            location = page_url(self.request, item)
            if location is None:
                continue
            alternates = []
            for other in by_key[item.translation_key]:
                other_url = page_url(self.request, other)
                alternates.append({"lang_code": other.locale.language_code, "location": other_url})
                if other.locale.language_code == default:
                    alternates.append({"lang_code": "x-default", "location": other_url})
            lastmod = item.last_published_at or item.latest_revision_created_at
            urls.append({"item": item, "location": location, "lastmod": lastmod, "alternates": alternates})
            last_mods.add(lastmod)
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
