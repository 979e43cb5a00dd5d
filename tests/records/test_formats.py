"""The format registry and the CSL-JSON / YAML readers and writers."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from archcite.errors import OutputError, UnknownNameError
from archcite.records import io
from archcite.records.io import dump_records, load_sources, write_atomic
from archcite.records.registry import get_format, sniff
from tests.conftest import EXAMPLE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[{"id": "a"}]', "csljson"),
        ('\ufeff{"id": "a"}', "csljson"),
        ("- id: a\n  type: book\n", "yaml"),
        ("references:\n- id: a\n", "yaml"),
        ("Plain prose, not a record.", None),
    ],
)
def test_content_sniffing_picks_the_format(text: str, expected: str | None) -> None:
    found = sniff(text)
    assert (found.name if found else None) == expected


def test_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(UnknownNameError, match=r"unknown output format 'jsn' .*did you mean json"):
        get_format("jsn", purpose="dump")


def test_example_round_trips_through_every_writer_and_reader(tmp_path: Path) -> None:
    original = load_sources([str(EXAMPLE)]).records
    for fmt, suffix in (("yaml", ".yaml"), ("csljson", ".json"), ("cslyaml", ".yaml")):
        path = tmp_path / f"out-{fmt}{suffix}"
        path.write_text(dump_records(original, fmt).text, encoding="utf-8")
        assert load_sources([str(path)]).records == original, fmt


def test_csljson_keeps_archival_fields_as_note_lines() -> None:
    record = load_sources([str(EXAMPLE)]).records[0]
    item = json.loads(dump_records([record], "csljson").text)[0]
    assert "digital-archive" not in item
    assert item["note"].split("\n")[:3] == [
        "title-is-description: true",
        "digital-archive: History and Public Policy Program Digital Archive",
        "digital-archive-publisher: Wilson Center",
    ]


def test_pandoc_references_form_is_read(tmp_path: Path) -> None:
    path = tmp_path / "refs.yaml"
    path.write_text("references:\n- id: a\n  type: book\n  title: T\n", encoding="utf-8")
    assert [r.id for r in load_sources([str(path)]).records] == ["a"]


def test_folder_source_reads_every_record_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("id: a\ntype: book\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.json").write_text('{"id": "b", "type": "book"}', encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a record", encoding="utf-8")
    assert [r.id for r in load_sources([str(tmp_path)]).records] == ["a", "b"]


def test_an_interruption_while_the_temporary_file_is_made_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A signal (an exception, as the command line turns it) can come once the temporary file is
    # made but before its name is returned: under load, test_write_faults left it behind.
    made = io._new_file

    def interrupted(*args: Any, **kwargs: Any) -> tuple[int, str]:
        handle, _ = made(*args, **kwargs)
        os.close(handle)
        raise KeyboardInterrupt

    monkeypatch.setattr(io, "_new_file", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(str(tmp_path / "out.bib"), "text")
    assert list(tmp_path.iterdir()) == []


def test_a_new_file_takes_the_umask_without_the_umask_being_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Reading the umask means setting it, for every thread of the process: a write never does.
    before = os.umask(0o027)
    try:
        monkeypatch.setattr(os, "umask", lambda mask: pytest.fail("os.umask called"))
        write_atomic(str(tmp_path / "out.bib"), "text")
    finally:
        monkeypatch.undo()
        os.umask(before)
    assert stat.S_IMODE((tmp_path / "out.bib").stat().st_mode) == 0o640


def test_atomic_write_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.bib"
    target.write_text("precious", encoding="utf-8")
    with pytest.raises(OutputError, match="file exists"):
        write_atomic(str(target), "new")
    assert target.read_text(encoding="utf-8") == "precious"
    write_atomic(str(target), "new", force=True)
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.bib"]


_SUPPLIED = (
    "id: purcell-map-1772\ntype: manuscript\ntitle: A Map of the Southern Indian District\n"
    "author: [{family: Purcell, given: Joseph}]\nissued: 1772~\ndate-supplied: true\n"
    "archive: Newberry Library\narchive_location: MS 228\n"
)


@pytest.mark.parametrize("fmt", ["yaml", "csljson", "cslyaml", "bibtex", "biblatex", "ris", "zotero"])
def test_a_supplied_date_round_trips_through_every_writer_and_reader(tmp_path: Path, fmt: str) -> None:
    # `date-supplied` says the document bears no date of its own (Turabian's "[ca. 1772]"): a flag
    # beside the date, so every format keeps it (a note line where the format has no field).
    source = tmp_path / "map.yaml"
    source.write_text(_SUPPLIED, encoding="utf-8")
    [original] = load_sources([str(source)]).records
    assert original.fields["date-supplied"] is True
    written = tmp_path / "out.txt"
    written.write_text(dump_records([original], fmt).text, encoding="utf-8")
    [read_back] = load_sources([str(written)], fmt=fmt).records
    assert read_back.fields["date-supplied"] is True
    assert read_back.fields["issued"] == original.fields["issued"]


def test_a_supplied_date_flag_must_be_true_or_false(tmp_path: Path) -> None:
    from archcite.errors import InputError

    source = tmp_path / "map.yaml"
    source.write_text(_SUPPLIED.replace("date-supplied: true", "date-supplied: circa"), encoding="utf-8")
    with pytest.raises(InputError, match="date-supplied"):
        load_sources([str(source)])
