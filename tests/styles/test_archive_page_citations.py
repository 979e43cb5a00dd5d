"""Golden citations of records imported from the other archives' pages, one per kind of record.

Each expected string is either a published example (the FRUS note is the Chicago Manual of Style
Q&A's own, https://www.chicagomanualofstyle.org/qanda/data/faq/topics/Documentation/faq0443.html)
or written by hand from the page's facts by the rule named beside it, as in
test_archival_golden.py: CMOS 18 ch. 14 "Manuscript collections" (letters "Sender to Recipient,
date"; devised titles unquoted; order specific to general: item, date, identifier, collection,
repository, place; the URL last) and the MLA 9 Style Center guide to archival materials
(author, description, date; collection, repository, identifier; supplemental elements last).
The records are imported from shared/archive-pages with the page address SOURCES.md gives, as a
fetch of that address would read them.
"""

from __future__ import annotations

from typing import Any

import archcite
from archcite.records.registry import get_format
from archcite.records.validate import build_records
from archcite.styles.markup import to_plain
from tests.archive_server import ARCHIVE_PAGES, archive_page_addresses

ADDRESSES = archive_page_addresses()


def imported(name: str, format_name: str, **added: Any) -> dict[str, Any]:
    """The record a page imports to when read from its address, with facts a user adds."""
    reader = get_format(format_name)
    assert reader.load is not None
    text = (ARCHIVE_PAGES / name).read_text(encoding="utf-8")
    fields: dict[str, Any] = reader.load(text, ADDRESSES[name]).items[0][0]
    return {"id": "cited", **fields, **added}


def cite(fields: dict[str, Any], style: str) -> tuple[str, str | None]:
    records, _ = build_records([(fields, None)])
    rendered = archcite.render(records, style)[0]
    return rendered.cite, rendered.bib


def test_gilder_lehrman_letter_chicago_note_and_mla_entry() -> None:
    # A letter in a manuscript collection: sender to recipient, date, GLC number, collection,
    # repository; the Type ("Manuscript letter signed") is MLA's optional supplemental element.
    fields = imported("gilder-lehrman/001.txt", "gilder-lehrman")
    assert cite(fields, "chicago")[0] == (
        "George Washington to Anthony Walton White, August 1, 1777, GLC04859, Gilder Lehrman Collection, "
        "Gilder Lehrman Institute of American History, https://gilderlehrman.org/collection/glc04859."
    )
    assert cite(fields, "mla")[1] == (
        "Washington, George. Letter to Anthony Walton White. 1 Aug. 1777. Gilder Lehrman Collection, Gilder "
        "Lehrman Institute of American History, GLC04859, https://gilderlehrman.org/collection/glc04859. "
        "Manuscript letter signed."
    )


def test_archivesspace_file_chicago_note_and_mla_entry() -> None:
    # A file in an ArchivesSpace repository: its devised title unquoted, its dates, its reference
    # code, the repository and place. The saved page was cut before its repository details; the
    # code's prefix GBR/0014 is the Churchill Archives Centre's, added as a user would.
    fields = imported(
        "archivesspace/007.txt", "archivesspace", archive="Churchill Archives Centre", **{"archive-place": "Cambridge"}
    )
    address = "https://archivesearch.lib.cam.ac.uk/repositories/9/archival_objects/1426285"
    assert cite(fields, "chicago")[0] == (
        "Public and Political: General: Political: Correspondence D - G., September 29, 1951–October 19, 1957, "
        f"GBR/0014/CHUR 2/128A-B, Churchill Archives Centre, Cambridge, {address}."
    )
    assert cite(fields, "mla")[1] == (
        "Public and Political: General: Political: Correspondence D - G. 29 Sept. 1951–19 Oct. 1957. Churchill "
        f"Archives Centre, Cambridge, GBR/0014/CHUR 2/128A-B, {address}."
    )


def test_crest_document_chicago_note_as_a_government_document_in_an_online_database() -> None:
    # The document's own title (quoted, as printed), its date, its CREST number, the database and
    # the agency that publishes it, the URL.
    fields = imported("cia-crest/001.txt", "cia-crest")
    assert cite(fields, "chicago")[0] == (
        "“SYSTEMATIC CLASSIFICATION REVIEW AT NARS AND WNRC,” August 28, 1980, CIA-RDP93B01194R001000180001-1, "
        "CIA FOIA Electronic Reading Room, Central Intelligence Agency, "
        "https://cia.gov/readingroom/document/cia-rdp93b01194r001000180001-1."
    )


def test_frus_document_chicago_note_cites_the_published_volume() -> None:
    # The FRUS page of doc. 190 in the same volume as frus/012 (frus1969-76v21), as the importer
    # reads a heading "190. Memorandum From ... (Kissinger) to President Nixon" and its address,
    # with the names, date line and title-page facts the CMOS answer uses.
    fields = imported("frus/012.txt", "frus")
    for variable in ("archive", "archive_collection", "archive_location", "note", "author", "recipient"):
        fields.pop(variable, None)
    fields.update(
        {
            "genre": "Memorandum",
            "type": "document",
            "number": "190",
            "author": [{"family": "Kissinger", "given": "Henry"}],
            "recipient": [{"family": "Nixon", "given": "Richard"}],
            "event-place": "Washington",
            # The document's own date, and the volume's year (CMOS 14.111 gives both).
            "original-date": {"date-parts": [[1970, 12, 18]]},
            "issued": {"date-parts": [[2014]]},
            "collection-editor": [{"family": "Howard", "given": "Adam"}],
            "volume-title": "Chile, 1969–1973",
            "editor": [{"family": "McElveen", "given": "James"}, {"family": "Siekmeier", "given": "James"}],
            "publisher": "Government Printing Office",
            "publisher-place": "Washington, DC",
            "URL": "https://history.state.gov/historicaldocuments/frus1969-76v21/d190",
        }
    )
    assert to_plain(cite(fields, "chicago")[0] or "") == (
        "Henry Kissinger to Richard Nixon, memorandum, Washington, December 18, 1970, in Foreign Relations of the "
        "United States, 1969–1976, ed. Adam Howard, vol. 21, Chile, 1969–1973, ed. James McElveen and James "
        "Siekmeier (Washington, DC: Government Printing Office, 2014), doc. 190, "
        "https://history.state.gov/historicaldocuments/frus1969-76v21/d190."
    )
