"""The readers under hostile input: any text is either decided or refused as bad input (exit 2).

Never a traceback, never exit 70 (a fault of ispcheck's own), whatever JSON, YAML or CSV is fed in:
arbitrary text, damaged valid documents, and the awkward parts of YAML (tags, anchors, deep nesting).
"""

from __future__ import annotations

import io
import json
import os
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ispcheck.cli.main import main

from .conftest import clean_disclosure

#: FUZZ_EXAMPLES=2000 for a longer search by hand; the suite runs a quick one.
fuzz = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "120")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

VALID_JSON = json.dumps(clean_disclosure())
VALID_YAML = "\n".join(
    f"{group}: {json.dumps(value)}" for group, value in clean_disclosure().items()
)  # flow-style YAML, each group on its own line
YAML_PIECES = (
    "&a ",
    "*a",
    "!!python/object:os.system ",
    "!!bool ",
    "<<: ",
    "[[[[[[[[",
    "{",
    "}",
    "\t",
    "? ",
    "- ",
    "\n  ",
    "yes",
    "~",
    "!!binary ",
    "%YAML 1.1\n---\n",
    "\ufeff",
    "\x00",
)


def _run(*args: str, stdin: str = "") -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(args))
    finally:
        sys.stdin = saved
    return code, out.getvalue() + err.getvalue()


@st.composite
def damaged(draw: st.DrawFn, document: str, pieces: tuple[str, ...]) -> str:
    """A valid document with a few pieces inserted, or a few characters cut out, at random places."""
    text = document
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.sampled_from(pieces) | st.text(max_size=3)) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(1, 5)) :]
    return text


@fuzz
@given(
    st.one_of(
        st.text(max_size=200),
        damaged(VALID_JSON, ('"', ",", ":", "{", "}", "[", "]", "null", "true", "1e999", "\\u0000")),
        damaged(VALID_YAML, YAML_PIECES),
    )
)
def test_any_text_given_to_check_is_decided_or_refused_as_bad_input(text: str) -> None:
    code, shown = _run("check", "-", "--no-plugins", "--format", "json", stdin=text)
    assert code in (0, 2, 3, 4), shown
    assert "Traceback" not in shown


@fuzz
@given(
    st.one_of(
        st.text(max_size=200),
        damaged(
            "discloser.organisation,recipient.organisation,data.categories,purpose.code,"
            "handling.classification,handling.channel,context.ongoing_investigation\n"
            "Warwickshire Police,Rugby Borough Council,personal,prevent_crime,OFFICIAL,secure_email,no\n",
            (",", '"', "\n", ";", "\r", "\x00", "yes", "maybe"),
        ),
    )
)
def test_any_csv_log_is_audited_or_refused_as_bad_input(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    log = Path(tmp_path_factory.mktemp("csv")) / "log.csv"
    log.write_text(text, encoding="utf-8", errors="surrogatepass")
    code, shown = _run("audit", str(log), "--no-plugins", "--format", "json")
    assert code in (0, 1, 2), shown
    assert "Traceback" not in shown
