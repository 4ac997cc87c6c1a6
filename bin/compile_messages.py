"""Compile the .po catalogues: Django's compilemessages where GNU gettext is
installed, polib (a pure-Python library) on machines without it."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    if shutil.which("msgfmt"):
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "portal.settings.dev")}
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "compilemessages", "--ignore=.venv", "--ignore=node_modules"],
            cwd=ROOT,
            check=True,
            env=env,
        )
        return
    import polib

    for po_path in ROOT.glob("**/locale/*/LC_MESSAGES/*.po"):
        if ".venv" in po_path.parts or "node_modules" in po_path.parts:
            continue
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
        print(f"compiled {po_path.relative_to(ROOT)} (polib)")


if __name__ == "__main__":
    main()
