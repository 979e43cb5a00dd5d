"""``cs:substitute``: shorthand ``cs:names`` inherit, substituted variables are not repeated.

CSL 1.0.2, "Substitute": the first child of ``cs:substitute`` that renders replaces the empty
``cs:names``; a shorthand ``cs:names`` (without child elements) inside it inherits the
``cs:name``, ``cs:et-al`` and ``cs:label`` of the substituted ``cs:names``; and "substituted
variables are considered empty for the remainder of the rendering of the cite or bibliography
entry".

citeproc-py 0.11.1 (``Substitute.render``) passes the parent ``cs:names`` only to *direct*
``cs:names`` children (the CMOS 18 styles wrap their fallbacks in ``cs:choose``, so "eds." and
"and" were lost), records only a direct child's own ``variable`` attribute, and suppresses
repeats only in ``cs:text``: substituted editors and titles printed twice. The fix replaces
``Substitute.render``: it passes the parent ``cs:names`` down through ``cs:choose``/``cs:group``,
records every variable the successful child rendered and suppresses them in ``cs:text``,
``cs:names``, ``cs:date``, ``cs:number`` and conditions for the rest of the entry (``_tracking``).

The specification is silent on whether the affixes and formatting of the substituted
``cs:names`` go around what replaces it. citeproc-js puts them around names only: around a
``cs:names`` child (also one inside a ``cs:choose`` or ``cs:group``), not around a title, a term
or a macro ("Title. Pub" where ``<names suffix=". ">`` is followed by a prefix ". ", not
"Title. . Pub"; journal-of-computer-assisted-tomography). So does the fix: the text of any other
child is marked bare and ``Names.markup`` leaves it as it is.

What a substitute prints is content for the group around the ``cs:names`` as its parts are: the
variables it rendered, a macro or nested group that printed, but not a bare term or value (the
names' variable was tried and printed nothing; citeproc-js then suppresses a ``cs:group`` or a
macro holding them, "(1999.)" not "(Szerző nélkül 1999.)" in evangelikus-hittudomanyi-egyetem).
"""

from __future__ import annotations

import copy
from typing import Any

from citeproc.source import VariableError

from archcite.styles.csl.fixes import _tracking
from archcite.styles.csl.fixes._patching import Overrides

FIX = "substitute"
_TEXT = "{http://purl.org/net/xbiblio/csl}text"
_NAMES = "{http://purl.org/net/xbiblio/csl}names"
_BARE = "_archcite_bare"
"""Set on a substitute's text that the substituted cs:names prints without its affixes and formatting."""


def _prints_names(child: Any, rendered: set[str]) -> bool:
    """Whether the substitute child printed a ``cs:names`` of its own subtree (not via a macro)."""
    if child.tag == _NAMES:
        return True
    return any(variable in rendered for names in child.iter(_NAMES) for variable in names.get("variable", "").split())


def _bare(text: Any) -> Any:
    """A copy of ``text`` marked bare (never the item's own value, which other elements print)."""
    from citeproc.string import String

    text = String(text) if type(text) is str else copy.copy(text)
    setattr(text, _BARE, True)
    return text


def _markup(original: Any) -> Any:
    def markup(self: Any, text: Any) -> Any:
        if text and getattr(text, _BARE, False):
            return text
        return original(self, text)

    return markup


def _render(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
    kwargs.pop("names_context", None)
    parent_names = self.getparent()
    for child in self.iterchildren():
        # A variable the child renders is substituted at once: a later element of the same child
        # does not print it again (substitute_SuppressOrdinaryVariable, as citeproc-js).
        tracking = _tracking.tracking()
        before = set(tracking.substituted)
        tracking.substituting += 1
        failed = False
        with _tracking.recording() as frame:
            try:
                text = child.render(item, context=context, names_context=parent_names, **kwargs)
            except VariableError:
                text, failed = None, True
            finally:
                tracking.substituting -= 1
        if text is None or str(text) == "":
            tracking.substituted.intersection_update(before)  # a child that printed nothing took nothing
        if failed:
            continue
        # A term is not a variable: citeproc-js ends the substitution with it even when the locale
        # defines it as empty (substitute_SubstituteOnlyOnceTermEmpty).
        if child.tag == _TEXT and child.get("term") is not None:
            return _bare(text) if text else None
        if text is not None and str(text) != "":
            _tracking.substituted().update(
                variable.replace("_", "-") for variable in frame.rendered if variable != _tracking.GROUP_CONTENT
            )
            return text if _prints_names(child, frame.rendered) else _bare(text)
    return None


def apply(overrides: Overrides) -> None:
    """Substitute as CSL prescribes."""
    from citeproc.model import Names, Substitute

    _tracking.apply(overrides)
    overrides.replace(Substitute, "render", FIX, lambda _original: _render)
    overrides.replace(Names, "markup", FIX, _markup)
