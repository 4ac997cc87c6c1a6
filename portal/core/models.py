"""The plumbing's concrete models: the city's areas (defined with the rest of `places`)."""

from portal.core.places import Kecamatan, Kelurahan

__all__ = ["Kecamatan", "Kelurahan"]
