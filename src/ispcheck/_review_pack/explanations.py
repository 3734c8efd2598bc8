"""The pack's ``coverage.toml``: per-disclosure clauses that have no behaviour of their own.

Such a clause cannot be shown firing and not firing, so instead of leaving it a gap the pack
explains, with a reason, why it has no behaviour here and where its substance is proven. The file
is checked strictly (every problem reported at once) because a lawyer relies on what it says.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass

from ..pack import Pack
from .errors import ReviewPackError

__all__ = ["COVERAGE_FILE", "Explanation", "load_explained"]

#: The file of a pack that explains per-disclosure clauses with no behaviour of their own.
COVERAGE_FILE = "coverage.toml"


@dataclass(frozen=True)
class Explanation:
    """Why a per-disclosure clause has no behaviour of its own, and where its substance is proven."""

    reason: str
    see: tuple[str, ...] = ()


def load_explained(pack: Pack) -> dict[str, Explanation]:
    """The pack's ``coverage.toml``: per-disclosure clauses with no behaviour of their own.

    A pack without the file explains nothing. Every entry must name a per-disclosure clause of
    the pack, once, with a reason; every problem is reported together, naming the entry.
    """
    if pack.path is None or not (pack.path / COVERAGE_FILE).is_file():
        return {}
    path = pack.path / COVERAGE_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ReviewPackError(f"{path}: cannot be read ({exc})") from None
    entries = data.get("explained", [])
    problems: list[str] = []
    explained: dict[str, Explanation] = {}
    if not isinstance(entries, list):
        raise ReviewPackError(f"{path}: [[explained]] must be a list of tables")
    for index, entry in enumerate(entries):
        where = f"{path.name}: explained[{index}]"
        if not isinstance(entry, dict):
            problems.append(f"{where}: not a table")
            continue
        clause, reason, see = entry.get("clause"), entry.get("reason"), entry.get("see", [])
        extra = sorted(set(entry) - {"clause", "reason", "see"})
        where += f" ({clause})" if isinstance(clause, str) else ""
        if extra:
            problems.append(f"{where}: unknown keys {', '.join(extra)}")
        if not isinstance(clause, str) or clause not in pack.clauses:
            problems.append(f"{where}: clause {clause!r} is not in clauses.toml")
        elif pack.clauses[clause].scope != "disclosure":
            problems.append(f"{where}: clause {clause} is organisational, which needs no explanation here")
        elif clause in explained:
            problems.append(f"{where}: clause {clause} is explained twice")
        if not isinstance(reason, str) or not reason.strip():
            problems.append(f"{where}: needs a reason")
        if not isinstance(see, list) or not all(isinstance(s, str) and s in pack.clauses for s in see):
            problems.append(f"{where}: 'see' must list clauses of the pack")
        if not problems and isinstance(clause, str) and isinstance(reason, str) and isinstance(see, list):
            explained[clause] = Explanation(" ".join(reason.split()), tuple(see))
    if problems:
        raise ReviewPackError(f"{path} is not valid:\n" + "\n".join(f"  - {p}" for p in problems))
    return explained
