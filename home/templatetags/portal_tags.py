"""Template tags every public page uses: the department's contacts in the active
language, and the links to this page in each language."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from wagtail.models import Locale, Page, Site

from home.models import DepartmentSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def department(context):
    """The site's DepartmentSettings, with `.identity` in the active language."""
    request = context.get("request")
    if request is None:
        return None
    cached = getattr(request, "_department", None)
    if cached is not None:
        return cached
    contacts = DepartmentSettings.for_request(request)
    identity = contacts.identity
    if identity is not None:
        locale = Locale.get_active()
        if identity.locale_id != locale.pk:
            identity = identity.get_translation_or_none(locale) or identity
    contacts.localized_identity = identity
    request._department = contacts
    return contacts


def _home_for(request, language_code):
    """The site's home page in a language (None when it has no live translation), once per request."""
    homes = request.__dict__.setdefault("_homes", {})
    if language_code not in homes:
        site = Site.find_for_request(request)
        homes[language_code] = (
            site.root_page.get_translations(inclusive=True).live().filter(locale__language_code=language_code).first()
            if site is not None
            else None
        )
    return homes[language_code]


@register.simple_tag(takes_context=True)
def language_versions(context):
    """One entry per language: where this page is in that language.

    A Wagtail page links to its live translation; when there is none, the entry
    says so and points at that language's home page. Other views under the
    language prefix have the same path in every language.
    """
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_language_versions", None)
    if cached is not None:
        return cached

    current = get_language()
    page = context.get("page")
    translations = {}
    if isinstance(page, Page) and page.pk:
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation

    versions = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        if isinstance(page, Page) and page.pk:
            target = translations.get(code)
            available = target is not None
            if target is None:
                target = _home_for(request, code)
            url = target.get_url(request) if target is not None else f"/{code}/"
        else:
            available = True
            url = translate_url(request.get_full_path(), code)
        versions.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "available": available,
                "current": code == current,
            }
        )
    request._language_versions = versions
    return versions


@register.filter
def tel(number):
    """A phone number as written for people, made dialable: digits and a leading +."""
    number = str(number or "").strip()
    digits = "".join(ch for ch in number if ch.isdigit())
    return f"+{digits}" if number.startswith("+") else digits


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """The localized home page's live children marked "show in menus"."""
    request = context.get("request")
    if request is None:
        return []
    home = _home_for(request, get_language())
    if home is None:
        return []
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    return [
        {"title": child.title, "url": child.get_url(request), "active": current_path.startswith(child.path)}
        for child in home.get_children().live().in_menu()
    ]
