"""Property: every export parses with bibtexparser (BibTeX), rispy (RIS) and pandoc 3, and reads
back in archcite with every field, for titles with CSL markup (small caps, italics, nocase),
wrapped values (line breaks and indentation) and non-ASCII text.

A wrapped value is one value: a line break inside a text field (other than ``note``) has no
meaning in CSL, so RIS writes it on one line and the BibTeX readers read it, with the spaces and
tabs around it, as one space, as TeX and pandoc do (docs/reference-managers.md, "White space").
Such values are compared as that rule normalises them.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from archcite.records.formats import ris
from archcite.records.io import dump_records
from archcite.records.registry import get_format
from archcite.records.validate import build_records
from tests.records.exports_helpers import as_tex_reads, comparable
from tests.records.pandoc_readback import pandoc_items, plain
from tests.records.test_exports_properties import LETTERS, NAMES, text

pytest.importorskip("pypandoc", reason="pypandoc_binary is a test dependency")

WORD = text(LETTERS + "0123456789%&$#_~^'.,:;!?()/-", 10).filter(lambda t: " " not in t)
TAGS = [("<i>", "</i>"), ("<b>", "</b>"), ('<span style="font-variant:small-caps;">', "</span>"), ("<sup>", "</sup>")]
# A nocase span is written as a plain brace group, which BibTeX readers take for case
# protection: pandoc reads it back as the span, archcite as plain text.
NOCASE = ('<span class="nocase">', "</span>")
GAP = st.sampled_from([" ", " ", "\n    ", "\n\t\t  "])


def rich(tags: list[tuple[str, str]]) -> st.SearchStrategy[str]:
    """ "Transcript of <sc>bpac</sc> Meeting": words, some inside markup, joined by a space or a wrap."""
    piece = st.one_of(WORD, st.tuples(st.sampled_from(tags), WORD).map(lambda m: m[0][0] + m[1] + m[0][1]))
    return st.lists(st.tuples(piece, GAP), min_size=1, max_size=5).map(lambda ps: "".join(p + g for p, g in ps).strip())


WRAPPED = st.lists(st.tuples(WORD, GAP), min_size=1, max_size=5).map(lambda ps: "".join(p + g for p, g in ps).strip())


def items(tags: list[tuple[str, str]]) -> st.SearchStrategy[list[dict[str, Any]]]:
    record = st.fixed_dictionaries(
        {
            "type": st.sampled_from(["personal_communication", "manuscript", "document", "book", "chapter", "speech"]),
            "title": rich(tags),
        },
        optional={
            "author": NAMES,
            "recipient": NAMES,
            "editor": NAMES,
            "container-title": rich(tags),
            "publisher": WRAPPED,
            "archive": WRAPPED,
            "archive_location": WRAPPED,
            "archive_collection": WRAPPED,
            "abstract": WRAPPED,
            "URL": st.from_regex(r"https://example\.org/[a-z0-9~_%#;/.?=&-]{0,20}", fullmatch=True),
        },
    )
    return st.lists(record, min_size=1, max_size=4).map(
        lambda found: [{**item, "id": f"r{index}"} for index, item in enumerate(found)]
    )


FORMATS = [("bibtex", False), ("bibtex", True), ("biblatex", False), ("ris", False), ("csljson", False)]


def _as_ris_writes(fields: dict[str, Any]) -> dict[str, Any]:
    """A value in a tag on one line (its line breaks as spaces), in an N1 line exactly; URLs
    without ``;`` (rispy splits UR on it)."""
    result = dict(fields)
    for name, value in fields.items():
        csl_type = str(fields["type"])
        # A field also written as an M2 line (for Zotero) reads back exactly from that line.
        if isinstance(value, str) and ris.written_tag(csl_type, name) and not ris.also_m2_line(csl_type, name):
            result[name] = re.sub(r"[ \t]*\n[ \t]*", " ", value)
    if "URL" in result:
        result["URL"] = result["URL"].replace(";", "%3B")
    return result


@pytest.mark.parametrize(("fmt", "ascii_only"), FORMATS)
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=items([*TAGS, NOCASE]))
def test_pandoc_reads_every_export_with_its_titles(fmt: str, ascii_only: bool, items: list[dict[str, Any]]) -> None:
    # A word after a stop and signs is pandoc's quirk, pinned by the strict xfail below.
    assume(not any(_STOP_THEN_SIGNS.search(plain(item["title"])) for item in items))
    records, _ = build_records([(item, None) for item in items])
    read = pandoc_items(dump_records(records, fmt, ascii_only=ascii_only).text, fmt)
    assert set(read) == {record.id for record in records}
    for record in records:
        assert plain(read[record.id]["title"]) == plain(record.fields["title"]), record.id


# A stop, then signs, then a space: where pandoc may or may not start a sentence.
_STOP_THEN_SIGNS = re.compile(r"[.?!:][^\w\s]+\s")


@pytest.mark.xfail(
    strict=True,
    reason="after ':' and a sign, pandoc capitalises some words and not others (':~ α 0' gives ':~ Α 0', "
    "':^ <i>ß</i>' gives '<i>SS</i>', but ':^ ab', 'Xy:~ a' and 'x: a' stay); the writer protects words as "
    "archcite's reader reads them, so that exports read back in archcite, and does not model that; found by "
    "hypothesis",
)
@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
@pytest.mark.parametrize("title", [":^ <i>ß</i>", ":~ α 0"])
def test_pandoc_keeps_a_word_after_a_colon_and_a_sign(fmt: str, title: str) -> None:
    records, _ = build_records([({"id": "r0", "type": "book", "title": title}, None)])
    read = pandoc_items(dump_records(records, fmt).text, fmt)
    assert plain(read["r0"]["title"]) == plain(title)


@pytest.mark.parametrize(("fmt", "ascii_only"), [*FORMATS, ("cslyaml", False), ("yaml", False)])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=items(TAGS))
# Found by this test: "_" ended no word for the sentence-case state, so "ß" after ":X_" was braced
# (as at a sentence's start) and read back as a nocase span.
@example(items=[{"id": "r0", "type": "book", "title": ":X_ ß"}])
def test_rich_and_wrapped_values_read_back_in_archcite(fmt: str, ascii_only: bool, items: list[dict[str, Any]]) -> None:
    records, _ = build_records([(item, None) for item in items])
    text = dump_records(records, fmt, ascii_only=ascii_only).text
    reader = get_format(fmt, purpose="load")
    assert reader.load is not None
    parsed = reader.load(text, f"export.{fmt}")
    assert [str(w) for w in parsed.warnings] == []
    back, _ = build_records(parsed.items)
    expected = [comparable(r.fields) for r in records]
    if fmt == "ris":
        expected = [_as_ris_writes(fields) for fields in expected]
    if fmt in ("bibtex", "biblatex"):
        expected = [as_tex_reads(fields, fmt) for fields in expected]
    assert [comparable(r.fields) for r in back] == expected


def test_bibtexparser_and_pandoc_read_a_small_caps_title_and_a_url_with_percent() -> None:
    from archcite.records.model import Record

    record = Record(
        {
            "id": "bpac",
            "type": "document",
            "title": 'Transcript of <span style="font-variant:small-caps;">bpac</span> Meeting',
            "URL": "https://example.org/a%20b_c~d#x",
        }
    )
    for fmt in ("bibtex", "biblatex"):
        text = dump_records([record], fmt).text
        assert "title = {Transcript of \\textsc{bpac} {Meeting}}" in text
        assert "url = {https://example.org/a%20b_c~d#x}" in text
        item = pandoc_items(text, fmt)["bpac"]
        assert (item["title"], item["URL"]) == (
            'Transcript of <span style="font-variant:small-caps;">bpac</span> Meeting',
            record.fields["URL"],
        )
