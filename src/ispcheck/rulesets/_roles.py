"""The roles findings refer decisions to, for the rule sets (defined in :mod:`ispcheck.roles`)."""

from ..roles import *  # noqa: F403  (the rule sets' short name for them)
from ..roles import __all__ as __all__
