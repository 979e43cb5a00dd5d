"""The engine adapter: pinned citeproc-py, untrusted style files, the rendering protocol."""

from __future__ import annotations

from pathlib import Path

import pytest

from archcite.errors import InputError
from archcite.styles.csl.engine import load_style, render_items
from archcite.styles.csl.fixes import REQUIRED_CITEPROC, installed_citeproc_version


def test_installed_citeproc_is_the_version_the_fixes_were_written_against():
    assert installed_citeproc_version() == REQUIRED_CITEPROC, (
        f"citeproc-py {installed_citeproc_version()} is installed; archcite's fixes in "
        f"archcite/styles/csl/fixes are written against {REQUIRED_CITEPROC} exactly: re-check every fix "
        "against the new version before changing the pin in pyproject.toml"
    )


def test_invalid_xml_style_is_an_input_error(tmp_path: Path):
    path = tmp_path / "broken.csl"
    path.write_text("<style><citation>", encoding="utf-8")
    with pytest.raises(InputError, match="not a valid CSL style") as caught:
        load_style(str(path))
    assert caught.value.exit_code == 3


@pytest.mark.parametrize(
    "entity",
    ['<!ENTITY x SYSTEM "file://{secret}">', '<!ENTITY x "internal">'],
    ids=["external", "internal"],
)
def test_style_with_entities_is_refused_without_expanding_them(tmp_path: Path, entity: str):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    path = tmp_path / "xxe.csl"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE style [{entity.format(secret=secret)}]>'
        '<style xmlns="http://purl.org/net/xbiblio/csl">'
        '<citation><layout><text value="&x;"/></layout></citation></style>',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_style(str(path))
    assert "SECRET" not in str(caught.value)
    assert caught.value.exit_code == 3


def test_non_csl_xml_is_an_input_error(tmp_path: Path):
    path = tmp_path / "other.csl"
    path.write_text("<html/>", encoding="utf-8")
    with pytest.raises(InputError, match="root element"):
        load_style(str(path))


def test_entry_the_style_prints_empty_is_none_and_takes_no_rank(render_csl):
    items = [
        {"id": "a", "type": "book", "title": "A"},
        {"id": "b", "type": "book"},
        {"id": "c", "type": "book", "title": "C"},
    ]
    assert [(r.bib, r.bib_rank) for r in render_csl(items)] == [("A", 0), (None, None), ("C", 1)]


def test_render_items_renders_citeproc_styles_by_path():
    from archcite.styles.names import resolve_style

    item = {
        "id": "x",
        "type": "book",
        "title": "Title",
        "author": [{"family": "Doe", "given": "Jane"}],
        "issued": {"date-parts": [[2001]]},
    }
    [out] = render_items([item], resolve_style("chicago-author-date").path or "")
    assert (out.cite, out.bib) == ("(Doe 2001)", "Doe, Jane. 2001. <i>Title</i>.")
