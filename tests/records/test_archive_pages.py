"""Every saved page of shared/archive-pages imports to the record a reader writes down from it
(tests/records/archive_pages_expected.py), warns when it was cut, and is told from other text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

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
        record = {k: record[k] for k in ("type", "genre", "title", "issued", "abstract", "archive_location")}
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
