from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class IncidentsConfig(AppConfig):
    name = "reporting.incidents"
    # The label the data and migrations were created under.
    label = "reporting"
    verbose_name = _("Incidents")

    def ready(self):
        from portal.core import reference as codes

        from .models import Category
        from .reference import sync_categories

        # Report codes are answered from memory; a saved or deleted category reloads them.
        codes.watch(Category)

        # After every migrate, and every flush, which emits post_migrate too.
        post_migrate.connect(sync_categories, sender=self, dispatch_uid="reporting.sync_categories")
