"""Benchmark the batch audit and the decision register.

Run from the project root:

    .venv/bin/python benchmarks/bench_audit.py [--count N] [--jobs J] [--appends M] [--log PATH]

It generates ``--count`` valid disclosures (default 1,000,000) as JSON Lines with the seeded
generator of ``bench_check.py``, then runs ``ispcheck audit LOG --jobs J --output OUT`` as a fresh
process and measures its wall time and the peak memory of the whole process tree (the command and
its workers, sampled from /proc every 20 ms). It then appends ``--appends`` records to a new
register, one ``Register.add`` at a time, durable and not, and in one ``add_many`` batch.

It prints figures and checks nothing, except that the audit decided every record. Targets: audit
of 1,000,000 records <= 20 s wall and <= 250 MiB peak; register appends >= 5,000 records/s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import SEED, Generator, load_organisations, print_load, print_machine, verdict

from ispcheck import Checker, parse_disclosure
from ispcheck.register import Register

TARGET_AUDIT_S = 20.0
TARGET_AUDIT_MIB = 250.0
TARGET_APPENDS_PER_S = 5000.0
SAMPLE_EVERY = 0.02


def write_log(path: Path, count: int, seed: int = SEED) -> None:
    """Stream ``count`` generated disclosures to ``path`` as JSON Lines (never all in memory)."""
    generator = Generator(random.Random(seed), load_organisations())
    with path.open("w", encoding="utf-8") as out:
        for _ in range(count):
            out.write(json.dumps(generator.disclosure(), ensure_ascii=False) + "\n")


# -- measuring a process tree ---------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found.extend(int(c) for c in handle.read().split())
    except OSError:
        pass
    return found


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        todo.extend(_children(current))
    return pids


def _memory_kib(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in KiB; PSS shares pages between the processes that map them."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


@dataclass
class TreePeak:
    rss_mib: float = 0.0
    pss_mib: float = 0.0
    processes: int = 0


def run_measured(command: Sequence[str]) -> tuple[float, TreePeak, subprocess.CompletedProcess[str]]:
    """Run ``command``; return its wall time and the peak memory of its process tree."""
    peak = TreePeak()
    began = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            pids = _tree(process.pid)
            sizes = [_memory_kib(p) for p in pids]
            peak.rss_mib = max(peak.rss_mib, sum(s[0] for s in sizes) / 1024)
            peak.pss_mib = max(peak.pss_mib, sum(s[1] for s in sizes) / 1024)
            peak.processes = max(peak.processes, len(pids))
            done.wait(SAMPLE_EVERY)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    wall = time.perf_counter() - began
    done.set()
    sampler.join()
    return wall, peak, subprocess.CompletedProcess(command, process.returncode, out, err)


def ispcheck_command() -> list[str]:
    script = Path(sys.executable).parent / "ispcheck"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from ispcheck.cli.main import main; sys.exit(main())"]


# -- the register ---------------------------------------------------------------------------


def time_appends(folder: Path, dicts: Sequence[dict[str, Any]], checker: Checker) -> dict[str, float]:
    """Records per second: add() one by one (durable and not), and one add_many() batch."""
    rates = {}
    for label, durable in (("add(), durable (default)", True), ("add(), durable=False", False)):
        with Register.open(folder / f"{durable}.sqlite", checker=checker, durable=durable) as register:
            register.add(dicts[0])  # creates the file; not timed
            began = time.perf_counter()
            for d in dicts:
                register.add(d)
            rates[label] = len(dicts) / (time.perf_counter() - began)
    with Register.open(folder / "batch.sqlite", checker=checker) as register:
        register.add(dicts[0])
        began = time.perf_counter()
        for start in range(0, len(dicts), 1000):
            register.add_many(dicts[start : start + 1000])
        rates["add_many(), 1,000 a batch, durable"] = len(dicts) / (time.perf_counter() - began)
        began = time.perf_counter()
        result = register.verify()
        took = time.perf_counter() - began
        rates["verify()"] = result.records / took
        if not result.ok:
            print(f"  verify failed: {result.problem}", file=sys.stderr)
    return rates


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=1_000_000, help="disclosures to audit (default 1000000)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="audit --jobs (default: CPUs)")
    parser.add_argument("--appends", type=int, default=5000, help="register appends to time (default 5000)")
    parser.add_argument("--log", type=Path, default=None, help="keep (or reuse) the generated log here")
    args = parser.parse_args(argv)
    if args.count < 1 or args.appends < 1 or args.jobs < 1:
        parser.error("--count, --appends and --jobs must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    print_machine()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        log = args.log or folder / "log.jsonl"
        if log.exists():
            print(f"\nReusing {log} ({log.stat().st_size / 2**20:,.0f} MiB)")
        else:
            began = time.perf_counter()
            write_log(log, args.count)
            size = log.stat().st_size / 2**20
            print(
                f"\nGenerated {args.count:,} disclosures with random.Random({SEED}) into {log} "
                f"({size:,.0f} MiB) in {time.perf_counter() - began:.1f} s (not measured)"
            )
        if not audit_figures(log, folder / "decisions.jsonl", args.jobs):
            return 1
        register_figures(folder, args.appends)
    print("\nSummary")
    print_load()
    return 0


def audit_figures(log: Path, output: Path, jobs: int) -> bool:
    command = [*ispcheck_command(), "audit", str(log), "--jobs", str(jobs), "--output", str(output)]
    command += ["--format", "json", "--no-plugins"]
    print(f"\nAudit: ispcheck {' '.join(command[command.index('audit') :])}")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall, peak, done = run_measured(command)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    try:
        report = json.loads(done.stdout)
    except ValueError:
        print(f"  the audit failed (exit {done.returncode}):\n{done.stderr}", file=sys.stderr)
        return False
    with output.open("rb") as handle:
        lines = sum(1 for _ in handle)
    records = report["records"]
    print(
        f"  {records:,} records ({report['decided']:,} decided, {report['invalid']:,} invalid), "
        f"{lines:,} output lines ({output.stat().st_size / 2**20:,.0f} MiB), exit {done.returncode}"
    )
    print("  outcomes: " + ", ".join(f"{k} {v:,}" for k, v in report["outcomes"].items()))
    print(
        f"  wall time    {wall:6.1f} s   ({records / wall:,.0f} records/s)   "
        f"target <= {TARGET_AUDIT_S:g} s: {verdict(wall, TARGET_AUDIT_S)}"
    )
    print(
        f"  peak memory  {peak.pss_mib:6.1f} MiB PSS ({peak.rss_mib:.1f} MiB RSS) summed over "
        f"{peak.processes} processes   target <= {TARGET_AUDIT_MIB:g} MiB: "
        f"{verdict(peak.pss_mib, TARGET_AUDIT_MIB)}"
    )
    print(f"  CPU time     {cpu:6.1f} s in all processes ({cpu / max(records, 1) * 1e6:.1f} µs per record)")
    return True


def register_figures(folder: Path, appends: int) -> None:
    generator = Generator(random.Random(SEED + 1), load_organisations())
    dicts = [generator.disclosure() for _ in range(appends)]
    checker = Checker(use_entry_points=False)
    for d in dicts[:50]:
        checker.check(parse_disclosure(d))  # warm up
    print(
        f"\nRegister: {appends:,} appends of generated disclosures (validate, decide, encode, hash, commit)"
    )
    for label, rate in time_appends(folder, dicts, checker).items():
        line = f"  {label:<38} {rate:>9,.0f} records/s"
        if not label.startswith("verify"):
            met = "meets target" if rate >= TARGET_APPENDS_PER_S else "misses target"
            line += f"   target >= {TARGET_APPENDS_PER_S:,.0f}: {met}"
        print(line)


if __name__ == "__main__":
    sys.exit(main())
