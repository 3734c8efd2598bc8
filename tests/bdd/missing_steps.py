"""Which steps of a proposed feature the step library does not have yet, and whether its tags hold.

    bash scripts/missing-steps.sh features/my-proposal.feature

For each scenario, every step is marked ``ok`` or ``MISSING``; a missing step is shown with the
nearest phrases the library does have (a misspelt choice, such as "by plain email" for "by
ordinary email", shows up here). The tags are checked too: a ``@clause-...`` tag for each clause
the scenario proves, exactly one of ``@fires`` or ``@does-not-fire``, and Then steps that show each
tagged clause raised (or not). Exit status 0 when the feature can run as written, 1 when a
developer needs to add steps or the tags need fixing, 2 when a file cannot be read.

``--phrases`` prints the list of phrases that ``features/README.md`` documents.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Sequence
from pathlib import Path

from ispcheck.pack import Pack, load_pack
from tests.bdd.gherkin import ROOT, feature_files, pack_for_feature, phrase_for, problems, scenario_runs
from tests.bdd.steps import PHRASES, Free, Phrase

KIND_TITLES = {
    "given": "Given: the share and its facts",
    "when": "When: checking it",
    "then": "Then: what the answer must be",
}


def describe(p: Phrase) -> list[str]:
    """A phrase as the lawyers' list shows it: the template, then what each placeholder accepts."""
    lines = [f"- `{p.template}`"]
    if p.proves:
        verb = "raised" if p.proves == "fires" else "not raised"
        lines[0] += f" (proves the clause is {verb}: use with `@{p.proves}`)"
    for name, spec in p.placeholders.items():
        if isinstance(spec, Free):
            lines.append(f"  - `{{{name}}}`: {spec.meaning}")
        else:
            lines.append(f"  - `{{{name}}}`: " + "; ".join(f"*{choice}*" for choice in spec))
    return lines


def phrase_list() -> str:
    """The Markdown list of every phrase, grouped by Given, When and Then."""
    out: list[str] = []
    for kind, title in KIND_TITLES.items():
        out += [f"### {title}", ""]
        for p in PHRASES:
            if p.kind == kind:
                out += describe(p)
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def nearest(kind: str, text: str) -> list[Phrase]:
    candidates = [p for p in PHRASES if p.kind == kind]
    scored = sorted(
        candidates,
        key=lambda p: difflib.SequenceMatcher(None, text.lower(), p.template.lower()).ratio(),
        reverse=True,
    )
    return scored[:3]


def report(paths: Sequence[Path]) -> tuple[str, bool]:
    """The report for the given feature files, and whether everything in them can run.

    Each file's tags are checked against the pack it is written for (by its folder: see
    ``gherkin.pack_for_feature``).
    """
    packs: dict[str, Pack] = {}
    lines: list[str] = []
    missing = 0
    other = 0
    for feature in feature_files(paths):
        path = Path(feature.filename)
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        lines.append(f"{shown}: {feature.name}")
        name = pack_for_feature(path)
        if name not in packs:
            packs[name] = load_pack(name)
        pack = packs[name]
        if feature.tags:
            other += 1
            lines.append("  Tags belong on each scenario, not on the feature: move them down.")
        for run in scenario_runs([feature]):
            row = f" [{', '.join(run.example.values())}]" if run.example else ""
            lines.append(f'  Scenario "{run.name}"{row} (line {run.template.line_number})')
            for step in run.steps:
                if phrase_for(step):
                    lines.append(f"    ok       {step}")
                    continue
                missing += 1
                lines.append(f"    MISSING  {step}")
                for p in nearest(step.kind, step.text):
                    lines.append(f"             nearest: {p.template}")
                    for name, spec in p.placeholders.items():
                        if not isinstance(spec, Free):
                            lines.append(f"                      {{{name}}}: " + " | ".join(spec))
            for problem in problems(run, pack):
                if "no step in the library" in problem:
                    continue
                other += 1
                lines.append(f"    TAGS     {problem}")
        lines.append("")
    if missing or other:
        lines.append(
            f"{missing} step(s) missing from the step library, {other} other problem(s). Hand this "
            "feature file and this report to a developer: they add the missing steps to "
            "tests/bdd/steps.py (or suggest the existing phrase to use)."
        )
    else:
        lines.append("Every step is in the step library and the tags hold: this feature can run as written.")
    return "\n".join(lines) + "\n", not (missing or other)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="missing-steps", description="Which steps of a feature the step library does not have yet."
    )
    parser.add_argument("features", nargs="*", type=Path, metavar="FILE", help="feature file(s) to check")
    parser.add_argument("--phrases", action="store_true", help="print the list of phrases instead")
    args = parser.parse_args(argv)
    if args.phrases:
        sys.stdout.write(phrase_list())
        return 0
    if not args.features:
        parser.error("name at least one feature file (or use --phrases)")
    unreadable = [str(p) for p in args.features if not p.is_file()]
    if unreadable:
        print(f"No such feature file: {', '.join(unreadable)}", file=sys.stderr)
        return 2
    try:
        text, ok = report(args.features)
    except Exception as exc:  # a Gherkin syntax error: say where, not a traceback
        print(f"The feature could not be read: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(text)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
