"""Calendar files (.ics) for visits and trainings people want in their phone's calendar."""

from django.http import HttpResponse
from django.utils import timezone

from icalendar import Calendar, Event


def ics_response(*, uid, summary, start, end, filename, location="", description="", url=""):
    calendar = Calendar()
    calendar.add("prodid", "-//Damkar Kota Jambi//portal//ID")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", summary)
    if location:
        event.add("location", location)
    if description:
        event.add("description", description)
    if url:
        event.add("url", url)
    calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
