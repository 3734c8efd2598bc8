"""The worked examples in ``examples/`` decide as their comments say.

Every disclosure file directly under ``examples/`` must be listed in :data:`EXPECTED`, so a new
example cannot be added without saying what it should decide. Sub-folders (such as the example
plugin distribution) are not disclosures and are not collected.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ispcheck import Checker, parse_disclosure_text

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SUFFIXES = (".yaml", ".yml", ".json")

EXPECTED: dict[str, str] = {
    "anonymised-asb-hotspot-figures-at-csp-meeting.yaml": "share",
    "case-management-meeting-asb-perpetrator-to-district-council.yaml": "share_with_conditions",
    "channel-panel-police-prevent-referral-briefing.yaml": "share_with_conditions",
    "consent-refused-cuckooing-victim-adult-safeguarding-referral.yaml": "share_with_conditions",
    "consent-refused-victim-support-referral-not-shared.yaml": "do_not_share",
    "early-help-panel-council-to-barnardos-family-support.yaml": "share_with_conditions",
    "evidence-from-socjag-briefing-blocked.yaml": "do_not_share",
    "evidential-use-council-cctv-with-appendix-11-request.yaml": "share_with_conditions",
    "iom-case-conference-probation-to-cgl-drug-treatment.yaml": "share_with_conditions",
    "iom-partner-data-to-overseas-probation-blocked.json": "do_not_share",
    "mappa-minutes-to-housing-provider-needs-chair-agreement.yaml": "refer",
    "mappa-police-sex-offender-compliance-update-at-meeting.yaml": "share_with_conditions",
    "marac-police-to-refuge-victim-safety-plan.yaml": "share_with_conditions",
    "police-to-rugby-council-burglary-victim-address-for-target-hardening.yaml": "share",
    "probation-release-address-to-district-council-on-ecins.json": "share",
    "profiling-children-school-exclusions-for-gang-matrix-dpo.yaml": "refer",
    "secondary-disclosure-housing-association-forwarding-probation-risk-summary.yaml": "refer",
    "section-115-to-a-neighbouring-council-that-has-not-signed.yaml": "share_with_conditions",
    "strategic-analysis-with-names-referred-to-dpo.yaml": "refer",
    "urgent-risk-to-life-phone-to-ambulance-trust.yaml": "share_with_conditions",
    "victim-new-address-by-plain-email-to-unsigned-charity.yaml": "share_with_conditions",
    "burglary-victim-address-by-whatsapp-group-blocked.yaml": "do_not_share",
    "asb-injunction-council-serves-own-cctv-and-witness-evidence.yaml": "share_with_conditions",
    "mappa-minutes-to-housing-provider-with-chair-agreement.yaml": "share_with_conditions",
    "children-act-s47-strategy-discussion-police-to-childrens-social-care.yaml": "share_with_conditions",
    "dhr-panel-police-chronology-about-a-victim-who-died.yaml": "share_with_conditions",
    "police-case-file-with-suspect-health-details-to-cps-under-part-3.yaml": "share_with_conditions",
    "police-conviction-to-housing-association-for-possession-claim.yaml": "share_with_conditions",
    "clares-law-disclosure-to-applicant-referred.yaml": "refer",
    "victim-details-in-visible-bulk-email-to-partners-blocked.yaml": "do_not_share",
    "ward-hate-crime-figures-with-a-count-of-one-not-shared.yaml": "do_not_share",
}

OUTCOMES = {"share", "share_with_conditions", "refer", "do_not_share"}
_STATED = re.compile(r"^#.*expected outcome:\s*([a-z_]+)", re.IGNORECASE | re.MULTILINE)


def example_files() -> list[Path]:
    return sorted(p for p in EXAMPLES.iterdir() if p.is_file() and p.suffix in SUFFIXES)


def test_every_example_file_is_listed_with_its_expected_outcome() -> None:
    on_disk = {p.name for p in example_files()}
    assert on_disk - EXPECTED.keys() == set(), "add these examples to EXPECTED"
    assert EXPECTED.keys() - on_disk == set(), "these EXPECTED entries have no file"


def test_every_expected_outcome_is_one_of_the_four_outcomes() -> None:
    assert set(EXPECTED.values()) <= OUTCOMES


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_example_decides_the_outcome_it_is_listed_with(checker: Checker, name: str) -> None:
    disclosure = parse_disclosure_text((EXAMPLES / name).read_text(encoding="utf-8"), source=name)
    decision = checker.check(disclosure)
    findings = [(f.effect.value, f.rule_id) for f in decision.findings]
    assert decision.outcome.value == EXPECTED[name], findings


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if not n.endswith(".json")))
def test_each_yaml_example_states_the_same_outcome_in_its_opening_comment(name: str) -> None:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    assert text.startswith("#"), "a YAML example starts with a comment saying what it shows"
    stated = _STATED.search(text)
    assert stated is not None, "the opening comment says 'Expected outcome: ...'"
    assert stated.group(1) == EXPECTED[name]


def test_the_examples_together_cover_all_four_outcomes_at_least_twice_each() -> None:
    for outcome in OUTCOMES:
        assert list(EXPECTED.values()).count(outcome) >= 2, outcome


def test_the_examples_together_use_at_least_six_different_settings() -> None:
    settings = {
        parse_disclosure_text((EXAMPLES / name).read_text(encoding="utf-8")).context.setting
        for name in EXPECTED
    }
    assert len(settings) >= 6, settings


@pytest.mark.parametrize(
    ("name", "rule_id", "effect"),
    [
        ("clares-law-disclosure-to-applicant-referred.yaml", "parties.private-person", "refer"),
        (
            "victim-details-in-visible-bulk-email-to-partners-blocked.yaml",
            "handling.visible-recipients",
            "block",
        ),
        ("ward-hate-crime-figures-with-a-count-of-one-not-shared.yaml", "purpose.small-numbers", "condition"),
    ],
)
def test_the_real_world_examples_of_issue_15_are_decided_by_the_rule_they_illustrate(
    checker: Checker, name: str, rule_id: str, effect: str
) -> None:
    disclosure = parse_disclosure_text((EXAMPLES / name).read_text(encoding="utf-8"), source=name)
    findings = {(f.rule_id, f.effect.value) for f in checker.check(disclosure).findings}
    assert (rule_id, effect) in findings


def test_the_possession_claim_example_rests_on_the_legal_claims_condition_and_fails_without_it(
    checker: Checker,
) -> None:
    """Schedule 1 paragraph 33 (legal claims) lets the conviction go; take it away and it is blocked."""
    name = "police-conviction-to-housing-association-for-possession-claim.yaml"
    disclosure = parse_disclosure_text((EXAMPLES / name).read_text(encoding="utf-8"), source=name)
    with_it = {f.rule_id for f in checker.check(disclosure).findings}
    assert "lawful-basis.criminal-offence-without-schedule1" not in with_it
    without = disclosure.model_copy(
        update={"lawful_basis": disclosure.lawful_basis.model_copy(update={"schedule1_condition": None})}
    )
    decision = checker.check(without)
    assert decision.outcome.value == "do_not_share"
    assert "lawful-basis.criminal-offence-without-schedule1" in {f.rule_id for f in decision.findings}
