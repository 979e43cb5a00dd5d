"""The README stays true: its first commands, its console examples and its record-format table."""

from __future__ import annotations

import re
import shlex

import pytest
from click.testing import CliRunner

from archcite.cli import COMMANDS
from archcite.cli.app import cli
from archcite.records.model import ARCHIVAL_FIELDS
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands() -> None:
    first_block = README.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert len(first_block) == 2
    assert first_block[0].endswith("pip install . && archcite cite examples/kim-il-sung-to-gomulka-1966.yaml")
    assert first_block[1].endswith("pip install -e '.[test]' && python -m pytest")


def test_readme_console_examples_print_what_they_show(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    examples = re.findall(r"```console\n\$ (archcite .*?)\n(.*?)```", README, re.S)
    assert examples
    for command, expected in examples:
        result = CliRunner().invoke(cli, shlex.split(command)[1:], catch_exceptions=False)
        assert (result.exit_code, result.stdout) == (0, expected), command


def test_readme_documents_every_archival_field() -> None:
    for name, meaning in ARCHIVAL_FIELDS.items():
        assert f"| `{name}` | {meaning} |" in README, name


def first_table_rows(heading: str) -> list[str]:
    """The body rows of the first table under a README heading."""
    section = README.split(f"{heading}\n", 1)[1]
    lines = section[section.index("\n|") + 1 :].splitlines()
    table = lines[: next((i for i, line in enumerate(lines) if not line.startswith("|")), len(lines))]
    return table[2:]


def test_readme_formats_table_lists_every_registered_format() -> None:
    from archcite.records.registry import all_formats

    listed = [row.split("|")[1].strip(" `") for row in first_table_rows("## Formats")]
    assert sorted(listed) == sorted(fmt.name for fmt in all_formats())


def test_readme_commands_table_lists_every_command() -> None:
    listed = [row.split("`")[1].split()[1] for row in first_table_rows("## Commands")]
    assert sorted(listed) == sorted(COMMANDS)
