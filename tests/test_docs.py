"""The documentation stays true: every example prints what it shows, the command reference is the
commands' own --help, every link leads somewhere, and the tables list what the code has."""

from __future__ import annotations

import importlib.util
import re
import shlex
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from archcite.cli.app import cli
from archcite.records.model import ARCHIVAL_FIELDS
from tests.conftest import REPO, SHARED

DOCS = sorted((REPO / "docs").glob("*.md"))
PAGES = [REPO / "README.md", REPO / "CONTRIBUTING.md", REPO / "benchmarks" / "README.md", *DOCS]


def examples(page: Path) -> list[tuple[str, str]]:
    """(command, what it prints) for each `$ archcite ...` line of the page's console blocks."""
    found = []
    for block in re.findall(r"```console\n(.*?)```", page.read_text(encoding="utf-8"), re.S):
        for command, shown in re.findall(r"^\$ (archcite [^\n]*)\n((?:(?!\$ )[^\n]*\n)*)", block, re.M):
            found.append((command, shown))
    return found


EXAMPLES = [(page, command, shown) for page in PAGES for command, shown in examples(page)]


def test_the_docs_have_examples() -> None:
    assert {page.name for page, _, _ in EXAMPLES} >= {"README.md", "records.md", "import.md", "export.md"}


@pytest.mark.parametrize(("page", "command", "shown"), EXAMPLES, ids=[f"{p.name}: {c[:60]}" for p, c, _ in EXAMPLES])
def test_every_example_prints_what_it_shows(
    page: Path, command: str, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if "../shared/" in command and not SHARED.is_dir():
        pytest.skip(f"{command} reads the shared test pages, which lie beside the clone in CI")
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(cli, shlex.split(command)[1:], catch_exceptions=False)
    assert (result.exit_code, result.stdout) == (0, shown), f"{page.name}: {command}"


def load_tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "tools" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_command_reference_is_the_commands_help() -> None:
    tool = load_tool("cli_reference")
    document = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert tool.updated(document) == document, "run `python tools/cli_reference.py`"


def test_the_command_reference_has_every_command_and_its_options() -> None:
    document = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in ("import", "check", "cite", "export", "list", "show", "styles", "formats"):
        assert f"## archcite {name}\n\n```text\nUsage: archcite {name} [OPTIONS]" in document, name


def test_shell_completion_is_documented_for_bash_zsh_and_fish() -> None:
    document = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    for shell in ("bash", "zsh", "fish"):
        assert f"_ARCHCITE_COMPLETE={shell}_source archcite" in document, shell


LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(REPO)) for p in PAGES])
def test_every_relative_link_leads_to_a_file(page: Path) -> None:
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue
        resolved = (page.parent / target).resolve()
        assert resolved.exists(), f"{page.name}: {target}"


def test_no_page_points_outside_the_repository() -> None:
    for page in [REPO / "README.md", REPO / "CONTRIBUTING.md", *DOCS]:
        assert "../shared/DESIGN.md" not in page.read_text(encoding="utf-8"), page.name


def test_records_page_documents_every_archival_field() -> None:
    records = (REPO / "docs" / "records.md").read_text(encoding="utf-8")
    for name, meaning in ARCHIVAL_FIELDS.items():
        assert f"| `{name}` | {meaning} |" in records, name


def first_table_rows(text: str, heading: str) -> list[str]:
    """The body rows of the first table under a heading."""
    section = text.split(f"{heading}\n", 1)[1]
    lines = section[section.index("\n|") + 1 :].splitlines()
    table = lines[: next((i for i, line in enumerate(lines) if not line.startswith("|")), len(lines))]
    return table[2:]


def test_export_page_formats_table_lists_every_registered_format() -> None:
    from archcite.records.registry import all_formats

    export = (REPO / "docs" / "export.md").read_text(encoding="utf-8")
    listed = [row.split("|")[1].strip(" `") for row in first_table_rows(export, "## Formats")]
    assert sorted(listed) == sorted(fmt.name for fmt in all_formats())
