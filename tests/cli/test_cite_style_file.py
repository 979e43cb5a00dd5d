"""`archcite cite --style FILE.csl`: a user's CSL file is untrusted input."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from archcite.cli.app import cli
from tests.conftest import EXAMPLE


def test_invalid_csl_file_exits_3_with_a_message(tmp_path: Path) -> None:
    style = tmp_path / "broken.csl"
    style.write_text("<style><citation>", encoding="utf-8")
    result = CliRunner().invoke(cli, ["cite", str(EXAMPLE), "--style", str(style)], catch_exceptions=False)
    assert result.exit_code == 3
    assert result.stdout == ""
    assert "broken.csl:1: not a valid CSL style" in result.stderr


def test_csl_file_with_a_doctype_exits_3(tmp_path: Path) -> None:
    style = tmp_path / "entity.csl"
    style.write_text(
        '<?xml version="1.0"?><!DOCTYPE style [<!ENTITY x "boom">]>'
        '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><citation><layout><text value="&x;"/>'
        "</layout></citation></style>",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["cite", str(EXAMPLE), "--style", str(style)], catch_exceptions=False)
    assert result.exit_code == 3
    assert "DOCTYPE" in result.stderr


HEAD = '<?xml version="1.0"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">\n'
LAYOUT = '<citation>\n<layout><text macro="a"/></layout>\n</citation>\n</style>\n'


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            '<macro name="a">\n<text macro="a"/>\n</macro>\n' + LAYOUT,
            ":4: <text> makes the macros call themselves: a → a (a macro may not call itself, directly or through "
            "other macros)",
        ),
        (
            '<macro name="a"><text macro="b"/></macro>\n<macro name="b">\n<group><text macro="a"/></group>'
            "</macro>\n" + LAYOUT,
            ":5: <text> makes the macros call themselves: a → b → a",
        ),
        (
            '<macro name="a"><text macro="author"/></macro>\n' + LAYOUT,
            ":3: <text> calls the macro 'author', which the style does not define",
        ),
        ('<macro name="a"><text variable="title"/></macro>\n</style>\n', ":2: <style> has no <citation>"),
        (
            '<macro name="a"><text variable="title"/></macro>\n<citation et-al-min="x">\n<layout>'
            '<text macro="a"/></layout></citation></style>',
            ":4: <citation> has et-al-min='x', not a whole number (write e.g. et-al-min=\"3\")",
        ),
        (
            '<macro name="a"><text variable="title" form="bogus"/></macro>\n' + LAYOUT,
            ":3: <text> has form='bogus', not one of the values CSL allows (use one of: long, short, verb, "
            "verb-short, symbol)",
        ),
        ('<macro name="a"><text variable="title"/></macro>\n<citation/></style>', ":4: <citation> has no <layout>"),
        ('<macro name="a"><txet variable="title"/></macro>\n' + LAYOUT, ":3: <txet> is not a CSL element"),
    ],
)
def test_a_broken_style_is_rejected_before_rendering_naming_the_element_and_line(
    tmp_path: Path, body: str, message: str
) -> None:
    style = tmp_path / "broken.csl"
    style.write_text(HEAD + body, encoding="utf-8")
    result = CliRunner().invoke(cli, ["cite", str(EXAMPLE), "--style", str(style)], catch_exceptions=False)
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr.startswith(f"archcite: error: {style}{message}"), result.stderr


def test_every_style_shipped_passes_the_check() -> None:
    import os

    from archcite.styles.names import styles_dir
    from archcite.styles.stylecheck import check_style_file

    names = sorted(name for name in os.listdir(styles_dir()) if name.endswith(".csl"))
    assert len(names) > 2000
    for name in names[::7]:  # a seventh of them, spread over the alphabet, keeps the test short
        check_style_file(os.path.join(styles_dir(), name))
