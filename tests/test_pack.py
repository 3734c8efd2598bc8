"""The Warwickshire pack loads, covers the protocol, and a malformed pack says exactly what is wrong."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from ispcheck import PackError, load_pack
from ispcheck.disclosure import VOCABULARY
from ispcheck.pack import Pack

from .helpers import SHIPPED_PACK, copy_pack, edit, problems_of

SHIPPED = SHIPPED_PACK
#: The published protocol, without people's names and contact details (see its header).
PROTOCOL = Path(__file__).resolve().parents[1] / "docs" / "source" / "warwickshire-csp-protocol.txt"


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    return copy_pack(tmp_path)


def test_the_pack_metadata_matches_the_protocol(pack: Pack) -> None:
    meta = pack.meta
    assert meta.last_updated == date(2024, 5, 8)
    assert meta.effective_date == date(2019, 8, 1)
    assert meta.review_interval_months == 12
    assert meta.review_due == date(2025, 5, 8)


def test_the_clause_catalogue_covers_every_numbered_paragraph_and_appendix(pack: Pack) -> None:
    expected = {str(n) for n in range(1, 20)}
    counts = {
        1: 7,
        2: 4,
        3: 6,
        4: 7,
        5: 9,
        6: 5,
        7: 6,
        8: 2,
        9: 1,
        10: 1,
        11: 3,
        12: 6,
        13: 4,
        14: 1,
        15: 2,
        16: 1,
        17: 1,
        19: 1,
    }
    expected |= {f"{s}.{p}" for s, n in counts.items() for p in range(1, n + 1)}
    expected |= {f"A{n}" for n in range(1, 14)} | {"A2a"}
    expected |= {f"A2.Q{n}" for n in range(1, 11)}
    assert expected <= set(pack.clauses)


def test_every_numbered_paragraph_in_the_protocol_text_is_in_the_catalogue(pack: Pack) -> None:
    text = PROTOCOL.read_text(encoding="utf-8")
    protocol = text[text.index("JOINT APPROACH TO MAKE WARWICKSHIRE") :]
    numbered = set(re.findall(r"^(?:- )?(\d{1,2}\.\d{1,2}) ", protocol, flags=re.MULTILINE))
    assert numbered, "no numbered paragraphs found: has the text changed?"
    assert numbered <= set(pack.clauses)


def test_every_clause_says_whether_it_binds_a_disclosure_or_an_organisation(pack: Pack) -> None:
    scopes = {c.scope for c in pack.clauses.values()}
    assert scopes == {"disclosure", "organisation"}
    assert pack.clauses["17.1"].scope == "organisation"
    assert pack.clauses["4.6"].scope == "disclosure"


def test_the_register_holds_the_responsible_authorities_and_additional_signatories(pack: Pack) -> None:
    by_class: dict[str, int] = {}
    for partner in pack.register.partners:
        by_class[partner.partner_class] = by_class.get(partner.partner_class, 0) + 1
    assert by_class["responsible_authority"] == 9
    assert by_class["additional_signatory"] >= 45
    police = pack.register.exact("Warwickshire Police")
    assert police is not None and police.is_responsible_authority


def test_the_register_speaks_the_contracts_kinds_of_organisation(pack: Pack) -> None:
    kinds = {p.name: p.kind for p in pack.register.partners}
    assert set(kinds.values()) <= set(VOCABULARY["organisation_kind"])
    assert kinds["Warwickshire County Council"] == kinds["Rugby Borough Council"] == "local_authority"
    assert kinds["NHS Coventry and Warwickshire Integrated Care Board"] == "health_commissioner"
    assert kinds["South Warwickshire University NHS Foundation Trust"] == "health_provider"
    assert kinds["Coventry & Warwickshire NHS Partnership Trust"] == "health_provider"
    assert kinds["Bromford Housing"] == "housing_provider"


def test_every_responsible_authority_in_the_register_is_a_relevant_authority_and_not_every_signatory_is(
    pack: Pack,
) -> None:
    # 1.3's responsible authorities are all relevant authorities under s.115(2); being in the
    # register does not make the others one (an NHS foundation trust, a housing association).
    for partner in pack.register.partners:
        if partner.is_responsible_authority:
            assert partner.relevant_authority, partner.name
    relevant = {p.name for p in pack.register.partners if p.relevant_authority}
    assert "South Warwickshire University NHS Foundation Trust" not in relevant
    assert "Refuge" not in relevant


def test_a_partner_kind_the_contract_does_not_have_is_refused_naming_the_file_and_entry(
    pack_copy: Path,
) -> None:
    edit(pack_copy, "partners.toml", 'kind = "police"', 'kind = "constabulary"')
    found = problems_of(pack_copy)
    (problem,) = [p for p in found if "constabulary" in p]
    assert problem.startswith("partners.toml: partner[6] (Warwickshire Police): kind 'constabulary'")
    assert "not a kind of organisation in the disclosure contract" in problem
    assert "local_authority" in problem


def test_the_register_contains_no_email_addresses_or_web_addresses() -> None:
    text = (SHIPPED / "partners.toml").read_text()
    assert "@" not in text
    assert "http" not in text.lower()


def test_every_setting_of_1_6_has_its_declaration(pack: Pack) -> None:
    assert set(pack.settings) == set(VOCABULARY["setting"]) - {"outside_meeting"}
    assert pack.settings["mappa"].declaration == "A4"
    assert pack.settings["marac"].declaration == "A5"
    assert pack.settings["channel_panel"].declaration == "A8"
    assert pack.settings["socjag"].recording == "forbidden"


def test_the_checklist_has_the_ten_appendix_2_questions_in_order(pack: Pack) -> None:
    assert [q.id for q in pack.checklist] == [f"A2.Q{n}" for n in range(1, 11)]


def test_a_pack_can_be_loaded_from_a_folder_path(pack_copy: Path) -> None:
    assert load_pack(pack_copy).name == "warwickshire-csp"


def test_an_unknown_pack_name_lists_the_shipped_packs() -> None:
    with pytest.raises(PackError, match="warwickshire-csp"):
        load_pack("no-such-pack")


def test_a_file_that_is_not_valid_toml_is_named(pack_copy: Path) -> None:
    (pack_copy / "settings.toml").write_text("[[setting]\ncode = ")
    assert any(p.startswith("settings.toml: not valid TOML") for p in problems_of(pack_copy))


def test_a_missing_file_is_named(pack_copy: Path) -> None:
    (pack_copy / "checklist.toml").unlink()
    assert "checklist.toml: the file is missing" in problems_of(pack_copy)


def test_a_citation_of_an_unknown_clause_names_the_file_and_entry(pack_copy: Path) -> None:
    edit(pack_copy, "settings.toml", 'declaration = "A5"', 'declaration = "A55"')
    found = problems_of(pack_copy)
    assert any("settings.toml: setting[7] (marac)" in p and "'A55'" in p for p in found)


def test_a_duplicate_partner_is_reported_with_both_entries(pack_copy: Path) -> None:
    with (pack_copy / "partners.toml").open("a") as handle:
        handle.write(
            '\n[[partner]]\nname = "Warwickshire Police"\nclass = "board_member"\n'
            'appendix = "A12"\nkind = "police"\npublic_authority = true\n'
        )
    found = problems_of(pack_copy)
    assert any("duplicate name 'Warwickshire Police'" in p for p in found)


def test_an_alias_shared_by_two_partners_is_reported(pack_copy: Path) -> None:
    with (pack_copy / "partners.toml").open("a") as handle:
        handle.write(
            '\n[[partner]]\nname = "Another Council"\naliases = ["Warks Police"]\n'
            'class = "additional_signatory"\nappendix = "A13"\nkind = "local_authority"\n'
            "public_authority = true\n"
        )
    assert any("'Warks Police' is already used" in p for p in problems_of(pack_copy))


def test_an_entry_with_a_wrong_value_names_the_field_and_entry(pack_copy: Path) -> None:
    edit(pack_copy, "settings.toml", 'recording = "forbidden"', 'recording = "sometimes"')
    found = problems_of(pack_copy)
    assert any(p.startswith("settings.toml: setting[6] (mappa): recording:") for p in found)


def test_an_unknown_key_in_an_entry_is_an_error(pack_copy: Path) -> None:
    edit(pack_copy, "clauses.toml", 'id = "4.6"', 'id = "4.6"\nsumary = "typo"')
    assert any("clause[" in p and "sumary" in p for p in problems_of(pack_copy))


def test_a_vocabulary_that_drifts_from_the_contract_is_an_error(pack_copy: Path) -> None:
    edit(pack_copy, "vocabulary.toml", 'code = "public_task"', 'code = "public_tasks"')
    found = problems_of(pack_copy)
    assert any("'public_tasks' is not in the disclosure contract" in p for p in found)
    assert any("has no entry for public_task" in p for p in found)


def test_every_problem_is_reported_at_once(pack_copy: Path) -> None:
    edit(pack_copy, "settings.toml", 'declaration = "A5"', 'declaration = "A55"')
    edit(pack_copy, "obligations.toml", 'clauses = ["15.2"]', 'clauses = ["15.9"]')
    found = problems_of(pack_copy)
    assert any("A55" in p for p in found) and any("15.9" in p for p in found)


def test_a_number_out_of_range_names_the_field_and_the_limit(pack_copy: Path) -> None:
    edit(pack_copy, "pack.toml", "review_interval_months = 12", "review_interval_months = 0")
    found = problems_of(pack_copy)
    assert any(p.startswith("pack.toml: [pack] review_interval_months:") and ">= 1" in p for p in found)


def test_a_missing_field_in_an_entry_is_named_as_required(pack_copy: Path) -> None:
    edit(pack_copy, "settings.toml", 'recording = "forbidden"\n', "")
    found = problems_of(pack_copy)
    assert "settings.toml: setting[6] (mappa): recording: this field is required" in found


# -- interpretations and what to confirm when a risk is not known -------------------------------


def test_every_interpretation_says_what_the_text_says_what_we_do_why_and_on_whose_authority(
    pack: Pack,
) -> None:
    assert pack.interpretations
    for entry in pack.interpretations.values():
        assert entry.protocol_says and entry.ispcheck_does and entry.why and entry.authority, entry.id
        assert all(pack.has_clause(c) for c in entry.clauses), entry.id


def test_an_interpretation_citing_an_unknown_clause_is_named(pack_copy: Path) -> None:
    edit(pack_copy, "interpretations.toml", 'clauses = ["A11", "5.6", "A2.Q7"]', 'clauses = ["A11", "5.66"]')
    found = problems_of(pack_copy)
    assert any(
        p.startswith("interpretations.toml: interpretation[")
        and "(vital-interests-needs-incapacity)" in p
        and "'5.66'" in p
        for p in found
    ), found


def test_an_interpretation_without_its_authority_is_refused(pack_copy: Path) -> None:
    edit(pack_copy, "interpretations.toml", 'authority = ["ISP 7.2"]\n', "")
    found = problems_of(pack_copy)
    assert any("(evidence-rule-all-meetings): authority: this field is required" in p for p in found), found


def test_what_to_confirm_for_a_fact_that_is_not_a_risk_is_refused(pack_copy: Path) -> None:
    edit(
        pack_copy,
        "unknown_risks.toml",
        'about = ["context.evidential_use"]',
        'about = ["context.formal_request_form"]',
    )
    found = problems_of(pack_copy)
    assert any("'context.formal_request_form', which is not a risk fact" in p for p in found), found
    assert any("nothing says what to confirm" in p and "context.evidential_use" in p for p in found), found


def test_a_risk_fact_with_nothing_to_confirm_is_refused(pack_copy: Path) -> None:
    edit(
        pack_copy,
        "unknown_risks.toml",
        'about = ["context.transfer_outside_uk"]',
        'about = ["context.evidential_use"]',
    )
    found = problems_of(pack_copy)
    assert any(
        p.startswith("unknown_risks.toml: nothing says what to confirm")
        and "context.transfer_outside_uk" in p
        for p in found
    ), found


def test_what_to_confirm_resting_on_an_unknown_interpretation_is_refused(pack_copy: Path) -> None:
    edit(
        pack_copy,
        "unknown_risks.toml",
        'interpretations = ["unknown-risk-not-absent", "child-not-known"]',
        'interpretations = ["child-not-knwon"]',
    )
    found = problems_of(pack_copy)
    assert any("rests on interpretation 'child-not-knwon'" in p for p in found), found


def test_a_setting_resting_on_an_unknown_interpretation_is_refused(pack_copy: Path) -> None:
    edit(pack_copy, "settings.toml", 'guests_reading = "marac-guest-needs-chair"', 'guests_reading = "x"')
    found = problems_of(pack_copy)
    assert any("(marac): rests on interpretation 'x'" in p for p in found), found


def test_only_the_marac_admits_guests_only_with_the_chairs_consent(pack: Pack) -> None:
    chair_only = [code for code, s in pack.settings.items() if s.guests == "chair_consent"]
    assert chair_only == ["marac"]


def test_an_empty_list_of_what_to_confirm_is_refused_naming_every_risk_left_unanswered(
    pack_copy: Path,
) -> None:
    (pack_copy / "unknown_risks.toml").write_text("# nothing here\n", encoding="utf-8")
    found = problems_of(pack_copy)
    unanswered = next(p for p in found if p.startswith("unknown_risks.toml: nothing says what to confirm"))
    for path in ("context.ongoing_investigation", "context.transfer_outside_uk", "context.evidential_use"):
        assert path in unanswered


def test_what_to_confirm_whose_fact_is_another_risk_is_refused(pack_copy: Path) -> None:
    edit(
        pack_copy,
        "unknown_risks.toml",
        'fact = "context.transfer_outside_uk"',
        'fact = "context.ongoing_investigation"',
    )
    found = problems_of(pack_copy)
    assert any("does not say whether context.transfer_outside_uk is known" in p for p in found), found


# -- the small-number threshold (issue 15, item 9) --------------------------------------------


def test_the_small_number_threshold_is_five_with_its_reference_to_the_ico_anonymisation_code(
    pack: Pack,
) -> None:
    assert pack.small_number_threshold == 5
    assert "Anonymisation" in pack.meta.small_number_reference and "ICO" in pack.meta.small_number_reference


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("0", ">= 1"),
        ("-3", ">= 1"),
        ('"5"', "Expected `int`"),
        ("true", "Expected `int`"),
        ("2.5", "Expected `int`"),
    ],
)
def test_a_small_number_threshold_that_is_not_a_positive_whole_number_is_refused_naming_it(
    pack_copy: Path, written: str, says: str
) -> None:
    edit(pack_copy, "pack.toml", "small_number_threshold = 5", f"small_number_threshold = {written}")
    found = problems_of(pack_copy)
    assert any(p.startswith("pack.toml: [pack] small_number_threshold:") and says in p for p in found), found


def test_a_pack_without_a_small_number_threshold_uses_five(pack_copy: Path) -> None:
    edit(pack_copy, "pack.toml", "small_number_threshold = 5\n", "")
    assert load_pack(pack_copy).small_number_threshold == 5


def test_a_pack_with_a_higher_threshold_treats_larger_counts_as_personal_data(pack_copy: Path) -> None:
    from ispcheck import Checker

    from .conftest import clean_disclosure

    edit(pack_copy, "pack.toml", "small_number_threshold = 5", "small_number_threshold = 10")
    checker = Checker(load_pack(pack_copy), use_entry_points=False)
    figures = clean_disclosure(
        **{"data.categories": ["aggregated"], "subjects": [], "data.smallest_count": 7}
    )
    rules = {f.rule_id for f in checker.check(figures).findings}
    assert "purpose.small-numbers" in rules
    finding = next(f for f in checker.check(figures).findings if f.rule_id == "purpose.small-numbers")
    assert "below 10" in finding.message
