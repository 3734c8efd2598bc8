"""Benchmark ispcheck: validation, evaluation and end-to-end decision cost, memory, CLI cold start.

Run from the project root:

    .venv/bin/python benchmarks/bench_check.py [--count N] [--cold-runs K]

This prints figures; it enforces nothing. Each figure that has a target is printed next to it with
"meets target" or "misses target". See benchmarks/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
import tracemalloc
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ispcheck
from ispcheck import Checker, DisclosureError
from ispcheck.disclosure import VOCABULARY
from ispcheck.view import DisclosureView, quick_view, view_of

ROOT = Path(__file__).resolve().parent.parent
PARTNERS_TOML = ROOT / "rules" / "warwickshire-csp" / "partners.toml"
SEED = 2024
BATCH = 1000
WARMUP = 2000

TARGET_END_TO_END_US = 10.0
TARGET_COLD_START_MS = 250.0

JSON = dict[str, Any]

#: Organisations that have not signed, beyond the register's own ``non_signatory`` entries.
EXTRA_NON_SIGNATORIES = (
    "Acme Private Investigations Ltd",
    "Coventry Debt Collection Services",
    "Midlands Tenant Referencing Agency",
    "Birmingham City Council",
)

#: The disclosure the README's quick start decides: its cold start is the one a newcomer sees.
EXAMPLE = ROOT / "examples" / "marac-police-to-refuge-victim-safety-plan.yaml"

OFFICERS = ("DC 1234", "PC 4411", "Community Safety Officer", "Housing Officer", "Social Worker", "")
DESCRIPTIONS = (
    "current address and phone number",
    "summary of three ASB reports in the last month",
    "risk assessment from the last MARAC",
    "name, date of birth and recent offending history",
    "ward-level counts of reported incidents, small numbers suppressed",
    "health needs relevant to a safe discharge plan " * 8,
)
STATEMENTS = (
    "to arrange a joint safety visit",
    "to agree a problem-solving plan for the estate",
    "to safeguard a child at risk of exploitation",
    "to support a prosecution file",
    "",
)
REASONS = (
    "asking would alert the suspect",
    "the person could not be contacted in time",
    "seeking consent would prejudice the investigation",
)
NECESSITY_STATEMENTS = (
    "the recipient needs the address to visit",
    "without this the panel cannot assess the risk",
    "only the minimum needed for the referral",
)

# -- generating disclosures ----------------------------------------------------------------


@dataclass(frozen=True)
class Organisations:
    signatories: tuple[str, ...]
    aliases: tuple[str, ...]
    non_signatories: tuple[str, ...]


def load_organisations(path: Path = PARTNERS_TOML) -> Organisations:
    """Names and aliases from the register, plus its listed and some invented non-signatories."""
    register = tomllib.loads(path.read_text(encoding="utf-8"))
    partners = register.get("partner", [])
    listed_non = register.get("non_signatory", [])
    return Organisations(
        signatories=tuple(p["name"] for p in partners),
        aliases=tuple(a for p in partners for a in p.get("aliases", ())),
        non_signatories=(*(n["name"] for n in listed_non), *EXTRA_NON_SIGNATORIES),
    )


class Generator:
    """Builds valid disclosures as JSON-shaped dicts, spread over every allowed value.

    Each disclosure gets a ``noise`` level: at 0 every fact is what a careful officer would
    write (mostly ``share``), at 1 every fact is drawn uniformly from its allowed values,
    including null and missing (mostly ``refer`` or ``do_not_share``). The mix of levels gives a
    realistic spread of outcomes and makes every rule fire somewhere.
    """

    NOISE_LEVELS = (0.0, 0.02, 0.05, 0.1, 0.2, 0.4, 1.0)

    def __init__(self, rng: random.Random, organisations: Organisations) -> None:
        self.rng = rng
        self.orgs = organisations
        self.noise = 0.0

    # small helpers ------------------------------------------------------------------------

    def _flip(self) -> bool:
        return self.rng.random() < self.noise

    def pick(self, good: Any, vocabulary: str | Sequence[Any], *, nullable: bool = True) -> Any:
        """``good`` most of the time; at the noise rate a value from ``vocabulary`` (or null)."""
        if not self._flip():
            return good
        values = VOCABULARY[vocabulary] if isinstance(vocabulary, str) else vocabulary
        return self.rng.choice((*values, None) if nullable else values)

    def flag(self, good: bool | None) -> bool | None:
        value: bool | None = self.pick(good, (True, False))
        return value

    def text(self, good: str, pool: Sequence[str]) -> str | None:
        value: str | None = self.pick(good, pool)
        return value

    def group(self, fields: JSON) -> JSON | None:
        """Drop null fields sometimes (missing and null both mean "not known")."""
        if self._flip() and self.rng.random() < 0.3:
            return None  # the whole group not known
        return {k: v for k, v in fields.items() if v is not None or self.rng.random() < 0.5}

    def organisation(self, good: str) -> str:
        if not self._flip():
            return good
        r = self.rng.random()
        if r < 0.6:
            return self.rng.choice(self.orgs.signatories)
        if r < 0.75:
            return self.rng.choice(self.orgs.aliases)
        return self.rng.choice(self.orgs.non_signatories)

    # the disclosure -----------------------------------------------------------------------

    def disclosure(self) -> JSON:
        rng = self.rng
        self.noise = rng.choice(self.NOISE_LEVELS)
        signatories = self.orgs.signatories
        discloser = self.organisation(rng.choice(signatories))
        recipient = self.organisation(rng.choice([s for s in signatories if s != discloser] or signatories))

        categories = self.categories()
        personal = bool(set(categories) - {"anonymised", "aggregated"})
        special = "special_category" in categories
        purpose = self.pick(
            rng.choice(("detect_crime", "prevent_crime", "safeguarding", "reduce_asb", "protect_life"))
            if personal
            else "strategic_analysis",
            "purpose",
            nullable=False,
        )
        urgent = self.flag(rng.random() < 0.05)
        setting = self.pick(
            rng.choice(VOCABULARY["setting"]) if rng.random() < 0.4 else "outside_meeting", "setting"
        )

        result: JSON = {
            "discloser": self.party(discloser),
            "recipient": self.recipient(recipient),
            "data": self.data(categories, special),
            "purpose": self.group_always(
                {
                    "code": purpose,
                    "statement": self.text(rng.choice(STATEMENTS[:-1]), STATEMENTS),
                }
            ),
            "handling": {
                "classification": self.pick(
                    "OFFICIAL-SENSITIVE" if personal else "OFFICIAL", "classification", nullable=False
                ),
                "channel": self.pick(
                    rng.choice(("secure_email", "secure_case_system", "in_meeting")),
                    "channel",
                    nullable=False,
                ),
            },
        }
        optional: dict[str, Callable[[], Any]] = {
            "subjects": lambda: self.subjects(personal),
            "lawful_basis": lambda: self.lawful_basis(personal, special),
            "consent": self.consent,
            "necessity": lambda: self.necessity(special or "criminal_offence" in categories),
            "accuracy": lambda: self.group(
                {
                    "identity_verified": self.flag(True),
                    "fact_and_opinion_distinguished": self.flag(True),
                }
            ),
            "context": lambda: self.context(setting, urgent),
        }
        for key, build in optional.items():
            value = build()
            if value is None and rng.random() < 0.5:
                continue  # a missing group, rather than a null one
            result[key] = value
        return result

    def group_always(self, fields: JSON) -> JSON:
        return {k: v for k, v in fields.items() if v is not None or self.rng.random() < 0.5}

    def party(self, organisation: str) -> JSON:
        return self.group_always(
            {
                "organisation": organisation,
                "officer": self.text(self.rng.choice(OFFICERS[:-1]), OFFICERS),
            }
        )

    def recipient(self, organisation: str) -> JSON:
        fields = self.party(organisation)
        secure = self.flag(True)
        if secure is not None or self.rng.random() < 0.5:
            fields["has_secure_email"] = secure
        return fields

    def categories(self) -> list[str]:
        rng = self.rng
        all_categories = VOCABULARY["category"]
        if self._flip():
            return rng.sample(all_categories, rng.randint(1, 3))
        return [rng.choices(all_categories, weights=(1, 1, 6, 2, 3))[0]]

    def data(self, categories: list[str], special: bool) -> JSON:
        rng = self.rng
        kinds = VOCABULARY["special_category_type"]
        types: list[str] | None = rng.sample(kinds, rng.randint(1, 2)) if special else []
        if self._flip():
            types = rng.choice((None, [], rng.sample(kinds, rng.randint(1, 3))))
        fields: JSON = {"categories": categories}
        if types or rng.random() < 0.5:
            fields["special_category_types"] = types
        fields["description"] = self.text(rng.choice(DESCRIPTIONS), DESCRIPTIONS)
        fields["originator"] = self.text(rng.choice(self.orgs.signatories), ("Warwickshire Police",))
        return self.group_always(fields)

    def subjects(self, personal: bool) -> list[JSON] | None:
        rng = self.rng
        if not personal and not self._flip():
            return []
        if self._flip() and rng.random() < 0.2:
            return None
        people = []
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
            person: JSON = {"role": rng.choice(VOCABULARY["role"])}
            child = self.flag(rng.random() < 0.15)
            if child is not None or rng.random() < 0.5:
                person["is_child"] = child
            people.append(person)
        return people

    def lawful_basis(self, personal: bool, special: bool) -> JSON | None:
        rng = self.rng
        if not personal and not self._flip():
            return self.group({"article6": None})
        return self.group(
            {
                "article6": self.pick("public_task", "article6"),
                "article9": self.pick("substantial_public_interest" if special else None, "article9"),
                "schedule1_condition": self.pick(
                    rng.choice(VOCABULARY["schedule1_condition"]) if special else None, "schedule1_condition"
                ),
                "gateway": self.pick(rng.choice(VOCABULARY["gateway"][:3]), "gateway"),
                "exemption": self.pick(None, "exemption"),
            }
        )

    def consent(self) -> JSON | None:
        rng = self.rng
        status = self.pick(rng.choice(("not_sought", "not_sought", "obtained")), "consent_status")
        restricted = rng.random() < 0.1
        return self.group(
            {
                "status": status,
                "reason_not_sought": self.text(rng.choice(REASONS), REASONS)
                if status == "not_sought"
                else None,
                "recorded": self.flag(status == "obtained"),
                "restrictions": "not to be shared with the landlord" if restricted else None,
                "within_restrictions": self.flag(True) if restricted else self.flag(None),
            }
        )

    def necessity(self, sensitive: bool) -> JSON | None:
        return self.group(
            {
                "statement": self.text(self.rng.choice(NECESSITY_STATEMENTS), NECESSITY_STATEMENTS),
                "makes_a_difference": self.flag(True),
                "less_data_considered": self.flag(True),
                "alternatives_considered": self.flag(True),
                "impact_considered": self.flag(True),
                "article8_considered": self.flag(True),
                "sensitive_data_necessary": self.flag(True if sensitive else None),
            }
        )

    def context(self, setting: str | None, urgent: bool | None) -> JSON | None:
        rng = self.rng
        investigation = self.flag(rng.random() < 0.2)
        secondary = self.flag(rng.random() < 0.1)
        evidential = self.flag(rng.random() < 0.1)
        return self.group(
            {
                "setting": setting,
                "urgent_risk_to_life": urgent,
                "ongoing_investigation": investigation,
                "investigating_officer_consulted": self.flag(True if investigation else None),
                "secondary_disclosure": secondary,
                "originator_agreed": self.flag(True if secondary else None),
                "evidential_use": evidential,
                "formal_request_form": self.flag(True if evidential else None),
                "profiling_children": self.flag(False),
                "profiling": self.flag(False),
                "transfer_outside_uk": self.flag(False),
                "from_meeting": self.pick(
                    rng.choice(VOCABULARY["setting"][1:]) if secondary else None, VOCABULARY["setting"][1:]
                ),
                "dpia_in_place": self.flag(True),
            }
        )


def generate(count: int, seed: int = SEED) -> list[JSON]:
    generator = Generator(random.Random(seed), load_organisations())
    return [generator.disclosure() for _ in range(count)]


# -- measuring -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Timing:
    name: str
    count: int
    total_ns: int
    batch_us: tuple[float, ...]  # µs per item, one figure per batch

    @property
    def mean_us(self) -> float:
        return self.total_ns / self.count / 1000

    def percentile(self, p: float) -> float:
        ordered = sorted(self.batch_us)
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def time_batches(name: str, items: Sequence[Any], work: Callable[[Any], object]) -> Timing:
    """Time ``work`` over every item after a warm-up, in batches of BATCH items."""
    for item in items[:WARMUP]:
        work(item)
    per_batch: list[float] = []
    total = 0
    clock = time.perf_counter_ns
    for start in range(0, len(items), BATCH):
        batch = items[start : start + BATCH]
        began = clock()
        for item in batch:
            work(item)
        elapsed = clock() - began
        total += elapsed
        per_batch.append(elapsed / len(batch) / 1000)
    return Timing(name, len(items), total, tuple(per_batch))


@dataclass
class Verified:
    """The generated dicts that validate, their views, and what the checker made of them."""

    dicts: list[JSON]
    views: list[DisclosureView]
    failures: int
    outcomes: Counter[str]
    fired: Counter[str]
    #: How many were read by the fast reader, not through the contract models.
    read_quickly: int = 0


def verify(checker: Checker, dicts: Sequence[JSON]) -> Verified:
    """Validate and decide every dict once (untimed): failures, outcomes and rules that fired."""
    result = Verified([], [], 0, Counter(), Counter())
    for d in dicts:
        try:
            ispcheck.parse_disclosure(d)
        except DisclosureError as exc:
            result.failures += 1
            if result.failures <= 3:
                print(f"  invalid disclosure: {exc}", file=sys.stderr)
            continue
        result.read_quickly += quick_view(d) is not None
        view = view_of(d)
        result.dicts.append(d)
        result.views.append(view)
        decision = checker.decide(view)
        result.outcomes[decision.outcome.value] += 1
        result.fired.update({f.rule_id for f in decision.findings})
    return result


def peak_memory(checker: Checker, dicts: Sequence[JSON]) -> tuple[float, Counter[str]]:
    """tracemalloc peak (MiB) while deciding every dict end to end, keeping only the counts."""
    outcomes: Counter[str] = Counter()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base, _ = tracemalloc.get_traced_memory()
        for d in dicts:
            outcomes[checker.check(d).outcome.value] += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return (peak - base) / 2**20, outcomes


def max_rss_mib() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 2**20 if sys.platform == "darwin" else rss / 2**10  # bytes on macOS, KiB elsewhere


def cli_command(example: Path) -> list[str]:
    script = Path(sys.executable).parent / "ispcheck"
    if script.exists():
        return [str(script), "check", str(example)]
    return [
        sys.executable,
        "-c",
        "import sys; from ispcheck.cli.main import main; sys.exit(main())",
        "check",
        str(example),
    ]


Launch = tuple[Sequence[str], dict[str, str]]


def cold_starts(launches: dict[str, Launch], runs: int) -> dict[str, list[float]]:
    """Wall times (ms) of ``runs`` fresh processes per command, after one untimed run of each.

    The commands take turns, so a burst of other work on the machine hits them all alike.
    """

    def run(launch: Launch) -> float:
        command, env = launch
        began = time.perf_counter_ns()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
        return (time.perf_counter_ns() - began) / 1e6

    for launch in launches.values():
        run(launch)
    times: dict[str, list[float]] = {label: [] for label in launches}
    for _ in range(runs):
        for label, launch in launches.items():
            times[label].append(run(launch))
    return times


def bytecode_cached_env(cache: str) -> dict[str, str]:
    """The environment with bytecode caching on, written under ``cache`` rather than the sources."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache
    return env


def p90(values: Sequence[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=10, method="inclusive")[-1]


# -- reporting -----------------------------------------------------------------------------


def verdict(value: float, target: float) -> str:
    return "meets target" if value <= target else "misses target"


def median_pass(timings: Sequence[Timing]) -> Timing:
    """The pass with the median mean (the lower of the two middle ones for an even count)."""
    return sorted(timings, key=lambda t: t.mean_us)[(len(timings) - 1) // 2]


def print_timing(t: Timing, target: float | None = None, others: Sequence[Timing] = ()) -> None:
    line = (
        f"  {t.name:<28} mean {t.mean_us:8.2f} µs   p50 {t.percentile(50):8.2f} µs   "
        f"p99 {t.percentile(99):8.2f} µs   ({t.count:,} in {t.total_ns / 1e9:.2f} s)"
    )
    print(line)
    if len(others) > 1:
        print(f"  {'':<28} every pass, in order: {' '.join(f'{o.mean_us:.2f}' for o in others)} µs")
    if target is not None:
        print(f"  {'':<28} target <= {target:g} µs per decision: {verdict(t.mean_us, target)}")


def print_machine() -> None:
    print("Machine")
    print(f"  Python    {platform.python_version()} ({platform.python_implementation()}) {sys.executable}")
    print(f"  Platform  {platform.platform()}")
    print(
        f"  CPUs      {os.cpu_count()} (usable: {len(os.sched_getaffinity(0))})"
        if hasattr(os, "sched_getaffinity")
        else f"  CPUs      {os.cpu_count()}"
    )
    print(f"  ispcheck  {ispcheck.__version__}")
    print_load()


def print_load() -> None:
    """Other work on the machine skews every figure; the load average shows how much there was."""
    if hasattr(os, "getloadavg"):
        one, five, fifteen = os.getloadavg()
        print(f"  Load avg  {one:.2f} {five:.2f} {fifteen:.2f} (1, 5, 15 min)")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--count",
        type=int,
        default=100_000,
        help="number of disclosures to generate and decide (default 100000)",
    )
    parser.add_argument(
        "--cold-runs", type=int, default=20, help="command-line runs for the cold-start figure (default 20)"
    )
    parser.add_argument(
        "--passes",
        type=int,
        default=5,
        help="timed passes over the disclosures; the median pass is judged (default 5)",
    )
    args = parser.parse_args(argv)
    if args.count < 1 or args.cold_runs < 1 or args.passes < 1:
        parser.error("--count, --cold-runs and --passes must be at least 1")
    return args


def print_cold(label: str, times: Sequence[float], target: float | None = None) -> None:
    median = statistics.median(times)
    line = f"    median {median:7.1f} ms   p90 {p90(times):7.1f} ms"
    if target is not None:
        line += f"   target <= {target:g} ms median: {verdict(median, target)}"
    print(f"  {label}\n{line}")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    print_machine()

    began = time.perf_counter()
    generated = generate(args.count)
    print(
        f"\nGenerated {len(generated):,} disclosures with random.Random({SEED}) "
        f"in {time.perf_counter() - began:.1f} s (not measured)"
    )

    began = time.perf_counter()
    checker = Checker(use_entry_points=False)
    print(
        f"Checker(use_entry_points=False) built in {(time.perf_counter() - began) * 1000:.1f} ms: "
        f"{len(checker.rules)} rules, pack {checker.pack.meta.name} {checker.pack.meta.version}"
    )

    checked = verify(checker, generated)
    dicts, views = checked.dicts, checked.views
    del generated
    print(f"\nValidation failures: {checked.failures} of {args.count:,} (should be 0)")
    print(
        f"Read by the fast reader: {checked.read_quickly:,} of {len(dicts):,} "
        "(the rest went through the contract models)"
    )
    print("Outcome distribution:")
    for outcome in ("share", "share_with_conditions", "refer", "do_not_share"):
        n = checked.outcomes[outcome]
        print(f"  {outcome:<24} {n:>8,}  {n / max(1, len(dicts)):6.1%}")
    rule_ids = {r.rule.id for r in checker.rules}
    silent = sorted(rule_ids - set(checked.fired))
    print(
        f"Rules that fired at least once: {len(rule_ids) - len(silent)} of {len(rule_ids)}"
        + (f" (never: {', '.join(silent)})" if silent else "")
    )
    if not dicts:
        return 1

    print(
        f"\nTime per disclosure ({args.passes} passes over all {len(dicts):,}, taking turns; each after "
        f"{WARMUP:,} warm-up calls; the pass with the median mean is shown, with p50/p99 over its "
        f"batches of {BATCH:,}; the first passes include filling the look-up tables)"
    )
    passes: dict[str, list[Timing]] = {"validation": [], "evaluation": [], "end to end": []}
    for _ in range(args.passes):
        passes["validation"].append(time_batches("validation only (view_of)", dicts, view_of))
        passes["evaluation"].append(time_batches("evaluation only (decide)", views, checker.decide))
        passes["end to end"].append(time_batches("end to end (dict -> Decision)", dicts, checker.check))
    validation, evaluation, end_to_end = (median_pass(p) for p in passes.values())
    sample = dicts[: min(len(dicts), 20_000)]
    contract = time_batches("the contract models alone", sample, ispcheck.parse_disclosure)
    print_timing(validation, others=passes["validation"])
    print_timing(evaluation, others=passes["evaluation"])
    print_timing(end_to_end, TARGET_END_TO_END_US, others=passes["end to end"])
    print_timing(contract)
    print(f"  {'':<28} (pydantic: what bad input and callers passing models go through)")
    print(f"  => {1e6 / end_to_end.mean_us:,.0f} decisions per second on one core")

    del views
    began = time.perf_counter()
    peak, counted = peak_memory(checker, dicts)
    took = time.perf_counter() - began
    print("\nMemory")
    print(
        f"  tracemalloc peak while deciding {len(dicts):,} dicts end to end: "
        f"{peak:.3f} MiB ({peak * 1024:.1f} KiB; traced pass took {took:.1f} s)"
    )
    if counted != checked.outcomes:
        print("  note: the outcomes of this pass differ from the first one", file=sys.stderr)
    print(
        f"  process max RSS at the end: {max_rss_mib():.1f} MiB "
        f"(includes all {len(dicts):,} generated dicts and, earlier, their views)"
    )

    example = EXAMPLE
    with tempfile.TemporaryDirectory() as cache:
        shown = example.relative_to(ROOT) if example.is_relative_to(ROOT) else example.name
        command = cli_command(example)
        cached = bytecode_cached_env(cache)
        launches: dict[str, Launch] = {
            "cli": (command, cached),
            "floor": ([sys.executable, "-c", "pass"], cached),
        }
        if _bytecode_disabled():
            launches["as_is"] = (command, dict(os.environ))
        times = cold_starts(launches, args.cold_runs)
    cli = times["cli"]
    print(
        f"\nCold start ({args.cold_runs} runs each, taking turns, after one untimed run; "
        "output to /dev/null; bytecode cached in a temporary PYTHONPYCACHEPREFIX)"
    )
    print_cold(f"ispcheck check {shown}", cli, TARGET_COLD_START_MS)
    print_cold("python -c pass (floor)", times["floor"])
    if "as_is" in times:
        print_cold(
            "ispcheck check, as this environment runs it (PYTHONDONTWRITEBYTECODE is set, "
            "so ispcheck's sources are compiled on every run)",
            times["as_is"],
        )

    print("\nSummary")
    print_load()
    print(
        f"  end to end  {end_to_end.mean_us:.2f} µs/decision, median pass of {args.passes} "
        f"(target <= {TARGET_END_TO_END_US:g}): "
        f"{verdict(end_to_end.mean_us, TARGET_END_TO_END_US)}"
    )
    print(
        f"  cold start  {statistics.median(cli):.1f} ms median (target <= {TARGET_COLD_START_MS:g}): "
        f"{verdict(statistics.median(cli), TARGET_COLD_START_MS)}"
    )
    return 0


def _bytecode_disabled() -> bool:
    return bool(os.environ.get("PYTHONDONTWRITEBYTECODE"))


if __name__ == "__main__":
    sys.exit(main())
