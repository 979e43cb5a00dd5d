"""Reading untrusted text takes time linear in its size: every regular expression of the record
readers, the citation line and the HTML of saved pages.

Work is compared, not wall time: each input is timed at size n and 8n (the best of several
runs), and the ratio must stay far below the 64 a quadratic cost gives (a linear one gives 8).
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import archcite.records
import archcite.records.formats
from archcite.errors import InputError

GROWTH = 8
# Linear work grows 8 times; quadratic 64 times. Generous, for a machine shared with other work.
MAX_RATIO = 24
# Units repeated to make adversarial text: runs of spaces, quotes, punctuation, words, digits.
UNITS = [
    " ", "a", "A", "1", ".", ",", '"', "-", "A.", "a ", ", ", ":", "/", "“", "„", "<a>", "{", "\\", "@",
    "x y", "a, ", "Aa ", "1 ", " and ", "http://", "0-", "by ", "\t", "'", "TY  - ", "to ", "from ",
]  # fmt: skip


def _best_time(work: Callable[[], object], repeats: int = 5) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def _growth(make: Callable[[int], Callable[[], object]], n: int) -> float:
    small, large = make(n), make(n * GROWTH)
    return _best_time(large) / max(_best_time(small), 1e-5)


# How a pattern is applied: searched (every start position is tried: search, sub, split, findall)
# or matched at the start only.
SEARCH, MATCH, FULLMATCH = "search", "match", "fullmatch"


def _patterns() -> Iterator[tuple[str, re.Pattern[str], tuple[str, ...]]]:
    """Every pattern of the record readers: the compiled ones a module keeps (applied any way),
    and the literal ones passed to ``re.match``, ``re.sub`` and the like (applied that way)."""
    for package in (archcite.records, archcite.records.formats):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for name, value in sorted(vars(module).items()):
                if isinstance(value, re.Pattern) and value.pattern and isinstance(value.pattern, str):
                    yield f"{module.__name__}.{name}", value, (SEARCH, FULLMATCH)
            assert module.__file__ is not None
            tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
            # ``re.compile("...").match(text, pos)`` is applied by the method called on it.
            applied = {
                id(node.func.value): node.func.attr
                for node in ast.walk(tree)
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            }
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "re"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    method = applied.get(id(node), "") if node.func.attr == "compile" else node.func.attr
                    how = {"match": (MATCH,), "fullmatch": (FULLMATCH,)}.get(method, (SEARCH,))
                    yield f"{module.__name__}:{node.lineno}", re.compile(node.args[0].value), how


PATTERNS = {name: (pattern, how) for name, pattern, how in _patterns()}


def test_the_readers_have_patterns_to_check() -> None:
    assert "archcite.records.formats.wilson._CITATION" in PATTERNS
    assert len(PATTERNS) > 80


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_every_reader_pattern_is_linear_on_adversarial_text(name: str) -> None:
    pattern, how = PATTERNS[name]
    methods = [getattr(pattern, method) for method in how]

    def make(unit: str) -> Callable[[int], Callable[[], object]]:
        # A run of one unit that ends in a character no pattern expects, so that nothing matches
        # early and every start position is tried.
        return lambda n: lambda: [method(unit * n + "\x00") for method in methods]

    worst = max(UNITS, key=lambda unit: _growth(make(unit), 250))
    assert _growth(make(worst), 250) < MAX_RATIO, f"{name} is not linear on runs of {worst!r}"


def _read_page(text: str) -> Callable[[], object]:
    from archcite.records.formats.wilson import read_page

    def work() -> object:
        try:
            return read_page(text, "page.txt")
        except InputError:
            return None

    return work


@pytest.mark.parametrize(
    "line",
    [
        lambda n: '"' + " " * n,  # the cubic one: a quoted run of spaces
        lambda n: "“" + " " * n,
        lambda n: "„" * n,
        lambda n: '"' + " ," * n,
        lambda n: '"x"' + " " * n + ", " + " " * n,
        lambda n: "Letter from " + "a " * n + "to",
        lambda n: '"Letter to ' + " " * n + 'x," History and Public Policy Program Digital Archive, A',
        lambda n: '"Letter from ' + " " * n + 'x to y," History and Public Policy Program Digital Archive, A',
        lambda n: '"Report, ' + " " * n + 'x to y," History and Public Policy Program Digital Archive, A',
        lambda n: '"T," History and Public Policy Program Digital Archive, ' + " " * n,
        lambda n: '"T," History and Public Policy Program Digital Archive, A. Obtained by ' + " " * n,
        lambda n: 'x, "T," ' + " " * n + "History and Public Policy Program Digital Archive" + " ," * n,
    ],
)
def test_a_page_line_is_read_in_linear_time(line: Callable[[int], str]) -> None:
    header = "History and Public Policy Program Digital Archive\n"
    # Each line ends in a letter: the reader strips a line's trailing spaces.
    assert _growth(lambda n: _read_page(header + line(n) + "x\n"), 500) < MAX_RATIO


def test_nested_html_is_read_in_linear_time() -> None:
    from archcite.records.formats.wilson import html_page

    def make(n: int) -> Callable[[], object]:
        html = "<html><body>" + "<div>" * n + "text" + "</div>" * n + "</body></html>"
        return lambda: html_page(html)

    assert _growth(make, 1000) < MAX_RATIO


def test_deeply_nested_html_is_read_without_running_out_of_stack() -> None:
    from archcite.records.formats.wilson import html_page

    n = 16_000
    page = html_page("<html><body>" + "<div>" * n + "deep <pre>a  b</pre>" + "</div>" * n + "</body></html>")
    assert page.text == "deep\na b\n"
