"""One contract loader: every contract file is resolved, parsed and checked the same way, and the
code fingerprint behind the extraction cache follows the files actually in use."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from muniflow import codeversion, contracts
from muniflow.contracts import CONTRACT_FILES, PUBLISHING_FILES, ContractError, files_in_use, load_yaml
from muniflow.intake.limits import Limits
from muniflow.normalize import date_words as dates
from muniflow.rules import duplicates

PROJECT = Path(__file__).resolve().parents[1] / "contracts"


def _folder(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "contracts"
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(PROJECT / name, folder / name)
    return folder


def test_every_shipped_contract_file_is_known_and_parses() -> None:
    shipped = {p.name for p in PROJECT.glob("*.yaml")}
    assert shipped <= {*CONTRACT_FILES, *PUBLISHING_FILES}, "a contract file the loader does not know"
    for name in shipped:
        assert isinstance(load_yaml(name), dict)


# (file content, why it is refused)
BROKEN = [
    ("a: [unclosed", "not YAML"),
    ("- a list\n- not a mapping\n", "a contract file is a mapping"),
    ("other: 1\n", "the required key is missing"),
]


@pytest.mark.parametrize(("text", "why"), BROKEN, ids=[w for _, w in BROKEN])
def test_a_broken_file_is_a_contract_error(tmp_path: Path, text: str, why: str) -> None:
    path = tmp_path / "duplicates.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContractError):
        duplicates.load_config(path)


def test_env_folder_overrides_per_file_and_falls_back_to_the_project(monkeypatch, tmp_path: Path) -> None:
    folder = _folder(tmp_path, "dates.yaml")
    monkeypatch.setenv(contracts.ENV_DIR, str(folder))
    used = {p.name: p for p in files_in_use()}
    assert used["dates.yaml"] == (folder / "dates.yaml").resolve()
    assert used["duplicates.yaml"] == (PROJECT / "duplicates.yaml").resolve()


@pytest.mark.parametrize(
    ("name", "load", "edit", "why"),
    [
        ("dates.yaml", lambda: dates.vocabulary().max_year, ("max: ", "max: 1"), "dates follow the env"),
        ("duplicates.yaml", lambda: duplicates.load_config().severity, None, "duplicates follow it too"),
        ("intake.yaml", lambda: Limits.load().max_pages, ("max_pages: ", "max_pages: 7"), "so do limits"),
    ],
)
def test_each_loader_reads_the_env_folder(monkeypatch, tmp_path, name, load, edit, why) -> None:
    shipped = load()
    folder = _folder(tmp_path, name)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    if edit is None:
        text = text.replace("severity: error", "severity: warning")
    else:
        assert edit[0] in text
        text = text.replace(edit[0], edit[1], 1)
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv(contracts.ENV_DIR, str(folder))
    assert load() != shipped, why


@pytest.mark.parametrize("name", ("events.odcs.yaml", "enrichment.yaml", "duplicates.yaml", "dates.yaml"))
def test_fingerprint_covers_contracts_under_the_env_folder(monkeypatch, tmp_path: Path, name: str) -> None:
    before = codeversion.code_version()
    folder = _folder(tmp_path, name)
    monkeypatch.setenv(contracts.ENV_DIR, str(folder))
    assert codeversion.code_version() == before, "the same content elsewhere: the same fingerprint"
    with (folder / name).open("a", encoding="utf-8") as f:
        f.write("\n# an edit\n")
    assert codeversion.code_version() != before, f"editing {name} under {contracts.ENV_DIR} must show"


def test_a_relative_contracts_dir_follows_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # why: resolved files are remembered; one found under a relative $MUNIFLOW_CONTRACTS_DIR must
    # not be reused once the working folder (a warm runner's child, a test) is another
    for office in ("north", "south"):
        (tmp_path / office).mkdir()
        _folder(tmp_path / office, "periods.yaml")
    monkeypatch.setenv(contracts.ENV_DIR, "contracts")
    monkeypatch.chdir(tmp_path / "north")
    north = contracts.contract_file(None, "periods.yaml")
    monkeypatch.chdir(tmp_path / "south")
    south = contracts.contract_file(None, "periods.yaml")
    assert north == tmp_path / "north" / "contracts" / "periods.yaml"
    assert south == tmp_path / "south" / "contracts" / "periods.yaml"
