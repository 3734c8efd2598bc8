"""Invariants that must hold for every disclosure, checked with generated cases."""

from __future__ import annotations

import copy
import io
import json
import sys
from contextlib import redirect_stderr, redirect_stdout
from functools import partial
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ispcheck import Checker, Effect, Outcome, parse_disclosure
from ispcheck.cli.main import main
from ispcheck.engine import BROKEN_RULE_ID
from ispcheck.errors import DisclosureError
from ispcheck.fact_kinds import FactKind, fact_kinds

from .conftest import clean_disclosure
from .strategies import any_disclosures, damaged_disclosures, json_values

SEVERITY = {Effect.ADVICE: 0, Effect.CONDITION: 1, Effect.REFER: 2, Effect.BLOCK: 3}
ORDER = [Outcome.SHARE, Outcome.SHARE_WITH_CONDITIONS, Outcome.REFER, Outcome.DO_NOT_SHARE]

#: Facts that protect people when true: taking one away must never loosen the outcome.
SAFEGUARDS = (
    ("accuracy", "identity_verified"),
    ("accuracy", "fact_and_opinion_distinguished"),
    ("necessity", "makes_a_difference"),
    ("necessity", "less_data_considered"),
    ("necessity", "alternatives_considered"),
    ("necessity", "impact_considered"),
    ("necessity", "article8_considered"),
    ("necessity", "sensitive_data_necessary"),
    ("necessity", "statement"),
    ("purpose", "statement"),
    ("consent", "recorded"),
    ("consent", "within_restrictions"),
    ("consent", "reason_not_sought"),
    ("recipient", "has_secure_email"),
    ("context", "investigating_officer_consulted"),
    ("context", "formal_request_form"),
    ("context", "originator_agreed"),
    ("context", "dpia_in_place"),
    ("context", "chair_agreed"),
    ("lawful_basis", "article6"),
    ("lawful_basis", "schedule8_condition"),
    ("lawful_basis", "strictly_necessary"),
    ("lawful_basis", "policy_document"),
)
#: What a safeguard that is not yes-or-no holds when it is in place (a yes-or-no one holds true).
IN_PLACE: dict[str, Any] = {
    "statement": "Written down for this disclosure.",
    "reason_not_sought": "Asking would put the victim at risk.",
    "article6": "public_task",
    "schedule8_condition": "administration_of_justice",
}
#: Risks: turning one on must never loosen the outcome.
RISKS = (
    "ongoing_investigation",
    "evidential_use",
    "transfer_outside_uk",
    "profiling_children",
    "profiling",
    "secondary_disclosure",
)


def _subject_not_known(data: dict[str, Any]) -> None:
    people = data.get("subjects") or [{"role": "victim"}]
    people[0]["is_child"] = None
    data["subjects"] = people


def _origin_not_known(data: dict[str, Any]) -> None:
    data["context"]["secondary_disclosure"] = None
    data["data"]["originator"] = None  # an originator would answer it (see its interpretation)


def _context_not_known(name: str, data: dict[str, Any]) -> None:
    data["context"][name] = None


def _setting_not_known(data: dict[str, Any]) -> None:
    data["context"].pop("setting", None)  # left out, which the contract reads as not known


def _meeting_source_not_known(data: dict[str, Any]) -> None:
    data["context"]["from_meeting"] = None
    data["context"]["secondary_disclosure"] = True  # it matters only for someone else's information


def _profiling_not_known(data: dict[str, Any]) -> None:
    data["context"]["profiling"] = None
    data["context"]["profiling_children"] = None


#: How each risk fact of the contract is made "not known" in a disclosure. Every risk fact that
#: can be unknown must be here (a test holds this to fact_kinds.toml), so a new one is tested.
MAKE_UNKNOWN: dict[str, Any] = {
    "subjects.is_child": _subject_not_known,
    "context.secondary_disclosure": _origin_not_known,
    "context.profiling": _profiling_not_known,
    "context.profiling_children": _profiling_not_known,
    "context.setting": _setting_not_known,
    "context.from_meeting": _meeting_source_not_known,
    **{
        f"context.{name}": partial(_context_not_known, name)
        for name in ("ongoing_investigation", "evidential_use", "transfer_outside_uk")
    },
}
PERSONAL = frozenset({"personal", "special_category", "criminal_offence"})

common = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def rank(outcome: Outcome) -> int:
    return ORDER.index(outcome)


@common
@given(any_disclosures())
def test_every_valid_disclosure_is_decided_without_a_rule_failing(
    checker: Checker, data: dict[str, Any]
) -> None:
    decision = checker.check(data)
    assert all(f.rule_id != BROKEN_RULE_ID for f in decision.findings), decision.findings


@common
@given(any_disclosures())
def test_deciding_the_same_disclosure_twice_gives_the_same_decision(
    checker: Checker, data: dict[str, Any]
) -> None:
    assert checker.check(data).to_dict() == checker.check(copy.deepcopy(data)).to_dict()


@common
@given(any_disclosures())
def test_the_strictest_finding_decides_the_outcome(checker: Checker, data: dict[str, Any]) -> None:
    decision = checker.check(data)
    strictest = max((SEVERITY[f.effect] for f in decision.findings), default=0)
    assert rank(decision.outcome) == strictest
    if decision.outcome is Outcome.SHARE:
        assert not decision.conditions and not decision.refer_to


@common
@given(any_disclosures())
def test_every_finding_cites_clauses_that_exist_in_the_pack(checker: Checker, data: dict[str, Any]) -> None:
    for finding in checker.check(data).findings:
        assert finding.clauses
        assert all(checker.pack.has_clause(c) for c in finding.clauses), finding


@common
@given(any_disclosures(), st.sampled_from(SAFEGUARDS), st.sampled_from((None, False)))
def test_removing_a_safeguard_never_makes_the_outcome_more_permissive(
    checker: Checker, data: dict[str, Any], safeguard: tuple[str, str], removed: Any
) -> None:
    # The safeguard is put in place first, then taken away (to "not known", or to false for a
    # yes-or-no one). Going from false to "not known" takes no safeguard away: a share said to
    # make no difference is refused, where not knowing may be referred or shared on conditions.
    group, field = safeguard
    given = data[group].get(field)
    in_place = given if given not in (None, False, "") else IN_PLACE.get(field, True)
    if not isinstance(in_place, bool):
        removed = None
    safer = copy.deepcopy(data)
    safer[group][field] = in_place
    weaker = copy.deepcopy(data)
    weaker[group][field] = removed
    assert rank(checker.check(weaker).outcome) >= rank(checker.check(safer).outcome)


@common
@given(any_disclosures(), st.sampled_from(RISKS))
def test_adding_a_risk_never_makes_the_outcome_more_permissive(
    checker: Checker, data: dict[str, Any], risk: str
) -> None:
    riskier = copy.deepcopy(data)
    riskier["context"][risk] = True
    assert rank(checker.check(riskier).outcome) >= rank(checker.check(data).outcome)


@common
@given(any_disclosures(), st.sampled_from(("recipient", None)))
def test_evidence_not_served_by_the_discloser_is_never_more_permissive_than_its_own(
    checker: Checker, data: dict[str, Any], other: Any
) -> None:
    # An organisation serving its own evidence is a relaxation: taking it away (to a partner's
    # request, or not known) never loosens the outcome.
    own = copy.deepcopy(data)
    own["context"]["evidence_used_by"] = "discloser"
    partners = copy.deepcopy(data)
    partners["context"]["evidence_used_by"] = other
    assert rank(checker.check(partners).outcome) >= rank(checker.check(own).outcome)


@common
@given(any_disclosures())
def test_saying_the_request_form_is_not_applicable_is_never_more_permissive_than_saying_none_was_made(
    checker: Checker, data: dict[str, Any]
) -> None:
    said_not_applicable = copy.deepcopy(data)
    said_not_applicable["context"]["formal_request_form"] = "not_applicable"
    none_made = copy.deepcopy(data)
    none_made["context"]["formal_request_form"] = False
    assert rank(checker.check(said_not_applicable).outcome) >= rank(checker.check(none_made).outcome)


@common
@given(any_disclosures())
def test_weaker_handling_never_makes_the_outcome_more_permissive(
    checker: Checker, data: dict[str, Any]
) -> None:
    weaker = copy.deepcopy(data)
    if weaker["handling"]["classification"] == "OFFICIAL-SENSITIVE":
        weaker["handling"]["classification"] = "OFFICIAL"
    # The weakest route of all: a messaging app is not a secure system (7.4), weaker than ordinary email.
    weaker["handling"]["channel"] = "messaging_app"
    assert rank(checker.check(weaker).outcome) >= rank(checker.check(data).outcome)


@common
@given(any_disclosures())
def test_ordinary_email_is_never_more_permissive_than_a_secure_route(
    checker: Checker, data: dict[str, Any]
) -> None:
    """The ordering below the weakest: a secure route weakened to ordinary email never relaxes."""
    secure = ("secure_email", "encrypted_attachment", "secure_case_system", "courier")
    assume(data["handling"]["channel"] in secure)
    weaker = copy.deepcopy(data)
    weaker["handling"]["channel"] = "standard_email"
    assert rank(checker.check(weaker).outcome) >= rank(checker.check(data).outcome)


@common
@given(any_disclosures())
def test_no_disclosure_with_a_block_finding_is_ever_shared(checker: Checker, data: dict[str, Any]) -> None:
    decision = checker.check(data)
    if decision.findings_with(Effect.BLOCK):
        assert decision.outcome is Outcome.DO_NOT_SHARE


@settings(max_examples=150, deadline=None)
@given(st.one_of(damaged_disclosures(), st.dictionaries(st.text(max_size=10), json_values, max_size=4)))
def test_any_json_object_is_either_decided_or_refused_with_exit_2(data: dict[str, Any]) -> None:
    try:
        parse_disclosure(data)
        valid = True
    except DisclosureError:
        valid = False
    stdin = sys.stdin
    sys.stdin = io.StringIO(json.dumps(data))
    try:
        with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
            code = main(["check", "-", "--format", "json", "--no-plugins"])
    finally:
        sys.stdin = stdin
    assert code in ((0, 3, 4) if valid else (2,))


# -- what is not known ------------------------------------------------------------------------


def test_every_risk_fact_that_can_be_unknown_has_a_way_to_be_made_unknown_here() -> None:
    risks = {
        f.path
        for f in fact_kinds().values()
        if f.kind is FactKind.RISK and not f.required and f.null_means is None
    }
    assert risks == set(MAKE_UNKNOWN)


def test_every_yes_or_no_safeguard_is_checked_for_being_taken_away() -> None:
    booleans = {
        f.path
        for f in fact_kinds().values()
        if f.kind is FactKind.SAFEGUARD and f.path.split(".")[1] not in ("status", "article9")
    }
    tested = {f"{group}.{field}" for group, field in SAFEGUARDS}
    assert booleans - {"lawful_basis.schedule1_condition", "lawful_basis.gateway"} <= tested


@common
@given(any_disclosures(), st.sampled_from(sorted(MAKE_UNKNOWN)))
def test_no_decision_about_personal_data_is_share_while_a_risk_fact_is_unknown(
    checker: Checker, data: dict[str, Any], risk: str
) -> None:
    unknown = copy.deepcopy(data)
    MAKE_UNKNOWN[risk](unknown)
    decision = checker.check(unknown)
    if PERSONAL & set(unknown["data"]["categories"]) or unknown["data"].get("special_category_types"):
        assert decision.outcome is not Outcome.SHARE, (risk, decision.findings)


@common
@given(any_disclosures(), st.sampled_from(sorted(MAKE_UNKNOWN)))
def test_a_risk_fact_not_known_decides_anonymised_or_aggregated_figures_as_before(
    checker: Checker, data: dict[str, Any], risk: str
) -> None:
    figures = copy.deepcopy(data)
    figures["data"]["categories"] = ["aggregated"]
    figures["data"]["special_category_types"] = []
    figures["data"]["smallest_count"] = None  # small counts would make them personal data (5.4)
    unknown = copy.deepcopy(figures)
    MAKE_UNKNOWN[risk](unknown)
    assert checker.check(unknown).outcome is checker.check(figures).outcome


def test_a_clean_share_with_every_risk_known_absent_stays_a_share(checker: Checker) -> None:
    assert checker.check(clean_disclosure()).outcome is Outcome.SHARE


def test_a_clean_share_with_any_one_risk_not_known_says_what_to_confirm(checker: Checker) -> None:
    for risk, make_unknown in MAKE_UNKNOWN.items():
        unknown = clean_disclosure()
        make_unknown(unknown)
        decision = checker.check(unknown)
        assert decision.outcome in (Outcome.SHARE_WITH_CONDITIONS, Outcome.REFER), risk
        binding = (Effect.CONDITION, Effect.REFER)
        assert any(risk in f.facts for f in decision.findings if f.effect in binding), risk


@common
@given(any_disclosures(), st.sampled_from(("Refugee Action", "West Mercia Police (shared with Refuge)")))
def test_information_from_an_originator_whose_name_merely_contains_the_disclosers_is_not_simply_shared(
    checker: Checker, data: dict[str, Any], originator: str
) -> None:
    data["discloser"]["organisation"] = "Refuge"
    data["data"]["originator"] = originator
    data["context"]["secondary_disclosure"] = None
    # Not asked whether the originator agrees: were the information taken for Refuge's own, the
    # onward-sharing rules would stay quiet. (With the originator's agreement, sharing is right.)
    data["context"]["originator_agreed"] = None
    decision = checker.check(data)
    if PERSONAL & set(data["data"]["categories"]) or data["data"].get("special_category_types"):
        assert decision.outcome is not Outcome.SHARE, decision.findings


@common
@given(any_disclosures())
def test_an_urgent_risk_to_life_that_is_not_known_does_not_apply(
    checker: Checker, data: dict[str, Any]
) -> None:
    """A relaxation that is not known decides exactly as one known not to apply."""
    unknown, absent = copy.deepcopy(data), copy.deepcopy(data)
    unknown["context"]["urgent_risk_to_life"] = None
    absent["context"]["urgent_risk_to_life"] = False
    assert checker.check(unknown).to_dict() == checker.check(absent).to_dict()


@common
@given(any_disclosures())
def test_a_death_that_is_not_known_does_not_apply(checker: Checker, data: dict[str, Any]) -> None:
    """Whether a person has died is a relaxation: not known decides exactly as known alive."""
    assume(data["subjects"])
    unknown, alive = copy.deepcopy(data), copy.deepcopy(data)
    unknown["subjects"][0]["deceased"] = None
    alive["subjects"][0]["deceased"] = False
    assert checker.check(unknown).to_dict() == checker.check(alive).to_dict()


@common
@given(any_disclosures())
def test_personal_data_about_people_who_all_died_is_never_simply_shared_and_keeps_every_protocol_finding(
    checker: Checker, data: dict[str, Any]
) -> None:
    """The dead fall outside data protection law, never outside the protocol's own rules."""
    assume(data["subjects"])
    dead = copy.deepcopy(data)
    for person in dead["subjects"]:
        person["deceased"] = True
    regimes = {r.rule.id: r.rule.law_regime for r in checker.rules}
    decision = checker.check(dead)
    if PERSONAL & set(dead["data"]["categories"]) or dead["data"].get("special_category_types"):
        assert decision.outcome is not Outcome.SHARE
    kept = {f.rule_id for f in checker.check(data).findings if regimes.get(f.rule_id, "engine") is None}
    assert kept <= {f.rule_id for f in decision.findings}


@common
@given(any_disclosures())
def test_a_share_whose_data_protection_law_is_not_given_is_decided_as_under_the_uk_gdpr(
    checker: Checker, data: dict[str, Any]
) -> None:
    """Old disclosures keep their meaning: no regime decides exactly as the UK GDPR."""
    unknown, uk_gdpr = copy.deepcopy(data), copy.deepcopy(data)
    unknown["lawful_basis"]["regime"] = None
    uk_gdpr["lawful_basis"]["regime"] = "uk_gdpr"
    assert checker.check(unknown).to_dict() == checker.check(uk_gdpr).to_dict()


@common
@given(any_disclosures())
def test_every_finding_rests_only_on_interpretations_the_pack_sets_out(
    checker: Checker, data: dict[str, Any]
) -> None:
    for finding in checker.check(data).findings:
        assert set(finding.interpretations) <= set(checker.pack.interpretations), finding


# -- recipients and small numbers (issue 15, items 1, 3 and 9) ---------------------------------

fewer = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fewer
@given(any_disclosures())
def test_a_recipient_not_known_to_be_the_person_the_information_is_about_decides_as_one_who_is_not(
    checker: Checker, data: dict[str, Any]
) -> None:
    """A relaxation that is not known decides exactly as one known not to apply."""
    unknown, absent = copy.deepcopy(data), copy.deepcopy(data)
    unknown["recipient"]["is_data_subject"] = None
    absent["recipient"]["is_data_subject"] = False
    assert checker.check(unknown).to_dict() == checker.check(absent).to_dict()


@fewer
@given(any_disclosures(), st.sampled_from(("several_visible", "several_hidden", None)))
def test_sending_to_others_as_well_is_never_more_permissive_than_to_the_recipient_alone(
    checker: Checker, data: dict[str, Any], distribution: str | None
) -> None:
    alone, others = copy.deepcopy(data), copy.deepcopy(data)
    alone["handling"]["distribution"] = "one"
    alone["recipient"]["other_recipients"] = []
    others["handling"]["distribution"] = distribution
    others["recipient"]["other_recipients"] = ["Refuge", "A Neighbouring Force"]
    assert rank(checker.check(others).outcome) >= rank(checker.check(alone).outcome)


@fewer
@given(any_disclosures(), st.sampled_from((0, 1, 4)))
def test_figures_with_a_small_count_are_never_decided_more_permissively_than_figures_without_one(
    checker: Checker, data: dict[str, Any], small: int
) -> None:
    assert small < checker.pack.small_number_threshold
    counted, not_given = copy.deepcopy(data), copy.deepcopy(data)
    counted["data"]["smallest_count"] = small
    not_given["data"]["smallest_count"] = None
    assert rank(checker.check(counted).outcome) >= rank(checker.check(not_given).outcome)


@fewer
@given(any_disclosures())
def test_a_private_person_as_recipient_is_never_decided_more_permissively_than_an_unsigned_charity(
    checker: Checker, data: dict[str, Any]
) -> None:
    """Dropping the Appendix 3 condition for a member of the public never loosens the answer."""
    person, charity = copy.deepcopy(data), copy.deepcopy(data)
    for case, kind in ((person, "private_individual"), (charity, "voluntary")):
        case["recipient"]["organisation"] = "Ms A, the applicant"
        case["recipient"]["kind"] = kind
    assert rank(checker.check(person).outcome) >= rank(checker.check(charity).outcome)
