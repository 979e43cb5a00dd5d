"""The speed fix changes no output: the same citations with and without it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from archcite.styles.csl.engine import render_items
from archcite.styles.csl.fixes.perf import KeyList
from archcite.styles.names import resolve_style

CORPUS = Path(__file__).resolve().parents[2] / "data" / "reference" / "corpus.json"
STYLES = ("chicago", "mla")

WITHOUT_SPEED_FIX = """
import json, sys
from archcite.styles.csl.fixes import perf
perf.apply = lambda overrides: None
from archcite.styles.csl.engine import render_items
from archcite.styles.names import resolve_style
items = json.loads(sys.stdin.read())
styles = sys.argv[1:]
print(json.dumps({style: [r._asdict() for r in render_items(items, resolve_style(style).path)] for style in styles}))
"""


def test_speed_fix_leaves_every_citation_and_entry_unchanged() -> None:
    # A dozen varied corpus items (letters, telegrams, books, articles): citeproc-py without the
    # fix is slow, so the full corpus is left to the reference tests, which run with it.
    items = json.loads(CORPUS.read_text(encoding="utf-8"))[::5][:12]
    without = subprocess.run(
        [sys.executable, "-c", WITHOUT_SPEED_FIX, *STYLES],
        input=json.dumps(items),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    expected = json.loads(without.stdout)
    for style in STYLES:
        assert [r._asdict() for r in render_items(items, resolve_style(style).path)] == expected[style]


def test_key_list_answers_membership_and_position_like_a_list() -> None:
    keys = KeyList(["b", "a"])
    keys.append("c")
    assert "c" in keys
    assert keys.index("c") == 2
    keys.sort()
    assert keys == ["a", "b", "c"]
    assert keys.index("c") == 2
    assert "z" not in keys


def test_choose_tests_branches_itself_only_while_nothing_wraps_if_render(monkeypatch) -> None:
    from archcite.styles.csl.classes import CLASSES

    monkeypatch.setenv("ARCHCITE_NO_CACHE", "1")  # render, rather than read the calls back
    items = json.loads(CORPUS.read_text(encoding="utf-8"))[:3]
    path = resolve_style("chicago").path
    expected = render_items(items, path)
    if_class = CLASSES.elements["if"]
    assert "perf" in if_class.render.__archcite_fixes__
    calls = []
    fast = if_class.render

    def wrapped(self, *args, **kwargs):  # a later hook on cs:if must still see every branch
        calls.append(self)
        return fast(self, *args, **kwargs)

    monkeypatch.setattr(if_class, "render", wrapped)
    assert render_items(items, path) == expected
    assert calls


def test_references_answer_lookups_as_stock_citeproc_py_does() -> None:
    import pytest
    from citeproc.source import VariableError

    from archcite.styles.csl.classes import CLASSES

    assert "perf" in CLASSES.reference.__getitem__.__archcite_fixes__
    reference = CLASSES.reference("a", "book", title="Alpha", note=None)
    assert (reference["title"], reference.title, reference.key, reference.note) == ("Alpha", "Alpha", "a", None)
    with pytest.raises(VariableError):
        reference["language"]
    with pytest.raises(VariableError):
        reference.language  # noqa: B018 - the look-up is the test


def test_a_tracking_frame_hands_what_it_recorded_to_the_frame_around_it() -> None:
    from archcite.styles.csl.fixes import _tracking

    with _tracking.recording() as outer:
        with _tracking.recording() as inner:
            _tracking.report("title", True)
            _tracking.report("note", False)
        assert (inner.called, inner.rendered) == ({"title", "note"}, {"title"})
        assert (outer.called, outer.rendered) == ({"title", "note"}, {"title"})
    _tracking.report("page", True)  # no frame open: nothing to record it
    assert outer.called == {"title", "note"}


def test_the_fast_path_is_active_on_archcite_classes() -> None:
    # Checked by identity and by the fixes' marks, not by a fingerprint of compiled code: the
    # same on every Python version.
    from archcite.styles.csl.classes import CLASSES
    from archcite.styles.csl.fixes import disambiguate_condition

    elements = CLASSES.elements
    fast = {
        "if.render": elements["if"].render,
        "else-if.render": elements["else-if"].render,
        "choose.render": elements["choose"].render,
        "text.xpath_search": elements["text"].xpath_search,
        "macro.get_macro": elements["macro"].get_macro,
        "locale.get_term": elements["locale"].get_term,
        "macro.calls_variable": elements["macro"].calls_variable,
        "group.render_children": elements["group"].render_children,
        "else.render_children": elements["else"].render_children,
        "reference.__getitem__": CLASSES.reference.__getitem__,
    }
    slow = [name for name, attribute in fast.items() if "perf" not in getattr(attribute, "__archcite_fixes__", ())]
    assert not slow
    # A property takes no marks: its getter is the speed fix's.
    assert CLASSES.citation_item.reference.fget.__module__ == "archcite.styles.csl.fixes.perf"
    # The fast cs:if render took over the disambiguate condition's test rather than giving way to it.
    assert elements["if"].render is not disambiguate_condition.render
    bibliography = CLASSES.bibliography.__new__(CLASSES.bibliography)
    bibliography.keys = ["a", "b"]
    assert isinstance(bibliography.keys, KeyList)
