"""Wagtail locales, read once per process.

A locale row changes only when a content language is added (a settings change
and a restart), yet every public page asked the database for the active one
several times. The rows are kept in memory here; saving or deleting a locale
clears them (signals below), and an unknown code or id falls back to the
database, so a locale added by another process is still found.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import get_language

from wagtail.models import Locale

_by_code = {}
_by_id = {}


def _remember(locale):
    _by_code[locale.language_code] = locale
    _by_id[locale.pk] = locale
    return locale


def active_locale():
    """Locale.get_active(), without a query after the first time."""
    code = get_language()
    locale = _by_code.get(code)
    return locale if locale is not None else _remember(Locale.get_active())


def default_locale():
    """Locale.get_default(), without a query after the first time."""
    from django.conf import settings

    locale = _by_code.get(settings.LANGUAGE_CODE)
    return locale if locale is not None else _remember(Locale.get_default())


def locale_by_id(pk):
    """The locale with this primary key, without a query after the first time."""
    locale = _by_id.get(pk)
    return locale if locale is not None else _remember(Locale.objects.get(pk=pk))


def attach_locales(objects):
    """Set `.locale` on each object (pages, snippets) from memory: no query per object."""
    for obj in objects:
        obj.locale = locale_by_id(obj.locale_id)
    return objects


@receiver(post_save, sender=Locale)
@receiver(post_delete, sender=Locale)
def forget_locales(**kwargs):
    _by_code.clear()
    _by_id.clear()
