"""Where the paperwork's disclosure comes from: a disclosure, the checklist's saved record, or the register.

An officer who has worked through the checklist has a saved record (the disclosure, the decision and
the answers); a decision recorded in the register has its disclosure and decision stored. Either
must reach the paperwork without retyping: the record as it was made is printed, not a new decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..decision import Decision
from ..disclosure import Disclosure
from ..errors import DisclosureError, Problem
from ..records import decision_from_dict
from ..validation import parse_disclosure

__all__ = ["CHECKLIST_RECORD_KEY", "PaperworkSource", "from_mapping", "from_stored"]

#: The key that marks a file as the checklist's saved record (its value is the format's version).
CHECKLIST_RECORD_KEY = "ispcheck_record"


@dataclass(frozen=True, slots=True)
class PaperworkSource:
    """A disclosure, with the decision already made on it when there is one."""

    disclosure: Disclosure
    decision: Decision | None = None
    decided_by: str | None = None
    #: What it is, for messages: "a disclosure", "the checklist's saved record", "register record 7".
    described_as: str = "a disclosure"


def from_mapping(data: Any, *, source: str = "input") -> PaperworkSource:
    """A bare disclosure, or the checklist's saved record (``{"ispcheck_record": 1, ...}``).

    Bad input raises :class:`DisclosureError` naming the field, as for any disclosure.
    """
    if not isinstance(data, Mapping) or CHECKLIST_RECORD_KEY not in data:
        if not isinstance(data, Mapping):
            raise DisclosureError([Problem("", f"{source} must hold a disclosure (a JSON or YAML object)")])
        return PaperworkSource(parse_disclosure(data))
    if data[CHECKLIST_RECORD_KEY] != 1:
        raise DisclosureError(
            [
                Problem(
                    CHECKLIST_RECORD_KEY, f"is {data[CHECKLIST_RECORD_KEY]!r}: this ispcheck reads version 1"
                )
            ]
        )
    disclosure = data.get("disclosure")
    if not isinstance(disclosure, Mapping):
        raise DisclosureError([Problem("disclosure", "the saved record holds no disclosure (an object)")])
    parsed = parse_disclosure(disclosure)
    decision = _decision(data.get("decision"), "decision")
    return PaperworkSource(parsed, decision, None, "the checklist's saved record")


def from_stored(
    record_id: int, disclosure: Mapping[str, Any], decision: Mapping[str, Any], decided_by: str | None
) -> PaperworkSource:
    """A decision recorded in the register, as it was made (free text it withheld stays withheld)."""
    return PaperworkSource(
        parse_disclosure(disclosure),
        _decision(decision, "decision"),
        decided_by,
        f"register record {record_id}",
    )


def _decision(data: Any, where: str) -> Decision:
    if not isinstance(data, Mapping):
        raise DisclosureError([Problem(where, "the saved record holds no decision (an object)")])
    try:
        return decision_from_dict(dict(data))
    except (KeyError, TypeError, ValueError) as exc:
        raise DisclosureError(
            [Problem(where, f"is not a decision ispcheck wrote ({type(exc).__name__}: {exc})")]
        ) from None
