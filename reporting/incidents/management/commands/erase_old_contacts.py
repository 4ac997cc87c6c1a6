"""Daily (cron or a systemd timer): erase reporters' contact details of incidents closed
longer than INCIDENT_CONTACT_RETENTION_DAYS (UU 27/2022 art. 43: no longer than needed)."""

from django.core.management.base import BaseCommand

from reporting.incidents.privacy import erase_expired_contacts


class Command(BaseCommand):
    help = "Erase reporters' contact details of incidents closed longer than the retention period."

    def handle(self, *args, **options):
        count = erase_expired_contacts()
        self.stdout.write(f"Contact details erased from {count} incident(s).")
