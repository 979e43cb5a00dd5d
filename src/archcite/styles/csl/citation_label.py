"""The ``citation-label`` variable, generated when an item has none ("Doe65", "RoNo78a").

CSL 1.0.2 lists ``citation-label`` among the standard variables and leaves its generation to the
processor; archcite follows citeproc-js's default "trigraph" ``Aaaa00:AaAa00:AaAA00:AAAA00``: the
first four letters of a sole author's family name, two letters each of two authors, 2+1+1 of three,
one letter each of the first four; then the last two digits of the year, "00" for an undated item
as citeproc-js prints ("Emba00"). A year suffix, when the
style does not print ``year-suffix`` itself, follows the label.
"""

from __future__ import annotations

import re
from typing import Any

from archcite.patterns import lazy
from archcite.records.model import NAME_VARIABLES
from archcite.styles.csl.fixes import _tracking
from archcite.styles.csl.fixes._patching import Overrides
from archcite.styles.csl.render_state import current_state

FIX = "citation_label"
_LETTERS = {1: (4,), 2: (2, 2), 3: (2, 1, 1)}


# Characters of a name that count for a label: letters (citeproc-js keeps Latin, Greek, Cyrillic,
# Hebrew, Arabic and Thai letters and drops spaces, digits and punctuation: "Mao Zedong" -> "Maoz").
_NOT_LETTER = lazy(
    r"[^a-zA-Z\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4\u05d6-\u05ff\u0600-\u06ff\u0e01-\u0e5b\u1f00-\u1fff]"
)
_LEADING_ARTICLE = re.compile(r"^(?:a|the|an)\s+", re.IGNORECASE)
_TITLE_LETTERS = 4
# The first name variable an item has names the label, author first, then in CSL 1.0.2's
# (alphabetical) order, as citeproc-js looks (a compiled volume: its compiler).
_NAME_VARIABLES = tuple(name.replace("-", "_") for name in ["author", *sorted(NAME_VARIABLES - {"author"})])


def _label_part(name: str, width: int) -> str:
    part = _NOT_LETTER().sub("", _LEADING_ARTICLE.sub("", name))[:width]
    return part[:1].upper() + part[1:].lower()


def trigraph(families: list[str], year: int | None) -> str:
    """``["Asthma"], 2000`` -> ``"Asth00"``; ``["Roe", "Noakes"], 1978`` -> ``"RoNo78"``."""
    widths = _LETTERS.get(len(families), (1, 1, 1, 1))
    label = ""
    for family, width in zip(families, widths, strict=False):
        part = _label_part(family, width)
        if not part:
            break
        label += part
    return label + f"{(year or 0) % 100:02d}"


def _families(reference: Any) -> list[str]:
    for variable in _NAME_VARIABLES:
        names = reference.get(variable)
        if names:
            families = []
            for name in names:
                try:
                    family = name.parts()[1] or ""  # without particles ("van Gogh" -> "Gogh")
                except (AttributeError, TypeError):
                    family = ""
                family = family or name.get("literal") or ""
                families.append(str(family))
            # A particle written into the family name ("von Dipheria") does not count.
            return [re.sub(r"^(?:[a-z’']+\s+)+", "", family) for family in families]
    return []


def _title_words(reference: Any) -> str:
    from citeproc.model import TextCased

    # citeproc-js skips its minor words; citeproc-py's stop words are the English minor words.
    skip_words = frozenset(TextCased._stop_words)
    title = reference.get("title")
    words = str(title).split() if title else []
    return "".join(word for word in words if word not in skip_words)


def _year(reference: Any) -> int | None:
    from citeproc.source import VariableError

    # No date, or one without a year (a literal date): citeproc-py raises VariableError.
    # A range (citeproc-py's DateRange) is labelled by its first date, as citeproc-js does.
    issued = reference.get("issued")
    try:
        return int(issued.get("begin", issued).year)
    except (VariableError, AttributeError, TypeError, ValueError):
        return None


def generated_label(reference: Any) -> str:
    label = trigraph(_families(reference), _year(reference))
    if label[:-2]:
        return label
    # Nobody to name: citeproc-js takes the title's first letters, without its minor words.
    # Unlike a name, the title keeps every script ("建国以来87").
    words = _title_words(reference)[:_TITLE_LETTERS]
    return words[:1].upper() + words[1:].lower() + label[-2:]


def install(overrides: Overrides) -> None:
    from citeproc.model import Text
    from citeproc.string import String

    def wrap(inner: Any) -> Any:
        def _variable(self: Any, item: Any, context: Any) -> Any:
            if self.get("variable") != "citation-label":
                return inner(self, item, context)
            reference = item.reference
            label = reference.get("citation_label")
            if label is None:
                label = generated_label(reference)
            state = current_state()
            if state is not None and state.year_suffix_pending and not state.style_renders_year_suffix:
                state.year_suffix_pending = False
                label = str(label) + state.year_suffixes.get(item.key, "")
            # A generated label is a variable that rendered: its cs:group is kept.
            _tracking.report("citation-label", bool(str(label)))
            return String(str(label))

        return _variable

    overrides.replace(Text, "_variable", FIX, wrap, where=_prints_label)


def _prints_label(text: Any) -> bool:
    return bool(text.get("variable") == "citation-label")
