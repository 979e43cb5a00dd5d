"""The README stays short and true: its two first commands, its command table and its tour.

The tour is run as a newcomer would run it, in an empty folder: import the seed page, check it,
fix what the import reported (the edit the README describes), cite it, export it."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from archcite.cli import COMMANDS
from archcite.cli.app import cli
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands() -> None:
    first_block = README.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert len(first_block) == 2
    assert first_block[0].endswith("pip install . && archcite cite examples/kim-il-sung-to-gomulka-1966.yaml")
    assert first_block[1].endswith("pip install -e '.[test]' && python -m pytest")


def test_readme_is_at_most_150_lines() -> None:
    assert len(README.splitlines()) <= 150


def test_readme_commands_table_lists_every_command_in_the_order_of_help() -> None:
    section = README.split("## The commands\n", 1)[1]
    rows = [line for line in section.splitlines() if line.startswith("| `archcite ")]
    assert [row.split("`")[1].split()[1] for row in rows] == list(COMMANDS)


def tour_commands() -> list[list[str]]:
    block = README.split("## A five-step tour\n", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    return [shlex.split(line) for line in block.splitlines() if line.strip()]


def run(args: list[str]) -> tuple[int, str, str]:
    assert args[0] == "archcite"
    result = CliRunner().invoke(cli, args[1:], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_the_tour_imports_checks_cites_and_exports_the_seed_page_in_five_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    commands = tour_commands()
    assert [args[1] for args in commands] == ["import", "check", "cite", "export", "export"]
    page = tmp_path / commands[0][2]
    page.parent.mkdir(parents=True)
    shutil.copyfile(REPO / commands[0][2], page)
    monkeypatch.chdir(tmp_path)

    code, out, err = run(commands[0])
    assert (code, out) == (0, "")
    assert "may have lost their diacritics" in err
    assert err.count("archcite: warning:") == 2  # as step 1 says

    code, out, err = run(commands[1])
    assert (code, out) == (0, "")
    assert err.endswith("archcite: info: 1 record(s) checked, 0 finding(s)\n")  # as step 2 says

    # Step 3: the edit the README describes, applied as written.
    record = Path("letter.yaml")
    step3 = README.split("3. **Fix what it reports.**", 1)[1].split("4. **", 1)[0]
    edits = re.findall(r"`([^`]+)` to\s+`([^`]+)`", step3)
    assert len(edits) == 2
    text = record.read_text(encoding="utf-8")
    for before, after in edits:
        assert text.count(before) == 1, before
        text = text.replace(before, after)
    record.write_text(text, encoding="utf-8")

    code, out, err = run(commands[2])
    step4 = README.split("4. **Cite it.**", 1)[1].split("5. **", 1)[0]
    quoted = " ".join(line.removeprefix("   > ") for line in step4.splitlines() if line.startswith("   > "))
    assert (code, err) == (0, "")
    assert out.split("\n", 1)[0] == quoted

    code, out, err = run(commands[3])
    assert (code, out) == (0, "")
    (warning,) = err.splitlines()  # as step 5 says: one line
    assert "Zotero has no field for" in warning
    assert "kept in Extra" in warning
    code, out, err = run(commands[4])
    assert (code, out, err) == (0, "", "")
    for exported in ("letter-zotero.json", "letter.json"):
        items = json.loads(Path(exported).read_text(encoding="utf-8"))
        assert items[0]["recipient"] == [{"family": "Gomułka", "given": "Władysław"}]
    zotero_note = json.loads(Path("letter-zotero.json").read_text(encoding="utf-8"))[0]["note"]
    assert "translator: Mastny || Vojtech" in zotero_note
