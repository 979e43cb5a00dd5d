"""`subsequent-author-substitute`: "———." for a bibliography entry by the previous entry's authors.

Implements CSL 1.0.2 "Reference Grouping" (bibliography options ``subsequent-author-substitute``
and ``subsequent-author-substitute-rule``), which citeproc-py 0.11.1 parses and ignores. While the
bibliography renders, the output of each entry's first ``cs:names`` element (which covers its
``cs:substitute``) is recorded, with each name it printed as that name reads in it; afterwards an
entry whose names match the previous entry's has them replaced by the substitute string.

The rules compare names, not the text around them: under ``partial-first`` "Kennan, George F."
matches the previous entry's first name "Kennan, George F." as one name, though it holds a
comma (citeproc-js: "——, Telegram to …", not "——, George F., Telegram"), and "Fursenko, A. A."
does not match "Fursenko, Aleksandr". Nor does the role's label count: an editor's "Doe, John ed."
after the author "Doe, John" is "——— ed." (citeproc-js, the CSL suite's
sort_SeparateAuthorsAndOthers), also under et-al: "Békés, Csaba, et al., editors" after the
same is "---, editors" (citeproc-js), the names and the et-al term replaced. The complete rules
compare the names an output shows, not its et-al term: "Akrich, Madeleine, et al." after
"Akrich, Madeleine" is "———" (citeproc-js).

A substitute that is the empty string makes the names print nothing, and the delimiter that
joined them goes with them: citeproc-js empties the names' output, which its output queue then
leaves out ("Title", not ". Title"). The entry is rendered again with its first ``cs:names``
printing nothing (``RenderState.blank_first_names``); the groups around it keep their other
parts, as the variables the names called still count as rendered.

Names are compared as Unicode text, not as code points: "Kimberlé" written with a combining accent
(NFD) is the "Kimberlé" of a precomposed é (NFC), as citeproc-js's ``localeCompare`` holds
canonically equivalent strings equal (CSL 1.0.2's "names that also occur in the preceding entry").
"""

from __future__ import annotations

from collections.abc import Sequence
from contextvars import ContextVar
from typing import Any
from unicodedata import normalize

from archcite.patterns import lazy
from archcite.styles.csl.fixes import _tracking
from archcite.styles.csl.fixes._patching import Overrides
from archcite.styles.csl.render_state import current_state

FIX = "author_substitute"

# While a name list is rendered again to read its names one by one: the names ``join`` was given.
_SPLITTING: ContextVar[list[str] | None] = ContextVar("archcite_names_split", default=None)

NamesOutput = str | Sequence[str]
"""A names output: its text, or its text, the part of it its name lists print (from the first
list's first name to the last list's et-al term, without the roles' labels around them), then the
names it printed, one by one (none when a cs:substitute printed something else). Plain strings, so
that the render cache keeps it as JSON and worker processes return it as they are."""


def install(overrides: Overrides) -> None:
    """Record the first `cs:names` output of every bibliography entry while it renders."""
    from citeproc.model import Names

    original_render = overrides.current(Names, "render")

    def names_render(self: Any, item: Any, *args: Any, **kwargs: Any) -> Any:
        state = current_state()
        if state is None or state.current_key is None:
            return original_render(self, item, *args, **kwargs)
        state.names_depth += 1
        if state.names_depth == 1:
            state.names_printed = []
            state.name_lists = []
            substituted_before = len(_tracking.substituted())
        try:
            text = original_render(self, item, *args, **kwargs)
        finally:
            state.names_depth -= 1
        if state.names_depth == 0 and text and state.layout_names is None:
            # Also read by cite grouping (collapse.py): the names a cite starts with.
            state.layout_names = str(text)
            if state.capture_names and state.current_key not in state.first_names:
                printed = state.names_printed
                # A variable in place of the names (a title) is substituted as one name; a term is not.
                if not printed and len(_tracking.substituted()) > substituted_before:
                    printed = [str(text)]
                lists = _name_lists_part(str(text), state.name_lists)
                state.first_names[state.current_key] = (str(text), lists, *printed)
            if state.blank_first_names:
                return None
        return text

    overrides.replace(Names, "render", FIX, lambda _inner: names_render)
    _install_split(overrides)


def _install_split(overrides: Overrides) -> None:
    """Each name of an entry's first `cs:names`, as printed: the list rendered once more with
    neither "and" nor et-al, the names handed to ``join`` kept."""
    from citeproc.model import Name

    original_process = overrides.current(Name, "process")
    original_join = overrides.current(Name, "join")

    def name_process(
        self: Any, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kw: Any
    ) -> Any:
        text = original_process(self, item, variable, context=context, sort_options=sort_options, **kw)
        state = current_state()
        if (
            state is None
            or not text
            or sort_options is not None
            or not state.capture_names
            or state.names_depth == 0
            or state.layout_names is not None
            or state.current_key in state.first_names
            or _SPLITTING.get() is not None
        ):
            return text
        split: list[str] = []
        token = _SPLITTING.set(split)
        try:
            original_process(self, item, variable, context=context, sort_options=sort_options, **kw)
        finally:
            _SPLITTING.reset(token)
        state.names_printed.extend(split)
        state.name_lists.append(str(text))
        return text

    def split_get_option(original_get_option: Any) -> Any:
        def name_get_option(self: Any, name: str, context: Any = None, sort_options: Any = None) -> Any:
            if _SPLITTING.get() is not None:
                return None if name == "and" else 0
            return original_get_option(self, name, context, sort_options)

        return name_get_option

    def name_join(self: Any, strings: Any, *args: Any) -> Any:
        split = _SPLITTING.get()
        if split is not None:
            strings = [s for s in strings if s is not None]
            split[:] = [str(s) for s in strings]
        return original_join(self, strings, *args)

    overrides.replace(Name, "process", FIX, lambda _inner: name_process)
    overrides.replace(Name, "get_option", FIX, split_get_option, for_arguments=("and", "et-al-min"))
    overrides.replace(Name, "join", FIX, lambda _inner: name_join)


def names_one_by_one(element: Any, item: Any, variable: str, **kwargs: Any) -> list[str]:
    """The names a ``cs:name`` prints for ``variable``, one by one as printed: the list rendered
    once more with neither "and" nor et-al, the names handed to ``join`` kept."""
    split: list[str] = []
    token = _SPLITTING.set(split)
    try:
        element.process(item, variable, **kwargs)
    finally:
        _SPLITTING.reset(token)
    return split


_NAME_SEPARATORS = lazy(r",\s+(?:and\s+|&\s+)?|\s+(?:and|&amp;|&)\s+")


def _name_lists_part(text: str, name_lists: Sequence[str]) -> str:
    """The part of a names output its name lists print: from the first to the last, without the
    labels around them; the whole output when a list is not found in it."""
    spans = _spans(text, name_lists)
    if not spans or len(spans) < len(name_lists):
        return text
    return text[spans[0][0] : spans[-1][1]]


def _parts(names: NamesOutput | None) -> tuple[str | None, str | None, list[str]]:
    """The names output's text, its name lists' part and its names (split at the delimiters when
    they were not kept)."""
    if names is None or isinstance(names, str):
        return names, names, _NAME_SEPARATORS().split(names) if names else []
    text, lists, *printed = names
    return text, lists, list(printed)


def _spans(text: str, names: Sequence[str]) -> list[tuple[int, int]]:
    """Where each name sits in ``text``, in order, as far as they are found."""
    spans: list[tuple[int, int]] = []
    start = 0
    for name in names:
        found = text.find(name, start)
        if found < 0 or not name:
            break
        spans.append((found, found + len(name)))
        start = found + len(name)
    return spans


def _shown(text: str, names: Sequence[str]) -> list[str] | str:
    """What the complete rules compare: the names the output shows, in order, neither the et-al
    term nor the label ("Akrich, Madeleine, et al." shows the name "Akrich, Madeleine" and matches
    the previous entry's "Akrich, Madeleine", as CSL 1.0.2's "all rendered names" and citeproc-js's
    rendered_name read it); the whole text when no name is found in it."""
    spans = _spans(text, names)
    return list(names[: len(spans)]) if spans else text


def _canonical(shown: list[str] | str) -> list[str] | str:
    """What the rules compare: each name (or the whole text) in Unicode's composed form."""
    return normalize("NFC", shown) if isinstance(shown, str) else [normalize("NFC", name) for name in shown]


def _names_part(text: str, lists: str | None, names: Sequence[str]) -> tuple[int, int]:
    """Where the names sit in their output: from the first to the last, without a label around them
    (when not every name is found, as with "et al.", the name lists' part: the names and the et-al
    term, without the label)."""
    spans = _spans(text, names)
    if not spans or len(spans) < len(names):
        found = text.find(lists) if lists else -1
        return (found, found + len(lists)) if found >= 0 and lists else (0, len(text))
    return spans[0][0], spans[-1][1]


def _replaced(text: str, spans: Sequence[tuple[int, int]], substitute: str) -> str:
    out, start = [], 0
    for begin, end in spans:
        out += [text[start:begin], substitute]
        start = end
    return "".join(out) + text[start:]


def substitute_authors(
    entries: Sequence[str | None], names: Sequence[NamesOutput | None], substitute: str, rule: str = "complete-all"
) -> list[str | None]:
    """Entries with repeated names output replaced by ``substitute``, per the substitution rule.

    ``complete-all`` replaces the whole names output when every name matches; ``complete-each``
    then replaces each name by the substitute; the ``partial-*`` rules replace the leading names
    that match the previous entry's (``partial-first``: the first only).
    """
    result: list[str | None] = []
    previous: list[str] = []
    previous_text: str | None = None
    for entry, names_output in zip(entries, names, strict=True):
        if entry is None:
            # An item the bibliography prints nothing for is no entry: the next compares with the one
            # before it (citeproc-js; CSL 1.0.2's "preceding bibliographic entry").
            result.append(entry)
            continue
        current, lists, printed = _parts(names_output)
        # A term or title in place of the names ("Anónimo") is not substituted (citeproc-js).
        if not current or not printed:
            result.append(entry)
            previous, previous_text = printed, current
            continue
        matched = 0
        for mine, theirs in zip(printed, previous, strict=False):
            if normalize("NFC", mine) != normalize("NFC", theirs):
                break
            matched += 1
        replacement: str | None = None
        start, end = _names_part(current, lists, printed)
        if (
            rule in ("complete-all", "complete-each")
            and previous_text is not None
            and _canonical(_shown(current, printed)) == _canonical(_shown(previous_text, previous))
        ):
            spans = _spans(current, printed)
            if rule == "complete-all" or len(spans) < len(printed):
                replacement = current[:start] + substitute + current[end:]
            else:
                replacement = _replaced(current, spans, substitute)
        elif rule.startswith("partial") and matched:
            spans = _spans(current, printed[: 1 if rule == "partial-first" else matched])
            replacement = _replaced(current, spans, substitute) if spans else None
        if replacement is not None and current in entry:
            end = entry.index(current) + len(current)
            # A names output ending in an abbreviation's period ("George F.") shares that period with
            # the delimiter after it ("F. Telegram"); the substitute keeps the delimiter's period.
            if current.endswith(".") and not replacement.endswith(".") and entry[end : end + 1] in ("", " "):
                replacement += "."
            result.append(entry.replace(current, replacement, 1))
        else:
            result.append(entry)
        previous, previous_text = printed, current
    return result
