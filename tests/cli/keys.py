"""Typing at the checklist without a terminal: scripted lines in, the screen out as text."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from ispcheck import Checker
from ispcheck.cli.checklist_session import Session
from ispcheck.interview import Interview

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "checklist"

#: The MARAC example (examples/checklist/marac-police-to-refuge.json) as an officer types it; "1"
#: after the Schedule 1 condition says it is made under the UK GDPR (police are asked which data
#: protection law applies, as the answer changes the rules).
MARAC_KEYS = [
    "n", "Warks Police", "Refuge", "1,2,3", "1,2", "n", "n", "1", "5",
    "to update the victim's safety plan", "1", "4", "2", "1", "1", "1", "1", "2",
    "asking could alert the perpetrator", "the IDVA needs the risk history",
    "y", "1,2,3,4", "y", "1,2", "0",
]  # fmt: skip
#: The urgent example (examples/checklist/urgent-risk-to-life-by-phone.json) as typed.
URGENT_KEYS = [
    "y", "Warwickshire Police", "West Midlands Ambulance Service", "1,2", "5", "n",
    "a man has said he has taken an overdose and given his address", "5",
]  # fmt: skip


class Keys:
    """Plays typed lines to the session; running out is like closing the terminal."""

    def __init__(self, lines: list[str]) -> None:
        self.lines: Iterator[str] = iter(lines)
        #: Each prompt shown, as plain text (its markup read).
        self.prompts: list[str] = []

    def __call__(self, prompt: str) -> str:
        self.prompts.append(Text.from_markup(prompt).plain)
        try:
            return next(self.lines)
        except StopIteration:
            raise EOFError from None


def play(
    checker: Checker, tmp_path: Path, keys: list[str], interview: Interview | None = None
) -> tuple[Session, Keys, io.StringIO]:
    """Run a session at 80 columns typing ``keys``; the session, what was typed and the screen."""
    out = io.StringIO()
    console = Console(file=out, width=80, color_system=None, highlight=False)
    typed = Keys(keys)
    s = Session(
        interview or Interview(checker),
        console,
        tmp_path / "draft.json",
        str(tmp_path / "record.json"),
        typed,
    )
    s.run()
    return s, typed, out


def answered(checker: Checker, answers: dict[str, Any]) -> Interview:
    """An interview with every question it asks answered from ``answers`` (absent: not known)."""
    interview = Interview(checker)
    while (question := interview.next_question()) is not None:
        interview.answer(question.id, answers.get(question.id))
    return interview


def example(name: str) -> dict[str, Any]:
    return json.loads((EXAMPLES / name).read_text())


def flat(text: str) -> str:
    """``text`` with every run of spaces and line breaks made one space, as wrapping does not matter."""
    return " ".join(text.split())


def end_screen(screen: str) -> str:
    """What the checklist shows after the Decision rule."""
    return screen.split(" Decision ", 1)[1]
