"""archcite's CSL engine, on citeproc-py: the only package that imports citeproc.

``classes`` makes archcite's subclasses of citeproc-py's classes from the fixes (``fixes/``, one
module per CSL rule citeproc-py departs from) and the document features (``positions``,
``disambiguation``, ``collapse``, ``citation_order``, ``citation_label``, ``author_substitute``);
``engine`` loads styles and turns items into archcite markup; ``document`` renders a whole
document in stages; ``call_cache``/``cache`` remember renders and ``parallel`` shares them out
between processes when the caller asks. See docs/engine.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from archcite.styles.csl.document import CitationInput, Cite, Document, render_document
    from archcite.styles.csl.engine import load_style, render_items

__all__ = ["CitationInput", "Cite", "Document", "load_style", "render_document", "render_items"]


def __getattr__(name: str) -> Any:
    # Lazily: importing the package must not import citeproc (a one-record run pays for it once).
    if name in ("CitationInput", "Cite", "Document", "render_document"):
        from archcite.styles.csl import document

        return getattr(document, name)
    if name in ("load_style", "render_items"):
        from archcite.styles.csl import engine

        return getattr(engine, name)
    raise AttributeError(name)
