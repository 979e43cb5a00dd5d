"""A macro called by ``cs:text`` is a group: suppressed when the variables it called are all empty,
content for its enclosing group when it prints.

CSL 1.0.2 defines the implicit condition for ``cs:group`` only and is silent about macros;
citeproc-js expands every macro inside a group of its own (``CSL.expandMacro``). So a macro whose
variables are all empty or substituted prints nothing, not even its terms ("In" of a
container-contributors macro whose editors became the author, deutsche-gesellschaft-fur-psychologie),
and a macro that prints keeps the group around it as a nested group does, also when it printed
only a term ("n.d." beside an empty volume; issue 15 cause 12). A ``cs:text
variable="year-suffix"`` it calls counts as printed even when the item has none: citeproc-js's
year-suffix "always signals that it produces output" so that a date macro can hold the year, its
suffix and the "no date" term (``(Jensen, n.d.)``, university-of-zabol-fa); the explicit
``cs:group`` keeps CSL 1.0.2's rule (groups.py), which the specification settles.

citeproc-py 0.11.1 renders the macro's terms whatever its variables did, and a group around a
term-only macro was suppressed by the groups fix. The fix wraps ``Text.process`` for
``cs:text macro``: the variables its elements called and rendered are recorded as a group's are
(``_tracking``); the output is dropped when some were called and none rendered, and otherwise
reported as group content.
"""

from __future__ import annotations

from typing import Any

from archcite.styles.csl.fixes import _tracking
from archcite.styles.csl.fixes._patching import Overrides

FIX = "macro_groups"


def _process(original: Any) -> Any:
    def process(self: Any, item: Any, *args: Any, **kwargs: Any) -> Any:
        with _tracking.recording() as frame:
            text, language = original(self, item, *args, **kwargs)
        if frame.called and not frame.rendered and not frame.year_suffix:
            frame.suppressed()
            return None, language
        if text is not None and str(text) != "":
            _tracking.report(_tracking.GROUP_CONTENT, True)
        else:
            frame.suppressed()
        return text, language

    return process


def apply(overrides: Overrides) -> None:
    """Suppress a macro whose called variables are all empty."""
    from citeproc.model import Text

    _tracking.apply(overrides)
    overrides.replace(Text, "process", FIX, _process, where=_calls_macro)


def _calls_macro(text: Any) -> bool:
    return "macro" in text.attrib
