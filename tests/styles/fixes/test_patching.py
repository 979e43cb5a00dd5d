"""Fixes change attributes in an overrides table, a later fix wrapping an earlier one, and the
table becomes subclasses: the class the fixes named is never changed (fixes._patching)."""

from __future__ import annotations

from typing import Any

from archcite.styles.csl.fixes import FIXES
from archcite.styles.csl.fixes._patching import Overrides


class Base:
    def greet(self) -> str:
        return "hello"

    def wave(self) -> str:
        return "wave"


class Child(Base):
    def wave(self) -> str:
        return "child wave"


def test_replace_is_idempotent_and_chains_fixes():
    overrides = Overrides()
    overrides.replace(Base, "greet", "loud", lambda original: lambda self: original(self).upper())
    overrides.replace(Base, "greet", "loud", lambda original: lambda self: original(self).upper() + "??")
    overrides.replace(Base, "greet", "bang", lambda original: lambda self: original(self) + "!")
    fixed = overrides.subclass(Base)
    assert fixed().greet() == "HELLO!"
    assert overrides.is_applied(Base, "greet", "loud")
    assert fixed.greet.__archcite_fixes__ == ("loud", "bang")
    assert Base().greet() == "hello"
    assert "__archcite_fixes__" not in vars(Base.greet)


def test_a_subclass_own_attribute_hides_a_change_to_its_base_as_it_would_in_the_base():
    overrides = Overrides()
    overrides.replace(Base, "wave", "loud", lambda original: lambda self: original(self).upper())
    overrides.replace(Base, "greet", "loud", lambda original: lambda self: original(self).upper())
    fixed = overrides.subclass(Child)
    assert issubclass(fixed, Child)
    assert (fixed().wave(), fixed().greet()) == ("child wave", "HELLO")


def test_every_fix_is_listed_once():
    assert len(FIXES) == len(set(FIXES))


def test_rebase_puts_a_faster_copy_under_the_fixes_that_wrapped_the_stock_attribute():
    import pytest

    overrides = Overrides()
    overrides.replace(Base, "greet", "loud", lambda original: lambda self: original(self).upper())
    overrides.replace(Base, "greet", "bang", lambda original: lambda self: original(self) + "!")
    assert overrides.stock(Base, "greet") is Base.__dict__["greet"]
    overrides.rebase(Base, "greet", "fast", lambda self: "hi")
    fixed = overrides.subclass(Base)
    assert fixed().greet() == "HI!"  # each fix wraps the copy, in the same order
    assert fixed.greet.__archcite_fixes__ == ("fast", "loud", "bang")
    assert Base().greet() == "hello"
    # A change made first to a base class is not citeproc-py's own attribute: nothing to rebase.
    overrides.replace(Child, "greet", "child", lambda original: lambda self: original(self) + "?")
    assert overrides.stock(Child, "greet") is None
    with pytest.raises(ValueError, match="was not first changed"):
        overrides.rebase(Child, "greet", "fast", lambda self: "hi")


def test_a_change_where_an_element_declares_something_runs_only_on_such_elements():
    from lxml import etree

    class Node(etree.ElementBase):
        def show(self, text: str) -> str:
            return text

    overrides = Overrides()
    overrides.replace(Node, "show", "loud", lambda original: lambda self, t: original(self, t).upper(), where=_is_loud)
    overrides.replace(Node, "show", "bang", lambda original: lambda self, t: original(self, t) + "!")
    fixed = overrides.subclass(Node)
    parser = etree.XMLParser()
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(element=fixed))
    root = etree.fromstring('<r><a loud="yes"/><b/></r>', parser)
    loud, quiet = root[0], root[1]
    assert [loud.show("x"), quiet.show("x")] == ["X!", "x!"]
    # Decided once per element: the element's own method from then on, the same text.
    assert "show" in vars(loud)
    assert [loud.show("y"), quiet.show("y")] == ["Y!", "y!"]
    assert fixed.show.__archcite_fixes__ == ("loud", "bang")
    assert Node.show(loud, "z") == "z"


def _is_loud(element: Any) -> bool:
    return element.get("loud") == "yes"


class Options:
    def option(self, name: str) -> str:
        return name


def test_a_change_for_some_arguments_runs_only_for_calls_with_them():
    overrides = Overrides()
    overrides.replace(
        Options, "option", "up", lambda original: lambda self, n: original(self, n).upper(), for_arguments=["a"]
    )
    overrides.replace(Options, "option", "bang", lambda original: lambda self, n: original(self, n) + "!")
    overrides.replace(
        Options, "option", "q", lambda original: lambda self, n: original(self, n) + "?", for_arguments=["b"]
    )
    fixed = overrides.subclass(Options)
    assert [fixed().option(name) for name in "abc"] == ["A!", "b!?", "c!"]
    overrides.rebase(Options, "option", "fast", lambda self, n: n * 2)
    rebased = overrides.subclass(Options)
    assert [rebased().option(name) for name in "abc"] == ["AA!", "bb!?", "cc!"]
    assert rebased.option.__archcite_fixes__ == ("fast", "up", "bang", "q")
    assert Options().option("a") == "a"
