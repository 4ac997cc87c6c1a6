from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    name = "volunteers"
    verbose_name = _("Volunteers")

    def ready(self):
        from portal.core import freshness
        from volunteers import privacy, signals  # noqa: F401 (privacy registers its part)
        from volunteers.models import TrainingPage

        signals.connect()
        # Trainings leave "upcoming" and open or close registration by the clock.
        freshness.register_schedule(TrainingPage.next_change)
