"""Benchmark the decision register on PostgreSQL: several processes, and many threads in one.

Run from the project root, against a database of its own (the records it adds stay there):

    .venv/bin/python benchmarks/bench_register_postgres.py --db postgresql://USER@HOST/DB \\
        [--processes 4] [--appends 500] [--threads 16]

First ``--processes`` processes each open the register and ``add`` ``--appends`` records one at a
time (one thread each), all at once; then one process shares one register between ``--threads``
threads, each adding ``--appends`` records. Each ``add`` stores a decision already made (the
deciding is timed by ``bench_check.py``), so the figures are the register's: encode, chain,
commit. It prints records per second, how many transactions the threads' records took (group
commit), and whether the chain verifies. It checks nothing else.
"""

from __future__ import annotations

import argparse
import multiprocessing
import threading
import time
from typing import Any

from ispcheck import Checker, parse_disclosure
from ispcheck.register import Register

CASE: dict[str, Any] = {
    "discloser": {"organisation": "Warwickshire Police", "officer": "DC 1234"},
    "recipient": {"organisation": "Rugby Borough Council", "has_secure_email": True},
    "subjects": [{"role": "victim", "is_child": False}],
    "data": {"categories": ["personal"], "description": "an address", "originator": "Warwickshire Police"},
    "purpose": {"code": "prevent_crime", "statement": "to arrange a joint safety visit"},
    "lawful_basis": {"article6": "public_task", "gateway": "crime_and_disorder_act_s115"},
    "consent": {"status": "not_sought", "reason_not_sought": "it would alert the suspect", "recorded": False},
    "necessity": {"statement": "to fit target-hardening equipment", "makes_a_difference": True},
    "handling": {"classification": "OFFICIAL-SENSITIVE", "channel": "secure_email"},
}


def _writer(url: str, appends: int, name: str, barrier: Any) -> None:
    checker = Checker(use_entry_points=False)
    disclosure = parse_disclosure(CASE)
    decision = checker.check(disclosure)
    with Register.open(url, checker=checker) as register:
        barrier.wait(timeout=120)
        for _ in range(appends):
            register.add(disclosure, decision=decision, recorded_by=name)


def processes(url: str, count: int, appends: int) -> None:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(count + 1)
    writers = [
        context.Process(target=_writer, args=(url, appends, f"process {n}", barrier)) for n in range(count)
    ]
    for process in writers:
        process.start()
    barrier.wait(timeout=120)
    started = time.perf_counter()
    for process in writers:
        process.join()
    elapsed = time.perf_counter() - started
    total = count * appends
    rate = total / elapsed
    print(f"{count} processes x {appends:,} adds: {total:,} records in {elapsed:.2f} s = {rate:,.0f}/s")


def threads(url: str, count: int, appends: int) -> None:
    checker = Checker(use_entry_points=False)
    disclosure = parse_disclosure(CASE)
    decision = checker.check(disclosure)
    with Register.open(url, checker=checker) as register:
        before = register.commits
        start = threading.Barrier(count + 1)

        def run(n: int) -> None:
            start.wait(timeout=60)
            for _ in range(appends):
                register.add(disclosure, decision=decision, recorded_by=f"thread {n}")

        pool = [threading.Thread(target=run, args=(n,)) for n in range(count)]
        for thread in pool:
            thread.start()
        start.wait(timeout=60)
        started = time.perf_counter()
        for thread in pool:
            thread.join()
        elapsed = time.perf_counter() - started
        total = count * appends
        commits = register.commits - before
        print(
            f"{count} threads x {appends:,} adds, one register: {total:,} records in {elapsed:.2f} s = "
            f"{total / elapsed:,.0f}/s, in {commits:,} transactions ({total / commits:.1f} records each)"
        )
        started = time.perf_counter()
        result = register.verify()
        print(
            f"verify: {'intact' if result.ok else result.problem}, {result.records:,} records "
            f"in {time.perf_counter() - started:.2f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", required=True, help="a postgresql:// URL of a database for the benchmark")
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--appends", type=int, default=500, help="adds per process and per thread")
    args = parser.parse_args()
    Register.open(args.db).close()
    processes(args.db, args.processes, args.appends)
    threads(args.db, args.threads, args.appends)


if __name__ == "__main__":
    main()
