"""Table-driven: each format's export of tests/data/exports/records.yaml is the hand-written file.

The expected files were written by hand from the README's "Export mappings" tables, not copied
from archcite's output; each also reads back as the input records.
"""

from __future__ import annotations

import pytest

from archcite.records.io import dump_records, load_sources
from tests.records.exports_helpers import DATA, comparable

CASES = [
    ("bibtex", "records.bibtex.bib"),
    ("biblatex", "records.biblatex.bib"),
    ("ris", "records.ris"),
    ("csljson", "records.csljson.json"),
]


@pytest.mark.parametrize(("fmt", "expected_file"), CASES)
def test_export_is_the_hand_written_file(fmt: str, expected_file: str) -> None:
    records = load_sources([str(DATA / "records.yaml")]).records
    assert dump_records(records, fmt).text == (DATA / expected_file).read_text(encoding="utf-8")


@pytest.mark.parametrize(("fmt", "expected_file"), CASES)
def test_hand_written_file_reads_back_as_the_records(fmt: str, expected_file: str) -> None:
    records = load_sources([str(DATA / "records.yaml")]).records
    loaded = load_sources([str(DATA / expected_file)], fmt=fmt)
    assert loaded.warnings == []
    assert [comparable(r.fields) for r in loaded.records] == [comparable(r.fields) for r in records]


FOREIGN = [
    (
        "foreign.bib",
        [
            {
                "id": "Jorden1957",
                "type": "article-journal",
                "author": [{"family": "Jorden", "given": "William J."}],
                # An English BibTeX title is title-cased for the styles that keep it so; pandoc 3.9
                # reads it in sentence case, as CSL stores titles.
                "title": "Soviet fires earth satellite into space",
                "container-title": "New York Times",
                "issued": {"date-parts": [[1957, 10]]},
                "page": "1-2",
            },
            {
                "id": "weizsacker1997",
                "type": "book",
                # biblatex's default useprefix=false: "Weizsäcker, Richard von" (pandoc 3.9 reads it so).
                "author": [{"family": "Weizsäcker", "given": "Richard", "dropping-particle": "von"}],
                "title": "Vier Zeiten: <i>Erinnerungen</i>",
                "publisher": "Siedler",
                "publisher-place": "Berlin",
                "issued": {"date-parts": [[1997]]},
                "language": "de-DE",  # babel's "german" as the CSL locale (pandoc 3.9: de-DE)
            },
            {
                "id": "gomulka1956",
                "type": "document",
                "author": [{"family": "Gomułka", "given": "Władysław"}, {"literal": "Komitet Centralny PZPR"}],
                "title": "List do Chruszczowa – “tajne”",
                "issued": {"date-parts": [[1956]]},
                "archive": "Archiwum Akt Nowych",
            },
        ],
    ),
    (
        "foreign.ris",
        [
            {
                "id": "kramer1998soviet",
                "type": "article-journal",
                "title": "The Soviet Union and the 1956 Crises",
                "author": [{"family": "Kramer", "given": "Mark"}],
                "container-title": "Journal of Contemporary History",
                "issued": {"date-parts": [[1998, 4]]},
                "volume": "33",
                "issue": "2",
                "page": "163-214",
                "DOI": "10.1177/002200949803300201",
                "keyword": "Hungary, Poland",
            }
        ],
    ),
]


@pytest.mark.parametrize(("source", "expected"), FOREIGN)
def test_files_other_tools_write_read_as_records(source: str, expected: list[dict[str, object]]) -> None:
    loaded = load_sources([str(DATA / source)])
    assert [str(w) for w in loaded.warnings] == []
    assert [r.fields for r in loaded.records] == expected
