"""Loading checks records and reports file, line and record id for each problem."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
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
    ("author", "title", "key"),
    [
        # A catalogue's description repeats the writer's name and dates before the recipient.
        (
            {"family": "Washington", "given": "George"},
            "Washington, George, 1732-1799 to Anthony Walton White",
            "washington1777anthony",
        ),
        ({"family": "Jefferson", "given": "Thomas"}, "From Thomas Jefferson to James Madison", "jefferson1777james"),
        ({"literal": "Secretary of State"}, "The Secretary of State to the Embassy", "secretaryofstate1777embassy"),
        # Only the creator's name is skipped: a title word that is no part of it stays.
        ({"family": "Gaddis", "given": "John Lewis"}, "Strategies of Containment", "gaddis1777strategies"),
    ],
)
def test_a_derived_key_takes_no_title_word_from_the_creators_name(author: dict[str, str], title: str, key: str) -> None:
    fields = {"author": [author], "issued": {"date-parts": [[1777]]}, "title": title}
    assert derive_key(fields) == key


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


# The EDTF archcite cites, read by its own parser, checked against the edtf package (an
# independent reader, whose parser prints to standard output on some malformed input).
_EDTF_PIECES = ["1950", "-0876", "2004", "0000", "-02", "-12", "-13", "-21", "-25", "-29", "-31", "-00"]
_EDTF_PIECES += ["?", "~", "%", "/", "..", "X", "T10:00:00", "Z", "+05:00", "-", "S2", "Y17000"]


def _edtf_reading(text: str) -> dict[str, Any] | None:
    """The date parts (and season) the edtf package reads in ``text`` (None: nothing to cite),
    as archcite read it through the package before (``isinstance`` checks, seasons 21-24)."""
    from edtf import parse_edtf
    from edtf.parser.parser_classes import Date, DateAndTime, Interval, Season, UncertainOrApproximate

    with contextlib.redirect_stdout(io.StringIO()):
        try:
            parsed = parse_edtf(text)
        except Exception:
            return None
    if isinstance(parsed, UncertainOrApproximate):
        parsed = parsed.date
    if isinstance(parsed, DateAndTime):
        parsed = parsed.date

    def parts(date: Any) -> list[int]:
        return [int(p) for p in (date.year, date.month, date.day) if p]

    if isinstance(parsed, Season):
        return (
            {"date-parts": [[int(parsed.year)]], "season": int(parsed.season) - 20}
            if int(parsed.season) <= 24
            else None
        )
    if isinstance(parsed, Interval) and isinstance(parsed.lower, Date) and isinstance(parsed.upper, Date):
        return {"date-parts": [parts(parsed.lower), parts(parsed.upper)]}
    if isinstance(parsed, Date) and str(parsed.year).removeprefix("-").isdecimal():
        return {"date-parts": [parts(parsed)]}
    return None


@settings(max_examples=400, deadline=None)
@given(text=st.lists(st.sampled_from(_EDTF_PIECES), min_size=1, max_size=5).map("".join))
@example(text="1950?-02?")  # two qualifiers: the package refuses them, archcite read them
@example(text="1950T10:00:00-21")  # a time after a year only, likewise
def test_edtf_reads_as_the_edtf_package_reads_it_and_prints_nothing(text: str) -> None:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        try:
            ours: dict[str, Any] | None = parse_raw_date(text, "issued", None)
        except InputError:
            ours = None
    assert printed.getvalue() == ""
    theirs = _edtf_reading(text)
    if ours is None:
        # What archcite refuses and the package reads, archcite reads more strictly: a range with
        # a qualifier or a time at one end, a time it cannot read, significant digits ("1950S2",
        # which is no year 1950).
        assert theirs is None or set(text) & set("/?~%TS"), theirs
        return
    assert theirs is not None, ours
    assert {k: v for k, v in ours.items() if k != "circa"} == theirs
    # A qualifier anywhere makes the date circa (the package drops a level-2 part's qualifier).
    assert ours.get("circa", False) == any(mark in text for mark in "?~%")


@pytest.mark.parametrize("text", ["../4X", "/..Z", "..//1950", "%1950S1^", "2004-1X", "../19XX", "../", "2001-25"])
def test_edtf_that_made_the_edtf_package_print_is_refused_in_silence(text: str) -> None:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), pytest.raises(InputError, match="raw date"):
        parse_raw_date(text, "issued", None)
    assert printed.getvalue() == ""
