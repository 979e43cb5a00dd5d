"""pandoc 3 (pypandoc_binary) reads every export and keeps title, date, author and archival facts."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from archcite.records.io import dump_records
from tests.records.exports_helpers import corpus_records

pypandoc = pytest.importorskip("pypandoc", reason="pypandoc_binary is a test dependency")

PANDOC_READERS = {"bibtex": "bibtex", "biblatex": "biblatex", "ris": "ris", "csljson": "csljson"}
ARCHIVAL = ("archive", "archive-place", "archive_collection", "archive_location")


def pandoc_csl(text: str, reader: str, tmp_path: Path) -> list[dict[str, Any]]:
    source = tmp_path / f"export.{reader}"
    source.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [pypandoc.get_pandoc_path(), "-f", reader, "-t", "csljson", str(source)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return list(json.loads(done.stdout))


def plain(text: Any) -> str:
    """pandoc's smart quotes, case-protection spans and line joins are not losses."""
    text = re.sub(r"</?span[^>]*>", "", str(text))
    for quote in "’‘“”'":
        text = text.replace(quote, '"')  # pandoc flips inner quotes and makes them smart
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize(
    ("fmt", "ascii_only"), [(fmt, False) for fmt in sorted(PANDOC_READERS)] + [("bibtex", True), ("biblatex", True)]
)
def test_pandoc_keeps_title_date_author_and_archival_facts(fmt: str, ascii_only: bool, tmp_path: Path) -> None:
    records = corpus_records()
    text = dump_records(records, fmt, ascii_only=ascii_only).text
    items = {item["id"]: item for item in pandoc_csl(text, PANDOC_READERS[fmt], tmp_path)}
    assert set(items) == {r.id for r in records}
    for record in records:
        item = items[record.id]
        everything = plain(json.dumps(item, ensure_ascii=False).replace("\\n", " "))
        if "title" in record.fields:
            # pandoc appends biblatex's titleaddon (a web page's site) to the title.
            assert plain(item.get("title")).startswith(plain(record.fields["title"]))
        if "date-parts" in record.fields.get("issued", {}):
            # pandoc's RIS reader takes the year (PY) only; the others read the whole date.
            parts = record.fields["issued"]["date-parts"]
            if record.fields["issued"].get("season"):
                # pandoc reads a BibTeX season (1993-23) as month 23 and drops CSL-JSON's "season".
                parts = [[parts[0][0]]] if fmt == "csljson" else [[parts[0][0], 20 + record.fields["issued"]["season"]]]
            read = item["issued"]["date-parts"]
            assert read == ([[parts[0][0]]] if fmt == "ris" else parts), record.id
        for name in record.fields.get("author", []):
            if "literal" in name:
                # pandoc's RIS reader splits a literal name into given and family; no word is lost.
                assert all(word in everything for word in re.findall(r"\w+", name["literal"])), record.id
            else:
                assert plain(name["family"]) in everything, record.id
        for field in ARCHIVAL if fmt != "ris" else ():
            if field == "archive_location" and fmt == "biblatex" and ascii_only:
                continue  # pandoc reads biblatex's library verbatim: LaTeX stays LaTeX there
            if field in record.fields:
                assert plain(json.dumps(record.fields[field], ensure_ascii=False)[1:-1]) in everything, (
                    record.id,
                    field,
                )


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_a_particle_reads_back_dropping_or_not_in_pandoc_and_archcite(fmt: str, tmp_path: Path) -> None:
    from archcite.records.io import load_sources
    from archcite.records.model import Record

    van_gogh = {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"}
    goethe = {"family": "Goethe", "given": "Johann", "dropping-particle": "von"}
    records = [
        Record({"id": "a", "type": "book", "title": "T", "author": [van_gogh]}),
        Record({"id": "b", "type": "book", "title": "T", "author": [goethe]}),
    ]
    text = dump_records(records, fmt).text
    assert [item["author"] for item in pandoc_csl(text, PANDOC_READERS[fmt], tmp_path)] == [[van_gogh], [goethe]]
    (tmp_path / "again.bib").write_text(text, encoding="utf-8")
    again = load_sources([str(tmp_path / "again.bib")], fmt=fmt).records
    assert [record.fields["author"] for record in again] == [[van_gogh], [goethe]]
