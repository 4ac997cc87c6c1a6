"""The site's shell, per site and language: contacts, wording, menu, home pages.

Every public page shows the same header and footer. Building them takes several
queries, so each (site, language) shell is built once and kept in the cache
until an editor changes the settings, the wording or a page (see signals.py).
Values are plain data so the cache can be shared by several app servers.
"""

import time
from types import SimpleNamespace

from django.core.cache import cache
from django.utils import translation

from home.models import DepartmentSettings
from portal.core.routing import find_site

VERSION_KEY = "portal:shell-version"
TIMEOUT = 60 * 60


def invalidate(**kwargs):
    """Forget every cached shell (a signal receiver, hence **kwargs)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, time.time_ns(), None)


def get_shell(request):
    """The shell for the request's site in the active language, memoised on the request."""
    shell = getattr(request, "_portal_shell", None)
    if shell is not None:
        return shell
    site = find_site(request)
    language = translation.get_language()
    version = cache.get_or_set(VERSION_KEY, time.time_ns, None)
    key = f"portal:shell:{version}:{site.pk if site else 0}:{language}"
    shell = cache.get(key)
    if shell is None:
        shell = _build(request, site, language)
        cache.set(key, shell, TIMEOUT)
    request._portal_shell = shell
    return shell


def _build(request, site, language):
    homes = {}
    menu = []
    contacts = SimpleNamespace(
        emergency_number="112", main_phone="", whatsapp="", email="", address="", hotlines=[], social_links=[]
    )
    identity = None
    if site is not None:
        home_pages = {
            home.locale.language_code: home
            for home in site.root_page.get_translations(inclusive=True).live().select_related("locale")
        }
        homes = {code: {"url": home.get_url(request), "path": home.path} for code, home in home_pages.items()}
        current_home = home_pages.get(language)
        if current_home is not None:
            menu = [
                {"title": child.title, "url": child.get_url(request), "path": child.path}
                for child in current_home.get_children().live().in_menu()
            ]
        setting = DepartmentSettings.for_site(site)
        identity = _identity(setting, language)
        contacts = SimpleNamespace(
            emergency_number=setting.emergency_number or "112",
            main_phone=setting.main_phone,
            whatsapp=setting.whatsapp,
            email=setting.email,
            address=setting.address,
            social_links=setting.social_links,
            hotlines=[
                {"label": str(hotline.get_kind_display()), "name": hotline.name, "number": hotline.number}
                for hotline in setting.hotlines.all()
            ],
        )
    contacts.localized_identity = identity
    return SimpleNamespace(contacts=contacts, homes=homes, menu=menu)


def _identity(setting, language):
    identity = setting.identity
    if identity is None:
        return None
    if identity.locale.language_code != language:
        translated = identity.get_translations().filter(locale__language_code=language).first()
        identity = translated or identity
    fields = ("name", "short_name", "tagline", "office_hours")
    return SimpleNamespace(**{field: getattr(identity, field) for field in fields})
