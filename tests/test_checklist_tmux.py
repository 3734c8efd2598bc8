"""The checklist in a real terminal: tmux types the keys and reads the screen, as an officer would.

tmux is installed by scripts/install-system-deps.sh (run by the test command); these tests fail,
rather than skip, when it is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ISPCHECK = str(Path(sys.executable).parent / "ispcheck")

MARAC_KEYS = [
    "n", "Warks Police", "Refuge", "1,2,3", "1,2", "n", "n", "1", "5",
    "to update the victim's safety plan", "1", "4", "2", "1", "1", "1", "2",
    "asking could alert the perpetrator", "the IDVA needs the risk history",
    "y", "1,2,3,4", "y", "1,2", "0",
]  # fmt: skip


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


def test_an_officer_completes_a_marac_disclosure_by_keyboard_in_a_real_terminal(
    terminal: Terminal, tmp_path: Path
) -> None:
    terminal.start(f"{ISPCHECK} checklist --no-plugins")
    terminal.answer(MARAC_KEYS)
    terminal.wait_for("Save the decision record to")
    screen = terminal.screen()
    assert "SHARE, ONCE THE CONDITIONS BELOW ARE MET" in screen
    assert "Appendix" in screen and "ISP" in screen and "A5" in screen
    assert len(screen.splitlines()) <= 24
    terminal.tmux("send-keys", "-t", "0", "Enter")
    terminal.wait_for("Saved the decision record to")
    saved = next(line for line in terminal.history().splitlines() if "Saved the decision record to" in line)
    path = tmp_path / saved.split("Saved the decision record to ", 1)[1].strip()
    record = json.loads(path.read_text())
    assert record["decision"]["outcome"] == "share_with_conditions"
    assert record["disclosure"]["context"]["setting"] == "marac"


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
