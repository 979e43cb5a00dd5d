"""Every saved page of shared/archive-pages imports to the record a reader writes down from it
(tests/records/archive_pages_expected.py), warns when it was cut, and is told from other text."""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any

import pytest

from archcite.errors import InputError
from archcite.records import fetch, registry
from archcite.records.io import load_sources
from tests.archive_server import ARCHIVE_PAGES, LocalArchive, archive_page_addresses, local_archive
from tests.records.archive_pages_expected import EXPECTED, FROM_ADDRESS

ADDRESSES = archive_page_addresses()
FORMAT_OF_FOLDER = {
    "frus": "frus",
    "cia-crest": "cia-crest",
    "archivesspace": "archivesspace",
    "founders-online": "founders-online",
    "gilder-lehrman": "gilder-lehrman",
    "nsarchive": "nsarchive",
}
CUT = "the page seems cut short"


def expected(name: str) -> dict[str, Any]:
    record = dict(EXPECTED[name])
    if name == "archivesspace/007.txt":
        # The page was cut inside its scope note: the record keeps what there is of it.
        text = (ARCHIVE_PAGES / name).read_text(encoding="utf-8")
        record["abstract"] = next(line for line in text.splitlines() if line.startswith("Correspondents include:"))
        record = {
            k: record[k] for k in ("type", "title", "title-is-description", "issued", "abstract", "archive_location")
        }
    return record


def imported(source: str) -> tuple[dict[str, Any], list[str]]:
    result = load_sources([source])
    assert len(result.records) == 1
    fields = dict(result.records[0].fields)
    fields.pop("id")
    return fields, [w.message for w in result.warnings]


def test_every_saved_page_has_an_expected_record() -> None:
    assert sorted(EXPECTED) == sorted(ADDRESSES)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_imports_to_its_expected_record(name: str) -> None:
    fields, _ = imported(str(ARCHIVE_PAGES / name))
    assert fields == expected(name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_cut_page_warns_and_a_whole_one_does_not(name: str) -> None:
    cut = "cut there" in next(
        line
        for line in (ARCHIVE_PAGES / "SOURCES.md").read_text(encoding="utf-8").split(f"- `{name}`")[1].splitlines()
        if "- text:" in line
    )
    _, warnings = imported(str(ARCHIVE_PAGES / name))
    assert any(message.startswith(CUT) for message in warnings) == cut


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_is_recognised_as_its_archives_format(name: str) -> None:
    text = (ARCHIVE_PAGES / name).read_text(encoding="utf-8")
    found = registry.sniff(text)
    assert found is not None
    assert found.name == FORMAT_OF_FOLDER[name.split("/")[0]]


@pytest.fixture(scope="module")
def server() -> Iterator[LocalArchive]:
    with local_archive() as archive:
        yield archive


@pytest.fixture
def archive(server: LocalArchive, monkeypatch: pytest.MonkeyPatch) -> LocalArchive:
    monkeypatch.setattr(fetch, "ARCHIVE_HOSTS", frozenset({"127.0.0.1"}))
    return server


@pytest.mark.parametrize("name", sorted(FROM_ADDRESS))
def test_a_fetched_page_adds_what_its_address_states(name: str, archive: LocalArchive) -> None:
    address = ADDRESSES[name]
    path = address.split("/", 3)[3]
    url = f"{archive.base}/{path}"
    fields, _ = imported(url)
    assert fields == {**expected(name), **FROM_ADDRESS[name], "URL": url}


# Layouts seen on other pages of the same archives, cut down to the lines that matter.
VARIANTS: list[tuple[str, str, dict[str, Any]]] = [
    (
        "founders-online",
        "From George Washington to Major General Horatio Gates, 23–26 February 1778\n\nTo Major General Horatio "
        "Gates\n\nHead Quarters Valley Forge Feby 23d[–26] 1778\n\nI am honored.\n\nDf, in Alexander Hamilton’s "
        "writing, DLC:GW; Varick transcript, DLC:GW.\n",
        {
            "issued": {"date-parts": [[1778, 2, 23], [1778, 2, 26]]},
            "medium": "draft",
            "archive": "Library of Congress",
            "archive_collection": "George Washington Papers",
        },
    ),
    (
        "founders-online",
        "From George Washington to Major General Horatio Gates, 14 July 1778\nTo Major General Horatio Gates\n"
        "Head Quarters Paramus [N.J.] July 14th 1778\nSir,\nI am just favord.\nGo: Washington\n"
        "LS, in Richard Kidder Meade’s writing, NHi: Gates Papers; Df, DLC:GW.\n",
        {"event-place": "Head Quarters Paramus [N.J.]", "archive": "New-York Historical Society"},
    ),
    (
        "frus",
        "Defense Files: Telegram\n\nThe Secretary of State to the Acting Secretary of State (Grew)\n\nArgonaut 12. "
        "Reference your message No. 11 of February 3.1\n\n  1. Ante, pp. 949950.\n",
        {
            "genre": "Telegram",
            "author": [{"literal": "Secretary of State"}],
            "recipient": [{"literal": "Acting Secretary of State (Grew)"}],
            "archive_collection": "Defense Files",
        },
    ),
    (
        "frus",
        "File No. 763.72119/987\n\nThe Secretary of State to the Ambassador in Russia ( Francis)\n\n1891. Your "
        "2061, December 8, 9 p.m.,1 has been transmitted.\n\n  1. Ante, p. 284.\n",
        {
            "type": "document",
            "recipient": [{"literal": "Ambassador in Russia (Francis)"}],
            "archive_location": "763.72119/987",
        },
    ),
    (
        "frus",
        "77. Telegram From the Embassy in Poland to the Department of State1\n\nWarsaw, October 21, 1956, 3 p.m.\n\n"
        "612. Text.\n\n  1. Source: Eisenhower Library, Whitman File, International Series, Box 12, Folder 3. "
        "Secret; Niact.\n",
        {
            "issued": {"date-parts": [[1956, 10, 21]]},
            "event-place": "Warsaw",
            "archive": "Eisenhower Library",
            "archive_collection": "Whitman File, International Series",
            "archive_location": "Box 12, Folder 3",
            "note": "Secret; Niact.",
        },
    ),
    (
        "gilder-lehrman",
        "Our Collection\n\n[Photograph of a building]\n\nOrder a pdf of this item here.\n\n"
        "Gilder Lehrman Collection #: GLC10047.02.071 "
        "Author/Creator: Place Written: s.l. Type: Photograph Date: circa 1940 Pagination: 1 photograph Order a "
        "Copy\n\nOne photograph.\n\nCitation Guidelines for Online Resources",
        {"type": "graphic", "issued": {"date-parts": [[1940]], "circa": True}, "archive_location": "GLC10047.02.071"},
    ),
    (
        "gilder-lehrman",
        "Proclamation to the people of Louisiana\n\nGilder Lehrman Collection #: GLC00001 Author/Creator: Place "
        "Written: s.l. Type: Broadside Date: 2 May 1862 Pagination: 1 p. ; 23.2 x 16.9 cm Order a Copy\n\nText.\n\n"
        "Citation Guidelines for Online Resources",
        {"type": "document", "title": "Proclamation to the people of Louisiana", "dimensions": "23.2 x 16.9 cm"},
    ),
]


VARIANTS.append(
    (
        # A print view whose empty number label is followed by OCR text: no number is made up.
        "cia-crest",
        "Document Number (FOIA) /ESDN (CREST):\n. _Approved For ReIeaW 2000& JI N -1.83-00764&00300090019-1\n"
        "SUBJECT: Details to be included\n",
        {"archive_location": None, "digital-archive-id": None, "digital-archive": "CIA FOIA Electronic Reading Room"},
    )
)


@pytest.mark.parametrize(("format_name", "text", "facts"), VARIANTS)
def test_other_layouts_of_the_same_archives(format_name: str, text: str, facts: dict[str, Any]) -> None:
    found = registry.sniff(text)
    assert found is not None
    assert found.name == format_name
    assert found.load is not None
    fields = found.load(text, "page.txt").items[0][0]
    assert {name: fields.get(name) for name in facts} == facts
    assert "recipient" not in fields or format_name != "gilder-lehrman" or "to the people" not in text


FOUNDERS_CITED = (
    "George Washington Papers\n\nFrom George Washington to Major General Horatio Gates, 18 May 1778\n\n"
    "To Major General Horatio Gates\n\nHead Quarters Valley Forge 18 May 1778.\n\nsir,\n\nText.\n\n"
    "LS, in James McHenry’s writing, NHi: Gates Papers; Df, DLC:GW.\n\nCite as\n\n"
    "“From George Washington to Major General Horatio Gates, 18 May 1778,” Founders Online, National Archives, "
    "https://founders.archives.gov/documents/Washington/03-15-02-0150.\n\nIndex Entries"
)


def founders_fields(text: str) -> dict[str, Any]:
    reader = registry.get_format("founders-online")
    assert reader.load is not None
    fields: dict[str, Any] = reader.load(text, "page.txt").items[0][0]
    return fields


def test_the_archives_own_citation_line_is_kept_and_gives_the_address() -> None:
    fields = founders_fields(FOUNDERS_CITED)
    assert fields["archive-citation"] == (
        "“From George Washington to Major General Horatio Gates, 18 May 1778,” Founders Online, National Archives, "
        "https://founders.archives.gov/documents/Washington/03-15-02-0150."
    )
    assert fields["URL"] == "https://founders.archives.gov/documents/Washington/03-15-02-0150"
    assert fields["digital-archive-id"] == "Washington/03-15-02-0150"


def test_check_compares_the_archives_citation_line_fact_by_fact() -> None:
    from archcite.styles.archival.check import citation_diff

    fields = founders_fields(FOUNDERS_CITED)
    rows = {row.field: (row.archive, row.status) for row in citation_diff({"id": "gw", **fields})}
    assert rows["digital-archive"] == ("Founders Online", "same")
    assert rows["digital-archive-publisher"] == ("National Archives", "same")
    assert rows["URL"] == ("https://founders.archives.gov/documents/Washington/03-15-02-0150", "same")
    assert not [row for row in rows.values() if row[1] == "only in archive line"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_page_cut_anywhere_imports_or_is_refused_never_crashes(name: str) -> None:
    text = (ARCHIVE_PAGES / name).read_text(encoding="utf-8")
    reader = registry.get_format(FORMAT_OF_FOLDER[name.split("/")[0]])
    assert reader.load is not None
    for end in range(0, len(text), 53):
        try:
            parsed = reader.load(text[:end], "page.txt")
        except InputError:
            continue
        assert len(parsed.items) == 1


@pytest.mark.parametrize("name", ["frus/001.txt", "gilder-lehrman/001.txt", "cia-crest/003.txt"])
def test_a_page_saved_as_html_imports_like_its_text(name: str) -> None:
    text = (ARCHIVE_PAGES / name).read_text(encoding="utf-8")
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.splitlines())
    page = f"<!DOCTYPE html>\n<html><head><title>t</title></head><body>\n{body}</body></html>\n"
    found = registry.sniff(page)
    assert found is not None
    assert found.name == FORMAT_OF_FOLDER[name.split("/")[0]]
    assert found.load is not None
    fields = found.load(page, "page.html").items[0][0]
    assert fields == expected(name)


@pytest.mark.parametrize(
    ("address", "format_name"),
    [
        ("https://history.state.gov./historicaldocuments/frus1964-68v22/d262", "frus"),
        ("https://www.cia.gov/readingroom/document/cia-rdp85b00236r000200010002-0", "cia-crest"),
        ("https://founders.archives.gov/documents/Washington/03-15-02-0150", "founders-online"),
        ("https://www.gilderlehrman.org/collection/glc04859", "gilder-lehrman"),
        ("https://archives.lib.umd.edu/repositories/4/archival_objects/95755", "archivesspace"),
        ("https://nsarchive2.gwu.edu/NSAEBB/NSAEBB16/index.html", "nsarchive"),
        ("https://digitalarchive.wilsoncenter.org/document/113390", "wilson-html"),
    ],
)
def test_a_fetched_html_page_is_read_by_the_importer_of_its_host(address: str, format_name: str) -> None:
    page = fetch.Fetched(address, "<html><body><p>a page</p></body></html>", "text/html; charset=utf-8")
    assert fetch._page_format(page, None).name == format_name


def test_founders_online_early_access_document_names_no_edition() -> None:
    # Early-access documents (ids "99-...") are the papers projects' transcriptions, not yet in
    # the printed edition, so the record names none; a published one names its edition.
    reader = registry.get_format("founders-online")
    assert reader.load is not None
    text = (ARCHIVE_PAGES / "founders-online/002.txt").read_text(encoding="utf-8")
    early = reader.load(text, "https://founders.archives.gov/documents/Jefferson/99-01-02-0125").items[0][0]
    assert "container-title" not in early
    published = reader.load(text, "https://founders.archives.gov/documents/Jefferson/01-11-02-0125").items[0][0]
    assert published["container-title"] == "The Papers of Thomas Jefferson"
