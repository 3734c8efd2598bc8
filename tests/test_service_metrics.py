"""The metrics text: counts a Prometheus server can read."""

from __future__ import annotations

from ispcheck.service.metrics import Metrics


def test_decisions_are_counted_by_outcome_and_every_outcome_is_listed_even_at_zero() -> None:
    metrics = Metrics()
    metrics.decided("refer")
    metrics.decided("refer")
    text = metrics.text()
    assert 'ispcheck_decisions_total{outcome="refer"} 2' in text
    assert 'ispcheck_decisions_total{outcome="share"} 0' in text


def test_the_latency_histogram_is_cumulative_and_counts_every_answer() -> None:
    metrics = Metrics()
    metrics.answered("decide", 200, 0.0004)
    metrics.answered("decide", 200, 0.003)
    metrics.answered("decide", 422, 9.0)
    lines = metrics.text().splitlines()
    assert 'ispcheck_http_seconds_bucket{le="0.0005"} 1' in lines
    assert 'ispcheck_http_seconds_bucket{le="0.005"} 2' in lines
    assert 'ispcheck_http_seconds_bucket{le="2.5"} 2' in lines
    assert 'ispcheck_http_seconds_bucket{le="+Inf"} 3' in lines
    assert "ispcheck_http_seconds_count 3" in lines
    assert 'ispcheck_http_responses_total{route="decide",status="422"} 1' in lines
