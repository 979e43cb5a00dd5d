"""Language names and codes as BCP 47 tags (records/languages.py).

Expected tags: ISO 639-1 codes, which BCP 47 uses where a language has one, for the ISO 639-2
codes and English and native names of the ISO 639 tables (eng/English en, ger/deu/German/Deutsch
de, isl/Icelandic is, fre/French fr); babel's names as biblatex's langid reads them (pandoc's
reading, tests/records/test_bibliography_reading.py).
"""

from __future__ import annotations

import pytest

from archcite.records.languages import language_tag


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("eng", "en"),
        ("Eng", "en"),
        ("en", "en"),
        ("English", "en-US"),  # babel's "english", which biblatex and pandoc read as American English
        ("ger", "de"),
        ("deu", "de"),
        ("Deutsch", "de"),
        ("isl", "is"),
        ("Icelandic", "is-IS"),
        ("fre", "fr"),
        ("ngerman", "de-DE"),
        ("en-GB", "en-GB"),
    ],
)
def test_a_language_name_or_code_is_its_tag(text: str, tag: str) -> None:
    assert language_tag(text) == tag


@pytest.mark.parametrize("text", ["", "Language", "langlatin and langgerman", "English; French", "zz"])
def test_a_text_that_names_no_language_has_no_tag(text: str) -> None:
    assert language_tag(text) is None
