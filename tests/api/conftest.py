# The fixtures of the apps whose operations the contract tests call.
from ..incidents.conftest import _fresh_cache, category, kecamatan, reporting_setup  # noqa: F401
from ..inspections.conftest import applicant, areas, inspector, make_request  # noqa: F401
