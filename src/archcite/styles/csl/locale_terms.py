"""The locator labels a writer may type, read from the CSL locales citeproc-py ships."""

from __future__ import annotations

from pathlib import Path

from archcite.styles.locators import LOCATOR_LABELS

# The CSL locator terms (1.0.2), by the names the locales give them.
_LOCATOR_TERMS = frozenset(
    {
        "appendix", "article-locator", "book", "canon", "chapter", "column", "elocation", "equation", "figure",
        "folio", "issue", "line", "note", "opus", "page", "paragraph", "part", "rule", "scene", "section",
        "sub verbo", "sub-verbo", "table", "timestamp", "title-locator", "verse", "volume",
    }
)  # fmt: skip


def locale_locator_terms(lang: str | None = None) -> dict[str, str]:
    """Every locator label a writer may type, lower case and as written (an abbreviation with its
    period: ``p.``, ``chap.``; a word or a symbol without: ``page``, ``§``), to its CSL locator:
    the en-US (and ``lang``) locale's terms in every form, as pandoc's citeproc reads citations,
    then archcite's own labels (which read "l."/"ll." as folios, like ``--locator``)."""
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
            # A term's forms: its text, or its single and multiple children (not its comments).
            forms = [child.text for child in term if isinstance(child.tag, str)] or [term.text]
            for form in forms:
                if form:
                    terms[form.strip().lower()] = name.replace("sub verbo", "sub-verbo")
    for label, name in LOCATOR_LABELS.items():
        # archcite's own labels are written without their period; those that are no word of the
        # locale's are abbreviations ("fol", "ll"), written with it.
        written = label if label in terms or not label.isalpha() else f"{label}."
        terms[written] = name
    return terms
