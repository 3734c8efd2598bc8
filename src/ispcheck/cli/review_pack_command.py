"""The ``review-pack`` command: the legal review pack, as HTML and Markdown, from the last test run.

Only argparse is imported here; the pack, the rules and Jinja2 are loaded when the command runs.
"""

from __future__ import annotations

import argparse
from typing import Any

from .options import add_pack_options, print_error, print_json

EXIT_COMPLETE = 0
EXIT_NOT_WRITTEN = 1
EXIT_GAPS = 3

DEFAULT_RESULTS = "build/cucumber.json"
DEFAULT_OUTPUT = "review-pack"
DEFAULT_FEATURES = "features"

DESCRIPTION = """Build the legal review pack: every clause of the protocol, the rules that enforce it,
the scenarios of features/ that prove it (with their steps and whether they passed), the coverage
figure, and the gaps. It reads the results of the last complete run of the features, which the
test suite writes to build/cucumber.json (bash scripts/test.sh, or .venv/bin/python -m pytest)."""

EPILOG = """Writes DIR/index.html (one self-contained page, printable) and DIR/review-pack.md.
Exit status: 0 written, every clause accounted for and every scenario passing; 3 written, but with
gaps or failing scenarios (listed); 1 nothing written (no results, unreadable results, or the
folder cannot be written); 5 the pack could not be loaded."""


def add_commands(sub: Any) -> None:
    """Add ``review-pack`` to the ``ispcheck`` command line."""
    p = sub.add_parser(
        "review-pack",
        help="Build the legal review pack (HTML and Markdown) from the last test run.",
        description=DESCRIPTION,
        epilog=EPILOG,
    )
    p.add_argument(
        "--results",
        default=DEFAULT_RESULTS,
        metavar="FILE",
        help=f"the cucumber JSON of a run of the features (default: {DEFAULT_RESULTS})",
    )
    p.add_argument(
        "--output",
        "-o",
        default=DEFAULT_OUTPUT,
        metavar="DIR",
        help=f"the folder to write index.html and review-pack.md into (default: {DEFAULT_OUTPUT})",
    )
    p.add_argument(
        "--features",
        default=DEFAULT_FEATURES,
        metavar="DIR",
        help="the feature files, to warn if any changed after the run (default: features, if present)",
    )
    add_pack_options(p, plugins=False)
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="what to print: text for people (default), json for machines",
    )
    p.set_defaults(func=_review_pack)


def _review_pack(args: argparse.Namespace) -> int:
    from ..engine import Checker
    from ..pack import DEFAULT_PACK
    from ..review_pack import ReviewPackError, build, write

    # The scenarios run against the built-in rules, so the pack shows those (not installed plugins).
    checker = Checker(args.pack or DEFAULT_PACK, use_entry_points=False)
    try:
        review = build(
            checker.pack,
            checker.rules,
            args.results,
            obligations=checker.obligations,
            features_dir=args.features,
            left_out=checker.left_out,
        )
        written = write(review, args.output)
    except ReviewPackError as exc:
        return _fail(args, str(exc))
    except OSError as exc:
        return _fail(args, f"The review pack could not be written to {args.output}: {exc.strerror or exc}")
    coverage = review.coverage
    status = EXIT_COMPLETE if coverage.complete else EXIT_GAPS
    if args.format == "json":
        print_json(
            {
                "written": [str(p) for p in written],
                "coverage": coverage.to_dict(),
                "gaps": [{"clause": c.id, "problems": list(c.problems)} for c in review.gaps],
                "unfiled": [{"scenario": s.test_id, "problem": p} for s, p in review.unfiled],
                "notes": list(review.notes),
            }
        )
        return status
    print(f"Review pack written: {', '.join(str(p) for p in written)}")
    print(f"Coverage: {coverage.summary()}")
    for note in review.notes:
        print(f"Note: {note}")
    if not coverage.complete:
        print("Needs attention before sign-off:")
        for clause in review.gaps:
            print(f"  - {clause.id} {clause.title}: {' '.join(clause.problems)}")
        for scenario, problem in review.unfiled:
            print(f"  - scenario {scenario.name!r} ({scenario.uri}): {problem}")
        if coverage.scenarios == 0:
            print("  - the results hold no scenarios: run the features first.")
    return status


def _fail(args: argparse.Namespace, message: str) -> int:
    print_error(args, message)
    return EXIT_NOT_WRITTEN
