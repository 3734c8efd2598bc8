"""The fast view reads a disclosure exactly as the contract does, and never accepts more."""

from __future__ import annotations

import copy
import json
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from ispcheck import Checker, parse_disclosure
from ispcheck.disclosure import Disclosure
from ispcheck.errors import DisclosureError
from ispcheck.view import (
    ConsentView,
    DisclosureView,
    group_struct,
    quick_view,
    view_by_contract,
    view_of,
    view_of_json,
)
from ispcheck.vocabulary import OPTIONAL_GROUPS

from .conftest import clean_disclosure
from .strategies import any_disclosures, damaged_disclosures, json_values

common = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Text the contract treats specially: spaces around it are stripped (Unicode White_Space, not
#: Python's wider idea of space), some code points are refused outright.
AWKWARD_TEXT = st.sampled_from(
    (
        " padded ",
        "\tDC 1234\n",
        "   ",
        "",
        "trailing unit separator\x1c",
        "\x1fleading",
        "no\u00a0break\u00a0space\u00a0",
        "\u3000ideographic",
        "lone surrogate \ud800",
        "x" * 201,
        "y" * 5001,
        "y" * 5000 + " ",
    )
)


def as_contract_reads_it(data: Any) -> DisclosureView | None:
    """The view of the contract's reading of ``data``, or None when the contract refuses it."""
    try:
        return view_of(parse_disclosure(data))
    except DisclosureError:
        return None


@st.composite
def awkward_disclosures(draw: st.DrawFn) -> dict[str, Any]:
    """A valid disclosure with one text field, flag or group made awkward."""
    data = draw(any_disclosures())
    choice = draw(st.sampled_from(("text", "flag", "null group", "list as tuple")))
    if choice == "text":
        group, name = draw(
            st.sampled_from(
                (
                    ("discloser", "organisation"),
                    ("discloser", "officer"),
                    ("recipient", "organisation"),
                    ("data", "description"),
                    ("data", "originator"),
                    ("purpose", "statement"),
                    ("consent", "reason_not_sought"),
                    ("consent", "restrictions"),
                    ("necessity", "statement"),
                )
            )
        )
        data.setdefault(group, {})[name] = draw(AWKWARD_TEXT)
    elif choice == "flag":
        data["accuracy"] = {"identity_verified": draw(st.sampled_from((1, 0, 1.0, "yes", "true", "no", 2)))}
    elif choice == "null group":
        data[
            draw(st.sampled_from(("subjects", "lawful_basis", "consent", "context", "data", "handling")))
        ] = None
    else:
        data["data"]["categories"] = tuple(data["data"]["categories"])
    return data


@common
@given(any_disclosures())
def test_every_valid_disclosure_is_read_by_the_fast_reader_as_the_contract_reads_it(
    data: dict[str, Any],
) -> None:
    view = quick_view(copy.deepcopy(data))
    assert view is not None
    assert view == as_contract_reads_it(data)


@common
@given(st.one_of(damaged_disclosures(), awkward_disclosures(), json_values))
def test_the_fast_reader_never_accepts_what_the_contract_refuses_and_reads_the_rest_alike(data: Any) -> None:
    quick = quick_view(copy.deepcopy(data)) if isinstance(data, dict) else None
    contract = as_contract_reads_it(data)
    if quick is not None:
        assert contract is not None, "the fast reader accepted a disclosure the contract refuses"
        assert quick == contract


@common
@given(st.one_of(damaged_disclosures(), awkward_disclosures()))
def test_checking_a_dict_gives_the_decision_the_contract_reading_gives(checker: Checker, data: Any) -> None:
    contract = as_contract_reads_it(data)
    if contract is None:
        with pytest.raises(DisclosureError):
            checker.check(data)
    else:
        assert checker.check(data).to_dict() == checker.decide(contract).to_dict()


def test_spaces_around_text_are_stripped_as_the_contract_strips_them() -> None:
    data = clean_disclosure(**{"discloser.officer": "  DC 1234\n", "purpose.statement": "\u3000to visit "})
    view = quick_view(data)
    assert view is not None
    assert view.discloser.officer == "DC 1234"
    assert view.purpose.statement == "to visit"


def test_text_without_spaces_around_it_is_kept_as_it_is() -> None:
    view = quick_view(clean_disclosure(**{"discloser.officer": "DC 1234"}))
    assert view is not None
    assert view.discloser.officer == "DC 1234"


def test_a_unit_separator_at_the_end_of_text_is_kept_as_the_contract_keeps_it() -> None:
    data = clean_disclosure(**{"discloser.officer": "DC 1234\x1c"})
    assert quick_view(data) == as_contract_reads_it(data)
    assert view_of(data).discloser.officer == "DC 1234\x1c"


def test_an_organisation_of_only_spaces_is_refused_with_the_contracts_message(checker: Checker) -> None:
    with pytest.raises(DisclosureError) as caught:
        checker.check(clean_disclosure(**{"recipient.organisation": "   "}))
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("recipient.organisation", "must not be empty")
    ]


def test_a_lone_surrogate_in_text_is_refused_as_the_contract_refuses_it(checker: Checker) -> None:
    data = clean_disclosure(**{"purpose.statement": "broken \ud800 text"})
    assert quick_view(data) is None
    with pytest.raises(DisclosureError) as caught:
        checker.check(data)
    assert caught.value.problems[0].path == "purpose.statement"


@pytest.mark.parametrize("given", ["yes", "no", "true", "1", "on", 1, 0, 1.0])
def test_a_yes_no_fact_given_as_text_or_a_number_is_refused_by_both_readings_naming_the_field(
    given: Any,
) -> None:
    """Left to the contract by the fast reader, and refused by the contract: never guessed at."""
    data = clean_disclosure(**{"accuracy.identity_verified": given})
    assert quick_view(data) is None
    assert as_contract_reads_it(data) is None
    with pytest.raises(DisclosureError) as caught:
        view_of(data)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        (
            "accuracy.identity_verified",
            f"must be true or false (a JSON boolean), or null if not known; got {json.dumps(given)}",
        )
    ]
    assert json_reading(json.dumps(data)) is None
    assert contract_json_reading(json.dumps(data)) is None


@pytest.mark.parametrize("given", [True, False, None])
def test_a_yes_no_fact_given_as_true_false_or_null_is_read_alike_by_both_readings(given: Any) -> None:
    data = clean_disclosure(**{"accuracy.identity_verified": given})
    view = quick_view(data)
    assert view is not None
    assert view.accuracy.identity_verified is given
    assert view == as_contract_reads_it(data) == json_reading(json.dumps(data))


def test_text_that_says_yes_is_still_text_where_text_is_expected() -> None:
    data = clean_disclosure(**{"purpose.statement": "yes", "discloser.officer": "no"})
    view = view_of(data)
    assert (view.purpose.statement, view.discloser.officer) == ("yes", "no")


def test_a_null_group_of_optional_facts_means_none_of_them_is_known() -> None:
    data = clean_disclosure(consent=None, context=None, subjects=None)
    view = quick_view(data)
    assert view is not None
    assert view == as_contract_reads_it(data)
    assert view.consent.status is None
    assert view.context.setting is None  # not known: a risk, so the decision asks for it
    assert view.subjects == ()


def test_an_unknown_field_is_refused_with_a_suggestion_from_the_contract(checker: Checker) -> None:
    data = clean_disclosure()
    data["consnet"] = data.pop("consent")
    assert quick_view(data) is None
    with pytest.raises(DisclosureError) as caught:
        checker.check(data)
    assert "Did you mean 'consent'?" in str(caught.value)


def test_the_view_has_every_field_of_the_contract_in_the_same_order() -> None:
    def model_fields(model: type[BaseModel]) -> dict[str, Any]:
        return {name: field.annotation for name, field in model.model_fields.items()}

    contract = model_fields(Disclosure)
    view = {f.name: f.type for f in msgspec.structs.fields(DisclosureView)}
    assert sorted(view) == sorted(contract)
    for group, annotation in contract.items():
        model = annotation if isinstance(annotation, type) else annotation.__args__[0]
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            continue
        struct = view[group]
        while not (isinstance(struct, type) and issubclass(struct, msgspec.Struct)):
            struct = struct.__args__[0]  # a group that may be null, or a list of them
        assert [f.name for f in msgspec.structs.fields(struct)] == list(model.model_fields), group


def test_a_contract_model_is_turned_into_the_same_view_as_its_dict() -> None:
    data = clean_disclosure()
    assert view_of(parse_disclosure(data)) == view_of(data)


def json_reading(raw: str) -> DisclosureView | None:
    try:
        return view_of_json(raw)
    except ValidationError:
        return None


def contract_json_reading(raw: str) -> DisclosureView | None:
    try:
        return view_of(Disclosure.model_validate_json(raw))
    except ValidationError:
        return None


@common
@given(st.one_of(any_disclosures(), damaged_disclosures(), awkward_disclosures(), json_values))
def test_a_line_of_json_is_read_as_the_contract_reads_it(data: Any) -> None:
    raw = json.dumps(data)
    assert json_reading(raw) == contract_json_reading(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "not json at all",
        "[1, 2]",
        '"a string"',
        '{"discloser": {"organisation": "\\ud800"}}',
    ],
)
def test_awkward_json_is_read_or_refused_as_the_contract_does(raw: str) -> None:
    assert json_reading(raw) == contract_json_reading(raw)


def with_discloser(text: str) -> str:
    """The clean disclosure as one line of JSON, with its discloser written as ``text``."""
    discloser = json.dumps({"organisation": "Warwickshire Police", "officer": "DC 1234"})
    line = json.dumps(clean_disclosure())
    assert discloser in line
    return line.replace(discloser, text)


@pytest.mark.parametrize("as_bytes", [False, True])
def test_a_key_given_twice_in_a_line_of_json_is_refused_naming_the_key(as_bytes: bool) -> None:
    """msgspec's decoder, like pydantic's, would keep the last of the two, silently."""
    line = with_discloser('{"organisation": "Refuge", "organisation": "Warwickshire Police"}')
    with pytest.raises(DisclosureError) as caught:
        view_of_json(line.encode() if as_bytes else line)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("discloser.organisation", "this field is given twice; give it only once")
    ]


@pytest.mark.parametrize(
    "discloser",
    [
        '{"organisation": "Refuge: Rugby", "organisation": "Refuge"}',
        '{"organisation": "Refuge", "organisation": "Refuge: Rugby"}',
        '{"organisation": "Refuge", "organisation": "Refuge", "officer": "DC\\u003a 1234"}',
        '{"organisation": "Refuge", "organisation": "Refuge", "officer": "DC\\u003a 1234: IDVA"}',
    ],
)
def test_a_key_given_twice_with_a_colon_in_some_text_is_refused_too(discloser: str) -> None:
    """A colon in text (or written as an escape, ``\\u003a``) cannot hide a key given twice."""
    with pytest.raises(DisclosureError) as caught:
        view_of_json(with_discloser(discloser))
    assert [p.path for p in caught.value.problems] == ["discloser.organisation"]


def test_a_key_given_twice_deep_inside_an_unknown_field_is_refused_too() -> None:
    line = with_discloser('{"organisation": "Refuge", "notes": [{"a": {"b": 1, "b": 2}}]}')
    with pytest.raises(DisclosureError) as caught:
        view_of_json(line)
    assert [p.path for p in caught.value.problems] == ["discloser.notes.0.a.b"]


@pytest.mark.parametrize(
    ("discloser", "officer"),
    [
        ('{"organisation": "Refuge: Rugby", "officer": "10:30 call"}', "10:30 call"),
        ('{"organisation": "Refuge: Rugby", "officer": "10\\u003a30 call"}', "10:30 call"),
        ('{"organisation": "Refuge: Rugby", "officer": "\\u003a"}', ":"),
    ],
)
def test_the_same_key_in_two_objects_and_colons_in_text_are_read_as_written(
    discloser: str, officer: str
) -> None:
    line = with_discloser(discloser)
    view = view_of_json(line)
    assert view.discloser.organisation == "Refuge: Rugby"
    assert view.discloser.officer == officer
    assert view.recipient.organisation == "Rugby Borough Council"  # "organisation" once in each
    assert view == view_by_contract(json.loads(line))


def objects_in(data: Any, here: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The path of every object (with at least one key) in ``data``, ``data`` itself first."""
    found = [here] if isinstance(data, dict) and data else []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        found.extend(objects_in(value, (*here, str(key))))
    return found


def dumps_giving_a_key_twice(data: Any, where: tuple[str, ...], key: str, again: str, at: int) -> str:
    """``data`` as JSON, with ``key`` of the object at ``where`` given again (``again`` is JSON) at ``at``."""

    def written(value: Any, here: tuple[str, ...]) -> str:
        if isinstance(value, dict):
            items = [f"{json.dumps(k)}: {written(v, (*here, k))}" for k, v in value.items()]
            if here == where:
                items.insert(at % (len(items) + 1), f"{json.dumps(key)}: {again}")
            return "{" + ", ".join(items) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(written(v, (*here, str(n))) for n, v in enumerate(value)) + "]"
        return json.dumps(value)

    return written(data, ())


@common
@given(any_disclosures(), st.data())
def test_a_key_given_twice_anywhere_in_a_line_is_refused_naming_it(
    data: dict[str, Any], draw: st.DataObject
) -> None:
    """Whatever the key, the object, the place and the second value: the same, null, or text with
    a colon in it, written as it is or as an escape."""
    where = draw.draw(st.sampled_from(objects_in(data)))
    group: Any = data
    for part in where:
        group = group[int(part)] if isinstance(group, list) else group[part]
    key = draw.draw(st.sampled_from(sorted(group)))
    again = draw.draw(
        st.sampled_from((json.dumps(group[key]), "null", "true", '"10:30: a note"', '"a \\u003a"'))
    )
    line = dumps_giving_a_key_twice(data, where, key, again, draw.draw(st.integers(0, 20)))
    with pytest.raises(DisclosureError) as caught:
        view_of_json(line.encode())
    assert [p.path for p in caught.value.problems] == [".".join((*where, key))]


@pytest.mark.parametrize("raw", ["[" * 100_000 + "]" * 100_000, '{"a":' * 100_000 + "1" + "}" * 100_000])
def test_a_line_nested_too_deeply_to_read_is_refused_as_bad_input(raw: str) -> None:
    with pytest.raises(DisclosureError) as caught:
        view_of_json(raw)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("", "the line has lists or objects nested too deeply to read")
    ]


def test_the_text_checked_on_every_check_is_every_text_field_of_the_contract() -> None:
    from ispcheck.view import _TEXT_FIELDS, _needs_stripping

    data = clean_disclosure()
    for number, (group, name) in enumerate(_TEXT_FIELDS):
        data.setdefault(group, {})[name] = f"text {number}"
    view = view_of(data)
    assert not _needs_stripping(view)

    def with_text(text: str, group: str, name: str) -> DisclosureView:
        changed = msgspec.structs.replace(getattr(view, group), **{name: text})
        return msgspec.structs.replace(view, **{group: changed})

    for group, name in _TEXT_FIELDS:
        assert _needs_stripping(with_text(" spaced", group, name)), (group, name)
        assert _needs_stripping(with_text("spaced\n", group, name)), (group, name)
        assert not _needs_stripping(with_text("caf\u00e9", group, name)), (group, name)
        with pytest.raises(UnicodeEncodeError):
            _needs_stripping(with_text("lone \ud800", group, name))

    def is_text(annotation: Any) -> bool:
        """str, or text-or-null (the contract's Name and Text, with their constraints)."""
        return annotation is str or any(
            arg is str or (getattr(arg, "__origin__", None) is str)
            for arg in getattr(annotation, "__args__", ())
        )

    groups = {name: field.annotation for name, field in Disclosure.model_fields.items()}
    contract_text = {
        (group, name)
        for group, model in groups.items()
        if isinstance(model, type) and issubclass(model, BaseModel)
        for name, inner in model.model_fields.items()
        if is_text(inner.annotation)
    }
    assert set(_TEXT_FIELDS) == contract_text


@pytest.mark.parametrize("group", sorted(OPTIONAL_GROUPS))
def test_an_optional_group_given_as_null_is_read_as_left_out(group: str) -> None:
    given_null = {**clean_disclosure(), group: None}
    left_out = {k: v for k, v in clean_disclosure().items() if k != group}
    view = quick_view(given_null)
    assert view is not None
    assert (
        view == quick_view(left_out) == view_by_contract(given_null) == view_of_json(json.dumps(given_null))
    )
    assert getattr(view, group) is not None


def test_the_view_takes_null_for_exactly_the_groups_the_contract_takes_null_for() -> None:
    may_be_null = {
        info.name
        for info in msgspec.structs.fields(DisclosureView)
        if type(None) in getattr(info.type, "__args__", ())
    }
    assert may_be_null == OPTIONAL_GROUPS


def test_a_required_group_given_as_null_is_left_to_the_contract_to_refuse() -> None:
    data = {**clean_disclosure(), "handling": None}
    assert quick_view(data) is None
    with pytest.raises(DisclosureError):
        view_of(data)


def test_the_struct_of_a_group_is_found_whether_or_not_it_may_be_null() -> None:
    assert group_struct(ConsentView) is ConsentView
    assert group_struct(ConsentView | None) is ConsentView
    assert group_struct(str | None) is None
    assert group_struct(int) is None


# -- fields added for issue 15 -------------------------------------------------------------------


@pytest.mark.parametrize(("given", "shown"), [(True, "true"), ("3", '"3"'), (3.5, "3.5"), (-1, None)])
def test_a_smallest_count_that_is_not_a_whole_number_is_refused_by_both_readings_naming_the_field(
    given: Any, shown: str | None
) -> None:
    data = clean_disclosure(**{"data.smallest_count": given, "data.categories": ["aggregated"]})
    assert quick_view(data) is None
    assert as_contract_reads_it(data) is None
    with pytest.raises(DisclosureError) as caught:
        view_of(data)
    ((path, message),) = [(p.path, p.message) for p in caught.value.problems]
    assert path == "data.smallest_count"
    assert message == (
        f"must be a whole number (a JSON number such as 3), or null if not known; got {shown}"
        if shown
        else "must be 0 or more; got -1"
    )
    assert json_reading(json.dumps(data)) is None


def test_names_of_other_recipients_are_stripped_and_refused_when_empty_as_the_contract_does() -> None:
    spaced = clean_disclosure(**{"recipient.other_recipients": ["  Refuge ", "Warwickshire County Council"]})
    assert quick_view(spaced) is None  # left to the contract, which strips
    assert view_of(spaced).recipient.other_recipients == ("Refuge", "Warwickshire County Council")
    empty = clean_disclosure(**{"recipient.other_recipients": ["Refuge", "   "]})
    with pytest.raises(DisclosureError) as caught:
        view_of(empty)
    assert [p.path for p in caught.value.problems] == ["recipient.other_recipients.1"]


def test_plain_names_of_other_recipients_are_read_by_the_fast_reader_as_the_contract_reads_them() -> None:
    data = clean_disclosure(
        **{"recipient.other_recipients": ["Refuge"], "handling.distribution": "several_hidden"}
    )
    view = quick_view(data)
    assert view is not None and view == as_contract_reads_it(data) == json_reading(json.dumps(data))


def test_a_smallest_count_written_with_a_point_and_nothing_after_it_is_that_whole_number() -> None:
    """JSON Schema counts 3.0 as an integer, and some case systems write every number so."""
    data = clean_disclosure(**{"data.smallest_count": 3.0, "data.categories": ["aggregated"]})
    assert view_of(data).data.smallest_count == 3
    assert type(view_of(data).data.smallest_count) is int
    assert view_of(data) == view_of(
        clean_disclosure(**{"data.smallest_count": 3, "data.categories": ["aggregated"]})
    )
