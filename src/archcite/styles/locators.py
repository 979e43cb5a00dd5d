"""Parse a user's locator ("p. 212", "ll. 193-194", "box 4") into a CSL locator label and value."""

from __future__ import annotations

import re

from archcite.errors import ArchciteError, ExitCode
from archcite.styles.engine import Locator

# Abbreviation (lower case, without the period) → CSL 1.0.2 locator label. "l."/"ll." are the
# folios (listy) of Russian and East European archival citations, the use archcite serves.
LOCATOR_LABELS: dict[str, str] = {
    "p": "page",
    "pp": "page",
    "page": "page",
    "pages": "page",
    "f": "folio",
    "ff": "folio",
    "fol": "folio",
    "fols": "folio",
    "folio": "folio",
    "folios": "folio",
    "l": "folio",
    "ll": "folio",
    "vol": "volume",
    "vols": "volume",
    "volume": "volume",
    "ch": "chapter",
    "chap": "chapter",
    "chapter": "chapter",
    "sec": "section",
    "section": "section",
    "§": "section",
    "para": "paragraph",
    "paragraph": "paragraph",
    "¶": "paragraph",
    "n": "note",
    "nn": "note",
    "note": "note",
    "no": "issue",
    "col": "column",
    "fig": "figure",
    "line": "line",
    "lines": "line",
    "pt": "part",
    "part": "part",
    "art": "article-locator",
    "bk": "book",
    "doc": "book",
}

_LOCATOR = re.compile(r"^\s*(?:(?P<label>[^\W\d_]+|§|¶)\.?\s*)?(?P<value>\S.*?)\s*$")


class LocatorError(ArchciteError):
    exit_code = ExitCode.USAGE


def parse_locator(text: str) -> Locator:
    """``"p. 212"`` → Locator("page", "212"); a bare ``"212"`` is a page."""
    match = _LOCATOR.match(text)
    if not match:
        raise LocatorError(f"empty locator {text!r}", hint='write e.g. --locator "p. 212" or "ll. 193-194"')
    label, value = match["label"], match["value"]
    if label is None:
        return Locator("page", value)
    csl_label = LOCATOR_LABELS.get(label.lower())
    if csl_label is None:
        raise LocatorError(
            f"unknown locator label {label!r}",
            hint="known labels: " + ", ".join(sorted({k for k in LOCATOR_LABELS if k.isalpha()})),
        )
    return Locator(csl_label, value)


# The CSL locator terms (1.0.2), by the names the locales give them.
_LOCATOR_TERMS = frozenset(
    {
        "appendix", "article-locator", "book", "canon", "chapter", "column", "elocation", "equation", "figure",
        "folio", "issue", "line", "note", "opus", "page", "paragraph", "part", "rule", "scene", "section",
        "sub verbo", "sub-verbo", "table", "timestamp", "title-locator", "verse", "volume",
    }
)  # fmt: skip


def locale_locator_terms(lang: str | None = None) -> dict[str, str]:
    """Every locator label a writer may type, lower case without a final period, to its CSL
    locator: the en-US (and ``lang``) locale's terms in every form, as pandoc's citeproc reads
    citations, then archcite's own labels (which read "l."/"ll." as folios, like ``--locator``)."""
    from pathlib import Path

    from citeproc.frontend import LOCALES_PATH
    from lxml import etree

    terms: dict[str, str] = {}
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
    for locale in dict.fromkeys(["en-US", *([lang] if lang else [])]):
        path = Path(LOCALES_PATH) / f"locales-{locale}.xml"
        if not path.is_file():
            continue
        for term in etree.parse(str(path), parser).getroot().iter("{http://purl.org/net/xbiblio/csl}term"):
            name = term.get("name")
            if name not in _LOCATOR_TERMS:
                continue
            for form in [child.text for child in term] if len(term) else [term.text]:
                if form:
                    terms[form.strip().lower().rstrip(".")] = name.replace("sub verbo", "sub-verbo")
    terms.update(LOCATOR_LABELS)
    return terms
