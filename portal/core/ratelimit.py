"""A per-client rate limit for the HTML report form, sharing the API's rate.

DRF throttles the API (`incident_create` scope); the form uses the same rate
from REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] and the same cache, counted per
client address (`portal.core.clients.client_ip`) in a fixed window.
"""

from django.conf import settings
from django.core.cache import cache

from portal.core.clients import client_ip

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate):
    count, period = rate.split("/")
    return int(count), PERIODS[period[0]]


def allow(request, scope="incident_create"):
    """Count one attempt; False when the client is over the limit."""
    rate = settings.REST_FRAMEWORK.get("DEFAULT_THROTTLE_RATES", {}).get(scope)
    if not rate:
        return True
    limit, seconds = parse_rate(rate)
    key = f"ratelimit:{scope}:{client_ip(request)}"
    if cache.add(key, 1, timeout=seconds):
        return True
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=seconds)
        return True
    return count <= limit
