"""Export reads CSL-JSON a chunk at a time and writes record by record, with the same bytes as the
whole-file path (issue 7: memory bounded by the largest record, not by the file)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from archcite.cli.app import cli
from archcite.errors import ExitCode, InputError
from archcite.records.formats import csljson
from archcite.records.io import dump_records, load_sources, stream_records
from archcite.records.model import RecordWarning
from archcite.records.registry import get_format
from tests.records.exports_helpers import DATA

CORPUS = str(DATA / "corpus.json")
WRITERS = [
    ("csljson", False),
    ("bibtex", False),
    ("biblatex", False),
    ("bibtex", True),
    ("biblatex", True),
    ("ris", False),
]


def streamed_text(sources: list[str], fmt: str, ascii_only: bool) -> tuple[str, list[RecordWarning]]:
    chosen = get_format(fmt, purpose="dump")
    writer = chosen.stream_ascii if ascii_only else chosen.stream
    assert writer is not None
    load_warnings, _, records = stream_records(sources, skip_invalid=True)
    dump_warnings: list[RecordWarning] = []
    return "".join(writer(records, dump_warnings)), load_warnings + dump_warnings


@pytest.mark.parametrize(("fmt", "ascii_only"), WRITERS)
def test_streamed_export_of_the_reference_corpus_is_byte_identical_to_the_whole_file_export(
    fmt: str, ascii_only: bool
) -> None:
    loaded = load_sources([CORPUS], skip_invalid=True)
    whole = dump_records(loaded.records, fmt, ascii_only=ascii_only)
    text, warnings = streamed_text([CORPUS], fmt, ascii_only)
    assert text == whole.text
    assert warnings == loaded.warnings + whole.warnings


@pytest.mark.parametrize("fmt", ["csljson", "bibtex", "ris"])
def test_export_command_streams_the_same_bytes_to_stdout_and_to_a_file(fmt: str, tmp_path: Path) -> None:
    expected = dump_records(load_sources([CORPUS], skip_invalid=True).records, fmt).text
    result = CliRunner().invoke(cli, ["export", CORPUS, "--to", fmt, "--skip-invalid"], catch_exceptions=False)
    assert result.exit_code == ExitCode.OK
    assert result.stdout == expected
    target = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(
        cli, ["export", CORPUS, "--to", fmt, "-o", str(target), "--skip-invalid"], catch_exceptions=False
    )
    assert result.exit_code == ExitCode.OK
    assert target.read_text(encoding="utf-8") == expected


def test_export_command_reports_each_warning_once_after_the_record_it_belongs_to() -> None:
    loaded = load_sources([CORPUS], skip_invalid=True)
    dumped = dump_records(loaded.records, "bibtex")
    result = CliRunner().invoke(
        cli, ["export", CORPUS, "--to", "bibtex", "--skip-invalid", "-v"], catch_exceptions=False
    )
    expected = [f"archcite: warning: {warning}" for warning in loaded.warnings + dumped.warnings]
    assert len(expected) > 5
    assert sorted(result.stderr.splitlines()) == sorted(expected)


def test_streamed_export_under_strict_leaves_no_file_when_a_field_is_lost(tmp_path: Path) -> None:
    source = tmp_path / "one.json"
    source.write_text(json.dumps([{"id": "a", "type": "book", "title": "T", "archive-place": "Warsaw"}]))
    target = tmp_path / "out.ris"
    result = CliRunner().invoke(cli, ["export", str(source), "--to", "ris", "-o", str(target), "--strict"])
    assert result.exit_code == ExitCode.ERROR
    assert "RIS has no field for 'archive-place'" in result.stderr
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [source]


class CountingReader(io.BytesIO):
    """A binary file that records how much each read asked for and how far it has been read."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.sizes: list[int] = []

    def read(self, size: int | None = -1) -> bytes:
        self.sizes.append(-1 if size is None else size)
        return super().read(size)


def test_csljson_reader_reads_in_bounded_chunks_and_yields_before_the_end_of_the_file() -> None:
    items = [{"id": f"r{i}", "type": "book", "title": f"Title {i}"} for i in range(200)]
    data = json.dumps(items, indent=2).encode()
    stream = CountingReader(data)
    reader = csljson.iter_items(stream, "big.json", chunk_size=256)
    first, _ = next(reader)
    assert first == items[0]
    assert stream.tell() < len(data) // 10
    rest = [item for item, _ in reader]
    assert rest == items[1:]
    assert len(stream.sizes) > len(data) // 256
    assert all(0 < size <= 256 for size in stream.sizes)


def test_csljson_reader_grows_its_reads_for_a_record_larger_than_a_chunk() -> None:
    items: list[Any] = [{"id": "big", "type": "book", "title": "x" * 5000}, {"id": "small", "type": "book"}, 7]
    stream = CountingReader(json.dumps(items).encode())
    assert [item for item, _ in csljson.iter_items(stream, "s.json", chunk_size=64)] == items
    assert max(stream.sizes) < 64 * 256


def test_csljson_reader_gives_the_lines_and_positions_the_whole_file_reader_gives() -> None:
    text = '\n[\n  {"id": "a", "type": "book",\n "title": "Line\\nbreak"} ,\n\n{"id": "b", "type": "book"}\n,3\n]\n'
    whole = csljson.load(text, "f.json").items
    # read_text drops the byte-order mark before load sees the text; the chunked reader drops it too.
    data = "\ufeff".encode() + text.encode()
    streamed = list(csljson.iter_items(io.BytesIO(data), "f.json", chunk_size=5))
    assert streamed == whole
    assert [str(origin) for _, origin in streamed] == ["f.json:3", "f.json:6", "f.json:7"]


@pytest.mark.parametrize(
    "text",
    ['[{"id": "a", "type": "book"} {"id": "b"}]', '[{"id": "a", "type": "book"},', "[1, 2] 3", "", '{"id": "a"}'],
)
def test_csljson_reader_hands_anything_but_a_well_formed_array_to_the_whole_file_reader(text: str) -> None:
    with pytest.raises(csljson.NotStreamable):
        list(csljson.iter_items(io.BytesIO(text.encode()), "f.json", chunk_size=4))


def test_streamed_loading_reports_malformed_json_as_the_whole_file_loader_does(tmp_path: Path) -> None:
    source = tmp_path / "bad.json"
    source.write_text('[\n{"id": "a", "type": "book"},\n{"id": "b" "type": "book"}\n]\n')
    with pytest.raises(InputError) as whole:
        load_sources([str(source)])
    with pytest.raises(InputError) as streamed:
        stream_records([str(source)])
    assert str(streamed.value) == str(whole.value)
    assert streamed.value.where == f"{source}:3"


def test_streamed_loading_rejects_a_duplicate_id_before_any_record_is_written(tmp_path: Path) -> None:
    source = tmp_path / "dup.json"
    source.write_text(
        json.dumps([{"id": "a", "type": "book"}, {"id": "b", "type": "book"}, {"id": "a", "type": "book"}])
    )
    with pytest.raises(InputError) as whole:
        load_sources([str(source)])
    with pytest.raises(InputError) as streamed:
        stream_records([str(source)])
    assert str(streamed.value) == str(whole.value)
    assert streamed.value.message == f"duplicate record id 'a' (first at {source}:1)"


def test_a_derived_id_avoids_an_id_given_further_down_the_file(tmp_path: Path) -> None:
    source = tmp_path / "ids.json"
    no_id = {
        "type": "book",
        "title": "Long Telegram",
        "issued": {"date-parts": [[1946]]},
        "author": [{"family": "Kennan"}],
    }
    source.write_text(json.dumps([no_id, no_id, {"id": "kennan1946long", "type": "book"}]))
    _, _, records = stream_records([str(source)])
    assert [record.id for record in records] == ["kennan1946longb", "kennan1946longc", "kennan1946long"]
    assert [record.id for record in load_sources([str(source)]).records] == [
        "kennan1946longb",
        "kennan1946longc",
        "kennan1946long",
    ]


def test_streamed_loading_stops_at_an_invalid_record_as_the_whole_file_loader_does(tmp_path: Path) -> None:
    source = tmp_path / "mixed.json"
    source.write_text(json.dumps([{"id": "a", "type": "letter"}, {"id": "b", "type": "book", "titel": "x"}]))
    with pytest.raises(InputError) as whole:
        load_sources([str(source)])
    with pytest.raises(InputError) as streamed:
        stream_records([str(source)])
    assert str(streamed.value) == str(whole.value)
    assert str(whole.value) == (
        f"{source}:1, record 'a': unknown record type 'letter' (CSL calls it 'personal_communication' "
        "(put the kind of document in 'genre'); or pass --skip-invalid to leave out invalid records)"
    )


def test_streamed_loading_skips_an_invalid_record_with_the_warning_the_whole_file_loader_gives(tmp_path: Path) -> None:
    source = tmp_path / "mixed.json"
    source.write_text(json.dumps([{"id": "a", "type": "letter"}, {"id": "b", "type": "book", "titel": "x"}]))
    warnings, count, records = stream_records([str(source)], skip_invalid=True)
    loaded = load_sources([str(source)], skip_invalid=True)
    assert warnings == loaded.warnings
    assert count == len(loaded.records) == 1
    assert (
        [r.fields for r in records] == [r.fields for r in loaded.records] == [{"id": "b", "type": "book", "titel": "x"}]
    )


def test_streamed_csljson_export_of_no_records_is_an_empty_list() -> None:
    assert "".join(csljson.stream([], [])) == csljson.dump([]).text == "[]\n"
