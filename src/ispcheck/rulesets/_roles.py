"""The roles findings refer decisions to, for the rule sets (defined in :mod:`ispcheck.roles`)."""

from ..roles import (
    CHAIR,
    CHIEF_OFFICER_OF_POLICE,
    DESIGNATED_OFFICER,
    DESIGNATED_OFFICERS,
    DPO,
    INVESTIGATOR,
    ORIGINATOR,
    OWN_DATA_PROTECTION_LEAD,
    SCHEME_DECISION_MAKER,
)

__all__ = [
    "CHAIR",
    "CHIEF_OFFICER_OF_POLICE",
    "DESIGNATED_OFFICER",
    "DESIGNATED_OFFICERS",
    "DPO",
    "INVESTIGATOR",
    "ORIGINATOR",
    "OWN_DATA_PROTECTION_LEAD",
    "SCHEME_DECISION_MAKER",
]
