from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class InspectionsConfig(AppConfig):
    name = "reporting.inspections"
    label = "inspections"
    verbose_name = _("Inspections")

    def ready(self):
        from . import privacy  # noqa: F401 (registers this app's part of a person's data)

        # After every migrate, and every flush, which emits post_migrate too.
        post_migrate.connect(sync_checklists, sender=self, dispatch_uid="inspections.sync_checklists")


def sync_checklists(**kwargs):
    """The department's default checklists, when missing; templates staff edited are left alone."""
    from .checklist import seed_templates
    from .models import ChecklistItem, ChecklistTemplate

    seed_templates(ChecklistTemplate, ChecklistItem)
