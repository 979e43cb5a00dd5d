"""Any archival record renders in every archival form without doubled punctuation or spaces."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from archcite.records.validate import check_item
from archcite.styles.archival import render_one
from archcite.styles.markup import to_plain

WORDS = st.sampled_from(["Berlin", "Łódź", "Papers", "Workers'", "of", "the", "Box", "KC PZPR", "Nowak", "Ölund"])
TEXT = st.lists(WORDS, min_size=1, max_size=4).map(" ".join)
PERSON = st.fixed_dictionaries({"family": TEXT, "given": TEXT})
LITERAL = st.fixed_dictionaries({"literal": TEXT})
STATIC = st.fixed_dictionaries({"family": TEXT, "given": TEXT, "static-ordering": st.just(True)})
NAMES = st.lists(st.one_of(PERSON, LITERAL, STATIC), min_size=1, max_size=4)
DATE = st.one_of(
    st.fixed_dictionaries({"date-parts": st.just([[1966, 2, 3]])}),
    st.fixed_dictionaries({"date-parts": st.just([[1962, 10, 16], [1962, 11, 20]])}),
    st.fixed_dictionaries({"date-parts": st.just([[1953]]), "circa": st.just(True)}),
    st.fixed_dictionaries({"date-parts": st.just([[1945], [1953]])}),
    st.fixed_dictionaries({"literal": st.just("early 1950s")}),
)
OPTIONAL = {
    "author": NAMES,
    "recipient": NAMES,
    "translator": NAMES,
    "title": TEXT,
    "title-is-description": st.booleans(),
    "date-supplied": st.booleans(),
    "genre": st.sampled_from(["Letter", "Telegram", "Memorandum", "Minutes of Conversation", "Report", "Diary"]),
    "issued": DATE,
    "archive": TEXT,
    "archive-place": TEXT,
    "archive_collection": TEXT,
    "archive_location": st.sampled_from(["2263/175-233", "f. 5, op. 30, d. 5", "Box 3, Folder 2", "sygn. 2661"]),
    "page": st.sampled_from(["209-233", "141", "1, 14-18", "2-2ob"]),
    "page-label": st.sampled_from(["page", "folio", "leaf"]),
    "digital-archive": TEXT,
    "digital-archive-publisher": TEXT,
    "URL": st.just("https://digitalarchive.wilsoncenter.org/document/113390"),
    "medium": st.just("Manuscript"),
    "number": st.just("25553"),
}


@st.composite
def archival_records(draw: st.DrawFn) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "id": "r",
        "type": draw(st.sampled_from(["personal_communication", "manuscript", "document", "collection"])),
        "archive": draw(TEXT),
    }
    for name, strategy in OPTIONAL.items():
        if draw(st.booleans()):
            fields[name] = draw(strategy)
    return fields


@settings(max_examples=150, deadline=None)
@given(archival_records())
def test_archival_forms_have_clean_punctuation(fields: dict[str, Any]) -> None:
    checked, _ = check_item(fields, None)
    for style in ("chicago-notes-bibliography", "chicago-author-date", "modern-language-association"):
        citation = render_one(checked, style)
        for text in (citation.cite, citation.cite_sub, citation.bib):
            plain = to_plain(text)
            assert plain.strip() == plain
            for flaw in ("..", ",,", " ,", " .", "  ", ",.", "'"):
                assert flaw not in plain.replace("...", "…"), (style, plain)
        assert to_plain(citation.bib).endswith((".", ".”")), (style, citation.bib)


def _collation_key_by_characters(text: str) -> str:
    """collation_key as first written, one character at a time: the fast one must agree with it."""
    import unicodedata

    text = text.replace("ł", "l").replace("Ł", "L").replace("ß", "ss").replace("ø", "o")
    folded = unicodedata.normalize("NFKD", text)
    letters = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() or c.isspace() else " " for c in letters.casefold()).split())


@given(st.text() | st.text(alphabet="Łłßø_ aeiouBékésİǅﬁ²½٣\u0301\u00a0\u2028-—.,'’«»"))
def test_collation_key_reads_every_character_as_the_character_by_character_definition(text: str) -> None:
    from archcite.styles.archival.names import collation_key

    assert collation_key(text) == _collation_key_by_characters(text)


def test_collation_key_folds_case_accents_and_punctuation() -> None:
    from archcite.styles.archival.names import collation_key

    assert collation_key("Békés, Csaba") == collation_key("BEKES CSABA") == "bekes csaba"
    assert collation_key("Gomułka, Władysław — “Papers”") == "gomulka wladyslaw papers"
    assert collation_key("snake_case") == "snake case"
