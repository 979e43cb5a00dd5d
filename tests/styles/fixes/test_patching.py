"""Fixes change attributes in an overrides table, a later fix wrapping an earlier one, and the
table becomes subclasses: the class the fixes named is never changed (fixes._patching)."""

from __future__ import annotations

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
