"""Parse a user's locator ("p. 212", "ll. 193-194", "box 4") into a CSL locator label and value."""

from __future__ import annotations

import re

from archcite.errors import ArchciteError, ExitCode
from archcite.styles.types import Locator

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


def parse_locator(text: str, locale: str | None = None) -> Locator:
    """``"p. 212"`` → Locator("page", "212"); a bare ``"212"`` is a page. With a CSL ``locale``
    (``de-DE``), its locator terms are read too, as pandoc reads them ("S. 212" is a page)."""
    match = _LOCATOR.match(text)
    if not match:
        raise LocatorError(f"empty locator {text!r}", hint='write e.g. --locator "p. 212" or "ll. 193-194"')
    label, value = match["label"], match["value"]
    if label is None:
        return Locator("page", value)
    csl_label = LOCATOR_LABELS.get(label.lower())
    if csl_label is None and locale:
        from archcite.styles.csl.locale_terms import locale_locator_terms

        terms = locale_locator_terms(locale)
        csl_label = terms.get(label.lower() + ".") or terms.get(label.lower())
    if csl_label is None:
        raise LocatorError(
            f"unknown locator label {label!r}",
            hint="known labels: " + ", ".join(sorted({k for k in LOCATOR_LABELS if k.isalpha()})),
        )
    return Locator(csl_label, value)
