"""Codes that people read aloud, copy from paper and type on a phone.

One alphabet for every code: no 0/O, 1/I/L or 5/S, so a code read over a phone
line or typed from a printout is not misheard or mistyped. 29 symbols: 8 of
them make about 5·10^11 codes, unguessable at the lookup throttles' rates.
"""

import secrets

ALPHABET = "ABCDEFGHJKMNPQRTUVWXYZ2346789"


def new_code(groups=2, size=4):
    """A random code of `groups` blocks of `size` symbols joined by dashes, e.g. K7QM-3XTA."""
    return "-".join("".join(secrets.choice(ALPHABET) for _ in range(size)) for _ in range(groups))


def normalize_code(text, groups=2, size=4, max_length=20):
    """What people type, as stored: upper case, no spaces, the dashes where they belong.

    Input of another length is returned cleaned but not regrouped (it will
    simply not be found).
    """
    raw = "".join(ch for ch in str(text or "").upper() if ch.isalnum())[:max_length]
    if len(raw) != groups * size:
        return raw
    return "-".join(raw[i : i + size] for i in range(0, len(raw), size))
