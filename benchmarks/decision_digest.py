"""A fingerprint of every decision on the benchmark's generated disclosures, for refactoring safely.

A change that should not change any decision (moving rules, splitting modules, deriving the
contract's forms) is checked by running this before and after it: the digests must match. With
``--write FILE`` the decisions are written one JSON line each, so two runs can be compared with
``diff`` to see which disclosures a change turned around. The clock is fixed, so the digest
depends only on the disclosures, the pack and the rules.

    .venv/bin/python benchmarks/decision_digest.py [--count N] [--write FILE]

This prints figures; it enforces nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import generate  # the benchmark's own generated disclosures

from ispcheck import Checker

#: The fixed clock and day every decision is made at.
FIXED = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)
DAY = date(2026, 1, 15)


def decision_lines(count: int) -> list[str]:
    """Each generated disclosure's decision, as one canonical JSON line."""
    checker = Checker(use_entry_points=False, clock=lambda: FIXED)
    return [
        json.dumps(checker.check(disclosure, today=DAY).to_dict(), sort_keys=True, ensure_ascii=False)
        for disclosure in generate(count)
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000, help="disclosures to decide (default 100,000)")
    parser.add_argument("--write", type=Path, default=None, help="also write each decision as a JSON line")
    args = parser.parse_args(argv)
    lines = decision_lines(args.count)
    digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
    outcomes = Counter(json.loads(line)["outcome"] for line in lines)
    if args.write is not None:
        args.write.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines):,} decisions, made at {FIXED.isoformat()}")
    print("outcomes: " + ", ".join(f"{name} {n:,}" for name, n in sorted(outcomes.items())))
    print(f"sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
