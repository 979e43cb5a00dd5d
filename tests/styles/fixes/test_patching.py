"""Fixes replace citeproc attributes once, and a later fix wraps an earlier one (fixes._patching)."""

from __future__ import annotations

from archcite.styles.fixes import FIXES, apply_all
from archcite.styles.fixes._patching import is_applied, replace


class Target:
    def greet(self) -> str:
        return "hello"


def test_replace_is_idempotent_and_chains_fixes():
    replace(Target, "greet", "loud", lambda original: lambda self: original(self).upper())
    replace(Target, "greet", "loud", lambda original: lambda self: original(self).upper() + "??")
    replace(Target, "greet", "bang", lambda original: lambda self: original(self) + "!")
    assert Target().greet() == "HELLO!"
    assert is_applied(Target, "greet", "loud")
    assert Target.greet.__archcite_fixes__ == ("loud", "bang")


def test_applying_all_fixes_twice_changes_nothing():
    from citeproc.model import Group, Quoted

    apply_all()
    before = (Group.process, Quoted.quote)
    apply_all()
    assert (Group.process, Quoted.quote) == before
    assert len(FIXES) == len(set(FIXES))
