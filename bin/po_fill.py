"""Fill translations into a gettext catalogue from a JSON object {msgid: msgstr}.

    .venv/bin/python bin/po_fill.py id /tmp/my-strings.json

Run `bin/messages` first so the msgids exist; this then compiles again. It
takes the same lock as bin/messages, so concurrent runs do not lose entries.
Plural entries take a list of forms as the value.
"""

import fcntl
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def main(language, json_path):
    strings = json.loads(Path(json_path).read_text(encoding="utf-8"))
    lock_path = Path(tempfile.gettempdir()) / "portal-messages.lock"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        po_path = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
        po = polib.pofile(str(po_path))
        missing = []
        for msgid, msgstr in strings.items():
            entry = po.find(msgid)
            if entry is None:
                missing.append(msgid)
                continue
            if entry.msgid_plural:
                forms = msgstr if isinstance(msgstr, list) else [msgstr]
                entry.msgstr_plural = {i: forms[min(i, len(forms) - 1)] for i in range(max(2, len(forms)))}
            else:
                entry.msgstr = msgstr
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        po.save()
        subprocess.run([sys.executable, str(ROOT / "bin" / "compile_messages.py")], check=True)  # noqa: S603
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    print(f"{language}: {len(strings) - len(missing)} set, {len(untranslated)} still untranslated, {len(fuzzy)} fuzzy")
    for msgid in fuzzy:
        print(f"  fuzzy (msgmerge's guess, not used by gettext): {msgid!r}")
    for msgid in missing:
        print(f"  not in catalogue (run bin/messages?): {msgid!r}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
