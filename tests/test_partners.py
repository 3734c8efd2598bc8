"""Finding organisations in the register: exact for decisions, tolerant for people."""

from __future__ import annotations

from ispcheck.pack import Pack
from ispcheck.partners import NonSignatory, Partner, normalise


def test_short_forms_are_folded_before_matching() -> None:
    assert normalise("Warks Police") == "warwickshire police"
    assert normalise("Rugby BC") == "rugby borough council"
    assert normalise("The Canal & River Trust") == "canal and river trust"


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
