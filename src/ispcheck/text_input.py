"""Reading a disclosure written as JSON or YAML into plain data, before any validation.

Stricter than the formats' own readers, which guess where they should refuse:

- a key given twice in one object is an error naming it (both readers would keep the last value
  silently, so the order of two contradictory facts would decide the answer);
- YAML's booleans are only ``true`` and ``false`` (YAML 1.2), so an unquoted ``no`` is the text
  "no", which the contract then refuses, not false as YAML 1.1 reads it;
- lists or objects nested too deeply to read are bad input, not a fault;
- a UTF-8 byte order mark at the start is ignored.

Kept apart from :mod:`ispcheck.validation` so that the command line can read a file and hand the
data to the fast path without building the contract models.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

import msgspec

from .errors import DisclosureError, Problem

if TYPE_CHECKING:
    import yaml

__all__ = ["MAX_TEXT", "no_key_given_twice", "read_disclosure_text", "read_json"]

_BOM = "\ufeff"
#: The longest text read as one disclosure: far more than the contract's fields can hold (its
#: texts are at most 5,000 characters each), and small enough to read at once without harm.
MAX_TEXT = 1_000_000


def read_disclosure_text(text: str, *, source: str = "input") -> Any:
    """The data of a disclosure written as JSON or YAML, not yet validated.

    For callers that validate on the fast path (``Checker.check`` takes the data as it is).
    Raises ``DisclosureError`` for text that cannot be read, a key given twice, or nesting too
    deep to read.
    """
    text = text.removeprefix(_BOM)
    if len(text) > MAX_TEXT:
        raise DisclosureError(
            [Problem("", f"{source} is {len(text):,} characters long; a disclosure is at most {MAX_TEXT:,}")]
        )
    try:
        data = read_json(text, source=source)
    except json.JSONDecodeError:
        data = _read_yaml(text, source)
    if data is None:
        raise DisclosureError([Problem("", f"{source} is empty")])
    return data


def read_json(text: str | bytes, *, source: str = "input") -> Any:
    """The data of one JSON document, refusing a key given twice in any object.

    Raises ``DisclosureError`` for a key given twice (naming each by its dotted path) and for
    nesting too deep to read; ``json.JSONDecodeError`` (a ``ValueError``) for text that is not
    JSON, and ``UnicodeDecodeError`` for bytes that are not UTF-8.

    Most documents are read by msgspec, several times faster, when counting shows no key was given
    twice (see :func:`no_key_given_twice`); anything it cannot vouch for, or cannot read, is read
    again by the standard library's reader, which names what is wrong.
    """
    try:
        fast = _decode_fast(text)
    except Exception:  # not JSON msgspec reads (or not UTF-8, or too deep): the reader below says why
        pass
    else:
        # Walking a big document to count its keys costs more than writing it out again.
        if no_key_given_twice(fast, text, _keys if len(text) < 8192 else None):
            return fast
    repeated: list[_Repeated] = []

    def one_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        found = dict(pairs)
        if len(found) != len(pairs):
            found = _Repeated(found, pairs)
            repeated.append(found)
        return found

    try:
        data = json.loads(text, object_pairs_hook=one_object)
    except RecursionError:
        raise DisclosureError([_too_deep(source)]) from None
    except ValueError as exc:
        if isinstance(exc, json.JSONDecodeError | UnicodeDecodeError):
            raise
        # The only other: a whole number with more digits than Python will convert.
        raise DisclosureError([Problem("", f"{source} has a number too long to read")]) from None
    if repeated:
        raise DisclosureError(_repeated_in_json(data))
    return data


_decode_fast = msgspec.json.Decoder().decode
_encode_fast = msgspec.json.Encoder().encode


def _keys(data: Any) -> int:
    """How many keys the objects in ``data`` hold, at every depth."""
    count, pending = 0, [data]
    while pending:
        value = pending.pop()
        if type(value) is dict:
            count += len(value)
            pending.extend(value.values())
        elif type(value) is list:
            pending.extend(value)
    return count


def no_key_given_twice(data: Any, raw: str | bytes, count_keys: Callable[[Any], int] | None = _keys) -> bool:
    """True when counting shows that no key was given twice in ``raw``, which ``data`` was read from.

    Each key in JSON text is followed by a colon, and every other colon is inside a string.
    msgspec keeps one of a key given twice, so a key given twice leaves more colons in ``raw``
    than keys read, or than colons in ``data`` written out again. A colon written as an escape
    (``\\u003a``) is in the strings read but not in ``raw``, so such text goes to the strict reader.
    False means "not shown", not "given twice". ``count_keys`` counts the keys read (a reader
    that knows the shape of its documents may count faster); None skips that first count.
    """
    colons = raw.count(":") if isinstance(raw, str) else raw.count(b":")
    if count_keys is not None and count_keys(data) == colons:  # no colon in any text: nothing to write
        return True
    if "\\u003" in raw if isinstance(raw, str) else b"\\u003" in raw:
        return False
    try:
        return _encode_fast(data).count(b":") == colons
    except Exception:  # text that cannot be written out again: the strict reader decides
        return False


class _Repeated(dict[str, Any]):
    """A JSON object in which some key was given more than once; ``counts`` says how often."""

    __slots__ = ("counts",)

    def __init__(self, found: dict[str, Any], pairs: list[tuple[str, Any]]) -> None:
        super().__init__(found)
        self.counts = {key: n for key, n in Counter(key for key, _ in pairs).items() if n > 1}


def _repeated_in_json(data: Any) -> list[Problem]:
    """A problem for each key given more than once, by its dotted path, in the order of the text."""
    problems = []
    todo: list[tuple[str, Any, int]] = [("", data, 0)]
    while todo:  # not recursive: what was read may be nested almost as deep as Python allows
        path, value, times = todo.pop()
        if times:
            problems.append(Problem(path, _given(times)))
        if isinstance(value, dict):
            counts = value.counts if isinstance(value, _Repeated) else {}
            todo.extend(
                (_joined(path, key), item, counts.get(key, 0)) for key, item in reversed(value.items())
            )
        elif isinstance(value, list):
            todo.extend((_joined(path, str(n)), item, 0) for n, item in reversed(list(enumerate(value))))
    return problems


def _joined(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _given(times: int, lines: list[int] | None = None) -> str:
    """The message for a key given ``times`` times (at ``lines``, when the reader knows them)."""
    how_often = "twice" if times == 2 else f"{times} times"
    where = ""
    if lines:
        at = sorted(set(lines))
        where = (
            f" (at line {at[0]})"
            if len(at) == 1
            else f" (at lines {', '.join(map(str, at[:-1]))} and {at[-1]})"
        )
    return f"this field is given {how_often}{where}; give it only once"


def _too_deep(source: str) -> Problem:
    return Problem("", f"{source} has lists or objects nested too deeply to read")


# -- YAML ---------------------------------------------------------------------------------------

#: The only spellings of true and false in YAML 1.2 (its core schema).
_BOOLEAN = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_BOOL_TAG = "tag:yaml.org,2002:bool"
_MERGE_TAG = "tag:yaml.org,2002:merge"


def _read_yaml(text: str, source: str) -> Any:
    import yaml  # only hand-written files need it, so it is not imported on the hot path

    try:
        loader = _strict_loader()(text)  # reads the first characters: may refuse them already
    except yaml.YAMLError as exc:
        said = str(exc).splitlines()[0]  # PyYAML's first line says what; the rest is its own position
        raise DisclosureError(
            [Problem("", f"{source} is neither valid JSON nor valid YAML ({said})")]
        ) from None
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if _uses_aliases(node):
            # Refused before anything is built: a few hundred bytes of aliases can stand for
            # billions of copies of a value, and a disclosure never needs one.
            raise DisclosureError(
                [Problem("", f"{source} uses YAML anchors and aliases (&name, *name): write each value out")]
            )
        problems = _repeated_in_yaml(loader, node)
        if problems:
            raise DisclosureError(problems)
        return loader.construct_document(node)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        at = f" at line {where.line + 1}, column {where.column + 1}" if where else ""
        raise DisclosureError([Problem("", f"{source} is neither valid JSON nor valid YAML{at}")]) from None
    except RecursionError:
        raise DisclosureError([_too_deep(source)]) from None
    except DisclosureError:
        raise
    except ValueError as exc:  # a date that does not exist (2024-02-30), a number too long to read
        raise DisclosureError([Problem("", f"{source} has a value that cannot be read: {exc}")]) from None
    finally:
        loader.dispose()


@cache
def _strict_loader() -> type[yaml.SafeLoader]:
    """PyYAML's safe loader, with true and false spelt only as YAML 1.2 spells them.

    YAML 1.1, which PyYAML follows, also reads ``yes``, ``no``, ``on`` and ``off`` (in three
    cases each) as booleans; here they stay text. (``y`` and ``n`` are text in PyYAML already.)
    """
    import yaml

    class StrictLoader(yaml.SafeLoader):
        def construct_yaml_bool(self, node: yaml.ScalarNode) -> bool:
            value = self.construct_scalar(node)
            if not _BOOLEAN.match(value):
                raise yaml.constructor.ConstructorError(
                    None, None, f"{value!r} is not true or false", node.start_mark
                )
            return value.lower() == "true"

    StrictLoader.yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != _BOOL_TAG]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    StrictLoader.add_implicit_resolver(_BOOL_TAG, _BOOLEAN, list("tTfF"))
    StrictLoader.add_constructor(_BOOL_TAG, StrictLoader.construct_yaml_bool)
    return StrictLoader


def _uses_aliases(root: yaml.Node) -> bool:
    """Whether any node is reached twice: what an alias (``*name``) makes of the node it names."""
    import yaml

    seen: set[int] = set()
    todo = [root]
    while todo:
        node = todo.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            todo.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            todo.extend(node.value)
    return False


def _repeated_in_yaml(loader: yaml.SafeLoader, root: yaml.Node) -> list[Problem]:
    """A problem for each key given more than once in a mapping, with the lines it is on.

    Keys brought in by a merge (``<<: *defaults``) may be given again: that is what merging is for.
    """
    import yaml

    found: list[tuple[int, Problem]] = []
    seen: set[int] = set()  # an alias is the node it names: walk each node once
    todo: list[tuple[str, yaml.Node]] = [("", root)]
    while todo:
        path, node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            lines: dict[Any, list[int]] = {}
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.tag != _MERGE_TAG:
                    key = loader.construct_object(key_node)
                    lines.setdefault(key, []).append(key_node.start_mark.line + 1)
            found.extend(
                (at[1], Problem(_joined(path, str(key)), _given(len(at), at)))
                for key, at in lines.items()
                if len(at) > 1
            )
            children = [
                (_joined(path, str(k.value)), v) for k, v in node.value if isinstance(k, yaml.ScalarNode)
            ]
        elif isinstance(node, yaml.SequenceNode):
            children = [(_joined(path, str(n)), item) for n, item in enumerate(node.value)]
        else:
            children = []
        todo.extend(reversed(children))
    return [problem for _, problem in sorted(found, key=lambda item: item[0])]
