"""Finding organisations in the register: exact for decisions, tolerant for people."""

from __future__ import annotations

from pathlib import Path

import pytest

from ispcheck import PackError, load_pack
from ispcheck.pack import Pack
from ispcheck.partners import NonSignatory, Partner, normalise

from .helpers import copy_pack, edit


def test_general_short_forms_are_folded_before_matching() -> None:
    assert normalise("Rugby BC") == "rugby borough council"
    assert normalise("The Canal & River Trust") == "canal and river trust"
    assert normalise("Warks Police") == "warks police"  # an area's own short form is the pack's


def test_the_packs_own_short_forms_are_folded_by_its_register(pack: Pack) -> None:
    assert pack.register.normalise("Warks Police") == "warwickshire police"
    assert pack.register.normalise("Rugby BC") == "rugby borough council"


def test_a_pack_without_the_short_form_does_not_know_it(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path)
    edit(folder, "partners.toml", 'short_forms = { warks = "warwickshire" }\n', "")
    register = load_pack(folder).register
    assert register.normalise("Warks Police") == "warks police"
    assert isinstance(register.exact("Warks Police"), Partner)  # still an alias the register lists
    assert register.exact("Warks Fire and Rescue Service") is None  # found only through the short form
    assert isinstance(load_pack().register.exact("Warks Fire and Rescue Service"), Partner)


def test_a_class_is_called_what_the_pack_calls_it_or_by_general_words(tmp_path: Path, pack: Pack) -> None:
    members = [p for p in pack.register.partners if p.partner_class == "board_member"]
    assert members
    assert {p.class_label for p in members} == {"Safer Warwickshire Partnership Board member"}
    folder = copy_pack(tmp_path)
    edit(folder, "partners.toml", "class_labels = {", "unused_labels = {")
    with pytest.raises(PackError, match="unused_labels"):  # an unknown key is refused, not ignored
        load_pack(folder)
    edit(
        folder,
        "partners.toml",
        'unused_labels = { board_member = "Safer Warwickshire Partnership Board member" }\n',
        "",
    )
    members = [p for p in load_pack(folder).register.partners if p.partner_class == "board_member"]
    assert {p.class_label for p in members} == {"member of the partnership's board"}


def test_an_exact_name_or_alias_finds_the_signatory(pack: Pack) -> None:
    for name in ("Warwickshire Police", "warks police", "WARWICKSHIRE POLICE", "Rugby BC"):
        partner = pack.register.exact(name)
        assert isinstance(partner, Partner), name


def test_a_near_miss_is_not_treated_as_a_signatory_in_a_decision(pack: Pack) -> None:
    assert pack.register.exact("Warwickshire Polise") is None
    assert pack.register.exact("Rugby Borough Council Housing Team") is None


def test_a_board_member_who_has_not_signed_is_never_a_signatory(pack: Pack) -> None:
    assert pack.register.exact("Police and Crime Commissioner") is None
    match = pack.register.search("OPCC")[0]
    assert match.exact and isinstance(match.entry, NonSignatory)


def test_a_person_searching_with_a_typo_is_offered_the_nearest_signatories(pack: Pack) -> None:
    matches = pack.register.search("Warwickshire Polise")
    assert matches and not matches[0].exact
    assert matches[0].entry.name == "Warwickshire Police"


def test_a_partial_name_suggests_candidates(pack: Pack) -> None:
    names = [m.entry.name for m in pack.register.search("Stratford council")]
    assert "Stratford-on-Avon District Council" in names


def test_an_unrelated_name_finds_nothing(pack: Pack) -> None:
    assert pack.register.search("Acme Private Investigations") == []


# -- what a person typing a name is offered (issue 14, part 3) -------------------------------


def test_a_fire_and_rescue_name_finds_the_county_council_with_the_reason_from_the_register(
    pack: Pack,
) -> None:
    (match,) = pack.register.search("Warwickshire Fire and Rescue")
    assert match.exact and match.entry.name == "Warwickshire County Council"
    assert match.reason == "is part of Warwickshire County Council (the fire and rescue authority)"
    assert pack.register.exact("WFRS") is match.entry


def test_a_plain_other_name_carries_no_reason(pack: Pack) -> None:
    (match,) = pack.register.search("WCC")
    assert match.exact and match.entry.name == "Warwickshire County Council" and match.reason is None


def test_the_reason_is_the_register_s_data_not_code(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path)
    edit(folder, "partners.toml", "the fire and rescue authority)", "the authority for fire, as a test)")
    (match,) = load_pack(folder).register.search("Warwickshire Fire and Rescue")
    assert match.reason == "is part of Warwickshire County Council (the authority for fire, as a test)"


def test_a_name_given_to_two_partners_is_a_pack_error_naming_both(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path)
    edit(folder, "partners.toml", 'names = ["Warwickshire Fire and Rescue Authority"]', 'names = ["Refuge"]')
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    assert any("'Refuge' is already used by" in p for p in caught.value.problems)


def test_an_ambulance_service_is_never_offered_an_anti_slavery_network(pack: Pack) -> None:
    """Sharing "West Midlands" (place words) and "service"/"network" (generic words) is not enough."""
    for name in ("West Midlands Ambulance Service", "WMAS", "West Midlands Ambulance"):
        assert [m.entry.name for m in pack.register.search(name)] == [], name


def test_the_anti_slavery_network_misspelt_is_still_offered(pack: Pack) -> None:
    names = [m.entry.name for m in pack.register.search("West Midlands Anti-Slavery Netwrk")]
    assert names == ["West Midlands Anti-Slavery Network"]


@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        ("West Midlands Police", []),  # another force: same distinctive word, another place
        ("North Warwickshire council", ["North Warwickshire Borough Council"]),
        ("Warwickshire council", ["Warwickshire County Council"]),  # not North Warwickshire's
        ("Coventry City Council", []),  # a council is not the Coventry and Warwickshire trust
        ("Walsall Housing", ["Walsall Housing Group"]),  # not every other "Housing"
        ("Rugby Borogh Council", ["Rugby Borough Council"]),  # a slip in a generic word
        ("Warwickshre Police", ["Warwickshire Police"]),  # a slip in a place
        ("Warwickshire Fire & Rescue Services", ["Warwickshire County Council"]),
    ],
)
def test_only_a_body_plausibly_the_one_typed_is_offered(pack: Pack, typed: str, offered: list[str]) -> None:
    assert [m.entry.name for m in pack.register.search(typed)] == offered


def test_a_suggestion_found_by_an_other_name_says_which_and_why(pack: Pack) -> None:
    (match,) = pack.register.search("Warwickshire Fire & Rescue Services")
    assert not match.exact
    assert match.via == "Warwickshire Fire and Rescue Service"
    assert match.reason == "is part of Warwickshire County Council (the fire and rescue authority)"
