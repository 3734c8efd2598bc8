"""The checklist's logic, without a terminal: what to ask next, answers, going back, the decision.

Pure state, so it can be tested without a screen and driven by a file of answers. The terminal
front end is :mod:`ispcheck.cli.checklist`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .decision import Decision
from .engine import Checker
from .errors import DisclosureError, Problem
from .paths import set_path
from .questions import CONTRADICTIONS, CORE, QUESTIONS, URGENT_CORE, Question, by_id
from .sensitivity import facts_that_matter
from .vocabulary import not_a_yes_or_no

__all__ = ["EVERYONE_DECEASED", "URGENT_DEFAULTS", "Interview", "check_answer"]

#: The question whose yes marks every listed person as having died.
EVERYONE_DECEASED = "subjects.deceased"

#: What the short path assumes when there is no time to ask (stated on screen).
URGENT_DEFAULTS = {
    "purpose.code": "protect_life",
    "handling.classification": "OFFICIAL-SENSITIVE",
    "context.setting": "outside_meeting",
}


class Interview:
    """Answers so far, and what they imply.

    ``answers`` maps question ids to answers in their stored form (see :func:`check_answer`);
    ``order`` is the order they were given, for going back.
    """

    def __init__(
        self,
        checker: Checker,
        answers: Mapping[str, Any] | None = None,
        order: list[str] | None = None,
    ) -> None:
        self.checker = checker
        self.answers: dict[str, Any] = {}
        self.order: list[str] = []
        for question_id in order or list(answers or {}):
            if answers is not None and question_id in answers:
                self.answers[question_id] = check_answer(by_id(question_id), answers[question_id])
                self.order.append(question_id)

    # -- state --------------------------------------------------------------------------

    @property
    def urgent(self) -> bool:
        return self.answers.get("context.urgent_risk_to_life") is True

    def data(self) -> dict[str, Any]:
        """The disclosure the answers describe, as a JSON-shaped dict."""
        data: dict[str, Any] = {}
        if self.urgent:
            for path, value in URGENT_DEFAULTS.items():
                set_path(data, path, value)
        for question in QUESTIONS:
            if question.id in self.answers:
                _apply(question, self.answers[question.id], data)
        return data

    def ready(self) -> bool:
        """Whether enough is known to decide (everything the contract requires)."""
        core = URGENT_CORE if self.urgent else CORE
        data = self.data()
        return all(q in self.answers or not by_id(q).applies(data) or not _required(by_id(q)) for q in core)

    def decision(self) -> Decision | None:
        return self.checker.check(self.data()) if self.ready() else None

    def next_question(self) -> Question | None:
        """The next question whose answer could still change the decision, or None when done."""
        data = self.data()
        core = URGENT_CORE if self.urgent else CORE
        for question_id in core:
            question = by_id(question_id)
            if question_id not in self.answers and question.applies(data):
                return question
        if self.urgent:
            return None
        for question in QUESTIONS:
            if question.id in CORE or question.id in self.answers or not question.applies(data):
                continue
            if facts_that_matter(self.checker, data, question.fields):
                return question
        return None

    def asked(self) -> list[Question]:
        return [by_id(q) for q in self.order]

    # -- changes ------------------------------------------------------------------------

    def answer(self, question_id: str, value: Any) -> list[str]:
        """Record an answer. Answers that depended on an earlier one are cleared (returned).

        An answer that contradicts another already given is refused (``DisclosureError``): the
        checklist asks again rather than keep two answers that cannot both be true.
        """
        question = by_id(question_id)
        value = check_answer(question, value)
        clash = self.contradiction(question_id, value)
        if clash:
            raise DisclosureError([Problem(question_id, clash)])
        changed = question_id in self.answers and self.answers[question_id] != value
        self.answers[question_id] = value
        if question_id in self.order:
            self.order.remove(question_id)
        self.order.append(question_id)
        return self._clear_dependents(question_id) if changed else self._clear_inapplicable()

    def contradiction(self, question_id: str, value: Any) -> str | None:
        """Why ``value`` cannot be the answer to ``question_id`` given the other answers, or None.

        In plain words, naming the other question and its answer, so the officer can pick again
        or go back and change the other one.
        """
        for pair in CONTRADICTIONS:
            for this, other in ((pair.first, pair.second), (pair.second, pair.first)):
                other_id, other_value = other
                if this == (question_id, value) and self.answers.get(other_id, _UNSET) == other_value:
                    pack = self.checker.pack
                    earlier = by_id(other_id).read_by(pack)
                    said = _label(earlier, other_value)
                    hint = f" {pair.hint}" if pair.hint else ""
                    return (
                        f'You answered "{said}" to "{earlier.text}", so this cannot be '
                        f'"{_label(by_id(question_id).read_by(pack), value)}": the two cannot both be '
                        f"true.{hint}"
                    )
        return None

    def back(self) -> Question | None:
        """Undo the last answer; return its question so it can be asked again."""
        if not self.order:
            return None
        question_id = self.order.pop()
        del self.answers[question_id]
        self._clear_inapplicable()
        return by_id(question_id)

    def _clear_dependents(self, changed: str) -> list[str]:
        cleared: list[str] = []
        pending = [changed]
        while pending:
            parent = pending.pop()
            for question in QUESTIONS:
                if parent in question.depends_on and question.id in self.answers:
                    self._forget(question.id)
                    cleared.append(question.id)
                    pending.append(question.id)
        return cleared + self._clear_inapplicable()

    def _clear_inapplicable(self) -> list[str]:
        cleared = []
        data = self.data()
        for question_id in list(self.order):
            if not by_id(question_id).applies(data):
                self._forget(question_id)
                cleared.append(question_id)
        return cleared

    def _forget(self, question_id: str) -> None:
        self.answers.pop(question_id, None)
        if question_id in self.order:
            self.order.remove(question_id)


_UNSET = object()


def _label(question: Question, value: Any) -> str:
    return next((c.label for c in question.choices if c.value == value), str(value))


def _required(question: Question) -> bool:
    return not question.allow_unknown


def check_answer(question: Question, value: Any) -> Any:
    """The answer in its stored form, or a ``DisclosureError`` naming the question and choices."""
    allowed = [c.value for c in question.choices]

    def problem(message: str) -> DisclosureError:
        return DisclosureError([Problem(question.id, message)])

    if value is None:
        if not question.allow_unknown:
            raise problem("an answer is needed here")
        return None
    kind = question.kind
    if kind == "yesno":
        if not isinstance(value, bool):
            raise problem(not_a_yes_or_no(value))
        return value
    if kind == "choice":
        # Type and all: 1 is not true, so a yes/no choice gets a true yes or no.
        if not any(value == a and type(value) is type(a) for a in allowed):
            raise problem(f"{value!r} is not allowed. Allowed values: {_list(allowed)}")
        return value
    if question.whole_number:
        return _whole_number(value, problem)
    if question.separator is not None and isinstance(value, list | tuple):
        value = question.separator.join(str(item) for item in value)
    if kind in ("text", "organisation"):
        if not isinstance(value, str):
            raise problem("must be text")
        text = value.strip()
        if not text and not question.allow_unknown:
            raise problem("an answer is needed here")
        if not text and question.none is not None:
            return ""  # "none" (no limits...): an answer, not "not known", which is null
        return text or None
    if kind in ("multi", "flags"):
        items = _as_list(value, problem)
        full = [_full_name(item, allowed) for item in items]
        bad = [item for item, name in zip(items, full, strict=True) if name is None]
        if bad:
            raise problem(f"{bad[0]!r} is not allowed. Allowed values: {_list(allowed)}")
        if kind == "multi" and not full and not question.allow_unknown:
            raise problem("pick at least one")
        return [name for name in allowed if name in full]
    return _check_subjects(value, allowed, problem)


def _whole_number(value: Any, problem: Any) -> int | None:
    """A count given as a whole number, or its digits as text; blank is not known."""
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        if not text.isdigit() or not text.isascii():
            raise problem(f"{text!r} is not a whole number: write a number such as 0, 3 or 12")
        return int(text)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise problem("must be a whole number, 0 or more")


def _check_subjects(value: Any, allowed: list[Any], problem: Any) -> list[dict[str, Any]]:
    subjects = []
    for item in _as_list(value, problem):
        entry = {"role": item} if isinstance(item, str) else item
        if not isinstance(entry, dict) or entry.get("role") not in allowed:
            raise problem(f"{item!r} is not allowed. Allowed roles: {_list(allowed)}")
        child = entry.get("is_child")
        if child is not None and not isinstance(child, bool):
            raise problem(f"is_child {not_a_yes_or_no(child)}")
        person = {"role": entry["role"], "is_child": child}
        deceased = entry.get("deceased")
        if deceased is not None:
            if not isinstance(deceased, bool):
                raise problem(f"deceased {not_a_yes_or_no(deceased)}")
            person["deceased"] = deceased
        subjects.append(person)
    return subjects


def _as_list(value: Any, problem: Any) -> list[Any]:
    if isinstance(value, (list, tuple)):
        return list(value)
    raise problem("must be a list")


def _full_name(item: Any, allowed: list[Any]) -> Any:
    """Accept a flag by its full path or its last part (``less_data_considered``)."""
    if item in allowed:
        return item
    matches = [a for a in allowed if isinstance(a, str) and a.rsplit(".", 1)[-1] == item]
    return matches[0] if len(matches) == 1 else None


def _list(values: list[Any]) -> str:
    return ", ".join("null" if v is None else str(v) for v in values)


def _apply(question: Question, answer: Any, data: dict[str, Any]) -> None:
    if question.id == EVERYONE_DECEASED:
        # "Has everyone died?": yes marks each listed person as dead; no or not known leaves each
        # as given (a person not said to have died is taken to be alive).
        if answer is True:
            data["subjects"] = [{**person, "deceased": True} for person in data.get("subjects") or ()]
        return
    if question.kind == "flags":
        for path in question.fields:
            set_path(data, path, None if answer is None else path in answer)
        return
    (path,) = question.fields
    if question.kind in ("multi", "subjects") and answer is None:
        return
    if question.separator is not None and isinstance(answer, str):
        answer = [item.strip() for item in answer.split(question.separator) if item.strip()]
    set_path(data, path, answer)
