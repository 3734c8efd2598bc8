"""``ispcheck audit``: decide every disclosure in a log of past shares and summarise the results.

Everything heavy (the audit module, rich) is imported inside :func:`run`, so adding this command
costs ``ispcheck check`` nothing at start-up.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any, Literal

from .options import EXIT_BAD_INPUT, EXIT_OK, add_pack_options, checker_factory, iso_date, stop_if_terminated

if TYPE_CHECKING:
    from ..audit import Audit, AuditedChunk, InvalidRecord

EXIT_SOME_INVALID = 1
#: Invalid records shown on the terminal as they are found; the rest are counted.
SHOW_INVALID = 20
#: Without a terminal, a plain progress line at most this often (seconds).
PLAIN_PROGRESS_EVERY = 10.0

EPILOG = """exit status: 0 every record was decided, 1 some records were invalid and skipped (each is
reported with its line number), 2 the log cannot be read (nothing audited), 5 the rules could not
be loaded. The CSV columns are described in the README ("Audit")."""


def add_commands(subparsers: Any) -> None:
    text = "Decide every disclosure in a log of past shares (JSON Lines or CSV) and summarise them."
    p = subparsers.add_parser("audit", help=text, description=text, epilog=EPILOG)
    p.add_argument("file", metavar="FILE", help="the log: JSON Lines, or CSV (.csv); - reads standard input")
    p.add_argument(
        "--input-format",
        choices=("jsonl", "csv"),
        default=None,
        help="the log's format (default: csv for a .csv file, otherwise jsonl)",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        default=None,
        help="write each record's decision here as JSON Lines, in input order (- for standard output)",
    )
    p.add_argument(
        "--full",
        action="store_true",
        help="write each record's whole decision record (messages, conditions, obligations)",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="worker processes to decide in (default 1; 0 means one per CPU)",
    )
    p.add_argument(
        "--as-of",
        type=iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="decide as of this date (for example the last day of the year being audited)",
    )
    p.add_argument("--top", type=int, default=10, metavar="N", help="rows in each summary table (default 10)")
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="summary for people (text) or machines (json)",
    )
    add_pack_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..audit import Audit, AuditError

    if args.jobs < 0:
        return _fail(args, "--jobs must be 0 (one per CPU) or more")
    kind: Literal["jsonl", "csv"] = args.input_format or (
        "csv" if args.file.lower().endswith(".csv") else "jsonl"
    )
    source: Any = sys.stdin.buffer if args.file == "-" else args.file
    factory = checker_factory(args)
    began = time.monotonic()
    try:
        job = Audit(
            source, format=kind, checker_factory=factory, jobs=args.jobs, today=args.as_of, full=args.full
        )
    except OSError as exc:
        return _fail(args, f"cannot read {args.file}: {exc.strerror or exc}")
    try:
        with _output(args.output) as out:
            _consume(job, out)
    except AuditError as exc:
        return _fail(args, f"{args.file} cannot be audited: {exc}")
    except OSError as exc:
        return _fail(args, f"the audit stopped: {exc.strerror or exc}")
    if job.summary.records == 0:
        return _fail(
            args, f"{args.file} holds no records (no header row or no lines), so nothing was audited"
        )
    report = {
        "source": args.file,
        "format": kind,
        "output": args.output,
        "seconds": round(time.monotonic() - began, 2),
        **job.report(args.top),
    }
    if args.format == "json":
        import json

        stream = sys.stderr if args.output == "-" else sys.stdout
        stream.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    else:
        _print_summary(report, job, stderr=args.output == "-")
    return EXIT_SOME_INVALID if job.summary.invalid else EXIT_OK


@contextmanager
def _output(target: str | None) -> Iterator[IO[str] | None]:
    """Per-record output: a file appears only when the audit is complete, so none is half read."""
    if target is None:
        yield None
    elif target == "-":
        try:
            yield sys.stdout
        finally:
            sys.stdout.flush()
    else:
        from ..files import open_atomically

        with open_atomically(target, newline="\n") as out:
            yield out
            stop_if_terminated()  # a signal whose exception was lost: the file must not appear


def _consume(job: Audit, out: IO[str] | None) -> None:
    """Run the audit, writing each chunk as it comes and keeping the user informed."""
    if sys.stderr.isatty():
        _with_bar(job, out)
        return
    # Not a terminal: no bar, and invalid records only in the summary, so logs stay readable.
    last = time.monotonic()
    for chunk in job.chunks():
        stop_if_terminated()
        if out is not None:
            out.write(chunk.jsonl)
        if time.monotonic() - last >= PLAIN_PROGRESS_EVERY:
            last = time.monotonic()
            print(f"audited {job.summary.records:,} records{_share(job.position, job.size)}", file=sys.stderr)


def _with_bar(job: Audit, out: IO[str] | None) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    console = Console(stderr=True, highlight=False, emoji=False)
    size = job.size
    columns = [
        TextColumn("auditing"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%" if size else ""),
        TextColumn("{task.fields[records]:,} records"),
        TimeElapsedColumn(),
    ]
    if size:
        columns.append(TimeRemainingColumn())
    shown = 0
    with Progress(*columns, console=console, transient=True) as progress:
        bar = progress.add_task("audit", total=size or None, records=0)
        for chunk in job.chunks():
            stop_if_terminated()
            if out is not None:
                out.write(chunk.jsonl)
            shown = _show_invalid(chunk, shown, lambda text: progress.console.print(escape(text)))
            progress.update(bar, completed=job.position, records=job.summary.records)


def _show_invalid(chunk: AuditedChunk, shown: int, say: Any) -> int:
    for record in chunk.summary.first_invalid:
        if shown < SHOW_INVALID:
            say(_invalid_line(record))
        elif shown == SHOW_INVALID:
            say("(more invalid records: they are counted in the summary and listed in the output)")
        shown += 1
    return shown


def _invalid_line(record: InvalidRecord) -> str:
    problems = "; ".join(str(p) for p in record.problems)
    return f"line {record.line}: skipped, not a valid disclosure: {problems}"


def _share(position: int, size: int | None) -> str:
    return f" ({position / size:.0%} of the file)" if size else ""


def _fail(args: argparse.Namespace, message: str) -> int:
    if getattr(args, "format", "text") == "json":
        import json

        sys.stdout.write(json.dumps({"error": message}, ensure_ascii=False) + "\n")
    else:
        print(message, file=sys.stderr)
    return EXIT_BAD_INPUT


# -- the summary ----------------------------------------------------------------------------

_LABELS = {
    "share": "share",
    "share_with_conditions": "with\nconditions",
    "refer": "refer",
    "do_not_share": "do not\nshare",
}


def _print_summary(report: dict[str, Any], job: Audit, *, stderr: bool) -> None:
    from functools import partial

    from rich import box
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(stderr=stderr, highlight=False, emoji=False)
    say = partial(console.print, soft_wrap=True)  # prose: paths and messages are not cut up

    def table(title: str) -> Table:
        return Table(box=box.SIMPLE, title=title, title_justify="left", title_style="bold")

    total, decided, invalid = report["records"], report["decided"], report["invalid"]
    say(
        f"[bold]Audit of {escape(report['source'])}[/]: {total:,} records, {decided:,} decided"
        + (f", [bold red]{invalid:,} invalid and skipped[/]" if invalid else "")
        + "."
    )
    as_of = f"; decided as of {report['as_of']}" if report["as_of"] else ""
    pack = report["pack"]
    say(f"[dim]Pack {escape(pack['name'])} {escape(pack['version'])}{as_of}; {report['seconds']} s.[/]")
    if not decided and not invalid:
        say("The log holds no records.")
        return

    outcomes = table("Outcomes")
    outcomes.add_column("outcome", no_wrap=True)
    outcomes.add_column("records", justify="right")
    outcomes.add_column("share of decided", justify="right")
    for outcome, n in report["outcomes"].items():
        outcomes.add_row(outcome, f"{n:,}", f"{n / decided:.1%}" if decided else "-")
    console.print(outcomes)

    if report["rules"]:
        rules = table("Rules that fired most")
        rules.add_column("records", justify="right")
        rules.add_column("rule", no_wrap=True)
        rules.add_column("ISP clauses")
        for row in report["rules"]:
            rules.add_row(f"{row['records']:,}", escape(row["rule_id"]), escape(", ".join(row["clauses"])))
        console.print(rules)

    for key, title in (("disclosers", "By discloser"), ("recipients", "By recipient")):
        if not report[key]:
            continue
        parties = table(title)
        parties.add_column("organisation")
        parties.add_column("records", justify="right")
        for label in _LABELS.values():
            parties.add_column(label, justify="right")
        for row in report[key]:
            parties.add_row(
                escape(row["organisation"]),
                f"{row['records']:,}",
                *(f"{row['outcomes'][o]:,}" for o in _LABELS),
            )
        console.print(parties)

    if invalid:
        shown = job.summary.first_invalid[:SHOW_INVALID]
        say(f"[bold]Invalid records[/] (skipped; the first {len(shown)} of {invalid:,})")
        for record in shown:
            say(f"  {escape(_invalid_line(record))}")
    if report["output"] and report["output"] != "-":
        say(f"\nThe decision for each record is in {escape(report['output'])}.")
    elif not report["output"]:
        say("\n[dim]Add --output PATH to keep the decision for each record.[/]")
