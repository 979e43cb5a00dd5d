"""Page ranges: which ranges are reformatted, and how ``page-range-format`` shortens them.

CSL 1.0.2, appendix V "Page Range Formats", and "Range Delimiters": a range of pages is printed
with the ``page-range-delimiter`` term (an en dash by default) and shortened as the style's
``page-range-format`` asks ("expanded", "minimal", "minimal-two", "chicago" (-15, -16)). The
specification is silent on what counts as a range; archcite does what citeproc-js does:

- a range is two numbers with the same prefix, or none ("N110–N115", "n11564–68"); numbers with
  different prefixes ("N110-5", "110-N6", "n11564-1568") keep their hyphen, without spaces;
- roman numerals make a range too ("i–ix"); other words keep their hyphen ("3-B",
  "Michaelson-Morely", "12a-c");
- a value that is not a list of such numbers and ranges (a label or words inside it, as in
  ``fols. 12-15`` or ``ll. 193-194``) is printed as written;
- without ``page-range-format``, a range is not expanded ("110–5" stays); with "expanded",
  "minimal", "minimal-two" or "chicago", the last number is first written out in full from the
  first ("110-5" is 110 to 115) and then shortened;
- ``page-first`` is the first page of the whole value ("1" of "1, 14-18");
- a page value opening with a word takes the singular label ("page fols. 12-15"), a roman range
  the plural ("pages i–ix");
- a page value that starts with the page label ("p. 3", "pp. 12-15") prints without it, and so does
  that label (else "p.", which citeproc-js's ``processNumber`` puts before a value without one)
  where it recurs inside the value before a number ("Section 7, p. 50" is "Section 7, 50", "12,
  p. 15" is "12, 15" and plural); another label stays ("12, pp. 15-16");
- a hyphen escaped with a backslash ("3\\-B", "327\\-30") is a hyphen, not a range: it prints
  without the backslash and does not make the label plural ("page 327-30").

A locator whose label is ``page`` follows the same rules; other locators print a numeric range
with the page-range delimiter ("n. 3–4", "chaps. 200–201"), and the number variables (volume,
issue, edition, number) their ranges as citeproc-js's ``processNumber`` does (``_numbers``:
"63–II", "C–25", "93-06–04", "2 & 3"; "1,000" stays whole).

citeproc-py 0.11.1 (``FormatNumber._process``) splits any value at its hyphens, shortens "minimal"
ranges of different lengths ("3–1" for 3-21), and replaces every hyphen with an en dash, also in
words; its ``Text._variable`` writes a locator's hyphens as en dashes with the spaces around them
("100 – 103"). The fix replaces ``FormatNumber._process`` for page variables and number ranges
wraps ``Text._variable`` for locators and number variables, and ``Label._is_plural`` for pages.
"""

from __future__ import annotations

import re
from typing import Any

from archcite.patterns import lazy
from archcite.styles.csl.fixes import _numbers
from archcite.styles.csl.fixes._patching import Overrides

FIX = "pages"

EN_DASH = "\u2013"
# One end of a range: an optional prefix (letters, maybe after digits) and a number.
_END = lazy(r"([0-9]*[a-zA-Z]+0*)?([0-9]+(?:[a-zA-Z]*|[-,a-zA-Z]+))")
_RANGE = lazy(r"([^\s\-\u2013]+)\s*[-\u2013]\s*([^\s\-\u2013]+)")
_DIGITS_OR_ROMAN = re.compile(r"[0-9]+|[ivxlcmIVXLCM]+")
# A range once formatted: prefix, first number, delimiter, prefix of the last, last number.
_FORMATTED = lazy(r"((?:[0-9]*[a-zA-Z]+0*))?([0-9]+[a-z]*)(\s*[^0-9]+\s*)([-,a-zA-Z]?0*)([0-9]+[a-z]*)")
_MANGLED = lazy(r"([0-9]*[a-zA-Z]+0*)?([0-9]+[a-z]*)\s*[-\u2013]\s*([0-9]*[a-zA-Z]+0*)?([0-9]+[a-z]*)")
# A list's separators: a comma and a space ("1,10,14,16" is one value to citeproc-js), an "&".
_LIST = re.compile(r"\s*(,)(?=\s)\s*|\s*(&)\s*")
# The page label written into a page value ("pp. 12-15"): the style's label says it already.
_PAGE_LABEL = re.compile(r"^pp?\.\s+")
# The same label inside the value, after a list's separator or a number, before a number.
_INNER_PAGE_LABEL = {
    label: re.compile(rf"(?:(?<=[,;&] )|(?<=\d ))(?<![^\s,;&\d]){re.escape(label)}\s+(?=\d)") for label in ("p.", "pp.")
}
# Number variables whose numeric ranges take the page-range delimiter (as citeproc-js prints).
NUMBER_VARIABLES = frozenset({"volume", "issue", "edition", "number", "locator"})
_NUMERIC_RANGE = lazy(r"[0-9]+[a-zA-Z]*\s*[-\u2013]\s*[0-9]+[a-zA-Z]*")
# A hyphen the value escapes ("3\\-B"): a hyphen, never a range.
ESCAPED_HYPHEN = "\\-"


def without_page_labels(text: str) -> str:
    """A page value without the page label it opens with and the same label inside it."""
    text = text.strip()
    leading = _PAGE_LABEL.match(text)
    label = leading.group().strip() if leading else "p."
    return _INNER_PAGE_LABEL[label].sub("", _PAGE_LABEL.sub("", text))


def _split_end(text: str) -> tuple[str, str]:
    end = _END().fullmatch(text)
    if end is None:
        return "", text
    return end.group(1) or "", end.group(2)


def _minimize(first: str, last: str, keep: int) -> str:
    """Drop the leading characters ``last`` shares with ``first``, keeping at least ``keep``."""
    if len(first) != len(last):
        return last
    dropped = 0
    for first_char, last_char in zip(first, last, strict=True):
        if first_char != last_char or len(last) - dropped <= keep:
            break
        dropped += 1
    return last[dropped:]


def _chicago(first: int, last: int, *, edition: int) -> str | None:
    """The last page under Chicago's rules (15th or 16th edition), or None to keep it whole."""
    if edition == 16:
        if first > 100 and first % 100:
            for power in range(2, len(str(last))):
                divisor = 10**power
                if first // divisor == last // divisor:
                    return str(last % divisor)
        return None
    if first > 100 and first % 100 and first // 100 == last // 100:
        return str(last % 100)
    if first >= 10000:
        return str(last % 1000)
    return None


def _mangle(text: str, range_format: str | None, delimiter: str) -> str:
    """Expand ``"110 - 5"`` to 110–115, then shorten it as ``range_format`` asks."""
    found = _MANGLED().search(text)
    if found is None:
        return text.replace("-", delimiter)
    prefix, first, last_prefix, last = found.groups()
    before, after = text[: found.start()].replace("-", delimiter), text[found.end() :].replace("-", delimiter)
    if last_prefix and prefix != last_prefix:
        return before + found.group().replace("-", delimiter) + after
    if len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    first_number, last_number = _numbers.leading_int(first) or 0, _numbers.leading_int(last) or 0
    if first_number >= last_number:
        return before + (prefix or "") + first + delimiter + (last_prefix or "") + found.group(4) + after
    prefix = prefix or ""
    joiner = delimiter + prefix
    if range_format in ("minimal", "minimal-two"):
        last = _minimize(first, last, 2 if range_format == "minimal-two" else 0)
    elif range_format in ("chicago", "chicago-15", "chicago-16"):
        last = _chicago(first_number, last_number, edition=16 if range_format == "chicago-16" else 15) or last
    if range_format not in (None, "expanded") and joiner[1:] == prefix:
        joiner = delimiter  # a shortened last page loses the prefix ("n11564–68")
    return before + prefix + first + joiner + last + after


def format_range(text: str, range_format: str | None, delimiter: str, *, page: bool) -> str:
    """One item of a page or locator value: ``"N110 - N5"`` -> ``"N110–N115"`` (expanded)."""
    found = _RANGE().fullmatch(text)
    if found is None:
        return text
    first, last = found.groups()
    prefix, first_value = _split_end(first)
    last_prefix, last_value = _split_end(last)
    if prefix != last_prefix:
        return f"{first}-{last}"
    joiner = "-"
    first_number, last_number = _numbers.leading_int(first_value), _numbers.leading_int(last_value)
    if page and first_number is not None and last_number is not None:
        if range_format is None and first_number > last_number:
            return f"{first}{delimiter}{last}"
        formatted = _mangle(f"{first} - {last}", range_format, delimiter)
    else:
        if _DIGITS_OR_ROMAN.fullmatch(first_value) and _DIGITS_OR_ROMAN.fullmatch(last_value):
            joiner = delimiter
        formatted = first_value + joiner + last_value
    parts = _FORMATTED().fullmatch(formatted)
    if parts is None:
        return f"{first}{joiner}{last}"
    start, first_number_text, between, end_prefix, last_number_text = parts.groups()
    between = delimiter if between == "-" else between
    return f"{start or ''}{first_number_text}{between}{end_prefix}{last_number_text}"


def format_pages(value: str, range_format: str | None, delimiter: str, *, page: bool = True) -> str:
    """A page (or locator) value, each item of its list formatted (``"1, 14-18"``)."""
    text = str(value).strip()
    if page:
        text = without_page_labels(text)
    pieces = _LIST.split(text)
    out = []
    for index, piece in enumerate(pieces):
        if index % 3:
            if piece is not None:
                out.append(", " if piece == "," else " & ")
        else:
            parts = piece.split(ESCAPED_HYPHEN)
            out.append("-".join(format_range(part, range_format, delimiter, page=page) for part in parts))
    return "".join(out)


def first_page(value: str) -> str:
    """``page-first``: the first page of the whole value (``"1"`` of ``"1, 14-18"``)."""
    first_item = _LIST.split(_PAGE_LABEL.sub("", str(value).strip()))[0]
    first = re.split(r"\s*(?<!\\)[-\u2013]", first_item, maxsplit=1)[0].strip()
    return first.replace(ESCAPED_HYPHEN, "-")


def _range_delimiter(element: Any) -> str:
    return str(element.get_single_term(name="page-range-delimiter") or EN_DASH)


def _process(original: Any) -> Any:
    def process(self: Any, value: Any, variable: str) -> Any:
        # cs:number's ordinal and roman forms format each number: citeproc-py's way. (The tag
        # holds the CSL namespace: "{http://purl.org/net/xbiblio/csl}number".)
        numeric_form = not str(self.tag).endswith("}number") or self.get("form", "numeric") == "numeric"
        unlabelled = value if isinstance(value, int) else _numbers.without_own_label(str(value), variable)
        if unlabelled != value and unlabelled != str(value):
            value = unlabelled
        if numeric_form and variable in NUMBER_VARIABLES and variable != "locator":
            range_format = self.get_root().get_option("page-range-format")
            formatted = _numbers.text(str(value), _range_delimiter(self), range_format=range_format)
            if formatted is not None:
                return formatted
        if not variable.startswith("page") or not numeric_form:
            return original(self, value, variable)
        if variable == "page-first":
            return first_page(str(value))
        range_format = self.get_root().get_option("page-range-format")
        return format_pages(str(value), range_format, _range_delimiter(self))

    return process


def _number_text(text: str, delimiter: str, range_format: str | None) -> str | None:
    """A number variable's value with its ranges as citeproc-js prints them (None: unchanged)."""
    formatted = _numbers.text(text, delimiter, range_format=range_format)
    if formatted is not None:
        return formatted
    if ESCAPED_HYPHEN in text:
        return format_pages(text, None, delimiter, page=False)
    if _NUMERIC_RANGE().search(text):
        from archcite.styles.csl.fixes.numeric import is_numeric

        if is_numeric(text):
            return format_pages(text, None, delimiter, page=False)
    return None


def _text_variable(original: Any) -> Any:
    def _variable(self: Any, item: Any, context: Any) -> Any:
        from citeproc.string import String

        variable = self.get("variable")
        text = original(self, item, context)
        if text is None:
            return None
        if variable == "locator" and item.has_locator:
            identifier = str(item.locator.identifier)
            if str(item.locator.label) == "page":
                range_format = self.get_root().get_option("page-range-format")
                return String(format_pages(identifier, range_format, _range_delimiter(self)))
            return String(format_pages(identifier, None, _range_delimiter(self), page=False))
        value = _numbers.without_own_label(str(text), variable)
        range_format = self.get_root().get_option("page-range-format")
        formatted = _number_text(value, _range_delimiter(self), range_format) if variable in NUMBER_VARIABLES else None
        if formatted is None and value != str(text):
            return String(value)
        return text if formatted is None or formatted == str(text) else String(formatted)

    return _variable


_ROMAN = re.compile(r"[ivxlcmIVXLCM]+")
_MULTIPLE_NUMBERS = re.compile(r"\d+[^\d.]+\d+")  # citeproc-py's Label.RE_MULTIPLE_NUMBERS
# A value that opens with a word of its own ("fols. 12-15", "ll. 193-194"): not a page count.
_LEADING_WORD = re.compile(r"[^\W\d]+\.?\s")


def _counts_pages(text: str, plural: bool) -> bool:
    """Whether a page value names several pages: a roman range counts ("i–ix"), a value opening
    with a word ("fols. 12-15") does not; otherwise citeproc-py's test of several numbers."""
    text = without_page_labels(text)
    if _LEADING_WORD.match(text):
        return False
    if ESCAPED_HYPHEN in text:
        # citeproc-py counted the numbers an escaped hyphen joins: count them as one.
        plural = _MULTIPLE_NUMBERS.search(text.replace(ESCAPED_HYPHEN, "")) is not None
    parts = re.split(r"\s*[-\u2013,&]\s*", text)
    return plural or (len(parts) > 1 and all(_ROMAN.fullmatch(part) for part in parts))


def _page_plural(text: str, plural: bool) -> bool:
    """Whether a page value is plural as citeproc-js reads it (``_numbers``: "pp. xiv–19", "p.
    217495:1-217495:14", "p. 1,10,14,16"), else as ``_counts_pages`` reads it."""
    js = _numbers.plural(without_page_labels(text))
    return _counts_pages(text, plural) if js is None else js


def _prints_number(text: Any) -> bool:
    return text.get("variable") in NUMBER_VARIABLES


def _is_plural(original: Any) -> Any:
    def is_plural(self: Any, item: Any) -> bool:
        plural = bool(original(self, item))
        variable = self.get("variable", "")
        if variable == "page" and "page" in item.reference:
            return _page_plural(str(item.reference["page"]), plural)
        if variable == "locator" and item.has_locator and str(item.locator.label) == "page":
            return _page_plural(str(item.locator.identifier), plural)
        return plural

    return is_plural


def apply(overrides: Overrides) -> None:
    """Format page ranges and numeric ranges as citeproc-js does."""
    from citeproc.model import FormatNumber, Label, Text

    overrides.replace(FormatNumber, "_process", FIX, _process)
    overrides.replace(Text, "_variable", FIX, _text_variable, where=_prints_number)
    overrides.replace(Label, "_is_plural", FIX, _is_plural)
