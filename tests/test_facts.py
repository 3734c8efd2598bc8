"""The facts the engine works out once per decision: each one shown both ways."""

from __future__ import annotations

import ast
import inspect
import textwrap
import typing
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings

from ispcheck.facts import (
    CLOSED_FACTS,
    MAX_FIELDS,
    MAY_BE_UNKNOWN,
    Facts,
    involves_personal_data,
    involves_special_category,
)
from ispcheck.pack import Pack
from ispcheck.view import view_of

from .conftest import clean_disclosure
from .strategies import disclosures

BEFORE_REVIEW = date(2025, 5, 8)
AFTER_REVIEW = date(2025, 5, 9)


def facts(pack: Pack, today: date = AFTER_REVIEW, **changes: Any) -> Facts:
    return Facts.of(view_of(clean_disclosure(**changes)), pack, today)


@pytest.mark.parametrize(
    ("fact", "changes", "expected"),
    [
        ("purpose_statement_given", {}, True),
        ("purpose_statement_given", {"purpose.statement": None}, False),
        ("purpose_statement_given", {"purpose.statement": "   "}, False),
        ("necessity_statement_given", {}, True),
        ("necessity_statement_given", {"necessity.statement": ""}, False),
        ("consent_reason_given", {}, True),
        ("consent_reason_given", {"consent.reason_not_sought": None}, False),
        ("consent_restrictions_given", {"consent.restrictions": "not to the landlord"}, True),
        ("consent_restrictions_given", {"consent.restrictions": ""}, False),
        ("consent_restrictions_given", {}, None),
        ("subjects_listed", {}, True),
        ("subjects_listed", {"subjects": []}, False),
        ("any_child", {"subjects": [{"role": "victim", "is_child": True}]}, True),
        ("any_child", {"subjects": [{"role": "victim", "is_child": None}]}, None),
        (
            "any_child",
            {"subjects": [{"role": "victim", "is_child": None}, {"role": "other", "is_child": True}]},
            True,
        ),
        ("any_child", {"subjects": [{"role": "victim", "is_child": False}]}, False),
        ("offender_or_suspect_listed", {"subjects": [{"role": "suspect"}]}, True),
        ("offender_or_suspect_listed", {"subjects": [{"role": "witness"}]}, False),
        ("proportionality_considered", {}, True),
        ("proportionality_considered", {"necessity.impact_considered": None}, False),
        ("consent_relied_on", {"lawful_basis.article9": "explicit_consent"}, True),
        ("consent_relied_on", {"lawful_basis.article6": "consent"}, True),
        ("consent_relied_on", {}, False),
        ("vital_interests_relied_on", {"lawful_basis.article9": "vital_interests"}, True),
        ("vital_interests_relied_on", {"lawful_basis.article6": "vital_interests"}, True),
        ("vital_interests_relied_on", {}, False),
        ("sensitive", {"data.categories": ["criminal_offence"]}, True),
        ("sensitive", {"data.special_category_types": ["health"]}, True),
        ("sensitive", {}, False),
        ("personal", {}, True),
        ("personal", {"data.categories": ["anonymised", "aggregated"]}, False),
        ("urgent", {"context.urgent_risk_to_life": True}, True),
        ("urgent", {"context.urgent_risk_to_life": None}, False),
        ("in_meeting", {"context.setting": "marac"}, True),
        ("in_meeting", {"context.setting": None}, False),
        ("discloser_signatory", {}, True),
        ("discloser_signatory", {"discloser.organisation": "Acme Private Investigations"}, False),
        ("recipient_signatory", {"recipient.organisation": "Rugby BC"}, True),
        ("recipient_signatory", {"recipient.organisation": "Rugby Bowls Club"}, False),
        ("recipient_relevant_authority", {"recipient.organisation": "Rugby BC"}, True),
        ("recipient_relevant_authority", {"recipient.organisation": "Refuge"}, False),
        ("recipient_relevant_authority", {"recipient.organisation": "Rugby Bowls Club"}, None),
        ("discloser_public_authority", {}, True),
        ("discloser_public_authority", {"discloser.organisation": "Refuge"}, False),
        ("discloser_public_authority", {"discloser.organisation": "Acme Private Investigations"}, None),
    ],
)
def test_a_worked_out_fact_follows_what_the_disclosure_says(
    pack: Pack, fact: str, changes: dict[str, Any], expected: bool | None
) -> None:
    assert getattr(facts(pack, **changes), fact) is expected


@pytest.mark.parametrize(
    ("recipient", "kind", "expected"),
    [
        # Not in the register: the kind given decides (s.115(2)), signed or not.
        ("Coventry City Council", "local_authority", True),
        ("West Mercia Police", "police", True),
        ("Hertfordshire Police and Crime Commissioner", "local_policing_body", True),
        ("Kent, Surrey and Sussex Probation", "probation", True),
        ("NHS Birmingham and Solihull Integrated Care Board", "health_commissioner", True),
        ("University Hospitals Coventry and Warwickshire NHS Trust", "health_provider", False),
        ("British Transport Police", "other_police", False),
        ("Kenilworth Town Council", "parish_council", False),
        ("Hereford and Worcester Fire Authority", "fire_and_rescue", False),
        ("Orbit Homes", "housing_provider", False),
        ("Coventry City Council", None, None),
        # In the register: the register's kind wins over the one given.
        ("Refuge", "local_authority", False),
        ("Rugby BC", "voluntary", True),
        ("South Warwickshire University NHS Foundation Trust", None, False),
        ("NHS Coventry and Warwickshire ICB", None, True),
    ],
)
def test_the_recipient_is_a_relevant_authority_by_its_kind_the_registers_first(
    pack: Pack, recipient: str, kind: str | None, expected: bool | None
) -> None:
    worked_out = facts(pack, **{"recipient.organisation": recipient, "recipient.kind": kind})
    assert worked_out.recipient_relevant_authority is expected


@pytest.mark.parametrize(
    ("discloser", "kind", "expected"),
    [
        ("West Mercia Police", "police", True),
        ("Coventry City Council", "local_authority", True),
        ("Department for Education", "government", True),
        ("A Private Clinic", "health_provider", None),
        ("Avon Valley Community Kitchen", "voluntary", None),
        ("Avon Valley Community Kitchen", None, None),
        ("Refuge", "local_authority", False),
        ("Warwickshire Police", "voluntary", True),
    ],
)
def test_an_unregistered_discloser_is_a_public_authority_only_when_its_kind_makes_it_certain(
    pack: Pack, discloser: str, kind: str | None, expected: bool | None
) -> None:
    worked_out = facts(pack, **{"discloser.organisation": discloser, "discloser.kind": kind})
    assert worked_out.discloser_public_authority is expected


def _passed_fields() -> tuple[str, ...]:
    """The fields Facts.of passes by position: those without a default (they come first)."""
    return Facts.__struct_fields__[: len(Facts.__struct_fields__) - len(Facts.__struct_defaults__)]


def test_the_facts_fit_in_one_call_of_positional_arguments_built_without_a_tuple() -> None:
    # Facts.of builds the struct with one positional argument per field without a default; past
    # MAX_FIELDS, CPython first builds a tuple of them, which costs a few hundred nanoseconds on
    # every check.
    assert len(_passed_fields()) <= MAX_FIELDS


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"context.secondary_disclosure": True}, True),
        ({"context.secondary_disclosure": False, "data.originator": "Refuge"}, False),
        # The discloser as originator does not show the risk absent: not known (fail closed).
        ({"context.secondary_disclosure": None, "data.originator": "Warwickshire Police"}, None),
        ({"context.secondary_disclosure": None, "data.originator": "Refuge"}, True),
        ({"context.secondary_disclosure": None, "data.originator": "Warwickshire Police CID"}, None),
        ({"context.secondary_disclosure": None, "data.originator": "a GP surgery"}, True),
        ({"context.secondary_disclosure": None, "data.originator": None}, None),
        ({"context.secondary_disclosure": None, "data.originator": "   "}, None),
        # Containing the discloser's name is not being the discloser.
        (
            {
                "context.secondary_disclosure": None,
                "discloser.organisation": "Refuge",
                "data.originator": "Refugee Action",
            },
            True,
        ),
        (
            {
                "context.secondary_disclosure": None,
                "data.originator": "West Mercia Police (shared with Warwickshire Police)",
            },
            True,
        ),
        # An originator who refused owns the information, whatever else is said.
        (
            {
                "context.secondary_disclosure": None,
                "data.originator": None,
                "context.originator_agreed": False,
            },
            True,
        ),
        ({"context.secondary_disclosure": False, "context.originator_agreed": False}, True),
        (
            {
                "context.secondary_disclosure": None,
                "data.originator": None,
                "context.originator_agreed": True,
            },
            None,
        ),
    ],
)
def test_information_came_from_elsewhere_when_said_or_when_its_originator_is_someone_else(
    pack: Pack, changes: dict[str, Any], expected: bool | None
) -> None:
    assert facts(pack, **changes).came_from_elsewhere is expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, True),
        ({"data.originator": "Rugby Borough Council"}, False),
        ({"data.originator": None}, True),
        ({"data.originator": None, "discloser.organisation": "Refuge"}, False),
        # An originator left blank (or only spaces, which the contract strips) is not given.
        ({"data.originator": ""}, True),
        ({"data.originator": "   "}, True),
        ({"data.originator": "", "discloser.organisation": "Refuge"}, False),
        ({"data.originator": "British Transport Police"}, True),
        ({"data.originator": "a GP surgery"}, False),
        # No originator, and a discloser not in the register: its kind says it.
        (
            {
                "data.originator": None,
                "discloser.organisation": "West Mercia Police",
                "discloser.kind": "police",
            },
            True,
        ),
        ({"data.originator": None, "discloser.organisation": "BTP", "discloser.kind": "other_police"}, True),
        ({"data.originator": None, "discloser.organisation": "West Mercia Police"}, False),
        ({"data.originator": None, "discloser.organisation": "Refuge", "discloser.kind": "police"}, False),
    ],
)
def test_police_information_is_known_by_its_originator_or_else_its_discloser(
    pack: Pack, changes: dict[str, Any], expected: bool
) -> None:
    assert facts(pack, **changes).police_information is expected


@pytest.mark.parametrize(
    ("discloser", "recipient", "expected"),
    [
        ("Warwickshire Police", "Warwickshire Police", True),
        ("Rugby Borough Council", "Rugby BC", True),
        ("Warwickshire Police", "Rugby Borough Council", False),
        ("Acme Private Investigations", "ACME private investigations", True),
        ("Acme Private Investigations", "Refuge", False),
    ],
)
def test_the_same_organisation_is_recognised_by_any_of_its_names(
    pack: Pack, discloser: str, recipient: str, expected: bool
) -> None:
    changes = {"discloser.organisation": discloser, "recipient.organisation": recipient}
    assert facts(pack, **changes).same_organisation is expected


def test_the_pack_is_past_its_review_only_after_the_due_date(pack: Pack) -> None:
    assert pack.meta.review_due == BEFORE_REVIEW
    assert facts(pack, BEFORE_REVIEW).pack_past_review is False
    assert facts(pack, AFTER_REVIEW).pack_past_review is True


def test_every_yes_or_no_fact_is_one_a_gate_may_name(pack: Pack) -> None:
    worked_out = facts(pack)
    types = typing.get_type_hints(Facts)
    for name in Facts.__struct_fields__:
        if types[name] is bool:
            assert CLOSED_FACTS.get(name) == frozenset({True, False}), name
        elif types[name] == bool | None:
            assert CLOSED_FACTS.get(name) == frozenset({True, False, None}), name
    for name in MAY_BE_UNKNOWN:  # worked out from facts that may be unknown
        assert CLOSED_FACTS[name] == frozenset({True, False, None}), name
    assert worked_out.setting in CLOSED_FACTS["setting"]
    assert not {"discloser", "recipient", "meeting", "pack", "today"} & set(CLOSED_FACTS)


def test_the_facts_are_built_from_locals_named_as_the_fields_in_field_order() -> None:
    # Facts.of passes its values by position, for speed: a value in the wrong place would
    # silently become another fact, so the call must read exactly like the field list.
    tree = ast.parse(textwrap.dedent(inspect.getsource(Facts.of)))
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "cls"
    ]
    assert len(calls) == 1
    (call,) = calls
    assert not call.keywords
    assert [arg.id if isinstance(arg, ast.Name) else ast.dump(arg) for arg in call.args] == list(
        _passed_fields()
    )


@pytest.mark.parametrize(
    ("subjects", "expected"),
    [
        ([{"role": "victim", "deceased": True}], False),
        ([{"role": "victim", "deceased": True}, {"role": "offender", "deceased": True}], False),
        # One person alive, or not known to have died, keeps the information about the living.
        ([{"role": "victim", "deceased": True}, {"role": "offender", "deceased": False}], True),
        ([{"role": "victim", "deceased": True}, {"role": "witness"}], True),
        ([{"role": "victim", "deceased": None}], True),
        ([{"role": "victim", "deceased": False}], True),
        # Nobody listed: not known to be about the dead only.
        ([], True),
    ],
)
def test_the_information_is_about_the_dead_only_when_everyone_listed_is_said_to_have_died(
    pack: Pack, subjects: list[dict[str, object]], expected: bool
) -> None:
    assert facts(pack, subjects=subjects).about_the_living is expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"data.categories": ["aggregated"], "data.smallest_count": 4}, True),
        ({"data.categories": ["aggregated"], "data.smallest_count": 5}, False),  # at the threshold
        ({"data.categories": ["aggregated"]}, False),  # not given: decided as before
        ({"data.categories": ["aggregated", "personal"], "data.smallest_count": 1}, False),  # personal anyway
        (
            {
                "data.categories": ["anonymised"],
                "data.special_category_types": ["health"],
                "data.smallest_count": 1,
            },
            False,
        ),
    ],
)
def test_small_numbers_are_figures_with_nothing_personal_but_a_count_below_the_threshold(
    pack: Pack, changes: dict[str, Any], expected: bool
) -> None:
    worked_out = facts(pack, **changes)
    assert worked_out.small_numbers is expected
    if expected:
        assert worked_out.personal


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, False),
        ({"handling.distribution": "one"}, False),
        ({"handling.distribution": "several_hidden"}, True),
        ({"handling.distribution": "several_visible"}, True),
        ({"recipient.other_recipients": ["Refuge"]}, True),
        ({"recipient.other_recipients": []}, False),
    ],
)
def test_several_recipients_are_others_named_or_a_distribution_to_several(
    pack: Pack, changes: dict[str, Any], expected: bool
) -> None:
    assert facts(pack, **changes).several_recipients is expected


def test_the_facts_cannot_be_changed_by_a_rule(pack: Pack) -> None:
    worked_out = facts(pack)
    with pytest.raises(AttributeError):
        worked_out.personal = False  # type: ignore[misc]


@settings(max_examples=200, deadline=None)
@given(disclosures())
def test_special_category_is_worked_out_as_the_register_reads_it(pack: Pack, data: dict[str, Any]) -> None:
    view = view_of(data)
    assert Facts.of(view, pack, AFTER_REVIEW).special is involves_special_category(view)


@settings(max_examples=200, deadline=None)
@given(disclosures())
def test_personal_data_is_worked_out_as_the_paperwork_reads_it(pack: Pack, data: dict[str, Any]) -> None:
    view = view_of(data)
    threshold = pack.small_number_threshold
    assert Facts.of(view, pack, AFTER_REVIEW).personal is involves_personal_data(view, threshold)
