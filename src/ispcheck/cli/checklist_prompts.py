"""One prompt per kind of checklist question: numbers for choices, y/n, text, organisations.

Each reads keystrokes through the session (which handles :b, :r and :q) and returns the answer in
its stored form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.markup import escape

from ..partners import Partner
from ..questions import Question

if TYPE_CHECKING:
    from .checklist_session import Session

__all__ = ["HELP_LINE", "PROMPTS", "Back", "Review", "Stop"]

HELP_LINE = ":b back · :r review · :q stop"
#: What each reply to a yes/no question means; Enter (nothing typed) is "don't know".
_YES_NO: dict[str, bool | None] = {"y": True, "yes": True, "n": False, "no": False, "": None}


class Stop(Exception):
    """The officer asked to stop, or the terminal went away: the draft is already saved."""


class Back(Exception):
    """The officer asked to go back one question."""


class Review(Exception):
    """The officer asked for the review screen."""


def _ask_choice(session: Session, question: Question) -> Any:
    _list_choices(session, question)
    unknown = " · Enter = don't know" if question.allow_unknown else ""
    while True:
        text = session._input(f"Number{unknown} · {HELP_LINE}")
        if not text and question.allow_unknown:
            return None
        picked = _numbers(text, len(question.choices))
        if picked is not None and len(picked) == 1:
            return question.choices[picked[0]].value
        session.console.print(f"Type one number from 1 to {len(question.choices)}.")


def _ask_many(session: Session, question: Question) -> Any:
    _list_choices(session, question)
    unknown = " · Enter = don't know" if question.allow_unknown else ""
    none = " · 0 = none" if question.kind == "flags" else ""
    while True:
        text = session._input(f"Numbers, e.g. 1,3{none}{unknown} · {HELP_LINE}")
        if not text and question.allow_unknown:
            return None
        if text == "0" and question.kind == "flags":
            return []
        picked = _numbers(text, len(question.choices))
        if picked:
            return [question.choices[i].value for i in picked]
        session.console.print(f"Type numbers from 1 to {len(question.choices)}, separated by commas.")


def _ask_yes_no(session: Session, question: Question) -> Any:
    return _yes_no(
        session,
        f"y = yes · n = no · Enter = don't know · {HELP_LINE}",
        again="Type y or n, or press Enter if you don't know.",
    )


def _yes_no(session: Session, hint: str, *, again: str | None = None) -> bool | None:
    """Ask until the reply is yes, no or don't know (Enter); ``again`` says so after a wrong key."""
    while True:
        reply = session._input(hint).lower()
        if reply in _YES_NO:
            return _YES_NO[reply]
        if again:
            session.console.print(again)


def _ask_text(session: Session, question: Question) -> Any:
    text = session._input(f"Type your answer · Enter = don't know · {HELP_LINE}")
    return text or None


def _ask_organisation(session: Session, question: Question) -> Any:
    register = session.interview.checker.pack.register
    with _completion(name for p in register.partners for name in (p.name, *p.aliases)):
        while True:
            text = session._input(f"Organisation name (Tab completes) · {HELP_LINE}")
            if not text:
                session.console.print("An organisation is needed here.")
                continue
            matches = register.search(text)
            if matches and matches[0].exact and isinstance(matches[0].entry, Partner):
                partner = matches[0].entry
                session.console.print(f"  ✓ {escape(partner.name)}: signatory ({partner.class_label})")
                return partner.name
            choice = _pick_suggestion(session, text, [m.entry.name for m in matches if m.is_signatory])
            if choice is not None:
                return choice


def _pick_suggestion(session: Session, text: str, names: list[str]) -> str | None:
    if names:
        session.console.print("  Not an exact match. Did you mean:")
        for number, name in enumerate(names, start=1):
            session.console.print(f"   {number}  {escape(name)}")
    session.console.print(
        f"  Enter = keep '{escape(text)}' as typed [bold](not a signatory: extra care needed, ISP 3.6)[/]"
    )
    answer = session._input("Number, Enter to keep as typed, or type the name again")
    if not answer:
        return text
    picked = _numbers(answer, len(names))
    if picked is not None and len(picked) == 1:
        return names[picked[0]]
    return None


def _ask_subjects(session: Session, question: Question) -> Any:
    roles = _ask_many(session, question)
    if roles is None:
        return None
    subjects = []
    for role in roles:
        label = next(c.label for c in question.choices if c.value == role).split(" ", 1)[1]
        answer = _ask_yes_no_simple(session, f"Is the {label} a child (under 18)?")
        subjects.append({"role": role, "is_child": answer})
    return subjects


def _ask_yes_no_simple(session: Session, text: str) -> bool | None:
    session.console.print(f"  {escape(text)}")
    return _yes_no(session, "y / n / Enter = don't know")


PROMPTS: dict[str, Callable[[Session, Question], Any]] = {
    "choice": _ask_choice,
    "multi": _ask_many,
    "flags": _ask_many,
    "yesno": _ask_yes_no,
    "text": _ask_text,
    "organisation": _ask_organisation,
    "subjects": _ask_subjects,
}


def _list_choices(session: Session, question: Question) -> None:
    for number, choice in enumerate(question.choices, start=1):
        explain = f" [dim]- {escape(choice.explain)}[/]" if choice.explain else ""
        session.console.print(f" {number:>2}  {escape(choice.label)}{explain}")


def _numbers(text: str, count: int) -> list[int] | None:
    picked = []
    for part in text.replace(" ", ",").split(","):
        if not part:
            continue
        if not part.isdigit() or not 1 <= int(part) <= count:
            return None
        if int(part) - 1 not in picked:
            picked.append(int(part) - 1)
    return picked or None


class _completion:
    """Tab completion of organisation names where the terminal has readline."""

    def __init__(self, names: Any) -> None:
        self.names = sorted(set(names))
        self.saved: Any = None

    def __enter__(self) -> None:
        try:
            import readline
        except ImportError:
            return
        self.saved = readline.get_completer()

        def complete(text: str, state: int) -> str | None:
            options = [n for n in self.names if n.lower().startswith(text.lower())]
            return options[state] if state < len(options) else None

        readline.set_completer_delims("")
        readline.set_completer(complete)
        readline.parse_and_bind("tab: complete")

    def __exit__(self, *exc: object) -> None:
        try:
            import readline
        except ImportError:
            return
        readline.set_completer(self.saved)
