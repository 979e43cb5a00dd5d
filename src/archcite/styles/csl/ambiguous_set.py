"""Settling one set of ambiguous cites step by step, as citeproc-js 2.4.63 steps through it.

CSL 1.0.2, "Disambiguation", names the methods and their order (add names, add given names,
``disambiguate="true"``, year suffix) but not how a set of several cites is walked through them.
citeproc-js (what Zotero users see) walks it like this, and archcite does the same:

- One configuration is tried on every cite of the set at once: how many names are shown, the
  given-name level asked of each shown name (by-cite rule only: 1 initials, 2 full; a name keeps
  its own form when that shows more), how many ``disambiguate`` conditions fire. The cites are
  taken in order of their number of names, then their item id.
- Each step changes the configuration by one notch: the given name of the current name one level
  up, then one name more (and the next name becomes current); then the ``disambiguate``
  conditions, one more each time; then year suffixes.
- After each step the first cite of the set is compared with the others: a cite that no longer
  matches it, or a first cite that matches none, is settled with the best configuration found so
  far (the last step that lowered the number of clashes); a step that only lowers the number of
  clashes splits the set in two, the first cite's partners and the others, and both go on from
  the configuration reached, not from the start; a set whose steps are used up goes on to the
  next method. So a cite told apart from its set by initials keeps them and still takes the
  title when the set needed it ("D. Haraway, “A Manifesto for Cyborgs”" beside "Donna Haraway,
  “The Promises of Monsters”" and three works of "Donna Jeanne Haraway", MLA), and a cite
  settled by the names it added keeps the given names tried on the way ("Nau, Héctor
  Muñoz-Avila, Cao, Lotem, and Mitchell").
- Year suffixes go to the whole set, in the bibliography's order, when its first cite still
  matches another.

Under the ``all-names*`` and ``primary-name*`` rules the given names come from the document's
names alone (``disambiguation.disambiguate_names_globally``), never from a set: the steps add
names only. archcite keeps CSL 1.0.2's order of the last two methods, ``disambiguate`` before the
year suffix (citeproc-js tries the year suffix first unless told otherwise: recorded difference D).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from archcite.styles.csl.render_state import ItemDisambiguation, RenderState

NAMES, CONDITIONS, YEARS = "names", "conditions", "years"

MAX_STEPS = 10_000
"""A set is settled long before this many steps; the bound keeps a malformed case from hanging."""


class Config:
    """One configuration of a cite: what a step asks of its rendering."""

    __slots__ = ("disambiguate", "givens", "names", "year_suffix")

    def __init__(self, names: int, givens: list[int], disambiguate: int = 0, year_suffix: int | None = None) -> None:
        self.names = names
        self.givens = givens
        self.disambiguate = disambiguate
        self.year_suffix = year_suffix

    def copy(self) -> Config:
        return Config(self.names, list(self.givens), self.disambiguate, self.year_suffix)

    def same(self, other: Config) -> bool:
        return (self.names, self.givens, self.disambiguate, self.year_suffix) == (
            other.names,
            other.givens,
            other.disambiguate,
            other.year_suffix,
        )

    def given(self, index: int) -> int | None:
        return self.givens[index] if index < len(self.givens) else None


class Settled:
    """What settling a set gives each of its items: a configuration (year suffix included)."""

    def __init__(self) -> None:
        self.configs: dict[str, Config] = {}

    def register(self, key: str, config: Config) -> None:
        self.configs[key] = config.copy()


class AmbiguousSet:
    """The walk through one set of ambiguous cites (the item keys in ``group``).

    ``render(key, config)`` renders the item's ambiguous cite with the configuration;
    ``conditions_met(key)`` is how many ``disambiguate`` conditions the cite last rendered for
    ``key`` met; ``names_of(key)`` its number of names; ``shown(key)`` how many its cite shows
    before any step; ``item_id(key)`` its id as the record wrote it (the cites are walked in
    order of their number of names, then of their ids); ``rank`` the items' places in the
    bibliography; ``start`` the configuration to start from (a walk again: that of the set's item
    cited first, as settled by the walk before)."""

    def __init__(
        self,
        group: Sequence[str],
        *,
        render: Callable[[str, Config], str],
        conditions_met: Callable[[str, Config], int],
        names_of: Callable[[str], int],
        shown: Callable[[str], int],
        item_id: Callable[[str], str],
        modes: Sequence[str],
        add_names: bool,
        by_cite_givens: bool,
        rank: Mapping[str, int],
        start: Config | None = None,
    ) -> None:
        self.render = render
        self.conditions_met = conditions_met
        self.names_of = names_of
        self.modes = list(modes)
        self.add_names = add_names
        self.rank = rank
        self.settled = Settled()
        items = sorted(group, key=lambda key: (names_of(key), item_id(key)))
        most = max(names_of(key) for key in items)
        if start is None:
            self.base = Config(max(shown(key) for key in items), [0] * most)
        else:
            self.base = Config(start.names, start.givens + [0] * (most - len(start.givens)))
        self.better = self.base.copy()
        self.lists: list[tuple[Config, list[str]]] = [(self.base, items)]
        self.names_max = names_of(items[0])
        self.givens_max = 2 if by_cite_givens else None
        self.mode = 0
        self.init_givens = True
        self.name_index = 0
        self.clashes = [1, 0]
        self.partners: list[str] = []
        self.nonpartners: list[str] = []
        self.last_met = 0

    def run(self) -> Settled:
        steps = 0
        while self.lists:
            self.name_index = 0
            self.clashes = [1, 0]
            while self.lists[0][1]:
                steps += 1
                if steps > MAX_STEPS:
                    return self.settled
                maxed = self._increment()
                self._scan(self.lists[0][1])
                self._evaluate(maxed)
            self.lists = self.lists[1:]
        return self.settled

    # One notch of the current method.
    def _increment(self) -> bool:
        if self.init_givens:
            self.init_givens = False
            return False
        mode = self.modes[self.mode]
        if mode == CONDITIONS:
            self.base.disambiguate += 1
            self.better.disambiguate += 1
            return False
        if mode != NAMES:
            return False
        base, index = self.base, self.name_index
        more_names = self.givens_max is None
        if self.givens_max is not None:
            level = base.given(index)
            if level is not None and level < self.givens_max:
                base.givens[index] = level + 1
            else:
                more_names = True
        if more_names and self.add_names and self.name_index < self.names_max:
            base.names += 1
            self.name_index += 1
        level = base.given(self.name_index)
        return (not self.add_names or self.name_index == self.names_max) and (
            self.givens_max is None or level is None or level == self.givens_max
        )

    def _render(self, key: str) -> str:
        """The cite of ``key`` with the configuration; the configuration then asks no more names
        than the cite showed (citeproc-js's rendering writes them back into the one it asked with,
        so the next cite of the scan shows at most as many)."""
        cite = self.render(key, self.base)
        self.base.names = min(self.base.names, self.names_of(key))
        return cite

    def _scan(self, items: Sequence[str]) -> None:
        first = items[0]
        cite = self._render(first)
        self.partners, self.nonpartners = [first], []
        for other in items[1:]:
            (self.partners if self._render(other) == cite else self.nonpartners).append(other)
        self.last_met = self.conditions_met(items[-1], self.base) if self.modes[self.mode] == CONDITIONS else 0
        self.clashes = [self.clashes[1], len(self.partners) - 1]

    def _evaluate(self, maxed: bool) -> None:
        mode = self.modes[self.mode]
        if mode == NAMES:
            self._names(maxed)
        elif mode == CONDITIONS:
            self._conditions()
        else:
            self._years()
        if maxed:
            if self.mode < len(self.modes) - 1:
                self.mode += 1
            else:
                self._set_list(1, (self.base, []))

    def _set_list(self, position: int, value: tuple[Config, list[str]]) -> None:
        if position < len(self.lists):
            self.lists[position] = value
        else:
            self.lists.append(value)

    def _capture(self) -> None:
        """The step just made helped: the best configuration takes it."""
        if self.givens_max is not None:
            level = self.base.given(self.name_index)
            if level is not None:
                while len(self.better.givens) <= self.name_index:
                    self.better.givens.append(0)
                self.better.givens[self.name_index] = level
        self.better.names = self.base.names

    def _names(self, maxed: bool) -> None:
        clashes, partners, nonpartners = self.clashes[1], self.partners, self.nonpartners
        register = self.settled.register
        if clashes == 0 and len(nonpartners) == 1:
            self._capture()
            register(nonpartners[0], self.better)
            register(partners[0], self.better)
            self.lists[0] = (self.better, [])
        elif clashes == 0:
            self._capture()
            register(partners[0], self.better)
            self.lists[0] = (self.better, nonpartners)
            if nonpartners:
                self.init_givens = True
        elif len(nonpartners) == 1:
            self._capture()
            register(nonpartners[0], self.better)
            self.lists[0] = (self.better, partners)
        elif clashes < self.clashes[0]:
            self._capture()
            self.lists[0] = (self.better, partners)
            self.lists.append((self.better, nonpartners))
        elif maxed:
            self.lists[0] = (self.better, nonpartners)
            self.lists.append((self.better, partners))
            if self.mode == len(self.modes) - 1:
                for key in partners:
                    register(key, self.better)
                self.lists[0] = (self.better, [])

    def _conditions(self) -> None:
        """``disambiguate`` conditions, one more at a time while the cites meet more of them."""
        done = self.clashes[1] == 0 and len(self.nonpartners) < 2
        fired = min(self.base.disambiguate, self.last_met)
        all_fired = fired == self.last_met
        config, items = self.lists[0]
        if not done and (not self.base.disambiguate or not all_fired):
            self.mode = 0
            self.base.disambiguate = fired
            self.better.disambiguate = fired
            if not fired:
                self.init_givens = True
                self.base.disambiguate = 1
            else:
                self._names(False)
        elif done or self.mode == len(self.modes) - 1:
            for key in items:
                self.settled.register(key, config)
            self.lists[0] = (self.better, [])
        else:
            # The year suffix comes next: these cites keep one condition for it.
            self.mode = len(self.modes) - 1
            config.disambiguate = 1
            for key in items:
                self.settled.register(key, config)

    def _years(self) -> None:
        config, items = self.lists[0]
        if self.clashes[1]:
            ordered = sorted(items, key=lambda key: self.rank.get(key, len(self.rank)))
            for number, key in enumerate(ordered):
                config.year_suffix = number
                self.settled.register(key, config)
        self.lists[0] = (self.better, [])


def modes_for(*, add_names: bool, by_cite_givens: bool, conditions: bool, year_suffix: bool) -> list[str]:
    """The methods a style's set of ambiguous cites goes through, in CSL 1.0.2's order."""
    modes = []
    if add_names or by_cite_givens:
        modes.append(NAMES)
    if conditions:
        modes.append(CONDITIONS)
    if year_suffix:
        modes.append(YEARS)
    return modes


def settings_for(config: Config, before: ItemDisambiguation, shown: int) -> ItemDisambiguation:
    """The item disambiguation that renders ``config`` (given-name levels the document's names
    asked for ``before`` any set was walked kept, raised where the configuration asks more; a
    names count only where it adds names to the ``shown`` ones)."""
    levels = dict(before.given_levels)
    for index, level in enumerate(config.givens):
        if level > levels.get(index, 0):
            levels[index] = level
    names = config.names if config.names > shown else None
    return ItemDisambiguation(names, levels, config.disambiguate, dict(before.own_levels))


def apply(
    settled: Settled,
    state: RenderState,
    before: Mapping[str, ItemDisambiguation],
    shown: Callable[[str], int],
) -> dict[str, int]:
    """Put the settled configurations in ``state``; returns the year-suffix numbers by key."""
    numbers: dict[str, int] = {}
    for key, config in settled.configs.items():
        state.disambiguation[key] = settings_for(config, before[key], shown(key))
        if config.year_suffix is not None:
            numbers[key] = config.year_suffix
    return numbers
