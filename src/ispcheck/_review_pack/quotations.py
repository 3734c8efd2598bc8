"""The pack's ``quotations.toml``: the protocol's own words for each clause.

A lawyer checks a rule against the protocol, not against our summary of it, so the review pack
prints the protocol's words under each clause. They are kept in the pack as data (quoted from the
published text, with its paragraph numbers) so that an installed ispcheck needs no other file. The
file is read only for the review pack, not on every check, and strictly: every problem at once.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass

from ..pack import Pack
from .errors import ReviewPackError

__all__ = ["QUOTATIONS_FILE", "Quotation", "load_quotations"]

#: The file of a pack that quotes the protocol's words for each clause.
QUOTATIONS_FILE = "quotations.toml"
_KEYS = frozenset({"clause", "paragraph", "words"})


@dataclass(frozen=True)
class Quotation:
    """The protocol's words for a clause, and where in the protocol they are."""

    paragraph: str
    words: str

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The words split where the protocol breaks them (a blank line in the file)."""
        return tuple(p.strip() for p in self.words.split("\n\n") if p.strip())


def load_quotations(pack: Pack) -> dict[str, tuple[Quotation, ...]]:
    """The pack's quotations by clause id, in the file's order (empty without the file).

    Every entry must name a clause of the pack and give a paragraph and some words; every problem
    is reported together, naming the entry.
    """
    if pack.path is None or not (pack.path / QUOTATIONS_FILE).is_file():
        return {}
    path = pack.path / QUOTATIONS_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ReviewPackError(f"{path}: cannot be read ({exc})") from None
    entries = data.get("quotation", [])
    if not isinstance(entries, list):
        raise ReviewPackError(f"{path}: [[quotation]] must be a list of tables")
    problems: list[str] = []
    found: dict[str, list[Quotation]] = {}
    for index, entry in enumerate(entries):
        where = f"{path.name}: quotation[{index}]"
        if not isinstance(entry, dict):
            problems.append(f"{where}: not a table")
            continue
        clause, paragraph, words = entry.get("clause"), entry.get("paragraph"), entry.get("words")
        where += f" ({clause})" if isinstance(clause, str) else ""
        extra = sorted(set(entry) - _KEYS)
        if extra:
            problems.append(f"{where}: unknown keys {', '.join(extra)} (allowed: clause, paragraph, words)")
        if not isinstance(clause, str) or clause not in pack.clauses:
            problems.append(f"{where}: clause {clause!r} is not in clauses.toml")
            continue
        if not isinstance(paragraph, str) or not paragraph.strip():
            problems.append(f"{where}: needs the paragraph it quotes (its number or heading in the protocol)")
            continue
        if not isinstance(words, str) or not words.strip():
            problems.append(f"{where}: needs the protocol's words")
            continue
        found.setdefault(clause, []).append(Quotation(paragraph.strip(), words.strip()))
    if problems:
        raise ReviewPackError(f"{path} is not valid:\n" + "\n".join(f"  - {p}" for p in problems))
    return {clause: tuple(quotes) for clause, quotes in found.items()}
