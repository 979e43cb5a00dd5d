"""Initials: given names initialised where the style asks, and initials already in the data normalised.

CSL 1.0.2, ``cs:name`` attributes ``initialize-with`` and ``initialize``: with ``initialize-with``
set, given names become initials each followed by its value; with ``initialize="false"`` they are
not initialised, but "the value of initialize-with is still added after initials present in the
full name" ("James T" becomes "James T."). The specification does not say what an initial present
in the data is; the CSL test suite (``name_Initials*``) and citeproc-js count a single capital
("T") and a word ending in a period ("T.", "Ph.", "Me.") as one, whatever way they were written
("M.E", "M E.", "ME."), and print them again with the style's mark: between two initials the mark
alone ("J. F." with ". ", "J.F." with ".", "JF" with ""), before a word the mark and a space.
So ``J.F. Dulles`` reads ``J. F. Dulles`` in APA and ``JF Dulles`` in OSCOLA.

citeproc-py 0.11.1 (``Name.initialize``) never reads ``initialize``, initialised every given name
("G. F. Kennan" in styles that keep them whole) and took a word ending in a period for a name
("Ph." became "P."). The fix replaces ``Name.initialize``.
"""

from __future__ import annotations

import re
from typing import Any

from archcite.styles.csl.fixes import _marks
from archcite.styles.csl.fixes._patching import Overrides

FIX = "initialize"

# A period glued to the next word ("J.F.") parts two initials; one before a hyphen ("C.-T.") joins
# the initials of a hyphenated name, which stay one.
_GLUED_PERIOD = re.compile(r"\.(?=[^\s-])")


def _edges(word: str) -> tuple[str, str, str]:
    """The formatting marks that open a word, the word, and the marks that close it."""
    start, end = 0, len(word)
    while start < end and word[start] in _marks.ALL:
        start += 1
    while end > start and word[end - 1] in _marks.ALL:
        end -= 1
    return word[:start], word[start:end], word[end:]


def _is_initial(word: str) -> bool:
    """One capital ("T"), or an abbreviation written with its period ("T.", "Ph.")."""
    return (len(word) == 1 and word.isupper()) or (len(word) > 1 and word.endswith("."))


def _initial_of(word: str, mark: str, hyphen: bool) -> str:
    """The initial(s) of a name ("Hans-Dietrich" -> "H.-D."); a lower-case particle stays whole.
    A hyphen before a lower-case letter joins syllables of one name ("Guo-ping" -> "G", as
    citeproc-js: name_LowercaseSurnameSuffix)."""
    parts: list[str] = []
    for part in word.split("-") if hyphen else [word]:
        if parts and part[:1].islower():
            parts[-1] += "-" + part
        else:
            parts.append(part)
    edges = [_edges(part) for part in parts]
    if not edges[0][1][:1].isupper() or not all(_initialised(core) for _lead, core, _trail in edges):
        return word
    # A part's formatting closes after its initial's mark ("<b>John</b>-Q" -> "<b>J.</b>-Q.").
    last = len(edges) - 1
    return "-".join(
        lead + _part_initial(core) + ("" if n == last or not core[:1].isalpha() else mark.rstrip()) + trail
        for n, (lead, core, trail) in enumerate(edges)
    )


def _initialised(part: str) -> bool:
    """Whether a hyphenated name's part can stand in its initials: a name, or no word at all."""
    return part[:1].isupper() or not part[:1].isalpha()


def _part_initial(part: str) -> str:
    """A hyphenated name's part as its initial: an abbreviation written with its period stays whole
    ("Alan-Louis." -> "A.-Louis."), as does what is no word ("Inge09-27" -> "I.-27", "Bensaude-" ->
    "B.-", neither with a mark after it), as citeproc-js reads each part of the name (real records:
    bbt-bulk-performance, bbt-plus-in-field-2660)."""
    if _is_initial(part):
        return part.removesuffix(".")
    return _first_letter(part) if part[:1].isalpha() else part


def _first_letter(name: str) -> str:
    """The initial of a name: its first letter, with the capitals right after it when more
    follows them ("TSerendorjiin" -> "Ts", a digraph of Mongolian romanisation; "JOHN" -> "J"), as
    citeproc-js writes it (name_LongAbbreviation)."""
    rest = name[1:]
    capitals = next((n for n, letter in enumerate(rest) if not letter.isupper()), len(rest))
    if 0 < capitals < len(rest):
        return name[0] + rest[:capitals].lower()
    return name[0]


def initials(given: str, mark: str, *, initialize: bool = True, hyphen: bool = True) -> str:
    """``given`` with its initials written with ``mark``; with ``initialize``, its names too."""
    if not hyphen:
        given = given.replace("-", " ")
    words = _GLUED_PERIOD.sub(". ", given).split()
    pieces: list[tuple[str, bool, str]] = []
    for word in words:
        # Formatting marks around a word (rich text in the field: "<b>John</b>") wrap its initial
        # and the mark after it ("<b>J.</b>"), as citeproc-js writes them (name_InTextMarkup*).
        lead, core, trail = _edges(word)
        if hyphen and "-" in core and all(_is_initial(part) for part in core.split("-")):
            # A hyphenated name's initials in the data ("C.-T.") are written again with the
            # mark, as "Chung-Tao" would be ("C.-T." with ". ", "C-T" with ""); where names are
            # not initialised they are initials like any other ("C. T."; citeproc-js).
            if initialize:
                pieces.append((lead + _initial_of(core.replace(".", ""), mark, hyphen), True, trail))
            else:
                parts = [part.removesuffix(".") for part in core.split("-")]
                parts[0] = lead + parts[0]
                pieces += [(part, True, trail if n == len(parts) - 1 else "") for n, part in enumerate(parts)]
        elif _is_initial(core) and not (hyphen and initialize and "-" in core.rstrip("-")):
            pieces.append((lead + (core.removesuffix(".") if len(core) > 1 else core), True, trail))
        elif initialize and core[:1].isupper():
            pieces.append((lead + _initial_of(core, mark, hyphen), True, trail))
        else:
            pieces.append((word, False, ""))
    return _joined(pieces, mark)


def _joined(pieces: list[tuple[str, bool, str]], mark: str) -> str:
    """The given name's words and initials joined, each initial followed by ``mark``."""
    out = []
    mark_text, mark_space = mark.rstrip(), mark[len(mark.rstrip()) :]
    for index, (text, is_initial, trail) in enumerate(pieces):
        out.append(text)
        if not is_initial:
            out.append(" ")
        elif _closes_bare(text):  # a hyphenated name closing with no word takes no mark ("B.-", "I.-27")
            out.append(trail + " ")
        elif index + 1 < len(pieces) and pieces[index + 1][1]:
            out.append(mark_text + trail + mark_space)
        else:
            out.append(mark_text + trail + mark_space + " ")
    return " ".join("".join(out).split())


def _closes_bare(text: str) -> bool:
    """Whether a hyphenated name's last part is no word ("B.-", "I.-27"; not "0." of "S. 0.")."""
    core = _edges(text)[1]
    return "-" in core and not core.rsplit("-", 1)[1][:1].isalpha()


def keep_given(given: str, mark: str) -> str:
    """A given name left whole (``initialize="false"``), its initials written with ``mark``."""
    return initials(given, mark, initialize=False)


def _option(name: Any, context: Any) -> str:
    """``initialize`` is inheritable: cs:name, else cs:citation/cs:bibliography, else cs:style."""
    value = name.get("initialize")
    if value is None:
        found = (context if context is not None else name).xpath_search(
            "./ancestor::*[self::cs:citation or self::cs:bibliography][1]"
        )
        if found:
            value = found[0].get("initialize") or found[0].get_root().get("initialize")
    return value or "true"


def _initialize(_original: Any) -> Any:
    def initialize(self: Any, given: str, mark: str, context: Any) -> Any:
        return initials(
            given,
            mark,
            initialize=_option(self, context).lower() != "false",
            hyphen=bool(self.get_option("initialize-with-hyphen", context)),
        )

    return initialize


def apply(overrides: Overrides) -> None:
    """Initialise given names as ``initialize`` says and normalise the initials in the data."""
    from citeproc.model import Name

    overrides.replace(Name, "initialize", FIX, _initialize)
