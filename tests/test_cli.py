"""The command line, as a user meets it: exit codes, readable errors, machine output.

What the command line does with a decision is shown under the fixture pack (``--pack``), so a
change to the Warwickshire rules does not break it; the shipped pack's own catalogue, partners and
urgent readings are shown under the shipped pack.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import clean_disclosure
from .helpers import FIXTURE_PACK_ARGS, run_cli, write_json

ISPCHECK = str(Path(sys.executable).parent / "ispcheck")


write = write_json
run = run_cli


def test_a_shareable_disclosure_exits_0_and_leads_with_the_outcome(tmp_path: Path, capsys: Any) -> None:
    code, out, _ = run(
        capsys, "check", write(tmp_path, clean_disclosure()), "--no-plugins", *FIXTURE_PACK_ARGS
    )
    assert code == 0
    assert out.splitlines()[0].startswith("SHARE")


def test_share_with_conditions_exits_0_and_lists_what_must_happen_first(tmp_path: Path, capsys: Any) -> None:
    case = write(tmp_path, clean_disclosure(**{"handling.channel": "post"}))
    code, out, _ = run(capsys, "check", case, "--no-plugins", *FIXTURE_PACK_ARGS)
    assert code == 0
    assert "Before the data moves" in out
    assert "ISP F2" in out


def test_refer_exits_3_and_says_who_to_refer_to(tmp_path: Path, capsys: Any) -> None:
    case = write(tmp_path, clean_disclosure(**{"context.ongoing_investigation": True}))
    code, out, _ = run(capsys, "check", case, "--no-plugins", *FIXTURE_PACK_ARGS)
    assert code == 3
    assert "Crown Prosecution Service" in out
    assert "ISP F4" in out


def test_do_not_share_exits_4_and_says_what_stops_it(tmp_path: Path, capsys: Any) -> None:
    case = write(tmp_path, clean_disclosure(**{"handling.channel": "messaging_app"}))
    code, out, _ = run(capsys, "check", case, "--no-plugins", *FIXTURE_PACK_ARGS)
    assert code == 4
    assert out.index("What stops the share") < out.index("Findings") < out.index("Standing obligations")


def test_json_output_is_the_decision_record(tmp_path: Path, capsys: Any) -> None:
    case = write(tmp_path, clean_disclosure(**{"context.ongoing_investigation": True}))
    code, out, _ = run(capsys, "check", case, "--format", "json", "--no-plugins", *FIXTURE_PACK_ARGS)
    record = json.loads(out)
    assert code == 3
    assert record["outcome"] == "refer"
    assert record["refer_to"] == ["the investigating officer and the Crown Prosecution Service"]
    assert record["pack"]["name"] == "fixture-csp"


def test_yaml_files_are_read(tmp_path: Path, capsys: Any) -> None:
    import yaml

    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(clean_disclosure()))
    code, _, _ = run(capsys, "check", str(path), "--no-plugins", *FIXTURE_PACK_ARGS)
    assert code == 0


def test_bad_input_exits_2_with_every_problem_and_no_traceback(tmp_path: Path, capsys: Any) -> None:
    data = clean_disclosure(**{"handling.channel": "email", "purpose.code": "curiosity"})
    data["consnet"] = {}
    code, out, err = run(capsys, "check", write(tmp_path, data), "--no-plugins")
    assert code == 2
    assert out == ""
    assert "handling.channel" in err and "purpose.code" in err and "consnet" in err
    assert "no decision was made" in err
    assert "Traceback" not in err


def test_bad_input_as_json_lists_the_problems(tmp_path: Path, capsys: Any) -> None:
    case = write(tmp_path, clean_disclosure(**{"handling.channel": "email"}))
    code, out, _ = run(capsys, "check", case, "--format", "json", "--no-plugins")
    assert code == 2
    assert json.loads(out)["problems"][0]["path"] == "handling.channel"


def test_a_missing_file_exits_2_with_a_plain_message(tmp_path: Path, capsys: Any) -> None:
    code, _, err = run(capsys, "check", str(tmp_path / "nope.json"))
    assert code == 2
    assert "cannot read" in err


def test_a_broken_pack_exits_5_and_decides_nothing(tmp_path: Path, capsys: Any) -> None:
    case = write(tmp_path, clean_disclosure())
    code, out, err = run(capsys, "check", case, "--pack", str(tmp_path))
    assert code == 5
    assert out == ""
    assert "could not be loaded" in err


def test_the_rule_catalogue_lists_ids_effects_and_clauses(capsys: Any) -> None:
    code, out, _ = run(capsys, "rules", "--format", "json", "--no-plugins", *FIXTURE_PACK_ARGS)
    catalogue = json.loads(out)
    assert code == 0
    ids = {r["id"]: r for r in catalogue["rules"]}
    assert ids["investigation.not-consulted"]["clauses"] == ["F4"]
    assert ids["investigation.not-consulted"]["effect"] == "refer"


def test_the_rule_catalogue_says_which_data_protection_law_each_rule_reads(capsys: Any) -> None:
    code, out, _ = run(capsys, "rules", "--format", "json", "--no-plugins")
    rules = {r["id"]: r for r in json.loads(out)["rules"]}
    assert code == 0
    assert rules["lawful-basis.article6-missing"]["law_regime"] == "uk_gdpr"
    assert rules["lawful-basis.law-enforcement-purpose"]["law_regime"] == "law_enforcement"
    assert rules["setting.dpia-not-recorded"]["law_regime"] == "data_protection"
    assert rules["handling.post"]["law_regime"] is None
    code, out, _ = run(capsys, "rules", "--no-plugins")
    assert "reads the UK GDPR and DPA 2018 Part 2" in " ".join(out.split())


def test_the_rule_catalogue_prints_as_a_table(capsys: Any) -> None:
    code, out, _ = run(capsys, "rules", "--no-plugins", *FIXTURE_PACK_ARGS)
    assert code == 0
    assert "investigation.not-consul" in out


def test_the_rule_catalogue_says_what_each_unknown_fact_means_and_every_reading_beyond_the_words(
    capsys: Any,
) -> None:
    code, out, _ = run(capsys, "rules", "--format", "json", "--no-plugins")
    catalogue = json.loads(out)
    assert code == 0
    facts = {f["path"]: f for f in catalogue["facts"]}
    assert facts["context.ongoing_investigation"]["kind"] == "risk"
    assert facts["context.ongoing_investigation"]["confirmed_by"] == ["unknown.ongoing-investigation"]
    assert facts["context.urgent_risk_to_life"]["kind"] == "relaxation"
    readings = {i["id"]: i for i in catalogue["interpretations"]}
    assert "onward.originator-refused" in readings["originator-refusal-refers"]["rules"]
    assert readings["originator-refusal-refers"]["authority"]
    rules = {r["id"]: r for r in catalogue["rules"]}
    assert "originator-refusal-refers" in rules["onward.originator-refused"]["interpretations"]

    code, out, _ = run(capsys, "rules", "--no-plugins")
    assert "What a fact that is not known means" in out
    assert "Where the rules go beyond the protocol's words" in out
    assert "originator-refusal-refers" in out


def test_a_finding_that_rests_on_a_reading_beyond_the_words_says_so(tmp_path: Path, capsys: Any) -> None:
    case = write(tmp_path, clean_disclosure(**{"context.ongoing_investigation": None}))
    code, out, _ = run(capsys, "check", case, "--no-plugins", *FIXTURE_PACK_ARGS)
    assert code == 0
    assert out.splitlines()[0].startswith("SHARE, ONCE THE CONDITIONS BELOW ARE MET")
    assert "Confirm with the investigating officer" in out
    assert "Goes beyond the protocol's words: A risk that is not known is not taken as absent" in " ".join(
        out.split()
    )


def test_a_finding_on_the_protocols_own_words_names_no_reading(tmp_path: Path, capsys: Any) -> None:
    case = write(
        tmp_path, clean_disclosure(**{"handling.channel": "post", "context.ongoing_investigation": None})
    )
    _, out, _ = run(capsys, "check", case, "--no-plugins", "--format", "json", *FIXTURE_PACK_ARGS)
    findings = {f["rule_id"]: f for f in json.loads(out)["findings"]}
    assert findings["handling.post"]["interpretations"] == []
    assert findings["unknown.ongoing-investigation"]["interpretations"] == ["unknown-risk-not-absent"]


def test_partners_finds_a_signatory_by_a_short_form(capsys: Any) -> None:
    code, out, _ = run(capsys, "partners", "Warks", "Police")
    assert code == 0
    assert "Warwickshire Police is a signatory" in out
    assert "responsible authority" in out


def test_partners_says_clearly_when_an_organisation_is_not_a_signatory(capsys: Any) -> None:
    code, out, _ = run(capsys, "partners", "Acme Private Investigations")
    assert code == 1
    assert "is not a signatory" in out
    assert "3.6" in out


def test_partners_offers_near_matches_without_calling_them_signatories(capsys: Any) -> None:
    code, out, _ = run(capsys, "partners", "Warwickshire Polise", "--format", "json")
    answer = json.loads(out)
    assert code == 1
    assert answer["signatory"] is False
    assert answer["matches"][0]["name"] == "Warwickshire Police"


def test_partners_without_a_name_lists_the_register(capsys: Any) -> None:
    code, out, _ = run(capsys, "partners", "--format", "json")
    assert code == 0
    assert len(json.loads(out)) >= 55


def test_schema_prints_the_json_schema(capsys: Any) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert json.loads(out)["title"] == "ispcheck proposed disclosure"


def test_every_subcommand_has_help() -> None:
    for command in ("check", "rules", "partners", "schema"):
        result = subprocess.run([ISPCHECK, command, "--help"], capture_output=True, text=True)
        assert result.returncode == 0, command
        assert "usage: ispcheck" in result.stdout


def test_the_installed_command_reads_standard_input(tmp_path: Path) -> None:
    result = subprocess.run(
        [ISPCHECK, "check", "-", "--format", "json", "--no-plugins", *FIXTURE_PACK_ARGS],
        input=json.dumps(clean_disclosure()),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["outcome"] == "share"


def test_the_installed_command_reports_bad_json_from_standard_input_without_a_traceback() -> None:
    result = subprocess.run([ISPCHECK, "check", "-"], input="{not json", capture_output=True, text=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_an_unexpected_fault_prints_a_message_not_a_traceback_and_never_exits_0(
    tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("disk on fire")

    monkeypatch.delenv("ISPCHECK_DEBUG", raising=False)
    monkeypatch.setattr("ispcheck.engine.Checker.check", explode)
    code, out, err = run(capsys, "check", write(tmp_path, clean_disclosure()), "--no-plugins")
    assert code == 70
    assert out == ""
    assert "disk on fire" in err and "Nothing was decided" in err
    assert "Traceback" not in err


def test_the_rule_catalogue_says_when_each_rule_can_fire(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "rules", "--format", "json", "--no-plugins")
    assert code == 0
    rules = {r["id"]: r for r in json.loads(out)["rules"]}
    assert rules["handling.post"]["fires_when"] == {"handling.channel": ["post"]}
    assert rules["handling.post"]["has_predicate"] is False
    identity = rules["accuracy.identity-not-verified"]
    assert identity["fires_when"] == {"accuracy.identity_verified": [None, False]}
    assert rules["handling.mark-official-sensitive"]["has_predicate"] is True
    s115 = rules["lawful-basis.s115-needs-relevant-authorities"]
    assert s115["has_predicate"] is False
    assert s115["fires_when"] == {
        "lawful_basis.gateway": ["crime_and_disorder_act_s115"],
        "recipient_relevant_authority": [None, False],
    }
    assert {
        "recipient_relevant_authority": [None],
        # A meeting the protocol does not list has no declaration made under section 115.
        "setting": ["channel_panel", "early_help_panel", "mappa", "other_meeting", "outside_meeting"],
        "urgent": [False],
    } in s115["variants"]
    assert rules["handling.post"]["variants"] == []
    post_in_words = rules["handling.post"]["in_words"]
    assert post_in_words == "When personal data is involved and the way it is sent is post."


def test_the_rule_catalogue_in_words_says_when_a_rule_can_fire(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "rules", "--no-plugins")
    assert code == 0
    flat = " ".join(out.split())
    assert "When personal data is involved and the way it is sent is post." in flat
    assert (
        "When personal data is involved and it is not recorded that the person's name, date of birth "
        "and address were checked." in flat
    )
    assert "first shared at a meeting and is now to be shared outside that meeting" in flat


def test_checking_a_valid_disclosure_never_loads_pydantic_or_the_contract_models() -> None:
    """Cold start: a valid disclosure takes the fast path, so the slowest imports are not needed."""
    example = (
        Path(__file__).resolve().parents[1] / "examples" / "marac-police-to-refuge-victim-safety-plan.yaml"
    )
    script = (
        "import sys\n"
        "from ispcheck.cli.main import main\n"
        f"code = main(['check', {str(example)!r}, *{FIXTURE_PACK_ARGS!r}])\n"
        "print(code, 'pydantic' in sys.modules, 'ispcheck.disclosure' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.stderr.split()[-3:] == ["0", "False", "False"], done.stderr


def test_bad_input_still_gets_the_contracts_problems_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(capsys, "check", write_json(tmp_path, {"consnet": {}}))
    assert code == 2
    assert "Did you mean 'consent'?" in err


def test_an_urgent_share_that_cannot_go_ahead_does_not_also_say_share_now(
    tmp_path: Path, capsys: Any
) -> None:
    case = write(
        tmp_path,
        clean_disclosure(
            **{
                "context.urgent_risk_to_life": True,
                "data.categories": ["personal", "special_category"],
                "data.special_category_types": ["health"],
                "consent.status": "refused",
                "lawful_basis.article9": "vital_interests",
            }
        ),
    )
    code, out, _ = run(capsys, "check", case, "--no-plugins")
    assert code == 4
    assert "this share cannot go ahead as proposed" in " ".join(out.split())
    assert "share what is necessary now; record it afterwards" not in out


def test_an_urgent_share_that_may_go_ahead_says_share_now(tmp_path: Path, capsys: Any) -> None:
    case = write(tmp_path, clean_disclosure(**{"context.urgent_risk_to_life": True}))
    code, out, _ = run(capsys, "check", case, "--no-plugins")
    assert code == 0
    assert "share what is necessary now; record it afterwards" in " ".join(out.split())


# -- strict input: keys given twice, yes/no facts, byte order marks, deep nesting ----------------


def words(text: str) -> str:
    """Text as one line: the terminal output wraps long messages."""
    return " ".join(text.split())


def with_ongoing_investigation(text: str) -> str:
    """The clean disclosure as JSON, with ``"ongoing_investigation": false`` written as ``text``."""
    clean = json.dumps(clean_disclosure())
    assert '"ongoing_investigation": false' in clean
    return clean.replace('"ongoing_investigation": false', text)


def test_a_key_given_twice_exits_2_naming_the_key_and_decides_nothing(tmp_path: Path, capsys: Any) -> None:
    case = tmp_path / "case.json"
    case.write_text(
        with_ongoing_investigation('"ongoing_investigation": false, "ongoing_investigation": true')
    )
    code, out, err = run(capsys, "check", str(case), "--no-plugins")
    assert code == 2
    assert out == ""
    assert "context.ongoing_investigation" in err and "given twice" in words(err)
    assert "no decision was made" in words(err)
    assert "Traceback" not in err


def test_the_same_key_in_two_objects_is_decided_as_usual(tmp_path: Path, capsys: Any) -> None:
    case = tmp_path / "case.json"
    case.write_text(json.dumps(clean_disclosure(**{"recipient.officer": "DC 1234"})))
    assert case.read_text().count('"officer"') == 2
    code, out, _ = run(capsys, "check", str(case), "--no-plugins", *FIXTURE_PACK_ARGS)
    assert code == 0
    assert out.startswith("SHARE")


def test_a_key_given_twice_in_yaml_is_listed_with_its_lines_in_json_output(
    tmp_path: Path, capsys: Any
) -> None:
    text = yaml.safe_dump(clean_disclosure(), sort_keys=False)
    text = text.replace(
        "  ongoing_investigation: false\n", "  ongoing_investigation: false\n  ongoing_investigation: true\n"
    )
    case = tmp_path / "case.yaml"
    case.write_text(text)
    line = text.splitlines().index("  ongoing_investigation: true") + 1
    code, out, _ = run(capsys, "check", str(case), "--format", "json", "--no-plugins")
    assert code == 2
    assert json.loads(out)["problems"] == [
        {
            "path": "context.ongoing_investigation",
            "message": f"this field is given twice (at lines {line - 1} and {line}); give it only once",
        }
    ]


@pytest.mark.parametrize("word", ["no", "yes", "on", "off"])
def test_a_yaml_1_1_yes_or_no_for_a_fact_exits_2_naming_the_field_and_what_is_allowed(
    tmp_path: Path, capsys: Any, word: str
) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(
        yaml.safe_dump(clean_disclosure()).replace(
            "ongoing_investigation: false", f"ongoing_investigation: {word}"
        )
    )
    code, out, err = run(capsys, "check", str(case), "--format", "json", "--no-plugins")
    assert code == 2
    assert json.loads(out)["problems"] == [
        {
            "path": "context.ongoing_investigation",
            "message": f'must be true or false (a JSON boolean), or null if not known; got "{word}"',
        }
    ]
    assert "Traceback" not in err


@pytest.mark.parametrize("given", ['"no"', '"yes"', '"true"', "1", "0"])
def test_text_or_a_number_for_a_fact_in_json_exits_2_naming_the_field(
    tmp_path: Path, capsys: Any, given: str
) -> None:
    case = tmp_path / "case.json"
    case.write_text(with_ongoing_investigation(f'"ongoing_investigation": {given}'))
    code, _, err = run(capsys, "check", str(case), "--no-plugins")
    assert code == 2
    assert "context.ongoing_investigation" in err and f"got {given}" in words(err)


@pytest.mark.parametrize("word", ["false", "False", "FALSE"])
def test_false_in_yaml_1_2_spellings_is_decided(tmp_path: Path, capsys: Any, word: str) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(
        yaml.safe_dump(clean_disclosure()).replace(
            "ongoing_investigation: false", f"ongoing_investigation: {word}"
        )
    )
    code, _, _ = run(capsys, "check", str(case), "--no-plugins", *FIXTURE_PACK_ARGS)
    assert code == 0


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("case.json", json.dumps(clean_disclosure())),
        ("case.yaml", yaml.safe_dump(clean_disclosure())),
    ],
)
def test_a_file_starting_with_a_byte_order_mark_is_decided(
    tmp_path: Path, capsys: Any, name: str, text: str
) -> None:
    case = tmp_path / name
    case.write_text(text, encoding="utf-8-sig")
    assert case.read_bytes().startswith(b"\xef\xbb\xbf")
    code, out, _ = run(capsys, "check", str(case), "--no-plugins", *FIXTURE_PACK_ARGS)
    assert code == 0
    assert out.startswith("SHARE")


DEEP = {
    "json lists": "[" * 100_000 + "]" * 100_000,
    "json objects": '{"a":' * 100_000 + "1" + "}" * 100_000,
    "yaml flow lists": "discloser: " + "[" * 100_000 + "]" * 100_000 + "\n",
}


@pytest.mark.parametrize("text", DEEP.values(), ids=DEEP.keys())
def test_a_file_nested_100000_deep_exits_2_as_bad_input_not_70(
    tmp_path: Path, capsys: Any, text: str
) -> None:
    case = tmp_path / "case.txt"
    case.write_text(text)
    code, out, err = run(capsys, "check", str(case), "--no-plugins")
    assert code == 2
    assert out == ""
    assert "nested too deeply to read" in words(err)
    assert "Traceback" not in err


def test_the_installed_command_reports_deep_nesting_from_standard_input_as_bad_input() -> None:
    result = subprocess.run(
        [ISPCHECK, "check", "-"], input=DEEP["json objects"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "nested too deeply to read" in words(result.stderr)
    assert "Traceback" not in result.stderr


def test_a_yaml_alias_bomb_is_bad_input_refused_at_once_by_every_command_that_reads_one(
    tmp_path: Path, capsys: Any
) -> None:
    from .test_text_input import BILLION_LAUGHS

    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(
        BILLION_LAUGHS
        + "discloser: {organisation: Warwickshire Police}\nrecipient: {organisation: Rugby Borough Council}\n"
        + "data: {categories: *i}\npurpose: {code: prevent_crime}\n"
        + "handling: {classification: OFFICIAL, channel: secure_email}\n",
        encoding="utf-8",
    )
    for command in (
        ["check", str(bomb)],
        ["register", "add", str(bomb), "--db", str(tmp_path / "r.sqlite")],
        ["record", str(bomb)],
        ["checklist", "--answers", str(bomb)],
    ):
        code, out, err = run(capsys, *command, "--no-plugins")
        assert code == 2, command
        assert "anchors and aliases" in " ".join((out + err).split()), command
    assert not (tmp_path / "r.sqlite").exists()


def test_a_plugin_that_calls_sys_exit_never_leaves_check_silent_with_exit_0(
    tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import types

    from ispcheck import hookimpl

    def load() -> object:
        module = types.ModuleType("exiting_plugin")

        @hookimpl
        def ispcheck_rules(pack: Any) -> Any:
            raise SystemExit(0)

        module.ispcheck_rules = ispcheck_rules  # type: ignore[attr-defined]
        return module

    point = types.SimpleNamespace(name="exiting", value="example:plugin", load=load)
    monkeypatch.setattr("ispcheck.plugins.entry_points", lambda group: [point])
    code, out, _ = run(capsys, "check", write(tmp_path, clean_disclosure()), *FIXTURE_PACK_ARGS)
    assert code == 3
    assert "exiting" in out and "could not be used" in " ".join(out.split())


def test_output_piped_into_a_reader_that_has_gone_ends_quietly() -> None:
    """``ispcheck rules | head -1``: the reader going away is not an error in ispcheck.

    The reading end is closed before ispcheck starts, so its first write meets a closed pipe every time.
    """
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [ISPCHECK, "rules", "--no-plugins"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)

    assert (done.returncode, done.stderr.decode()) == (141, "")
