"""The home page's "become a volunteer / upcoming trainings" section, in one query."""

from django import template
from django.utils import timezone

from portal.core.locales import active_locale
from volunteers.models import TrainingPage
from volunteers.models.trainings import with_seats

register = template.Library()


@register.inclusion_tag("volunteers/includes/home_section.html", takes_context=True)
def volunteer_home_section(context, limit=3):
    """Up to `limit` upcoming trainings in the page's language, with their seats.

    The link to all trainings is the trainings' parent, taken from the first
    training's URL, so the section costs a single query however much exists.
    """
    page = context.get("page")
    locale_id = page.locale_id if page is not None else active_locale().pk
    request = context.get("request")
    trainings = list(
        with_seats(TrainingPage.objects.live().filter(locale_id=locale_id, starts_at__gte=timezone.now())).order_by(
            "starts_at"
        )[:limit]
    )
    index_url = ""
    if trainings:
        url = trainings[0].get_url(request) or ""
        index_url = url.rstrip("/").rsplit("/", 1)[0] + "/" if url else ""
    return {"request": request, "trainings": trainings, "index_url": index_url}
