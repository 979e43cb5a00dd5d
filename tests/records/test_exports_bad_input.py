"""Malformed entries are reported with file, line and key; they stop loading, or with skip_invalid the
good entries of the file still load."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archcite.errors import ExitCode, InputError
from archcite.records.io import load_sources
from archcite.records.registry import get_format
from archcite.records.validate import build_records

BAD_BIBTEX = """% exported by hand
@book{good1,
  title = {First},
  year = {1990}
}

@book{broken,
  title = {Unclosed,
  year = {1991}

@article{commas,
  author = {A, B, C, D},
  title = {Second}
}
@misc{good2, title = {Third}, date = {sometime}}
@misc{good1, title = {Again}}
@misc{nokey title = {x}}
"""

BAD_RIS = (
    "\ufeffTY  - BOOK\r\nID  - one\r\nTI  - First\r\nER  - \r\n\r\n"
    "TY  - JOUR\r\nID  - two\r\nTI  - No end line\r\n\r\n"
    "TY  - XYZ\r\nID  - three\r\nTI  - A title on\r\ntwo lines\r\nER  - \r\n"
)

BAD_JSON = """[
  {"id": "good", "type": "book", "title": "Fine"},
  {"id": "bad", "type": "boook", "title": "Typo"},
  {"id": "also-good", "type": "report", "title": "Fine too"}
]
"""

BAD_YAML = """- id: good
  type: book
  title: Fine
- id: bad
  type: book
  issued: {date-parts: [[1966, 25, 3]]}
- id: also-good
  type: report
"""


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return str(path)


def test_bibtex_good_entries_load_and_each_bad_one_is_a_warning_with_line_and_key(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.bib", BAD_BIBTEX)
    result = load_sources([path], skip_invalid=True)
    assert [r.id for r in result.records] == ["good1", "commas", "good2", "good1-2"]
    # A name BibTeX cannot split costs the name its parts, not the entry.
    assert result.records[1].fields["author"] == [{"literal": "A, B, C, D"}]
    assert result.records[2].fields["issued"] == {"literal": "sometime"}
    assert [str(w) for w in result.warnings] == [
        f"{path}:7, record 'broken': malformed entry skipped: Unexpected block start: `@article`. "
        "Was still looking for field-value closing `}`",
        f"{path}:11, record 'commas', field 'author': name 'A, B, C, D' is not 'First Last', 'Last, First' or "
        "'Last, Jr, First'; kept whole as a literal name",
        f"{path}:15, record 'good2', field 'issued': 'issued' raw date 'sometime' is not ISO 8601 or EDTF; "
        "kept as a literal date",
        # A key used before is read under a key of its own, as the RIS reader reads a repeated ID.
        f"{path}:16, record 'good1': key 'good1' is also the key of the entry at line 2; read as 'good1-2'",
        f"{path}:17, record 'nokey': malformed entry skipped: Expected comma after entry key, but found =",
        # Six entries, every one accounted for: four load (commas and good2 with a warning, the
        # second good1 under its own key), and two are skipped (broken, nokey).
        "2 invalid record(s) skipped (--skip-invalid)",
    ]


def test_ris_good_entries_load_with_the_byte_order_mark_crlf_and_continuation_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.ris", BAD_RIS)
    result = load_sources([path], skip_invalid=True)
    assert [(r.id, r.type, r.fields["title"]) for r in result.records] == [
        ("one", "book", "First"),
        ("three", "document", "A title on two lines"),  # a wrapped value is one line, as Zotero reads it
    ]
    assert [str(w) for w in result.warnings] == [
        f"{path}:6, record 'two': malformed RIS entry skipped: entry has no 'ER  -' end line before the next 'TY'",
        f"{path}:10, record 'three': unknown RIS type 'XYZ'; read as a document",
        "1 invalid record(s) skipped (--skip-invalid)",
    ]


@pytest.mark.parametrize(
    ("name", "text", "skipped"),
    [
        ("bad.json", BAD_JSON, ":3, record 'bad': record skipped: unknown record type 'boook' (did you mean 'book'?)"),
        (
            "bad.yaml",
            BAD_YAML,
            ":4, record 'bad': record skipped: 'issued' has month 25, neither a month (1-12) "
            "nor a season (13-16, 21-24)",
        ),
    ],
)
def test_json_and_yaml_good_records_load_and_a_bad_one_is_a_warning(
    tmp_path: Path, name: str, text: str, skipped: str
) -> None:
    path = write(tmp_path, name, text)
    result = load_sources([path], skip_invalid=True)
    assert [r.id for r in result.records] == ["good", "also-good"]
    assert [str(w) for w in result.warnings] == [path + skipped, "1 invalid record(s) skipped (--skip-invalid)"]


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("bad.bib", BAD_BIBTEX, ":7, record 'broken'"),
        ("bad.ris", BAD_RIS, ":6, record 'two'"),
        ("bad.json", BAD_JSON, ":3, record 'bad'"),
        ("bad.yaml", BAD_YAML, ":4, record 'bad'"),
    ],
)
@pytest.mark.parametrize("strict", [False, True])
def test_loading_stops_at_the_first_bad_entry(tmp_path: Path, name: str, text: str, where: str, strict: bool) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(InputError) as caught:
        load_sources([path], strict=strict)
    assert caught.value.exit_code == ExitCode.INPUT
    assert str(caught.value).startswith(path + where)


def test_a_file_of_only_broken_entries_is_an_input_error(tmp_path: Path) -> None:
    path = write(tmp_path, "broken.bib", "@book{a,\n  title = {x\n")
    with pytest.raises(InputError, match=r"broken\.bib:1: malformed entry skipped"):
        load_sources([path], skip_invalid=True)


def test_a_web_of_science_file_saved_as_ris_is_named_so(tmp_path: Path) -> None:
    # The first lines of rispy's example_wos.ris, as Web of Science exports its own tagged format.
    path = write(tmp_path, "wos.ris", "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Parkes-Loach, PS\nER\n")
    with pytest.raises(InputError, match=r"wos\.ris:1: no RIS entry .* Web of Science's tagged format.* as RIS"):
        load_sources([path])


PIECES = [
    *"@{}()=,\"\\%#~^$_-' \n\tabcAB01",
    "TY  - ",
    "ER  - ",
    "AU  - ",
    "@book{",
    "author = ",
    " and ",
    "\\'",
    "\\l",
]
PIECES += ["{\\", "date = {", "--", "\\author", "\\emph{"]


@settings(max_examples=200, deadline=None)
@given(text=st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_no_bibtex_or_ris_text_crashes_the_readers(text: str) -> None:
    for fmt in ("bibtex", "ris"):
        reader = get_format(fmt, purpose="load")
        assert reader.load is not None
        # A clear InputError is allowed (e.g. a record without a title and type); nothing else.
        with contextlib.suppress(InputError):
            build_records(reader.load(text, "fuzz").items)
