"""The checklist in a real terminal: tmux types the keys and reads the screen, as an officer would.

tmux is installed by scripts/install-system-deps.sh (run by the test command); these tests fail,
rather than skip, when it is missing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .cli.keys import MARAC_KEYS, URGENT_KEYS

ISPCHECK = str(Path(sys.executable).parent / "ispcheck")


class Terminal:
    """An 80x24 tmux session on its own server socket."""

    def __init__(self, cwd: Path) -> None:
        assert shutil.which("tmux"), "tmux is missing: run scripts/install-system-deps.sh"
        self.socket = f"ispcheck-{uuid.uuid4().hex[:8]}"
        self.cwd = cwd

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return result.stdout

    def start(self, command: str) -> None:
        env = f"NO_COLOR=1 TERM=xterm PATH={os.environ.get('PATH', '')}"
        self.tmux(
            "new-session", "-d", "-x", "80", "-y", "24", "-c", str(self.cwd), f"env {env} {command}; sleep 30"
        )

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p")

    def history(self) -> str:
        return self.tmux("capture-pane", "-p", "-S", "-2000")

    def prompts(self) -> int:
        return sum(1 for line in self.history().splitlines() if line.startswith(">"))

    def wait_for(self, test: object, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if test(self) if callable(test) else str(test) in self.history():
                return
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting; the screen shows:\n{self.screen()}")

    def answer(self, keys: list[str]) -> None:
        """Type each line once the program is waiting at a new prompt."""
        for number, line in enumerate(keys, start=1):
            self.wait_for(lambda t, n=number: t.prompts() >= n)
            self.tmux("send-keys", "-t", "0", "-l", line)
            self.tmux("send-keys", "-t", "0", "Enter")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path)
    yield term
    term.close()


#: What a line of the checklist may start with at column 0. Anything else there is the rest of a
#: paragraph that restarted at the margin instead of keeping its indent.
MARGIN = re.compile(
    "|".join(
        [
            r"\d+\. ",  # a question
            r"> ",
            ">$",
            "Information sharing checklist",
            "Answers are saved as you go",
            "Type the number of an answer",
            "Appendix 2, question",
            "Why we ask:",
            "If you don't know",
            r"y = yes",
            "Numbers?[ ,]",
            "Type your answer",
            "Organisation name",
            r"\[current: ",
            "Now: ",
            "Urgent path:",
            "─",
            # the end screen
            "SHARE",
            "REFER BEFORE SHARING",
            "DO NOT SHARE",
            "Urgent risk to life",
            "Who must decide first",
            "Before the data moves",
            "As soon as the emergency allows",
            "Advice",
            "Standing obligations for any personal-data share",
            "Decided ",
            "Save the decision record to",
            "The record holds every finding",
            "Saved the decision record to",
        ]
    )
)


def end_screen(terminal: Terminal) -> list[str]:
    """The lines from the Decision rule to the end, as the terminal shows them."""
    lines = terminal.history().rstrip().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("─") and " Decision " in line)
    return lines[start + 1 :]


def under(lines: list[str], heading: str) -> str:
    """The text under ``heading`` up to the next line at column 0, in one line."""
    start = lines.index(heading) + 1
    end = next((i for i in range(start, len(lines)) if lines[i][:1].strip()), len(lines))
    return " ".join(" ".join(lines[start:end]).split())


def run_to_the_end(terminal: Terminal, keys: list[str], tmp_path: Path) -> tuple[list[str], dict[str, Any]]:
    """Type ``keys``, take the default place to save, and return the end screen and the record."""
    terminal.start(f"{ISPCHECK} checklist --no-plugins")
    terminal.answer(keys)
    terminal.wait_for("Save the decision record to")
    terminal.tmux("send-keys", "-t", "0", "Enter")
    terminal.wait_for("Saved the decision record to")
    time.sleep(0.2)  # let the last line land
    lines = end_screen(terminal)
    saved = " ".join(lines[-2:]).split("Saved the decision record to ", 1)[1].split()[0]
    # Each reply sits alone on its prompt line, an empty one too: nothing printed after it runs on.
    replies = [line.rstrip() for line in terminal.history().splitlines() if line.startswith(">")]
    assert replies == [f"> {key}".rstrip() for key in [*keys, ""]]  # "": where to save
    assert lines[lines.index(">") + 1] == ""  # the Enter typed there ended its line
    return lines, json.loads((tmp_path / saved).read_text())


def assert_no_line_restarts_at_column_0(terminal: Terminal) -> None:
    # The terminal wrapped nothing itself (it would restart the line at column 0)...
    joined = terminal.tmux("capture-pane", "-p", "-J", "-S", "-2000").splitlines()
    assert all(len(line.rstrip()) <= 80 for line in joined), max(joined, key=len)
    # ...and every line the program wrote at column 0 begins something; none is a continuation.
    at_margin = [line for line in terminal.history().splitlines() if line[:1].strip()]
    strays = [line for line in at_margin if not MARGIN.match(line)]
    assert not strays, strays


def test_an_officer_completes_a_marac_disclosure_by_keyboard_and_the_end_lists_everything_to_do(
    terminal: Terminal, tmp_path: Path
) -> None:
    lines, record = run_to_the_end(terminal, MARAC_KEYS, tmp_path)
    assert lines[0] == "SHARE, ONCE THE CONDITIONS BELOW ARE MET (share_with_conditions)"
    conditions = under(lines, "Before the data moves")
    assert "Appendix 5 declaration" in conditions and "(ISP 1.6, 6.1, 6.5, A5)" in conditions
    assert "The meeting must not be recorded (Appendix 5). (ISP A5)" in conditions
    advice = under(lines, "Advice")
    assert "No statutory power (gateway) is named for this share." in advice and "(ISP 4.1, A1)" in advice
    duties = under(lines, "Standing obligations for any personal-data share")
    assert "discloser: Record that the information was shared" in duties and "(ISP A2.Q8, A2.Q10)" in duties
    assert "(ISP 13.1, 13.4)" in duties
    assert lines[-1].startswith("Saved the decision record to ispcheck-records/decision-")
    assert "in the saved record" not in "\n".join(lines)
    assert record["decision"]["outcome"] == "share_with_conditions"
    assert record["disclosure"]["context"]["setting"] == "marac"
    assert_no_line_restarts_at_column_0(terminal)


def test_an_urgent_share_by_phone_ends_listing_what_to_record_afterwards(
    terminal: Terminal, tmp_path: Path
) -> None:
    lines, record = run_to_the_end(terminal, URGENT_KEYS, tmp_path)
    assert lines[1] == "Urgent risk to life: share what is necessary now; record it afterwards."
    afterwards = under(lines, "As soon as the emergency allows")
    assert len(record["decision"]["afterwards"]) > 5
    for item in record["decision"]["afterwards"]:
        assert f"{' '.join(item['text'].split())} (ISP {', '.join(item['clauses'])})" in afterwards
    assert "Confirm who you are speaking to (call back on a known number)" in under(
        lines, "Before the data moves"
    )
    assert "Standing obligations for any personal-data share" in lines
    history = terminal.history()
    assert "West Midlands Ambulance Service is not a signatory of the protocol" in " ".join(history.split())
    assert "Anti-Slavery" not in history
    assert record["disclosure"]["recipient"]["organisation"] == "West Midlands Ambulance Service"
    assert_no_line_restarts_at_column_0(terminal)


def test_a_discloser_that_has_not_signed_is_referred_to_its_own_data_protection_officer_on_screen(
    terminal: Terminal, tmp_path: Path
) -> None:
    keys = list(MARAC_KEYS)
    keys[1] = "Acme Security Ltd"
    del keys[16]  # a security company is not asked which data protection law applies
    keys[20] = ""  # Enter at "which have you considered?": none of these
    lines, record = run_to_the_end(terminal, keys, tmp_path)
    assert lines[0] == "REFER BEFORE SHARING (refer)"
    referrals = under(lines, "Who must decide first")
    assert referrals.startswith(
        "your Data Protection Officer (or whoever leads on data protection in your organisation) "
        "(Acme Security Ltd has not signed the protocol, so it has no Designated Officer; ISP 8.1)"
    )
    assert "(ISP 3.5, 2.2, 8.1)" in referrals and "(ISP A2.Q3, 5.3)" in referrals
    assert "Designated Officer decides" not in referrals and "ask your Designated Officer" not in referrals
    assert record["answers"]["proportionality"] == []
    assert_no_line_restarts_at_column_0(terminal)


def test_ctrl_c_midway_keeps_the_answers_and_the_draft_resumes(terminal: Terminal, tmp_path: Path) -> None:
    draft = tmp_path / "draft.json"
    terminal.start(f"{ISPCHECK} checklist --no-plugins --draft {draft}")
    terminal.answer(MARAC_KEYS[:9])
    terminal.wait_for(lambda t: t.prompts() >= 10)
    terminal.tmux("send-keys", "-t", "0", "C-c")
    terminal.wait_for("Carry on later with: ispcheck checklist --resume")
    assert "Traceback" not in terminal.history()
    saved = json.loads(draft.read_text())
    assert saved["answers"]["purpose.code"] == "safeguarding"
    terminal.close()

    resumed = Terminal(tmp_path)
    try:
        resumed.start(f"{ISPCHECK} checklist --no-plugins --resume {draft} --save {tmp_path / 'record.json'}")
        resumed.answer(MARAC_KEYS[9:])
        resumed.wait_for("Save the decision record to")
        resumed.tmux("send-keys", "-t", "0", "Enter")
        resumed.wait_for("Saved the decision record to")
    finally:
        resumed.close()
    record = json.loads((tmp_path / "record.json").read_text())
    assert record["decision"]["outcome"] == "share_with_conditions"
    assert not draft.exists()


@pytest.mark.parametrize(("name", "expected"), [("SIGTERM", 143), ("SIGHUP", 129)])
def test_a_checklist_ended_by_a_signal_keeps_its_draft_and_exits_128_plus_it(
    terminal: Terminal, tmp_path: Path, name: str, expected: int
) -> None:
    import signal

    draft = tmp_path / f"draft-{name}.json"
    terminal.start(f"sh -c '{ISPCHECK} checklist --no-plugins --draft {draft}; echo EXIT=$?'")
    terminal.answer(MARAC_KEYS[:3])
    terminal.wait_for("What kind of information is it?")
    found = subprocess.run(
        ["pgrep", "-f", f"python[0-9.]* .*checklist --no-plugins --draft {draft}"],
        capture_output=True,
        text=True,
    )
    (pid,) = (int(p) for p in found.stdout.split())  # the checklist itself, not the shell around it
    os.kill(pid, getattr(signal, name))
    terminal.wait_for(f"EXIT={expected}")
    history = terminal.history()
    assert "Traceback" not in history
    assert "Carry on later with: ispcheck checklist --resume" in history
    assert json.loads(draft.read_text())["answers"]["recipient.organisation"] == "Refuge"
