"""Which pack is used when none is named: the packs folder says, not the code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import ispcheck
from ispcheck import pack as pack_module
from ispcheck.errors import PackError
from ispcheck.pack import DEFAULT_PACK, default_pack_name, load_pack, packs_directory

SRC = Path(ispcheck.__file__).parent


def _packs(tmp_path: Path, *names: str) -> Path:
    shipped = packs_directory() / DEFAULT_PACK
    for name in names:
        shutil.copytree(shipped, tmp_path / name)
    return tmp_path


def test_the_shipped_default_is_the_pack_the_packs_folder_names() -> None:
    named = (packs_directory() / "default.toml").read_text(encoding="utf-8")
    assert f'pack = "{DEFAULT_PACK}"' in named
    assert load_pack().name == DEFAULT_PACK


def test_a_default_file_naming_another_pack_makes_it_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _packs(tmp_path, "first", "second")
    (root / "default.toml").write_text('pack = "second"\n', encoding="utf-8")
    monkeypatch.setattr(pack_module, "packs_directory", lambda: root)
    assert default_pack_name() == "second"


def test_with_one_pack_and_no_default_file_that_pack_is_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _packs(tmp_path, "only")
    monkeypatch.setattr(pack_module, "packs_directory", lambda: root)
    assert default_pack_name() == "only"


def test_with_several_packs_and_none_named_there_is_no_default_and_loading_says_how_to_name_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _packs(tmp_path, "first", "second")
    (root / "default.toml").write_text("pack = \n", encoding="utf-8")  # not TOML: ignored
    monkeypatch.setattr(pack_module, "packs_directory", lambda: root)
    assert default_pack_name() == ""
    with pytest.raises(PackError) as raised:
        load_pack("")
    assert "no default pack" in str(raised.value)
    assert "--pack" in str(raised.value)
    assert "first, second" in str(raised.value)


def test_nothing_in_the_package_names_the_shipped_partnership() -> None:
    naming = {
        str(path.relative_to(SRC))
        for path in SRC.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and b"warwickshire" in path.read_bytes().lower()
    }
    assert naming == set()
