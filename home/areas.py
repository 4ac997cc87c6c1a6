"""Load a city's kecamatan and kelurahan from a CSV of Kemendagri codes.

The file has the columns code,name,level with levels kota, kecamatan and
kelurahan; a kelurahan's code starts with its kecamatan's code.
"""

import csv
from pathlib import Path

from django.db import transaction

from home.models import Kecamatan, Kelurahan

JAMBI_AREAS = Path(__file__).resolve().parent / "data" / "jambi_wilayah.csv"


@transaction.atomic
def load_areas(path=JAMBI_AREAS):
    """Create the areas that are missing; return (kecamatan created, kelurahan created)."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))

    existing_kec = {k.code: k for k in Kecamatan.objects.all()}
    new_kec = [
        Kecamatan(code=row["code"], name=row["name"])
        for row in rows
        if row["level"] == "kecamatan" and row["code"] not in existing_kec
    ]
    Kecamatan.objects.bulk_create(new_kec)
    by_code = {k.code: k for k in Kecamatan.objects.all()}

    existing_kel = set(Kelurahan.objects.values_list("code", flat=True))
    new_kel = []
    for row in rows:
        if row["level"] != "kelurahan" or row["code"] in existing_kel:
            continue
        parent_code = row["code"].rsplit(".", 1)[0]
        new_kel.append(Kelurahan(code=row["code"], name=row["name"], kecamatan=by_code[parent_code]))
    Kelurahan.objects.bulk_create(new_kel)
    return len(new_kec), len(new_kel)
