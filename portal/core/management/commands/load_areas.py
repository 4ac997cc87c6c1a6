from django.core.management.base import BaseCommand

from portal.core.places import JAMBI_AREAS, load_areas


class Command(BaseCommand):
    help = "Load kecamatan and kelurahan from a CSV of Kemendagri codes (code,name,level)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(JAMBI_AREAS))

    def handle(self, *args, path, **options):
        kecamatan, kelurahan = load_areas(path)
        self.stdout.write(f"Areas: {kecamatan} kecamatan and {kelurahan} kelurahan added.")
