from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

# Each app seeds its own demo content in `<app>/demo.py`, in this order.
DEMO_MODULES = [
    "home.demo",
    "education.demo",
    "reporting.incidents.demo",
    "reporting.inspections.demo",
    "volunteers.demo",
]


class Command(BaseCommand):
    help = "Build the demo site in Indonesian and English. Safe to run again: it only adds what is missing."

    def handle(self, *args, **options):
        if settings.SETTINGS_MODULE.endswith(".production"):
            raise CommandError("seed_demo creates a demo staff account and must not run with production settings.")
        for name in DEMO_MODULES:
            if find_spec(name) is None:
                continue
            self.stdout.write(self.style.MIGRATE_HEADING(f"Seeding {name.removesuffix('.demo')}…"))
            import_module(name).seed(self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Demo site ready."))
