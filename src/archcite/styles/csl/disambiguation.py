"""Disambiguation of cites, which citeproc-py 0.11.1 parses but never performs.

Implements the CSL 1.0.2 specification section "Disambiguation": two cites are ambiguous when
they render identically but refer to different items. The methods, in the spec's order:

1. ``disambiguate-add-names``: names hidden by et-al abbreviation are added one by one; the
   bibliography shows them only where the style also adds given names (citeproc-js's entries take
   its registry's names through ``disambiguate-add-givenname``), and under ``et-al-use-last`` no
   more than ``et-al-min`` minus two (its ``_imposeNameConstraints``: APA's 22 authors keep
   "…, Nineteenth, … Twentysecond");
2. ``disambiguate-add-givenname``: initials, then full given names, are added to names
   (``givenname-disambiguation-rule``; the ``all-names*`` and ``primary-name*`` rules
   disambiguate names that are ambiguous across different cites, ambiguous cites or not, and
   add none to a set of ambiguous cites);
3. ``disambiguate="true"`` conditions fire for the cites still ambiguous, one more at a time;
4. ``disambiguate-add-year-suffix``: "a", "b", ... in the order of the bibliography, shown in
   citations and bibliography, after the first year rendered by ``cs:date`` unless the style
   renders the ``year-suffix`` variable itself.

How a set of ambiguous cites goes through them is citeproc-js's walk (``ambiguous_set.py``).
Ambiguity is judged on the form citeproc-js uses: the item cited alone, without locator, in the
subsequent position, without formatting and quotation marks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple, Protocol

from archcite.styles.csl.fixes import _tracking, nameparts
from archcite.styles.csl.fixes._patching import Overrides
from archcite.styles.csl.render_state import ItemDisambiguation, RenderState, current_state

NAME_VARIABLES_BY_PRIORITY = ("author", "editor", "translator", "composer", "director", "interviewer", "recipient")


def disambiguated_variable(reference: Any) -> str | None:
    """The name variable whose names disambiguation shows more of or expands: the first of
    ``NAME_VARIABLES_BY_PRIORITY`` the item has (the names its cite shows)."""
    for variable in NAME_VARIABLES_BY_PRIORITY:
        if isinstance(reference.get(variable), list):
            return variable
    return None


def year_suffix(number: int) -> str:
    """0 -> "a", 25 -> "z", 26 -> "aa", 27 -> "ab" (citeproc-js's sequence)."""
    letters = ""
    number += 1
    while number > 0:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("a") + remainder) + letters
    return letters


class _ExpandedName(dict[str, str]):
    """A name whose given name is shown for disambiguation, rendered as one family-name string.
    (A dict like citeproc-py's names, so fixes that look at a name's fields keep working.)"""

    def __init__(self, text: str) -> None:
        super().__init__(family=text)
        self.text = text

    def parts(self) -> tuple[None, str, None, None, None]:
        return None, self.text, None, None, None


def _expanded_text(
    name: Any,
    level: int,
    index: int,
    option: Callable[[str], Any],
    initialize: Callable[[str, str], Any],
    *,
    tagged: bool = False,
    with_initials: bool = False,
) -> str | None:
    """The name with its given name shown (level 1: initials, 2: in full), as one string;
    ``option(name)`` reads the cs:name's options, ``initialize(given, mark)`` makes initials.
    Under a ``*-with-initials`` rule (``with_initials``) level 1 is initials also where the
    cs:name sets no ``initialize-with`` (CSL 1.0.2: "given names are limited to initials"),
    written without periods as citeproc-js's ``_givenName`` writes them ("Jensen, BE").

    The name is printed as a long name (CSL 1.0.2, "Disambiguation": a short name's given name is
    shown by rendering it in the long form), so ``name-as-sort-order`` inverts it whatever the
    cs:name's own form ("FURSENKO, Aleksandr", citeproc-js). When the cs:name formats its name
    parts (``tagged``), the given and family parts are tagged to take the formatting of their own
    cs:name-part (nameparts.py), not the family's for the whole."""
    given, family, dropping, non_dropping, suffix = name.parts()
    if not given or not family:
        return None
    initialize_with = option("initialize-with")
    if initialize_with is None and with_initials:
        initialize_with = ""
    if level == 1 and initialize_with is not None:
        given = initialize(given, initialize_with)
    sort_order = option("name-as-sort-order")

    def part(kind: tuple[str, str], text: str) -> str:
        return nameparts.tag(kind, text) if tagged and text else text

    if sort_order == "all" or (sort_order == "first" and index == 0):
        if option("demote-non-dropping-particle") in ("never", "sort-only"):
            family_part = " ".join(p for p in (non_dropping, family) if p)
            given_part = " ".join(p for p in (given, dropping) if p)
        else:
            family_part = family
            given_part = " ".join(p for p in (given, dropping, non_dropping) if p)
        parts = (part(nameparts.FAMILY, family_part), part(nameparts.GIVEN, given_part), part(nameparts.PLAIN, suffix))
        return part(nameparts.PLAIN, str(option("sort-separator"))).join(p for p in parts if p)
    given_part = " ".join(p for p in (given, dropping) if p)
    family_part = " ".join(p for p in (non_dropping, family) if p)
    parts = (part(nameparts.GIVEN, given_part), part(nameparts.FAMILY, family_part), part(nameparts.PLAIN, suffix))
    return " ".join(p for p in parts if p)


FIX = "disambiguation"


def install(overrides: Overrides) -> None:
    """Hook names and year suffixes into citeproc-py (`disambiguate` conditions read the state in
    fixes.disambiguate_condition)."""
    _install_names(overrides)
    _install_layout(overrides)
    _install_year_suffix(overrides)


def _install_names(overrides: Overrides) -> None:
    """Names: more of them shown, given names expanded, et-al-subsequent-* in subsequent cites."""
    from citeproc.model import Name

    original_process = overrides.current(Name, "process")

    def name_process(
        self: Any, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kw: Any
    ) -> Any:
        state = current_state()
        if state is None or sort_options is not None:
            return original_process(self, item, variable, context=context, sort_options=sort_options, **kw)
        settings = _settings(state, item, variable)
        names = item.reference.get(variable, [])
        override = _names_override(self, state, settings)
        levels = _levels(
            self,
            state.disambiguation.get(item.key),
            variable,
            context,
            disambiguated=settings is not None,
            bibliography=state.in_bibliography,
        )
        if override is None and not levels:
            self._archcite_subsequent = _is_subsequent(state, item)
            try:
                return original_process(self, item, variable, context=context, sort_options=sort_options, **kw)
            finally:
                self._archcite_subsequent = False

        def option(option_name: str) -> Any:
            return self.get_option(option_name, context, sort_options)

        def initialize(given: str, mark: str) -> Any:
            return self.initialize(given, mark, context)

        replaced = list(names)
        tagged = nameparts.formats_parts(self)
        rule = str(self.get_root().citation.get("givenname-disambiguation-rule", "by-cite"))
        with_initials = rule.endswith("-with-initials")
        for index, level in levels.items():
            if index < len(replaced):
                text = _expanded_text(
                    names[index], level, index, option, initialize, tagged=tagged, with_initials=with_initials
                )
                if text is not None:
                    replaced[index] = _ExpandedName(text)
        self._archcite_names_shown = (override, len(names))
        self._archcite_subsequent = _is_subsequent(state, item)
        item.reference[variable] = replaced
        try:
            return original_process(self, item, variable, context=context, sort_options=sort_options, **kw)
        finally:
            item.reference[variable] = names
            self._archcite_names_shown = None
            self._archcite_subsequent = False

    def shown_get_option(original_get_option: Any) -> Any:
        def name_get_option(self: Any, name: str, context: Any = None, sort_options: Any = None) -> Any:
            value = _et_al_option(self, name, original_get_option(self, name, context, sort_options), context)
            if name == "et-al-min" and value and sort_options is None and _shows_every_name(self, context):
                return 0
            shown = getattr(self, "_archcite_names_shown", None)
            if shown is None or shown[0] is None or sort_options is not None:
                return value
            names_shown, count = shown
            if name == "et-al-use-first" and value:
                return _first_shown(
                    value, names_shown, lambda other: original_get_option(self, other, context, sort_options)
                )
            if name == "et-al-min" and value and names_shown >= count:
                return 0
            return value

        return name_get_option

    overrides.replace(Name, "process", FIX, lambda _inner: name_process)
    overrides.replace(Name, "get_option", FIX, shown_get_option, for_arguments=("et-al-min", "et-al-use-first"))


def _names_override(name: Any, state: RenderState, settings: ItemDisambiguation | None) -> int | None:
    """How many names disambiguation shows, where it applies (None: the style's)."""
    override = settings.names_shown if settings is not None else None
    if override is not None and state.in_bibliography and not _entries_take_names(name):
        return None
    return override


def _first_shown(use_first: Any, names_shown: int, option: Callable[[str], Any]) -> int:
    """``et-al-use-first`` with the names disambiguation shows; under ``et-al-use-last`` at most
    ``et-al-min`` minus two, the names before "… last"."""
    if option("et-al-use-last") in (True, "true"):
        minimum = option("et-al-min")
        names_shown = min(names_shown, int(minimum) - 2) if minimum else names_shown
    return max(int(use_first), names_shown)


def _entries_take_names(name: Any) -> bool:
    """Whether the bibliography shows the names disambiguation added to the cites: citeproc-js's
    entries take them only with ``disambiguate-add-givenname`` (MLA's "Békés, Csaba, Malcolm
    Byrne, et al."), not with ``disambiguate-add-names`` alone."""
    citation = name.get_root().citation
    return str(citation.get("disambiguate-add-givenname", "false")).lower() == "true"


def _levels(
    name: Any,
    settings: ItemDisambiguation | None,
    variable: str,
    context: Any,
    *,
    disambiguated: bool,
    bibliography: bool,
) -> dict[int, int]:
    """The given-name levels a ``cs:name`` shows for ``variable``: those of the item's
    ``disambiguated`` names (in the bibliography only those above the level of the name's own
    form: 0 short, 1 initials, 2 full; the bibliography shows the given names its cites were given,
    "Hayes, Philip J." beside "Hayes, Patrick J."), and those the item's own names ask for where
    they show more than the form."""
    if settings is None:
        return {}
    levels = settings.given_levels if disambiguated else {}
    variable = variable.replace("-", "_")
    own_levels = {index: level for (named, index), level in settings.own_levels.items() if named == variable}
    if not own_levels and (not bibliography or not levels):
        return levels
    if name.get_option("form", context) == "short":
        own = 0
    elif name.get_option("initialize-with", context) is not None and str(name.get("initialize")).lower() != "false":
        own = 1
    else:
        own = 2
    shown = levels if not bibliography else {index: level for index, level in levels.items() if level > own}
    for index, level in own_levels.items():
        # a short name shows no given name for them (citeproc-js: the cite's request wins there)
        if own and level > own and level > shown.get(index, 0):
            shown = {**shown, index: level}
    return shown


def _settings(state: RenderState, item: Any, variable: str) -> ItemDisambiguation | None:
    """The item's disambiguation where it applies: to its disambiguated names only (an editor
    beside the author keeps its et-al: citeproc-js's other nameset)."""
    settings = state.disambiguation.get(item.key)
    return settings if settings is not None and variable == disambiguated_variable(item.reference) else None


def _install_layout(overrides: Overrides) -> None:
    """The item each cite or entry renders is known to the hooks while it renders."""
    from citeproc.model import Layout

    original_render_children = overrides.current(Layout, "render_children")

    def layout_render_children(self: Any, item: Any, *args: Any, **kwargs: Any) -> Any:
        state = current_state()
        if state is None:
            return original_render_children(self, item, *args, **kwargs)
        state.current_key = item.key
        state.year_suffix_pending = True
        state.layout_names = None
        met, state.disambiguate_met = state.disambiguate_met, 0
        try:
            return original_render_children(self, item, *args, **kwargs)
        finally:
            state.conditions_met = state.disambiguate_met
            state.current_key = None
            state.year_suffix_pending = False
            state.disambiguate_met = met

    overrides.replace(Layout, "render_children", FIX, lambda _inner: layout_render_children)


def _install_year_suffix(overrides: Overrides) -> None:
    """Year suffixes: after the first year rendered, of any date (citeproc-js 2.4.63 puts it after
    the year of an undated item's accessed date, never after the "no date" term), with the year
    date-part's own affixes around it ("(1990)(a)", "28 Oktober 2014 a" after a year part prefixed
    with a space), or in cs:text variable="year-suffix"."""
    from citeproc.model import Date_Part, Text
    from citeproc.source import VariableError
    from citeproc.string import String

    original_date_part_process = overrides.current(Date_Part, "process")

    def date_part_process(self: Any, date: Any, context: Any = None) -> Any:
        text = original_date_part_process(self, date, context)
        state = current_state()
        if (
            state is None
            or self.get("name") != "year"
            or not state.year_suffix_pending
            or state.style_renders_year_suffix
            or state.current_key is None
            or not text
        ):
            return text
        state.year_suffix_pending = False
        suffix = state.year_suffixes.get(state.current_key)
        if not suffix:
            return text
        # The caller puts the date-part's affixes around what this returns: the suffix gets its own.
        return text + self.get("suffix", "") + self.get("prefix", "") + suffix

    overrides.replace(Date_Part, "process", FIX, lambda _inner: date_part_process)

    def year_suffix_variable(original_text_variable: Any) -> Any:
        def text_variable(self: Any, item: Any, context: Any) -> Any:
            state = current_state()
            if state is None:
                return original_text_variable(self, item, context)
            state.year_suffix_pending = False
            _tracking.called_year_suffix()
            suffix = state.year_suffixes.get(item.key)
            if not suffix:
                raise VariableError
            # a variable that printed: its cs:group is not suppressed for an empty date beside it
            _tracking.report("year-suffix", True)
            return String(suffix)

        return text_variable

    overrides.replace(Text, "_variable", FIX, year_suffix_variable, where=_prints_year_suffix)


def _prints_year_suffix(text: Any) -> bool:
    return bool(text.get("variable") == "year-suffix")


def _is_subsequent(state: RenderState, item: Any) -> bool:
    from archcite.styles.csl.render_state import Position

    position = state.positions.get(id(item))
    return not state.in_bibliography and position is not None and position.position != Position.FIRST


def _et_al_option(element: Any, name: str, value: Any, context: Any) -> Any:
    """``et-al-min`` or ``et-al-use-first`` as the cite being rendered takes it (a subsequent cite
    its ``et-al-subsequent-*``)."""
    if name in ("et-al-min", "et-al-use-first") and getattr(element, "_archcite_subsequent", False):
        return _subsequent_et_al(element, name, value, context)
    return value


def _shows_every_name(element: Any, context: Any) -> bool:
    """Whether ``et-al-use-first`` (first or subsequent) shows every name being rendered: then no
    name is dropped and no et-al term follows them (CSL 1.0.2: the list "is truncated after
    reaching" that number; "Baur, Schileyko & Baur" for three names and a use-first of 3, as
    citeproc-js prints it: disambiguate_BasedOnEtAlSubsequent). citeproc-py added the term."""
    from archcite.styles.csl.fixes import _names

    names = _names.rendering()
    if not names:
        return False
    use_first = element.get_option("et-al-use-first", context)
    return bool(use_first) and int(use_first) >= len(names)


def _subsequent_et_al(element: Any, name: str, value: Any, context: Any = None) -> Any:
    """CSL "et-al-subsequent-min"/"-use-first": in cites after the first, these replace et-al-min
    and et-al-use-first when the name element, the citation or the style sets them. The options
    inherit as CSL's inheritable name options do: from the ``cs:citation`` being rendered (found
    through ``context``, as citeproc-py finds the others) also when the name sits in a macro,
    whose XML ancestors do not include it."""
    attribute = name.replace("et-al-", "et-al-subsequent-")
    if attribute in element.attrib:
        return int(element.get(attribute))
    found = (context if context is not None else element).xpath_search("./ancestor-or-self::cs:citation[1]")
    for holder in (*found, element.getroottree().getroot()):
        if attribute in holder.attrib:
            return int(holder.get(attribute))
    return value


Renderer = Callable[[str], str]
"""Renders an item's cite in the form ambiguity is judged on."""


class Options(NamedTuple):
    """The style's disambiguation options (``cs:citation`` attributes)."""

    add_names: bool = False
    add_givenname: bool = False
    add_year_suffix: bool = False
    rule: str = "by-cite"
    """``givenname-disambiguation-rule``."""
    conditions: int = 0
    """How many ``disambiguate`` conditions the style has (the most that can fire in a cite)."""
    walk_again: bool = False
    """Whether a set of ambiguous cites is walked again as each of its items is first cited
    (citeproc-js does so in a note style with ``disambiguate`` conditions)."""
    et_al: tuple[int, int] = (0, 0)
    """``et-al-min`` and ``et-al-use-first`` of the cite ambiguity is judged on (a subsequent
    one: its ``et-al-subsequent-*`` where the style sets them); 0 where unset."""


class Probe(Protocol):
    """What disambiguation needs from the document it settles."""

    def render(self, key: str) -> str:
        """The item's cite in the form ambiguity is judged on, with its disambiguation so far."""

    def render_all(self, keys: Sequence[str]) -> None:
        """Told of keys about to be rendered once each: it may render them all at once."""

    def names(self, key: str) -> Sequence[Any]:
        """The item's names that cites show (its first name variable that has names)."""

    def registered(self, key: str, *, citation_only: bool = False) -> Sequence[Sequence[Any]]:
        """The item's names in every name variable the style renders with ``cs:names`` (in its
        citations only, with ``citation_only``), one list per variable."""

    def named(self, key: str) -> Sequence[tuple[str, Sequence[Any]]]:
        """``registered``'s names with their variables (``container_author``)."""

    def conditions_met(self, key: str) -> int:
        """How many ``disambiguate`` conditions the item's cite meets, rendered now."""

    def item_id(self, key: str) -> str:
        """The item's id as its record wrote it (``key`` is citeproc-py's, in lower case)."""

    def citation_rank(self, key: str) -> int:
        """Where the item is first cited in the document (items never cited come last)."""


def initials(given: str) -> str:
    """ "John Lewis" -> "JL": what two given names are compared on."""
    return "".join(part[:1] for part in re.split(r"[\s.\-]+", given) if part)


def _ambiguous_groups(keys: Sequence[str], render: Renderer) -> list[list[str]]:
    if len(keys) < 2:
        return []  # nothing to tell apart, so no probe to render
    by_output: dict[str, list[str]] = {}
    for key in keys:
        by_output.setdefault(render(key), []).append(key)
    return [group for group in by_output.values() if len(group) > 1]


def _snapshot(keys: Sequence[str], state: RenderState) -> dict[str, ItemDisambiguation]:
    return {key: state.disambiguation[key].copy() for key in keys}


def _restore(snapshot: dict[str, ItemDisambiguation], state: RenderState) -> None:
    state.disambiguation.update(snapshot)


def disambiguate_names_globally(keys: Sequence[str], state: RenderState, probe: Probe, rule: str) -> None:
    """The ``all-names*`` and ``primary-name*`` rules: names sharing a family name but not the
    given name get initials, or full given names when initials still collide (not for the
    ``*-with-initials`` rules). As in citeproc-js's name registry, a name counts when the style
    renders its variable anywhere (a recipient in Chicago, not in APSA). Under the
    ``primary-name*`` rules only the first name of each variable counts (citeproc-js registers no
    other), so a co-author of the same family ("Oblinger & Oblinger") or a third author hidden by
    et-al asks for no initials, but the first editor of the same book does ("R. S. Rogers", edited
    by W. S. Rogers). Under the ``*-with-initials`` rules a name gets its initials when another person of
    the family has other initials, even when a third has the same ones ("C. B. Jensen" beside
    "Casper Bruun Jensen" and "B. E. Jensen"): the initials tell it apart from some; and only names
    the citations print count, as CSL 1.0.2 says ("ambiguous in the cites"): citeproc-js counts a
    name only the bibliography prints under ``primary-name`` (Chicago author-date's "R. F.
    Kennedy" beside the recipient John F. Kennedy) but not under these rules (APA "(Kennedy,
    1962)", "(Larsen, 2003)" beside the editor of a chapter, Finn Larsen)."""
    primary_only = rule.startswith("primary-name")
    max_level = 1 if rule.endswith("with-initials") else 2
    people: dict[str, dict[str, set[str]]] = {}
    for key in keys:
        for names in probe.registered(key, citation_only=max_level == 1):
            for name in names[:1] if primary_only else names:
                given, family = _given_family(name)
                if family and given:
                    people.setdefault(family, {}).setdefault(given, set()).add(key)
    for key in keys:
        for index, name in enumerate(probe.names(key)):
            if primary_only and index > 0:
                break
            given, family = _given_family(name)
            others = {other for other, owners in people.get(family, {}).items() if other != given and owners}
            if not family or not given or not others:
                continue
            own_initials = initials(given)
            level = 1 if all(initials(other) != own_initials for other in others) else 2
            if level > max_level:
                if not any(initials(other) != own_initials for other in others):
                    continue
                level = max_level
            settings = state.disambiguation[key]
            settings.given_levels[index] = max(settings.given_levels.get(index, 0), level)


def _levels_among_own_names(named: Sequence[tuple[str, Sequence[Any]]]) -> dict[tuple[str, int], int]:
    """Under the by-cite rule, the names of one item that share a family name and initials but
    not the given name ("Tilly, Chris and Tilly, Charles"; an author "F. Muniesa" and an editor
    "Fabian Muniesa"): their given names in full wherever the form shows given names, as
    citeproc-js's name registry, which keeps each item's names apart under this rule, asks."""
    givens: dict[tuple[str, str], set[str]] = {}
    levels: dict[tuple[str, int], int] = {}
    # A name is compared with the names registered so far: its own variable's and those printed
    # before it (the editor "Søren Bitsch Christensen" in full after the author "S.B.
    # Christensen", who keeps his initials).
    for variable, names in named:
        for name in names:
            given, family = _given_family(name)
            if family and given:
                givens.setdefault((family, initials(given)), set()).add(given)
        for index, name in enumerate(names):
            given, family = _given_family(name)
            if family and given and len(givens.get((family, initials(given)), ())) > 1:
                levels[variable, index] = 2
    return levels


def _given_family(name: Any) -> tuple[str, str]:
    try:
        given, family, _dropping, non_dropping, _suffix = name.parts()
    except AttributeError:
        return "", ""
    family_text = " ".join(p for p in (non_dropping, family) if p)
    # A name is one person however its periods are written: "J. J.", "J.J." and "J J", "Alfred W."
    # and "Alfred W", "Philippe." and "Philippe" (citeproc-js's name registry strips them).
    return " ".join(str(given or "").replace(".", " ").split()), family_text


def disambiguate(keys: Sequence[str], state: RenderState, probe: Probe, options: Options) -> dict[str, str]:
    """Settle the disambiguation of the items ``keys`` (in bibliography order) in ``state``;
    returns the year suffixes by item key."""
    from archcite.styles.csl import ambiguous_set

    for key in keys:
        state.disambiguation.setdefault(key, ItemDisambiguation())
    rule = options.rule
    if options.add_givenname and rule != "by-cite":
        disambiguate_names_globally(keys, state, probe, rule)
    elif options.add_givenname:
        for key in keys:
            state.disambiguation[key].own_levels = _levels_among_own_names(probe.named(key))
    if len(keys) > 1:  # one item is never ambiguous: nothing to render
        probe.render_all(keys)
    groups = _ambiguous_groups(keys, probe.render)
    state.ambiguous_groups = [list(group) for group in groups]
    by_cite_givens = options.add_givenname and rule == "by-cite"
    modes = ambiguous_set.modes_for(
        add_names=options.add_names,
        by_cite_givens=by_cite_givens,
        conditions=options.conditions > 0,
        year_suffix=options.add_year_suffix,
    )
    if not groups or not modes:
        return {}
    before = _snapshot(keys, state)

    def render(key: str, config: ambiguous_set.Config) -> str:
        state.disambiguation[key] = ambiguous_set.settings_for(config, before[key], shown(key))
        return probe.render(key)

    def conditions_met(key: str, config: ambiguous_set.Config) -> int:
        state.disambiguation[key] = ambiguous_set.settings_for(config, before[key], shown(key))
        return probe.conditions_met(key)

    def names_of(key: str) -> int:
        return max(len(probe.names(key)), 1)

    def shown(key: str) -> int:
        count = names_of(key)
        et_al_min, use_first = options.et_al
        return use_first if et_al_min and use_first and count >= et_al_min else count

    rank = {key: n for n, key in enumerate(keys)}

    def walk(group: Sequence[str], start: ambiguous_set.Config | None = None) -> ambiguous_set.Settled:
        return ambiguous_set.AmbiguousSet(
            group,
            render=render,
            conditions_met=conditions_met,
            names_of=names_of,
            shown=shown,
            item_id=probe.item_id,
            modes=modes,
            add_names=options.add_names,
            by_cite_givens=by_cite_givens,
            rank=rank,
            start=start,
        ).run()

    numbers: dict[str, int] = {}
    for group in groups:
        settled = walk(group)
        for _ in range(len(group) if options.walk_again else 0):
            # citeproc-js walks the set again as each of its items is first cited, from the
            # configuration settled for the one cited first
            first = min(group, key=probe.citation_rank)
            again = walk(group, settled.configs.get(first) or ambiguous_set.Config(shown(first), []))
            changed = any(
                key not in settled.configs or not config.same(settled.configs[key])
                for key, config in again.configs.items()
            )
            settled.configs.update(again.configs)
            if not changed:
                break
        _restore({key: before[key].copy() for key in group}, state)
        numbers.update(ambiguous_set.apply(settled, state, before, shown))
    return {key: year_suffix(number) for key, number in numbers.items()}
