"""One notion of who is asking: the client's address, and DRF throttles keyed by it.

`X-Forwarded-For` is written by whoever sends the request, so it is believed
only as far as it was written by proxies we run. `TRUSTED_PROXIES` (setting,
from the environment) lists their addresses or networks. Starting from the
direct peer (`REMOTE_ADDR`) and walking the header from the right, every
trusted hop is skipped; the first untrusted address is the client. With no
trusted proxies the header is ignored altogether.

Rate limits (DRF throttles, `portal.core.ratelimit`), login protection
(django-axes) and anything that records an address use `client_ip()`.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

from rest_framework import throttling


@lru_cache(maxsize=8)
def _networks(proxies):
    return tuple(ipaddress.ip_network(p.strip(), strict=False) for p in proxies if p.strip())


def _parse(value):
    value = value.strip()
    if value.startswith("[") and "]" in value:  # "[2001:db8::1]:443"
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # "203.0.113.7:51234"
        value = value.split(":", 1)[0]
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def is_trusted(address):
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    return address is not None and any(address in network for network in networks)


def client_ip(request):
    """The client's address as a string ("unknown" when the peer gave none)."""
    peer = _parse(request.META.get("REMOTE_ADDR", ""))
    if peer is None:
        return "unknown"
    if not is_trusted(peer):
        return str(peer)
    client = peer
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _parse(hop)
        if address is None:
            # Garbage a trusted proxy passed on: the last hop we can name is the answer.
            break
        client = address
        if not is_trusted(address):
            break
    return str(client)


class ClientIdentMixin:
    """DRF throttles identify anonymous clients by `client_ip()`, not by a raw header.

    DRF's own `get_ident` believes `X-Forwarded-For` from anyone (or counts a fixed
    number of proxies with NUM_PROXIES), so a made-up header escapes every limit.
    """

    def get_ident(self, request):
        return client_ip(request)


class AnonRateThrottle(ClientIdentMixin, throttling.AnonRateThrottle):
    pass


class UserRateThrottle(ClientIdentMixin, throttling.UserRateThrottle):
    pass


class ScopedRateThrottle(ClientIdentMixin, throttling.ScopedRateThrottle):
    pass
