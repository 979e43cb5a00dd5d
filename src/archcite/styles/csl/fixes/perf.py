"""Speed fix for citeproc-py 0.11.1: the same output, without repeated searches.

A profile of a 200-entry Chicago bibliography (first notes, subsequent notes and bibliography)
spends two thirds of its time in ``CitationStylesElement.xpath_search``: every macro call
runs an XPath over the whole style (``get_macro``), every ``cs:group`` asks each child whether it
calls a variable (``calls_variable``, a recursion through the macros, repeated for every item),
every name asks for its enclosing ``cs:citation``/``cs:bibliography`` and every term lookup
searches the locale. With a thousand entries or more, linear scans become quadratic: registering,
numbering and checking a cite look its key up in the list of keys. (The ``position`` test's scan
of all earlier cites is gone with ``positions.py``, which looks positions up.)

The style and locale trees do not change while rendering (citeproc-py only copies date-part
attributes onto a locale's date parts, which no cached search reads, and inserts a default
``cs:name`` into a ``cs:names`` that has none, which nothing cached depends on), so each search
is done once per element and remembered. lxml creates Python proxies for elements on demand and
drops them when unused; a remembered result lives on the proxy, so every proxy that remembers
something is kept alive by its tree's root.

Exceptions that citeproc-py raises and catches on the common path are avoided where a test can
take their place: the ``ConditionFailed`` of every ``cs:if`` that fails inside a ``cs:choose``,
the KeyError behind every missing variable, the IndexError of every locale that lacks a term.

:func:`apply` must run after every correctness fix: it wraps whatever implementation is in
force in the overrides table (memoising it), and it replaces the few stock methods that hold a
linear scan or such an exception only when they are still the stock ones (a check by the
function's module and identity, the same on every Python version).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from functools import cmp_to_key
from typing import Any, SupportsIndex

from archcite.styles.csl.fixes._patching import RENDERED_CHILDREN, Overrides, rendered_children
from archcite.styles.csl.fixes._patching import keep_alive as _keep_alive

FIX = "perf"

_XPATH = "_archcite_xpath"
_ROOT = "_archcite_root"
_CALLS_VARIABLE = "_archcite_calls_variable"
_MACROS = "_archcite_macros"
_CSL = "{http://purl.org/net/xbiblio/csl}"


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


def _keys_property() -> property:
    def get_keys(self: Any) -> Any:
        return self.__dict__["keys"]

    def set_keys(self: Any, keys: Any) -> None:
        # Only plain lists are indexed: a list subclass set by another fix (citation_order's
        # input-order keys) answers `index` its own way and must be kept as it is.
        self.__dict__["keys"] = KeyList(keys) if type(keys) is list else keys

    return property(get_keys, set_keys)


class _Missing(Exception):
    """Remembers that a look-up raised IndexError (no such term, no style options)."""


def _remember_locale_lookup(original: Callable[..., Any], slot: str) -> Callable[..., Any]:
    """Memoise a Locale method by its arguments; a locale's terms and options never change."""

    def lookup(self: Any, *args: Any, **kwargs: Any) -> Any:
        state = self.__dict__
        cache = state.get(slot)
        if cache is None:
            cache = state[slot] = {}
        key = (args, tuple(sorted(kwargs.items()))) if kwargs else args
        found = cache.get(key)
        if found is None:
            try:
                found = original(self, *args, **kwargs)
            except IndexError:
                found = _Missing
            cache[key] = found
        if found is _Missing:
            raise IndexError
        return found

    return lookup


_ELEMENT_TERMS = "_archcite_element_terms"


def _remember_terms(original: Callable[..., Any]) -> Callable[..., Any]:
    """``CitationStylesElement.get_term`` (with the fixes' fallbacks) remembered on the element's
    root by its arguments: the answer depends only on the root's locales, which never change, and
    the stock search tries each locale in turn, raising and catching IndexError in each that lacks
    the term."""

    def get_term(self: Any, *args: Any, **kwargs: Any) -> Any:
        state = self.get_root().__dict__
        cache = state.get(_ELEMENT_TERMS)
        if cache is None:
            cache = state[_ELEMENT_TERMS] = {}
        key = (args, tuple(sorted(kwargs.items()))) if kwargs else args
        try:
            return cache[key]
        except KeyError:
            term = cache[key] = original(self, *args, **kwargs)
            return term

    return get_term


_FORMATTING_ATTRIBUTES = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")
_PLAIN = "_archcite_plain"


def _plain_format(original: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """Stock ``Formatted.format`` for an element without formatting attributes: only str()."""

    def format(self: Any, string: Any) -> Any:
        state = self.__dict__
        plain = state.get(_PLAIN)
        if plain is None:
            attributes = self.attrib
            plain = state[_PLAIN] = not any(name in attributes for name in _FORMATTING_ATTRIBUTES)
            _keep_alive(self)
        if not plain:
            return original(self, string)
        if isinstance(string, (int, float)):
            return str(string)
        return string

    return format


def _fast_get_formatter(model: Any) -> Callable[[Any], Any]:
    """Stock ``get_formatter`` with one root look-up instead of two."""
    locale_class = model.Locale

    def get_formatter(self: Any) -> Any:
        root = self.get_root()
        if isinstance(root, locale_class):
            return root.style.formatter
        return root.formatter

    return get_formatter


_TEST = "_archcite_test"
_BRANCHES = "_archcite_branches"


Disambiguation = Callable[[Any], bool]
"""The disambiguate_condition fix's test of an item, or None where that fix is not in force."""

Check = Callable[[Any, Any], list[bool]]
"""One of a cs:if's tests of (item, context): the list of results the stock test gives."""
Test = Callable[[Any, Any], bool]
"""Whether a cs:if's conditions hold for (item, context)."""

_TESTS = (
    ("type", "_type"),
    ("variable", "_variable"),
    ("is-numeric", "_is_numeric"),
    ("is-uncertain-date", "_is_uncertain_date"),
    ("locator", "_locator"),
)


def _type_check(element: Any) -> Check:
    """Stock ``If._type`` with the element's types read once."""
    types = [typ.lower() for typ in element.get("type").split()]
    if not types:
        return lambda _item, _context: []

    def check(item: Any, _context: Any) -> list[bool]:
        item_type = item.reference.type
        return [typ == item_type for typ in types]

    return check


def _variable_check(element: Any) -> Check:
    """Stock ``If._variable`` with the element's variables read once."""
    variables = [var.replace("-", "_") for var in element.get("variable").split()]

    def check(item: Any, _context: Any) -> list[bool]:
        output = []
        reference = None
        for variable in variables:
            if variable == "locator":
                output.append("locator" in item)
            else:
                if reference is None:
                    reference = item.reference
                output.append(variable in reference)
        return output

    return check


def _method_check(method: Callable[[Any], list[bool]]) -> Check:
    return lambda item, _context: method(item)


def _checks(element: Any, disambiguation: Disambiguation | None) -> list[Check]:
    """A cs:if's tests in the stock order, each read from the element's attributes once: the
    ``disambiguate`` test first (where that fix is in force), then the stock tests. A test some
    correctness fix replaced is called as that fix's method."""
    attributes = element.attrib
    checks: list[Check] = []
    if disambiguation is not None and "disambiguate" in attributes:
        wanted = element.get("disambiguate").lower() == "true"
        checks.append(lambda item, _context: [disambiguation(item) == wanted])
    cls = type(element)
    for attribute, name in _TESTS:
        if attribute not in attributes:
            continue
        method = getattr(cls, name)
        if method is _fast_type:
            checks.append(_type_check(element))
        elif method is _fast_variable:
            checks.append(_variable_check(element))
        else:
            checks.append(_method_check(getattr(element, name)))
    if "position" in attributes:
        checks.append(element._position)
    return checks


def _compile_test(element: Any, disambiguation: Disambiguation | None) -> Test:
    """A cs:if's conditions as one function, built once per element: every test runs, as in the
    stock ``If.render`` (a test that raises must still raise), then ``match`` combines them."""
    match = element.get("match")
    quick = _quick_test(element, disambiguation, match)
    if quick is not None:
        return quick
    checks = _checks(element, disambiguation)
    combine: Callable[[list[bool]], bool]
    if match == "any":
        combine = any
    elif match == "none":
        combine = _none
    else:
        combine = all
    if len(checks) == 1:
        (only,) = checks
        return lambda item, context: combine(only(item, context))

    def test(item: Any, context: Any) -> bool:
        results: list[bool] = []
        for check in checks:
            results += check(item, context)
        return combine(results)

    return test


def _quick_test(element: Any, disambiguation: Disambiguation | None, match: str | None) -> Test | None:
    """The commonest cs:if, one stock ``type`` or ``variable`` test, without building the list of
    results: the same answer, and the same VariableError (reading the item's reference) first."""
    attributes = element.attrib
    tested = [attribute for attribute, _name in _TESTS if attribute in attributes]
    if "position" in attributes or (disambiguation is not None and "disambiguate" in attributes) or len(tested) != 1:
        return None
    cls = type(element)
    if tested == ["type"] and cls._type is _fast_type:
        types = frozenset(typ.lower() for typ in element.get("type").split())
        return _quick_type(types, match) if types else None
    if tested == ["variable"] and cls._variable is _fast_variable:
        variables = [var.replace("-", "_") for var in element.get("variable").split()]
        if "locator" in variables or not variables:
            return None
        return _quick_variable(variables, match)
    return None


def _quick_variable(variables: list[str], match: str | None) -> Test:
    if match == "any":
        return lambda item, _context: _any_in(variables, item.reference)
    if match == "none":
        return lambda item, _context: not _any_in(variables, item.reference)
    return lambda item, _context: _all_in(variables, item.reference)


def _quick_type(types: frozenset[str], match: str | None) -> Test:
    if match == "any":
        return lambda item, _context: item.reference.type in types
    if match == "none":
        return lambda item, _context: item.reference.type not in types
    if len(types) == 1:
        (wanted,) = types
        return lambda item, _context: bool(item.reference.type == wanted)
    # Several types, all of which the item's type must equal: none does.
    return lambda item, _context: all(typ == item.reference.type for typ in types)


# Loops rather than any()/all() over a generator: a generator left early is closed with a
# GeneratorExit, an exception per test.
def _any_in(variables: list[str], reference: Any) -> bool:
    for variable in variables:  # noqa: SIM110 (no generator: see above)
        if variable in reference:
            return True
    return False


def _all_in(variables: list[str], reference: Any) -> bool:
    for variable in variables:  # noqa: SIM110 (no generator: see above)
        if variable not in reference:
            return False
    return True


def _none(results: list[bool]) -> bool:
    return not any(results)


def _test(element: Any, disambiguation: Disambiguation | None) -> Test:
    """The element's compiled conditions (see :func:`_compile_test`), remembered on it."""
    state = element.__dict__
    test = state.get(_TEST)
    if test is None:
        test = state[_TEST] = _compile_test(element, disambiguation)
        _keep_alive(element)
    return test  # type: ignore[no-any-return]


def _fast_if(model: Any, disambiguation: Disambiguation | None = None) -> tuple[Callable[..., Any], Callable[..., Any]]:
    """``If.render`` testing its attributes read once per element, and ``Choose.render`` testing
    its branches without an exception for each that fails.

    ``render`` is the stock one, or with ``disambiguation`` (the ``disambiguate_condition`` fix's
    test of an item) that fix's: the ``disambiguate`` test first, then the stock tests.
    """
    condition_failed = model.ConditionFailed
    if_class = model.If

    def render(self: Any, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
        if not _test(self, disambiguation)(item, context):
            raise condition_failed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)

    def branches(choose: Any) -> tuple[tuple[Any, Test | None], ...]:
        # The branches of a cs:choose, each with its compiled test where it renders as above
        # (nothing wraps it): the style's tree does not change while rendering.
        state = choose.__dict__
        found = state.get(_BRANCHES)
        if found is None:
            found = state[_BRANCHES] = tuple(
                (
                    child,
                    _test(child, disambiguation)
                    if isinstance(child, if_class) and type(child).render is render
                    else None,
                )
                for child in choose.iterchildren()
            )
            _keep_alive(choose)
        return found  # type: ignore[no-any-return]

    def choose_render(self: Any, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
        # Stock Choose.render: the first branch whose render does not raise ConditionFailed. A
        # cs:if or cs:else-if that renders as above is tested directly.
        for child, test in branches(self):
            if test is not None:
                if test(item, context):
                    return child.render_children(item, context=context, delimiter=delimiter, **kwargs)
                continue
            try:
                return child.render(item, context=context, delimiter=delimiter, **kwargs)
            except condition_failed:
                continue
        return None

    return render, choose_render


def _fast_render_children(model: Any, join: Callable[[list[Any], str], Any]) -> Callable[..., Any]:
    """Stock ``Parent.render_children`` over the element's children found once
    (:func:`rendered_children`). ``join`` joins the outputs: stock ``join``, or the one a fix's
    version names (``seam_join``)."""
    choose_class = model.Choose
    variable_error = model.VariableError

    def render_children(self: Any, item: Any, delimiter: str = "", **kwargs: Any) -> Any:
        state = self.__dict__
        children = state.get(RENDERED_CHILDREN)
        if children is None:
            children = rendered_children(self, choose_class)
        output = []
        for render, is_choose in children:
            try:
                text = render(item, delimiter=delimiter, **kwargs) if is_choose else render(item, **kwargs)
            except variable_error:
                continue
            if text is not None:
                output.append(text)
        if output:
            return join(output, delimiter)
        return None

    return render_children


def _fast_type(self: Any, item: Any) -> list[bool]:
    """Stock ``If._type`` with the element's types read once (a compiled test calls none of this)."""
    return _type_check(self)(item, None)


def _fast_variable(self: Any, item: Any) -> list[bool]:
    """Stock ``If._variable`` (a compiled test reads the element's variables once)."""
    return _variable_check(self)(item, None)


def _dict_attribute(name: str, variable_error: type[Exception]) -> property:
    """A ``CustomDict`` attribute read straight from the dict (the stock path goes through two
    Python-level methods): the same value, and the same VariableError when it is missing."""

    def get(self: Any) -> Any:
        try:
            return dict.__getitem__(self, name)
        except KeyError:
            raise variable_error from None

    return property(get)


def _fast_lookup(variable_error: type[Exception]) -> Callable[[Any, Any], Any]:
    """Stock ``CustomDict.__getitem__`` (and ``__getattr__``, which calls it): the value, or
    VariableError for a missing key, without first raising and catching a KeyError. A record
    without ``language`` meets this in every ``cs:text`` it renders."""
    lookup = dict.get

    def __getitem__(self: Any, key: Any) -> Any:
        value = lookup(self, key, _NO_VALUE)
        if value is _NO_VALUE:
            # A hyphenated name variable as cs:names spells it ("container-author"): citeproc-py
            # stores it as "container_author" (the csl102vars fix).
            if isinstance(key, str) and "-" in key:
                value = lookup(self, key.replace("-", "_"), _NO_VALUE)
                if value is not _NO_VALUE:
                    return value
            raise variable_error
        return value

    return __getitem__


_NO_VALUE = object()
_REFERENCE = "_archcite_reference"
_LANGUAGE = "_archcite_language"
_TEXT_FACTS = "_archcite_text_facts"


def _text_facts(text: Any) -> tuple[str | None, str]:
    """What a ``cs:text`` prints (the first of variable, macro, term and value it has, as the
    stock method tests them) and the language of its style's default locale."""
    attributes = text.attrib
    prints = next((name for name in ("variable", "macro", "term", "value") if name in attributes), None)
    return prints, text.get_root().get("default-locale", "en")[:2]


def _fast_text_process(model: Any, lookup: Callable[[Any, Any], Any]) -> Callable[..., Any]:
    """Stock ``Text.process`` reading the item's ``language`` without an exception: every
    ``cs:text`` asks for it, and a record without one raised and caught VariableError there (when
    references answer variables through ``lookup``, as with the stock look-up; else the stock way)."""
    variable_error = model.VariableError
    string = model.String

    def language_of(item: Any) -> Any:
        # Remembered on the cite, whose reference does not change (see _fast_reference).
        state = getattr(item, "__dict__", None)
        if state is None:
            return read_language(item)
        language = state.get(_LANGUAGE, _NO_VALUE)
        if language is _NO_VALUE:
            language = state[_LANGUAGE] = read_language(item)
        return language

    def read_language(item: Any) -> Any:
        # Stock `item.reference.language[:2]`; None where that raises VariableError.
        try:
            reference = item.reference
            cls = type(reference)
            if cls.__getattr__ is not lookup or hasattr(cls, "language") or "language" in reference.__dict__:
                return reference.language[:2]
        except variable_error:
            return None
        value = dict.get(reference, "language", _NO_VALUE)
        return None if value is _NO_VALUE else value[:2]

    def process(self: Any, item: Any, context: Any = None, **_kwargs: Any) -> Any:
        if context is None:
            context = self
        state = self.__dict__
        facts = state.get(_TEXT_FACTS)
        if facts is None:
            facts = state[_TEXT_FACTS] = _text_facts(self)
            _keep_alive(self)
        prints, default_language = facts
        language = language_of(item)
        if language is None:
            language = default_language
        if prints == "variable":
            text = self._variable(item, context)
        elif prints == "macro":
            text = self.get_macro(self.get("macro")).render(item, context)
        elif prints == "term":
            text = self._term(item)
        elif prints == "value":
            text = string(self.preformat(self.get("value")))
        else:  # as stock: a cs:text that names nothing to print
            raise UnboundLocalError("cannot access local variable 'text' where it is not associated with a value")
        return text, language

    return process


def _fast_reference(variable_error: type[Exception]) -> property:
    """Stock ``CitationItem.reference``: ``self.citation.bibliography.source[self.key]``,
    remembered on the cite once found (a cite belongs to one citation, registered with one
    bibliography, whose source does not change)."""

    def reference(self: Any) -> Any:
        state = self.__dict__
        found = state.get(_REFERENCE)
        if found is not None:
            return found
        try:
            citation = dict.__getitem__(self, "citation")
            bibliography = dict.__getitem__(citation, "bibliography")
            key = dict.__getitem__(self, "key")
        except KeyError:
            raise variable_error from None
        found = state[_REFERENCE] = bibliography.source[key]
        return found

    return property(reference)


_CHILDREN = "_archcite_children"
_NO_CHILD = object()


def _remember_children(original: Callable[[Any, str], Any]) -> Callable[[Any, str], Any]:
    """``element.layout``, ``.sort``, ``.terms``...: the first child of that name, found once.

    ``name`` is left alone: citeproc-py inserts a default ``cs:name`` into a ``cs:names`` without one.
    So is ``sort``: citation_order takes ``cs:sort`` out of a citation while it groups cites.
    """

    def __getattr__(self: Any, name: str) -> Any:
        if name in ("name", "sort") or name.startswith("__"):
            return original(self, name)
        state = self.__dict__
        children = state.get(_CHILDREN)
        if children is None:
            children = state[_CHILDREN] = {}
            _keep_alive(self)
        child = children.get(name)
        if child is None:
            found = original(self, name)
            children[name] = _NO_CHILD if found is None else found
            return found
        return None if child is _NO_CHILD else child

    return __getattr__


_TERMS = "_archcite_term_index"


def _indexed_get_term(original: Callable[..., Any]) -> Callable[..., Any]:
    """Stock ``Locale.get_term`` from an index of the locale's terms instead of one XPath per term:
    the first ``cs:term`` with that name and form (none: no ``form``); ``zero_padded`` skips terms
    that match whole numbers or last two digits."""

    def get_term(self: Any, name: str, form: str | None = None, zero_padded: bool = False) -> Any:
        if "'" in name or (form is not None and "'" in form):
            return original(self, name, form, zero_padded)  # the stock XPath and its error
        state = self.__dict__
        index = state.get(_TERMS)
        if index is None:
            terms = self.terms
            if terms is None:
                raise IndexError
            index = {}
            for term in terms.iterchildren(_CSL + "term"):
                index.setdefault((term.get("name"), term.get("form")), []).append(term)
            state[_TERMS] = index
        for term in index.get((name, form), ()):
            if zero_padded and term.get("match") in ("whole-number", "last-two-digits"):
                continue
            return term
        raise IndexError

    return get_term


_SORT_KEYS = "_archcite_sort_keys"
_NO_KEY = object()
"""A sort key never computed: the item is told apart from every other by an earlier key."""


def _tie_class(key: Any) -> Any:
    """What the stock comparison of ``Sort.sort`` finds equal to ``key`` has this class too: keys
    it calls equal (both None, both whole numbers of the same value, or the same lower-cased
    text) share a class; the converse need not hold (sharing a class only costs a key more)."""
    if key is None:
        return _NO_KEY
    with contextlib.suppress(AttributeError):
        key = str(key.lower())
    try:
        return int(str(key))
    except ValueError:
        pass
    return ("text", key) if isinstance(key, str) else key


def _needing_next_key(needing: list[int], prefixes: list[tuple[Any, ...]]) -> list[int]:
    """Those of ``needing`` whose keys so far tie with another item's: only they are ever
    compared by the next key."""
    counts: dict[tuple[Any, ...], int] = {}
    for index in needing:
        counts[prefixes[index]] = counts.get(prefixes[index], 0) + 1
    return [index for index in needing if counts[prefixes[index]] > 1]


def _compare_keys(left: Any, right: Any) -> int:
    """Stock ``Sort.sort``'s comparison of two non-None keys: lower-cased text, whole numbers as
    numbers."""
    try:
        left = str(left.lower())
        right = str(right.lower())
    except AttributeError:
        pass
    with contextlib.suppress(ValueError):
        left, right = int(str(left)), int(str(right))
    return int((left > right) - (left < right))


def _compare_rows(descending: list[bool]) -> Callable[[Any, Any], int]:
    def compare(left: Any, right: Any) -> int:
        # Stock Sort.sort: key by key, None after any value, the first difference decides.
        for level, desc in enumerate(descending, start=1):
            left_key, right_key = left[level], right[level]
            if left_key is not None and right_key is not None:
                result = _compare_keys(left_key, right_key)
                if result:
                    return -result if desc else result
            elif left_key is not None:
                return -1
            elif right_key is not None:
                return 1
        return 0

    return compare


def _lazy_sort(self: Any, items: Any, context: Any) -> Any:
    """Stock ``Sort.sort`` computing each ``cs:key`` only for the items it can decide: the
    stock method renders every key for every item (Chicago's bibliography: eight keys, four of
    them macros), but the comparison reads a key only for two items tied on every earlier key.
    The same comparisons on the same keys give the same order."""
    state = self.__dict__
    keys = state.get(_SORT_KEYS)
    if keys is None:
        keys = state[_SORT_KEYS] = tuple(self.findall("cs:key", self.nsmap))
        _keep_alive(self)
    items = list(items)
    rows: list[list[Any]] = [[item] for item in items]
    prefixes: list[tuple[Any, ...]] = [() for _ in items]
    needing = list(range(len(items)))
    descending = []
    narrowing = True
    for key in keys:
        descending.append(key.get("sort", "ascending").lower() == "descending")
        values = key.sort_keys([items[index] for index in needing], context) if needing else []
        computed = dict(zip(needing, values, strict=True))
        for index, row in enumerate(rows):
            row.append(computed.get(index, _NO_KEY))
        if narrowing:
            try:
                for index in needing:
                    prefixes[index] += (_tie_class(computed[index]),)
                needing = _needing_next_key(needing, prefixes)
            except TypeError:  # a key without a hashable class (none of citeproc-py's)
                narrowing = False  # those left compute every further key, as stock
    return [row[0] for row in sorted(rows, key=cmp_to_key(_compare_rows(descending)))]


def _constant(value: Any) -> Callable[[Any], Any]:
    return lambda _current: value


def _is_stock(function: Any) -> bool:
    return getattr(function, "__module__", None) in ("citeproc.model", "citeproc.frontend", "citeproc.source")


def apply(overrides: Overrides) -> None:
    """Give archcite's classes the caches and the faster copies of stock methods."""
    _install_caches(overrides)
    _install_fast_conditions(overrides)
    _install_fast_lookups(overrides)
    _install_fast_name_option(overrides)


def _install_caches(overrides: Overrides) -> None:
    """Searches remembered on the elements: XPath, root, macros, terms, calls_variable, children."""
    from citeproc import model

    def install(owner: type, attribute: str, make: Callable[[Any], Any]) -> None:
        overrides.replace(owner, attribute, FIX, make)

    base = model.CitationStylesElement
    install(base, "xpath_search", _remember_xpath)
    install(base, "get_root", _remember_root)
    install(base, "get_macro", _remember_macros)
    install(base, "get_term", _remember_terms)
    for cls in (model.Parent, model.Text, model.Label):
        install(cls, "calls_variable", _remember_calls_variable)
    install(model.SomewhatObjectifiedElement, "__getattr__", _remember_children)
    locale = model.Locale
    stock_term = locale.__dict__["get_term"]
    if overrides.current(locale, "get_term") is not stock_term and overrides.stock(locale, "get_term") is stock_term:
        # the fixes wrap the stock look-up (terms: the long form): they wrap the index instead
        overrides.rebase(locale, "get_term", FIX, _indexed_get_term(stock_term))
    install(
        locale,
        "get_term",
        lambda current: _remember_locale_lookup(
            _indexed_get_term(current) if _is_stock(current) else current, "_archcite_terms"
        ),
    )
    install(locale, "get_option", lambda current: _remember_locale_lookup(current, "_archcite_options"))
    install(locale, "get_date", lambda current: _remember_locale_lookup(current, "_archcite_dates"))


def _install_fast_conditions(overrides: Overrides) -> None:
    """Faster copies of citeproc-py 0.11.1's conditions and formatting. A correctness fix that
    replaced one of these methods keeps its own version, except the disambiguate_condition fix's
    If.render, whose test the fast one takes over."""
    from citeproc import model

    from archcite.styles.csl.fixes import disambiguate_condition

    def install_over_stock(owner: type, attribute: str, replacement: Any) -> None:
        if _is_stock(overrides.current(owner, attribute)):
            overrides.replace(owner, attribute, FIX, _constant(replacement))

    disambiguation = None
    if overrides.current(model.If, "render") is disambiguate_condition.render:
        disambiguation = disambiguate_condition.wants_disambiguation
    fast_render, fast_choose = _fast_if(model, disambiguation)
    if disambiguation is not None:
        overrides.replace(model.If, "render", FIX, _constant(fast_render))
    install_over_stock(model.If, "render", fast_render)
    install_over_stock(model.Choose, "render", fast_choose)
    render_children = overrides.current(model.Parent, "render_children")
    seam_join = getattr(render_children, "seam_join", None)  # a fix that changes only the join
    if seam_join is not None:
        overrides.replace(model.Parent, "render_children", FIX, _constant(_fast_render_children(model, seam_join)))
    install_over_stock(model.Parent, "render_children", _fast_render_children(model, model.join))
    install_over_stock(model.If, "_type", _fast_type)
    install_over_stock(model.If, "_variable", _fast_variable)
    if _is_stock(overrides.current(model.Formatted, "format")):
        overrides.replace(model.Formatted, "format", FIX, _plain_format)
    install_over_stock(model.CitationStylesElement, "get_formatter", _fast_get_formatter(model))
    install_over_stock(model.Sort, "sort", _lazy_sort)
    install_over_stock(model.Names, "substitute", _fast_substitute)
    stock_single = model.Term.__dict__["single"]
    if overrides.current(model.Term, "single") is stock_single:
        overrides.replace(model.Term, "single", FIX, _constant(_fast_single(model)))
    elif overrides.stock(model.Term, "single") is stock_single:
        overrides.rebase(model.Term, "single", FIX, _fast_single(model))


def _fast_substitute(self: Any) -> Any:
    """Stock ``Names.substitute`` (the first ``cs:substitute``, None if there is none) without an
    IndexError for every ``cs:names`` without one whose variables are all empty."""
    found = self.xpath_search("./cs:substitute[1]")
    return found[0] if found else None


def _fast_single(model: Any) -> property:
    """Stock ``Term.single`` (the ``cs:single`` child's text, else the term's own) without an
    AttributeError for every term that has no ``cs:single``."""
    string = model.String

    def single(self: Any) -> Any:
        found = self.find("cs:single", self.nsmap)
        text = self.text if found is None else found.text
        return string(self.preformat(text or ""))

    return property(single)


def _install_fast_lookups(overrides: Overrides) -> None:
    """Variables, references and keys looked up without the stock path's exceptions and scans."""
    from citeproc import frontend, source

    variable_error = source.VariableError
    custom_dict = source.CustomDict
    current = overrides.current
    if _is_stock(current(custom_dict, "__getitem__")) and _is_stock(current(custom_dict, "__getattr__")):
        fast_lookup = _fast_lookup(variable_error)
        overrides.replace(custom_dict, "__getitem__", FIX, _constant(fast_lookup))
        overrides.replace(custom_dict, "__getattr__", FIX, _constant(fast_lookup))
        _install_fast_text(overrides, fast_lookup)
    if _is_stock(current(source.CitationItem, "reference").fget):
        overrides.replace(source.CitationItem, "reference", FIX, _constant(_fast_reference(variable_error)))
    for cls, names in ((source.CitationItem, ("key", "citation")), (source.Citation, ("bibliography", "cites"))):
        for name in names:
            if name not in cls.__dict__:
                overrides.replace(cls, name, FIX, _constant(_dict_attribute(name, variable_error)))
    # CitationItem.is_bad and .number and Layout.render_citation look keys up with `in`/`index`.
    overrides.replace(frontend.CitationStylesBibliography, "keys", FIX, _constant(_keys_property()))


_CONTEXT_ELEMENT = "./ancestor::*[self::cs:citation or self::cs:bibliography][1]"


def _fast_name_option(self: Any, name: str, context: Any = None, sort_options: Any = None) -> Any:
    """Stock ``Name.get_option`` without raising and catching TypeError for every option asked
    outside a sort key (``sort_options`` None) or KeyError for one a sort key does not set."""
    if sort_options is None or (type(sort_options) is dict and name not in sort_options):
        value = _inherited_name_option(self, name, context)
    else:
        try:
            value = sort_options[name]
        except (TypeError, KeyError):
            value = _inherited_name_option(self, name, context)
    if name in ("initialize-with-hyphen", "et-al-use-last"):
        value = value.lower() == "true"
    elif name.startswith("et-al"):
        value = int(value)
    return value


_NAME_OPTIONS = "_archcite_name_options"


def _inherited_name_option(self: Any, name: str, context: Any) -> Any:
    # Stock: the cs:name's own attribute, else the enclosing cs:citation's or cs:bibliography's;
    # remembered on the cs:name by option and context (the style's attributes do not change).
    state = self.__dict__
    remembered = state.get(_NAME_OPTIONS)
    if remembered is None:
        remembered = state[_NAME_OPTIONS] = {}
        _keep_alive(self)
    value = remembered.get((name, context), _NO_VALUE)
    if value is _NO_VALUE:
        parent = (self if context is None else context).xpath_search(_CONTEXT_ELEMENT)[0]
        if name in ("form", "delimiter"):
            value = self.get(name, parent.get_option("name-" + name))
        else:
            value = self.get(name, parent.get_option(name))
        remembered[name, context] = value
    return value


def _install_fast_name_option(overrides: Overrides) -> None:
    """``Name.get_option`` without exceptions, under the fixes that wrap it."""
    from citeproc import model

    stock = model.Name.__dict__["get_option"]
    if overrides.current(model.Name, "get_option") is stock:
        overrides.replace(model.Name, "get_option", FIX, _constant(_fast_name_option))
    elif overrides.stock(model.Name, "get_option") is stock:
        overrides.rebase(model.Name, "get_option", FIX, _fast_name_option)


def _install_fast_text(overrides: Overrides, lookup: Callable[[Any, Any], Any]) -> None:
    """``Text.process`` without the exception for a missing ``language``: in place of the stock
    method, also under the correctness fixes that wrap it (each wraps the fast copy instead)."""
    from citeproc import model

    fast = _fast_text_process(model, lookup)
    stock = model.Text.__dict__["process"]
    if overrides.current(model.Text, "process") is stock:
        overrides.replace(model.Text, "process", FIX, _constant(fast))
    elif overrides.stock(model.Text, "process") is stock:
        overrides.rebase(model.Text, "process", FIX, fast)
