"""Template tags every public page uses: the department's contacts in the active
language, the menu, and the links to this page in each language."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from wagtail.models import Page

from home.shell import get_shell
from portal.core import freshness

register = template.Library()


@register.simple_tag(takes_context=True)
def department(context):
    """The site's contacts (numbers, address, hotlines) with `.localized_identity` in the active language."""
    request = context.get("request")
    return get_shell(request).contacts if request is not None else None


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """The localized home page's live children marked "show in menus"."""
    request = context.get("request")
    if request is None:
        return []
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    return [{**item, "active": current_path.startswith(item["path"])} for item in get_shell(request).menu]


@register.simple_tag(takes_context=True)
def home_url(context):
    """The home page in the active language."""
    request = context.get("request")
    home = get_shell(request).homes.get(get_language()) if request is not None else None
    return home["url"] if home else f"/{get_language()}/"


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
    is_page = isinstance(page, Page) and page.pk is not None
    translations = _translation_urls(request, page) if is_page else {}

    homes = get_shell(request).homes
    versions = []
    for code, _name in settings.LANGUAGES:
        if is_page:
            available = code in translations
            fallback = homes[code]["url"] if code in homes else f"/{code}/"
            url = translations[code] if available else fallback
        else:
            available = True
            url = translate_url(request.get_full_path(), code)
        versions.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "available": available,
                "current": code == current,
            }
        )
    request._language_versions = versions
    return versions


def _translation_urls(request, page):
    """{language code: URL} of the page's live translations, kept until the content changes."""

    def urls():
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        return {translation.locale.language_code: translation.get_url(request) for translation in translations}

    return freshness.remember(f"translations:{request.get_host()}:{page.pk}", urls)


@register.filter
def tel(number):
    """A phone number as written for people, made dialable: digits and a leading +."""
    number = str(number or "").strip()
    digits = "".join(ch for ch in number if ch.isdigit())
    return f"+{digits}" if number.startswith("+") else digits


@register.filter
def data_kind(value):
    """For the readable copy of a person's data: "map", "list" or "value"."""
    if isinstance(value, dict):
        return "map"
    if isinstance(value, (list, tuple)):
        return "list"
    return "value"


@register.filter
def data_label(key):
    """A data key as a heading: `date_of_birth` → "Date of birth"."""
    return str(key).replace("_", " ").capitalize()
