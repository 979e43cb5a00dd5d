"""Fetching pages by URL, against a local stand-in for the archive (no test touches the internet)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from archcite.errors import ExitCode, FetchError, InputError
from archcite.records import fetch, registry
from archcite.records.formats.wilson import DIACRITICS_WARNING
from archcite.records.io import load_sources
from archcite.records.model import Origin
from archcite.records.registry import Format, Parsed
from tests.archive_server import LocalArchive, local_archive
from tests.records.test_wilson_pages import EXPECTED


@pytest.fixture(scope="module")
def server() -> Iterator[LocalArchive]:
    with local_archive() as archive:
        yield archive


@pytest.fixture
def archive(server: LocalArchive, monkeypatch: pytest.MonkeyPatch) -> LocalArchive:
    monkeypatch.setattr(fetch, "ARCHIVE_HOSTS", frozenset({"127.0.0.1"}))
    server.requested.clear()
    return server


def seed_record_at(url: str) -> dict[str, Any]:
    return {**EXPECTED["wilson-113390.txt"], "URL": url}


def test_url_import_records_the_fetched_address(archive: LocalArchive) -> None:
    url = f"{archive.base}/document/113390"
    result = load_sources([url])
    assert [r.fields for r in result.records] == [seed_record_at(url)]
    assert [w.message for w in result.warnings] == [DIACRITICS_WARNING]


def test_redirect_within_the_host_is_followed_and_the_final_address_recorded(archive: LocalArchive) -> None:
    result = load_sources([f"{archive.base}/moved/113390"])
    assert result.records[0].fields["URL"] == f"{archive.base}/document/113390"
    assert archive.requested == ["/moved/113390", "/document/113390"]


def test_redirect_to_another_host_is_refused(archive: LocalArchive) -> None:
    with pytest.raises(FetchError) as raised:
        load_sources([f"{archive.base}/away"])
    assert str(raised.value) == (
        f"{archive.base}/away: refused a redirect to another host (archive.example.invalid) "
        "(only redirects within the archive's site are followed)"
    )
    assert raised.value.exit_code == 5


def test_http_404_is_a_fetch_error(archive: LocalArchive) -> None:
    with pytest.raises(FetchError) as raised:
        load_sources([f"{archive.base}/document/999"])
    assert str(raised.value) == f"{archive.base}/document/999: HTTP 404 Not Found (check the document address)"


def test_no_answer_within_the_timeout_is_a_fetch_error(archive: LocalArchive, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch, "TIMEOUT_SECONDS", 0.2)
    with pytest.raises(FetchError) as raised:
        load_sources([f"{archive.base}/slow"])
    assert str(raised.value) == f"{archive.base}/slow: no answer within 0.2 seconds (try again later)"


def test_one_deadline_covers_the_whole_fetch_so_a_trickling_server_is_cut_off(
    archive: LocalArchive, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each byte comes 0.05 s after the last, far within any per-read timeout; the whole page
    # would take a minute. The deadline, not a per-read timeout, ends the fetch.
    monkeypatch.setattr(fetch, "TIMEOUT_SECONDS", 0.5)
    with pytest.raises(FetchError) as raised:
        load_sources([f"{archive.base}/trickle"])
    assert str(raised.value) == f"{archive.base}/trickle: no answer within 0.5 seconds (try again later)"


def test_a_text_page_served_as_html_is_read_as_text(archive: LocalArchive) -> None:
    url = f"{archive.base}/text-as-html/113390"
    assert [r.fields for r in load_sources([url]).records] == [seed_record_at(url)]


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://[::1/x", "Invalid IPv6 URL"),
        ("https://digitalarchive.wilsoncenter.org/docu\tment/1", "it holds a space or control character"),
        ("https://digitalarchive.wilsoncenter.org:abc/document/1", "Port could not be cast to integer value as 'abc'"),
    ],
)
def test_a_malformed_address_is_an_input_error(url: str, problem: str) -> None:
    with pytest.raises(InputError) as raised:
        load_sources([url])
    assert str(raised.value) == f"{url!r}: malformed address: {problem} (check the URL)"
    assert raised.value.exit_code == ExitCode.INPUT


def test_a_page_over_the_size_limit_is_a_fetch_error(archive: LocalArchive, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch, "MAX_BYTES", 1000)
    with pytest.raises(FetchError, match="the page is larger than 1000 bytes"):
        load_sources([f"{archive.base}/big"])


def test_a_host_other_than_the_archive_is_refused_before_connecting() -> None:
    with pytest.raises(FetchError) as raised:
        load_sources(["https://example.com/document/113390"])
    assert str(raised.value).startswith(
        "https://example.com/document/113390: not the address of an archive archcite fetches from "
        "(host example.com) (archcite fetches pages of archives.lib.umd.edu, "
    )
    assert str(raised.value).endswith("; save others and import the file)")
    for host in ("digitalarchive.wilsoncenter.org", "founders.archives.gov", "history.state.gov", "www.cia.gov"):
        assert f" {host}," in str(raised.value)


def test_connection_failure_is_a_fetch_error(monkeypatch: pytest.MonkeyPatch) -> None:
    with local_archive() as gone:
        base = gone.base
    monkeypatch.setattr(fetch, "ARCHIVE_HOSTS", frozenset({"127.0.0.1"}))
    with pytest.raises(FetchError, match="network failure"):
        load_sources([f"{base}/document/113390"])


def test_html_page_without_a_ris_reader_is_read_alone(archive: LocalArchive, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "_formats", [f for f in registry.all_formats() if f.name != "ris"])
    result = load_sources([f"{archive.base}/html/113390"])
    assert [r.fields for r in result.records] == [seed_record_at(f"{archive.base}/html/113390")]
    assert archive.requested == ["/html/113390"]


def _ris_stub(text: str, source: str) -> Parsed:
    """Stands in for the RIS reader (records/formats/ris.py, written on another branch)."""
    fields: dict[str, Any] = {"type": "manuscript"}
    for line in text.splitlines():
        tag, _, value = line.partition("  - ")
        if tag == "TI":
            fields["title"] = value
        elif tag == "KW":
            fields["keyword"] = value
    return Parsed([(fields, Origin(source))])


def test_ris_export_fills_gaps_but_the_page_reading_wins(
    archive: LocalArchive, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        registry, "_formats", [*registry.all_formats(), Format(name="ris", description="stub", load=_ris_stub)]
    )
    result = load_sources([f"{archive.base}/html/113390"])
    assert result.records[0].fields == {**seed_record_at(f"{archive.base}/html/113390"), "keyword": "Korean War"}
    assert archive.requested == ["/html/113390", "/document/113390.ris"]
