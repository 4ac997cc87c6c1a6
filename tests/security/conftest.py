# The fixtures of the apps under attack: categories, areas, staff.
from ..incidents.conftest import (  # noqa: F401
    _fresh_cache,
    category,
    dispatcher,
    kecamatan,
    make_incident,
    payload,
    reporting_setup,
)
from ..inspections.conftest import areas  # noqa: F401
