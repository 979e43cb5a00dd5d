"""The locale a style renders in, from the writer's language (``archcite cite --lang``, pandoc's ``lang``).

A language is a BCP 47 tag; CSL's locales are the locale files citeproc-py ships
(``locales-de-DE.xml``, ...). The tag becomes a CSL locale as citeproc-js makes it one
(``CSL.localeResolve``): a bare language is its primary dialect (``de`` is ``de-DE``), a longer
tag keeps its first two subtags (``de-DE-1996`` is ``de-DE``). A locale without a file of its own
falls back as citeproc-js and CSL 1.0.2 ("Locale Fallback") say: to the primary dialect of its
language (``de-LU`` prints ``de-DE``'s terms), else to en-US (``tlh`` prints en-US's terms, but
not the style's ``cs:locale`` for English); the engine does that
(``styles.csl.classes.set_locale_list``), this module says so in a warning.

Whether the language replaces a ``default-locale`` the style sets is the caller's choice (the
``override`` of :func:`localise`): citeproc-js keeps the style's unless asked to force the
language (``CSL.Engine(sys, style, lang, forceLang)``), and Zotero forces it only for a dependent
style's own locale, so ``din-1505-2`` stays German there; pandoc's ``lang`` always replaces it.

The list of locales is read from citeproc-py's ``locales.json`` without importing citeproc.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache
from typing import NamedTuple

from archcite.errors import ArchciteError, ExitCode
from archcite.styles import collation
from archcite.styles.names import Style


class LanguageTagError(ArchciteError):
    """A language that is no BCP 47 tag: a usage error."""

    exit_code = ExitCode.USAGE


class Localised(NamedTuple):
    """A style set to render in the writer's language, and what the writer should be told."""

    style: Style
    warnings: list[str]


@cache
def _locales_json() -> tuple[tuple[str, ...], dict[str, str]]:
    """(every CSL locale citeproc-py ships, language -> its primary dialect)."""
    from importlib.util import find_spec

    spec = find_spec("citeproc")
    if spec is None or not spec.origin:
        raise ModuleNotFoundError("citeproc-py, which archcite depends on, is not installed")
    path = os.path.join(os.path.dirname(spec.origin), "data", "locales", "locales.json")
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    return tuple(sorted(data["language-names"])), dict(data["primary-dialects"])


def csl_locales() -> tuple[str, ...]:
    """The CSL locales there are files for (``de-DE``, ``fr-CA``, ``sr-Latn-RS``, ...)."""
    return _locales_json()[0]


def _accepted() -> str:
    return "a BCP 47 language tag such as de, de-DE, fr-CA or pl-PL; CSL has locales for " + ", ".join(csl_locales())


def language_tag(text: str) -> str:
    """``text`` as a well-formed, valid BCP 47 tag in its usual case (``DE-de`` is ``de-DE``;
    ``en_US``, as citeproc-js reads it, is ``en-US``); a :class:`LanguageTagError` otherwise."""
    import langcodes

    tag = text.strip().replace("_", "-")
    if not tag or not langcodes.tag_is_valid(tag):
        raise LanguageTagError(f"{text!r} is not a language tag", hint=f"give {_accepted()}")
    return str(langcodes.standardize_tag(tag))


def csl_locale(tag: str) -> tuple[str, str | None]:
    """The locale to render ``tag`` (a valid tag, see :func:`language_tag`) in, as citeproc-js
    resolves it, and a warning when CSL has no locale file for it (None when it has)."""
    locales, primary = _locales_json()
    if tag in locales:
        return tag, None
    subtags = tag.split("-")
    language = subtags[0].lower()
    if len(subtags) == 1 and language in primary:
        return primary[language], None
    locale = "-".join(subtags[:2])
    if locale in locales:
        return locale, None
    used = primary.get(language, "en-US")
    return locale, f"CSL has no locale for {tag}: {used} is used"


@cache
def _default_locale(path: str) -> str | None:
    """The ``default-locale`` a CSL file's ``cs:style`` sets, read from its first kilobytes."""
    with open(path, "rb") as handle:
        head = handle.read(8192)
    found = re.search(rb'<style\b[^>]*?\sdefault-locale\s*=\s*["\']([^"\']+)["\']', head)
    return found.group(1).decode("ascii", "replace") if found else None


def localise(style: Style, tag: str | None, *, override: bool) -> Localised:
    """``style`` set to render in the language ``tag`` (already a valid tag, or None for the
    style's own locale). With ``override`` the language replaces a ``default-locale`` the style
    sets (pandoc, citeproc-js's ``forceLang``); without it such a style keeps its own locale, as
    citeproc-js and Zotero keep it, and a warning says so. A warning also says when the locale
    in force sorts otherwise than English and ICU, which sorts it, is not installed."""
    if style.path is None:
        return Localised(style, [])
    localised = _localised(style, style.path, tag, override=override)
    # The bibliography sorts in the locale's collation (styles.collation): tell when it cannot.
    in_force = localised.style.locale or _default_locale(style.path) or "en-US"
    unsorted = collation.fallback_warning(in_force)
    return localised._replace(warnings=[*localised.warnings, unsorted]) if unsorted else localised


def _localised(style: Style, path: str, tag: str | None, *, override: bool) -> Localised:
    if not tag:
        return Localised(style, [])
    locale, warning = csl_locale(tag)
    own = _default_locale(path)
    if own is not None and not override:
        told = [] if own == locale else [f"{style.name} sets its own locale, {own}: the language {tag} is not applied"]
        return Localised(style, told)
    return Localised(style._replace(locale=locale), [warning] if warning else [])


def in_english(style: Style) -> bool:
    """Whether ``style`` renders in English (archcite's archival house rules are English only)."""
    locale = style.locale or (_default_locale(style.path) if style.path else None) or "en-US"
    return locale.split("-")[0].lower() == "en"
