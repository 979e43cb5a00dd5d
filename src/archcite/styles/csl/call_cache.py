"""The render cache inside one document: citeproc-py's expensive calls, each keyed by its inputs.

``document.render_document`` renders every citation, disambiguation probe and bibliography entry,
and computes the bibliography's sort keys, through :class:`DocumentCalls`. A call's key is the
style's bytes and the locale it renders in, the code (``cache.code_stamp``) and everything that
call's output depends on: the prepared CSL fields of each item it renders (a generated citation
label follows from them), each cite's locator and affixes, its precomputed position (with
near-note and first-reference-note-number), the item's disambiguation settings and year suffix,
and its citation number when the style prints or sorts by one. Whatever else a call reads is
fixed by the style (the note-style flags, the ibid term) or by the kind of call. So re-rendering
a large bibliography after editing one record renders only that record's calls (and the calls
of records whose disambiguation the edit changed).

Not cached: styles whose localised dates override date parts (``cs:date[@form]`` with a
``cs:date-part`` that sets attributes). citeproc-py copies those attributes into the shared
locale while rendering, so a call's output can depend on which calls ran before it; skipping
calls could change it. A record whose fields JSON cannot state exactly is never cached either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from archcite.styles.csl import cache
from archcite.styles.csl.render_state import RenderState, current_state

_CSL = "{http://purl.org/net/xbiblio/csl}"


class DocumentCalls:
    """The cached calls of one ``render_document``; without a store every call just renders."""

    def __init__(
        self,
        store: cache.RenderCache | None,
        style_digest: str = "",
        item_digests: Mapping[str, str | None] | None = None,
        numbering: Callable[[], Sequence[str]] | None = None,
    ) -> None:
        self._store = store
        self._style = style_digest
        self._items = dict(item_digests or {})
        # The bibliography's keys in order, when the style prints or sorts by citation numbers.
        self._numbering = numbering
        self._numbers: dict[str, int] | None = None

    def probe(self, state: RenderState, key: str, render: Callable[[], str], first_note: int | None = None) -> str:
        """A disambiguation probe of ``key`` (its subsequent cite, alone)."""
        calls = [self.probe_call(state, key, first_note=first_note)]
        return str(self.batch(calls, lambda missing: [[render()] for _ in missing])[0][0])

    def probe_call(self, state: RenderState, key: str, first_note: int | None = None) -> str | None:
        facts = self._item_facts(state, key)
        return self._key("probe", [facts] if first_note is None else [facts, first_note], keyable=facts is not None)

    def citation_call(self, state: RenderState, cites: Iterable[tuple[Any, Any]]) -> str | None:
        """The call of a citation, from its (citeproc ``CitationItem``, ``document.Cite``) pairs."""
        facts: list[Any] = []
        for citeproc_item, cite in cites:
            position = state.positions.get(id(citeproc_item))
            facts.append(
                [
                    self._item_facts(state, citeproc_item.key),
                    [cite.locator.label, cite.locator.value] if cite.locator is not None else None,
                    cite.prefix,
                    cite.suffix,
                    [int(position.position), position.near_note, position.first_note] if position else None,
                ]
            )
        keyable = all(fact[0] is not None for fact in facts)
        return self._key("citation", [state.capitalise_terms, state.ibid_term, facts], keyable=keyable)

    def entry_call(self, state: RenderState, key: str) -> str | None:
        """The call of a bibliography entry (rendered while names are captured for the author
        substitute: its value holds the entry and the output of its first `cs:names`)."""
        facts = self._item_facts(state, key)
        return self._key("entry", [True, facts], keyable=facts is not None)

    def batch(
        self, calls: Sequence[str | None], render: Callable[[Sequence[int]], Sequence[list[Any]]]
    ) -> list[list[Any]]:
        """The values of ``calls``: those stored, and ``render(indexes)`` for the rest (in one go,
        so that they can be shared among processes; this process stores them)."""
        stored = self._store.get_many(call for call in calls if call is not None) if self._store else {}
        values: list[list[Any] | None] = []
        for call in calls:
            found = stored.get(call) if call is not None else None
            usable = isinstance(found, list) and bool(found) and all(x is None or isinstance(x, str) for x in found)
            if call is not None:
                cache.count(usable)
            values.append(found if usable else None)
        missing = [n for n, value in enumerate(values) if value is None]
        fresh = dict(zip(missing, render(missing), strict=True))
        for n, value in fresh.items():
            call = calls[n]
            if call is not None and self._store is not None:
                self._store.put(call, value)
        return [fresh[n] if value is None else value for n, value in enumerate(values)]

    @contextmanager
    def sorting(self) -> Iterator[None]:
        """Within this block, ``cs:key`` sort keys outside any cite (the bibliography's) are cached:
        the stored ones are read here, and only the rest go to whatever computes sort keys now
        (which may share them among processes)."""
        if self._store is None:
            yield
            return
        from archcite.styles.csl import sort_hooks

        def sort_keys(element: Any, items: Any, context: Any, inner: sort_hooks.SortKeys) -> Any:
            # A citation's cites are sorted while a cite renders, where disambiguation can show.
            if current_state() is not None:
                return inner(element, items, context)
            return self.sort_keys(element, list(items), lambda subset: list(inner(element, subset, context)))

        with sort_hooks.hooked(sort_keys):
            yield

    def sort_keys(self, element: Any, items: Sequence[Any], compute: Callable[[Sequence[Any]], list[Any]]) -> list[Any]:
        """One ``cs:key``'s sort keys for ``items``: each item's key is its own (citeproc-py
        computes them one by one), so only the items not in the cache are computed."""
        where = element.getroottree().getpath(element)
        calls: list[str | None] = []
        for item in items:
            digest = self._items.get(item.key)
            number = item.number if self._numbering is not None else None
            facts = [where, item.key, digest, number]
            calls.append(self._key("sort", facts, keyable=digest is not None))
        stored = self._store.get_many(call for call in calls if call is not None) if self._store else {}
        found: list[Any] = [_sort_key(stored.get(call)) if call is not None else None for call in calls]
        for value, call in zip(found, calls, strict=True):
            if call is not None:
                cache.count(value is not None)
        missing = [n for n, value in enumerate(found) if value is None]
        if missing:
            computed = compute([items[n] for n in missing])
            for n, value in zip(missing, computed, strict=True):
                found[n] = [value]
                call = calls[n]
                if call is not None and self._store is not None:
                    self._store.put(call, [value])
        return [value[0] for value in found]

    def close(self) -> None:
        """Write what was rendered afresh."""
        if self._store is not None:
            self._store.flush()
            self._store.close()
            self._store = None

    def _item_facts(self, state: RenderState, key: str) -> list[Any] | None:
        """What the item contributes to a call's key; None if the cache cannot key it."""
        digest = self._items.get(key)
        if digest is None:
            return None
        settings = state.disambiguation.get(key)
        number = None
        if self._numbering is not None:
            if self._numbers is None:
                self._numbers = {k: n for n, k in enumerate(self._numbering())}
            number = self._numbers.get(key)
        return [
            key,
            digest,
            list(settings.fingerprint()) if settings is not None else None,
            state.year_suffixes.get(key),
            number,
        ]

    def _key(self, kind: str, facts: list[Any], *, keyable: bool) -> str | None:
        if self._store is None or not keyable:
            return None
        text = cache.canonical_json(facts)
        if text is None:
            return None
        return cache.digest(kind, cache.code_stamp(), self._style, text)


def _sort_key(found: Any) -> list[Any] | None:
    """A stored sort key (as a one-element list, since None is a key), or None if not usable."""
    if isinstance(found, list) and len(found) == 1 and (found[0] is None or isinstance(found[0], str | int | float)):
        return found
    return None


def _localised_dates_override_parts(root: Any) -> bool:
    return any(
        set(part.attrib) - {"name"}
        for date in root.iter(_CSL + "date")
        if date.get("form")
        for part in date.iter(_CSL + "date-part")
    )


def for_document(
    style: bytes,
    items: Iterable[Mapping[str, Any]],
    csl: Any,
    keys: Callable[[], Sequence[str]],
) -> DocumentCalls:
    """The calls of one document (``style`` the CSL file's bytes, ``items`` as handed to
    citeproc-py, ``keys`` the bibliography's keys once sorted): cached when the cache is on and
    the style allows it."""
    store = cache.chosen_cache()
    if store is None:
        return DocumentCalls(None)
    if _localised_dates_override_parts(csl.root):
        store.close()
        return DocumentCalls(None)
    digests: dict[str, str | None] = {}
    for item in items:
        text = cache.canonical_json(item)
        digests[str(item.get("id")).lower()] = None if text is None else cache.digest(text)
    # The locale the style renders in is part of the style: it may be another than its file names.
    style_digest = cache.digest(style, str(csl.root.get("default-locale", "")))
    return DocumentCalls(store, style_digest, digests, keys if b"citation-number" in style else None)
