"""Who a finding refers the decision to. Roles only: the pack's register names the people.

Public, because the rule sets name them in findings and the command line reads them back (to say
"your Data Protection Officer" to an organisation that has no Designated Officer).
"""

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

DESIGNATED_OFFICER = "your organisation's Designated Officer"
DPO = "your Data Protection Officer"
#: An organisation that has not signed has no Designated Officer under the protocol (8.1).
OWN_DATA_PROTECTION_LEAD = (
    "your Data Protection Officer (or whoever leads on data protection in your organisation)"
)
INVESTIGATOR = "the investigating officer and the Crown Prosecution Service"
ORIGINATOR = "the organisation or person the information came from"
CHAIR = "the meeting chair"
CHIEF_OFFICER_OF_POLICE = "the Chief Officer of Police"
DESIGNATED_OFFICERS = "the Designated Officers of both organisations"
#: Who decides a disclosure to a member of the public (Clare's Law, Sarah's Law, MAPPA).
SCHEME_DECISION_MAKER = (
    "whoever decides disclosures under the scheme that applies (for Clare's Law or Sarah's Law, "
    "the police with their multi-agency partners; for a MAPPA offender, the MAPPA meeting)"
)
