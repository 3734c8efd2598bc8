"""The contract's closed vocabularies and limits, with no validation library attached.

The contract models (:mod:`ispcheck.disclosure`, pydantic) and the fast view (:mod:`ispcheck.view`,
msgspec) both take their allowed values from here, so there is one list of each. Keeping this
module free of pydantic lets a valid disclosure be decided without building the contract models.
"""

from __future__ import annotations

import json
from typing import Any, Literal, get_args

__all__ = [
    "LABELLED_BY_PACK",
    "NAME_MAX_LENGTH",
    "OPTIONAL_GROUPS",
    "SCHEDULE1_PART3_ONLY",
    "TEXT_MAX_LENGTH",
    "VOCABULARY",
    "Article6",
    "Article9",
    "Category",
    "Channel",
    "Classification",
    "ConsentStatus",
    "Distribution",
    "EvidenceUser",
    "Exemption",
    "FromMeeting",
    "Gateway",
    "MeetingSetting",
    "NotApplicable",
    "OrganisationKind",
    "PurposeCode",
    "Regime",
    "Role",
    "Schedule1Condition",
    "Schedule8Condition",
    "Setting",
    "SpecialCategoryType",
    "not_a_yes_or_no",
    "without_null_groups",
]

Role = Literal["victim", "offender", "suspect", "witness", "vulnerable_person", "other"]
Category = Literal["anonymised", "aggregated", "personal", "special_category", "criminal_offence"]
SpecialCategoryType = Literal[
    "race_or_ethnicity",
    "political_opinions",
    "religious_beliefs",
    "trade_union_membership",
    "genetic",
    "biometric",
    "health",
    "sex_life_or_orientation",
]
PurposeCode = Literal[
    "detect_crime",
    "prevent_crime",
    "apprehend_offender",
    "prosecute_offender",
    "reduce_reoffending",
    "reduce_asb",
    "substance_misuse",
    "serious_violence",
    "safeguarding",
    "protect_life",
    "strategic_analysis",
    "other",
]
Article6 = Literal[
    "consent",
    "contract",
    "legal_obligation",
    "vital_interests",
    "public_task",
    "legitimate_interests",
]
Article9 = Literal[
    "explicit_consent",
    "vital_interests",
    "substantial_public_interest",
    "legal_claims_or_courts",
    "health_or_social_care",
]
Schedule1Condition = Literal[
    "preventing_or_detecting_unlawful_acts",
    "safeguarding_children_and_individuals_at_risk",
    "statutory_and_government_purposes",
    "administration_of_justice",
    "protecting_the_public",
    "preventing_fraud",
    "counselling",
    "consent_criminal_offence",
    "vital_interests_criminal_offence",
    "legal_claims",
]
#: The Schedule 1 conditions in Part 3 of the Schedule (paragraphs 29 to 37): they serve criminal
#: offence data only (DPA 2018 s.10(5)), never special category data (s.10(3) needs Part 2).
SCHEDULE1_PART3_ONLY: tuple[str, ...] = (
    "consent_criminal_offence",
    "vital_interests_criminal_offence",
    "legal_claims",
)
#: Which data protection law the share is made under: the UK GDPR with DPA 2018 Part 2 (null or
#: missing reads as this), or DPA 2018 Part 3 (a competent authority, for a law enforcement purpose).
Regime = Literal["uk_gdpr", "law_enforcement"]
#: The conditions for sensitive processing under DPA 2018 Part 3 (Schedule 8, paragraphs 1 to 9).
Schedule8Condition = Literal[
    "statutory_purposes",
    "administration_of_justice",
    "protecting_individuals_vital_interests",
    "safeguarding_children_and_individuals_at_risk",
    "personal_data_in_public_domain",
    "legal_claims",
    "judicial_acts",
    "preventing_fraud",
    "archiving",
]
Gateway = Literal["crime_and_disorder_act_s115", "children_act", "care_act", "other_statute", "common_law"]
Exemption = Literal["crime_and_taxation"]
ConsentStatus = Literal["obtained", "refused", "withdrawn", "not_sought"]
Classification = Literal["OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET"]
Channel = Literal[
    "secure_email",
    "encrypted_attachment",
    "standard_email",
    "secure_case_system",
    "courier",
    "in_meeting",
    "in_person",
    "phone",
    "post",
    "messaging_app",
    "personal_device",
]
MeetingSetting = Literal[
    "community_impact_group",
    "vulnerability_meeting",
    "problem_solving_meeting",
    "domestic_homicide_review",
    "hate_crime_meeting",
    "case_management_meeting",
    "mappa",
    "marac",
    "iom_case_conference",
    "early_help_panel",
    "channel_panel",
    "socjag",
    "csp_meeting",
    "other_meeting",
]
Setting = Literal["outside_meeting", MeetingSetting]
#: Where information was first shared: "none" (not at a meeting), or the meeting.
FromMeeting = Literal["none", MeetingSetting]
#: Who wants to use the information as evidence: the recipient (a partner asking the data owner,
#: so 7.2's request forms apply), or the discloser serving its own evidence under court rules.
EvidenceUser = Literal["recipient", "discloser"]
#: The one word a request form fact accepts besides yes and no: no form is needed, because the
#: discloser serves its own evidence (accepted as such only then: see the evidence rules).
NotApplicable = Literal["not_applicable"]
#: What kind of organisation a discloser or recipient is: enough to decide whether it is a
#: "relevant authority" under section 115(2) of the Crime and Disorder Act 1998, and whether it is
#: certainly a public authority. What each kind means, and what follows from it, is in
#: :mod:`ispcheck.kinds`.
OrganisationKind = Literal[
    "police",
    "other_police",
    "local_policing_body",
    "local_authority",
    "parish_council",
    "fire_and_rescue",
    "probation",
    "prison",
    "health_commissioner",
    "health_provider",
    "government",
    "school",
    "housing_provider",
    "voluntary",
    "business",
    "other",
    "private_individual",
]
#: How a message with more than one recipient goes: to one recipient only, to several who cannot
#: see one another (blind copies, or separate messages), or to several who can.
Distribution = Literal["one", "several_hidden", "several_visible"]

#: Every closed vocabulary of the contract, by the name the pack and the docs use for it.
VOCABULARY: dict[str, tuple[str, ...]] = {
    "role": get_args(Role),
    "category": get_args(Category),
    "special_category_type": get_args(SpecialCategoryType),
    "purpose": get_args(PurposeCode),
    "article6": get_args(Article6),
    "article9": get_args(Article9),
    "schedule1_condition": get_args(Schedule1Condition),
    "regime": get_args(Regime),
    "schedule8_condition": get_args(Schedule8Condition),
    "gateway": get_args(Gateway),
    "exemption": get_args(Exemption),
    "consent_status": get_args(ConsentStatus),
    "classification": get_args(Classification),
    "channel": get_args(Channel),
    "distribution": get_args(Distribution),
    "setting": ("outside_meeting", *get_args(MeetingSetting)),
    "organisation_kind": get_args(OrganisationKind),
    "evidence_user": get_args(EvidenceUser),
}

#: The longest organisation name and the longest free text the contract accepts.
NAME_MAX_LENGTH = 200
TEXT_MAX_LENGTH = 5000

#: Groups that may be null, meaning "none of these facts is known" (as the contract reads it).
OPTIONAL_GROUPS = frozenset({"subjects", "lawful_basis", "consent", "necessity", "accuracy", "context"})


def without_null_groups(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with its null optional groups left out: "none of these facts is known".

    Callers ask ``None in data.values()`` first: most disclosures have no null at all.
    """
    return {k: v for k, v in data.items() if not (v is None and k in OPTIONAL_GROUPS)}


def not_a_yes_or_no(given: Any) -> str:
    """What to say of a yes/no fact given as anything but true, false or null ("no", 1, "on")."""
    if isinstance(given, str | int | float):
        shown = json.dumps(given, ensure_ascii=False)
        if len(shown) > 60:
            shown = shown[:57] + "..."
    elif isinstance(given, list | tuple):
        shown = "a list"
    elif isinstance(given, dict):
        shown = "an object"
    else:
        shown = f"a {type(given).__name__}"
    return f"must be true or false (a JSON boolean), or null if not known; got {shown}"


#: The contract facts whose values the pack's vocabulary labels, with the vocabulary that does.
LABELLED_BY_PACK: dict[str, str] = {
    "purpose.code": "purpose",
    "lawful_basis.article6": "article6",
    "lawful_basis.article9": "article9",
    "lawful_basis.schedule1_condition": "schedule1_condition",
    "lawful_basis.regime": "regime",
    "lawful_basis.schedule8_condition": "schedule8_condition",
    "lawful_basis.gateway": "gateway",
    "lawful_basis.exemption": "exemption",
    "handling.classification": "classification",
}
