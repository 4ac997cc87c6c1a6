from .category import Category, Family
from .incident import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    STATUS_COLOURS,
    Incident,
    IncidentEvent,
    IncidentPhoto,
    Source,
    Status,
    new_tracking_code,
    normalize_tracking_code,
)
from .station import FireStation

__all__ = [
    "CLOSED_STATUSES",
    "OPEN_STATUSES",
    "STATUS_COLOURS",
    "Category",
    "Family",
    "FireStation",
    "Incident",
    "IncidentEvent",
    "IncidentPhoto",
    "Source",
    "Status",
    "new_tracking_code",
    "normalize_tracking_code",
]
