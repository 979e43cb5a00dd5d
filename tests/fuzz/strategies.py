"""Hypothesis strategies for archcite's inputs: valid records (every field of the schema with a
value of its type) and hostile bytes for every loader; shared by the test suite's bounded fuzz
tests and by ``tests/fuzz/campaign.py``'s long runs."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from archcite.records.model import (
    ARCHIVAL_FIELDS,
    CSL_TYPES,
    DATE_VARIABLES,
    NAME_VARIABLES,
    NUMBER_VARIABLES,
    STRING_VARIABLES,
)

# Text as records hold it: any character but control characters and lone surrogates (which the
# schema rejects), with the characters that styles and writers treat specially made likely.
_SPECIAL = [*"{}\\%$&#_^~<>\"'“”‘’«»[]*@,.;:()-–—/ \u00a0\u200b", "ł", "é", "ß", "\u0301", "日", "😀"]
text = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs", "Cc")),
        st.sampled_from(_SPECIAL),
        st.sampled_from(["\n", "\t"]),
    ),
    min_size=1,
    max_size=30,
).filter(lambda value: value.strip() != "")

_particles = st.sampled_from(["de", "van", "von der", "al-", "d'"])


def _name() -> st.SearchStrategy[dict[str, Any]]:
    person = st.fixed_dictionaries(
        {"family": text},
        optional={
            "given": text,
            "suffix": st.sampled_from(["Jr.", "III", "Sr."]),
            "non-dropping-particle": _particles,
            "dropping-particle": _particles,
            "comma-suffix": st.booleans(),
            "static-ordering": st.booleans(),
        },
    )
    return st.one_of(person, st.fixed_dictionaries({"literal": text}))


def _date() -> st.SearchStrategy[dict[str, Any]]:
    year = st.integers(min_value=-9999, max_value=9999)
    day_parts = st.tuples(year, st.integers(1, 12), st.integers(1, 28)).map(list)
    month_parts = st.tuples(year, st.integers(1, 12)).map(list)
    one = st.one_of(year.map(lambda y: [y]), month_parts, day_parts)
    parts = st.one_of(one.map(lambda d: [d]), st.tuples(one, one).map(list))
    return st.one_of(
        st.fixed_dictionaries({"date-parts": parts}, optional={"circa": st.booleans(), "season": st.integers(1, 4)}),
        st.fixed_dictionaries({"literal": text}),
        st.sampled_from(["1966-02-03", "1962-08", "1953~", "1962-10-16/1962-10-28", "1993-23", "-0500"]).map(
            lambda raw: {"raw": raw}
        ),
    )


def _value(name: str) -> st.SearchStrategy[Any]:
    if name in NAME_VARIABLES:
        return st.lists(_name(), min_size=1, max_size=4)
    if name in DATE_VARIABLES:
        return _date()
    if name in NUMBER_VARIABLES:
        return st.one_of(st.integers(0, 10_000), text, st.sampled_from(["209-233", "2nd", "xiv", "12a-13b"]))
    if name in ("title-is-description", "date-supplied"):
        return st.booleans()
    return text


_FIELDS = sorted(
    (NAME_VARIABLES | DATE_VARIABLES | NUMBER_VARIABLES | STRING_VARIABLES | set(ARCHIVAL_FIELDS)) - {"id"}
)
_COMMON = ["title", "author", "issued", "archive", "archive_location", "recipient", "container-title", "page"]


@st.composite
def valid_item(draw: st.DrawFn) -> dict[str, Any]:
    """A record every loader must accept and every style and writer must handle."""
    item: dict[str, Any] = {"type": draw(st.sampled_from(sorted(CSL_TYPES)))}
    for name in draw(st.lists(st.sampled_from(_COMMON), unique=True, max_size=len(_COMMON))):
        item[name] = draw(_value(name))
    for name in draw(st.lists(st.sampled_from(_FIELDS), unique=True, max_size=6)):
        item[name] = draw(_value(name))
    return item


@st.composite
def valid_items(draw: st.DrawFn, max_size: int = 3) -> list[dict[str, Any]]:
    items = draw(st.lists(valid_item(), min_size=1, max_size=max_size))
    for number, item in enumerate(items):
        item["id"] = f"r{number}-" + draw(st.text(alphabet="abcxyz019_-:.", max_size=6))
    return items


# Pieces that make each format's syntax (and the hostile inputs of issue 13) likely.
PIECES = [
    *"@{}()[]=,:;\"'\\%#~^$_-&*!|>? \n\t\r",
    "\x00", "\x07", "\ufeff", "\udfff", "\\udfff", "\\u0000",
    "TY  - ", "ER  - ", "AU  - ", "PY  - ", "DA  - ", "N1  - ", "TI  - ",
    "@book{", "@misc{a,", "author = ", " and ", "title = {", "year = {-500}", "note = {type: book}",
    "- id: a\n  type: book\n", "id: ", "type: ", "issued: ", "author: ", "literal: ", "date-parts: ",
    "&a ", "*a ", "!!python/object:os.system", "---\n", "references:\n",
    '{"id": "a", "type": "book"', '"issued": {"raw": ', '"date-parts": [[', "1950-13-45", "1993-23",
    "History and Public Policy Program Digital Archive", "“Letter”", '"Letter,"', "February 03, 1966",
    "<html>", "<div>", "</div>", "<pre>", "<a href='x.ris'>", "<!DOCTYPE x [<!ENTITY e 'e'>]>", "&e;",
]  # fmt: skip
hostile_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=5), max_size=60).map("".join)

# Pieces of dates as bibliographies write them (archcite.records.written_dates), and hostile runs.
DATE_PIECES = [
    *" ,.-–—/[]()~?%", "March", "mar.", "Sept", "2 ", "30th", "2010", "1907", "19xx", "18XX", "between ", " and ",
    "Autumn", "fall", "Forthcoming", "in press", "n.d.", "unknown", "[1907] ", " [1987]", "1890-1900", "--", "to",
    "1" * 200, "[" * 100, "between " * 20, "2010-22", "T", "0000", "-500", "\u00a0", "{", "}",
]  # fmt: skip
date_text = st.lists(st.sampled_from(DATE_PIECES) | st.text(max_size=4), max_size=30).map("".join)

# Pieces of CSL styles, broken and whole.
CSL_HEAD = '<?xml version="1.0"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">\n'
CSL_PIECES = [
    '<macro name="a">', '<macro name="b">', "</macro>", '<text macro="a"/>', '<text macro="b"/>',
    '<text macro="zz"/>', '<text variable="title"/>', '<citation et-al-min="x">', "<citation>", "</citation>",
    "<bibliography>", "</bibliography>", "<layout>", "</layout>", '<names variable="author"><name/></names>',
    '<choose><if type="book">', "</if></choose>", '<date variable="issued" form="text"/>', '<group delimiter=", ">',
    "</group>", '<text term="no date" form="bogus"/>', '<key macro="a"/>', "<sort>", "</sort>", "<info>", "</info>",
    '<number variable="page" form="roman"/>', '<label variable="page" plural="sometimes"/>', "</style>",
]  # fmt: skip
csl_text = st.lists(st.sampled_from(CSL_PIECES), max_size=25).map(lambda pieces: CSL_HEAD + "".join(pieces))


def _samples() -> list[tuple[str, str]]:
    """(suffix, text) of the project's own sample files: records, exports and saved pages."""
    from pathlib import Path

    data = Path(__file__).resolve().parents[1] / "data"
    paths = [
        Path(__file__).resolve().parents[2] / "examples" / "kim-il-sung-to-gomulka-1966.yaml",
        *sorted((data / "exports").glob("records.*")),
        data / "records" / "two-telegrams.json",
        *sorted((data / "pages").glob("*.txt"))[:3],
        *sorted((data / "html").glob("*.html"))[:2],
    ]
    return [(path.suffix, path.read_text(encoding="utf-8")) for path in paths if path.is_file()]


@st.composite
def mutated_sample(draw: st.DrawFn) -> tuple[str, str]:
    """A sample file with a few pieces cut out, repeated or replaced by hostile ones."""
    suffix, text = draw(st.sampled_from(_samples()))
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, len(text)))
        end = min(len(text), start + draw(st.integers(0, 40)))
        kind = draw(st.sampled_from(["replace", "delete", "repeat"]))
        if kind == "replace":
            text = text[:start] + draw(st.sampled_from(PIECES)) + text[end:]
        elif kind == "delete":
            text = text[:start] + text[end:]
        else:
            text = text[:start] + text[start:end] * draw(st.integers(2, 50)) + text[end:]
    return suffix, text


# A pandoc JSON document (pandoc 3's AST, as `pandoc -t json` writes it) citing the bundled example
# in text and in a note, with a locator and a missing key; the fuzzed documents are mutations of it.
def _pandoc_document(bibliography: str, suffix: str, style: str) -> dict[str, Any]:
    def cite(key: str, mode: str, note: int, suffix_text: str) -> dict[str, Any]:
        return {
            "citationId": key,
            "citationPrefix": [{"t": "Str", "c": "see"}],
            "citationSuffix": [{"t": "Str", "c": ","}, {"t": "Space"}, {"t": "Str", "c": suffix_text}],
            "citationMode": {"t": mode},
            "citationNoteNum": note,
            "citationHash": 0,
        }

    def meta(text: str) -> dict[str, Any]:
        return {"t": "MetaInlines", "c": [{"t": "Str", "c": text}]}

    citations = [cite("kimilsung1966letter", "NormalCitation", 1, suffix), cite("missing", "SuppressAuthor", 1, "")]
    in_note = [cite("kimilsung1966letter", "AuthorInText", 2, suffix)]
    return {
        "pandoc-api-version": [1, 23, 1, 1],
        "meta": {
            "bibliography": meta(bibliography),
            "csl": meta(style),
            "link-citations": {"t": "MetaBool", "c": True},
        },
        "blocks": [
            {
                "t": "Para",
                "c": [{"t": "Str", "c": "Text"}, {"t": "Cite", "c": [citations, [{"t": "Str", "c": "[@x]"}]]}],
            },
            {"t": "Para", "c": [{"t": "Note", "c": [{"t": "Para", "c": [{"t": "Cite", "c": [in_note, []]}]}]}]},
        ],
    }


_META_NAMES = [
    "csl", "citation-style", "bibliography", "references", "nocite", "lang", "link-citations",
    "suppress-bibliography", "reference-section-title", "archcite-sections", "archcite-ibid", "archcite-skip-invalid",
]  # fmt: skip
_meta_text = st.sampled_from(["kimilsung1966letter", "book", "title", "true", "fr-FR", "1966", ""]) | hostile_text
_meta_value = st.recursive(
    st.builds(lambda text: {"t": "MetaInlines", "c": [{"t": "Str", "c": text}]}, _meta_text)
    | st.builds(lambda text: {"t": "MetaString", "c": text}, _meta_text)
    | st.builds(lambda flag: {"t": "MetaBool", "c": flag}, st.booleans()),
    lambda inner: (
        st.builds(lambda items: {"t": "MetaList", "c": items}, st.lists(inner, max_size=3))
        | st.builds(
            lambda items: {"t": "MetaMap", "c": items},
            st.dictionaries(st.sampled_from(["id", "type", "title", "issued", "author", "family"]) | _meta_text, inner),
        )
    ),
    max_leaves=8,
)
_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.sampled_from(PIECES) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["t", "c", "citationId"]), inner),
    max_leaves=12,
)


@st.composite
def pandoc_document(draw: st.DrawFn, bibliography: str) -> str:
    """A pandoc JSON document with a few of its values replaced by any JSON (or deleted), as text."""
    import json

    suffix = draw(st.sampled_from(["p. 3", "pp. 3-4", "ll. 193-194", "chap. ii", "{A-7}", "note 5"]) | hostile_text)
    style = draw(st.sampled_from(["chicago", "chicago-author-date", "mla", "apa", "nonexistent-style"]))
    document: Any = _pandoc_document(bibliography, suffix, style)
    # Metadata of every shape pandoc writes, under the names the filter reads.
    for name in draw(st.lists(st.sampled_from(_META_NAMES), max_size=4)):
        document["meta"][name] = draw(_meta_value)
    for _ in range(draw(st.integers(0, 4))):
        node, key = None, None
        value = document
        while isinstance(value, (dict, list)) and value and draw(st.integers(0, 3)):
            node = value
            key = (
                draw(st.sampled_from(sorted(value)))
                if isinstance(value, dict)
                else draw(st.integers(0, len(value) - 1))
            )
            value = value[key]
        if node is None:
            document = draw(_json)
        elif draw(st.booleans()) and isinstance(node, dict):
            del node[key]
        else:
            node[key] = draw(_json)
    return json.dumps(document) if draw(st.integers(0, 9)) else json.dumps(document)[: draw(st.integers(0, 200))]
