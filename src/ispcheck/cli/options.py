"""What several commands share: options, exit statuses, JSON and error output, the checker.

Defined once so they read and behave the same everywhere. Only the standard library is imported
here, because every command module imports this one and ``ispcheck check`` must start quickly.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DisclosureError, Problem

if TYPE_CHECKING:
    from ..engine import Checker

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_OK",
    "EXIT_RULES_UNAVAILABLE",
    "Terminated",
    "add_pack_options",
    "add_plugins_option",
    "build_checker",
    "checker_factory",
    "counted",
    "print_error",
    "print_json",
    "read_file_or_stdin",
    "request_termination",
    "stop_if_terminated",
    "termination_requested",
]

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_RULES_UNAVAILABLE = 5


def add_pack_options(p: argparse.ArgumentParser, *, plugins: bool = True) -> None:
    """``--pack`` (and, where rules run, ``--no-plugins``)."""
    p.add_argument(
        "--pack", default=None, help="pack name or folder (default: named in the packs folder's default.toml)"
    )
    if plugins:
        add_plugins_option(p)


def add_plugins_option(p: argparse.ArgumentParser) -> None:
    """``--no-plugins`` alone, for a command whose ``--pack`` means something of its own."""
    p.add_argument(
        "--no-plugins",
        action="store_true",
        help="use only the built-in rules, ignoring installed rule plugins",
    )


def checker_factory(args: argparse.Namespace) -> Callable[[], Checker]:
    """What builds the checker ``--pack`` and ``--no-plugins`` ask for; picklable, for workers."""
    from functools import partial

    from ..engine import Checker
    from ..pack import DEFAULT_PACK

    return partial(Checker, args.pack or DEFAULT_PACK, use_entry_points=not args.no_plugins)


def build_checker(args: argparse.Namespace) -> Checker:
    """The checker ``--pack`` and ``--no-plugins`` ask for."""
    return checker_factory(args)()


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def print_error(args: argparse.Namespace, message: str) -> None:
    """Under ``--format json`` a machine reads standard output, so the error goes there as JSON."""
    if getattr(args, "format", "text") == "json":
        print_json({"error": message})
    else:
        print(message, file=sys.stderr)


def counted(noun: str, *, most: int | None = None) -> Callable[[str], int]:
    """An argparse type for a number of ``noun`` (1 or more, and at most ``most`` if given).

    Anything else is a usage error that says what is allowed (exit 2), never a fault later on.
    """

    def number_of(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if most is not None and not 1 <= number <= most:
            raise argparse.ArgumentTypeError(f"give between 1 and {most} {noun}")
        if number < 1:
            raise argparse.ArgumentTypeError(f"give 1 or more {noun}, not {number}")
        return number

    return number_of


def read_file_or_stdin(file: str | Path) -> tuple[str, str]:
    """The text of ``file`` (UTF-8), and the name to give it in messages.

    The string ``"-"``, as typed on a command line, means standard input; a :class:`Path` is
    always a file. A file that cannot be read or is not UTF-8 is bad input (exit 2), not a fault.
    """
    stdin = isinstance(file, str) and file == "-"
    source = "standard input" if stdin else str(file)
    try:
        text = sys.stdin.read() if stdin else Path(file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise DisclosureError([Problem("", f"cannot read {source}: {reason}")]) from None
    return text, source


class Terminated(KeyboardInterrupt):
    """A termination signal (SIGTERM, SIGHUP), met like Ctrl-C: everything half-written is removed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


#: The termination signal received, if any. The handler raises :class:`Terminated` too, but an
#: exception raised in a signal handler is lost when the signal lands inside a callback Python
#: runs for itself (a garbage-collection or import-lock callback prints "Exception ignored" and
#: carries on), so long-running commands also look here before they commit their output.
_requested: int | None = None


def request_termination(signum: int | None) -> None:
    """Remember that a signal asked the command to end (see :func:`stop_if_terminated`).

    ``None`` forgets it: each command run in a process (tests run many) starts with none.
    """
    global _requested
    _requested = signum


def termination_requested() -> int | None:
    """The signal that asked the command to end, if one did."""
    return _requested


def stop_if_terminated() -> None:
    """Raise :class:`Terminated` if a signal asked the command to end and the raise was lost."""
    if _requested is not None:
        raise Terminated(_requested)


def iso_date(text: str) -> date:
    """A date given on the command line (``--as-of``), as YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None
