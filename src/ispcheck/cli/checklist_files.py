"""The checklist's files: the draft kept while answering, answers files, and the saved record.

Every file is written whole or not at all (a temporary file renamed over the target), so a
crash or a closed terminal never leaves half a record.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from ..decision import Decision
from ..errors import DisclosureError, Problem
from ..files import write_atomically
from ..interview import Interview
from ..questions import by_id
from ..text_input import read_disclosure_text, read_json
from .options import read_file_or_stdin

__all__ = ["RECORDS_DIR", "load_draft", "read_answers", "record", "stamped", "write_json"]

RECORDS_DIR = Path("ispcheck-records")


def read_answers(path: Path) -> dict[str, Any]:
    """The answers in a JSON or YAML file; anything unreadable or unknown is bad input (exit 2)."""
    text, source = read_file_or_stdin(path)
    data = read_disclosure_text(text, source=source)
    if isinstance(data, dict) and isinstance(data.get("answers"), dict):
        data = data["answers"]
    if not isinstance(data, dict):
        raise DisclosureError([Problem("", f"{path} must map question ids to answers")])
    unknown = [key for key in data if not is_question(key)]
    if unknown:
        raise DisclosureError([Problem(key, "no such question") for key in unknown])
    return data


def load_draft(path: Path) -> tuple[dict[str, Any], list[str]]:
    """The answers and their order in a draft; a key given twice in it is bad input (exit 2)."""
    try:
        data = read_json(path.read_text(encoding="utf-8"), source=str(path))
    except DisclosureError:
        raise
    except (OSError, ValueError) as exc:
        raise DisclosureError([Problem("", f"cannot resume from {path}: {exc}")]) from None
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        raise DisclosureError([Problem("", f"{path} is not a checklist draft")])
    return data["answers"], list(data.get("order") or data["answers"])


def record(interview: Interview, decision: Decision, *, not_given: list[str] | None = None) -> dict[str, Any]:
    """The saved record: the decision, the disclosure it was made on, and the answers."""
    return {
        "ispcheck_record": 1,
        "decision": decision.to_dict(),
        "disclosure": interview.data(),
        "answers": interview.answers,
        "questions_asked": len(interview.order),
        "not_answered": not_given or [],
    }


def write_json(path: Path, data: Any) -> None:
    """Write ``data`` as JSON, whole or not at all, creating the folder if need be."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def stamped(kind: str) -> str:
    return str(RECORDS_DIR / f"{kind}-{datetime.now():%Y%m%d-%H%M%S}.json")


def is_question(key: str) -> bool:
    try:
        by_id(key)
    except KeyError:
        return False
    return True
