#!/usr/bin/env python3
"""Checks a pack's quotations.toml against the protocol's published text.

The review pack prints the protocol's words under each clause, and a lawyer relies on them being
the protocol's words, not ours. So every quotation is checked word for word against the source:
each piece between omissions ("…") and our own words ([square brackets]) must appear in the
published text, once emphasis, list markers and spacing are set aside. It also checks that every
clause of the pack is quoted and that no quotation carries a person's name from the signature
tables, an email address or a telephone number.

The tests run it against docs/source/warwickshire-csp-protocol.txt, the published text without its
people's names and contact details. A maintainer runs it against the full published text as well
when the quotations or the protocol change, which also checks that no name from the signature
tables has crept in:

    python scripts/check_quotations.py [--pack rules/warwickshire-csp] [--source PROTOCOL.txt]
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
#: The published text without people's names and contact details (see its header); give the full
#: published text with --source to check for names as well.
DEFAULT_SOURCE = REPO / "docs" / "source" / "warwickshire-csp-protocol.txt"
DEFAULT_PACK = REPO / "rules" / "warwickshire-csp"

#: Where the protocol itself begins in the published agenda pack (earlier items reuse its numbers).
PROTOCOL_START = "WARWICKSHIRE COMMUNITY SAFETY"
#: Where the signature tables begin: the names and contact details no quotation may carry.
SIGNATURES_START = "Appendix 12: Safer Warwickshire Partnership Board Signatures"

_OMISSION = "…"
_OUR_WORDS = re.compile(r"\[[^\]]*\]")
_LIST_MARK = re.compile(r"^\s*(?:[•◦]\s+)", re.MULTILINE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\(?\b0\d{2,4}\)?[\s-]?\d{3}[\s-]?\d{3,4}\b|\(\d{6}\)")
_ROLE_TEXT = """manager officer director chief head service services ceo executive coordinator governor
    trustee chair administrator administrators consultant worker lead nurse assistant deputy
    operations regional partnership senior community safety housing support team area project
    youth designated safeguarding police council inspectors locality based medical interim
    associate public health environment planning transport children families social care
    education policy leader information governance assurance dpo monitoring law bid control room
    neighbourhood coach partnerships tenancy development delivery independent modern slavery
    advocate amended by version"""
#: Words of a role or a team, which are not a person's name.
_ROLE_WORDS = frozenset(_ROLE_TEXT.split())


def normalise(text: str) -> str:
    """The text as words and single spaces, without markup, emphasis or list markers."""
    text = re.sub(r"\[([^\]]+)\]\(mailto:[^)]+\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = text.replace("\\*", "").replace("**", "").replace("*", "")
    text = re.sub(r"^\s*(?:#+|-)\s+", "", text, flags=re.MULTILINE)
    return " ".join(text.split())


def pieces(words: str) -> list[str]:
    """The parts of a quotation that must be the protocol's words, in order."""
    words = _LIST_MARK.sub("", words)
    found: list[str] = []
    for part in _OUR_WORDS.split(words):
        found.extend(p for p in (normalise(x) for x in part.split(_OMISSION)) if p)
    return found


def signatory_names(source: str) -> set[str]:
    """Personal names in the signature tables and the change history, to keep out of the pack."""
    names: set[str] = set()
    start = source.find(SIGNATURES_START)
    history = source.find("## 18. Change History")
    rows = source[start:].splitlines() if start >= 0 else []
    if history >= 0:
        rows += source[history : source.find("## 19.", history)].splitlines()
    for row in rows:
        cells = row.split("\t")
        for cell in cells[1:3]:
            cell = re.sub(r"<[^>]+>", " ", cell)
            for part in re.split(r"\s[-–]\s?|-\s|,|/|\bSupported by\b|\band\b|\(|\)", cell):
                candidate = " ".join(w for w in part.split() if w[:1].isupper() and w.isascii())
                words = candidate.split()
                if len(words) >= 2 and not any(w.lower().strip(".'") in _ROLE_WORDS for w in words):
                    names.add(" ".join(words[:2]))
    return names


def check(source_text: str, quotations: list[dict[str, str]], clause_ids: list[str]) -> list[str]:
    """Every problem with the quotations, each naming its entry; empty when all is well."""
    begin = source_text.find(PROTOCOL_START)
    protocol = normalise(source_text[begin:] if begin >= 0 else source_text)
    names = signatory_names(source_text)
    problems: list[str] = []
    quoted: set[str] = set()
    for index, entry in enumerate(quotations):
        clause, words = entry.get("clause", "?"), entry.get("words", "")
        where = f"quotation[{index}] ({clause}, {entry.get('paragraph', '?')})"
        quoted.add(clause)
        for piece in pieces(words):
            if piece not in protocol:
                problems.append(f"{where}: not the protocol's words: {piece[:90]!r}")
        for email in _EMAIL.findall(words):
            problems.append(f"{where}: carries an email address ({email})")
        for phone in _PHONE.findall(words):
            problems.append(f"{where}: carries a telephone number ({phone})")
        for name in sorted(names):
            if name in words:
                problems.append(f"{where}: carries a name from the signature tables ({name})")
    for clause in clause_ids:
        if clause not in quoted:
            problems.append(f"clause {clause} has no quotation")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pack", type=Path, default=DEFAULT_PACK)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    args = parser.parse_args(argv)
    if not args.source.is_file():
        print(f"The protocol text is not at {args.source}: give it with --source.", file=sys.stderr)
        return 2
    source = args.source.read_text(encoding="utf-8")
    quotations = tomllib.loads((args.pack / "quotations.toml").read_text(encoding="utf-8"))["quotation"]
    clauses = tomllib.loads((args.pack / "clauses.toml").read_text(encoding="utf-8"))["clause"]
    problems = check(source, quotations, [c["id"] for c in clauses])
    for problem in problems:
        print(problem)
    print(
        f"{len(quotations)} quotations of {len(clauses)} clauses checked against {args.source.name}: "
        + (f"{len(problems)} problem(s)" if problems else "all are the protocol's words")
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
