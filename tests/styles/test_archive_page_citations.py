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
from archcite.records.validate import build_records, check_item
from archcite.styles.archival import render_one
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


def test_frus_memorandum_of_conversation_is_a_described_document_in_the_volume() -> None:
    # CMOS 14.111 as the CMOS Q&A applies it to FRUS (the note above): the document, its date,
    # "in" the volume, the document number, the URL. A memorandum of conversation names no
    # sender and recipient, so its heading (the editors' description, CMOS 18 ch. 14: generic
    # descriptions unquoted, sentence style) stands in their place; the saved page has no date
    # line ("n.d."). Its number is the volume's "doc. 290", not
    # "Memorandum of Conversation no. 290".
    fields = imported("frus/010.txt", "frus")
    address = "https://history.state.gov/historicaldocuments/frus1969-76v14/d290"
    assert to_plain(cite(fields, "chicago")[0] or "") == (
        f"Memorandum of conversation, n.d., in Foreign Relations of the United States, 1969–1976, vol. 14, "
        f"doc. 290, {address}."
    )
    # MLA 9: the description as the title, the volume as the container, its number as the location.
    assert to_plain(cite(fields, "mla")[1] or "") == (
        f"Memorandum of conversation. Foreign Relations of the United States, 1969–1976, vol. 14, doc. 290, {address}."
    )


def test_frus_document_is_cited_from_the_volume_not_from_its_originals_file() -> None:
    # CMOS 14.111: a document in a published collection is cited by its correspondents, date and
    # "the information for the collection"; the source footnote ("National Archives, RG 59,
    # Central Files 1970–73, POL US–USSR") says where the editors found the original and stays
    # in the record (archive, archive_collection, archive_location) without being cited.
    fields = imported("frus/005.txt", "frus")
    address = "https://history.state.gov/historicaldocuments/frus1969-76v02/d168"
    assert fields["archive_collection"] == "RG 59, Central Files 1970–73"
    assert to_plain(cite(fields, "chicago")[0] or "") == (
        "President’s Assistant for National Security Affairs (Kissinger) to Secretary of State Rogers, memorandum, "
        f"n.d., in Foreign Relations of the United States, 1969–1976, vol. 2, doc. 168, {address}."
    )
    # MLA 9 (docs/house-rules.md, documentary edition): author, description, container, location.
    assert to_plain(cite(fields, "mla")[1] or "") == (
        "President’s Assistant for National Security Affairs (Kissinger). Memorandum to Secretary of State Rogers. "
        f"Foreign Relations of the United States, 1969–1976, vol. 2, doc. 168, {address}."
    )


def test_frus_bibliography_keeps_the_document_number_in_the_sentence_naming_the_volume() -> None:
    # CMOS bibliography entries for a part of an edited book put its locator in the "In ..."
    # sentence ("In Machiavelli: The Chief Works and Others, translated and edited by Allan
    # Gilbert, 2:927–31."), so a document number never opens a sentence as "doc. 262.".
    page = ARCHIVE_PAGES / "frus/001.txt"
    reader = get_format("frus")
    assert reader.load is not None
    without_address = {"id": "cited", **reader.load(page.read_text(encoding="utf-8"), str(page)).items[0][0]}
    assert to_plain(cite(without_address, "chicago")[1] or "") == (
        "Department of State. Telegram to Embassy in Iran, n.d. In Foreign Relations of the United States, doc. 262."
    )
    fields = imported("frus/001.txt", "frus")
    assert to_plain(cite(fields, "chicago")[1] or "") == (
        "Department of State. Telegram to Embassy in Iran, n.d. In Foreign Relations of the United States, "
        "1964–1968. Vol. 22, doc. 262. https://history.state.gov/historicaldocuments/frus1964-68v22/d262."
    )


# The volume that Founders Online's own "Cite this" line names for the Jefferson Papers documents
# 01-28-02-*: "[Original source: The Papers of Thomas Jefferson, vol. 28, 1 January 1794 – 29
# February 1796, ed. John Catanzariti. Princeton: Princeton University Press, 2000, ...]" (as
# quoted for document 01-28-02-0473). The saved page of 01-28-02-0405 was cut before it, so a
# user adds these facts, the letter's own date moving to original-date (CMOS 14.111 gives both).
PAPERS_OF_JEFFERSON_28 = {
    "original-date": {"date-parts": [[1795, 11, 8]]},
    "issued": {"date-parts": [[2000]]},
    "volume": "28",
    "volume-title": "1 January 1794 – 29 February 1796",
    "editor": [{"family": "Catanzariti", "given": "John"}],
    "publisher": "Princeton University Press",
    "publisher-place": "Princeton",
}


def test_founders_online_letter_is_cited_as_a_letter_in_its_documentary_edition() -> None:
    # Founders Online prints the papers projects' editions. CMOS 14.111 (the FRUS Q&A's pattern):
    # sender to recipient, the place written "if relevant" (the dateline's "Fredg."), the date,
    # "in" the edition with its volume, editor and publication, then where it was read (the
    # database and its URL, CMOS 14.6). Not the original's repository: the source note ("RC (DLC:
    # Madison Papers)") is the editors' and stays in the record.
    fields = imported("founders-online/005.txt", "founders-online", **PAPERS_OF_JEFFERSON_28)
    address = "https://founders.archives.gov/documents/Jefferson/01-28-02-0405"
    assert to_plain(cite(fields, "chicago")[0] or "") == (
        "James Madison to Thomas Jefferson, Fredg., November 8, 1795, in The Papers of Thomas Jefferson, vol. 28, "
        "1 January 1794 – 29 February 1796, ed. John Catanzariti (Princeton: Princeton University Press, 2000), "
        f"Founders Online, National Archives, {address}."
    )
    # MLA 9: author; description; date; the edition as first container (editor, volume,
    # publisher with "UP" for "University Press", year); Founders Online as the second
    # container with its URL; the kind of copy as a supplemental element.
    assert to_plain(cite(fields, "mla")[1] or "") == (
        "Madison, James. Letter to Thomas Jefferson. 8 Nov. 1795. The Papers of Thomas Jefferson, edited by John "
        "Catanzariti, vol. 28, 1 January 1794 – 29 February 1796, Princeton UP, 2000. Founders Online, National "
        f"Archives, {address}. Recipient’s copy."
    )


def test_founders_online_page_alone_cites_the_edition_it_names() -> None:
    # What the saved page states: the papers (→ the edition), the parties, the dateline, the date.
    fields = imported("founders-online/001.txt", "founders-online")
    address = "https://founders.archives.gov/documents/Washington/03-15-02-0150"
    assert cite(fields, "chicago")[0] == (
        "George Washington to Major General Horatio Gates, Head Quarters Valley Forge, May 18, 1778, in <i>The "
        "Papers of George Washington</i>, Founders Online, National Archives, " + address + "."
    )


def test_crest_document_mla_entry_locates_it_in_the_reading_room() -> None:
    # MLA 9: the title as printed, the date, the reading room as the (second) container with its
    # publisher and the document's number and URL as its location: the template has no element
    # for an identifier standing alone.
    fields = imported("cia-crest/001.txt", "cia-crest")
    assert to_plain(cite(fields, "mla")[1] or "") == (
        "“SYSTEMATIC CLASSIFICATION REVIEW AT NARS AND WNRC.” 28 Aug. 1980. CIA FOIA Electronic Reading Room, "
        "Central Intelligence Agency, CIA-RDP93B01194R001000180001-1, "
        "https://cia.gov/readingroom/document/cia-rdp93b01194r001000180001-1."
    )


def test_national_security_archive_briefing_book_as_web_content() -> None:
    # No published citation of a briefing book was found; CMOS 18 ch. 14, website content (the
    # manual's "Privacy Policy" example: “Title of page,” Website, Owner, date, URL; the owner
    # named once when it is the website) gives the note, and its bibliography entry starts with
    # the owner ("Google. “Privacy Policy.” ..."). MLA 9 (a work on a website): title,
    # publisher, date, URL; the series as an optional element.
    fields = imported("nsarchive/001.txt", "nsarchive")
    address = "https://nsarchive2.gwu.edu/NSAEBB/NSAEBB16/index.html"
    title = "China and the United States: From Hostility to Engagement, 1960-1998"
    note, bibliography = cite(fields, "chicago")
    assert to_plain(note or "") == f"“{title},” National Security Archive, June 1, 1999, {address}."
    assert to_plain(bibliography or "") == f"National Security Archive. “{title}.” June 1, 1999. {address}."
    assert to_plain(cite(fields, "mla")[1] or "") == (
        f"{title}. National Security Archive, 1 June 1999, {address}. National Security Archive Electronic Briefing "
        "Book 16."
    )


def test_mla_in_text_citation_of_an_untitled_unsigned_document_names_where_it_is() -> None:
    # MLA 9 (in-text citations): the citation gives the first element of the works-cited entry.
    # The CIA print view shows neither title nor author, so the entry starts with the reading
    # room, and so does the citation: never an empty "()".
    fields = imported("cia-crest/004.txt", "cia-crest")
    assert "title" not in fields
    assert "author" not in fields
    citation, entry = cite(fields, "mla")
    assert citation == "(<i>CIA FOIA Electronic Reading Room</i>)"
    assert to_plain(entry or "").startswith("CIA FOIA Electronic Reading Room, Central Intelligence Agency, ")


def test_frus_short_note_names_an_office_holder_by_surname() -> None:
    # CMOS 18 ch. 14 short notes give correspondents by surname ("Creel to House" for "George
    # Creel to Colonel House"); FRUS names a person by office with the surname in parentheses, or
    # by office before the name ("Secretary of State Rogers"), so the short note keeps the surname
    # and an office without a holder whole. In-text citations (MLA) keep the name the entry sorts by.
    fields = imported("frus/005.txt", "frus")
    assert (cite(fields, "chicago")[0] or "").startswith(
        "President’s Assistant for National Security Affairs (Kissinger) to "
    )
    assert to_plain(render_short(fields)) == "Kissinger to Rogers, n.d."
    weddell = imported("frus/003.txt", "frus")
    assert to_plain(render_short(weddell)) == "Secretary of State to Weddell, n.d."
    assert cite(fields, "mla")[0] == "(President’s Assistant for National Security Affairs (Kissinger))"


def render_short(fields: dict[str, Any]) -> str:
    checked, _ = check_item(fields, None)
    return render_one(checked, "chicago-notes-bibliography").cite_sub


def test_documents_of_an_edition_are_published_sources_listed_once_as_the_edition() -> None:
    # CMOS 14.111: a document in a published collection is a published source, and "in a
    # bibliography, the collection rather than the individual item is usually listed": with
    # --collection-level the FRUS documents of one volume are one entry, the volume; a letter in
    # a manuscript collection stays an archival source under its repository.
    from archcite.styles.archival.bibliography import entries, sections

    pages = [("frus/001.txt", "frus"), ("frus/012.txt", "frus"), ("gilder-lehrman/001.txt", "gilder-lehrman")]
    volume_21 = {
        "container-title": "Foreign Relations of the United States, 1969–1976",
        "volume": "21",
        "volume-title": "Chile, 1969–1973",
    }
    fields = [
        {**imported(name, reader), "id": name, **(volume_21 if name == "frus/012.txt" else {})}
        for name, reader in pages
    ]
    records, _ = build_records([(f, None) for f in fields])
    rendered = archcite.render(records, "chicago-notes-bibliography")
    listed = sections(entries(records, rendered, "chicago-notes-bibliography", collection_level=True))
    assert [(s.title, [g.heading for g in s.groups]) for s in listed] == [
        ("Archival sources", ["Gilder Lehrman Institute of American History"]),
        ("Published sources", [None]),
    ]
    assert [to_plain(e.text) for e in listed[1].groups[0].entries] == [
        "Foreign Relations of the United States, 1964–1968. Vol. 22.",
        "Foreign Relations of the United States, 1969–1976. Vol. 21, Chile, 1969–1973.",
    ]


def test_short_note_of_a_numbered_series_gives_its_name_not_its_level() -> None:
    # CMOS 18 ch. 14, shortened notes: a short title keeps the key words that identify the work.
    # "Sub-Series 1" (the level and its number, the record's genre) identifies nothing once a
    # second series is cited, so the short note gives the name after it.
    fields = imported("archivesspace/002.txt", "archivesspace")
    assert fields["genre"] == "Sub-Series"
    assert render_short(fields) == "Administrative Correspondence."
    assert render_short({**fields, "title": "Correspondence: Outgoing"}) == "Correspondence."


def test_founders_online_short_note_names_a_ranked_recipient_by_surname() -> None:
    # CMOS 18 ch. 14: "George Creel to Colonel House" shortens to "Creel to House".
    fields = imported("founders-online/001.txt", "founders-online")
    assert fields["recipient"] == [{"literal": "Major General Horatio Gates"}]
    assert render_short(fields) == "Washington to Gates, May 18, 1778."
