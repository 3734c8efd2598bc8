"""The step library: plain phrases from the features, mapped onto the disclosure contract.

Every scenario starts from **an ordinary lawful share** (the clean disclosure of
``tests/conftest.py``: Warwickshire Police propose to share a victim's current address with Rugby
Borough Council by secure email, to prevent crime, on public task and section 115, with every
question of Appendix 2 answered well) and changes one or two facts, in the protocol's words. The
fixture :func:`ordinary_disclosure` gives it; a module running another pack's features overrides
that fixture (with its own signatories), and ``pack`` and ``checker`` with it.

Each phrase is declared once with :func:`phrase`, which builds the step's pattern from a readable
template. The choices a placeholder accepts are listed with it, so a misspelt choice is a missing
step (and ``scripts/missing-steps.sh`` says so), and the lawyers' list of phrases in
``features/README.md`` is generated from these declarations (a test keeps the two the same).

Steps that prove a clause (``proves=...``) are what the coverage check reads: a scenario tagged
``@fires`` must show each of its clauses raised, one tagged ``@does-not-fire`` must show each not
raised.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

import pytest
from pytest_bdd import given, parsers, then, when

from ispcheck import Checker, Decision
from ispcheck.decision import Effect, Finding
from tests.conftest import clean_disclosure

Kind = Literal["given", "when", "then"]
Proof = Literal["fires", "does-not-fire"]

# -- vocabulary: the protocol's words for the contract's values --------------------------------


@dataclass(frozen=True)
class Free:
    """A placeholder filled with free text: what it means, and the pattern it must match."""

    meaning: str
    pattern: str = r".+?"


ORGANISATION = Free(
    "an organisation's name as in the signatory register, or *an agency that has not signed the "
    "protocol*, *a council that has not signed the protocol*, *the Police and Crime "
    "Commissioner*, or *a member of the public* (see Organisations above)"
)
CLAUSE = Free(
    "a clause id as the protocol numbers it: 4.6, A2.Q5, A9 (in the example pack: S4(d), Sch5)",
    r"[0-9A-Za-z.()]+",
)
TEXT = Free("words that appear in what the answer says (capitals and full stops do not matter)", r".+")
DATE = Free("a date such as 1 March 2025", r"\d{1,2} [A-Z][a-z]+ \d{4}")
RESTRICTION = Free("the limit the person set, in your own words")

#: Organisations named by description rather than by name.
ORGANISATIONS = {
    "an agency that has not signed the protocol": "Avon Valley Community Kitchen",
    "a council that has not signed the protocol": "Coventry City Council",
    "the Police and Crime Commissioner": "Warwickshire Police and Crime Commissioner",
    "a member of the public": "The applicant",
}

#: Kinds of organisation (the contract's ``organisation_kind``), in words.
KINDS = {
    "a police force": "police",
    "a council": "local_authority",
    "a parish council": "parish_council",
    "a fire and rescue authority": "fire_and_rescue",
    "a probation service": "probation",
    "an integrated care board": "health_commissioner",
    "an NHS hospital trust": "health_provider",
    "a housing association": "housing_provider",
    "a charity": "voluntary",
    "a private person": "private_individual",
}

#: Whether several recipients of one message can see one another (``handling.distribution``).
DISTRIBUTIONS = {
    "can see one another": "several_visible",
    "cannot see one another": "several_hidden",
}

#: The smallest number in a table of figures, in digits.
COUNT = Free("a whole number in digits, such as 1 or 12", r"\d+")

PROPOSE = {"propose": "propose", "proposes": "proposes"}

PEOPLE: dict[str, dict[str, Any]] = {
    "a victim": {"role": "victim", "is_child": False},
    "a child victim": {"role": "victim", "is_child": True},
    "a child": {"role": "other", "is_child": True},
    "an offender": {"role": "offender", "is_child": False},
    "a young offender": {"role": "offender", "is_child": True},
    "a suspect": {"role": "suspect", "is_child": False},
    "a witness": {"role": "witness", "is_child": False},
    "a vulnerable adult": {"role": "vulnerable_person", "is_child": False},
}

_SPECIAL = {
    "article9": "substantial_public_interest",
    "schedule1_condition": "preventing_or_detecting_unlawful_acts",
}
_CRIMINAL = {"schedule1_condition": "preventing_or_detecting_unlawful_acts"}


@dataclass(frozen=True)
class Information:
    """A kind of personal information, with the ordinary legal basis recorded for it."""

    categories: tuple[str, ...]
    special_types: tuple[str, ...] = ()
    basis: Mapping[str, str] = field(default_factory=dict)


INFORMATION = {
    "address": Information(("personal",)),
    "current address": Information(("personal",)),
    "new address": Information(("personal",)),
    "name and date of birth": Information(("personal",)),
    "health information": Information(("personal", "special_category"), ("health",), _SPECIAL),
    "ethnicity": Information(("personal", "special_category"), ("race_or_ethnicity",), _SPECIAL),
    "religion": Information(("personal", "special_category"), ("religious_beliefs",), _SPECIAL),
    "sexual orientation": Information(
        ("personal", "special_category"), ("sex_life_or_orientation",), _SPECIAL
    ),
    "criminal record": Information(("personal", "criminal_offence"), (), _CRIMINAL),
    "health information and criminal record": Information(
        ("personal", "special_category", "criminal_offence"), ("health",), _SPECIAL
    ),
}

FIGURES = {"anonymised crime figures": "anonymised", "aggregated crime figures": "aggregated"}

ROUTES = {
    "by ordinary email": "standard_email",
    "by secure email": "secure_email",
    "as an attachment encrypted with a password": "encrypted_attachment",
    "on the partners' secure case system": "secure_case_system",
    "by courier": "courier",
    "by post": "post",
    "by phone": "phone",
    "in person, outside any meeting": "in_person",
    "by a messaging app": "messaging_app",
    "from a personal phone": "personal_device",
}

CLASSIFICATIONS = {c: c for c in ("OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET")}

MEETINGS = {
    "a Community Impact Operational Group": "community_impact_group",
    "a Vulnerability meeting": "vulnerability_meeting",
    "a Partnership Problem Solving meeting": "problem_solving_meeting",
    "a Domestic Homicide Review Panel": "domestic_homicide_review",
    "a Hate Crime meeting": "hate_crime_meeting",
    "a Case Management meeting": "case_management_meeting",
    "a Community Safety Partnership meeting": "csp_meeting",
    "a MAPPA meeting": "mappa",
    "a MARAC meeting": "marac",
    "an IOM case conference": "iom_case_conference",
    "an Early Help locality panel": "early_help_panel",
    "a Channel Panel": "channel_panel",
    "a SOCJAG meeting": "socjag",
    "a meeting the protocol does not list": "other_meeting",
    "the ASB Case Review Panel": "case_management_meeting",
}

MEETING_NAME = Free("the meeting's name, in your own words", r"[^\"]+")

PURPOSES = {
    "to detect crime": "detect_crime",
    "to prevent crime": "prevent_crime",
    "to catch an offender": "apprehend_offender",
    "to prosecute an offender": "prosecute_offender",
    "to reduce reoffending": "reduce_reoffending",
    "to reduce anti-social behaviour": "reduce_asb",
    "to tackle substance misuse": "substance_misuse",
    "to prevent serious violence": "serious_violence",
    "to safeguard a vulnerable person": "safeguarding",
    "to protect life": "protect_life",
    "strategic analysis": "strategic_analysis",
    "one the protocol does not cover": "other",
}

ARTICLE6 = {
    "public task": "public_task",
    "legal obligation": "legal_obligation",
    "vital interests": "vital_interests",
    "legitimate interests": "legitimate_interests",
    "consent": "consent",
    "contract": "contract",
}

ARTICLE9 = {
    "substantial public interest": "substantial_public_interest",
    "explicit consent": "explicit_consent",
    "vital interests": "vital_interests",
    "health or social care": "health_or_social_care",
    "legal claims or the courts": "legal_claims_or_courts",
}

SCHEDULE1 = {
    "preventing or detecting unlawful acts": "preventing_or_detecting_unlawful_acts",
    "protecting the public": "protecting_the_public",
    "consent, for criminal offence data": "consent_criminal_offence",
    "legal claims, for criminal offence data": "legal_claims",
}

SCHEDULE8 = {
    "administration of justice": "administration_of_justice",
    "statutory purposes": "statutory_purposes",
    "safeguarding of children and of individuals at risk": "safeguarding_children_and_individuals_at_risk",
}

GATEWAYS = {
    "section 115 of the Crime and Disorder Act 1998": "crime_and_disorder_act_s115",
    "the Children Act": "children_act",
    "the Care Act": "care_act",
    "another statute": "other_statute",
    "the common law": "common_law",
}

THE_PERSON = {
    p: p
    for p in (
        "the person",
        "the victim",
        "the child",
        "the offender",
        "the suspect",
        "the witness",
        "the vulnerable adult",
    )
}

REFUSALS = {"refused": "refused", "withdrew": "withdrawn"}

CONSIDERATIONS = {
    "sharing less information": "less_data_considered",
    "another way of achieving the same aim": "alternatives_considered",
    "the impact on the person": "impact_considered",
}

OUTCOMES = {
    "share": "share",
    "share with conditions": "share_with_conditions",
    "refer": "refer",
    "do not share": "do_not_share",
}

#: Who a referral names, in the words of the rules (src/ispcheck/roles.py).
REFER_TO = {
    "the investigating officer and the Crown Prosecution Service": (
        "the investigating officer and the Crown Prosecution Service"
    ),
    "the meeting chair": "the meeting chair",
    "the Data Protection Officer": "your Data Protection Officer",
    "the Designated Officer": "your organisation's Designated Officer",
    "their own Data Protection Officer": (
        "your Data Protection Officer (or whoever leads on data protection in your organisation)"
    ),
    "the organisation the information came from": "the organisation or person the information came from",
    "the Chief Officer of Police": "the Chief Officer of Police",
    "the Designated Officers of both organisations": "the Designated Officers of both organisations",
    "whoever decides under the disclosure scheme": (
        "whoever decides disclosures under the scheme that applies (for Clare's Law or Sarah's Law, "
        "the police with their multi-agency partners; for a MAPPA offender, the MAPPA meeting)"
    ),
}


# -- declaring phrases ------------------------------------------------------------------------


@dataclass(frozen=True)
class Phrase:
    """One step of the library: its template, its placeholders, and what it proves."""

    kind: Kind
    template: str
    placeholders: Mapping[str, Mapping[str, Any] | Free]
    proves: Proof | None
    pattern: re.Pattern[str]

    def matches(self, text: str) -> re.Match[str] | None:
        return self.pattern.fullmatch(text)


#: Every phrase of the library, in the order declared (which is the order documented).
PHRASES: list[Phrase] = []
_STEP = {"given": given, "when": when, "then": then}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _pattern(template: str, placeholders: Mapping[str, Mapping[str, Any] | Free]) -> str:
    parts: list[str] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[position : match.start()]))
        name = match.group(1)
        spec = placeholders[name]
        if isinstance(spec, Free):
            parts.append(f"(?P<{name}>{spec.pattern})")
        else:
            choices = sorted(spec, key=len, reverse=True)
            parts.append(f"(?P<{name}>{'|'.join(re.escape(c) for c in choices)})")
        position = match.end()
    parts.append(re.escape(template[position:]))
    return "".join(parts)


def phrase(
    kind: Kind,
    template: str,
    *,
    proves: Proof | None = None,
    target_fixture: str | None = None,
    **placeholders: Mapping[str, Any] | Free,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declare a step from a readable template such as ``it is sent {route}``.

    A placeholder given a mapping accepts exactly its keys, and the step function receives the
    mapped value; one given :class:`Free` accepts any text matching its pattern.
    """
    named = set(_PLACEHOLDER.findall(template))
    if named != set(placeholders):
        raise ValueError(f"phrase {template!r}: placeholders {sorted(named)} != {sorted(placeholders)}")
    pattern = _pattern(template, placeholders)
    converters = {name: spec.__getitem__ for name, spec in placeholders.items() if not isinstance(spec, Free)}

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        # stacklevel=2: pytest-bdd puts the step's fixture in the module that declares the phrase.
        _STEP[kind](parsers.re(pattern), converters=converters, target_fixture=target_fixture, stacklevel=2)(
            func
        )
        PHRASES.append(Phrase(kind, template, placeholders, proves, re.compile(pattern)))
        return func

    return register


# -- the case a scenario builds ---------------------------------------------------------------


@dataclass
class Case:
    """The proposed disclosure a scenario describes, and the decision once it is checked."""

    disclosure: dict[str, Any]
    today: date | None = None
    decision: Decision | None = None

    def set(self, path: str, value: Any) -> None:
        *parents, last = path.split(".")
        node = self.disclosure
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value

    def decided(self) -> Decision:
        if self.decision is None:
            raise AssertionError(
                "The share has not been checked yet: add 'When the share is checked against the "
                "protocol' before the Then steps."
            )
        return self.decision


def organisation(name: str, checker: Checker) -> str:
    """The organisation a scenario names, which must be in the register unless described."""
    if name in ORGANISATIONS:
        return ORGANISATIONS[name]
    if checker.pack.register.exact(name) is None:
        near = [m.entry.name for m in checker.pack.register.search(name)[:3]]
        raise AssertionError(
            f"{name!r} is not in the signatory register (did you mean {', '.join(near) or 'none'}?). "
            "For an organisation that has not signed, write 'an agency that has not signed the "
            "protocol'."
        )
    return name


def _normalise(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split()).rstrip(".")


def _contains(haystack: str, needle: str) -> bool:
    return _normalise(needle) in _normalise(haystack)


def _share(case: Case, checker: Checker, discloser: str, recipient: str) -> None:
    own = organisation(discloser, checker)
    case.set("discloser.organisation", own)
    case.set("data.originator", own)
    case.set("recipient.organisation", organisation(recipient, checker))


# -- Given: the base, and who shares what with whom ------------------------------------------


@pytest.fixture
def ordinary_disclosure() -> dict[str, Any]:
    """The ordinary lawful share every scenario starts from (a fresh copy for each scenario)."""
    return clean_disclosure()


@phrase("given", "an ordinary lawful share", target_fixture="case")
def ordinary_lawful_share(ordinary_disclosure: dict[str, Any]) -> Case:
    return Case(ordinary_disclosure)


@phrase(
    "given",
    "{discloser} {propose} to share {person}'s {information} with {recipient}",
    target_fixture="case",
    discloser=ORGANISATION,
    propose=PROPOSE,
    person=PEOPLE,
    information=INFORMATION,
    recipient=ORGANISATION,
)
def propose_to_share(
    checker: Checker,
    ordinary_disclosure: dict[str, Any],
    discloser: str,
    person: dict[str, Any],
    information: Information,
    recipient: str,
) -> Case:
    case = Case(ordinary_disclosure)
    _share(case, checker, discloser, recipient)
    case.set("subjects", [dict(person)])
    case.set("data.categories", list(information.categories))
    case.set("data.special_category_types", list(information.special_types))
    for key, value in information.basis.items():
        case.set(f"lawful_basis.{key}", value)
    if len(information.categories) > 1:
        case.set("necessity.sensitive_data_necessary", True)
    return case


@phrase(
    "given",
    "{discloser} {propose} to share {figures} with {recipient}",
    target_fixture="case",
    discloser=ORGANISATION,
    propose=PROPOSE,
    figures=FIGURES,
    recipient=ORGANISATION,
)
def propose_to_share_figures(
    checker: Checker, ordinary_disclosure: dict[str, Any], discloser: str, figures: str, recipient: str
) -> Case:
    case = Case(ordinary_disclosure)
    _share(case, checker, discloser, recipient)
    case.set("subjects", [])
    case.set("data.categories", [figures])
    case.set("data.description", "crime figures for the area")
    return case


@phrase("given", "the recipient is recorded as {organisation_kind}", organisation_kind=KINDS)
def recipient_kind(case: Case, organisation_kind: str) -> None:
    case.set("recipient.kind", organisation_kind)


@phrase("given", "the recipient is the person the information is about")
def recipient_is_data_subject(case: Case) -> None:
    case.set("recipient.is_data_subject", True)


@phrase("given", "it is not known whether the recipient is the person the information is about")
def recipient_data_subject_unknown(case: Case) -> None:
    case.set("recipient.is_data_subject", None)


@phrase("given", "the same message also goes to {other}", other=ORGANISATION)
def also_goes_to(case: Case, checker: Checker, other: str) -> None:
    others = list(case.disclosure.get("recipient", {}).get("other_recipients") or ())
    case.set("recipient.other_recipients", [*others, organisation(other, checker)])


@phrase("given", "the recipients {distribution}", distribution=DISTRIBUTIONS)
def recipients_distribution(case: Case, distribution: str) -> None:
    case.set("handling.distribution", distribution)


@phrase("given", "it goes to the recipient alone")
def one_recipient(case: Case) -> None:
    case.set("handling.distribution", "one")


@phrase("given", "the smallest number in the figures is {count}", count=COUNT)
def smallest_count(case: Case, count: str) -> None:
    case.set("data.smallest_count", int(count))


@phrase("given", "the recipient has no secure email")
def no_secure_email(case: Case) -> None:
    case.set("recipient.has_secure_email", False)


@phrase("given", "it is not known whether the recipient has secure email")
def secure_email_unknown(case: Case) -> None:
    case.set("recipient.has_secure_email", None)


@phrase("given", "it is not said whose information it is")
def nobody_named(case: Case) -> None:
    case.set("subjects", [])


# -- Given: how it travels --------------------------------------------------------------------


@phrase("given", "it is sent {route}", route=ROUTES)
def sent_by(case: Case, route: str) -> None:
    case.set("handling.channel", route)


@phrase("given", "it is marked {classification}", classification=CLASSIFICATIONS)
def marked(case: Case, classification: str) -> None:
    case.set("handling.classification", classification)


@phrase("given", "it is shared at {meeting}", meeting=MEETINGS)
def shared_at(case: Case, meeting: str) -> None:
    case.set("context.setting", meeting)
    case.set("handling.channel", "in_meeting")


@phrase("given", "the route is given as in a meeting, but no meeting is named")
def in_meeting_without_meeting(case: Case) -> None:
    case.set("handling.channel", "in_meeting")
    case.set("context.setting", "outside_meeting")


@phrase("given", "the information was first shared at {meeting}", meeting=MEETINGS)
def first_shared_at(case: Case, meeting: str) -> None:
    case.set("context.from_meeting", meeting)


@phrase("given", 'the meeting is called "{meeting_name}"', meeting_name=MEETING_NAME)
def meeting_called(case: Case, meeting_name: str) -> None:
    case.set("context.meeting_name", meeting_name)


@phrase("given", "the chair of that meeting agreed to it being shared outside the meeting")
def chair_agreed(case: Case) -> None:
    case.set("context.chair_agreed", True)


@phrase("given", "no data protection impact assessment covers it")
def no_dpia(case: Case) -> None:
    case.set("context.dpia_in_place", False)


@phrase("given", "it is to be sent outside the UK")
def outside_uk(case: Case) -> None:
    case.set("context.transfer_outside_uk", True)


# -- Given: why, and on what basis ------------------------------------------------------------


@phrase("given", "the purpose is {purpose}", purpose=PURPOSES)
def purpose_is(case: Case, purpose: str) -> None:
    case.set("purpose.code", purpose)


@phrase("given", "no purpose is written down")
def no_purpose_statement(case: Case) -> None:
    case.set("purpose.statement", None)


@phrase("given", "the lawful basis is {article6}", article6=ARTICLE6)
def lawful_basis_is(case: Case, article6: str) -> None:
    case.set("lawful_basis.article6", article6)


@phrase("given", "no lawful basis is given")
def no_lawful_basis(case: Case) -> None:
    case.set("lawful_basis.article6", None)


@phrase("given", "the Article 9 condition is {article9}", article9=ARTICLE9)
def article9_is(case: Case, article9: str) -> None:
    case.set("lawful_basis.article9", article9)


@phrase("given", "no Article 9 condition is given")
def no_article9(case: Case) -> None:
    case.set("lawful_basis.article9", None)


@phrase("given", "no Schedule 1 condition is given")
def no_schedule1(case: Case) -> None:
    case.set("lawful_basis.schedule1_condition", None)


@phrase("given", "the Schedule 1 condition is {schedule1}", schedule1=SCHEDULE1)
def schedule1_condition(case: Case, schedule1: str) -> None:
    case.set("lawful_basis.schedule1_condition", schedule1)


@phrase("given", "everyone it is about has died")
def everyone_has_died(case: Case) -> None:
    case.set("subjects", [{**person, "deceased": True} for person in case.disclosure["subjects"]])


@phrase("given", "it is not recorded whether {the_person} has died", the_person=THE_PERSON)
def not_recorded_whether_died(case: Case, the_person: str) -> None:
    case.set("subjects", [{**person, "deceased": None} for person in case.disclosure["subjects"]])


@phrase("given", "it is shared for law enforcement under Part 3 of the Data Protection Act 2018")
def under_part_3(case: Case) -> None:
    case.set("lawful_basis.regime", "law_enforcement")
    case.set("lawful_basis.article6", None)
    case.set("lawful_basis.article9", None)
    case.set("lawful_basis.schedule1_condition", None)


@phrase(
    "given",
    "the health details are strictly necessary for it, under the Schedule 8 condition of {schedule8}",
    schedule8=SCHEDULE8,
)
def strictly_necessary_under_schedule8(case: Case, schedule8: str) -> None:
    case.set("lawful_basis.strictly_necessary", True)
    case.set("lawful_basis.schedule8_condition", schedule8)


@phrase("given", "an appropriate policy document covers it")
def policy_document(case: Case) -> None:
    case.set("lawful_basis.policy_document", True)


@phrase("given", "the power to share is {gateway}", gateway=GATEWAYS)
def gateway_is(case: Case, gateway: str) -> None:
    case.set("lawful_basis.gateway", gateway)


@phrase("given", "no power to share is named")
def no_gateway(case: Case) -> None:
    case.set("lawful_basis.gateway", None)


@phrase("given", "the crime and taxation exemption is relied on")
def crime_and_taxation(case: Case) -> None:
    case.set("lawful_basis.exemption", "crime_and_taxation")


@phrase("given", "a formal request form has been made")
def request_form_made(case: Case) -> None:
    case.set("context.formal_request_form", True)


@phrase("given", "no formal request form has been made")
def no_request_form(case: Case) -> None:
    case.set("context.formal_request_form", False)


@phrase("given", "the request form is said to be not applicable")
def request_form_not_applicable(case: Case) -> None:
    case.set("context.formal_request_form", "not_applicable")


@phrase("given", "the organisation sharing it is serving its own evidence under the court rules")
def discloser_serves_own_evidence(case: Case) -> None:
    case.set("context.evidence_used_by", "discloser")


@phrase("given", "the recipient wants it as evidence")
def recipient_wants_evidence(case: Case) -> None:
    case.set("context.evidence_used_by", "recipient")


# -- Given: consent ---------------------------------------------------------------------------


@phrase(
    "given",
    "{the_person} agreed to the share with no limits, and their consent is recorded",
    the_person=THE_PERSON,
)
def consent_recorded(case: Case, the_person: str) -> None:
    case.set("consent", {"status": "obtained", "recorded": True, "restrictions": ""})


@phrase(
    "given",
    "{the_person} agreed to the share, but whether they put limits on it is not known",
    the_person=THE_PERSON,
)
def consent_limits_not_known(case: Case, the_person: str) -> None:
    case.set("consent", {"status": "obtained", "recorded": True, "restrictions": None})


@phrase("given", "{the_person} agreed to the share, but their consent is not recorded", the_person=THE_PERSON)
def consent_not_recorded(case: Case, the_person: str) -> None:
    case.set("consent", {"status": "obtained", "recorded": False})


@phrase(
    "given",
    "{the_person} agreed only on condition that {restriction}",
    the_person=THE_PERSON,
    restriction=RESTRICTION,
)
def consent_with_restrictions(case: Case, the_person: str, restriction: str) -> None:
    case.set("consent", {"status": "obtained", "recorded": True, "restrictions": restriction})


@phrase("given", "the share stays within those limits")
def within_limits(case: Case) -> None:
    case.set("consent.within_restrictions", True)


@phrase("given", "the share goes beyond those limits")
def beyond_limits(case: Case) -> None:
    case.set("consent.within_restrictions", False)


@phrase("given", "{the_person} {refusal} consent", the_person=THE_PERSON, refusal=REFUSALS)
def consent_refused(case: Case, the_person: str, refusal: str) -> None:
    case.set("consent", {"status": refusal, "recorded": True})


@phrase("given", "consent was not sought, and no reason is recorded")
def consent_not_sought_no_reason(case: Case) -> None:
    case.set("consent", {"status": "not_sought", "reason_not_sought": None})


# -- Given: necessity and accuracy ------------------------------------------------------------


@phrase("given", "nobody has written down why the information is necessary")
def no_necessity_statement(case: Case) -> None:
    case.set("necessity.statement", None)


@phrase("given", "sharing would make no difference to the outcome for the person")
def makes_no_difference(case: Case) -> None:
    case.set("necessity.makes_a_difference", False)


@phrase("given", "it is not known whether sharing would make a difference")
def difference_unknown(case: Case) -> None:
    case.set("necessity.makes_a_difference", None)


@phrase("given", "{consideration} has not been considered", consideration=CONSIDERATIONS)
def not_considered(case: Case, consideration: str) -> None:
    case.set(f"necessity.{consideration}", False)


@phrase("given", "it is not recorded that the sensitive details are needed")
def sensitive_not_justified(case: Case) -> None:
    case.set("necessity.sensitive_data_necessary", None)


@phrase("given", "the person's right to privacy (Article 8) has not been weighed")
def article8_not_weighed(case: Case) -> None:
    case.set("necessity.article8_considered", False)


@phrase("given", "the person's identity has not been checked")
def identity_not_checked(case: Case) -> None:
    case.set("accuracy.identity_verified", False)


@phrase("given", "fact and opinion are not kept apart")
def fact_and_opinion_mixed(case: Case) -> None:
    case.set("accuracy.fact_and_opinion_distinguished", False)


# -- Given: where the information came from, and the case around it --------------------------


@phrase("given", "the information came from {source}", source=ORGANISATION)
def came_from(case: Case, checker: Checker, source: str) -> None:
    case.set("data.originator", organisation(source, checker))
    case.set("context.secondary_disclosure", True)
    case.set("context.originator_agreed", None)
    if case.disclosure["context"].get("from_meeting") is None:
        case.set("context.from_meeting", "none")  # from the organisation itself, not at a meeting


@phrase("given", "the originator agreed to it being passed on")
def originator_agreed(case: Case) -> None:
    case.set("context.originator_agreed", True)


@phrase("given", "the originator has not agreed to it being passed on")
def originator_refused(case: Case) -> None:
    case.set("context.originator_agreed", False)


@phrase("given", "the information relates to an ongoing investigation")
def ongoing_investigation(case: Case) -> None:
    case.set("context.ongoing_investigation", True)
    case.set("context.investigating_officer_consulted", None)


@phrase("given", "the investigating officer has not been consulted")
def investigator_not_consulted(case: Case) -> None:
    case.set("context.investigating_officer_consulted", False)


@phrase("given", "the investigating officer and the Crown Prosecution Service have been consulted")
def investigator_consulted(case: Case) -> None:
    case.set("context.investigating_officer_consulted", True)


@phrase("given", "it is not known whether there is an ongoing investigation")
def investigation_unknown(case: Case) -> None:
    case.set("context.ongoing_investigation", None)


@phrase("given", "the information is wanted as evidence for a prosecution")
def evidential_use(case: Case) -> None:
    case.set("context.evidential_use", True)


@phrase("given", "the share could amount to profiling children")
def profiling_children(case: Case) -> None:
    case.set("context.profiling_children", True)
    case.set("context.profiling", True)


@phrase("given", "the share could amount to profiling adults, but not children")
def profiling_adults(case: Case) -> None:
    case.set("context.profiling", True)
    case.set("context.profiling_children", False)


@phrase("given", "the share could amount to profiling, and it is not known whether of children")
def profiling_children_not_known(case: Case) -> None:
    case.set("context.profiling", True)
    case.set("context.profiling_children", None)


@phrase("given", "it is not known whether the share could amount to profiling")
def profiling_not_known(case: Case) -> None:
    case.set("context.profiling", None)
    case.set("context.profiling_children", None)


@phrase("given", "it is not known whether the information came from another organisation")
def origin_not_known(case: Case) -> None:
    case.set("context.secondary_disclosure", None)
    case.set("data.originator", None)


@phrase("given", "it is not known whether it was first shared at a meeting")
def meeting_source_not_known(case: Case) -> None:
    case.set("context.from_meeting", None)


@phrase("given", "it is not known whether the information is wanted as evidence")
def evidential_use_not_known(case: Case) -> None:
    case.set("context.evidential_use", None)


@phrase("given", "it is not known whether it will be sent outside the UK")
def transfer_not_known(case: Case) -> None:
    case.set("context.transfer_outside_uk", None)


@phrase("given", "it is not known whether the person is a child")
def child_not_known(case: Case) -> None:
    for subject in case.disclosure.get("subjects") or ():
        subject["is_child"] = None


@phrase("given", "it is not known where the information is shared")
def setting_not_known(case: Case) -> None:
    case.set("context.setting", None)


@phrase("given", "there is an urgent risk to someone's life")
def urgent(case: Case) -> None:
    case.set("context.urgent_risk_to_life", True)


@phrase("given", "the decision is made on {day}", day=DATE)
def decided_on(case: Case, day: str) -> None:
    case.today = datetime.strptime(day, "%d %B %Y").date()


# -- When -------------------------------------------------------------------------------------


@phrase("when", "the share is checked against the protocol")
def check_the_share(case: Case, checker: Checker) -> None:
    case.decision = checker.check(case.disclosure, today=case.today)


# -- Then: the answer -------------------------------------------------------------------------


def _findings(decision: Decision) -> str:
    return "; ".join(f"{f.rule_id} ({f.effect.value}: {', '.join(f.clauses)})" for f in decision.findings)


def _known(checker: Checker, clause: str) -> str:
    if not checker.pack.has_clause(clause):
        raise AssertionError(
            f"clause {clause!r} is not in the pack {checker.pack.name!r} (see its clauses.toml)"
        )
    return clause


def _citing(findings: tuple[Finding, ...], clause: str) -> list[Finding]:
    return [f for f in findings if clause in f.clauses]


@phrase("then", "the answer is {outcome}", outcome=OUTCOMES)
def answer_is(case: Case, outcome: str) -> None:
    decision = case.decided()
    assert decision.outcome.value == outcome, (
        f"the answer is {decision.outcome.value}, not {outcome}; findings: {_findings(decision)}"
    )


@phrase("then", "the reason cites clause {clause}", proves="fires", clause=CLAUSE)
def reason_cites(case: Case, checker: Checker, clause: str) -> None:
    decision = case.decided()
    reasons = [
        f for f in _citing(decision.findings, _known(checker, clause)) if f.effect is not Effect.ADVICE
    ]
    assert reasons, f"no reason for the answer cites clause {clause}; findings: {_findings(decision)}"


@phrase("then", "the officer is advised, citing clause {clause}", proves="fires", clause=CLAUSE)
def advised_citing(case: Case, checker: Checker, clause: str) -> None:
    decision = case.decided()
    advice = [f for f in _citing(decision.findings, _known(checker, clause)) if f.effect is Effect.ADVICE]
    assert advice, f"no advice cites clause {clause}; findings: {_findings(decision)}"


@phrase("then", "clause {clause} is not raised", proves="does-not-fire", clause=CLAUSE)
def not_raised(case: Case, checker: Checker, clause: str) -> None:
    decision = case.decided()
    raised = _citing(decision.findings, _known(checker, clause))
    assert not raised, f"clause {clause} is raised by {', '.join(f.rule_id for f in raised)}"


@phrase("then", "a standing obligation cites clause {clause}", proves="fires", clause=CLAUSE)
def obligation_cites(case: Case, checker: Checker, clause: str) -> None:
    decision = case.decided()
    _known(checker, clause)
    assert any(clause in o.clauses for o in decision.obligations), (
        f"no standing obligation cites clause {clause}: {[o.id for o in decision.obligations]}"
    )


@phrase("then", "no standing obligation cites clause {clause}", proves="does-not-fire", clause=CLAUSE)
def no_obligation_cites(case: Case, checker: Checker, clause: str) -> None:
    decision = case.decided()
    _known(checker, clause)
    citing = [o.id for o in decision.obligations if clause in o.clauses]
    assert not citing, f"standing obligations {citing} cite clause {clause}"


@phrase("then", "a standing obligation is to {text}", text=TEXT)
def obligation_is(case: Case, text: str) -> None:
    obligations = case.decided().obligations
    assert any(_contains(o.text, text) for o in obligations), (
        f"no standing obligation says {text!r}: {[o.text for o in obligations]}"
    )


@phrase("then", "the officer must refer to {who}", who=REFER_TO)
def must_refer_to(case: Case, who: str) -> None:
    decision = case.decided()
    assert who in decision.refer_to, f"the answer refers to {list(decision.refer_to)}, not {who!r}"


@phrase("then", "nobody needs to be asked first")
def nobody_to_ask(case: Case) -> None:
    assert case.decided().refer_to == (), f"the answer refers to {list(case.decided().refer_to)}"


@phrase("then", "a condition is to {text}", text=TEXT)
@phrase("then", "a condition says {text}", text=TEXT)
def condition_is(case: Case, text: str) -> None:
    conditions = case.decided().conditions
    assert any(_contains(c.text, text) for c in conditions), (
        f"no condition (before the data moves) says {text!r}: {[c.text for c in conditions]}"
    )


@phrase("then", "nothing needs to be done before sharing")
def no_conditions(case: Case) -> None:
    conditions = case.decided().conditions
    assert conditions == (), f"conditions: {[c.text for c in conditions]}"


@phrase("then", "afterwards the officer must {text}", text=TEXT)
def afterwards(case: Case, text: str) -> None:
    later = case.decided().afterwards
    assert any(_contains(c.text, text) for c in later), (
        f"nothing to do afterwards says {text!r}: {[c.text for c in later]}"
    )


@phrase("then", "the officer is told that {text}", text=TEXT)
def officer_told(case: Case, text: str) -> None:
    findings = case.decided().findings
    assert any(_contains(f.message, text) for f in findings), (
        f"no finding says {text!r}: {[f.message for f in findings]}"
    )


@phrase("then", "the answer rests on the reading that {text}", text=TEXT)
def rests_on_reading(case: Case, checker: Checker, text: str) -> None:
    """The interpretation (where the rules go beyond the protocol's words) a finding rests on."""
    decision = case.decided()
    titles = {
        i: checker.pack.interpretations[i].title
        for f in decision.findings
        for i in f.interpretations
        if i in checker.pack.interpretations
    }
    assert any(_contains(title, text) for title in titles.values()), (
        f"no finding rests on a reading that {text!r}; readings: {sorted(titles.values())}"
    )
