"""Language names and codes as the BCP 47 tags that CSL's ``language`` holds.

Files name a language in many ways: babel's names (``ngerman``, which ``langid`` takes), English
or native names (``English``, ``Deutsch``), ISO 639 codes (``eng``, ``ger``, ``isl``), tags
(``en-GB``). CSL's ``language`` is a BCP 47 tag, and a style title-cases only an item whose tag
starts with ``en``: ``Eng`` or ``English`` kept as written would turn title case off.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

# babel/polyglossia language names (langid, hyphenation) -> the CSL locale they select.
LANGUAGES: Mapping[str, str] = {
    "english": "en-US", "american": "en-US", "usenglish": "en-US", "canadian": "en-US", "british": "en-GB",
    "ukenglish": "en-GB", "australian": "en-GB", "newzealand": "en-GB", "afrikaans": "af-ZA", "arabic": "ar",
    "basque": "eu", "bulgarian": "bg-BG", "catalan": "ca-AD", "croatian": "hr-HR", "czech": "cs-CZ",
    "danish": "da-DK", "dutch": "nl-NL", "estonian": "et-EE", "finnish": "fi-FI", "french": "fr-FR",
    "francais": "fr-FR", "canadien": "fr-CA", "acadian": "fr-CA", "german": "de-DE", "ngerman": "de-DE",
    "germanb": "de-DE", "austrian": "de-AT", "naustrian": "de-AT", "swissgerman": "de-CH",
    "nswissgerman": "de-CH", "greek": "el-GR", "polutonikogreek": "el-GR", "hebrew": "he-IL",
    "hungarian": "hu-HU", "magyar": "hu-HU", "icelandic": "is-IS", "italian": "it-IT", "japanese": "ja-JP",
    "latin": "la", "latvian": "lv-LV", "lithuanian": "lt-LT", "mongolian": "mn-MN", "norsk": "nb-NO",
    "nynorsk": "nn-NO", "farsi": "fa-IR", "polish": "pl-PL", "brazil": "pt-BR", "brazilian": "pt-BR",
    "portuges": "pt-PT", "portuguese": "pt-PT", "romanian": "ro-RO", "russian": "ru-RU", "serbian": "sr-RS",
    "serbianc": "sr-RS", "slovak": "sk-SK", "slovene": "sl-SL", "spanish": "es-ES", "swedish": "sv-SE",
    "thai": "th-TH", "turkish": "tr-TR", "ukrainian": "uk-UA", "vietnamese": "vi-VN",
}  # fmt: skip

# A list of languages ("English; French", biblatex's "langlatin and langgerman").
_LIST = re.compile(r"[;,/]|\s(?:and|&)\s", re.IGNORECASE)


def language_tag(text: str) -> str | None:
    """The BCP 47 tag of a language name, babel name or code; None when the text names none (a
    list of languages, a placeholder). Names and codes are langcodes' (with language_data's names
    in many languages); babel's names are biblatex's ``langid`` values, as pandoc reads them."""
    import langcodes

    words = text.strip()
    if not words or _LIST.search(words):
        return None  # several languages: CSL's language is one tag (langcodes would take the first)
    key = words.lower()
    if key in LANGUAGES:
        return LANGUAGES[key]
    try:
        language = langcodes.Language.get(words)
        if language.is_valid() and language.language not in (None, "und"):
            return str(langcodes.standardize_tag(words))
    except (ValueError, LookupError):
        pass
    try:
        return str(langcodes.find(words).to_tag())
    except LookupError:
        return None


# A tag's primary language subtag: two letters then a subtag or the end (``en``, ``de-DE``, ``fr_CA``).
_TAG_PRIMARY = re.compile(r"([A-Za-z]{2})(?:[-_\s]|$)")


def primary_language(text: str) -> str:
    """The primary language of a record's ``language``, lower case, to case its text by: a tag's
    primary subtag (``en-GB``: ``en``); else the language a name or code names, as
    :func:`language_tag` reads it (``English``, ``Eng``, ``eng``: ``en``; ``German``: ``de``), as
    citeproc-js reads them; else the text's first two letters (CSL: a language that does not start
    with ``en`` is not English)."""
    text = text.strip()
    match = _TAG_PRIMARY.match(text)
    return match.group(1).lower() if match else _named_primary(text)


@lru_cache(maxsize=256)
def _named_primary(text: str) -> str:
    tag = language_tag(text)
    return tag.split("-", 1)[0].lower() if tag else text[:2].lower()
