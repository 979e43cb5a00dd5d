"""Private-use characters that carry formatting and quotation marks through citeproc-py.

citeproc-py concatenates plain strings, so the fixes mark what must be decided once the whole
entry is known: quotation marks (their level decides double or single quotes, and punctuation
moves inside them) and formatting (a field's own italics flip inside an italic title, and every
field value is escaped only at the end). The characters come from Unicode's private-use area and
never occur in bibliographic data; :func:`strip` removes them where they must not count (sort
keys, comparisons).
"""

from __future__ import annotations

from archcite.patterns import lazy

QUOTE_OPEN = "\ue001"
QUOTE_CLOSE = "\ue002"
# Opens a quotation the data writes with a curly single quote: citeproc-js prints it at the
# inner level where an outer one would stand ("meaning ‘God willing’" stays as written).
QUOTE_OPEN_INNER = "\ue003"

# One opening and one closing mark per formatting tag of archcite's markup.
TAG_OPEN = {"i": "\ue010", "b": "\ue012", "sc": "\ue014", "sup": "\ue016", "sub": "\ue018"}
TAG_CLOSE = {"i": "\ue011", "b": "\ue013", "sc": "\ue015", "sup": "\ue017", "sub": "\ue019"}
# Cancel the surrounding formatting for their content where it is in force: CSL's
# font-style="normal", font-weight="normal", font-variant="normal", vertical-align="baseline",
# and the rich-text span class="nodecor" (italics, weight and variant at once).
ROMAN_OPEN = "\ue01a"
ROMAN_CLOSE = "\ue01b"
NORMAL_OPEN = {"i": ROMAN_OPEN, "b": "\ue01c", "sc": "\ue01e", "va": "\ue020", "nodecor": "\ue022"}
NORMAL_CLOSE = {"i": ROMAN_CLOSE, "b": "\ue01d", "sc": "\ue01f", "va": "\ue021", "nodecor": "\ue023"}

# Ends the output of an element that formats itself (font-style and the like), before its suffix:
# citeproc-js merges no punctuation into such an element's text across its formatting.
SEALED = "\ue025"
# Between a closing quotation mark in a field value and the punctuation the value writes after it
# ("“close reading”?: A century"): that punctuation is the data's, never moved or merged.
DATA_PUNCTUATION = "\ue026"

# Opens the text of a term (cs:text term=...): the layout capitalises one that opens an entry
# or a note (first_term.py) and drops the mark.
TERM = "\ue027"

# Open and close the output of an element with a CSL ``display`` (``display.py``). The fixes pass
# over them as over any mark; :func:`~archcite.styles.csl.fixes.richtext.to_markup` makes them
# the display tags of the markup, which only the HTML output keeps.
DISPLAY_OPEN = {"block": "\ue060", "indent": "\ue062", "left-margin": "\ue064", "right-inline": "\ue066"}
DISPLAY_CLOSE = {"block": "\ue061", "indent": "\ue063", "left-margin": "\ue065", "right-inline": "\ue067"}

TAG_OF = {mark: tag for tag, mark in TAG_OPEN.items()} | {mark: tag for tag, mark in TAG_CLOSE.items()}
NORMAL_OF = {mark: kind for kind, mark in NORMAL_OPEN.items()} | {mark: kind for kind, mark in NORMAL_CLOSE.items()}
OPENING = frozenset(TAG_OPEN.values()) | frozenset(NORMAL_OPEN.values())
# Every mark that ends formatting, as characters for a regular expression's class.
# (Punctuation meets punctuation across them, and moves into quotation marks across them.)
CLOSERS = "".join(TAG_CLOSE.values()) + "".join(NORMAL_CLOSE.values()) + "".join(DISPLAY_CLOSE.values())
ALL = (
    frozenset(QUOTE_OPEN + QUOTE_OPEN_INNER + QUOTE_CLOSE + SEALED + DATA_PUNCTUATION + TERM)
    | frozenset(TAG_OF)
    | frozenset(NORMAL_OF)
    | frozenset(DISPLAY_OPEN.values())
    | frozenset(DISPLAY_CLOSE.values())
)
_ANY = lazy("[" + "".join(sorted(ALL)) + "]")


def strip(text: str) -> str:
    """The text without any marks."""
    return _ANY().sub("", text)


def wrap(tag: str, text: str) -> str:
    return f"{TAG_OPEN[tag]}{text}{TAG_CLOSE[tag]}"
