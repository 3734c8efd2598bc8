"""Kinds of organisation: one list in the contract, each kind explained, and what s.115(2) makes of it."""

from __future__ import annotations

import pytest

import ispcheck
from ispcheck import DisclosureError, parse_disclosure
from ispcheck.csv_format import COLUMNS, disclosure_to_row, row_to_disclosure
from ispcheck.kinds import KINDS, POLICE_KINDS, PUBLIC_AUTHORITY_KINDS, RELEVANT_AUTHORITY
from ispcheck.schema import disclosure_schema
from ispcheck.vocabulary import VOCABULARY

from .conftest import clean_disclosure


def test_every_kind_of_the_contract_is_explained_in_the_contracts_order() -> None:
    assert tuple(KINDS) == VOCABULARY["organisation_kind"]
    for code, info in KINDS.items():
        assert info.code == code
        assert info.label and info.explain and info.s115, code


def test_the_relevant_authorities_are_the_kinds_section_115_2_lists() -> None:
    relevant = {code for code, yes in RELEVANT_AUTHORITY.items() if yes}
    assert relevant == {
        "police",
        "local_policing_body",
        "local_authority",
        "probation",
        "health_commissioner",
    }
    for code in relevant:
        assert KINDS[code].s115.startswith("s.115(2)("), code
    # A kind that is not known is not known to be a relevant authority.
    assert RELEVANT_AUTHORITY.get(None) is None


def test_every_relevant_authority_is_a_public_authority() -> None:
    relevant = {code for code, yes in RELEVANT_AUTHORITY.items() if yes}
    assert relevant <= PUBLIC_AUTHORITY_KINDS
    assert None not in PUBLIC_AUTHORITY_KINDS
    assert {"voluntary", "business", "housing_provider", "other"}.isdisjoint(PUBLIC_AUTHORITY_KINDS)


def test_police_information_comes_from_police_kinds_only() -> None:
    assert {"police", "other_police"} == POLICE_KINDS


def test_the_published_schema_describes_the_kind_of_each_party() -> None:
    definitions = disclosure_schema()["$defs"]
    for party in ("Party", "Recipient"):
        kind = definitions[party]["properties"]["kind"]
        assert kind["default"] is None
        assert {"type": "null"} in kind["anyOf"]
        values = next(option["enum"] for option in kind["anyOf"] if "enum" in option)
        assert tuple(values) == VOCABULARY["organisation_kind"]
        assert "section 115(2)" in kind["description"]
        assert "the register's kind is used" in kind["description"]
        assert all(f"{code}: " in kind["description"] for code in values)


def test_a_kind_the_contract_does_not_have_is_refused_naming_the_field_and_the_kinds() -> None:
    with pytest.raises(DisclosureError) as caught:
        ispcheck.check(clean_disclosure(**{"recipient.kind": "council"}))
    (problem,) = caught.value.problems
    assert problem.path == "recipient.kind"
    assert "'council' is not allowed" in problem.message and "local_authority" in problem.message


def test_the_kinds_are_csv_columns_read_as_the_contract_reads_them() -> None:
    row = disclosure_to_row(
        clean_disclosure(**{"discloser.kind": "police", "recipient.kind": "local_authority"})
    )
    assert (row["discloser.kind"], row["recipient.kind"]) == ("police", "local_authority")
    read, problems = row_to_disclosure(list(COLUMNS), [row[c] for c in COLUMNS])
    assert not problems
    assert parse_disclosure(read).recipient.kind == "local_authority"
    empty = dict(row, **{"recipient.kind": ""})
    read, _ = row_to_disclosure(list(COLUMNS), [empty[c] for c in COLUMNS])
    assert parse_disclosure(read).recipient.kind is None
