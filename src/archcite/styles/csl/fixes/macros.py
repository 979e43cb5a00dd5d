"""A ``cs:text macro`` is suppressed as a group would be, and a non-empty one keeps its group.

CSL 1.0.2 is silent on whether a macro call counts as a group; citeproc-js treats it as one
(what Zotero users see):

- a macro that called variables, all of them empty, prints nothing, not even its terms
  ("His Anonymous Life", not "His Anonymous Life, in": the CSL test suite's
  group_SuppressTermInMacro);
- a macro that printed something, whether from a variable or only from terms, is content for the
  ``cs:group`` around it: ``<group><text variable="publisher"/><text macro="year-date"/></group>``
  prints the macro's "n.d." for an undated item without a publisher (issue 15, cause G).

citeproc-py 0.11.1 (``Text.process``) renders a macro as a plain sequence of its children. The fix
wraps ``Text.process`` for macro calls, with the group fix's tracking (``_tracking``).
"""

from __future__ import annotations

from typing import Any

from archcite.styles.csl.fixes import _tracking
from archcite.styles.csl.fixes._patching import Overrides

FIX = "macros"


def _process(original: Any) -> Any:
    def process(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        if "macro" not in self.attrib:
            return original(self, item, context, **kwargs)
        with _tracking.recording() as frame:
            text, language = original(self, item, context, **kwargs)
            printed = text is not None and str(text) != ""
            if printed and frame.called and not frame.rendered:
                return None, language
            if printed:
                _tracking.report(_tracking.GROUP_CONTENT, True)
        return text, language

    return process


def apply(overrides: Overrides) -> None:
    """Treat a macro call as a group: suppressed when its variables are empty, content when not."""
    from citeproc.model import Text

    overrides.replace(Text, "process", FIX, _process)
