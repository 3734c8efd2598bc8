"""Who a finding refers the decision to. Roles only: the pack's register names the people."""

DESIGNATED_OFFICER = "your organisation's Designated Officer"
DPO = "your Data Protection Officer"
INVESTIGATOR = "the investigating officer and the Crown Prosecution Service"
ORIGINATOR = "the organisation or person the information came from"
CHAIR = "the meeting chair"
CHIEF_OFFICER_OF_POLICE = "the Chief Officer of Police"
DESIGNATED_OFFICERS = "the Designated Officers of both organisations"
