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

from ..decision import Decision, Effect
from ..interview import URGENT_DEFAULTS, Interview
from ..partners import Partner
from ..questions import Question, by_id, if_not_known
from ..sensitivity import binding_findings
from . import render
from .checklist_files import load_draft, read_answers, record, stamped, write_json
from .checklist_prompts import HELP_LINE, PROMPTS, Back, Review, Stop
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
        self.read = read or (lambda prompt: console.input(prompt))
        self.shown: frozenset[tuple[str, str]] = frozenset()
        #: The signal that stopped the session (SIGTERM, SIGHUP), if one did.
        self.stopped_by: int | None = None

    def run(self) -> int:
        previous = _on_hangup()
        try:
            return self._run()
        except Stop:
            self.console.print(
                f"\nStopped. Your answers are saved in {self.draft}.\n"
                f"Carry on later with: ispcheck checklist --resume {self.draft}"
            )
            return 128 + self.stopped_by if self.stopped_by else 130
        finally:
            signal.signal(signal.SIGHUP, previous)

    def _run(self) -> int:
        self.console.print(
            "[bold]Information sharing checklist[/] (Warwickshire Community Safety ISP)\n"
            f"Answers are saved as you go to {self.draft}\n"
            f"Type the number of an answer. {HELP_LINE}"
        )
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
        try:
            value = self._prompt(question)
        except Back:
            if not editing:
                undone = self.interview.back()
                if undone is not None:
                    self._save_draft()
                    self.console.print(f"[dim]Back to: {escape(undone.text)}[/]")
            return
        except Review:
            self._review()
            return
        cleared = self.interview.answer(question.id, value)
        self._save_draft()
        if cleared:
            names = ", ".join(by_id(q).text for q in cleared)
            self.console.print(f"[dim]Cleared because they depended on it: {escape(names)}[/]")
        if question.id == "context.urgent_risk_to_life" and value is True:
            self.console.print(
                "[bold]Urgent path:[/] only what is needed to share safely now will be asked. "
                "The rest is recorded afterwards. Assumed for now: purpose protecting life, "
                f"marked {URGENT_DEFAULTS['handling.classification']}, not in a meeting."
            )
        self._show_progress()

    def _prompt(self, question: Question) -> Any:
        number = len(self.interview.order) + 1
        self.console.print(f"\n[bold]{number}. {escape(question.text)}[/]")
        pack = self.interview.checker.pack
        if question.appendix2:
            words = next(q.protocol_text for q in pack.checklist if q.id == question.appendix2)
            self.console.print(f"[italic]Appendix 2 asks: {escape(words)}[/]")
        cites = ", ".join(question.clauses)
        self.console.print(f"[dim]Why we ask: {escape(question.why)} (ISP {cites})[/]")
        meaning = if_not_known(question)
        if meaning:
            self.console.print(f"[dim]{escape(meaning)}[/]")
        handler = PROMPTS[question.kind]
        return handler(self, question)

    def _input(self, hint: str) -> str:
        try:
            text = self.read(f"[dim]{hint}[/]\n> ").strip()
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
        self.console.print(
            f"Now: [{style}]{render.short_outcome(decision)}[/]" + (f" · {summary}" if summary else "")
        )
        binding = binding_findings(decision)
        # Keyed as binding_findings keys them, so the two can be compared.
        by_key = {(f.rule_id, f.effect.value): f for f in decision.findings}
        new = [f for key, f in by_key.items() if key in binding and key not in self.shown]
        new.sort(key=lambda f: -f.severity)
        for f in new[:3]:
            self.console.print(
                f"  + {f.effect.value}: {escape(f.message)} [dim]({render.cite(f.clauses)})[/]"
            )
        if len(new) > 3:
            self.console.print(f"  + and {len(new) - 3} more")
        resolved = len(self.shown - binding)
        if resolved:
            self.console.print(f"  [dim]{resolved} earlier finding(s) resolved by this answer[/]")
        self.shown = binding

    def _review(self) -> None:
        while True:
            self.console.print("\n[bold]Your answers[/]")
            for number, question in enumerate(self.interview.asked(), start=1):
                shown = _describe(question, self.interview.answers[question.id])
                self.console.print(f"{number:>3}. {escape(question.text)}\n       {escape(shown)}")
            text = self._input_review()
            if not text:
                return
            if not text.isdigit() or not 1 <= int(text) <= len(self.interview.order):
                self.console.print("Type the number of an answer to change, or press Enter.")
                continue
            question = self.interview.asked()[int(text) - 1]
            self._ask(question, editing=True)

    def _input_review(self) -> str:
        try:
            return self._input("Number to change, or Enter to carry on")
        except (Back, Review):
            return ""

    def _finish(self, decision: Decision) -> bool:
        """Show the decision and save its record; False when it could not be saved anywhere."""
        self.console.rule("Decision")
        render.decision_panel(self.console, decision, designated_officers=self._designated_officers())
        default = Path(self.save_to or stamped("decision"))
        try:
            where = self.read(f"\nSave the decision record to \\[{escape(str(default))}]: ").strip()
        except (EOFError, KeyboardInterrupt):
            where = ""
        path = Path(where or default)
        try:
            write_json(path, record(self.interview, decision))
        except OSError as exc:
            path = Path(stamped("decision"))
            self.console.print(f"Could not save there ({exc.strerror}); saving to {path} instead.")
            try:
                write_json(path, record(self.interview, decision))
            except OSError as again:
                self.console.print(
                    f"[bold]The decision above was made ({render.short_outcome(decision)}), but its "
                    f"record could not be saved ({again.strerror}).[/] Your answers are still in "
                    f"{self.draft}: free some space or choose another folder, then run "
                    f"ispcheck checklist --resume {self.draft}"
                )
                return False
        self.console.print(
            f"\nSaved the decision record to {path}\n"
            f"Outcome: {render.short_outcome(decision)}. The record holds every finding, with its "
            "clauses, and your answers."
        )
        self.draft.unlink(missing_ok=True)
        return True

    def _designated_officers(self) -> str | None:
        discloser = self.interview.data().get("discloser", {}).get("organisation")
        partner = self.interview.checker.pack.register.exact(discloser or "")
        return _officer_roles(partner)

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
    if args.format == "json":
        print_json(data)
    else:
        console = Console(highlight=False, emoji=False)
        render.decision(console, decision, readings=render.reading_titles(checker.pack))
        console.print(f"\n{len(interview.order)} questions answered from {args.answers}.")
        if not_given:
            console.print(f"Not in the answers file, so treated as not known: {', '.join(not_given)}")
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
            print(f"Saved the decision record to {args.save}")
    return _exit_code(decision)


def _exit_code(decision: Decision) -> int:
    from .main import EXIT_BY_OUTCOME

    return EXIT_BY_OUTCOME[decision.outcome]


def _describe(question: Question, value: Any) -> str:
    if value is None:
        return "not known"
    if question.kind == "yesno":
        return "yes" if value else "no"
    labels = {c.value: c.label for c in question.choices}
    if question.kind == "subjects":
        return ", ".join(labels[s["role"]] + (" (child)" if s.get("is_child") else "") for s in value)
    if isinstance(value, list):
        return ", ".join(labels.get(v, str(v)) for v in value) or "none"
    return str(labels.get(value, value))


def _officer_roles(partner: Partner | None) -> str | None:
    if partner is None or not partner.designated_officer_roles:
        return None
    return f"at {partner.name}: {'; '.join(partner.designated_officer_roles)}"


def _on_hangup() -> Any:
    """A closed terminal stops the session like Ctrl-C; the draft is already on disk."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise Terminated(signum)

    return signal.signal(signal.SIGHUP, stop)
