"""One prompt per kind of checklist question: numbers for choices, y/n, text, organisations.

Each reads keystrokes through the session (which handles :b, :r and :q) and returns the answer in
its stored form. The hint under every question says exactly what Enter does there: keep the
answer being changed, "none" where none is an answer of its own, or "don't know". "?" is always
"don't know" where not knowing is allowed, so the two are never confused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from rich.markup import escape

from ..errors import DisclosureError
from ..interview import Interview, check_answer
from ..partners import Match, Partner
from ..questions import Question

__all__ = [
    "DONT_KNOW",
    "HELP_LINE",
    "PROMPTS",
    "Asker",
    "Back",
    "Current",
    "Review",
    "Stop",
    "describe",
    "hint_for",
]

HELP_LINE = ":b back · :r review · :q stop"
#: What may be typed for "don't know", wherever not knowing is allowed.
DONT_KNOW = frozenset({"?", "don't know", "dont know", "dk"})
#: What may be typed for "none", wherever none is an answer of its own (``Question.none``).
_NONE = frozenset({"none", "0"})
_YES_NO: dict[str, bool] = {"y": True, "yes": True, "n": False, "no": False}


class Stop(Exception):
    """The officer asked to stop, or the terminal went away: the draft is already saved."""


class Back(Exception):
    """The officer asked to go back one question."""


class Review(Exception):
    """The officer asked for the review screen."""


@dataclass(frozen=True, slots=True)
class Current:
    """The answer already given to a question being asked again; Enter keeps it."""

    value: Any


class Asker(Protocol):
    """What a prompt needs of the session asking it (the checklist's ``Session`` is one).

    Declared here, so that the prompts need not import the session that imports them.
    """

    @property
    def interview(self) -> Interview: ...

    def say(self, markup: str, *, indent: int = 0, hang: int = 2) -> None:
        """Print a paragraph of markup wrapped to the terminal."""

    def ask(self, hint: str) -> str:
        """Read one reply under ``hint``; raises Back, Review or Stop when the officer asks for them."""


class _Again(Exception):
    """The reply was not an answer here; the message says why, and the question is asked again."""


Prompt = Callable[[Asker, Question, Current | None], Any]
_Parse = Callable[[str], Any]


def _read(session: Asker, question: Question, current: Current | None, how: str, parse: _Parse) -> Any:
    """Ask until the reply is an answer: Enter, "none" or "don't know" first, else ``parse`` it."""
    while True:
        text = session.ask(hint_for(question, current, how))
        try:
            said = _reply(question, current, text)
            return parse(text) if said is _NOT_SAID else said
        except _Again as again:
            session.say(str(again))


def _ask_choice(session: Asker, question: Question, current: Current | None) -> Any:
    _list_choices(session, question)

    def one(text: str) -> Any:
        picked = _numbers(text, len(question.choices))
        if picked is None or len(picked) != 1:
            raise _Again(f"Type one number from 1 to {len(question.choices)}.")
        return question.choices[picked[0]].value

    return _read(session, question, current, "Number", one)


def _ask_many(session: Asker, question: Question, current: Current | None) -> Any:
    _list_choices(session, question)

    def some(text: str) -> Any:
        picked = _numbers(text, len(question.choices))
        if not picked:
            raise _Again(f"Type numbers from 1 to {len(question.choices)}, separated by commas.")
        return [question.choices[i].value for i in picked]

    return _read(session, question, current, "Numbers, e.g. 1,3", some)


def _ask_yes_no(session: Asker, question: Question, current: Current | None) -> Any:
    def yes_or_no(text: str) -> bool:
        if text.lower() not in _YES_NO:
            raise _Again("Type y or n, or ? if you don't know.")
        return _YES_NO[text.lower()]

    return _read(session, question, current, "y = yes · n = no", yes_or_no)


def _ask_text(session: Asker, question: Question, current: Current | None) -> Any:
    if not question.whole_number:
        return _read(session, question, current, "Type your answer", lambda text: text)

    def count(text: str) -> Any:
        try:
            return check_answer(question, text)
        except DisclosureError as error:
            raise _Again(f"{error.problems[0].message}.") from None

    return _read(session, question, current, "A whole number", count)


def _ask_organisation(session: Asker, question: Question, current: Current | None) -> Any:
    register = session.interview.checker.pack.register
    with _completion(register.names()):
        while True:
            text = session.ask(hint_for(question, current, "Organisation name (Tab completes)"))
            if not text and current is not None:
                return current.value
            if not text or text.lower() in DONT_KNOW:
                session.say("An organisation is needed here: type its name.")
                continue
            name = _organisation(session, text, register.search(text))
            if name is not None:
                return name


def _organisation(session: Asker, text: str, matches: list[Match]) -> str | None:
    """The name to record for ``text``, saying what it matched and why; None to ask again."""
    words = session.interview.checker.pack.concepts.render_leniently
    if matches and matches[0].exact:
        found = matches[0]
        if isinstance(found.entry, Partner):
            session.say(f"✓ {escape(_matched(text, found))}: signatory ({found.entry.class_label})", indent=2)
        else:
            session.say(
                f"{escape(found.entry.name)} is not a signatory of the protocol: {escape(found.entry.note)} "
                f"(ISP {', '.join(found.entry.clauses)})",
                indent=2,
            )
        return found.entry.name
    suggestions = [m for m in matches if m.is_signatory]
    if not suggestions:
        said = words(
            "is not a signatory of the protocol: nothing in its signatory register "
            "([[signatory-register]]) matches it, so it is taken as an organisation that has not "
            "signed (ISP [[non-signatories:ids]]). If you mistyped it, :b goes back."
        )
        session.say(f"{escape(text)} {escape(said)}", indent=2)
        return text
    session.say("Not an exact match. Did you mean:", indent=2)
    for number, match in enumerate(suggestions, start=1):
        session.say(f"{number}  {escape(_suggested(match))}", indent=3, hang=3)
    session.say(
        f"Enter = none of these: keep '{escape(text)}' as typed "
        f"[bold]({escape(words('not a signatory: extra care needed, ISP [[non-signatories:ids]]'))})[/]",
        indent=2,
    )
    answer = session.ask("Number, Enter to keep as typed, or type the name again")
    if not answer:
        return text
    picked = _numbers(answer, len(suggestions))
    if picked is not None and len(picked) == 1:
        return suggestions[picked[0]].entry.name
    return None


def _matched(text: str, found: Match) -> str:
    """What the name typed matched, and why it means the register's entry."""
    name = found.entry.name
    if found.reason:
        return f"{text} {found.reason}"
    if found.via == name:
        return name if " ".join(text.split()).lower() == name.lower() else f"{text} matched {name}"
    return f"{text} matched {name} (one of its names in the register)"


def _suggested(match: Match) -> str:
    name = match.entry.name
    if match.reason:
        return f"{name} ({match.via} {match.reason})"
    if match.via != name:
        return f"{name} (known as {match.via})"
    return name


def _ask_subjects(session: Asker, question: Question, current: Current | None) -> Any:
    roles = _ask_many(session, question, current)
    if roles is None or (current is not None and roles is current.value):
        return roles  # not known, or the subjects already given kept whole (Enter)
    subjects = []
    for role in roles:
        label = next(c.label for c in question.choices if c.value == role).split(" ", 1)[1]
        session.say(f"Is the {escape(label)} a child (under 18)?", indent=2)
        while True:
            reply = session.ask("y = yes · n = no · Enter or ? = don't know").lower()
            if not reply or reply in DONT_KNOW:
                answer = None
                break
            if reply in _YES_NO:
                answer = _YES_NO[reply]
                break
            session.say("Type y or n, or ? if you don't know.")
        subjects.append({"role": role, "is_child": answer})
    return subjects


PROMPTS: dict[str, Prompt] = {
    "choice": _ask_choice,
    "multi": _ask_many,
    "flags": _ask_many,
    "yesno": _ask_yes_no,
    "text": _ask_text,
    "organisation": _ask_organisation,
    "subjects": _ask_subjects,
}


#: What :func:`_reply` returns for a reply that is not Enter, "none" or "don't know".
_NOT_SAID = object()


def _reply(question: Question, current: Current | None, text: str) -> Any:
    """What Enter, "none" or "don't know" mean for this question; ``_NOT_SAID`` for anything else.

    Enter keeps the current answer when there is one; otherwise it is "none" where none is an
    answer here, else "don't know" where not knowing is allowed.
    """
    reply = text.strip().lower()
    if not reply:
        if current is not None:
            return current.value
        if question.none is not None and question.enter_is_none:
            return _none(question)
        if question.allow_unknown:
            return None
        raise _Again("An answer is needed here.")
    if reply in DONT_KNOW:
        if question.allow_unknown:
            return None
        raise _Again("This one cannot be left as don't know: an answer is needed here.")
    if question.none is not None and (reply in _NONE if question.kind == "flags" else reply == "none"):
        return _none(question)
    return _NOT_SAID


def _none(question: Question) -> Any:
    return [] if question.kind == "flags" else ""


def hint_for(question: Question, current: Current | None, how: str) -> str:
    """The line under a question: how to answer, and exactly what Enter does here."""
    parts = [how]
    enter_used = current is not None
    if current is not None:
        parts.insert(0, f"\\[current: {escape(describe(question, current.value))}] Enter keeps it")
    if question.none is not None:
        typed = "0" if question.kind == "flags" else "none"
        if enter_used or not question.enter_is_none:
            parts.append(f"{typed} = {question.none}")
        else:
            parts.append(f"Enter or {typed} = {question.none}")
            enter_used = True
    if question.allow_unknown:
        parts.append("? = don't know" if enter_used else "Enter or ? = don't know")
    return " · ".join([*parts, HELP_LINE])


def describe(question: Question, value: Any) -> str:
    """An answer in the words of the question's choices ("Phone", "yes", "none of these")."""
    if value is None:
        return "not known"
    if question.kind == "yesno":
        return "yes" if value else "no"
    if question.none is not None and value in ("", []):
        return question.none
    labels = {c.value: c.label for c in question.choices}
    if question.kind == "subjects":
        return ", ".join(
            labels[s["role"]]
            + (" (child)" if s.get("is_child") else "")
            + (" (died)" if s.get("deceased") else "")
            for s in value
        )
    if isinstance(value, list):
        return ", ".join(labels.get(v, str(v)) for v in value) or "none"
    return str(labels.get(value, value))


def _list_choices(session: Asker, question: Question) -> None:
    for number, choice in enumerate(question.choices, start=1):
        explain = f" [dim]- {escape(choice.explain)}[/]" if choice.explain else ""
        session.say(f"{number:>2}  {escape(choice.label)}{explain}", indent=1, hang=4)


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
