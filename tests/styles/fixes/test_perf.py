"""The speed fix changes no output: the same citations with and without it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

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
        "sort.sort": elements["sort"].sort,
        "names.substitute": elements["names"].substitute,
        "text.process": elements["text"].process,  # under the quotes fix, which wraps it
        "name.get_option": elements["name"].get_option,  # under the name fixes
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


class _FakeKey:
    """A cs:key whose keys are given, counting the items it was asked for."""

    def __init__(self, keys: dict[int, object], descending: bool) -> None:
        self.keys = keys
        self.attrib = {"sort": "descending"} if descending else {}
        self.asked: list[int] = []

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrib.get(name, default)

    def sort_keys(self, items: list[int], _context: object) -> list[object]:
        self.asked += items
        return [self.keys[item] for item in items]


class _FakeSort:
    nsmap: ClassVar[dict[str, str]] = {}

    def __init__(self, keys: list[_FakeKey]) -> None:
        self.keys = keys

    def findall(self, _path: str, _namespaces: object) -> list[_FakeKey]:
        return self.keys

    def getroottree(self) -> _FakeSort:
        return self

    def getroot(self) -> _FakeSort:
        return self


def test_sorting_computes_a_key_only_where_it_decides_and_orders_as_citeproc_py() -> None:
    import random

    from citeproc.model import Sort

    from archcite.styles.csl.fixes.perf import _lazy_sort

    # Keys as citeproc-py's cs:key gives them: text in any case, numbers written as text
    # ("01" equals "1"), numbers, None, floats; few distinct values, so that many tie.
    values = [None, "a", "A", "b", "01", "1", "10", "9", "x9", 1, 2, 1.0, 2.5, "", "é", "1_0"]
    generator = random.Random(14)
    for _ in range(300):
        items = list(range(generator.randint(0, 12)))
        levels = generator.randint(0, 4)

        def keys(levels: int = levels, items: list[int] = items) -> list[_FakeKey]:
            return [
                _FakeKey({item: generator.choice(values) for item in items}, generator.random() < 0.3)
                for _ in range(levels)
            ]

        fresh = keys()
        # Both runs read the same keys; text and numbers never meet in one key (citeproc-py's
        # comparison raises TypeError then), so each key is all text-or-None or all numbers-or-None.
        for key in fresh:
            numbers = generator.random() < 0.5
            for item, value in key.keys.items():
                if value is not None and isinstance(value, str) == numbers:
                    key.keys[item] = None
        stock_keys = [_FakeKey(dict(key.keys), key.get("sort") == "descending") for key in fresh]
        expected = Sort.sort(_FakeSort(stock_keys), items, None)
        assert _lazy_sort(_FakeSort(fresh), items, None) == expected
        for level, key in enumerate(fresh):
            # Asked only for items tied (as citeproc-py compares) on every earlier key with another.
            if level == 0:
                assert sorted(key.asked) == items
            for item in key.asked:
                if level:
                    assert any(
                        other != item and all(_ties(k.keys[item], k.keys[other]) for k in fresh[:level])
                        for other in items
                    )


def _ties(left: object, right: object) -> bool:
    from citeproc.model import Sort

    # citeproc-py's own comparison of two items by one key ties them if its stable sort keeps
    # them in either order they come in.
    def sort(items: list[int]) -> list[int]:
        return list(Sort.sort(_FakeSort([_FakeKey({0: left, 1: right}, False)]), items, None))

    return sort([0, 1]) == [0, 1] and sort([1, 0]) == [1, 0]


def test_text_reads_the_items_language_as_stock_citeproc_py_does() -> None:
    from types import SimpleNamespace

    import pytest
    from citeproc import formatter
    from citeproc.model import Text
    from citeproc.source import VariableError
    from lxml import etree

    from archcite.styles.csl.classes import CLASSES, csl_parser

    style = b'<style xmlns="http://purl.org/net/xbiblio/csl" default-locale="fr-FR"><text value="x"/></style>'
    root = etree.fromstring(style, csl_parser())
    root.formatter = formatter.plain
    text = root[0]
    reference = CLASSES.reference

    class NoReference:
        @property
        def reference(self) -> object:
            raise VariableError

    items = [
        SimpleNamespace(reference=reference("a", "book", language="de-DE")),
        SimpleNamespace(reference=reference("b", "book")),  # no language: the style's
        SimpleNamespace(reference=reference("c", "book", language="")),
        NoReference(),
    ]
    for item in items:
        assert type(text).process(text, item) == Text.process(text, item)
    assert [type(text).process(text, item)[1] for item in items] == ["de", "fr", "", "fr"]
    with pytest.raises(TypeError):  # a language that is no text fails as it does in citeproc-py
        Text.process(text, SimpleNamespace(reference=reference("d", "book", language=None)))
    with pytest.raises(TypeError):
        type(text).process(text, SimpleNamespace(reference=reference("d", "book", language=None)))


def test_name_options_are_read_as_stock_citeproc_py_reads_them() -> None:
    from citeproc.model import Name
    from lxml import etree

    from archcite.styles.csl.classes import csl_parser
    from archcite.styles.csl.fixes.perf import _fast_name_option

    style = (
        b'<style xmlns="http://purl.org/net/xbiblio/csl" et-al-min="3" name-form="short">'
        b'<bibliography et-al-use-first="1" name-delimiter="; "><layout>'
        b'<names variable="author"><name and="text" initialize-with-hyphen="false"/></names>'
        b"</layout></bibliography></style>"
    )
    root = etree.fromstring(style, csl_parser())
    name = root.find(".//{http://purl.org/net/xbiblio/csl}name")
    asked = ["and", "form", "delimiter", "et-al-min", "et-al-use-first", "initialize-with-hyphen"]
    for sort_options in (None, {}, {"et-al-min": "5", "form": "long"}, {"name-as-sort-order": "all"}):
        for option in asked:
            assert _fast_name_option(name, option, None, sort_options) == Name.get_option(
                name, option, None, sort_options
            )
    assert _fast_name_option(name, "et-al-min", None, {"et-al-min": "5"}) == 5
