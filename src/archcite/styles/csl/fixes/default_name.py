"""A ``cs:names`` without a ``cs:name`` renders its names with archcite's ``cs:name``.

CSL 1.0.2, "Names": ``cs:name`` is optional inside ``cs:names``; without it the names print with
the default name options. citeproc-py 0.11.1 (``Names.process``) then makes a stock ``Name()``
element, without namespace, each time it renders: none of archcite's fixes to ``cs:name``
applied to it ("Jian Chen" for a family-first name in ``<names variable="translator"/>``), and
the style's tree grew by one element per rendering. The fix wraps ``Names.process`` and gives
such a ``cs:names`` (or the one a shorthand substitute inherits from) an empty ``cs:name`` of
archcite's class, once.
"""

from __future__ import annotations

from typing import Any

from archcite.styles.csl.fixes._patching import Overrides

FIX = "default_name"
_NAME = "{http://purl.org/net/xbiblio/csl}name"


def _process(original: Any) -> Any:
    def process(self: Any, item: Any, names_context: Any = None, context: Any = None, **kwargs: Any) -> Any:
        holder = names_context if names_context is not None else self
        if holder.find(_NAME) is None:
            # makeelement: the style's parser, so the element is archcite's cs:name.
            holder.insert(0, holder.makeelement(_NAME))
        return original(self, item, names_context=names_context, context=context, **kwargs)

    return process


def apply(overrides: Overrides) -> None:
    """Give every cs:names an archcite cs:name to render with."""
    from citeproc.model import Names

    overrides.replace(Names, "process", FIX, _process)
