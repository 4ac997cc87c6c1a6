"""Durations as people say them: "14 mnt 37 dtk" / "14 min 37 s", never "0:14:37.112089".

`spoken(value)` takes a `timedelta` or a number of minutes (the dashboards'
figures) and returns the two largest units that matter, in the active language:
days and hours, hours and minutes, or minutes and seconds. Templates use the
`duration` filter (`{% load durations %}`), Python code calls `spoken()`.
"""

from datetime import timedelta

from django.utils.translation import pgettext

EMPTY = "—"


def spoken(value, empty=EMPTY):
    """`value` (timedelta, or minutes as a number) in words; `empty` for None."""
    if value is None or value == "":
        return empty
    if not isinstance(value, timedelta):
        value = timedelta(minutes=float(value))
    total = round(value.total_seconds())
    sign = "−" if total < 0 else ""
    total = abs(total)
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [
        pgettext("duration", "%(days)d d") % {"days": days} if days else "",
        pgettext("duration", "%(hours)d h") % {"hours": hours} if hours else "",
        pgettext("duration", "%(minutes)d min") % {"minutes": minutes} if minutes and not days else "",
        pgettext("duration", "%(seconds)d s") % {"seconds": seconds}
        if (seconds or not total) and not (days or hours)
        else "",
    ]
    return sign + " ".join(part for part in parts if part)
