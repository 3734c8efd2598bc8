"""The checklist session: asking, going back, running findings, the decision panel.

Keyboard only, 80x24, no colour needed (outcomes are always spelt out; ``NO_COLOR`` is honoured).
Answers are written to a draft file after every answer, so Ctrl-C, a closed terminal or a lost SSH
session never loses work; ``--resume`` carries on. ``--answers`` runs the same interview from a
file without prompts, for tests and case systems.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from ..decision import Decision, Effect
from ..interview import URGENT_DEFAULTS, Interview
from ..questions import Question, by_id, if_not_known
from ..sensitivity import binding_findings
from . import render
from .checklist_files import load_draft, read_answers, record, stamped, write_json
from .checklist_prompts import HELP_LINE, PROMPTS, Back, Current, Review, Stop, describe
from .options import Terminated, build_checker, print_json

__all__ = ["EXIT_NOT_SAVED", "Session", "run"]

#: The decision was made and shown, but its record could not be saved.
EXIT_NOT_SAVED = 1

#: The binding effects in the running summary, strictest first, with how each is counted.
_PROGRESS_WORDS = ((Effect.BLOCK, "stop it"), (Effect.REFER, "to refer"), (Effect.CONDITION, "conditions"))


def run(args: argparse.Namespace) -> int:
    checker = build_checker(args)
    if args.answers:
        return _run_from_file(args, checker)
    draft = Path(args.resume or args.draft or stamped("draft"))
    answers: dict[str, Any] = {}
    order: list[str] | None = None
    if args.resume:
        answers, order = load_draft(draft)
    interview = Interview(checker, answers, order)
    session = Session(interview, Console(highlight=False, emoji=False), draft, save_to=args.save)
    return session.run()


# -- the interactive session -----------------------------------------------------------------


class Session:
    """One officer at one terminal."""

    def __init__(
        self,
        interview: Interview,
        console: Console,
        draft: Path,
        save_to: str | None = None,
        read: Callable[[str], str] | None = None,
    ) -> None:
        self.interview = interview
        self.console = console
        self.draft = draft
        self.save_to = save_to
        self.read = read or _reader(console)
        self.shown: frozenset[tuple[str, str]] = frozenset()
        #: The signal that stopped the session (SIGTERM, SIGHUP), if one did.
        self.stopped_by: int | None = None
        #: Answers undone by going back (:b), offered again as what Enter keeps.
        self.kept: dict[str, Any] = {}

    def say(self, markup: str, *, indent: int = 0, hang: int = 2) -> None:
        """Print a paragraph of markup wrapped to the terminal; continuation lines ``hang`` in."""
        render.indented(self.console, markup, indent, hang=hang, markup=True)

    def run(self) -> int:
        previous = _on_hangup()
        try:
            return self._run()
        except Stop:
            self.say(f"\nStopped. Your answers are saved in {escape(str(self.draft))}.")
            self.say(f"Carry on later with: ispcheck checklist --resume {escape(str(self.draft))}")
            return 128 + self.stopped_by if self.stopped_by else 130
        finally:
            signal.signal(signal.SIGHUP, previous)

    def _run(self) -> int:
        self.say(f"[bold]Information sharing checklist[/] ({escape(self.interview.checker.pack.meta.title)})")
        self.say(f"Answers are saved as you go to {escape(str(self.draft))}")
        self.say(f"Type the number of an answer. {HELP_LINE}")
        self._save_draft()
        while True:
            question = self.interview.next_question()
            if question is None:
                break
            self._ask(question)
        decision = self.interview.decision()
        assert decision is not None  # every required question has been answered
        if not self._finish(decision):
            return EXIT_NOT_SAVED
        return _exit_code(decision)

    def _ask(self, question: Question, *, editing: bool = False) -> None:
        """Ask one question and record the answer; :b undoes the last answer, :r reviews."""
        given = self.interview.answers if editing else self.kept
        current = Current(given[question.id]) if question.id in given else None
        try:
            value = self._prompt(question, current)
        except Back:
            if not editing:
                self._back()
            return
        except Review:
            self._review()
            return
        if question.id in self.kept and self.kept.pop(question.id) != value:
            self.kept.clear()  # a changed answer may change what the later ones mean: ask afresh
        cleared = self.interview.answer(question.id, value)
        self._save_draft()
        if cleared:
            names = ", ".join(self._read(by_id(q)).text for q in cleared)
            self.say(f"[dim]Cleared because they depended on it: {escape(names)}[/]")
        if question.id == "context.urgent_risk_to_life" and value is True:
            self.say(
                "[bold]Urgent path:[/] only what is needed to share safely now will be asked. "
                "The rest is recorded afterwards. Assumed for now: purpose protecting life, "
                f"marked {URGENT_DEFAULTS['handling.classification']}, not in a meeting (unless "
                "you say it will be spoken or shown in one)."
            )
        self._show_progress()

    def _read(self, question: Question) -> Question:
        """The question in this protocol's words and clause numbers."""
        return question.read_by(self.interview.checker.pack)

    def _back(self) -> None:
        """Undo the last answer, keeping it to offer again as the default."""
        last = self.interview.order[-1] if self.interview.order else None
        value = self.interview.answers.get(last) if last else None
        undone = self.interview.back()
        if undone is None:
            return
        self.kept[undone.id] = value
        self._save_draft()
        self.say(f"[dim]Back to: {escape(self._read(undone).text)}[/]")

    def _prompt(self, question: Question, current: Current | None) -> Any:
        """Show the question and read an answer; one that contradicts another is asked again."""
        order = self.interview.order
        number = order.index(question.id) + 1 if question.id in order else len(order) + 1
        question = self._read(question)
        self.say(f"\n[bold]{number}. {escape(question.text)}[/]", hang=len(f"{number}. "))
        pack = self.interview.checker.pack
        if question.appendix2:
            tests = pack.concepts.clauses.get(question.appendix2, ())
            for test in (q for q in pack.checklist if q.id in tests):
                self.say(f"[italic]{escape(pack.clause_name(test.id))} asks: {escape(test.protocol_text)}[/]")
        cites = f" (ISP {', '.join(question.clauses)})" if question.clauses else ""
        self.say(f"[dim]Why we ask: {escape(question.why)}{escape(cites)}[/]")
        meaning = if_not_known(question)
        if meaning:
            self.say(f"[dim]{escape(meaning)}[/]")
        handler = PROMPTS[question.kind]
        while True:
            value = handler(self, question, current)
            clash = self.interview.contradiction(question.id, value)
            if clash is None:
                return value
            self.say(f"[bold]{escape(clash)}[/] Pick again, or change the other answer with :r.")
            if current is not None and current.value == value:
                current = None  # Enter must not offer the contradicting answer again

    def ask(self, hint: str) -> str:
        """Read one reply under ``hint``; the commands :b, :r and :q raise Back, Review and Stop."""
        prompt = render.wrapped(self.console, Text.from_markup(f"[dim]{hint}[/]", emoji=False), hang=2)
        try:
            text = self.read(prompt.markup + "> ").strip()
        except (EOFError, KeyboardInterrupt) as exc:
            self.stopped_by = exc.signum if isinstance(exc, Terminated) else None
            raise Stop from None
        command = text.lower()
        if command in (":q", ":quit"):
            raise Stop
        if command in (":b", ":back"):
            raise Back
        if command in (":r", ":review"):
            raise Review
        return text

    def _show_progress(self) -> None:
        decision = self.interview.decision()
        if decision is None:
            return
        counts = ((len(decision.findings_with(effect)), words) for effect, words in _PROGRESS_WORDS)
        summary = " · ".join(f"{n} {words}" for n, words in counts if n)
        style = render.OUTCOME_STYLE[decision.outcome]
        self.say(f"Now: [{style}]{render.short_outcome(decision)}[/]" + (f" · {summary}" if summary else ""))
        binding = binding_findings(decision)
        # Keyed as binding_findings keys them, so the two can be compared.
        by_key = {(f.rule_id, f.effect.value): f for f in decision.findings}
        new = [f for key, f in by_key.items() if key in binding and key not in self.shown]
        new.sort(key=lambda f: -f.severity)
        for f in new[:3]:
            self.say(f"+ {f.effect.value}: {escape(f.message)} [dim]({render.cite(f.clauses)})[/]", indent=2)
        if len(new) > 3:
            self.say(f"+ and {len(new) - 3} more", indent=2)
        resolved = len(self.shown - binding)
        if resolved:
            self.say(f"[dim]{resolved} earlier finding(s) resolved by this answer[/]", indent=2)
        self.shown = binding

    def _review(self) -> None:
        while True:
            self.say("\n[bold]Your answers[/]")
            for number, asked in enumerate(self.interview.asked(), start=1):
                question = self._read(asked)
                shown = describe(question, self.interview.answers[question.id])
                self.say(f"{number:>3}. {escape(question.text)}", hang=5)
                self.say(escape(shown), indent=7)
            text = self._input_review()
            if not text:
                return
            if not text.isdigit() or not 1 <= int(text) <= len(self.interview.order):
                self.say("Type the number of an answer to change, or press Enter.")
                continue
            question = self.interview.asked()[int(text) - 1]
            self._ask(question, editing=True)

    def _input_review(self) -> str:
        try:
            return self.ask("Number to change, or Enter to carry on")
        except (Back, Review):
            return ""

    def _finish(self, decision: Decision) -> bool:
        """Show everything to do and save the record; False when it could not be saved anywhere.

        The end screen lists the conditions, referrals, what to record afterwards, the advice and
        the standing obligations, each with its clauses (:func:`render.decision`), and then, last,
        where the record was saved.
        """
        self.console.rule("Decision")
        render.decision(self.console, decision, sharer=_sharer(self.interview), why=False)
        default = Path(self.save_to or stamped("decision"))
        asked = Text(f"Save the decision record to [{default}]: Enter saves it there, or type another path")
        try:
            where = self.read("\n" + render.wrapped(self.console, asked, hang=2).markup + "> ").strip()
        except (EOFError, KeyboardInterrupt):
            where = ""
        if where.lower() in (":q", ":quit"):
            raise Stop  # not a file name: stop as anywhere else, the answers kept in the draft
        path = Path(where or default)
        try:
            write_json(path, record(self.interview, decision))
        except OSError as exc:
            path = Path(stamped("decision"))
            self.say(
                f"Could not save there ({escape(str(exc.strerror))}); saving to {escape(str(path))} instead."
            )
            try:
                write_json(path, record(self.interview, decision))
            except OSError as again:
                self.say(
                    f"[bold]The decision above was made ({render.short_outcome(decision)}), but its "
                    f"record could not be saved ({escape(str(again.strerror))}).[/] Your answers are "
                    f"still in {escape(str(self.draft))}: free some space or choose another folder, "
                    f"then run ispcheck checklist --resume {escape(str(self.draft))}"
                )
                return False
        self.say("\nThe record holds every finding, with the facts that decide it, and your answers.")
        self.say(f"Saved the decision record to {escape(str(path))}")
        self.draft.unlink(missing_ok=True)
        return True

    def _save_draft(self) -> None:
        write_json(
            self.draft,
            {
                "ispcheck_draft": 1,
                "saved_at": datetime.now(UTC).isoformat(),
                "order": self.interview.order,
                "answers": self.interview.answers,
            },
        )


def _run_from_file(args: argparse.Namespace, checker: Any) -> int:
    source = read_answers(Path(args.answers))
    interview = Interview(checker)
    not_given = []
    while (question := interview.next_question()) is not None:
        if question.id not in source:
            not_given.append(question.id)
        interview.answer(question.id, source.get(question.id))
    decision = interview.decision()
    assert decision is not None
    data = record(interview, decision, not_given=not_given)
    console = Console(highlight=False, emoji=False)
    if args.format == "json":
        print_json(data)
    else:
        render.decision(console, decision, sharer=_sharer(interview), why=False)
        _say(console, f"\n{len(interview.order)} questions answered from {args.answers}.")
        if not_given:
            _say(console, f"Not in the answers file, so treated as not known: {', '.join(not_given)}")
    if args.save:
        try:
            write_json(Path(args.save), data)
        except OSError as exc:  # the decision stands, shown above; only its record is missing
            print(
                f"The decision was made ({render.short_outcome(decision)}), but its record could not be "
                f"saved to {args.save}: {exc.strerror or exc}. Nothing was saved.",
                file=sys.stderr,
            )
            return EXIT_NOT_SAVED
    if args.format != "json":
        if args.save:
            _say(console, "The record holds every finding, with the facts that decide it, and the answers.")
            _say(console, f"Saved the decision record to {args.save}")
        else:
            _say(
                console,
                "The decision record (every finding, with the facts that decide it, and the answers) "
                "was not saved: add --save PATH to keep it.",
            )
    return _exit_code(decision)


def _say(console: Console, text: str) -> None:
    render.indented(console, text, 0, hang=2)


def _sharer(interview: Interview) -> render.Sharer:
    """The organisation sharing, as the register knows it (none: it has not signed)."""
    name = interview.data().get("discloser", {}).get("organisation") or ""
    return render.Sharer.of(name, interview.checker.pack)


def _exit_code(decision: Decision) -> int:
    from .main import EXIT_BY_OUTCOME

    return EXIT_BY_OUTCOME[decision.outcome]


def _reader(console: Console) -> Callable[[str], str]:
    """Read a line typed at the terminal after a prompt given as markup.

    All but the prompt's last line is printed by rich; the last line ("> ") goes to ``input``
    itself. Printed by rich instead (as ``Console.input`` does), readline, loaded for Tab
    completion, does not know the line holds a prompt: an empty reply then leaves the cursor on
    the prompt line, and what is printed next runs on after "> ".
    """

    def read(prompt: str) -> str:
        head, newline, last = prompt.rpartition("\n")
        if newline:
            console.print(head)
        return input(Text.from_markup(last).plain)

    return read


def _on_hangup() -> Any:
    """A closed terminal stops the session like Ctrl-C; the draft is already on disk."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise Terminated(signum)

    return signal.signal(signal.SIGHUP, stop)
