"""Turning outside input into a :class:`Disclosure`, or into a list of problems a person can fix.

Every problem names the field by its dotted path and, for a closed vocabulary, lists the allowed
values; an unknown field suggests the nearest known one, so ``consnet`` points at ``consent``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from difflib import get_close_matches
from typing import Any

from pydantic import BaseModel, ValidationError

from .disclosure import Disclosure
from .errors import DisclosureError, Problem
from .text_input import read_disclosure_text
from .vocabulary import not_a_yes_or_no

__all__ = ["model_in", "parse_disclosure", "parse_disclosure_text", "problems_from"]


def parse_disclosure(data: Mapping[str, Any]) -> Disclosure:
    """Validate a JSON-shaped mapping against the contract."""
    if not isinstance(data, Mapping):
        raise DisclosureError([Problem("", f"a disclosure must be a JSON object, not {type(data).__name__}")])
    try:
        try:
            return Disclosure.model_validate(data)
        except ValidationError as exc:
            raise DisclosureError(problems_from(exc)) from None
    except RecursionError:  # a value nested too deeply to show: a dict built in Python can be
        raise DisclosureError(
            [Problem("", "the disclosure has lists or objects nested too deeply to read")]
        ) from None


def parse_disclosure_text(text: str, *, source: str = "input") -> Disclosure:
    """Read a disclosure written as JSON or YAML (JSON is tried first; YAML is its superset)."""
    return parse_disclosure(read_disclosure_text(text, source=source))


def problems_from(exc: ValidationError) -> list[Problem]:
    """One readable problem per pydantic error, in the order of the contract."""
    errors = exc.errors(include_url=False)
    # A list with a bad item is also "too short" once the item is dropped: report the item only.
    bad_items = {err["loc"][:-1] for err in errors if err["loc"] and isinstance(err["loc"][-1], int)}
    problems = []
    words_for: dict[tuple[int | str, ...], list[str]] = {}
    for err in errors:
        loc = err["loc"]
        if err["type"] == "too_short" and loc in bad_items:
            continue
        if loc and _is_branch(loc[-1]):
            # A yes/no fact that also takes a word ("not_applicable"): pydantic reports each kind
            # it tried; the officer gets one problem for the field, naming the word as well.
            field = loc[:-1]
            if field not in words_for:
                words_for[field] = []
                problems.append(Problem(".".join(str(part) for part in field), ""))
            if err["type"] == "literal_error":
                words_for[field].append(_values(err.get("ctx", {}).get("expected", "")))
            else:
                words_for[field].insert(0, not_a_yes_or_no(err.get("input")))
            continue
        path = ".".join(str(part) for part in loc)
        problems.append(Problem(path, _explain(err, loc)))
    return [_with_words(p, words_for) for p in problems]


def _is_branch(part: int | str) -> bool:
    """Whether a location step names the kind of value tried, not a field ("bool", "literal[...]")."""
    return isinstance(part, str) and (part == "bool" or part.startswith("literal["))


def _with_words(problem: Problem, words_for: Mapping[tuple[int | str, ...], list[str]]) -> Problem:
    """The problem of a yes/no fact that also takes words, with those words in its message."""
    if problem.message:
        return problem
    found = next(parts for loc, parts in words_for.items() if ".".join(map(str, loc)) == problem.path)
    yes_no = next((m for m in found if m.startswith("must be")), not_a_yes_or_no(None))
    words = ", ".join(f'"{w}"' for part in found if not part.startswith("must be") for w in part.split(", "))
    return Problem(problem.path, yes_no.replace(", or null if not known", f", {words}, or null if not known"))


def _explain(err: Any, loc: tuple[int | str, ...]) -> str:
    kind = err["type"]
    given = err.get("input")
    ctx = err.get("ctx") or {}
    if kind == "extra_forbidden":
        allowed = _fields_at(loc[:-1])
        hint = get_close_matches(str(loc[-1]), allowed, n=1)
        guess = f" Did you mean {hint[0]!r}?" if hint else ""
        return f"unknown field.{guess} Allowed fields here: {', '.join(allowed)}"
    if kind == "missing":
        return "this field is required"
    if kind == "literal_error":
        return f"{_shown(given)} is not allowed. Allowed values: {_values(ctx.get('expected', ''))}"
    if kind in ("bool_type", "bool_parsing"):
        return not_a_yes_or_no(given)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        shown = json.dumps(given) if isinstance(given, bool | str | float) else _shown(given)
        return f"must be a whole number (a JSON number such as 3), or null if not known; got {shown}"
    if kind == "greater_than_equal":
        return f"must be {ctx.get('ge')} or more; got {_shown(given)}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        return "must list at least one value"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"must be an object with the fields {', '.join(_fields_at(loc))}"
    if kind in ("tuple_type", "list_type"):
        return f"must be a list, not {type(given).__name__}"
    return str(err["msg"])


#: The most characters of a value a message repeats: enough to recognise it, never a flood.
SHOWN_MAX = 60


def _shown(value: Any) -> str:
    """A value as a message shows it, cut short with its full length when it is long."""
    if isinstance(value, list | tuple | dict):
        return f"a {'list' if not isinstance(value, dict) else 'object'} of {len(value):,} items"
    text = repr(value)
    if len(text) <= SHOWN_MAX:
        return text
    return f"{text[: SHOWN_MAX - 3]}... ({len(text):,} characters)"


def _values(expected: str) -> str:
    """Turn pydantic's "'a', 'b' or 'c'" into "a, b, c"."""
    return expected.replace("' or '", "', '").replace("'", "")


def _fields_at(loc: tuple[int | str, ...]) -> list[str]:
    """The field names of the contract object at ``loc`` (list indexes skipped)."""
    model: type[BaseModel] = Disclosure
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(str(part))
        if field is None:
            return []
        inner = model_in(field.annotation)
        if inner is None:
            return []
        model = inner
    return list(model.model_fields)


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field of the contract holds (itself, optional, or in a tuple), or None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = model_in(arg)
        if found is not None:
            return found
    return None
