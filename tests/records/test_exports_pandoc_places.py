"""pandoc 3 reads each fact of the reference corpus's exports where the mapping tables put it.

Each field of each record is a fact (see ``pandoc_readback``). A fact pandoc does not read into
its place is allowed only where pandoc's own reader has no place for it; every such loss is named
below with the line of pandoc's reader that causes it, and an entry no longer lost must go.
"""

from __future__ import annotations

import json

import pytest

from archcite.records.io import dump_records
from archcite.records.mapping import ARCHIVAL_VARIABLES
from tests.records.exports_helpers import corpus_records
from tests.records.pandoc_readback import (
    PANDOC_READERS,
    facts,
    pandoc_items,
    plain,
    ris_place,
    survey,
)

pytest.importorskip("pypandoc", reason="pypandoc_binary is a test dependency")

_BIB_LOSSES = {
    "language": "BibTeX.hs reads the language from `langid` (a babel name), not `language`",
    "issued": "pandoc reads the EDTF season 1993-23 as month 23",
}
_RIS_LOSSES = dict.fromkeys(
    ("archive", "archive-place", "archive_collection", "archive_location", "event-place", "medium"),
    "RIS.hs reads no archive tag (DB, AN, CN) and no M2 line",
) | {
    "issued": "RIS.hs reads PY, a year, and not DA",
    "accessed": "RIS.hs does not read Y2",
    "original-date": "RIS.hs reads no M2 line",
    "genre": "RIS.hs does not read M3",
    "translator": "RIS.hs does not read A4",
    "compiler": "RIS.hs reads no M2 line; pandoc's citeproc has no `compiler` either",
    "collection-title": "RIS.hs does not read T3",
    "number": "RIS.hs does not read M1",
    "publisher-place": "RIS.hs reads PP, Zotero and EndNote CY (the RIS specification's tag)",
    "page": "a manuscript's pages are an M2 line (RIS.js reads SP of a manuscript as its number of pages)",
    "recipient": "RIS.hs reads A2 as editor; a memorandum's recipient is an M2 line",
    "interviewer": "RIS.hs reads no M2 line (A2 would be an editor to pandoc, nothing to Zotero's manuscript)",
    "author": "RIS.hs reads 'Last, First, Suffix' as BibTeX's 'Last, Jr, First', and drops particles",
    "type": "RIS.hs reads SLIDE as graphic, ELEC as misc, and no M2 `type:` line (a document, an interview)",
}
KNOWN_LOSSES: dict[str, dict[str, str]] = {
    "bibtex": _BIB_LOSSES,
    "biblatex": _BIB_LOSSES
    | {
        "title": "BibTeX.hs appends a web page's site (titleaddon) to its title",
        "type": "getTypeAndGenre reads @misc as no type at all (an archival document)",
    },
    "ris": _RIS_LOSSES,
    "csljson": {"compiler": "pandoc's citeproc drops CSL 1.0.2's `compiler`"},
    "cslyaml": {"compiler": "pandoc's citeproc drops CSL 1.0.2's `compiler`"},
}


@pytest.mark.parametrize("fmt", sorted(PANDOC_READERS))
def test_pandoc_reads_every_fact_in_its_place_but_the_named_losses(fmt: str) -> None:
    records = corpus_records()
    kept, missed = survey(records, fmt, dump_records(records, fmt).text)
    lost_fields = {field for _, field in missed}
    assert lost_fields - set(KNOWN_LOSSES[fmt]) == set(), [m for m in missed if m[1] not in KNOWN_LOSSES[fmt]]
    assert set(KNOWN_LOSSES[fmt]) - lost_fields == set(), "no longer lost: take it out of KNOWN_LOSSES"
    assert kept + len(missed) == len(facts(records))


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex", "csljson", "cslyaml"])
def test_pandoc_reads_every_archival_fact_in_its_place(fmt: str) -> None:
    records = corpus_records()
    _, missed = survey(records, fmt, dump_records(records, fmt).text)
    assert [m for m in missed if m[1] in ARCHIVAL_VARIABLES] == []


def test_pandoc_reads_each_archival_fact_of_ris_where_the_mapping_table_says() -> None:
    """The mapping table's column "pandoc's reading of the RIS" (``ris.PANDOC_TAGS``) holds for
    every archival fact of the corpus. RIS.hs reads no tag that means an archive, so the table
    says "not read" for each: pandoc's reading holds none of them, in no variable at all (were
    pandoc to read one, the table would be wrong and this test says so)."""
    records = corpus_records()
    items = pandoc_items(dump_records(records, "ris").text, "ris")
    archival = [(record, name) for record, name in facts(records) if name in ARCHIVAL_VARIABLES]
    assert len(archival) == 72
    assert [(record.id, name) for record, name in archival if ris_place(record, name) is not None] == []
    checked = 0
    for record, name in archival:
        value = record.fields[name]
        text = plain(value if isinstance(value, str) else json.dumps(value))
        elsewhere = plain(json.dumps({k: v for k, v in record.fields.items() if k != name}, ensure_ascii=False))
        if text not in elsewhere:  # a value the record holds only here: pandoc shows it nowhere
            assert text not in plain(json.dumps(items[record.id], ensure_ascii=False)), (record.id, name)
            checked += 1
    assert checked >= 60, checked


def test_a_note_line_is_a_line_of_pandocs_note_and_a_csl_variable_of_its_csl_json() -> None:
    from archcite.records.model import Record
    from tests.records.pandoc_readback import pandoc_items

    record = Record(
        {
            "id": "memo",
            "type": "document",
            "title": "Memorandum",
            "archive": "JFK Library",
            "archive-place": "Boston",
            "digital-archive": "Digital Archive",
            "note": "Free text",
        }
    )
    for fmt in ("bibtex", "biblatex"):
        note = pandoc_items(dump_records([record], fmt).text, fmt)["memo"]["note"]
        # BibTeX's @unpublished reads as a manuscript: a line names the type (biblatex's @misc, none).
        assert note.split("\n") == [
            *(["type: document"] if fmt == "bibtex" else []),
            "archive: JFK Library",
            "archive-place: Boston",
            "digital-archive: Digital Archive",
            "Free text",
        ]
    item = pandoc_items(dump_records([record], "csljson").text, "csljson")["memo"]
    # citeproc takes the leading ``name: value`` lines of a CSL note as variables.
    assert (item["archive"], item["digital-archive"], item["note"]) == ("JFK Library", "Digital Archive", "Free text")
