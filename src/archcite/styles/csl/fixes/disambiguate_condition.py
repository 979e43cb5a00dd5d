"""Conditions: ``disambiguate`` is a test like the others.

CSL 1.0.2, "Choose": ``disambiguate="true"`` is true only while the processor renders an
ambiguous cite to disambiguate it; every test of a ``cs:if``/``cs:else-if`` takes part in
``match`` ("all", "any", "none").

citeproc-py 0.11.1 (``If.render``) ignores ``disambiguate`` (a "TODO"): a branch testing only
``disambiguate="true"`` has no results and ``all([])`` is true, so it **always** fired (MLA
printed the title in every parenthetical citation), and ``match="none"`` branches never did.
The fix replaces ``If.render``. The test is true for an item that the document's disambiguation
(``styles.disambiguation``, through the render state) could not tell apart otherwise, one condition
more at a time; outside a document it is false.
"""

from __future__ import annotations

from typing import Any

from archcite.styles.csl.fixes._patching import Overrides
from archcite.styles.csl.render_state import current_state

FIX = "disambiguate_condition"


def wants_disambiguation(item: Any) -> bool:
    """Whether the ``disambiguate`` condition being tested fires for ``item``: in a cite, the first
    ``settings.disambiguate`` of those the cite meets, in order (citeproc-js steps them one at a
    time); in the bibliography, all of them for an item whose cites needed any."""
    state = current_state()
    if state is None:
        return False
    settings = state.disambiguation.get(item.key)
    if settings is None or not settings.disambiguate:
        return False
    if state.in_bibliography:
        return True
    state.disambiguate_met += 1
    return state.disambiguate_met <= settings.disambiguate


def render(self: Any, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
    from citeproc.model import ConditionFailed

    results: list[bool] = []
    if "disambiguate" in self.attrib:
        results.append(wants_disambiguation(item) == (self.get("disambiguate").lower() == "true"))
    if "type" in self.attrib:
        results += self._type(item)
    if "variable" in self.attrib:
        results += self._variable(item)
    if "is-numeric" in self.attrib:
        results += self._is_numeric(item)
    if "is-uncertain-date" in self.attrib:
        results += self._is_uncertain_date(item)
    if "locator" in self.attrib:
        results += self._locator(item)
    if "position" in self.attrib:
        results += self._position(item, context)
    match = self.get("match", "all")
    if match == "any":
        passed = any(results)
    elif match == "none":
        passed = not any(results)
    else:
        passed = all(results)
    if not passed:
        raise ConditionFailed
    return self.render_children(item, context=context, delimiter=delimiter, **kwargs)


def apply(overrides: Overrides) -> None:
    """Evaluate ``disambiguate`` in conditions."""
    from citeproc.model import If

    overrides.replace(If, "render", FIX, lambda _original: render)
