"""``cite --format html``: citeproc-js's bibliography HTML on stdout, a standalone page in a file."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from archcite.cli.app import cli
from archcite.cli.cite import link_urls_and_dois
from tests.styles.test_html_citeproc_js import EXPECTED, _items


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _items_file(tmp_path: Path, items: list[dict[str, Any]] | None = None) -> str:
    path = tmp_path / "items.json"
    path.write_text(json.dumps(items or _items(), ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_html_bibliography_is_citeproc_js_html_with_the_layout_on_its_body(tmp_path: Path) -> None:
    code, out, _ = run("cite", _items_file(tmp_path), "-s", "ieee", "--form", "bibliography", "--format", "html")
    assert code == 0
    # citeproc-js's HTML, its entry-spacing parameter (0) on the body as pandoc writes it, and
    # URLs and DOIs made links (archcite's own addition, the same in every HTML it prints).
    expected = EXPECTED["ieee"]["bibliography"].replace(
        '<div class="csl-bib-body">', '<div class="csl-bib-body" data-entry-spacing="0">', 1
    )
    assert out == link_urls_and_dois(expected) + "\n"
    assert '<a href="https://doi.org/10.1177/002200949803300201">doi: 10.1177/002200949803300201</a>' in out


def test_html_citations_are_a_fragment_a_line_then_the_bibliography(tmp_path: Path) -> None:
    code, out, _ = run("cite", _items_file(tmp_path), "-s", "nature", "--format", "html")
    assert code == 0
    citations, bibliography = out.split("\n\n")
    # each record cited once, in input order, as citeproc-js numbers them
    assert citations.splitlines() == EXPECTED["nature"]["citations"]
    assert bibliography.startswith('<div class="csl-bib-body" data-line-spacing="2" data-entry-spacing="0">\n')


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.declarations: list[str] = []
        self.starts: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[str] = []
        self.unclosed: list[str] = []

    def handle_decl(self, decl: str) -> None:
        self.declarations.append(decl)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.starts.append((tag, dict(attrs)))
        if tag != "meta":
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.unclosed.append(tag)


def test_html_file_is_a_standalone_page(tmp_path: Path) -> None:
    target = tmp_path / "refs.html"
    code, _, _ = run("cite", _items_file(tmp_path), "-s", "apa", "-o", str(target), "-q")
    assert code == 0
    page = target.read_text(encoding="utf-8")
    parser = _Page()
    parser.feed(page)
    assert parser.declarations == ["DOCTYPE html"]
    assert parser.starts[:3] == [("html", {"lang": "en-US"}), ("head", {}), ("meta", {"charset": "utf-8"})]
    assert (parser.open, parser.unclosed) == ([], [])  # every element closed, in order
    assert "<title>Citations</title>" in page
    # each form under its heading; the bibliography as on stdout, laid out by the style sheet
    assert "<h2>In-text citations</h2>\n<p>(Kennan, 1946)</p>\n" in page
    assert '<h2>Bibliography</h2>\n<div class="csl-bib-body hanging-indent" data-line-spacing="2"' in page
    assert ".hanging-indent .csl-entry { padding-left: 2em; text-indent: -2em; }" in page
    assert ".csl-bib-body { line-height: 2.4; }" in page


def test_a_field_cannot_inject_html_into_a_display_part(tmp_path: Path) -> None:
    hostile = [{"id": "x", "type": "book", "title": '<b onmouseover="alert(1)">Title</b> & </div><div>'}]
    source = _items_file(tmp_path, hostile)
    code, out, _ = run("cite", source, "-s", "ieee", "--form", "bibliography", "--format", "html")
    assert code == 0
    assert "onmouseover" in out
    assert "<b onmouseover" not in out
    assert out.count("<div") == out.count("</div>") == 4  # body, entry, margin, right-inline
    assert "&lt;/div&gt;&lt;div&gt;" in out
