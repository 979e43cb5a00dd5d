"""`archcite cite --style FILE.csl`: a user's CSL file is untrusted input."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from archcite.cli.app import cli
from tests.conftest import EXAMPLE


def test_invalid_csl_file_exits_3_with_a_message(tmp_path: Path) -> None:
    style = tmp_path / "broken.csl"
    style.write_text("<style><citation>", encoding="utf-8")
    result = CliRunner().invoke(cli, ["cite", str(EXAMPLE), "--style", str(style)], catch_exceptions=False)
    assert result.exit_code == 3
    assert result.stdout == ""
    assert "broken.csl: not a valid CSL style" in result.stderr


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
