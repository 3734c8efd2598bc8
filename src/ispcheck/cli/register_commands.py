"""``ispcheck register ...``: record decisions, read them back, check the chain, replay a pack.

The register is a file or a PostgreSQL database (``--db PATH`` or ``--db postgresql://...``, else
``$ISPCHECK_REGISTER``, else ``ispcheck-register.sqlite`` in the current folder). Only ``add``
creates it; the other commands say clearly when it is not there rather than making an empty one.
``grant`` prints the SQL that gives a service's database role only the rights it needs.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..decision import Outcome
from .options import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    add_pack_options,
    add_plugins_option,
    build_checker,
    counted,
    print_error,
    print_json,
)

if TYPE_CHECKING:
    from rich.console import Console

    from ..engine import Checker
    from ..register import Register, StoredRecord

DEFAULT_REGISTER = "ispcheck-register.sqlite"
REGISTER_ENV = "ISPCHECK_REGISTER"

EXIT_NO = 1

EPILOG = """exit status: add as `check` (0 share or share_with_conditions, 3 refer, 4 do_not_share;
2 bad input, nothing recorded); show 1 when there is no such record; verify 1 when the register
has been tampered with (the first bad record is named); 2 when the register cannot be used."""


def add_commands(subparsers: Any) -> None:
    text = "The decision register: an append-only, hash-chained record of decisions (to record each share)."
    group = subparsers.add_parser("register", help=text, description=text, epilog=EPILOG)
    sub = group.add_subparsers(dest="register_command", required=True, metavar="ACTION")

    def leaf(
        name: str, help_text: str, *, formats: tuple[str, ...] = ("text", "json")
    ) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(
            name, help=help_text, description=help_text, epilog=EPILOG
        )
        p.add_argument(
            "--db",
            metavar="PATH|URL",
            default=None,
            help=(
                "the register: an SQLite file, or a postgresql:// URL for one shared by several "
                f"services (default: ${REGISTER_ENV}, else ./{DEFAULT_REGISTER})"
            ),
        )
        p.add_argument("--format", choices=formats, default=formats[0], help=f"output: {', '.join(formats)}")
        return p

    add = leaf("add", "Decide a disclosure (JSON or YAML file, or - for stdin) and record the decision.")
    add.add_argument("file", metavar="FILE", help="the disclosure file, or - to read stdin")
    add.add_argument(
        "--decided-by", metavar="NAME", default=None, help="who made the decision (role or number)"
    )
    add.add_argument(
        "--keep-text",
        action="store_true",
        help="keep free-text descriptions of special category data (withheld by default)",
    )
    add_pack_options(add)
    add.set_defaults(func=_add)

    listing = leaf("list", "List the records: id, time, outcome, discloser and recipient.")
    listing.add_argument(
        "--last",
        type=counted("records"),
        metavar="N",
        default=None,
        help="only the latest N records (N at least 1)",
    )
    listing.add_argument(
        "--outcome",
        choices=tuple(o.value for o in Outcome),
        default=None,
        help="only records with this outcome",
    )
    listing.set_defaults(func=_list)

    show = leaf("show", "Show one record in full.")
    show.add_argument("id", type=int, metavar="ID", help="the record's number")
    show.set_defaults(func=_show)

    export = leaf(
        "export", "Write every record out, as JSON Lines (default) or CSV.", formats=("jsonl", "csv")
    )
    export.add_argument(
        "-o", "--output", metavar="PATH", default="-", help="where to write (default: stdout)"
    )
    export.set_defaults(func=_export)

    verify = leaf("verify", "Check that no record has been edited, deleted or reordered.")
    verify.add_argument(
        "--expect",
        metavar="ID:HASH",
        action="append",
        default=[],
        help="a record's hash written down earlier (for example at the annual review); repeatable",
    )
    verify.set_defaults(func=_verify)

    replay = leaf("replay", "Re-decide every recorded disclosure under another pack; list what would change.")
    replay.add_argument(
        "--pack", required=True, help="the other pack: a folder, or the name of a shipped pack"
    )
    add_plugins_option(replay)
    replay.add_argument(
        "--all",
        action="store_true",
        help="also list records whose findings change but whose outcome does not",
    )
    replay.add_argument(
        "--in-force",
        action="store_true",
        help=(
            "decide each record under the version of the pack in force on its day (default: the "
            "pack's newest text, as trying an update asks)"
        ),
    )
    replay.set_defaults(func=_replay)

    text = (
        "Print the SQL that lets a database role append to a PostgreSQL register and read it, and "
        "nothing more (run it as the tables' owner, e.g. ispcheck register grant ROLE | psql URL)."
    )
    grant = sub.add_parser("grant", help=text, description=text, epilog=EPILOG)
    grant.add_argument("role", metavar="ROLE", help="the service's database role (login)")
    grant.set_defaults(func=_grant)


def register_target(args: argparse.Namespace) -> str:
    """The register to use: ``--db``, else ``$ISPCHECK_REGISTER``, else the file in this folder."""
    return str(args.db or os.environ.get(REGISTER_ENV) or DEFAULT_REGISTER)


def shown_target(args: argparse.Namespace) -> str:
    """The register as it may be printed: a path, or a URL without its password."""
    from ..register.targets import is_database_url, shown_url

    target = register_target(args)
    return shown_url(target) if is_database_url(target) else target


def _open(args: argparse.Namespace, *, create: bool = False, checker: Checker | None = None) -> Register:
    from ..register import Register

    return Register.open(register_target(args), create=create, checker=checker)


Command = Callable[[argparse.Namespace], int]


def _guarded(func: Command) -> Command:
    """Turn register problems into a readable message and exit status 2."""

    @functools.wraps(func)
    def run(args: argparse.Namespace) -> int:
        from ..register import RegisterError

        try:
            return func(args)
        except RegisterError as exc:
            print_error(args, str(exc))
            return EXIT_BAD_INPUT

    return run


# -- add --------------------------------------------------------------------------------------


@_guarded
def _add(args: argparse.Namespace) -> int:
    from ..validation import parse_disclosure_text
    from .main import EXIT_BY_OUTCOME
    from .options import read_file_or_stdin

    text, source = read_file_or_stdin(args.file)
    disclosure = parse_disclosure_text(text, source=source)  # bad input stops here: nothing written
    checker = build_checker(args)
    with _open(args, create=True, checker=checker) as register:
        record = register.add(disclosure, decided_by=args.decided_by, keep_text=args.keep_text)
    if args.format == "json":
        print_json(record.to_dict())
    else:
        from rich.markup import escape

        from ..records import decision_from_dict
        from . import render

        console = _console()
        console.print(
            f"Recorded as record {record.id} in {escape(register.location)}\n"
            f"[dim]hash {record.hash}[/]"
            + (f"\n[dim]Withheld from the record: {', '.join(record.withheld)}[/]" if record.withheld else "")
            + "\n",
            soft_wrap=True,
        )
        render.decision(console, decision_from_dict(record.decision))
    return EXIT_BY_OUTCOME[Outcome(record.outcome)]


# -- list, show, export -----------------------------------------------------------------------


@_guarded
def _list(args: argparse.Namespace) -> int:
    with _open(args) as register:
        latest = args.last is not None
        found = register.records(newest_first=latest)
        chosen = (r for r in found if args.outcome is None or r.outcome == args.outcome)
        records = list(islice(chosen, args.last))[::-1] if latest else list(chosen)
    if args.format == "json":
        print_json([_brief(r) for r in records])
        return EXIT_OK
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    console = _console()
    if not records:
        console.print("No records.")
        return EXIT_OK
    table = Table(box=box.SIMPLE, padding=(0, 1, 0, 0), pad_edge=False)
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("recorded (UTC)", no_wrap=True)
    table.add_column("outcome", min_width=12)
    # Organisation names wrap between words; each column still fits a long place name.
    for column in ("from", "to", "decided by"):
        table.add_column(column, min_width=12 if column != "decided by" else 10)
    for r in records:
        table.add_row(
            str(r.id),
            r.recorded_at[:16].replace("T", " "),
            r.outcome.replace("_", " "),
            escape(r.discloser),
            escape(r.recipient),
            escape(r.decided_by or ""),
        )
    console.print(table)
    return EXIT_OK


def _brief(r: StoredRecord) -> dict[str, Any]:
    return {
        "id": r.id,
        "recorded_at": r.recorded_at,
        "decided_by": r.decided_by,
        "recorded_by": r.recorded_by,
        "outcome": r.outcome,
        "discloser": r.discloser,
        "recipient": r.recipient,
        "hash": r.hash,
    }


@_guarded
def _show(args: argparse.Namespace) -> int:
    with _open(args) as register:
        record = register.get(args.id)
    if record is None:
        print_error(args, f"there is no record {args.id} in {shown_target(args)}")
        return EXIT_NO
    if args.format == "json":
        print_json(record.to_dict())
        return EXIT_OK
    from rich.markup import escape

    from ..records import decision_from_dict
    from . import render

    console = _console()
    d = record.disclosure
    lines = [
        f"[bold]Record {record.id}[/], recorded {record.recorded_at}"
        + (f" by {escape(record.decided_by)}" if record.decided_by else "")
        + (f" (recorded by the service key {escape(record.recorded_by)})" if record.recorded_by else ""),
        f"[dim]hash {record.hash}\nprevious {record.prev_hash}[/]",
        f"From {escape(record.discloser)} to {escape(record.recipient)}: "
        f"{escape(', '.join(d['data']['categories']))} data for {escape(d['purpose']['code'])}",
    ]
    if d["data"].get("description"):
        lines.append(f"Data: {escape(d['data']['description'])}")
    if record.withheld:
        lines.append(f"[dim]Withheld from the record: {', '.join(record.withheld)}[/]")
    console.print("\n".join(lines) + "\n", soft_wrap=True)
    render.decision(console, decision_from_dict(record.decision))
    return EXIT_OK


@_guarded
def _export(args: argparse.Namespace) -> int:
    with _open(args) as register:
        if args.output == "-":
            count = _write_export(register, sys.stdout, args.format)
        else:
            from ..files import open_atomically

            target = Path(args.output)
            try:
                with open_atomically(target, newline="") as out:
                    count = _write_export(register, out, args.format)
            except OSError as exc:
                print_error(args, f"cannot write {target}: {exc.strerror or exc}")
                return EXIT_BAD_INPUT
            print(f"Exported {count:,} records to {target}.", file=sys.stderr)
    return EXIT_OK


def _write_export(register: Register, out: Any, kind: str) -> int:
    return register.export_csv(out) if kind == "csv" else register.export_jsonl(out)


# -- verify -----------------------------------------------------------------------------------


@_guarded
def _verify(args: argparse.Namespace) -> int:
    expect: dict[int, str] = {}
    for item in args.expect:
        number, _, digest = item.partition(":")
        if not number.strip().isdigit() or len(digest.strip()) != 64:
            print_error(args, f"--expect {item!r}: write it as ID:HASH, e.g. 120:{'0' * 64}")
            return EXIT_BAD_INPUT
        expect[int(number)] = digest.strip().lower()
    with _open(args) as register:
        result = register.verify(expect)
    if args.format == "json":
        print_json({"register": shown_target(args), **result.to_dict()})
    elif result.ok:
        print(
            f"The register {shown_target(args)} is intact: {result.records:,} records, each chained to "
            f"the one before.\nLatest hash: {result.head}\nWrite this hash down somewhere else (for "
            "example in the annual review minutes) and pass it back with --expect "
            f"{result.records}:HASH next time: it shows the whole chain was not rewritten."
        )
    else:
        print(
            f"THE REGISTER {shown_target(args)} HAS BEEN TAMPERED WITH.\n"
            f"First bad record: {result.bad_id}. {result.problem}.\n"
            f"Records 1 to {result.records:,} before it are intact.",
            file=sys.stderr,
        )
    return EXIT_OK if result.ok else EXIT_NO


# -- replay -----------------------------------------------------------------------------------


@_guarded
def _replay(args: argparse.Namespace) -> int:
    from ..engine import Checker
    from ..replay import replay

    checker = Checker(args.pack, use_entry_points=not args.no_plugins)
    with _open(args) as register:
        total = len(register)
        changes = list(replay(register.records(), checker, in_force=args.in_force))
    outcome_changes = [c for c in changes if c.outcome_changed]
    shown = changes if args.all else outcome_changes
    pack = {"name": checker.pack.name, "version": checker.pack.version, "path": args.pack}
    if args.format == "json":
        print_json(
            {
                "pack": pack,
                "records": total,
                "outcome_changes": len(outcome_changes),
                "finding_changes_only": len(changes) - len(outcome_changes),
                "changes": [c.to_dict() for c in shown],
            }
        )
        return EXIT_OK
    from rich.markup import escape

    console = _console()
    console.print(
        f"Replayed {total:,} records under pack {escape(checker.pack.name)} {escape(checker.pack.version)} "
        f"({escape(args.pack)}), each as of the day it was decided.\n"
        f"[bold]{len(outcome_changes):,}[/] would get a different outcome; "
        f"{len(changes) - len(outcome_changes):,} more would keep the outcome with different findings"
        + ("" if args.all or len(changes) == len(outcome_changes) else " (--all lists them)")
        + "."
    )
    for change in shown:
        after = change.after or "cannot be decided"
        console.print(f"\n[bold]record {change.id}[/]: {change.before} -> [bold]{after}[/]")
        if change.problem:
            console.print(f"  {escape(change.problem)}")
        for sign, findings in (("+", change.appeared), ("-", change.disappeared)):
            for f in findings:
                console.print(
                    f"  {sign} {f.effect} {escape(f.rule_id)} [dim](ISP {escape(', '.join(f.clauses))})[/]: "
                    f"{escape(f.message)}"
                )
    return EXIT_OK


# -- grant ------------------------------------------------------------------------------------


def _grant(args: argparse.Namespace) -> int:
    from ..register.postgres_schema import grant_sql

    print(grant_sql(args.role), end="")
    return EXIT_OK


# -- output helpers ---------------------------------------------------------------------------


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False, emoji=False)
