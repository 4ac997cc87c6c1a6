"""Translate a page or snippet through wagtail-localize from code.

Demo content and data migrations use this so that their English versions are
real wagtail-localize translations: editors later see and change them in the
translation editor, and source edits sync as they would for any other page.
"""

from django.db import transaction

from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


@transaction.atomic
def translate(instance, locale, strings, user=None):
    """Publish `instance` in `locale`, taking each source string's text from `strings`.

    `strings` maps source text to translated text; a source string without an
    entry keeps its original text (wagtail-localize's fallback). Returns the
    translated instance.
    """
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = strings.get(segment.string.data)
        if text is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    translation.save_target(user=user, publish=True)
    return instance.get_translation(locale)
