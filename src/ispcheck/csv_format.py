"""Disclosures as CSV rows: one column per field of the contract, named by its dotted path.

Case systems export logs as spreadsheets more often than as JSON, so ``ispcheck audit`` reads
CSV too. The columns are derived from the contract itself, so a field added to the contract is a
column at once. The format (also in the README):

- a header row of dotted paths (``discloser.organisation``, ``data.categories``, ...), in any order;
  only the required fields must be present; a column the contract does not know is an error;
- an empty cell means "not known" (the field is left out); so where an empty text is an answer of
  its own (``consent.restrictions``: empty text means there are no limits on consent), the cell
  says ``none`` (in any case) for it;
- lists (``data.categories``, ``data.special_category_types``) separate values with ``;``;
- ``subjects`` lists people as ``role``, ``role:child`` or ``role:adult`` separated by ``;``
  (a bare role means it is not known whether the person is a child), each optionally followed by
  ``:deceased`` or ``:living`` (``victim:adult:deceased``, ``victim:deceased``); without either,
  it is not known whether the person has died;
- yes/no facts are ``true`` or ``false`` (``yes``/``no`` and ``1``/``0`` are accepted too, in any
  case); a CSV cell is always text, so here, and only here, such words are read as booleans. A
  yes/no fact that also takes a word (``context.formal_request_form``: ``not_applicable``) takes
  that word too, in any case.
- counts (``data.smallest_count``) are whole numbers written in digits (``3``), read as numbers;
- names (``recipient.other_recipients``) are separated by ``;`` like other lists.

A row becomes exactly the JSON a case system would send, and is then validated like any other
disclosure, so a CSV log and a JSON Lines log of the same disclosures get the same decisions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from difflib import get_close_matches
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from .disclosure import Disclosure
from .errors import Problem

__all__ = [
    "COLUMNS",
    "LIST_SEPARATOR",
    "NONE_CELL",
    "REQUIRED_COLUMNS",
    "SUBJECTS",
    "disclosure_to_row",
    "header_problems",
    "read_header",
    "row_to_disclosure",
]

LIST_SEPARATOR = ";"
#: Text columns where empty text is an answer ("no limits"), written ``none`` since an empty cell
#: means not known.
_NONE_IS_EMPTY = frozenset({"consent.restrictions"})
NONE_CELL = "none"
SUBJECTS = "subjects"
_CHILD = {"child": True, "adult": False}
_DECEASED = {"deceased": True, "living": False}
#: What a yes/no cell may say, in any case: the words the contract's reader took for true and
#: false before it asked for JSON booleans (``on``/``off``, ``t``/``f`` and ``y``/``n`` as well).
_YES_NO = {
    **dict.fromkeys(("true", "yes", "1", "on", "t", "y"), True),
    **dict.fromkeys(("false", "no", "0", "off", "f", "n"), False),
}


def _is_list(annotation: Any) -> bool:
    if getattr(annotation, "__origin__", None) is tuple:
        return True
    return any(_is_list(arg) for arg in get_args(annotation))


def _is_flag(annotation: Any) -> bool:
    return annotation is bool or any(_is_flag(arg) for arg in get_args(annotation))


def _words_besides(annotation: Any) -> frozenset[str]:
    """The words a yes/no field also accepts ("not_applicable"), from the ``Literal`` in its type."""
    if get_origin(annotation) is Literal:
        return frozenset(a for a in get_args(annotation) if isinstance(a, str))
    return frozenset(w for arg in get_args(annotation) for w in _words_besides(arg))


def _is_count(annotation: Any) -> bool:
    return annotation is int or any(_is_count(arg) for arg in get_args(annotation))


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def _columns() -> tuple[
    tuple[str, ...],
    frozenset[str],
    frozenset[str],
    frozenset[str],
    tuple[str, ...],
    dict[str, frozenset[str]],
]:
    """Every leaf column of the contract: the list-valued, yes/no and count ones, the required ones,
    and the words a yes/no column accepts besides yes and no."""
    columns: list[str] = []
    lists: set[str] = set()
    flags: set[str] = set()
    counts: set[str] = set()
    required: list[str] = []
    words: dict[str, frozenset[str]] = {}
    for group, field in Disclosure.model_fields.items():
        if group == SUBJECTS:
            columns.append(SUBJECTS)
            continue
        model = _model_of(field.annotation)
        if model is None:  # pragma: no cover - every other top-level field is a group
            continue
        for name, inner in model.model_fields.items():
            path = f"{group}.{name}"
            columns.append(path)
            if _is_list(inner.annotation):
                lists.add(path)
            if _is_flag(inner.annotation):
                flags.add(path)
                besides = _words_besides(inner.annotation)
                if besides:
                    words[path] = besides
            if _is_count(inner.annotation):
                counts.add(path)
            if field.is_required() and inner.is_required():
                required.append(path)
    return tuple(columns), frozenset(lists), frozenset(flags), frozenset(counts), tuple(required), words


COLUMNS, _LIST_COLUMNS, _FLAG_COLUMNS, _COUNT_COLUMNS, REQUIRED_COLUMNS, _FLAG_WORDS = _columns()
_KNOWN = frozenset(COLUMNS)


def read_header(cells: Sequence[str]) -> tuple[list[str], list[Problem]]:
    """The column names of a header row (spaces and a byte-order mark removed) and its problems."""
    header = [cell.strip().lstrip("\ufeff").strip() for cell in cells]
    return header, header_problems(header)


def header_problems(header: Sequence[str]) -> list[Problem]:
    """What is wrong with a header row: unknown, repeated or missing required columns."""
    problems = []
    seen: set[str] = set()
    for column in header:
        if column in seen:
            problems.append(Problem(column, "this column appears more than once"))
        seen.add(column)
        if column not in _KNOWN:
            hint = get_close_matches(column, COLUMNS, n=1)
            guess = f" Did you mean {hint[0]!r}?" if hint else ""
            problems.append(
                Problem(
                    column, f"not a field of the disclosure contract.{guess} See the README for the columns"
                )
            )
    for column in REQUIRED_COLUMNS:
        if column not in seen:
            problems.append(Problem(column, "this required column is missing"))
    return problems


def row_to_disclosure(header: Sequence[str], cells: Sequence[str]) -> tuple[dict[str, Any], list[Problem]]:
    """The JSON-shaped disclosure a row stands for, and any problems only the CSV form can have.

    ``header`` is the list :func:`read_header` returns. The result still has to be validated
    against the contract (``parse_disclosure``).
    """
    if len(cells) != len(header):
        return {}, [Problem("", f"the row has {len(cells)} cells but the header has {len(header)} columns")]
    result: dict[str, Any] = {}
    problems: list[Problem] = []
    for column, raw in zip(header, cells, strict=True):
        cell = raw.strip()
        if not cell:
            continue
        if column == SUBJECTS:
            result[SUBJECTS] = _subjects(cell, problems)
            continue
        group, _, field = column.partition(".")
        value: Any = cell
        if column in _NONE_IS_EMPTY and cell.lower() == NONE_CELL:
            value = ""
        elif column in _LIST_COLUMNS:
            value = [v.strip() for v in cell.split(LIST_SEPARATOR) if v.strip()]
        elif column in _COUNT_COLUMNS:
            if not (cell.isascii() and cell.isdigit()):
                problems.append(
                    Problem(
                        column,
                        f"{cell!r} is not allowed: write a whole number in digits (such as 3), or "
                        "leave the cell empty if not known",
                    )
                )
                continue
            value = int(cell)
        elif column in _FLAG_COLUMNS:
            besides = _FLAG_WORDS.get(column, frozenset())
            word = cell.lower()
            value = word if word in besides else _YES_NO.get(word)
            if value is None:
                also = "".join(f", or {w}" for w in sorted(besides))
                problems.append(
                    Problem(
                        column,
                        f"{cell!r} is not allowed: write true or false (yes/no and 1/0 also work){also}, "
                        "or leave the cell empty if not known",
                    )
                )
                continue
        result.setdefault(group, {})[field] = value
    return result, problems


def _subjects(cell: str, problems: list[Problem]) -> list[dict[str, Any]]:
    people: list[dict[str, Any]] = []
    for item in cell.split(LIST_SEPARATOR):
        text = item.strip()
        if not text:
            continue
        role, *parts = text.split(":")
        person: dict[str, Any] = {"role": role.strip()}
        if not _read_subject_parts(parts, person):
            problems.append(
                Problem(
                    SUBJECTS,
                    f"{text!r} is not allowed: write a role, optionally followed by :child or :adult, "
                    "then optionally :deceased or :living",
                )
            )
            continue
        people.append(person)
    return people


def _read_subject_parts(parts: list[str], person: dict[str, Any]) -> bool:
    """Put ``:child``/``:adult`` then ``:deceased``/``:living`` into ``person``; False if not allowed."""
    words = [part.strip().lower() for part in parts]
    if words and words[0] in _CHILD:
        person["is_child"] = _CHILD[words.pop(0)]
    if words and words[0] in _DECEASED:
        person["deceased"] = _DECEASED[words.pop(0)]
    return not words


def disclosure_to_row(disclosure: Mapping[str, Any]) -> dict[str, str]:
    """One CSV row (column -> cell) for a JSON-shaped disclosure; the inverse of the reader."""
    row: dict[str, str] = {}
    for column in COLUMNS:
        if column == SUBJECTS:
            row[column] = LIST_SEPARATOR.join(_subject_cell(s) for s in disclosure.get(SUBJECTS) or ())
            continue
        group, _, field = column.partition(".")
        part = disclosure.get(group)
        value = part.get(field) if isinstance(part, Mapping) else None
        row[column] = NONE_CELL if value == "" and column in _NONE_IS_EMPTY else _cell(value)
    return row


def _subject_cell(subject: Mapping[str, Any]) -> str:
    child = subject.get("is_child")
    suffix = "" if child is None else (":child" if child else ":adult")
    deceased = subject.get("deceased")
    suffix += "" if deceased is None else (":deceased" if deceased else ":living")
    return f"{subject.get('role', '')}{suffix}"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)
