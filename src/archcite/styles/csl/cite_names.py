"""The names a style prints for an item: those the given-name disambiguation rules compare.

CSL 1.0.2, "Disambiguation", ``givenname-disambiguation-rule``: the ``all-names*`` and
``primary-name*`` rules disambiguate a name against the other *rendered* names of the cited items.
citeproc-js keeps those in a registry filled as cites and bibliography entries render, so a
person named only in a variable the style never prints (John F. Kennedy as the recipient of a
letter in APA or APSA) does not make Robert F. Kennedy's cite "(R. F. Kennedy 1962)"; where the
bibliography prints him ("Letter to John F. Kennedy", Chicago author-date), it does (citeproc-js
2.4.63: APA "(Kennedy 1962)", Chicago author-date "(R. F. Kennedy 1962)").

The names are read from the style, before anything renders (the render cache and other
processes may render the cites): each ``cs:names`` of the citation and bibliography layouts, followed into macros
and the branches of a ``cs:choose`` the item may take, counts with the variables the item has,
else with the first element of its ``cs:substitute`` that has names for the item. A branch is
decided by its ``type`` and ``variable`` conditions; one that tests anything else (a position, a
locator) may be taken, and so are the branches after it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

_CSL = "{http://purl.org/net/xbiblio/csl}"


def _variables(names: Any, reference: Mapping[str, Any]) -> list[str]:
    found = [v.replace("-", "_") for v in (names.get("variable") or "").split()]
    return [variable for variable in found if isinstance(reference.get(variable), list) and reference[variable]]


def _has(reference: Mapping[str, Any], variable: str) -> bool:
    variable = variable.replace("-", "_")
    for spelling in (variable, variable.lower()):
        value = reference.get(spelling)
        # (a citeproc-py date refuses to be compared)
        if value is not None and not (isinstance(value, str | list) and not value):
            return True
    return False


def _condition(branch: Any, reference: Mapping[str, Any]) -> bool | None:
    """Whether a ``cs:if``/``cs:else-if`` holds for the item; None when it tests more than the
    item's type and variables."""
    item_type = getattr(reference, "type", None) or reference.get("type")
    results: list[bool] = []
    for attribute, value in branch.attrib.items():
        if attribute == "match":
            continue
        if attribute == "type":
            results += [item_type == kind for kind in value.split()]
        elif attribute == "variable":
            results += [_has(reference, variable) for variable in value.split()]
        else:
            return None
    match = branch.get("match", "all")
    if match == "any":
        return any(results)
    if match == "none":
        return not any(results)
    return all(results)


def _branches(choose: Any, reference: Mapping[str, Any]) -> Iterator[Any]:
    """The branches of a ``cs:choose`` the item may take."""
    for branch in choose.iterchildren():
        if not isinstance(branch.tag, str):
            continue  # a comment
        holds = True if branch.tag == f"{_CSL}else" else _condition(branch, reference)
        if holds is False:
            continue
        yield branch
        if holds:
            return


def _names_elements(
    children: Iterable[Any], macros: Mapping[str, Any], reference: Mapping[str, Any], seen: frozenset[str] = frozenset()
) -> Iterator[Any]:
    """The ``cs:names`` among and below ``children`` outside a ``cs:substitute``, macros followed."""
    for child in children:
        tag = child.tag
        if not isinstance(tag, str) or tag == f"{_CSL}substitute":
            continue
        if tag == f"{_CSL}names":
            yield child
            continue
        macro = child.get("macro") if tag == f"{_CSL}text" else None
        if macro is not None and macro in macros and macro not in seen:
            yield from _names_elements(macros[macro].iterchildren(), macros, reference, seen | {macro})
        elif tag == f"{_CSL}choose":
            yield from _names_elements(_branches(child, reference), macros, reference, seen)
        else:
            yield from _names_elements(child.iterchildren(), macros, reference, seen)


def _renders(element: Any, reference: Mapping[str, Any]) -> bool:
    """Whether an element without names may print something for the item."""
    tag = element.tag
    if tag == f"{_CSL}choose":
        return any(_renders(child, reference) for branch in _branches(element, reference) for child in branch)
    if tag == f"{_CSL}group":
        return any(_renders(child, reference) for child in element.iterchildren())
    if tag in (f"{_CSL}text", f"{_CSL}number", f"{_CSL}date"):
        variable = element.get("variable")
        return _has(reference, variable) if variable is not None else tag == f"{_CSL}text"
    return False


def _printed(names: Any, reference: Mapping[str, Any], macros: Mapping[str, Any]) -> list[str]:
    variables = _variables(names, reference)
    if variables:
        return variables
    for substitute in names.iterchildren(f"{_CSL}substitute"):
        for choice in substitute.iterchildren():
            if not isinstance(choice.tag, str):
                continue
            # A cs:text calling a macro, a cs:choose or a cs:group may hold cs:names.
            elements = list(_names_elements([choice], macros, reference))
            if not elements and _renders(choice, reference):
                return []  # a title or other text takes the place of the names
            found = [v for element in elements for v in _printed(element, reference, macros)]
            if found:
                return found
    return []


def cite_name_lists(
    root: Any, reference: Mapping[str, Any], *, citation_only: bool = False, memo: dict[Any, list[str]] | None = None
) -> list[list[Any]]:
    """The names of ``reference`` the style can print (in its citations only, with
    ``citation_only``), as one list per name variable."""
    return [names for _variable, names in cite_names(root, reference, citation_only=citation_only, memo=memo)]


def cite_names(
    root: Any, reference: Mapping[str, Any], *, citation_only: bool = False, memo: dict[Any, list[str]] | None = None
) -> list[tuple[str, list[Any]]]:
    """The name variables of ``reference`` the style can print (``container_author``, as
    citeproc-py spells them), each with its names.

    The walk through the style reads only the item's type and which variables it has, so
    ``memo`` (one per style, kept by the caller) holds its result for each such shape of item:
    a document's items mostly share a few."""
    key = (citation_only, _shape(reference))
    variables = memo.get(key) if memo is not None else None
    if variables is None:
        variables = _name_variables(root, reference, citation_only=citation_only)
        if memo is not None:
            memo[key] = variables
    return [(variable, list(reference[variable])) for variable in variables]


def _shape(reference: Mapping[str, Any]) -> tuple[Any, frozenset[tuple[str, bool]]]:
    """What the walk reads of an item: its type, and the variables it has (``_has``), each with
    whether it is a list (``_variables``)."""
    item_type = getattr(reference, "type", None) or reference.get("type")
    present = frozenset(
        (variable, isinstance(value, list))
        for variable, value in reference.items()
        if value is not None and not (isinstance(value, str | list) and not value)
    )
    return item_type, present


def _name_variables(root: Any, reference: Mapping[str, Any], *, citation_only: bool) -> list[str]:
    macros: dict[str, Any] = {}
    for macro in root.iterchildren(f"{_CSL}macro"):
        macros.setdefault(macro.get("name"), macro)
    sections = [*root.iterchildren(f"{_CSL}citation")]
    if not citation_only:
        sections += root.iterchildren(f"{_CSL}bibliography")
    layouts = [layout for section in sections for layout in section.iterchildren(f"{_CSL}layout")]
    variables: list[str] = []
    for names in _names_elements(layouts, macros, reference):
        variables += [v for v in _printed(names, reference, macros) if v not in variables]
    return variables
