"""Archival and published entries in one bibliography; sections; collection-level entries."""

from __future__ import annotations

from typing import Any

from archcite.records.validate import build_records
from archcite.styles import render
from archcite.styles.archival.bibliography import entries, sections
from archcite.styles.markup import to_plain
from tests.styles.archival_records import (
    BENTON,
    CONOVER_WORKING_PAPER,
    CREEL,
    KENNAN_TELEGRAM,
    TRUMAN_DIARY,
    WILSON_113390,
    record,
)

# Published books whose bibliography entries stock citeproc-py already sorts correctly.


def _book(record_id: str, family: str, title: str, year: int) -> dict[str, Any]:
    return {
        "id": record_id,
        "type": "book",
        "title": title,
        "author": [{"family": family, "given": "Ann"}],
        "publisher": "Penguin",
        "publisher-place": "New York",
        "issued": {"date-parts": [[year]]},
    }


BOOK_ANDERSON = _book("anderson-1990", "Anderson", "Alpha", 1990)
BOOK_LAMBERT = _book("lambert-1991", "Lambert", "Beta", 1991)
BOOK_ZELLER = _book("zeller-1992", "Zeller", "Gamma", 1992)

HOUSE_PAPERS_SECOND = record(CREEL, id="creel-house-1918-10", issued={"date-parts": [[1918, 10, 2]]})


def _records(*items: dict[str, Any]) -> list[Any]:
    records, _ = build_records([(item, None) for item in items])
    return records


def _bibliography(style: str, *items: dict[str, Any]) -> list[str]:
    rendered = render(_records(*items), style)
    ranked = sorted((r for r in rendered if r.bib_rank is not None), key=lambda r: r.bib_rank or 0)
    return [r.id for r in ranked]


def test_archival_entries_sort_among_published_ones_by_author() -> None:
    # CMOS 18 and MLA 9: one alphabetical list by the first element of each entry.
    order = _bibliography("chicago", BOOK_ZELLER, WILSON_113390, BOOK_ANDERSON, CREEL, BOOK_LAMBERT, KENNAN_TELEGRAM)
    assert order == [
        "anderson-1990",
        "creel-house-1918",
        "kennan-long-telegram-1946",
        "kimilsung1966letter",
        "lambert-1991",
        "zeller-1992",
    ]
    assert _bibliography("mla", BOOK_LAMBERT, TRUMAN_DIARY, BOOK_ANDERSON) == [
        "anderson-1990",
        "lambert-1991",
        "truman-diary-1945-07-17",
    ]


def test_non_archival_records_are_left_to_the_engine() -> None:
    records = _records(BOOK_ANDERSON, CREEL)
    with_rules = render(records, "chicago")
    engine_only = render(records, "chicago", archival=False)
    assert with_rules[0] == engine_only[0]
    assert to_plain(with_rules[1].cite or "").startswith("George Creel to Colonel House, September 25, 1918,")
    # The official CSL style prints "Creel, George. To Colonel House. September 25, 1918."
    assert to_plain(with_rules[1].bib or "").startswith("Creel, George. Letter to Colonel House, September 25, 1918.")
    assert with_rules[1].bib != engine_only[1].bib


def test_other_styles_never_use_the_archival_rules() -> None:
    records = _records(CREEL)
    assert render(records, "apa") == render(records, "apa", archival=False)


def test_collection_level_lists_a_collection_once() -> None:
    # CMOS 18 ch. 14: several documents from one collection → the collection in the bibliography.
    records = _records(CREEL, HOUSE_PAPERS_SECOND, BOOK_ANDERSON, WILSON_113390)
    rendered = render(records, "chicago")
    listed = entries(records, rendered, "chicago-notes-bibliography", collection_level=True)
    assert listed[0].record_ids == ("anderson-1990",)
    assert [to_plain(e.text) for e in listed[1:]] == [
        "Edward M. House Papers. Yale University Library, New Haven, CT.",
        "KC PZPR. Modern Records Archives, Warsaw.",
    ]
    assert listed[1].record_ids == ("creel-house-1918", "creel-house-1918-10")


def test_sections_group_archival_sources_by_repository_then_published() -> None:
    records = _records(BOOK_ANDERSON, TRUMAN_DIARY, CREEL, WILSON_113390, KENNAN_TELEGRAM)
    rendered = render(records, "chicago")
    grouped = sections(entries(records, rendered, "chicago-notes-bibliography"))
    assert [s.title for s in grouped] == ["Archival sources", "Published sources"]
    assert [g.heading for g in grouped[0].groups] == [
        "Harry S. Truman Library, Independence, MO",
        "Modern Records Archives, Warsaw",
        "National Archives and Records Administration, College Park, MD",
        "Yale University Library, New Haven, CT",
    ]
    assert [e.record_ids for e in grouped[1].groups[0].entries] == [("anderson-1990",)]


def test_a_working_paper_is_listed_among_published_sources() -> None:
    # Read in its series, not held by an archive: listed as itself, as a dissertation or a lecture.
    records = _records(BOOK_ANDERSON, CONOVER_WORKING_PAPER, CREEL)
    rendered = render(records, "chicago")
    grouped = sections(entries(records, rendered, "chicago-notes-bibliography"))
    assert [s.title for s in grouped] == ["Archival sources", "Published sources"]
    assert [e.record_ids for e in grouped[1].groups[0].entries] == [("anderson-1990",), ("conover-turnus",)]


def test_mla_repeats_no_author_name_in_consecutive_entries() -> None:
    # MLA Style Center, "How do I cite an unpublished letter?": the second of Benton's letters
    # begins with dashes (the official MLA style, as the engine, prints three em dashes).
    second = record(BENTON, id="benton-fremont-1847-06-23", issued={"date-parts": [[1847, 6, 23]]})
    rendered = {r.id: r for r in render(_records(BENTON, second, BOOK_ANDERSON), "mla")}
    assert to_plain(rendered["benton-fremont-1847-06-23"].bib or "") == (
        "———. Letter to Charles Fremont. 23 June 1847. John Charles Fremont Papers, Southwest Museum Library, "
        "Los Angeles. Manuscript."
    )
    assert to_plain(rendered["benton-fremont-1847"].bib or "").startswith("Benton, Thomas Hart. Letter to")
    assert [rendered[i].bib_rank for i in ("anderson-1990", "benton-fremont-1847", "benton-fremont-1847-06-23")] == [
        0,
        1,
        2,
    ]


def test_an_unsigned_newspaper_entry_does_not_displace_archival_entries() -> None:
    # Chicago sorts an unsigned newspaper article under the newspaper's name (as the engine
    # prints it), so the merge follows each entry's printed text, not its author field.
    newspaper = {
        "id": "nyt-1962",
        "type": "article-newspaper",
        "title": "Khrushchev Agrees to Dismantle Bases",
        "container-title": "New York Times",
        "issued": {"date-parts": [[1962, 10, 29]]},
        "page": "1",
    }
    order = _bibliography("chicago", newspaper, TRUMAN_DIARY, CREEL, BOOK_ZELLER)
    assert order == ["creel-house-1918", "nyt-1962", "truman-diary-1945-07-17", "zeller-1992"]


def test_mla_in_text_tells_letters_by_one_author_apart() -> None:
    # MLA Style Center, "How do I cite an unpublished letter?": letters by the same author are
    # told apart by their description ("Letter to Charles Fremont" / "Letter to Jessie Ann Benton
    # Fremont"), letters to the same recipient also by their date.
    to_charles_again = record(BENTON, id="benton-fremont-1847-06-23", issued={"date-parts": [[1847, 6, 23]]})
    to_jessie = record(
        BENTON,
        id="benton-jessie-1847",
        title=None,
        recipient=[{"family": "Fremont", "given": "Jessie Ann Benton"}],
        issued={"date-parts": [[1847, 6, 24]]},
    )
    cites = {r.id: r.cite for r in render(_records(BENTON, to_charles_again, to_jessie, BOOK_ZELLER), "mla")}
    assert cites == {
        "benton-fremont-1847": "(Benton, Letter to Charles Fremont, 22 June 1847)",
        "benton-fremont-1847-06-23": "(Benton, Letter to Charles Fremont, 23 June 1847)",
        "benton-jessie-1847": "(Benton, Letter to Jessie Ann Benton Fremont)",
        "zeller-1992": "(Zeller)",
    }
    assert render(_records(BENTON, BOOK_ZELLER), "mla")[0].cite == "(Benton)"


def test_author_date_letters_tell_apart_one_author_in_one_year() -> None:
    # CMOS 18 ch. 13: works by the same author in the same year take "a", "b" after the year,
    # in the order of the reference list (alphabetical by what follows the year).
    october = record(CREEL, id="creel-house-1918-10", issued={"date-parts": [[1918, 10, 2]]})
    rendered = {r.id: r for r in render(_records(CREEL, october, BOOK_ZELLER), "chicago-author-date")}
    assert rendered["creel-house-1918-10"].cite == "(Creel 1918a)"
    assert rendered["creel-house-1918"].cite == "(Creel 1918b)"
    assert to_plain(rendered["creel-house-1918-10"].bib or "").startswith(
        "Creel, George. 1918a. Letter to Colonel House, October 2."
    )
    assert rendered["zeller-1992"].cite == "(Zeller 1992)"


def test_an_archival_entry_goes_after_every_engine_entry_that_sorts_before_it_in_any_order() -> None:
    # The engine's order is kept even where it sorted by a rule of its own ("b" before "a"): an
    # archival entry's place counts the engine entries that sort before it.
    from archcite.styles.archival import merge_in_order

    assert merge_in_order(["b", "a", "d"], ["c", "0", "a"], key=str) == ["0", "b", "a", "a", "c", "d"]
