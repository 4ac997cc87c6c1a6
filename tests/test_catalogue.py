"""The Indonesian catalogue is complete: no message left untranslated or fuzzy.

gettext skips fuzzy entries, so a msgid that msgmerge matched to a neighbour's
translation ("Alerts by email" guessed as "email pelapor") would show in English.
"""

from pathlib import Path

import polib

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "id" / "LC_MESSAGES" / "django.po"


def test_indonesian_catalogue_has_no_untranslated_or_fuzzy_entry():
    po = polib.pofile(str(CATALOGUE))
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
