"""Values a reader cannot map are kept in CSL-JSON's ``custom`` (issue 12): never dropped, never in
``note`` (which styles print), never printed by a style, carried by every writer, and reported
once per record."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from archcite.cli.app import cli
from archcite.records.io import dump_records, load_sources
from archcite.records.model import Record
from archcite.records.validate import build_records

# JabRef's and Zotero's bookkeeping fields, an address and an eid: fields no CSL variable holds.
ENTRY = """@article{doe2019,
  author = {Doe, Jane},
  title = {A title},
  journal = {Journal},
  year = {2019},
  City = {M{\\"u}nchen},
  eid = {e1234},
  file = {:C\\:/papers/doe.pdf:PDF},
  timestamp = {2019-05-01},
  s2id = {202004462},
}
"""


def _load(tmp_path: Path, name: str, text: str) -> tuple[list[Record], list[str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = load_sources([str(path)])
    return result.records, [str(w) for w in result.warnings]


def test_unmapped_bibtex_fields_are_kept_under_their_names_with_one_warning(tmp_path: Path) -> None:
    (record,), warnings = _load(tmp_path, "lib.bib", ENTRY)
    # S2ID as citation-js names it (its expected CSL-JSON for Willighagen2019CitationjsAF).
    assert record.fields["custom"] == {
        "City": "München",
        "eid": "e1234",
        "file": ":C:/papers/doe.pdf:PDF",
        "timestamp": "2019-05-01",
        "S2ID": "202004462",
    }
    assert "note" not in record.fields
    assert warnings == [
        f"{tmp_path / 'lib.bib'}:1, record 'doe2019', field 'custom': no record field for "
        "'City, eid, file, timestamp, S2ID'; kept in 'custom', which no style prints"
    ]


def test_unmapped_ris_tags_are_kept_under_their_tags(tmp_path: Path) -> None:
    text = "TY  - JOUR\nID  - a\nTI  - T\nAD  - Leiden University\nLB  - 42\nLB  - 43\nER  - \n"
    (record,), warnings = _load(tmp_path, "lib.ris", text)
    assert record.fields["custom"] == {"AD": "Leiden University", "LB": "42\n43"}
    (warning,) = warnings
    assert "'AD, LB'" in warning


def test_custom_is_never_printed(tmp_path: Path) -> None:
    path = tmp_path / "lib.bib"
    path.write_text(ENTRY, encoding="utf-8")
    for style in ("chicago", "mla", "apa"):
        result = CliRunner().invoke(cli, ["cite", str(path), "--style", style], catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
        assert "Journal" in result.stdout
        for value in ("München", "e1234", "doe.pdf", "2019-05-01", "202004462"):
            assert value not in result.stdout, (style, value)


def test_every_writer_carries_custom(tmp_path: Path) -> None:
    (record,), _ = _load(tmp_path, "lib.bib", ENTRY)
    for fmt, suffix in (("bibtex", "bib"), ("biblatex", "bib"), ("ris", "ris"), ("csljson", "json"), ("yaml", "yaml")):
        path = tmp_path / f"export-{fmt}.{suffix}"
        path.write_text(dump_records([record], fmt).text, encoding="utf-8")
        (again,) = load_sources([str(path)], fmt=fmt).records
        assert again.fields["custom"] == record.fields["custom"], fmt


def test_bibtex_writes_custom_as_fields_of_their_names_and_ris_as_lines_it_reads_back() -> None:
    records, _ = build_records(
        [({"id": "a", "type": "book", "title": "T", "custom": {"file": "a.pdf", "AD": "Leiden"}}, None)]
    )
    assert "  file = {a.pdf},\n  AD = {Leiden}" in dump_records(records, "biblatex").text
    ris = dump_records(records, "ris").text
    assert 'M2  - custom: {"file": "a.pdf"}' in ris
    assert "AD  - Leiden" in ris


def test_csljson_writes_custom_as_the_schema_object() -> None:
    records, _ = build_records([({"id": "a", "type": "book", "title": "T", "custom": {"S2ID": "1"}}, None)])
    assert json.loads(dump_records(records, "csljson").text)[0]["custom"] == {"S2ID": "1"}


def test_a_custom_that_is_no_object_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('[{"id": "a", "type": "book", "custom": "x"}]', encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 3
    assert "'custom' holds a str, not an object of named values" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_large_library_says_it_once(tmp_path: Path) -> None:
    # 3,000 entries, each with bookkeeping fields: one line on stderr, with the count.
    path = tmp_path / "big.bib"
    path.write_text(
        "".join(f"@book{{k{n}, title={{T {n}}}, year={{2000}}, file={{f{n}.pdf}}}}\n" for n in range(3000)),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["export", str(path), "--to", "csljson"], catch_exceptions=False)
    assert result.exit_code == 0
    lines = [line for line in result.stderr.splitlines() if "kept in 'custom'" in line]
    assert len(lines) == 1
    assert lines[0].endswith("(and 2999 more like it; -v shows each)")


def test_show_lists_custom_by_name(tmp_path: Path) -> None:
    path = tmp_path / "lib.bib"
    path.write_text("@book{k, title={T}, year={2000}, file={a.pdf}, City={Leiden}}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["show", str(path)], catch_exceptions=False)
    assert "  custom: file: a.pdf; City: Leiden\n" in result.stdout
