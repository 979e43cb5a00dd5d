"""Speed fix for citeproc-py 0.11.1: the same output, without repeated searches.

A profile of a 200-entry Chicago bibliography (first notes, subsequent notes and bibliography)
spends two thirds of its time in ``CitationStylesElement.xpath_search``: every macro call
runs an XPath over the whole style (``get_macro``), every ``cs:group`` asks each child whether it
calls a variable (``calls_variable``, a recursion through the macros, repeated for every item),
every name asks for its enclosing ``cs:citation``/``cs:bibliography`` and every term lookup
searches the locale. With a thousand entries or more, three linear scans become quadratic: the
``position`` test looks for the item among all earlier cites, and registering, numbering and
checking a cite look its key up in the list of keys.

The style and locale trees do not change while rendering (citeproc-py only copies date-part
attributes onto a locale's date parts, which no cached search reads, and inserts a default
``cs:name`` into a ``cs:names`` that has none, which nothing cached depends on), so each search
is done once per element and remembered. lxml creates Python proxies for elements on demand and
drops them when unused; a remembered result lives on the proxy, so every proxy that remembers
something is kept alive by its tree's root.

:func:`apply` must run after every correctness fix: it wraps whatever implementation is
installed (memoising it), and it replaces the few stock methods that hold a linear scan only when
they are still the stock ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, SupportsIndex

_APPLIED = "_archcite_perf_applied"
_KEEP_ALIVE = "_archcite_keep_alive"
_XPATH = "_archcite_xpath"
_ROOT = "_archcite_root"
_CALLS_VARIABLE = "_archcite_calls_variable"
_MACROS = "_archcite_macros"
_CSL = "{http://purl.org/net/xbiblio/csl}"


def _keep_alive(element: Any) -> None:
    """Keep the element's proxy (and what it remembers) alive as long as its tree's root."""
    root = element.getroottree().getroot()
    if root is element:
        return
    state = root.__dict__
    kept = state.get(_KEEP_ALIVE)
    if kept is None:
        kept = state[_KEEP_ALIVE] = []
    kept.append(element)


def _first_ancestor(tags: tuple[str, ...], *, include_self: bool = False) -> Callable[[Any], list[Any]]:
    def search(element: Any) -> list[Any]:
        if include_self and element.tag in tags:
            return [element]
        for ancestor in element.iterancestors(*tags):
            return [ancestor]
        return []

    return search


def _first_child(tag: str) -> Callable[[Any], list[Any]]:
    def search(element: Any) -> list[Any]:
        for child in element.iterchildren(tag):
            return [child]
        return []

    return search


def _next_sibling(tag: str) -> Callable[[Any], list[Any]]:
    def search(element: Any) -> list[Any]:
        for sibling in element.itersiblings(tag):
            return [sibling]
        return []

    return search


def _parent(tag: str) -> Callable[[Any], list[Any]]:
    def search(element: Any) -> list[Any]:
        parent = element.getparent()
        return [parent] if parent is not None and parent.tag == tag else []

    return search


# The structural searches citeproc-py repeats, answered by walking the tree (an XPath costs a
# compilation each time). Each returns what the XPath returns: a list in document order.
_STRUCTURAL: dict[str, Callable[[Any], list[Any]]] = {
    "./ancestor-or-self::cs:layout[1]": _first_ancestor((_CSL + "layout",), include_self=True),
    "./ancestor::*[self::cs:citation or self::cs:bibliography][1]": _first_ancestor(
        (_CSL + "citation", _CSL + "bibliography")
    ),
    "./ancestor::*[self::cs:bibliography]": _first_ancestor((_CSL + "bibliography",)),
    "./ancestor::cs:locale[1]": _first_ancestor((_CSL + "locale",)),
    "./parent::cs:names[1]": _parent(_CSL + "names"),
    "./following-sibling::cs:et-al[1]": _next_sibling(_CSL + "et-al"),
    "./cs:substitute[1]": _first_child(_CSL + "substitute"),
}


def _remember_xpath(original: Callable[[Any, str], Any]) -> Callable[[Any, str], Any]:
    def xpath_search(self: Any, expression: str) -> Any:
        state = self.__dict__
        cache = state.get(_XPATH)
        if cache is None:
            cache = state[_XPATH] = {}
            _keep_alive(self)
        found = cache.get(expression)
        if found is None:
            walk = _STRUCTURAL.get(expression)
            found = cache[expression] = walk(self) if walk is not None else original(self, expression)
        # Callers index or test the result; a copy keeps the remembered list intact.
        return list(found)

    return xpath_search


def _remember_root(original: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def get_root(self: Any) -> Any:
        state = self.__dict__
        root = state.get(_ROOT)
        if root is None:
            root = original(self)
            # A fresh element (citeproc-py makes a default cs:name) is its own root until inserted.
            if root is self:
                return root
            state[_ROOT] = root
            _keep_alive(self)
        return root

    return get_root


def _remember_macros(original: Callable[[Any, str], Any]) -> Callable[[Any, str], Any]:
    def get_macro(self: Any, name: str) -> Any:
        root = self.get_root()
        state = root.__dict__
        macros = state.get(_MACROS)
        if macros is None:
            # One pass over the style's top-level elements instead of one XPath per look-up;
            # the first macro of a name wins, as with the stock `[1]`.
            macros = state[_MACROS] = {}
            for child in root.iterchildren(_CSL + "macro"):
                macros.setdefault(child.get("name"), child)
        macro = macros.get(name)
        if macro is None:
            return original(self, name)  # the stock error for a missing macro
        return macro

    return get_macro


def _remember_calls_variable(original: Callable[..., Any]) -> Callable[..., Any]:
    def calls_variable(self: Any, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs:  # a fix that made the answer depend on the item: not memoised
            return original(self, *args, **kwargs)
        state = self.__dict__
        answer = state.get(_CALLS_VARIABLE)
        if answer is None:
            answer = state[_CALLS_VARIABLE] = original(self)
            _keep_alive(self)
        return answer

    return calls_variable


class KeyList(list[str]):
    """The bibliography's list of keys, with constant-time ``in`` and ``index``."""

    def __init__(self, keys: Iterable[str] = ()) -> None:
        super().__init__(keys)
        self._positions: dict[str, int] | None = None

    def _index(self) -> dict[str, int]:
        if self._positions is None:
            positions: dict[str, int] = {}
            for position, key in enumerate(self):
                positions.setdefault(key, position)
            self._positions = positions
        return self._positions

    def __contains__(self, key: object) -> bool:
        return key in self._index()

    def index(self, key: str, start: SupportsIndex = 0, stop: SupportsIndex | None = None) -> int:
        position = self._index().get(key)
        if position is None or start != 0 or stop is not None:
            return super().index(key, start, stop) if stop is not None else super().index(key, start)
        return position

    def append(self, key: str) -> None:
        if self._positions is not None:
            self._positions.setdefault(key, len(self))
        super().append(key)

    # Any other change to the list makes the positions stale; they are rebuilt when next needed.
    def _stale(name: str) -> Any:  # type: ignore[misc]
        method = getattr(list, name)

        def changed(self: KeyList, *args: Any) -> Any:
            self._positions = None
            return method(self, *args)

        changed.__name__ = name
        return changed

    extend = _stale("extend")
    insert = _stale("insert")
    remove = _stale("remove")
    pop = _stale("pop")
    clear = _stale("clear")
    sort = _stale("sort")
    reverse = _stale("reverse")
    __setitem__ = _stale("__setitem__")
    __delitem__ = _stale("__delitem__")
    __iadd__ = _stale("__iadd__")
    __imul__ = _stale("__imul__")
    del _stale


class CiteLog(list[Any]):
    """The list of cites rendered so far, with the set of their keys for the ``position`` test."""

    def __init__(self, cites: Iterable[Any] = ()) -> None:
        super().__init__(cites)
        self.cited_keys = {cite.key for cite in self}

    def append(self, cite: Any) -> None:
        self.cited_keys.add(cite.key)
        super().append(cite)


def _keys_property() -> property:
    def get_keys(self: Any) -> Any:
        return self.__dict__["keys"]

    def set_keys(self: Any, keys: Any) -> None:
        self.__dict__["keys"] = keys if isinstance(keys, KeyList) else KeyList(keys)

    return property(get_keys, set_keys)


def _fast_position(model: Any) -> Callable[[Any, Any, Any], list[bool]]:
    """Stock ``If._position`` (citeproc-py 0.11.1), with ``already_cited`` a set look-up."""

    def _position(self: Any, item: Any, context: Any) -> list[bool]:
        if context is None:
            context = self
        if context.xpath_search("./ancestor::*[self::cs:bibliography]"):
            return [False]
        cites = context.get_layout().getparent().cites
        last_cite: Any = cites[-1] if cites else None
        if isinstance(cites, CiteLog):
            already_cited = item.key in cites.cited_keys
        else:
            already_cited = item.key in (cite.key for cite in cites)
        possibly_ibid = (
            already_cited
            and item.key == last_cite.key
            and (item.citation is last_cite.citation or len(last_cite.citation.cites) == 1)
        )
        results = []
        for position in self.get("position").split():
            result = False
            if position == "first":
                result = not already_cited
            elif position == "subsequent":
                result = already_cited
            elif possibly_ibid and position == "ibid":
                result = item.has_locator or not last_cite.has_locator
            elif possibly_ibid and position == "ibid-with-locator":
                result = (item.has_locator and not last_cite.has_locator) or (
                    item.has_locator and last_cite.has_locator and item.locator != last_cite.locator
                )
            elif already_cited and position == "near-note":
                max_distance = self.get_root().get_option("near-note-distance")
                citations = 1
                last_citation = None
                for cite in reversed(cites):
                    if item.key == cite.key and citations <= max_distance:
                        result = True
                        break
                    if cite.citation is not last_citation:
                        citations += 1
                        last_citation = cite.citation
            results.append(result)
        return results

    return _position


def _is_stock(function: Any) -> bool:
    return getattr(function, "__module__", None) in ("citeproc.model", "citeproc.frontend", "citeproc.source")


def apply() -> None:
    """Install the caches into citeproc-py (once; later calls do nothing)."""
    import citeproc.frontend as frontend
    import citeproc.model as model

    if getattr(model, _APPLIED, False):
        return

    base = model.CitationStylesElement
    base.xpath_search = _remember_xpath(base.xpath_search)
    base.get_root = _remember_root(base.get_root)
    base.get_macro = _remember_macros(base.get_macro)
    for cls in (model.Parent, model.Text, model.Label):
        cls.calls_variable = _remember_calls_variable(cls.calls_variable)

    if _is_stock(model.If._position):
        model.If._position = _fast_position(model)

    bibliography = frontend.CitationStylesBibliography
    original_init = bibliography.__init__

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        if type(self._cites) is list:
            self._cites = CiteLog(self._cites)

    bibliography.__init__ = __init__
    # CitationItem.is_bad and .number and Layout.render_citation look keys up with `in`/`index`.
    bibliography.keys = _keys_property()

    setattr(model, _APPLIED, True)
