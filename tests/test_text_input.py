"""Reading a disclosure written as JSON or YAML: what cannot be read is named by its source.

Stricter than the formats: a key given twice is an error naming it, YAML's booleans are only
``true`` and ``false``, and nesting too deep to read is bad input rather than a fault.
"""

from __future__ import annotations

import json

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ispcheck.errors import DisclosureError
from ispcheck.text_input import read_disclosure_text, read_json

from .conftest import clean_disclosure


def problems_reading(text: str) -> list[tuple[str, str]]:
    with pytest.raises(DisclosureError) as caught:
        read_disclosure_text(text, source="case.yaml")
    return [(p.path, p.message) for p in caught.value.problems]


def test_text_that_is_neither_json_nor_yaml_is_named_by_its_source() -> None:
    with pytest.raises(DisclosureError) as caught:
        read_disclosure_text("a: [1", source="answers.json")
    (problem,) = caught.value.problems
    assert problem.message.startswith("answers.json is neither valid JSON nor valid YAML at line")


# -- a key given twice --------------------------------------------------------------------------


def test_a_key_given_twice_in_json_is_refused_naming_the_key() -> None:
    text = '{"context": {"ongoing_investigation": false, "ongoing_investigation": true}}'
    assert problems_reading(text) == [
        ("context.ongoing_investigation", "this field is given twice; give it only once")
    ]


def test_a_key_given_twice_in_yaml_is_refused_naming_the_key_and_its_lines() -> None:
    text = "context:\n  ongoing_investigation: false\n  setting: marac\n  ongoing_investigation: true\n"
    assert problems_reading(text) == [
        ("context.ongoing_investigation", "this field is given twice (at lines 2 and 4); give it only once")
    ]


def test_a_key_given_twice_on_one_line_of_yaml_names_that_line_once() -> None:
    assert problems_reading("context: {evidential_use: true, evidential_use: false}\n") == [
        ("context.evidential_use", "this field is given twice (at line 1); give it only once")
    ]


def test_every_key_given_more_than_once_is_named_with_how_often() -> None:
    text = json.dumps(clean_disclosure())[:-1] + ', "handling": {}, "handling": {}}'
    text = text.replace('"role": "victim"', '"role": "victim", "role": "witness"')
    assert problems_reading(text) == [
        ("subjects.0.role", "this field is given twice; give it only once"),
        ("handling", "this field is given 3 times; give it only once"),
    ]


def test_every_key_given_twice_in_yaml_is_named_in_the_order_of_the_text() -> None:
    text = "subjects:\n- role: victim\n  role: witness\nhandling: {}\nhandling: {}\n"
    assert [path for path, _ in problems_reading(text)] == ["subjects.0.role", "handling"]


def test_a_top_level_key_given_twice_is_named_by_itself() -> None:
    text = json.dumps(clean_disclosure())[:-1] + ', "purpose": {"code": "safeguarding"}}'
    assert problems_reading(text) == [("purpose", "this field is given twice; give it only once")]


@pytest.mark.parametrize(
    "text",
    [
        '{"discloser": {"organisation": "Warwickshire Police"}, "recipient": {"organisation": "Refuge"}}',
        "discloser: {organisation: Warwickshire Police}\nrecipient:\n  organisation: Refuge\n",
        '{"subjects": [{"role": "victim"}, {"role": "witness"}]}',
    ],
)
def test_the_same_key_in_two_different_objects_is_not_given_twice(text: str) -> None:
    assert read_disclosure_text(text) == yaml.safe_load(text)


def test_a_yaml_merge_is_refused_as_it_needs_an_alias() -> None:
    text = (
        "defaults: &d {setting: marac, evidential_use: false}\ncontext:\n  <<: *d\n  evidential_use: true\n"
    )
    with pytest.raises(DisclosureError, match="anchors and aliases"):
        read_disclosure_text(text)


BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{b}: &{b} [{', '.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)


def test_yaml_aliases_are_refused_before_anything_is_built_so_a_small_bomb_costs_nothing() -> None:
    with pytest.raises(DisclosureError) as caught:
        read_disclosure_text(BILLION_LAUGHS + "data: {categories: *i}\n", source="bomb.yaml")
    (problem,) = caught.value.problems
    assert problem.message == "bomb.yaml uses YAML anchors and aliases (&name, *name): write each value out"


def test_the_same_value_written_out_twice_without_an_alias_is_read() -> None:
    text = "a: [lol, lol]\nb: [lol, lol]\n"
    assert read_disclosure_text(text) == {"a": ["lol", "lol"], "b": ["lol", "lol"]}


def test_a_text_longer_than_any_disclosure_is_refused_without_being_read() -> None:
    from ispcheck.text_input import MAX_TEXT

    with pytest.raises(DisclosureError, match="characters long; a disclosure is at most"):
        read_disclosure_text("#" * (MAX_TEXT + 1), source="huge.yaml")


def test_a_text_just_within_the_limit_is_read() -> None:
    from ispcheck.text_input import MAX_TEXT

    body = json.dumps(clean_disclosure())
    text = body + " " * (MAX_TEXT - len(body))
    assert read_disclosure_text(text) == clean_disclosure()


def test_the_json_reader_refuses_a_key_given_twice_in_bytes_too() -> None:
    with pytest.raises(DisclosureError) as caught:
        read_json(b'[{"a": 1}, {"b": 1, "b": 1}]', source="the line")
    assert [p.path for p in caught.value.problems] == ["1.b"]


# -- YAML's booleans ----------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "Yes", "NO", "On", "OFF", "y", "n", "Y", "N"])
def test_yes_no_on_and_off_in_yaml_are_text_not_booleans(word: str) -> None:
    assert read_disclosure_text(f"context:\n  ongoing_investigation: {word}\n") == {
        "context": {"ongoing_investigation": word}
    }


@pytest.mark.parametrize(
    ("word", "value"),
    [("true", True), ("True", True), ("TRUE", True), ("false", False), ("False", False), ("FALSE", False)],
)
def test_true_and_false_in_their_yaml_1_2_spellings_are_booleans(word: str, value: bool) -> None:
    assert read_disclosure_text(f"context: {{ongoing_investigation: {word}}}") == {
        "context": {"ongoing_investigation": value}
    }


def test_yes_and_no_quoted_or_in_a_list_stay_text_and_null_stays_null() -> None:
    data = read_disclosure_text("a: 'yes'\nb: [no, off]\nc: null\nd: ~\ne:\n")
    assert data == {"a": "yes", "b": ["no", "off"], "c": None, "d": None, "e": None}


def test_a_yaml_boolean_tag_on_a_yaml_1_1_word_is_refused() -> None:
    ((path, message),) = problems_reading("context: {ongoing_investigation: !!bool yes}\n")
    assert path == ""
    assert message.startswith("case.yaml is neither valid JSON nor valid YAML at line 1")


# -- byte order marks, nesting, values that cannot be read --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "\ufeff" + json.dumps({"context": {"ongoing_investigation": False}}),
        "\ufeffcontext:\n  ongoing_investigation: false\n",
    ],
)
def test_a_byte_order_mark_at_the_start_is_ignored(text: str) -> None:
    assert read_disclosure_text(text) == {"context": {"ongoing_investigation": False}}


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 100_000 + "1" + "}" * 100_000,
        "context: " + "[" * 100_000 + "]" * 100_000 + "\nsetting: marac\n",  # YAML, not JSON
    ],
    ids=["json lists", "json objects", "yaml flow lists"],
)
def test_text_nested_too_deeply_to_read_is_bad_input_naming_its_source(text: str) -> None:
    assert problems_reading(text) == [("", "case.yaml has lists or objects nested too deeply to read")]


@pytest.mark.parametrize(
    "text", ["[" * 50 + "]" * 50, "context: " + "[" * 50 + "]" * 50 + "\n"], ids=["json", "yaml"]
)
def test_text_nested_fifty_deep_is_still_read(text: str) -> None:
    assert read_disclosure_text(text) == yaml.safe_load(text)


def test_a_date_that_does_not_exist_in_yaml_is_bad_input() -> None:
    assert problems_reading("purpose: {statement: 2024-02-30}\n") == [
        ("", "case.yaml has a value that cannot be read: day is out of range for month")
    ]


def test_a_number_too_long_to_read_is_bad_input() -> None:
    assert problems_reading('{"a": ' + "1" * 5000 + "}") == [("", "case.yaml has a number too long to read")]


def test_an_empty_document_is_named_as_empty() -> None:
    assert problems_reading("\ufeff# nothing here\n") == [("", "case.yaml is empty")]


def test_a_character_yaml_refuses_at_the_very_start_is_bad_input_not_a_fault() -> None:
    """Found by tests/test_reader_fuzz.py: PyYAML refuses some characters while it is set up."""
    with pytest.raises(DisclosureError, match="neither valid JSON nor valid YAML"):
        read_disclosure_text("\x1f", source="input")


# -- the fast reader gives what the standard library's reader gives ------------------------------

_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(_JSON_VALUES, st.booleans())
def test_any_json_without_a_key_given_twice_reads_as_the_standard_reader_reads_it(
    value: object, as_bytes: bool
) -> None:
    text = json.dumps(value, ensure_ascii=False)
    assert read_json(text.encode("utf-8") if as_bytes else text) == json.loads(text)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(max_size=6), _JSON_VALUES, min_size=1, max_size=4), st.data())
def test_a_key_given_twice_anywhere_is_refused_however_its_colons_fall(
    value: dict[str, object], data: st.DataObject
) -> None:
    key = data.draw(st.sampled_from(sorted(value)))
    text = json.dumps(value)[:-1] + f", {json.dumps(key)}: {json.dumps(data.draw(_JSON_VALUES))}" + "}"
    with pytest.raises(DisclosureError):
        read_json(text)
