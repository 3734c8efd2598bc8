"""``ispcheck checklist``: the officer's walk-through in a terminal.

Only the command's options live here; the session itself (:mod:`.checklist_session`) is imported
when the command runs, so other commands start as quickly as before.
"""

from __future__ import annotations

import argparse
from typing import Any

from .options import add_pack_options

__all__ = ["add_commands"]


def add_commands(sub: Any) -> None:
    p = sub.add_parser(
        "checklist",
        help="Walk through a disclosure question by question, in plain language.",
        description=(
            "Asks the questions that matter for this disclosure (the protocol's tests and the facts the "
            "rules need), shows findings as you go, and ends with the decision and a saved "
            "record. Answers are saved as you go."
        ),
    )
    p.add_argument("--resume", metavar="DRAFT", help="carry on from a saved draft")
    p.add_argument("--answers", metavar="FILE", help="take answers from a JSON or YAML file; no prompts")
    p.add_argument("--save", metavar="PATH", help="where to save the decision record")
    p.add_argument("--draft", metavar="PATH", help="where to keep the draft while answering")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output with --answers")
    add_pack_options(p)
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from .checklist_session import run

    return run(args)
