"""Number variables read as citeproc-js's ``processNumber`` reads them.

CSL 1.0.2 leaves to the processor when a number variable is plural and how the ranges of a
number variable other than ``page`` print. citeproc-js 2.4.63 splits a value where CSL separates
numbers (a hyphen or en dash, ", ", "; ", "&", "and" or the locale's word for it) into values
with an optional letter prefix ("B12"); the value is *numeric* when its first part is a number,
with letters after it ("12A", "2a"), or a lower-case roman numeral, and *plural* when it is
numeric, splits in two or more and its first part reads as a number or roman numeral. Two values
joined by a hyphen print with the range delimiter when both are numbers or roman numerals ("63–II",
"C–25": "C" is a roman numeral), or when the value is numeric and they are numbers with letters
around ("2a–3"), provided the first part reads as a number or roman numeral ("NIE 11-4-57" has
none); in a chain of hyphens only the last pair is a range ("93-06–04"); "&" is spaced.
A value with a label inside ("14 pt. 2": a lower-case word of up to four letters with a period or a
space) or an escaped hyphen ("3\\-B") is left to the callers' older reading (None). Such a word is a
label only where citeproc-js keeps it as one: a number after it and nothing or a number before it;
elsewhere it is content ("352 leaves : ill." is one value, as for citeproc-js).
"""

from __future__ import annotations

import re
from itertools import pairwise

from archcite.patterns import lazy

_JOINER = r"\s*&\s*|,\s+and\s+|\s+and\s+|;\s+|,\s+|\s*[-\u2013]+\s*"
_INNER_LABEL = lazy(
    r"(?:^| )(?:[a-z]{1,4}|subpara|subch|amend|bibliog|annot|illus|princ|intro|sched|subdiv|subsec)(?:\.| )"
)
# What citeproc-js takes for a number beside a label (its "merge labels on non-numeric values").
_BESIDE_LABEL = lazy(r"[0-9]+[-;,:a-zA-Z]*")
_PREFIXED = lazy(r"([0-9]*[a-zA-Z]+0*)?([0-9]+(?:[a-zA-Z]*|[-,a-zA-Z]+))")
_NUMERIC_FIRST = lazy(r"(?:[0-9]+|[ixv]+)(?:[-,:a-zA-Z]*|-[-0-9]+)")
_SUBSECTION = lazy(r"[0-9]+[,a-zA-Z]+")
_LETTERS = lazy(r"[,a-zA-Z]+")
_ROMAN = lazy(r"[ivxlcmIVXLCM]+")
_NUMBER_OR_ROMAN = lazy(r"[0-9]+|[ivxlcmIVXLCM]+")
_RANGE = lazy(r"((?:[0-9]*[a-zA-Z]+0*))?([0-9]+[a-z]*)(\s*[^0-9]+\s*)([-,a-zA-Z]?0*)([0-9]+[a-z]*)")


def _split(value: str, and_word: str) -> tuple[list[str], list[str]] | None:
    """The parts of ``value`` and the joiners between them; None for a label inside or ``\\-``."""
    if "\\-" in value:
        return None
    joiner = _JOINER
    if and_word and and_word != "and":
        joiner += rf"|,\s+{re.escape(and_word)}\s+|\s+{re.escape(and_word)}\s+"
    pieces = re.split(f"({joiner})", value.strip())
    parts, joiners = pieces[::2], pieces[1::2]
    for i in range(len(joiners) - 1, -1, -1):  # "12a-c" is one value (fixupSubsections)
        if joiners[i] == "-" and _SUBSECTION().fullmatch(parts[i]) and _LETTERS().fullmatch(parts[i + 1]):
            parts[i : i + 2] = [parts[i] + "-" + parts[i + 1]]
            del joiners[i]
    if any(_holds_label(part) for part in parts):
        return None
    return parts, joiners


def _holds_label(part: str) -> bool:
    """Whether citeproc-js reads a label in ``part``: a short word (``_INNER_LABEL``) with a number
    after it and nothing or a number before it ("14 pt. 2", "p. 50"); any other is content."""
    pieces = [piece.strip() for piece in _INNER_LABEL().split(part)]
    return any(
        not before or (_BESIDE_LABEL().fullmatch(before) and _BESIDE_LABEL().fullmatch(after))
        for before, after in pairwise(pieces)
    )


def _prefixed(part: str) -> tuple[str, str]:
    """A part's letter prefix and number ("B12" -> ("B", "12"))."""
    prefixed = _PREFIXED().fullmatch(part.strip())
    return (prefixed.group(1) or "", prefixed.group(2)) if prefixed else ("", part.strip())


def _number(part: str) -> str:
    return _prefixed(part)[1]


def _counts(number: str) -> bool:
    """citeproc-js's test of a part it can count: ``parseInt`` reads it, or a roman numeral."""
    return re.match(r"\s*[-+]?\d", number) is not None or _ROMAN().fullmatch(number) is not None


def _numeric(parts: list[str]) -> bool:
    first = _number(parts[0])
    return bool(first) and _NUMERIC_FIRST().fullmatch(first) is not None


def plural(value: str, and_word: str = "") -> bool | None:
    """Whether citeproc-js takes ``value`` for several numbers (None: a label inside it)."""
    split = _split(value, and_word)
    if split is None:
        return None
    parts, _joiners = split
    return len(parts) > 1 and _numeric(parts) and _counts(_number(parts[0]))


def text(value: str, delimiter: str, and_word: str = "", *, range_format: str | None = None) -> str | None:
    """``value`` with its ranges joined by ``delimiter`` as citeproc-js prints a number variable
    (None: a label inside it). Without the style's ``page-range-format``, two parts whose leading
    integers fall ("5R01HD081252-04": 5 then 4) are a range too, as citeproc-js's
    manglePageNumbers compares them with ``parseInt``."""
    split = _split(value, and_word)
    if split is None:
        return None
    parts, joiners = split
    joiners = [_joiner(joiner, parts[i], parts[i + 1]) for i, joiner in enumerate(joiners)]
    numeric = _numeric(parts)
    prefixed = [_prefixed(part) for part in parts]
    # citeproc-js's fixRanges; every part is countable as the first is (fixNumericAndCount)
    countable = _counts(prefixed[0][1])
    counting, count = False, 0
    for i in range(len(prefixed)):
        after = joiners[i] if i < len(joiners) else ""
        if not countable:
            if after == "-" and numeric:
                joiners[i] = delimiter
        elif counting and after == "-":
            count = 1
        elif counting:
            count += 1
            if count == 2:
                count = _range(prefixed, joiners, i, delimiter, numeric, range_format=range_format)
        else:
            counting, count = True, 1
    if count == 2:
        _range(prefixed, joiners, len(prefixed) - 1, delimiter, numeric, range_format=range_format)
    return "".join(part + (joiners[i] if i < len(joiners) else "") for i, part in enumerate(parts))


def _joiner(joiner: str, before: str, after: str) -> str:
    if re.fullmatch(r"\s*-\s*", joiner):
        return "-"
    if joiner.strip() == "&":  # a spaced ampersand, unless it joins two words ("R&D")
        return "&" if before[-1:].isalpha() and after[:1].isalpha() else " & "
    return joiner


def leading_int(text: str) -> int | None:
    """The integer ``text`` opens with (JavaScript's ``parseInt`` of a part that opens with a
    digit), None when it opens otherwise."""
    digits = re.match(r"[0-9]+", text)
    return int(digits.group()) if digits else None


def _range(
    prefixed: list[tuple[str, str]],
    joiners: list[str],
    i: int,
    delimiter: str,
    numeric: bool,
    *,
    range_format: str | None = None,
) -> int:
    """The pair ending at ``i`` as citeproc-js's manglePageNumbers leaves it; the count after it."""
    (prefix, first), (last_prefix, last) = prefixed[i - 1], prefixed[i]
    if prefix != last_prefix:
        return 2
    if joiners[i - 1] != "-":
        return 1
    first_int, last_int = leading_int(first), leading_int(last)
    if not range_format and first_int is not None and last_int is not None and first_int > last_int:
        joiners[i - 1] = delimiter
        return 2
    if _NUMBER_OR_ROMAN().fullmatch(first) and _NUMBER_OR_ROMAN().fullmatch(last):
        joiners[i - 1] = delimiter
    else:
        found = _RANGE().fullmatch(first + "-" + last)
        if found is not None and found.group(3) == "-" and numeric:
            joiners[i - 1] = delimiter
    return 0


# The abbreviations citeproc-js's table of labels in a value (CSL.STATUTE_SUBDIV_STRINGS) gives
# these variables' own terms.
_OWN_LABEL = {"number": "no.", "issue": "no.", "volume": "vol."}


def without_own_label(value: str, variable: str) -> str:
    """``value`` without a leading abbreviation of its variable's own term ("no. 99" in ``number``
    or ``issue``, "vol. 3" in ``volume``): citeproc-js reads it as the label, which only a
    ``cs:label`` prints (the style's term); the value prints, and is tested, as "99"."""
    label = _OWN_LABEL.get(variable)
    stripped = value.lstrip()
    if label is None or not stripped.startswith(label):
        return value
    rest = stripped[len(label) :].lstrip()
    return rest or value
