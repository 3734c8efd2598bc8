"""Paperwork commands: ``form``, ``declaration`` and ``record``.

Each prints Markdown by default, or writes HTML (A4, to print), PDF (printed by headless Chromium)
or JSON. A file is written whole or not at all. Only argparse is imported here: the paperwork
library, Jinja2 and the rules are loaded when a paperwork command runs, so ``ispcheck check``
starts as quickly as before.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .options import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_RULES_UNAVAILABLE,
    add_pack_options,
    build_checker,
    counted,
    print_json,
)

EXIT_NOT_WRITTEN = 1

FORMATS = ("markdown", "html", "pdf", "json")
_SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".json": "json",
}

EPILOG = """Output: Markdown on standard output unless --format or --output says otherwise (the
format is taken from the --output file's suffix: .md, .html, .pdf, .json). PDF needs --output and
Chromium. Exit status: 0 written, 1 the file could not be written (or Chromium failed),
2 bad input, 5 the pack has no such paperwork or could not be loaded."""

FORMS = (
    (
        "request-to-police",
        "request-to-police",
        "The protocol's form for an agency's request to the police for information, filled in from "
        "a disclosure in which the police are the discloser and the agency the recipient.",
    ),
    (
        "police-request",
        "police-request",
        "The protocol's form for a police request to an agency for information, filled in from a "
        "disclosure in which the agency is the discloser and the police the recipient.",
    ),
)


def add_commands(sub: Any) -> None:
    """Add ``form``, ``declaration`` and ``record`` to the ``ispcheck`` command line."""
    form = sub.add_parser(
        "form",
        help="Print one of the protocol's request forms, filled in from a disclosure.",
        description="Print a request form of the protocol, filled in from a disclosure.",
        epilog=EPILOG,
    )
    kinds = form.add_subparsers(dest="form_kind", required=True, metavar="FORM")
    for name, appendix, text in FORMS:
        p = kinds.add_parser(name, help=text.split(",")[0] + ".", description=text, epilog=EPILOG)
        _source_options(p)
        _output_options(p)
        add_pack_options(p, plugins=False)
        p.set_defaults(func=_form, appendix=appendix)

    declaration = sub.add_parser(
        "declaration",
        help="Print the confidentiality declaration sign-in sheet for a meeting setting.",
        description=(
            "Print the confidentiality declaration sign-in sheet for a meeting "
            "setting, with the setting's rules for the chair. Without SETTING, list the settings."
        ),
        epilog=EPILOG,
    )
    declaration.add_argument(
        "setting",
        nargs="?",
        metavar="SETTING",
        help="a setting code such as marac or hate_crime_meeting, or the declaration's clause id",
    )
    declaration.add_argument(
        "--from",
        dest="source_file",
        metavar="FILE",
        default=None,
        help="take the setting from a disclosure or the checklist's saved record",
    )
    _register_options(declaration)
    declaration.add_argument(
        "--rows",
        type=counted("rows", most=200),
        default=None,
        help="blank rows in the signature table (default 20; in a PDF, as many more as fill its last page)",
    )
    _output_options(declaration)
    add_pack_options(declaration, plugins=False)
    declaration.set_defaults(func=_declaration)

    record = sub.add_parser(
        "record",
        help="Print the record of the sharing decision on a disclosure (to keep with the case).",
        description=(
            "Decide a disclosure and print the record of the decision: what, to whom, why, the "
            "lawful basis, conditions, obligations, outcome, clauses, pack version, who and when."
        ),
        epilog=EPILOG,
    )
    _source_options(record)
    record.add_argument("--decided-by", default=None, metavar="NAME", help="who made the decision")
    _output_options(record)
    add_pack_options(record)
    record.set_defaults(func=_record)


def _source_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="the disclosure, or the checklist's saved record (JSON or YAML), or - to read stdin",
    )
    _register_options(p)


def _register_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--register-id",
        type=counted("(a record number)"),
        default=None,
        metavar="N",
        help="use decision N of the register instead of a file (as it was recorded)",
    )
    p.add_argument(
        "--db",
        metavar="PATH|URL",
        default=None,
        help="the register (an SQLite file or a postgresql:// URL), with --register-id",
    )


def _output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="markdown (default), html (A4, to print), pdf (needs --output) or json",
    )
    p.add_argument("--output", "-o", default=None, metavar="PATH", help="write to this file")


# -- commands ----------------------------------------------------------------------------------


def _form(args: argparse.Namespace) -> int:
    from ..paperwork import fill_request_form, render_request_form

    fmt = _format(args)
    if fmt is None:
        return EXIT_BAD_INPUT
    source = _source(args, args.file)
    if source is None:
        return EXIT_BAD_INPUT
    disclosure = source.disclosure
    return _guarded(
        args,
        fmt,
        lambda: fill_request_form(disclosure, args.appendix, args.pack).to_dict(),
        lambda kind: render_request_form(disclosure, args.appendix, kind, args.pack),
    )


def _declaration(args: argparse.Namespace) -> int:
    from ..paperwork import declaration_sheet, render_declaration
    from ..paperwork.declarations import DEFAULT_ROWS, print_declaration, setting_choices

    rows = args.rows or DEFAULT_ROWS

    if args.source_file or args.register_id is not None:
        if args.setting:
            print("Give a SETTING or take it from --from or --register-id, not both.", file=sys.stderr)
            return EXIT_BAD_INPUT
        source = _source(args, args.source_file)
        if source is None:
            return EXIT_BAD_INPUT
        setting = source.disclosure.context.setting if source.disclosure.context else None
        if setting in (None, "outside_meeting"):
            print(
                f"In {source.described_as}, the share was not made at a meeting (its setting is "
                f"{'not known' if setting is None else 'outside a meeting'}), so there is no sign-in "
                "sheet for it.",
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
        args.setting = setting
    if not args.setting:
        choices = setting_choices(args.pack)
        if args.format == "json":
            print_json([{"code": code, "name": name} for code, name in choices])
        else:
            print("Meeting settings (ispcheck declaration SETTING):")
            for code, name in choices:
                print(f"  {code:<26} {name}")
        return EXIT_OK
    fmt = _format(args)
    if fmt is None:
        return EXIT_BAD_INPUT
    return _guarded(
        args,
        fmt,
        lambda: declaration_sheet(args.setting, args.pack, rows=rows).to_dict(),
        lambda kind: render_declaration(args.setting, kind, args.pack, rows=rows),
        as_pdf=lambda: print_declaration(args.setting, args.output, args.pack, rows=args.rows),
    )


def _record(args: argparse.Namespace) -> int:
    from ..paperwork import decision_record, render_decision_record

    fmt = _format(args)
    if fmt is None:
        return EXIT_BAD_INPUT
    source = _source(args, args.file)
    if source is None:
        return EXIT_BAD_INPUT
    disclosure = source.disclosure
    checker = build_checker(args)
    # A decision already made (the checklist's, or the register's) is recorded as it was made.
    decision = source.decision or checker.check(disclosure)
    decided_by = args.decided_by or source.decided_by
    return _guarded(
        args,
        fmt,
        lambda: decision_record(disclosure, decision, decided_by, checker=checker).to_dict(),
        lambda kind: render_decision_record(disclosure, decision, kind, decided_by, checker=checker),
    )


# -- shared ------------------------------------------------------------------------------------


def _format(args: argparse.Namespace) -> str | None:
    """The output format: as asked, or from the output file's suffix, or Markdown."""
    fmt: str | None = args.format
    if args.output:
        suffix = Path(args.output).suffix.lower()
        named = _SUFFIXES.get(suffix)
        if named is None:
            print(
                f"ispcheck cannot write {args.output!r}: the file name must end in .md, .html, .pdf or "
                f".json{f' (not {suffix})' if suffix else ''}, so the document is what its name says. "
                "Nothing was written.",
                file=sys.stderr,
            )
            return None
        if fmt is not None and fmt != named:
            print(
                f"--format {fmt} does not match the file name {args.output!r} ({named}): give one or "
                "the other. Nothing was written.",
                file=sys.stderr,
            )
            return None
        fmt = named
    fmt = fmt or "markdown"
    if fmt == "pdf" and not args.output:
        print("A PDF needs a file to go to: add --output FILE.pdf", file=sys.stderr)
        return None
    return fmt


def _guarded(args: argparse.Namespace, fmt: str, as_dict: Any, as_text: Any, as_pdf: Any = None) -> int:
    """Produce the document and write it; turn the paperwork's errors into messages."""
    from ..files import write_atomically
    from ..paperwork import NoSuchPaperwork, PaperworkError, PdfError, to_pdf

    try:
        if fmt == "json":
            text = json.dumps(as_dict(), indent=2, ensure_ascii=False) + "\n"
        elif fmt == "pdf":
            written = as_pdf() if as_pdf is not None else to_pdf(as_text("html"), args.output)
            print(f"Wrote {written}", file=sys.stderr)
            return EXIT_OK
        else:
            text = as_text(fmt)
        if not args.output:
            sys.stdout.write(text)
            return EXIT_OK
        written = write_atomically(args.output, text)
    except PdfError as exc:
        return _fail(fmt, f"The PDF was not made: {exc}", EXIT_NOT_WRITTEN)
    except NoSuchPaperwork as exc:
        return _fail(fmt, f"Nothing was written: {exc}", EXIT_RULES_UNAVAILABLE)
    except PaperworkError as exc:
        return _fail(fmt, f"Nothing was written: {exc}", EXIT_BAD_INPUT)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return _fail(fmt, f"Nothing was written: cannot write {args.output}: {reason}", EXIT_NOT_WRITTEN)
    print(f"Wrote {written}", file=sys.stderr)
    return EXIT_OK


def _fail(fmt: str, message: str, code: int) -> int:
    """Say why nothing was written: as JSON on standard output for machines, else on stderr."""
    if fmt == "json":
        print_json({"error": message})
    else:
        print(message, file=sys.stderr)
    return code


def _source(args: argparse.Namespace, file: str | None) -> Any:
    """The disclosure (and any decision made on it) from a file or the register; None after a usage error.

    Bad input raises DisclosureError (exit 2 in main); a register that cannot be read is exit 2 too.
    """
    from ..paperwork.sources import from_mapping, from_stored
    from ..text_input import read_disclosure_text
    from .options import read_file_or_stdin

    if (file is None) == (args.register_id is None):
        print(
            "Give one of: a FILE (a disclosure, or the checklist's saved record) or --register-id N.",
            file=sys.stderr,
        )
        return None
    if file is not None:
        text, source = read_file_or_stdin(file)
        return from_mapping(read_disclosure_text(text, source=source), source=source)
    from ..register import Register, RegisterError
    from .register_commands import register_target, shown_target

    path = shown_target(args)
    try:
        with Register.open(register_target(args)) as register:
            stored = register.get(args.register_id)
    except RegisterError as exc:
        print(f"Nothing was written: {exc}", file=sys.stderr)
        return None
    if stored is None:
        print(f"Nothing was written: there is no record {args.register_id} in {path}.", file=sys.stderr)
        return None
    return from_stored(stored.id, stored.disclosure, stored.decision, stored.decided_by)
