"""``cs:group`` is suppressed when the variables it called are all empty, decided while rendering.

CSL 1.0.2, "Group": a ``cs:group`` and its children are suppressed when (a) at least one
rendering element in the group calls a variable (directly or via a macro) and (b) all variables
called are empty. A nested group that renders counts as content for its parent (as citeproc-js
does: a nested term-only group such as "n.d." keeps its parent), and an empty ``year-suffix`` is
not an empty variable.

citeproc-py 0.11.1 (``Group.process``) decides (a) and (b) from ``calls_variable()``, i.e. from
whether a child *mentions* a variable anywhere in its subtree: a ``cs:choose`` that rendered only
a term counts as a rendered variable, which printed stray terms ("New York Times, October 29,
1962, Edition."). The fix replaces ``Group.process`` and counts what actually rendered (see
``_tracking``).
"""

from __future__ import annotations

from typing import Any

from citeproc.model import Choose
from citeproc.source import VariableError

from archcite.styles.csl.fixes import _tracking
from archcite.styles.csl.fixes._patching import Overrides, rendered_children

FIX = "groups"


def _process(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
    output = []
    delimiter = self.get("delimiter", "")
    with _tracking.Frame() as frame:
        for render, is_choose in rendered_children(self, Choose):
            try:
                if is_choose:
                    text = render(item, context=context, delimiter=delimiter, **kwargs)
                else:
                    text = render(item, context=context, **kwargs)
            except VariableError:
                continue
            if text is not None and str(text) != "":
                output.append(text)
    if output and (not frame.called or frame.rendered):
        _tracking.report(_tracking.GROUP_CONTENT, True)
        return self.join(output)
    frame.suppressed()
    raise VariableError


def apply(overrides: Overrides) -> None:
    """Decide group suppression from the variables that rendered."""
    from citeproc.model import Group

    _tracking.apply(overrides)
    overrides.replace(Group, "process", FIX, lambda _original: _process)
