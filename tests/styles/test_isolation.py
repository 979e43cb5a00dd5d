"""Using archcite changes nothing outside it, and rendering is thread-safe (DESIGN.md, "No global
state"): citeproc-py's modules are the same objects after an archcite render, stock citeproc-py
renders the same bytes before and after one, and 8 threads render what one thread renders."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import warnings
from pathlib import Path

import pytest

from archcite.styles.csl.engine import render_items
from archcite.styles.names import resolve_style

CORPUS = Path(__file__).resolve().parents[1] / "data" / "reference" / "corpus.json"

# Runs in a fresh process, so that nothing archcite did earlier in the test session hides a change.
SNAPSHOT_AROUND_A_RENDER = """
import json, sys

import citeproc, citeproc.frontend, citeproc.model, citeproc.source, citeproc.source.json, citeproc.string


def freeze(value):
    # Containers by content (a change in place shows), everything else by identity.
    if isinstance(value, (list, tuple, set, frozenset)):
        return ("items", repr(sorted(map(repr, value))))
    if isinstance(value, dict):
        return ("items", repr(sorted((repr(k), repr(v)) for k, v in value.items())))
    return ("id", id(value))


def snapshot():
    state = {}
    for name, module in sorted(sys.modules.items()):
        if name != "citeproc" and not name.startswith("citeproc."):
            continue
        for attribute, value in vars(module).items():
            state[f"{name}.{attribute}"] = freeze(value)
            if isinstance(value, type) and value.__module__ == name:
                for member, inner in vars(value).items():
                    state[f"{name}.{attribute}.{member}"] = freeze(inner)
    return state


before = snapshot()
from archcite.styles.csl.engine import render_items
from archcite.styles.names import resolve_style

items = json.loads(sys.stdin.read())
for style in ("chicago", "mla", "apa"):
    render_items(items, resolve_style(style).path)
after = snapshot()
changed = sorted(key for key in before.keys() & after.keys() if before[key] != after[key])
added = sorted(after.keys() - before.keys())
print(json.dumps({"changed": changed, "added": [key for key in added if not key.split(".")[-1].startswith("__")]}))
"""

STOCK_BEFORE_AND_AFTER = """
import json, sys, warnings

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

items = json.loads(sys.stdin.read())
warnings.simplefilter("ignore")


def stock(style_path):
    source = CiteProcJSON([dict(item) for item in items])
    style = CitationStylesStyle(style_path, validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.html)
    citations = [Citation([CitationItem(str(item["id"]).lower())]) for item in items]
    for citation in citations:
        bibliography.register(citation)
    notes = [str(bibliography.cite(citation, lambda item: None)) for citation in citations]
    return notes + [str(entry) for entry in bibliography.bibliography()]


from archcite.styles.names import resolve_style

paths = {style: resolve_style(style).path for style in ("chicago", "apa")}
before = {style: stock(path) for style, path in paths.items()}
from archcite.styles.csl.engine import render_items

for path in paths.values():
    render_items(items, path)
after = {style: stock(path) for style, path in paths.items()}
print(json.dumps({"before": before, "after": after}))
"""


def _corpus() -> list[dict[str, object]]:
    return json.loads(CORPUS.read_text(encoding="utf-8"))


def _run(script: str, items: object) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(items),
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
        env={"ARCHCITE_NO_CACHE": "1", "PATH": ""},
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_rendering_changes_no_class_attribute_or_function_of_citeproc_py() -> None:
    found = _run(SNAPSHOT_AROUND_A_RENDER, _corpus()[:20])
    assert found == {"changed": [], "added": []}


def test_stock_citeproc_py_renders_the_same_bytes_after_archcite_rendered() -> None:
    # Items as stock citeproc-py reads them: CSL fields only, raw dates parsed as archcite does.
    from archcite.styles.csl.engine import prepare_item

    items = [prepare_item(item) for item in _corpus()[:20]]
    found = _run(STOCK_BEFORE_AND_AFTER, items)
    assert found["before"] == found["after"]
    # A check that the comparison compares something: stock output, with stock initials.
    assert any("<i>" in text for text in found["before"]["chicago"])  # type: ignore[index]


def test_eight_threads_render_what_one_thread_renders(monkeypatch) -> None:
    monkeypatch.setenv("ARCHCITE_NO_CACHE", "1")
    monkeypatch.setenv("ARCHCITE_JOBS", "1")
    items = _corpus()
    styles = ("chicago", "mla", "chicago-author-date", "apa")
    paths = {style: resolve_style(style).path for style in styles}
    expected = {style: render_items(items, path) for style, path in paths.items()}
    runs = [styles[n % len(styles)] for n in range(16)]
    results: dict[int, object] = {}
    start = threading.Barrier(8)

    def work(worker: int) -> None:
        start.wait()
        for n in range(worker, len(runs), 8):
            try:
                results[n] = render_items(items, paths[runs[n]])
            except Exception as error:  # reported below with the run that raised it
                results[n] = error

    threads = [threading.Thread(target=work, args=(worker,)) for worker in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wrong = [(n, runs[n]) for n in range(len(runs)) if results.get(n) != expected[runs[n]]]
    assert not wrong


def test_rendering_neither_warns_nor_changes_the_warning_filters(monkeypatch: pytest.MonkeyPatch) -> None:
    # citeproc-py warns of every field it does not list; silencing that with
    # warnings.catch_warnings would change the filters of every thread of the process meanwhile.
    def changed(*args: object, **kwargs: object) -> None:
        raise AssertionError("the warning filters were changed")

    names = [
        {"family": "Doe", "given": "J.", "suffix": "Jr.", "comma-suffix": True},
        {"family": "毛", "given": "泽东", "static-ordering": True, "parse-names": False},
        {"literal": "Politburo", "parse-names": False},
    ]
    extra = {"id": "extra", "type": "book", "title": "T", "author": names, "archive-place-note": "x", "x-y": 1}
    items = [*_corpus()[:5], extra]
    path = resolve_style("chicago").path
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        filters = list(warnings.filters)
        for name in ("catch_warnings", "simplefilter", "filterwarnings", "resetwarnings"):
            monkeypatch.setattr(warnings, name, changed)
        rendered = render_items(items, path)
        monkeypatch.undo()
        assert warnings.filters == filters
    assert [str(warning.message) for warning in caught] == []
    assert len(rendered) == len(items)
    assert "<i>T</i>" in rendered[-1].bib


def test_the_elements_kept_alive_do_not_grow_with_the_renders(monkeypatch: pytest.MonkeyPatch) -> None:
    # A fix's per-element method remembers its variant on the element and keeps the element's
    # proxy alive with the style, once; a parent calls its children through methods it found
    # once, and keeping the child alive at each such call grew the list by one entry per call
    # (100,000 for Chicago on 1,000 records).
    from archcite.styles.csl import document
    from archcite.styles.csl.fixes._patching import _KEEP_ALIVE

    monkeypatch.setenv("ARCHCITE_NO_CACHE", "1")
    monkeypatch.setenv("ARCHCITE_JOBS", "1")
    original = document.load_style

    def kept(items: list[dict[str, object]]) -> int:
        parsed: list[object] = []

        def load_style(path: str, locale: str | None = None) -> object:
            parsed.append(original(path, locale))
            return parsed[-1]

        monkeypatch.setattr(document, "load_style", load_style)
        render_items(items, resolve_style("chicago").path)
        return sum(len(style.root.__dict__.get(_KEEP_ALIVE, [])) for style in parsed)  # type: ignore[attr-defined]

    corpus = _corpus()
    once = kept(corpus)
    assert once  # the comparison compares something
    # The same items again under other titles, so that none is ambiguous with its twin: twice
    # the calls, and only the few elements that now render for the first time (a title where
    # an item had none, the author substitute's dash) are kept besides. Keeping an element at
    # each call made this four times ``once``.
    again = [{**item, "id": f"{item['id']}-again", "title": f"Again {item.get('title', '')}"} for item in corpus]
    assert kept(corpus + again) < once * 1.1
