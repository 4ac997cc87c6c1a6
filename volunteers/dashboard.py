"""The Coordinators' home panel: applications awaiting a decision, trainings filling up,
attendance still to mark; a fixed number of queries."""

from django.db.models import Count, F
from django.utils import timezone

from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from volunteers.models import Registration, TrainingPage, VolunteerProfile
from volunteers.models.trainings import with_seats

LIMIT = 5
FILLING_SHARE = 0.8  # a training is "filling up" from 80 % of its seats taken


def coordinator_figures(now=None):
    now = now or timezone.now()
    pending = VolunteerProfile.objects.filter(status=VolunteerProfile.Status.PENDING)
    upcoming = with_seats(TrainingPage.objects.live().filter(starts_at__gte=now, locale=Locale.get_default())).filter(
        confirmed_count__gte=F("capacity") * FILLING_SHARE
    )
    to_mark = (
        Registration.objects.filter(
            status=Registration.Status.CONFIRMED, attended__isnull=True, training__starts_at__lt=now
        )
        .order_by()
        .values("training_id", "training__title", "training__starts_at")
        .annotate(count=Count("pk"))
        .order_by("training__starts_at")
    )
    return {
        "pending_count": pending.count(),
        "pending": list(pending.order_by("created_at")[:LIMIT]),
        "filling": list(upcoming.order_by("starts_at")[:LIMIT]),
        "to_mark": list(to_mark[:LIMIT]),
    }


class CoordinatorPanel(Component):
    name = "volunteers_coordinator"
    order = 40
    template_name = "volunteers/admin/home_panel.html"

    def get_context_data(self, parent_context):
        return coordinator_figures()
