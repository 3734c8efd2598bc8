"""The package works from an installed wheel, away from the repository (the pack travels inside)."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_carries_the_pack_and_decides_outside_the_repository(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("ispcheck-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "ispcheck/packs/warwickshire-csp/clauses.toml" in names
    assert "ispcheck/py.typed" in names
    assert "ispcheck/packs/default.toml" in names  # which pack is used when none is named
    assert "ispcheck/packs/warwickshire-csp/forms.toml" in names
    assert "ispcheck/packs/warwickshire-csp/declarations.toml" in names
    assert "ispcheck/packs/warwickshire-csp/quotations.toml" in names  # the review pack needs no other file
    assert "ispcheck/paperwork/templates/request_form.html" in names
    assert "ispcheck/paperwork/templates/declaration.md" in names

    target = tmp_path / "site"
    subprocess.run(
        [*pip, "install", "--no-deps", "--target", str(target), str(wheel)], check=True, capture_output=True
    )
    script = (
        "import json, ispcheck, ispcheck.pack as p;"
        "d = ispcheck.Checker(use_entry_points=False).check(json.loads(input()));"
        "print(json.dumps([ispcheck.__file__, str(p.packs_directory()), d.outcome.value]));"
        "from ispcheck.paperwork import render_declaration;"
        "print(render_declaration('marac', 'markdown').splitlines()[2])"
    )
    disclosure = {
        "discloser": {"organisation": "Warwickshire Police"},
        "recipient": {"organisation": "Refuge"},
        "data": {"categories": ["aggregated"]},
        "purpose": {"code": "strategic_analysis"},
        "handling": {"classification": "OFFICIAL", "channel": "secure_email"},
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(disclosure),
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    first, sheet = result.stdout.splitlines()[:2]  # the sheet's title, under its marking
    module, packs, outcome = json.loads(first)
    assert sheet == "# Appendix 5: MARAC Confidentiality Statement"
    assert module.startswith(str(target))
    assert packs.startswith(str(target))
    assert outcome == "share"
