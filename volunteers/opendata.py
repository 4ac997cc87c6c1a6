"""Published volunteering figures: trainings held, attendance and active volunteers per month."""

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.opendata import Column, Dataset, register
from volunteers.models import Registration, TrainingPage


def volunteering(since):
    now = timezone.now()
    months = {}
    # A training exists once per language: count it once, by its translation key.
    trainings = (
        TrainingPage.objects.live()
        .filter(starts_at__gte=since, starts_at__lt=now)
        .annotate(month=TruncMonth("starts_at"))
        .values("month")
        .annotate(n=Count("translation_key", distinct=True))
    )
    for row in trainings:
        months.setdefault(row["month"].strftime("%Y-%m"), {})["trainings_held"] = row["n"]
    attendance = (
        Registration.objects.filter(attended=True, training__starts_at__gte=since, training__starts_at__lt=now)
        .annotate(month=TruncMonth("training__starts_at"))
        .values("month")
        .annotate(n=Count("pk"), people=Count("user", distinct=True))
    )
    for row in attendance:
        slot = months.setdefault(row["month"].strftime("%Y-%m"), {})
        slot["attendances"] = row["n"]
        slot["volunteers_active"] = row["people"]
    return [
        {
            "month": month,
            "trainings_held": values.get("trainings_held", 0),
            "attendances": values.get("attendances", 0),
            "volunteers_active": values.get("volunteers_active", 0),
        }
        for month, values in sorted(months.items())
    ]


register(
    Dataset(
        slug="volunteering",
        title=_("Trainings and active volunteers per month"),
        description=_(
            "Trainings held for volunteers and the public, the attendances marked by coordinators, and the number "
            "of different people who attended at least one training that month."
        ),
        columns=(
            Column("month", "month", _("Month"), _("Month the training took place.")),
            Column("trainings_held", "number", _("Trainings held"), _("Trainings held.")),
            Column("attendances", "count", _("Attendances"), _("Attendances marked present.")),
            Column("volunteers_active", "count", _("People who attended"), _("Different people who attended.")),
        ),
        rows=volunteering,
        chart="attendances",
    )
)
