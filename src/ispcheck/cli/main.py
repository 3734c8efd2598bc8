"""Entry point: parse arguments, call the library, render, and map results to exit codes.

One error boundary (:func:`main`) turns every expected error into a readable message and an exit
status; nothing a user types should produce a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
from collections.abc import Sequence
from typing import Any

from ..decision import Outcome
from ..errors import DisclosureError, PackError, PluginError, Problem
from .options import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_RULES_UNAVAILABLE,
    Terminated,
    add_pack_options,
    build_checker,
    iso_date,
    print_error,
    print_json,
    read_file_or_stdin,
    request_termination,
    termination_requested,
)

EXIT_NOT_FOUND = 1
EXIT_REFER = 3
EXIT_DO_NOT_SHARE = 4
EXIT_INTERNAL_ERROR = 70
EXIT_BY_OUTCOME = {
    Outcome.SHARE: EXIT_OK,
    Outcome.SHARE_WITH_CONDITIONS: EXIT_OK,
    Outcome.REFER: EXIT_REFER,
    Outcome.DO_NOT_SHARE: EXIT_DO_NOT_SHARE,
}

#: Modules that add further commands. Each defines ``add_commands(subparsers)``, which adds its
#: subcommands (setting ``func`` to a callable ``(args) -> int`` with ``set_defaults``), and
#: imports anything heavy inside those callables so that ``ispcheck check`` stays quick to start.
COMMAND_MODULES: tuple[str, ...] = (
    "ispcheck.cli.checklist",
    "ispcheck.cli.register_commands",
    "ispcheck.cli.audit_command",
    "ispcheck.cli.paperwork_commands",
    "ispcheck.cli.review_pack_command",
    "ispcheck.cli.service_commands",
)

EPILOG = """exit status of `check`: 0 share or share_with_conditions, 3 refer, 4 do_not_share,
2 bad input (nothing decided), 5 the rules could not be loaded (nothing decided),
70 an unexpected fault in ispcheck (nothing decided)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ispcheck",
        description=(
            "Check a proposed disclosure of personal data against a community safety information "
            "sharing protocol, read from a pack of rules (--pack)."
        ),
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text, epilog=EPILOG)
        p.add_argument(
            "--format",
            choices=("text", "json"),
            default="text",
            help="text for people (default), json for machines",
        )
        return p

    check = add("check", "Decide one proposed disclosure (JSON or YAML file, or - for stdin).")
    check.add_argument("file", metavar="FILE", help="the disclosure file, or - to read stdin")
    add_pack_options(check)
    check.add_argument(
        "--as-of",
        type=iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="decide as of this date, under the version of the protocol then in force (default: today)",
    )
    check.set_defaults(func=_check)
    rules = add("rules", "List the rule catalogue: id, title, effect and protocol clauses.")
    add_pack_options(rules)
    rules.set_defaults(func=_rules)
    partners = add("partners", "Is this organisation a signatory of the protocol?")
    partners.add_argument(
        "name",
        nargs="*",
        metavar="NAME",
        help="organisation name or short form; omit to list every signatory",
    )
    add_pack_options(partners, plugins=False)
    partners.set_defaults(func=_partners)
    add("schema", "Print the JSON Schema of the disclosure contract.").set_defaults(func=_schema)
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).add_commands(sub)
    return parser


#: The process that installed the handlers: a worker forked from it inherits them.
_handling_pid: int | None = None


def _terminate(signum: int, frame: object) -> None:
    if os.getpid() != _handling_pid:
        # A forked worker, signalled before it could reset the handler: just end, as the default
        # would, with no traceback. The process that runs the command cleans up.
        import signal

        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
        return
    request_termination(signum)
    raise Terminated(signum)


def _on_termination() -> dict[int, Any]:
    """Meet SIGTERM and SIGHUP as Ctrl-C is met (a service manager or scheduler stopping a command)."""
    import signal

    global _handling_pid
    _handling_pid = os.getpid()
    request_termination(None)
    previous: dict[int, Any] = {}
    for signum in (signal.SIGTERM, signal.SIGHUP):
        # Not in the main thread (ispcheck called from a thread): the signals are left alone.
        with contextlib.suppress(ValueError):
            previous[signum] = signal.signal(signum, _terminate)
    return previous


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    import signal

    previous = _on_termination()
    try:
        return _main(args)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _main(args: argparse.Namespace) -> int:
    try:
        status = _run(args)
        stopped = termination_requested()
        if stopped is not None:  # the signal's exception was lost (see options.stop_if_terminated)
            raise Terminated(stopped)
        return status
    except DisclosureError as exc:
        _report_problems(args, exc.problems)
        return EXIT_BAD_INPUT
    except (PackError, PluginError) as exc:
        print_error(args, f"The rules could not be loaded, so nothing was decided.\n{exc}")
        return EXIT_RULES_UNAVAILABLE
    except Terminated as exc:
        print_error(args, "Stopped by a signal to end: nothing half-written was kept.")
        return 128 + exc.signum
    except KeyboardInterrupt:
        print_error(args, "Interrupted: nothing was decided.")
        return 130
    except BaseException as exc:  # the last line of defence (sys.exit() from below included): a message
        if isinstance(exc, BrokenPipeError) or isinstance(exc.__context__, BrokenPipeError):
            # Whoever reads the output has gone (``ispcheck rules | head``); rich stops with
            # SystemExit(1) then. Nothing to say to a reader who is not there.
            _silence_stdout()
            return 141  # 128 + SIGPIPE, as a shell reports a command ended by a closed pipe
        if os.environ.get("ISPCHECK_DEBUG"):
            raise
        print_error(
            args,
            f"ispcheck stopped on an unexpected error ({type(exc).__name__}: {exc}). Nothing "
            "was decided. This is a fault in ispcheck: set ISPCHECK_DEBUG=1 to see the details.",
        )
        return EXIT_INTERNAL_ERROR


def _silence_stdout() -> None:
    """Point standard output at nothing, so Python's flush at exit does not fail on the closed pipe."""
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _run(args: argparse.Namespace) -> int:
    return int(args.func(args))


def _check(args: argparse.Namespace) -> int:
    from ..text_input import read_disclosure_text

    text, source = read_file_or_stdin(args.file)
    # Checked as read: valid input takes the fast path, bad input gets the contract's problems.
    checker = build_checker(args)
    result = checker.check(read_disclosure_text(text, source=source), today=args.as_of)
    if args.format == "json":
        print_json(result.to_dict())
    else:
        from . import render

        render.decision(_console(), result, readings=render.reading_titles(checker.pack))
    return EXIT_BY_OUTCOME[result.outcome]


def _rules(args: argparse.Namespace) -> int:
    checker = build_checker(args)
    if args.format == "json":
        from ..documents import rules_document

        print_json(rules_document(checker))
    else:
        from . import render

        render.rules(_console(), checker)
    return EXIT_OK


def _partners(args: argparse.Namespace) -> int:
    from ..documents import partners_document
    from ..pack import DEFAULT_PACK, load_pack

    pack = load_pack(args.pack or DEFAULT_PACK)
    query = " ".join(args.name).strip()
    document = partners_document(pack, query)
    if args.format == "json":
        print_json(document)
    elif not query:
        from . import render

        render.register(_console(), pack)
    else:
        from . import render

        render.partner(_console(), query, pack.register.search(query), pack=pack)
    if not query:
        return EXIT_OK
    return EXIT_OK if isinstance(document, dict) and document["signatory"] else EXIT_NOT_FOUND


def _schema(args: argparse.Namespace) -> int:
    from ..schema import disclosure_schema

    print_json(disclosure_schema())
    return EXIT_OK


def _report_problems(args: argparse.Namespace, problems: list[Problem]) -> None:
    given = getattr(args, "file", None) or getattr(args, "answers", None) or getattr(args, "resume", None)
    source = "standard input" if given in (None, "-") else given
    if getattr(args, "format", "text") == "json":
        print_json(
            {
                "error": "invalid_disclosure",
                "problems": [{"path": p.path, "message": p.message} for p in problems],
            }
        )
        return
    from . import render

    render.problems(_console(stderr=True), source, problems)


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, emoji=False)


def _version() -> str:
    from .. import __version__

    return f"ispcheck {__version__}"


if __name__ == "__main__":
    raise SystemExit(main())
