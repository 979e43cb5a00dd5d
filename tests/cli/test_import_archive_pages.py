"""`archcite import` of the other archives' pages: what it refuses (exit 3, naming what it
expected) and folders of saved pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner

from archcite.cli.app import cli
from archcite.errors import ExitCode
from tests.archive_server import ARCHIVE_PAGES
from tests.conftest import DATA


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_import_of_a_file_that_is_no_page_exits_3_naming_the_pages_expected(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("just some words\n", encoding="utf-8")
    code, out, err = run("import", str(path))
    assert (code, out) == (ExitCode.INPUT, "")
    assert err.startswith(f"archcite: error: {path}: not an archive page archcite imports (expected a document page")
    for archive in ("Wilson Center Digital Archive", "Foreign Relations of the United States", "Founders Online"):
        assert archive in err


def test_cite_of_a_file_nothing_recognises_still_exits_4(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("just some words\n", encoding="utf-8")
    code, _, err = run("cite", str(path))
    assert code == ExitCode.UNKNOWN
    assert "cannot tell the format of this source" in err


def test_a_folder_of_saved_pages_imports_every_page_and_skips_other_text(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    (folder / "frus").mkdir(parents=True)
    shutil.copy(ARCHIVE_PAGES / "frus" / "001.txt", folder / "frus" / "d262.txt")
    shutil.copy(ARCHIVE_PAGES / "gilder-lehrman" / "001.txt", folder / "glc04859.txt")
    shutil.copy(DATA / "pages" / "wilson-113390.txt", folder / "wilson-113390.txt")
    (folder / "readme.txt").write_text("Pages saved on 6 December.\n", encoding="utf-8")
    code, out, _ = run("import", str(folder))
    assert code == ExitCode.OK
    titles = [record["title"] for record in yaml.safe_load(out)]
    assert titles == [
        "Telegram From the Department of State to the Embassy in Iran",
        "Washington, George, 1732-1799 to Anthony Walton White",
        "Letter to Wladyslaw Gomulka from Kim Il Sung",
    ]


def test_a_folder_without_records_or_pages_is_refused(tmp_path: Path) -> None:
    (tmp_path / "readme.txt").write_text("Pages saved on 6 December.\n", encoding="utf-8")
    code, _, err = run("import", str(tmp_path))
    assert code == ExitCode.INPUT
    assert "folder holds no record files" in err
