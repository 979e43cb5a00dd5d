"""Dates as bibliographies write them: in words, as a reprint's two years, as a publication state,
empty or "n.d." (archcite.records.written_dates, read by every reader of another format's date).

Expected values come from outside archcite: citeproc-js 2.4.63's own raw-date parser
(``CSL.DateParser.parseDateToArray``, run by hand on each text) where it reads the text; the EDTF
specification (``19XX``: a year of 1900 to 1999); the Chicago Manual of Style (CMOS 15.40, "Du Bois
[1903] 2016": the bracketed year is the original's) and biblatex's pubstate strings (english.lbx);
the real files' entries, read in place.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archcite.records.io import load_sources
from archcite.records.mapping import text_to_date
from archcite.records.written_dates import issued_fields, words_date
from tests.realworld import runner

# (text, CSL date) as citeproc-js 2.4.63's DateParser reads it (its seasons 13-16 as CSL's season).
CITEPROC_JS_READINGS: list[tuple[str, dict[str, Any]]] = [
    ("March 2010", {"date-parts": [[2010, 3]]}),
    ("Mar. 2010", {"date-parts": [[2010, 3]]}),
    ("January 1978", {"date-parts": [[1978, 1]]}),
    ("2 sep 2019", {"date-parts": [[2019, 9, 2]]}),
    ("July 30th, 2002", {"date-parts": [[2002, 7, 30]]}),
    ("April 9th 2001", {"date-parts": [[2001, 4, 9]]}),
    ("March 14, 2001", {"date-parts": [[2001, 3, 14]]}),
    ("Sept. 3, 1999", {"date-parts": [[1999, 9, 3]]}),
    ("jul-aug 2003", {"date-parts": [[2003, 7], [2003, 8]]}),
    ("September 22 - 26 2003", {"date-parts": [[2003, 9, 22], [2003, 9, 26]]}),
    ("Spring 1948", {"date-parts": [[1948]], "season": 1}),  # citeproc-js: [[1948, 13]]
]


@pytest.mark.parametrize(("text", "expected"), CITEPROC_JS_READINGS, ids=[c[0] for c in CITEPROC_JS_READINGS])
def test_a_date_in_words_reads_as_citeproc_js_reads_it(text: str, expected: dict[str, Any]) -> None:
    assert words_date(text) == expected
    assert text_to_date(text, "issued", None) == (expected, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # EDTF: "19XX" is some year of the 1900s (unspecified digits), archcite's range as for 20XX.
        ("19xx", {"date-parts": [[1900], [1999]]}),
        ("18XX", {"date-parts": [[1800], [1899]]}),
        # EDTF's season 23 (autumn); citeproc-js's parser has no "autumn".
        ("Autumn 2001", {"date-parts": [[2001]], "season": 3}),
        ("Fall 2001", {"date-parts": [[2001]], "season": 3}),
        # Ranges of years, as EDTF's 1918/1922 (citeproc-js keeps only the last year).
        ("1918–1922", {"date-parts": [[1918], [1922]]}),
        ("between 1827 and 1832", {"date-parts": [[1827], [1832]]}),
    ],
)
def test_edtf_shapes_written_otherwise_read_as_edtf_reads_them(text: str, expected: dict[str, Any]) -> None:
    assert words_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Market 2010", "Decade 2010", "March", "Spring", "13th cent", "Date of Publication", "30 February 2001"],
)
def test_text_that_is_no_date_stays_a_literal_with_a_warning(text: str) -> None:
    date, warning = text_to_date(text, "issued", None)
    assert date == {"literal": text}
    assert warning is not None
    assert "kept as a literal date" in warning.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CMOS 15.40 ("Du Bois [1903] 2016"): the bracketed year is the original's.
        ("[1907] 1978", {"issued": {"date-parts": [[1978]]}, "original-date": {"date-parts": [[1907]]}}),
        ("1989 [1987]", {"issued": {"date-parts": [[1989]]}, "original-date": {"date-parts": [[1987]]}}),
        # bbt-bulk-performance.biblatex.bib brackets the reprint's year: the earlier is the original.
        ("1875 [2004]", {"issued": {"date-parts": [[2004]]}, "original-date": {"date-parts": [[1875]]}}),
        (
            "1990 [1890-1900]",
            {"issued": {"date-parts": [[1990]]}, "original-date": {"date-parts": [[1890], [1900]]}},
        ),
        # biblatex's pubstate keys and their English strings (english.lbx).
        ("Forthcoming", {"status": "forthcoming"}),
        ("in press", {"status": "in press"}),
        ("inpress", {"status": "in press"}),
    ],
)
def test_a_date_of_issue_says_a_reprint_or_a_publication_state(text: str, expected: dict[str, Any]) -> None:
    assert issued_fields(text) == expected


def _read(tmp_path: Path, name: str, text: str, fmt: str) -> tuple[dict[str, Any], list[str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    loaded = load_sources([str(path)], fmt=fmt)
    return dict(loaded.records[0].fields), [w.message for w in loaded.warnings]


@pytest.mark.parametrize(
    ("fmt", "name", "text"),
    [
        ("bibtex", "a.bib", "@book{a, title={T}, date={Forthcoming}}"),
        ("ris", "a.ris", "TY  - BOOK\nID  - a\nTI  - T\nPY  - Forthcoming\nER  - \n"),
    ],
)
def test_every_reader_reads_a_publication_state_as_status(fmt: str, name: str, text: str, tmp_path: Path) -> None:
    fields, warnings = _read(tmp_path, name, text, fmt)
    assert fields.get("status") == "forthcoming"
    assert "issued" not in fields
    assert warnings == []


def test_ris_reads_a_season_in_da_with_the_year_of_py(tmp_path: Path) -> None:
    fields, warnings = _read(
        tmp_path, "a.ris", "TY  - JOUR\nID  - a\nTI  - T\nPY  - 1948\nDA  - Spring\nER  - \n", "ris"
    )
    assert fields["issued"] == {"date-parts": [[1948]], "season": 1}
    assert warnings == []


def test_a_month_field_that_is_no_month_is_kept_in_custom_with_a_warning(tmp_path: Path) -> None:
    fields, warnings = _read(tmp_path, "a.bib", "@article{a, title={T}, year={2003}, month={Foo}}", "bibtex")
    assert fields["issued"] == {"date-parts": [[2003]]}
    assert fields["custom"] == {"month": "Foo"}
    assert any("'month'" in message for message in warnings)


# ---------------------------------------------------------------- present but empty is absent

_EMPTY_TEXT = st.sampled_from(["", " ", "\t", "  \n  "])
_BIB_FIELDS = ["year", "month", "date", "urldate", "origdate", "eventdate", "note", "publisher", "author", "url"]
_RIS_TAGS = ["PY", "DA", "Y1", "Y2", "N1", "PB", "AU", "UR"]
_CSL_EMPTIES = st.sampled_from(["", " ", [], {}, {"literal": ""}, {"raw": " "}, {"date-parts": [[]]}, [{"family": ""}]])
_CSL_VARIABLES = ["issued", "accessed", "original-date", "event-date", "publisher", "note", "author"]


def _bare(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if k not in ("id", "type", "title", "language")}


@settings(max_examples=40, deadline=None)
@given(name=st.sampled_from(_BIB_FIELDS), value=_EMPTY_TEXT, dialect=st.sampled_from(["bibtex", "biblatex"]))
def test_an_empty_bibtex_field_is_absent_without_a_warning(name: str, value: str, dialect: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        fields, warnings = _read(Path(folder), "a.bib", f"@book{{a, title={{T}}, {name}={{{value}}}}}", dialect)
    assert _bare(fields) == {}
    assert warnings == []


@settings(max_examples=40, deadline=None)
@given(tag=st.sampled_from(_RIS_TAGS), value=_EMPTY_TEXT)
def test_an_empty_ris_tag_is_absent_without_a_warning(tag: str, value: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        text = f"TY  - BOOK\nID  - a\nTI  - T\n{tag}  - {value}\nER  - \n"
        fields, warnings = _read(Path(folder), "a.ris", text, "ris")
    assert _bare(fields) == {}
    assert warnings == []


@settings(max_examples=60, deadline=None)
@given(
    variable=st.sampled_from(_CSL_VARIABLES),
    value=_CSL_EMPTIES,
    fmt=st.sampled_from([("csljson", "a.json"), ("cslyaml", "a.yaml"), ("yaml", "a.yaml")]),
)
def test_an_empty_csl_or_archcite_field_is_absent_without_a_warning(
    variable: str, value: Any, fmt: tuple[str, str]
) -> None:
    import tempfile

    item = {"id": "a", "type": "book", "title": "T", variable: value}
    text = json.dumps([item]) if fmt[0] == "csljson" else json.dumps([item]).replace("[{", "- {", 1)[:-1]
    with tempfile.TemporaryDirectory() as folder:
        fields, warnings = _read(Path(folder), fmt[1], text, fmt[0])
    assert _bare(fields) == {}
    assert warnings == []


# ---------------------------------------------------------------- the real files, read in place

_REAL = pytest.mark.skipif(not runner.MANIFEST.is_file(), reason="the real-world files are not beside the repository")


@_REAL
@pytest.mark.parametrize(
    ("path", "fmt", "key", "expected"),
    [
        ("bib/socbib.bib", "bibtex", "cegłowski10:_scott_scurv", {"issued": {"date-parts": [[2010, 3]]}}),
        ("bib/socbib.bib", "bibtex", "batt01:_net_workin", {"accessed": {"date-parts": [[2002, 6, 27]]}}),
        (
            "bib/socbib.bib",
            "bibtex",
            "simmel1978",
            {"issued": {"date-parts": [[1978]]}, "original-date": {"date-parts": [[1907]]}},
        ),
        ("bib/socbib.bib", "bibtex", "torcheng:_incon_mobil", {"issued": None, "status": "forthcoming"}),
        ("bib/socbib.bib", "bibtex", "herbener:_frank", {"issued": None}),
        ("bib/historybib-master.bib", "bibtex", "connelly2012enemy", {"issued": None}),
        ("bib/historybib-master.bib", "bibtex", "ats10shepherd", {"issued": {"date-parts": [[1827], [1832]]}}),
        (
            "bib/historybib-master.bib",
            "bibtex",
            "augustine1918commentary",
            {"issued": {"date-parts": [[1918], [1922]]}},
        ),
        ("bib/historybib-master.bib", "bibtex", "edwards18xxlife", {"issued": {"date-parts": [[1800], [1899]]}}),
        (
            "bib/bbt-bulk-performance.biblatex.bib",
            "biblatex",
            "Cole2001DareDream",
            {"issued": {"date-parts": [[2001]], "season": 3}},
        ),
        (
            "bib/bbt-bulk-performance.biblatex.bib",
            "biblatex",
            "PittRivers1875EvolutionCulture",
            {"issued": {"date-parts": [[2004]]}, "original-date": {"date-parts": [[1875]]}},
        ),
    ],
)
def test_real_bibliographies_dates_read_in_place(path: str, fmt: str, key: str, expected: dict[str, Any]) -> None:
    items = {item["id"]: item for item in runner.read_with_archcite(path, fmt).items}
    assert {variable: items[key].get(variable) for variable in expected} == expected


@_REAL
def test_no_real_file_gives_an_empty_literal_date() -> None:
    from archcite.records.model import DATE_VARIABLES

    empty = [
        (entry.path, item.get("id"), variable)
        for entry in runner.manifest()
        for item in runner.read_with_archcite(entry.path, entry.format).items
        for variable in DATE_VARIABLES
        if isinstance(item.get(variable), dict) and not str(item[variable].get("literal", "x")).strip()
    ]
    assert empty == []


# ---------------------------------------------------------------- hostile text


@pytest.mark.parametrize(
    "text",
    ["1" * 100_000, "[" * 50_000 + "1907] 1978", "between " * 20_000 + "1827 and 1832", "March " * 30_000 + "2010"],
)
def test_hostile_date_text_is_read_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    assert words_date(text) is None
    assert issued_fields(text) is None
    assert time.perf_counter() - started < 0.5


# ---------------------------------------------------------------- exports keep what was read

_DATE_LIKE_LITERALS = ["March 2010", "Forthcoming", "1989 [1987]", "n.d.", "between 1827 and 1832", "19xx"]


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex", "ris", "csljson", "cslyaml", "yaml"])
def test_literal_dates_that_read_as_dates_round_trip_as_literals(fmt: str) -> None:
    """A record's literal is the user's: an export keeps it so, though its text reads as a date."""
    from archcite.records.validate import build_records
    from tests.records.test_exports_roundtrip import round_trip

    items = [
        {"id": f"r{n}", "type": "book", "title": "T", "issued": {"literal": text}, "accessed": {"literal": text}}
        for n, text in enumerate(_DATE_LIKE_LITERALS)
    ]
    items.append(
        {
            "id": "read",
            "type": "book",
            "title": "T",
            "status": "forthcoming",
            "issued": {"date-parts": [[2001]], "season": 3},
            "original-date": {"date-parts": [[1890], [1900]]},
        }
    )
    records, _ = build_records([(item, None) for item in items])
    back, _ = round_trip(records, fmt)
    assert [dict(r.fields) for r in back] == [dict(r.fields) for r in records]
