"""Cites of a citation keep the author's order unless the style sorts them.

CSL 1.0.2, "Sorting": "cites within a citation are sorted ... if cs:citation contains cs:sort";
otherwise they appear in the order given. citeproc-py 0.11.1 (``Layout.render_citation``) always
orders them by their place in the bibliography first, which also reorders cites of styles without
a bibliography sort and breaks position tracking (``ibid`` depends on the preceding cite).
While a document renders, the citation layout is replaced by one that keeps the given order.
"""

from __future__ import annotations

from typing import Any

from archcite.styles.render_state import current_state

_installed = False


def install() -> None:
    global _installed
    if _installed:
        return
    from citeproc.model import Layout
    from citeproc.source import VariableError

    original = Layout.render_citation

    def render_citation(self: Any, citation: Any, callback: Any) -> Any:
        citation_element = self.getparent()
        if current_state() is None:
            return original(self, citation, callback)
        known = [cite for cite in citation.cites if not cite.is_bad()]
        unknown = [cite for cite in citation.cites if cite.is_bad()]
        if citation_element.sort is not None:
            known = citation_element.sort.sort(known, self)
        outputs = []
        for cite in known:
            self.repressed = {}
            try:
                text = self.render_children(cite)
            except VariableError:
                continue
            if text is not None:
                outputs.append(cite.get("prefix", "") + text + cite.get("suffix", ""))
                citation_element.cites.append(cite)
        outputs += [callback(cite) or f"{cite.key}?" for cite in unknown]
        return self.format(self.wrap(self.join(outputs)))

    Layout.render_citation = render_citation
    _installed = True
