"""The example pack: a second protocol, numbered its own way, decided by the same built-in rules.

``rules/example-csp`` is not a real protocol: it was written for ispcheck to show a second one
(no other partnership's protocol text could be found). It differs from the Warwickshire pack on
purpose: clause ids of another shape (``S4(d)``, ``S10``, ``Sch3``, ``Sch2(q5)``) held by its
``clause_id_pattern``; seven tests before sharing instead of ten questions; five named meetings, two
with declarations Warwickshire does not have; a register of fictional organisations; a small-number
threshold of 10; and four concepts it does not set out, so that the rules resting on them are not
in this protocol. Its worked examples are in ``examples/example-csp/``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ispcheck import Checker, Decision, parse_disclosure_text
from ispcheck.concepts import CONCEPTS
from ispcheck.errors import PackError
from ispcheck.pack import Pack, available_packs, default_pack_name, load_pack, packs_directory

from .conftest import FIXED_TIME, clean_disclosure
from .helpers import edit, run_cli

ROOT = Path(__file__).resolve().parents[1]
FOLDER = packs_directory() / "example-csp"
EXAMPLES = ROOT / "examples" / "example-csp"
ISPCHECK = str(Path(sys.executable).parent / "ispcheck")

#: The concepts the example protocol leaves out on purpose (its concepts.toml says why). A concept
#: added to ispcheck later is not in this set, so this module fails until the pack maps it (or
#: leaves it out on purpose, here and in concepts.toml).
UNMAPPED = {
    "iom-declaration",
    "early-help-declaration",
    "channel-declaration",
    "socjag-declaration",
    "evidence-not-from-meetings",
}

#: The built-in rules that rest on them, with the concepts each lacks: not in this protocol.
LEFT_OUT = {
    "evidence.from-meeting": ("evidence-not-from-meetings",),
    "evidence.answered-from-own-records": ("evidence-not-from-meetings",),
}

#: Every worked example of the example pack, with the outcome its opening comment states.
EXPECTED = {
    "police-to-council-burglary-victim-address-for-target-hardening.yaml": "share",
    "marac-police-to-harbourside-idva-victim-safety-plan.yaml": "share_with_conditions",
    "asb-case-review-panel-police-to-examplevale-housing.yaml": "share_with_conditions",
    "iom-case-conference-under-generic-schedule-3.yaml": "share_with_conditions",
    "ward-asb-figures-with-a-count-of-seven-to-the-pcc.yaml": "share_with_conditions",
    "mappa-minutes-to-housing-association-needs-chair-agreement.yaml": "refer",
    "victim-address-by-messaging-app-to-victim-care-blocked.yaml": "do_not_share",
}
EXIT_STATUS = {"share": 0, "share_with_conditions": 0, "refer": 3, "do_not_share": 4}
_STATED = re.compile(r"^#.*expected outcome:\s*([a-z_]+)", re.IGNORECASE | re.MULTILINE)


@pytest.fixture(scope="module")
def example() -> Checker:
    """The example pack, loaded from its folder, with the built-in rules only."""
    return Checker(FOLDER, use_entry_points=False, clock=lambda: FIXED_TIME)


@pytest.fixture(scope="module")
def warwickshire() -> Checker:
    return Checker("warwickshire-csp", use_entry_points=False, clock=lambda: FIXED_TIME)


def read(name: str) -> Any:
    return parse_disclosure_text((EXAMPLES / name).read_text(encoding="utf-8"), source=name)


def cited(decision: Decision) -> set[str]:
    """Every clause a decision cites: its findings, conditions, things to do afterwards, obligations."""
    record = decision.to_dict()
    items = [*record["findings"], *record["conditions"], *record["afterwards"], *record["obligations"]]
    return {c for item in items for c in item.get("clauses", ())}


# -- the pack itself ------------------------------------------------------------------------------


def test_the_example_pack_loads_from_its_folder_with_every_plugin_working(example: Checker) -> None:
    assert example.pack.name == "example-csp"
    assert example.broken_plugins == ()
    assert len(example.rules) > 80


def test_the_example_pack_says_plainly_that_it_is_an_example_and_not_a_real_protocol(
    example: Checker,
) -> None:
    meta = example.pack.meta

    assert "an example pack, not a real protocol" in meta.title
    assert meta.publisher == "Example Borough Community Safety Partnership"
    assert "example written for ispcheck to show a second protocol" in meta.source
    assert "fictional" in meta.source


def test_every_clause_id_has_the_shape_its_pack_sets_and_none_is_a_warwickshire_id(
    example: Checker, warwickshire: Checker
) -> None:
    pattern = example.pack.meta.clause_id_pattern
    assert pattern is not None

    ids = set(example.pack.clauses)
    assert 30 <= len(ids) <= 50
    assert all(re.fullmatch(pattern, c) for c in ids)
    assert not ids & set(warwickshire.pack.clauses)
    assert {"S4(d)", "S10", "Sch3", "Sch2(q5)"} <= ids
    assert not any(re.fullmatch(pattern, c) for c in ("4.6", "A3", "A2.Q5", "S12", "Sch9", "Sch2(q8)", "S4d"))


def test_a_clause_id_of_another_shape_is_refused_when_the_pack_loads(tmp_path: Path) -> None:
    folder = shutil.copytree(FOLDER, tmp_path / "example-csp")
    edit(folder, "clauses.toml", 'id = "S4(d)"', 'id = "4.6"')
    edit(folder, "concepts.toml", 'clauses = ["S4(d)"]', 'clauses = ["4.6"]')

    with pytest.raises(PackError, match=r"id '4\.6' does not have the shape of this protocol's clause ids"):
        load_pack(folder)


def test_schedules_and_tests_are_named_as_the_example_protocol_names_them(example: Checker) -> None:
    pack = example.pack

    assert pack.clause_name("Sch3") == "Schedule 3"
    assert pack.clause_name("Sch2(q4)") == "Schedule 2, test 4"
    assert pack.clause_name("S4(d)") == "S4(d)"
    assert [q.id for q in pack.checklist] == [f"Sch2(q{n})" for n in range(1, 8)]


def test_its_meetings_are_its_own_with_the_rest_under_the_generic_schedule_3(example: Checker) -> None:
    settings = example.pack.settings
    named = {code for code, s in settings.items() if "does not list" not in s.name}

    assert named == {"marac", "mappa", "case_management_meeting", "hate_crime_meeting", "csp_meeting"}
    assert settings["case_management_meeting"].name == "ASB Case Review Panel"
    assert settings["case_management_meeting"].declaration == "Sch6"
    assert settings["marac"].onward_sharing == "chair"  # Warwickshire's MARAC: a lawful basis
    assert settings["mappa"].guests == "chair_consent"  # Warwickshire's MAPPA: anyone who signs
    assert all(settings[code].declaration == "Sch3" for code in set(settings) - named - {"marac", "mappa"})
    assert not any(settings[code].declaration_under_s115 for code in set(settings) - named)


def test_its_register_holds_the_example_boroughs_organisations_and_not_warwickshires(
    example: Checker,
) -> None:
    register = example.pack.register

    police = register.exact("Exshire Police")  # the pack's own short form
    assert police is not None and police.name == "Exampleshire Police"
    youth_justice = register.lookup("Example Borough Youth Justice Service")
    assert youth_justice is not None and youth_justice.name == "Example Borough Council"
    fire = register.exact("Exampleshire Fire and Rescue Service")
    assert fire is not None and fire.kind == "fire_and_rescue" and not fire.relevant_authority
    assert register.exact("Warwickshire Police") is None
    assert register.exact("Example Borough Neighbourhood Watch Association") is None  # known, not signed


# -- what is not in this protocol ----------------------------------------------------------------


def test_the_concepts_it_does_not_set_out_are_exactly_those_left_out_on_purpose(example: Checker) -> None:
    assert set(CONCEPTS) - set(example.pack.concepts.clauses) == UNMAPPED


def test_the_rules_left_out_are_exactly_those_resting_on_the_unmapped_concepts(example: Checker) -> None:
    left_out = {item.rule.id: item.missing for item in example.left_out}

    assert left_out == LEFT_OUT
    assert all(set(missing) <= UNMAPPED for missing in left_out.values())


def test_every_other_built_in_rule_is_applied_and_no_rule_left_out_is_counted_among_them(
    example: Checker, warwickshire: Checker
) -> None:
    applied = [r.rule.id for r in example.rules]

    assert warwickshire.left_out == ()
    assert set(applied).isdisjoint(LEFT_OUT)
    assert sorted([*applied, *LEFT_OUT]) == sorted(r.rule.id for r in warwickshire.rules)


def test_the_rule_catalogue_lists_each_rule_left_out_as_not_in_this_protocol_and_never_as_applied(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run_cli(capsys, "rules", "--pack", str(FOLDER), "--no-plugins", "--format", "json")
    catalogue = json.loads(out)
    applied = {rule["id"] for rule in catalogue["rules"]}
    not_here = {
        rule["id"]: tuple(c["id"] for c in rule["missing_concepts"])
        for rule in catalogue["not_in_this_protocol"]
    }

    assert code == 0
    assert not_here == LEFT_OUT
    assert applied.isdisjoint(LEFT_OUT)
    assert "setting.declaration" in applied


def test_the_rule_catalogue_in_words_says_which_rules_are_not_in_this_protocol(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run_cli(capsys, "rules", "--pack", str(FOLDER), "--no-plugins")
    listed = out[out.index("Not in this protocol") :]

    assert code == 0
    assert f"{len(LEFT_OUT)} rule(s) not applied" in " ".join(listed.split())
    assert all(rule_id in listed for rule_id in LEFT_OUT)


@pytest.mark.parametrize(
    "changes",
    [{"context.evidential_use": True, "context.setting": "marac", "handling.channel": "in_meeting"}],
    ids=["evidence-at-a-meeting"],
)
def test_no_decision_carries_a_finding_of_a_rule_left_out_nor_a_warwickshire_clause(
    example: Checker, warwickshire: Checker, changes: dict[str, Any]
) -> None:
    """What the left-out rules would have judged is decided without them (the report names the gap)."""
    case = clean_disclosure(
        **{
            "discloser.organisation": "Exampleshire Police",
            "data.originator": "Exampleshire Police",
            "recipient.organisation": "Example Borough Council",
        },
        **changes,
    )
    fired = {f.rule_id for f in example.check(case).findings}
    under_warwickshire = {f.rule_id for f in warwickshire.check(clean_disclosure(**changes)).findings}

    assert fired.isdisjoint(LEFT_OUT)
    assert under_warwickshire & set(LEFT_OUT)  # the same facts do meet a left-out rule where it applies
    assert cited(example.check(case)) <= set(example.pack.clauses)


def test_a_share_outside_the_uk_is_judged_under_the_packs_own_transfer_clause(example: Checker) -> None:
    """Warwickshire says it in one meeting's declaration; this protocol says it for every share (S8(c))."""
    case = clean_disclosure(
        **{
            "discloser.organisation": "Exampleshire Police",
            "data.originator": "Exampleshire Police",
            "recipient.organisation": "Example Borough Council",
            "context.transfer_outside_uk": True,
        }
    )
    found = {f.rule_id: f for f in example.check(case).findings}
    assert found["international.transfer"].clauses[0] == "S8(c)"
    assert example.check(case).outcome.value == "refer"
    at_home = {
        f.rule_id
        for f in example.check(
            {**case, "context": {**case["context"], "transfer_outside_uk": False}}
        ).findings
    }
    assert "international.transfer" not in at_home


# -- the worked examples -------------------------------------------------------------------------


def test_every_example_file_is_listed_with_its_expected_outcome() -> None:
    on_disk = {p.name for p in EXAMPLES.iterdir() if p.suffix in (".yaml", ".yml", ".json")}

    assert on_disk == set(EXPECTED)


def test_the_examples_cover_all_four_outcomes_and_are_shared_at_several_meetings() -> None:
    settings = {read(name).context.setting for name in EXPECTED}

    assert set(EXPECTED.values()) == set(EXIT_STATUS)
    assert {"marac", "case_management_meeting", "iom_case_conference", "csp_meeting"} <= settings


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_example_decides_the_outcome_its_opening_comment_states(example: Checker, name: str) -> None:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    stated = _STATED.search(text)
    decision = example.check(read(name))

    assert text.startswith("# EXAMPLE PACK (example-csp)")
    assert stated is not None and stated.group(1) == EXPECTED[name]
    assert decision.outcome.value == EXPECTED[name], [(f.effect.value, f.rule_id) for f in decision.findings]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_clause_an_example_decision_cites_is_one_of_the_example_packs_own(
    example: Checker, warwickshire: Checker, name: str
) -> None:
    pattern = example.pack.meta.clause_id_pattern or ""
    clauses = cited(example.check(read(name)))

    assert clauses
    assert clauses <= set(example.pack.clauses)
    assert all(re.fullmatch(pattern, c) for c in clauses), clauses
    assert not clauses & set(warwickshire.pack.clauses)


def test_a_marac_decision_names_the_example_protocols_schedule_not_warwickshires_appendix(
    example: Checker,
) -> None:
    decision = example.check(read("marac-police-to-harbourside-idva-victim-safety-plan.yaml"))
    words = " ".join(c.text for c in decision.conditions)

    assert "signed the Schedule 4 declaration" in words
    assert "The meeting must not be recorded (Schedule 4)." in words
    assert "Appendix" not in words


def test_a_meeting_the_protocol_does_not_list_is_decided_under_the_generic_schedule_3(
    example: Checker,
) -> None:
    decision = example.check(read("iom-case-conference-under-generic-schedule-3.yaml"))
    declaration = next(f for f in decision.findings if f.rule_id == "setting.declaration")

    assert set(declaration.clauses) >= {"S6(a)", "S6(b)", "Sch3"}
    assert "onward.meeting-content" not in {f.rule_id for f in decision.findings}


def test_a_count_of_seven_is_a_small_number_under_this_protocol_but_not_under_warwickshires(
    example: Checker, warwickshire: Checker
) -> None:
    figures = clean_disclosure(
        **{
            "subjects": [],
            "data.categories": ["aggregated"],
            "data.smallest_count": 7,
            "purpose.code": "reduce_asb",
        }
    )

    assert example.pack.small_number_threshold == 10
    assert "purpose.small-numbers" in {f.rule_id for f in example.check(figures).findings}
    assert "purpose.small-numbers" not in {f.rule_id for f in warwickshire.check(figures).findings}


def test_no_finding_of_any_rule_names_warwickshires_appendices_under_the_example_pack(
    example: Checker,
) -> None:
    texts = [
        (r.rule.id, text)
        for r in example.rules
        for f in r.rule.findings()
        for text in (f.message, f.action or "")
        if re.search(r"Appendix \d+, question|Appendices \d|Appendix (?:[3-9]|1[0-3])\b", text)
    ]

    assert texts == []


def test_a_finding_is_put_in_the_example_protocols_own_words_where_its_wording_file_says(
    example: Checker, warwickshire: Checker
) -> None:
    """wording.toml rewords consent.limits-not-known as the example protocol's fifth test asks it."""
    (limits,) = (r.rule for r in example.rules if r.rule.id == "consent.limits-not-known")
    (built_in,) = (r.rule for r in warwickshire.rules if r.rule.id == "consent.limits-not-known")

    assert set(example.pack.wording) == {"consent.limits-not-known"}
    assert "Schedule 2, test 5 asks whether the agreement has limits" in limits.message
    assert "restrictions" in built_in.message and "restrictions" not in limits.message
    assert limits.clauses == ("Sch2(q5)", "S8(b)")


# -- from the command line -----------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_ispcheck_check_with_the_example_pack_folder_decides_each_example_with_its_exit_status(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    code, out, _ = run_cli(
        capsys, "check", "--pack", str(FOLDER), "--no-plugins", "--format", "json", str(EXAMPLES / name)
    )
    record = json.loads(out)

    assert code == EXIT_STATUS[EXPECTED[name]]
    assert record["outcome"] == EXPECTED[name]
    assert record["pack"]["name"] == "example-csp"


def test_the_installed_ispcheck_command_decides_an_example_under_the_example_pack() -> None:
    """The real command, as a user runs it: ``ispcheck check --pack <folder> <example>``."""
    name = "mappa-minutes-to-housing-association-needs-chair-agreement.yaml"
    completed = subprocess.run(
        [ISPCHECK, "check", "--pack", str(FOLDER), "--no-plugins", str(EXAMPLES / name)],
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert completed.returncode == 3, completed.stderr
    assert completed.stdout.startswith("REFER")
    assert "the meeting chair" in completed.stdout
    assert "(ISP Sch5, S8(b))" in completed.stdout
    assert "pack example-csp" in completed.stdout


def test_the_example_pack_is_shipped_by_name_and_warwickshire_stays_the_default(
    capsys: pytest.CaptureFixture[str],
) -> None:
    name = "police-to-council-burglary-victim-address-for-target-hardening.yaml"
    code, out, _ = run_cli(capsys, "check", "--pack", "example-csp", "--no-plugins", str(EXAMPLES / name))

    assert code == 0 and out.startswith("SHARE")
    assert {"example-csp", "warwickshire-csp"} <= set(available_packs())
    assert default_pack_name() == "warwickshire-csp"


def test_the_pack_fixture_of_the_rest_of_the_suite_is_still_warwickshire(pack: Pack) -> None:
    assert pack.name == "warwickshire-csp"
