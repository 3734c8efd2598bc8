"""The paperwork commands as an officer or a chair meets them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ispcheck.cli.main import main
from ispcheck.paperwork.render import MD_BLANK

from ..conftest import clean_disclosure
from ..helpers import run_cli, write_json
from .test_forms import FROM_AGENCY, TO_POLICE

ISPCHECK = str(Path(sys.executable).parent / "ispcheck")
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


write = write_json
run = run_cli


def test_an_officer_gets_a_filled_appendix_10_request_in_one_command(tmp_path: Path, capsys: Any) -> None:
    code, out, _ = run(capsys, "form", "request-to-police", write(tmp_path, TO_POLICE))
    assert code == 0
    assert out.startswith("**OFFICIAL (when completed)** · Rev 10/19")
    assert "| Name: | Refuge |" in out
    assert f"| Surname: | {MD_BLANK} |" in out
    assert "- [ ] Human Rights Act 1998 Article 8" in out
    assert "Privacy (Article 8) and confidentiality weighed: Yes" in out


def test_the_police_request_is_appendix_11(tmp_path: Path, capsys: Any) -> None:
    code, out, _ = run(capsys, "form", "police-request", write(tmp_path, FROM_AGENCY))
    assert code == 0
    assert "# Request to external organisation for the disclosure of personal data to the police" in out
    assert "- [ ] The prosecution or apprehension of offenders" in out
    assert "From the disclosure, for you to check: Purpose: Prosecuting an offender." in out


def test_the_format_follows_the_output_files_suffix(tmp_path: Path, capsys: Any) -> None:
    case = write(tmp_path, TO_POLICE)
    for name, start in (("form.html", "<!DOCTYPE html>"), ("form.md", "**OFFICIAL"), ("form.json", "{")):
        code, out, err = run(capsys, "form", "request-to-police", case, "--output", str(tmp_path / name))
        assert code == 0 and out == ""
        assert f"Wrote {tmp_path / name}" in err
        assert (tmp_path / name).read_text().startswith(start)
    assert json.loads((tmp_path / "form.json").read_text())["form"] == "A10"


def test_a_pdf_is_written_with_chromium(tmp_path: Path, capsys: Any) -> None:
    target = tmp_path / "request.pdf"
    code, _, err = run(capsys, "form", "request-to-police", write(tmp_path, TO_POLICE), "-o", str(target))
    assert code == 0, err
    assert target.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.json", "request.pdf"]


def test_a_pdf_needs_an_output_file(tmp_path: Path, capsys: Any) -> None:
    code, out, err = run(capsys, "form", "request-to-police", write(tmp_path, TO_POLICE), "--format", "pdf")
    assert code == 2 and out == ""
    assert "--output" in err


def test_when_chromium_fails_nothing_is_written_and_the_exit_status_is_1(
    tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ISPCHECK_CHROMIUM", "/bin/false")
    target = tmp_path / "sheet.pdf"
    code, _, err = run(capsys, "declaration", "marac", "-o", str(target))
    assert code == 1
    assert "The PDF was not made" in err
    assert list(tmp_path.iterdir()) == []


def test_the_wrong_form_for_the_disclosure_exits_2_and_names_the_right_one(
    tmp_path: Path, capsys: Any
) -> None:
    code, out, err = run(capsys, "form", "request-to-police", write(tmp_path, FROM_AGENCY))
    assert code == 2 and out == ""
    assert "Appendix 10" in err and "ispcheck form police-request" in err
    assert "Traceback" not in err


def test_a_bad_disclosure_exits_2_with_its_problems_and_writes_nothing(tmp_path: Path, capsys: Any) -> None:
    target = tmp_path / "form.html"
    bad = write(tmp_path, {**TO_POLICE, "consnet": {}})
    code, out, err = run(capsys, "form", "request-to-police", bad, "-o", str(target))
    assert code == 2 and out == ""
    assert "consnet" in err and "Did you mean 'consent'?" in err
    assert not target.exists()
    code, _, err = run(capsys, "record", str(tmp_path / "missing.yaml"))
    assert code == 2 and "cannot read" in err


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            json.dumps(TO_POLICE).replace(
                '"article6": "public_task"', '"article6": null, "article6": "public_task"'
            ),
            "lawful_basis.article6: this field is given twice",
        ),
        (json.dumps({**TO_POLICE, "accuracy": {"identity_verified": "yes"}}), 'got "yes"'),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply to read"),
    ],
    ids=["a key given twice", "yes for true", "nested 100,000 deep"],
)
@pytest.mark.parametrize("command", [["form", "request-to-police"], ["record"]])
def test_paperwork_from_a_disclosure_that_strict_reading_refuses_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: Any, command: list[str], text: str, said: str
) -> None:
    case = tmp_path / "case.json"
    case.write_text(text)
    target = tmp_path / "out.html"
    code, out, err = run(capsys, *command, str(case), "-o", str(target))
    assert code == 2 and out == ""
    assert said in " ".join(err.split())
    assert "Traceback" not in err
    assert not target.exists()


def test_a_chair_prints_the_marac_sign_in_sheet_in_one_command(tmp_path: Path, capsys: Any) -> None:
    target = tmp_path / "marac.html"
    code, _, _ = run(capsys, "declaration", "marac", "--output", str(target))
    assert code == 0
    html = target.read_text()
    assert "<h1>MARAC Confidentiality Statement</h1>" in html
    assert "Organisation Represented" in html
    assert "The meeting must not be recorded." in html


def test_declaration_without_a_setting_lists_the_settings(capsys: Any) -> None:
    code, out, _ = run(capsys, "declaration")
    assert code == 0
    assert "marac" in out and "Multi Agency Risk Assessment Conference (MARAC)" in out
    code, out, _ = run(capsys, "declaration", "--format", "json")
    assert {
        "code": "socjag",
        "name": "Serious and Organised Crime Joint Action Group (SOCJAG)",
    } in json.loads(out)


def test_an_unknown_setting_exits_2_and_lists_the_settings(capsys: Any) -> None:
    code, out, err = run(capsys, "declaration", "marak")
    assert code == 2 and out == ""
    assert "'marak' is not a meeting setting" in err
    assert "channel_panel" in err


def test_the_number_of_signature_rows_is_checked(capsys: Any) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["declaration", "marac", "--rows", "0"])
    assert caught.value.code == 2
    assert "between 1 and 200" in capsys.readouterr().err


def test_the_decision_record_names_who_decided(tmp_path: Path, capsys: Any) -> None:
    case = write(tmp_path, clean_disclosure(**{"handling.channel": "standard_email"}))
    code, out, _ = run(capsys, "record", case, "--decided-by", "DS 1234", "--no-plugins")
    assert code == 0
    assert "| Decided by (name and role) | DS 1234 |" in out
    assert "| Outcome | **Share, once the conditions below are met** |" in out
    assert "share\\_with\\_conditions" not in out
    code, out, _ = run(capsys, "record", case, "--format", "json", "--no-plugins")
    assert json.loads(out)["decision"]["outcome"] == "share_with_conditions"


def test_a_disclosure_can_come_from_standard_input(tmp_path: Path) -> None:
    result = subprocess.run(
        [ISPCHECK, "form", "request-to-police", "-"],
        input=json.dumps(TO_POLICE),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "| Name: | Refuge |" in result.stdout


def test_every_paperwork_command_has_help(capsys: Any) -> None:
    for command in (
        ["form"],
        ["form", "request-to-police"],
        ["form", "police-request"],
        ["declaration"],
        ["record"],
    ):
        with pytest.raises(SystemExit) as caught:
            main([*command, "--help"])
        assert caught.value.code == 0
        assert "usage: ispcheck" in capsys.readouterr().out


def test_checking_a_disclosure_does_not_load_the_template_library(tmp_path: Path) -> None:
    script = (
        "import sys; from ispcheck.cli.main import main; code = main(sys.argv[1:]);"
        "print('jinja2' in sys.modules, 'ispcheck.paperwork' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "check", write(tmp_path, clean_disclosure()), "--no-plugins"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.splitlines()[-1] == "False False"


def test_a_pack_without_paperwork_files_exits_5_and_says_so(tmp_path: Path, capsys: Any) -> None:
    import shutil

    from ispcheck.pack import packs_directory

    pack = tmp_path / "pack"
    shutil.copytree(packs_directory() / "warwickshire-csp", pack)
    (pack / "forms.toml").unlink()
    (pack / "declarations.toml").unlink()
    code, _, err = run(capsys, "form", "request-to-police", write(tmp_path, TO_POLICE), "--pack", str(pack))
    assert code == 5
    assert "has no form A10" in err and "no forms.toml" in err
    code, out, _ = run(capsys, "declaration", "marac", "--pack", str(pack), "--format", "json")
    assert code == 5
    assert "has no declaration A5" in json.loads(out)["error"]


def test_a_file_that_cannot_be_written_exits_1_and_leaves_nothing(tmp_path: Path, capsys: Any) -> None:
    target = tmp_path / "no-such-folder" / "form.md"
    code, _, err = run(capsys, "form", "request-to-police", write(tmp_path, TO_POLICE), "-o", str(target))
    assert code == 1
    assert "cannot write" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.json"]


@pytest.mark.parametrize("name", ["form.docx", "form", "form.txt"])
def test_an_output_file_name_that_is_not_md_html_pdf_or_json_is_refused_and_nothing_is_written(
    tmp_path: Path, capsys: Any, name: str
) -> None:
    case = write(tmp_path, TO_POLICE)
    target = tmp_path / name

    code, _, err = run(capsys, "form", "request-to-police", case, "-o", str(target))

    assert code == 2
    assert "must end in .md, .html, .pdf or .json" in err
    assert not target.exists()


def test_a_format_that_contradicts_the_file_name_is_refused(tmp_path: Path, capsys: Any) -> None:
    case = write(tmp_path, TO_POLICE)
    target = tmp_path / "form.md"

    code, _, err = run(capsys, "form", "request-to-police", case, "--format", "html", "-o", str(target))

    assert code == 2
    assert "--format html does not match the file name" in err
    assert not target.exists()


def test_appendix_11_for_anonymised_figures_exits_2_naming_the_reason_and_writes_nothing(
    tmp_path: Path, capsys: Any
) -> None:
    figures = EXAMPLES / "anonymised-asb-hotspot-figures-at-csp-meeting.yaml"
    target = tmp_path / "request.pdf"

    code, out, err = run(capsys, "form", "police-request", str(figures), "-o", str(target))

    assert code == 2 and out == ""
    assert "Appendix 11 is a request for personal data" in err
    assert "its data is aggregated (statistics) only" in err
    assert not target.exists()
    cctv = EXAMPLES / "evidential-use-council-cctv-with-appendix-11-request.yaml"
    code, out, _ = run(capsys, "form", "police-request", str(cctv))
    assert code == 0 and "# Request to external organisation for the disclosure of personal data" in out
