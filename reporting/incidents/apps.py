from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IncidentsConfig(AppConfig):
    name = "reporting.incidents"
    # The label the data and migrations were created under.
    label = "reporting"
    verbose_name = _("Incidents")
