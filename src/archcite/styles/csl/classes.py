"""archcite's CSL engine classes: citeproc-py's classes, subclassed with the fixes and features.

The fixes (``styles.fixes``, one module per CSL rule) and the document features (positions,
disambiguation, ...) say which attributes of citeproc-py's classes they change; :func:`_build`
collects them in order and makes one archcite subclass per citeproc-py class archcite uses: the
CSL elements, which archcite's own XML parser (:func:`csl_parser`) builds for styles and locales
alike, and the source, reference, bibliography, citation and cite objects archcite builds itself.
citeproc-py's own classes and modules are never changed, so a program that uses citeproc-py
directly in the same process gets stock citeproc-py.

The classes are made once, when this module is imported, and never change afterwards.
"""

from __future__ import annotations

import os
from typing import Any, NamedTuple

from archcite.styles.csl.fixes._patching import Overrides

_CSL_NAMESPACE = "http://purl.org/net/xbiblio/csl"
_SAFE_PARSER_OPTIONS = {"resolve_entities": False, "load_dtd": False, "no_network": True, "remove_comments": True}


class EngineClasses(NamedTuple):
    """archcite's subclasses of the citeproc-py classes it uses."""

    elements: dict[str | None, type]
    """CSL element name -> class (None: elements without a class of their own)."""
    source: type
    """CiteProcJSON: CSL-JSON items as citeproc-py references."""
    reference: type
    bibliography: type
    citation: type
    citation_item: type
    locator: type
    overrides: Overrides


def _element_name(cls: type) -> str:
    # citeproc-py's own naming: class Date_Part is the element cs:date-part.
    return cls.__name__.replace("_", "-").lower()


def set_locale_list(self: Any, output_locale: str, validate: bool = True) -> None:
    """The locales in which ``Style`` looks terms and options up, in CSL 1.0.2's fallback order
    ("Locale Fallback"): the style's own ``cs:locale`` for the dialect, then for the language,
    then without a language; then the locale files for the dialect, the language's primary
    dialect and en-US. The locale files are parsed by archcite's parser, so their elements are
    archcite's too. ``validate`` is accepted for citeproc-py's signature and ignored."""
    from citeproc import LANGUAGE_NAMES, LOCALES_PATH, PRIMARY_DIALECTS
    from lxml import etree

    language = output_locale.split("-")[0]
    locales: list[Any] = []
    for wanted in (output_locale, language, None):
        expression = f'./cs:locale[@xml:lang="{wanted}"]' if wanted else "./cs:locale[not(@xml:lang)]"
        found = self.xpath_search(expression)
        if len(found) > 1:
            raise ValueError(f"the style has {len(found)} cs:locale elements for {wanted or 'no language'}")
        locales += found
    files = [
        *([output_locale] if output_locale in LANGUAGE_NAMES else []),
        *([PRIMARY_DIALECTS[language]] if language in PRIMARY_DIALECTS else []),
        "en-US",
    ]
    for name in dict.fromkeys(files):
        try:
            tree = etree.parse(os.path.join(LOCALES_PATH, f"locales-{name}.xml"), csl_parser())
        except OSError:
            raise ValueError(f"{name!r} is not a known locale") from None
        locales.append(tree.getroot())
    self.locales = locales
    for locale in locales:
        locale.style = self


def _build() -> EngineClasses:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, Locator
    from citeproc.model import CitationStylesElement, Style
    from citeproc.source import Reference
    from citeproc.source.json import CiteProcJSON

    from archcite.styles.csl import (
        author_substitute,
        citation_label,
        citation_order,
        collapse,
        disambiguation,
        name_affixes,
        positions,
        sort_hooks,
    )
    from archcite.styles.csl.fixes import apply_all, textcase

    overrides = Overrides()
    # The fixes first: the document features wrap some of the same methods.
    apply_all(overrides)
    for feature in (
        citation_order,
        positions,
        disambiguation,
        author_substitute,
        collapse,
        citation_label,
        name_affixes,
    ):
        feature.install(overrides)
    textcase.install(overrides)
    # Last: the sort keys' hooks answer for whatever computes sort keys.
    sort_hooks.install(overrides)
    overrides.replace(Style, "set_locale_list", "locales", lambda _stock: set_locale_list)
    reference = overrides.subclass(Reference, module=__name__)
    overrides.replace(CiteProcJSON, "reference_class", "classes", lambda _stock: reference)

    elements: dict[str | None, type] = {
        _element_name(cls): overrides.subclass(cls, module=__name__) for cls in CitationStylesElement.__subclasses__()
    }
    # Named so that no XML element can have its name, should citeproc-py's own parser (which maps
    # every direct subclass of CitationStylesElement to an element name) ever see it.
    elements[None] = overrides.subclass(CitationStylesElement, "-archcite-default", __name__)
    return EngineClasses(
        elements=elements,
        source=overrides.subclass(CiteProcJSON, module=__name__),
        reference=reference,
        bibliography=overrides.subclass(CitationStylesBibliography, module=__name__),
        citation=overrides.subclass(Citation, module=__name__),
        citation_item=overrides.subclass(CitationItem, module=__name__),
        locator=overrides.subclass(Locator, module=__name__),
        overrides=overrides,
    )


CLASSES = _build()


def csl_parser() -> Any:
    """A hardened XML parser (no entities, DTDs or network) that builds archcite's elements.

    A new parser each time: lxml parsers must not be shared between threads."""
    from lxml import etree

    lookup = etree.ElementNamespaceClassLookup()
    namespace = lookup.get_namespace(_CSL_NAMESPACE)
    namespace.update(CLASSES.elements)
    parser = etree.XMLParser(**_SAFE_PARSER_OPTIONS)
    parser.set_element_class_lookup(lookup)
    return parser
