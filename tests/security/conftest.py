# The fixtures of the apps under attack: categories, areas, staff.
from ..incidents.conftest import _fresh_cache, category, dispatcher, kecamatan, reporting_setup  # noqa: F401
from ..inspections.conftest import areas  # noqa: F401
