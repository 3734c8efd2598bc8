"""Counters for ``/metrics``, in Prometheus's text format, without a client library.

Decisions by outcome, how long answers took, and register appends: what an operator watches to
see that the service is deciding, how fast, and that the register is keeping up. The service runs
one event loop per process, so plain integers suffice (no locks); each process reports its own.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter

__all__ = ["Metrics"]

#: Upper bounds of the latency histogram, in seconds.
BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)


class Metrics:
    """What one service process has done since it started."""

    def __init__(self) -> None:
        self.decisions: Counter[str] = Counter()
        self.responses: Counter[tuple[str, int]] = Counter()
        self.register_appends = 0
        self.register_failures = 0
        self._buckets = [0] * (len(BUCKETS) + 1)
        self._sum = 0.0
        self._count = 0

    def decided(self, outcome: str) -> None:
        self.decisions[outcome] += 1

    def answered(self, route: str, status: int, seconds: float) -> None:
        self.responses[(route, status)] += 1
        self._buckets[bisect_left(BUCKETS, seconds)] += 1
        self._sum += seconds
        self._count += 1

    def text(self) -> str:
        """The Prometheus exposition text."""
        lines = [
            "# HELP ispcheck_decisions_total Decisions made, by outcome.",
            "# TYPE ispcheck_decisions_total counter",
        ]
        for outcome in ("share", "share_with_conditions", "refer", "do_not_share"):
            lines.append(f'ispcheck_decisions_total{{outcome="{outcome}"}} {self.decisions[outcome]}')
        lines += [
            "# HELP ispcheck_http_responses_total Answers given, by route and status.",
            "# TYPE ispcheck_http_responses_total counter",
        ]
        for (route, status), n in sorted(self.responses.items()):
            lines.append(f'ispcheck_http_responses_total{{route="{route}",status="{status}"}} {n}')
        lines += [
            "# HELP ispcheck_http_seconds How long answers took, from request to response.",
            "# TYPE ispcheck_http_seconds histogram",
        ]
        running = 0
        for bound, n in zip((*BUCKETS, float("inf")), self._buckets, strict=True):
            running += n
            le = "+Inf" if bound == float("inf") else f"{bound:g}"
            lines.append(f'ispcheck_http_seconds_bucket{{le="{le}"}} {running}')
        lines += [
            f"ispcheck_http_seconds_sum {self._sum:.6f}",
            f"ispcheck_http_seconds_count {self._count}",
            "# HELP ispcheck_register_appends_total Decisions recorded in the register.",
            "# TYPE ispcheck_register_appends_total counter",
            f"ispcheck_register_appends_total {self.register_appends}",
            "# HELP ispcheck_register_failures_total Recordings refused: the register was unavailable.",
            "# TYPE ispcheck_register_failures_total counter",
            f"ispcheck_register_failures_total {self.register_failures}",
        ]
        return "\n".join(lines) + "\n"
