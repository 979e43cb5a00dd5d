"""Loading checks records and reports file, line and record id for each problem."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archcite.errors import ExitCode, InputError
from archcite.records.io import load_sources
from archcite.records.keys import derive_key, unique_keys
from archcite.records.validate import _parse_edtf, check_date, parse_raw_date


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("yaml_text", "message", "where"),
    [
        ("- id: a\n  type: letter\n", "unknown record type 'letter'", ":1, record 'a'"),
        ("- id: a\n  type: book\n- id: b\n  type: boook\n", "did you mean 'book'?", ":3, record 'b'"),
        ("- id: a\n  type: book\n  issued: {date-parts: [[1966, 25, 3]]}\n", "month 25", ":1, record 'a'"),
        ("- id: a\n  type: book\n  issued: {date-parts: [[1966, 2, 30]]}\n", "day 30", ":1"),
        ("- id: a\n  type: book\n  issued: {raw: 'Feb 1966'}\n", "not ISO 8601 or EDTF", ":1"),
        ("- id: a\n  type: book\n  author: [Kim Il Sung]\n", "bare string 'Kim Il Sung'", ":1"),
        ("- id: a\n  type: book\n  author: [{suffix: Jr.}]\n", "neither a person nor a literal", ":1"),
        ("- id: a\n  type: book\n- id: a\n  type: book\n", "duplicate record id 'a'", ":3"),
        ("- id: a\n  title: x\n", "record has no 'type'", ":1, record 'a'"),
    ],
)
def test_invalid_records_name_the_line_the_record_and_the_problem(
    tmp_path: Path, yaml_text: str, message: str, where: str
) -> None:
    path = write(tmp_path, "records.yaml", yaml_text)
    with pytest.raises(InputError) as caught:
        load_sources([path], strict=True)
    assert caught.value.exit_code == ExitCode.INPUT
    assert message in str(caught.value)
    assert str(caught.value).startswith(path + where)


def test_invalid_yaml_reports_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.yaml", "- id: a\n  type: book\n  title: [unclosed\n")
    with pytest.raises(InputError, match=r"bad\.yaml:4: invalid YAML"):
        load_sources([path])


def test_invalid_json_reports_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.json", '[\n  {"id": "a",\n   "type": "book",,}\n]\n')
    with pytest.raises(InputError, match=r"bad\.json:3: invalid JSON"):
        load_sources([path])


def test_json_records_know_their_line() -> None:
    records = load_sources([str(Path(__file__).parents[1] / "data" / "records" / "two-telegrams.json")]).records
    assert [r.origin.line for r in records if r.origin] == [2, 15]


def test_missing_id_is_derived_from_creator_year_and_title() -> None:
    records = load_sources([str(Path(__file__).parents[1] / "data" / "records" / "two-telegrams.json")]).records
    assert records[1].id == "ministerratderdeutschendemokratischenrepublik1961beschluss"


def test_derived_keys_are_unique_and_stable() -> None:
    fields = {"author": [{"literal": "Kim Il Sung"}], "issued": {"date-parts": [[1966, 2, 3]]}, "title": "Letter to X"}
    assert derive_key(fields) == "kimilsung1966letter"
    assert unique_keys(["gaddis2005", "gaddis2005", "gaddis2005"]) == ["gaddis2005", "gaddis2005b", "gaddis2005c"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"raw": "1966-02-03"}, {"date-parts": [[1966, 2, 3]]}),
        ({"raw": "1962-08"}, {"date-parts": [[1962, 8]]}),
        ({"raw": "1953~"}, {"date-parts": [[1953]], "circa": True}),
        ({"raw": "1962-10-16/1962-10-28"}, {"date-parts": [[1962, 10, 16], [1962, 10, 28]]}),
        ({"raw": "1993-23"}, {"date-parts": [[1993]], "season": 3}),
        ({"literal": "early 1950s"}, {"literal": "early 1950s"}),
        ("1955", {"date-parts": [[1955]]}),
    ],
)
def test_dates_accept_date_parts_raw_edtf_and_literal(value: object, expected: dict[str, object]) -> None:
    assert check_date(value, "issued", None) == expected


def test_unknown_field_is_kept_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", "id: a\ntype: book\narchive-location: box 4\n")
    result = load_sources([path])
    assert result.records[0].fields["archive-location"] == "box 4"
    assert [str(w) for w in result.warnings] == [
        f"{path}:1, record 'a', field 'archive-location': 'archive-location' is neither a CSL variable "
        "nor an archcite field; kept as it is (did you mean "
        "'archive_location' or 'archive-citation' or 'archive_collection'?)"
    ]


def test_yaml_dates_written_bare_are_dates(tmp_path: Path) -> None:
    path = write(
        tmp_path, "r.yaml", "id: a\ntype: letter\n".replace("letter", "personal_communication") + "issued: 1966-02-03\n"
    )
    assert load_sources([path]).records[0].fields["issued"] == {"date-parts": [[1966, 2, 3]]}


def _outcome(parse: Callable[[str, str, None], dict[str, object]], raw: str) -> dict[str, object] | str:
    try:
        return parse(raw, "issued", None)
    except InputError as error:
        return f"error: {error}"


@given(st.from_regex(r"\A\s?[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\s?\Z"))
def test_calendar_dates_read_without_edtf_exactly_as_edtf_reads_them(raw: str) -> None:
    # Plain years, months and days skip EDTF's grammar; anything it would refuse or read as a
    # season (1993-23) still goes through it.
    assert _outcome(parse_raw_date, raw) == _outcome(_parse_edtf, raw)


@pytest.mark.parametrize("raw", ["1966-02-29", "1966-02-30", "1966-04-31", "1966-00", "1966-13", "1966-21", "0000"])
def test_calendar_date_edges_read_as_edtf_reads_them(raw: str) -> None:
    assert _outcome(parse_raw_date, raw) == _outcome(_parse_edtf, raw)
