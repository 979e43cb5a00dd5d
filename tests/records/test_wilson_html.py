"""Saved HTML pages read through a real HTML parser into the same record as the saved text."""

from __future__ import annotations

from pathlib import Path

import pytest

from archcite.errors import InputError
from archcite.records.formats.wilson import DIACRITICS_WARNING, html_page
from archcite.records.io import load_sources
from tests.conftest import DATA
from tests.records.test_wilson_pages import EXPECTED

HTML = DATA / "html"


def test_older_site_html_gives_the_seed_record_with_the_canonical_address() -> None:
    result = load_sources([str(HTML / "older-site-113390.html")])
    assert [r.fields for r in result.records] == [EXPECTED["wilson-113390.txt"]]
    # The address comes from the page's canonical link, so no file-name warning.
    assert [w.message for w in result.warnings] == [DIACRITICS_WARNING]


def test_inline_markup_and_source_line_breaks_do_not_split_the_citation_line() -> None:
    text = html_page((HTML / "older-site-113390.html").read_text(encoding="utf-8")).text
    assert (
        '"Letter to Wladyslaw Gomulka from Kim Il Sung," February 03, 1966, History and Public Policy Program '
        "Digital Archive, Modern Records Archives, Warsaw, KC PZPR 2263/175-233, pp. 209-233. Translated by "
        "Vojtech Mastny.\n"
    ) in text
    assert "var tracking" not in text  # scripts are not page text


def test_html_page_finds_the_ris_export_link() -> None:
    page = html_page(
        (HTML / "older-site-113390.html").read_text(encoding="utf-8"),
        "https://digitalarchive.wilsoncenter.org/document/113390",
    )
    assert page.canonical_url == "https://digitalarchive.wilsoncenter.org/document/113390"
    assert page.ris_url == "https://digitalarchive.wilsoncenter.org/document/113390.ris"


def test_2023_site_html_reads_the_labelled_source_and_record_id() -> None:
    result = load_sources([str(HTML / "site-2023-ciphered-telegram.html")])
    assert [r.fields for r in result.records] == [
        {
            "id": "roshchin1950ciphered",
            "type": "personal_communication",
            "genre": "Ciphered Telegram",
            "title": "Ciphered Telegram No. 25553, Roshchin to Filippov [Stalin]",
            "title-is-description": True,
            "author": [{"literal": "Roshchin"}],
            "recipient": [{"literal": "Filippov [Stalin]"}],
            "number": "25553",
            "translator": [{"family": "Goldberg", "given": "Gary"}],
            "issued": {"date-parts": [[1950, 10, 12]]},
            "abstract": (
                "Mao Zedong has already given orders to halt Chinese troops preparing to cross the Korean border."
            ),
            "archive": "AP RF",
            "archive_location": "f. 45, op. 1, d. 334",
            "page": "141",
            "page-label": "folio",
            "note": "RGASPI, f. 558, op. 11, d. 334, ll. 0141",
            "digital-archive": "History and Public Policy Program Digital Archive",
            "digital-archive-publisher": "Wilson Center",
            "digital-archive-id": "119383",
            "URL": "https://digitalarchive.wilsoncenter.org/document/119383",
        }
    ]
    assert [w.message for w in result.warnings] == [
        DIACRITICS_WARNING,
        "the source names a second archive or copy; kept verbatim in note (the record cites the first)",
        "took the paragraph just before 'Document Information' as the document's summary (abstract); check it",
        "the page text has no address; URL built from its record id 119383",
    ]


def test_html_search_results_page_is_refused() -> None:
    with pytest.raises(InputError, match="not a document page") as raised:
        load_sources([str(HTML / "search-results.html")])
    assert raised.value.exit_code == 3


def test_2023_site_html_takes_its_address_from_the_canonical_link(tmp_path: Path) -> None:
    html = (HTML / "site-2023-ciphered-telegram.html").read_text(encoding="utf-8")
    canonical = "https://digitalarchive.wilsoncenter.org/document/ciphered-telegram-no-25553-roshchin-filippov-stalin"
    saved = tmp_path / "telegram.html"
    saved.write_text(html.replace("<head>", f'<head><link rel="canonical" href="{canonical}">'), encoding="utf-8")
    fields = load_sources([str(saved)]).records[0].fields
    assert (fields["URL"], fields["digital-archive-id"]) == (canonical, "119383")


def test_2023_site_authors_are_named_in_a_warning_not_guessed(tmp_path: Path) -> None:
    html = (HTML / "site-2023-ciphered-telegram.html").read_text(encoding="utf-8")
    saved = tmp_path / "telegram.html"
    saved.write_text(
        html.replace("<dt>Source</dt>", "<dt>Author(s)</dt><dd>Roshchin, N. V.</dd><dt>Source</dt>"), encoding="utf-8"
    )
    result = load_sources([str(saved)])
    assert result.records[0].fields["author"] == [{"literal": "Roshchin"}]
    assert "the page lists Author(s) 'Roshchin, N. V.'; not read, add them if needed" in [
        w.message for w in result.warnings
    ]
