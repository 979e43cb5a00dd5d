"""The persistent render cache (``styles.cache``): a hit gives the same bytes without the engine,
anything that changes the output changes the key, and a broken cache never breaks a run."""

from __future__ import annotations

import datetime
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from archcite.records.model import Record
from archcite.styles import render as library_render
from archcite.styles.csl import cache
from archcite.styles.csl.engine import render_items
from archcite.styles.names import resolve_style
from archcite.styles.types import Locator
from tests.cli.test_lazy_imports import INVOKE
from tests.conftest import EXAMPLE
from tests.styles.conftest import CORPUS


def render(*args: Any, **kwargs: Any) -> Any:
    """``styles.render`` with the render cache as the CLI asks for it: on unless ARCHCITE_NO_CACHE."""
    return library_render(*args, **{"cache": None, **kwargs})


CORPUS_RECORDS = [Record(item) for item in json.loads(CORPUS.read_text(encoding="utf-8"))]
TARGETS = ("chicago-notes-bibliography", "chicago-author-date", "modern-language-association")


def cache_rows(folder: Path) -> int:
    path = folder / cache.FILE_NAME
    if not path.exists():
        return 0
    with sqlite3.connect(path) as connection:
        return int(connection.execute("SELECT COUNT(*) FROM entries").fetchone()[0])


def run_cite(record: Path, env: dict[str, str]) -> tuple[str, set[str]]:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, sys\n"
            + INVOKE.format(args=["cite", str(record), "--format", "plain"])
            + "print(json.dumps(sorted(sys.modules)))",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env=env,
    )
    *output, modules = done.stdout.splitlines()
    return "\n".join(output), set(json.loads(modules))


def test_second_cite_comes_from_the_cache_without_importing_the_engine(tmp_path: Path) -> None:
    book = tmp_path / "book.json"
    book.write_text(json.dumps([{"id": "a", "type": "book", "title": "Alpha", "author": [{"family": "Z"}]}]))
    env = {**os.environ, "ARCHCITE_CACHE_DIR": str(tmp_path / "cache")}
    for record, engine in ((EXAMPLE, "archcite.styles.archival.chicago"), (book, "citeproc")):
        first, first_modules = run_cite(record, env)
        second, second_modules = run_cite(record, env)
        assert engine in first_modules
        assert second == first
        assert second.strip()
        unneeded = {engine, "citeproc", "lxml", "hashlib", "archcite.styles.csl.document"}
        assert second_modules.isdisjoint(unneeded), sorted(second_modules & unneeded)


def test_no_cache_option_and_environment_neither_read_nor_write(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from archcite.cli.app import cli

    folder = Path(os.environ["ARCHCITE_CACHE_DIR"])
    result = CliRunner().invoke(cli, ["cite", str(EXAMPLE), "--format", "plain", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert cache_rows(folder) == 0
    os.environ["ARCHCITE_NO_CACHE"] = "1"
    try:
        again = CliRunner().invoke(cli, ["cite", str(EXAMPLE), "--format", "plain"])
    finally:
        del os.environ["ARCHCITE_NO_CACHE"]
    assert again.output == result.output
    assert cache_rows(folder) == 0
    cached = CliRunner().invoke(cli, ["cite", str(EXAMPLE), "--format", "plain"])
    assert cached.output == result.output
    assert cache_rows(folder) == 1


@pytest.mark.parametrize("style", TARGETS)
@pytest.mark.parametrize("locator", [None, Locator("page", "23")])
def test_corpus_renders_byte_identical_cold_warm_and_uncached(style: str, locator: Locator | None) -> None:
    uncached = render(CORPUS_RECORDS, style, locator=locator, cache=False)
    cold = render(CORPUS_RECORDS, style, locator=locator)
    store = cache.open_cache()
    assert store is not None
    warm_key = cache.document_key(
        style,
        resolve_style(style).path or "",
        ((r.id, r.fields) for r in CORPUS_RECORDS),
        (locator.label, locator.value) if locator else None,
        True,
    )
    assert warm_key is not None
    assert store.get(warm_key) is not None  # the cold run stored it
    store.close()
    warm = render(CORPUS_RECORDS, style, locator=locator)
    assert cold == uncached
    assert warm == uncached


@pytest.mark.parametrize("style", TARGETS)
def test_engine_output_through_the_cache_is_the_engines(style: str) -> None:
    """``archival=False`` (what the reference comparisons use) cached is the engine's output."""
    engine = render_items([r.fields for r in CORPUS_RECORDS], resolve_style(style).path or "")
    assert render(CORPUS_RECORDS, style, archival=False) == engine
    assert render(CORPUS_RECORDS, style, archival=False) == engine


def test_what_changes_the_output_changes_the_key(tmp_path: Path) -> None:
    records = CORPUS_RECORDS[:3]
    style = resolve_style("chicago")
    path = style.path or ""

    def key(
        records: list[Record] = records, style_path: str = path, locator: tuple[str, str] | None = None
    ) -> str | None:
        return cache.document_key(style.name, style_path, ((r.id, r.fields) for r in records), locator, True)

    edited = [records[0], Record({**records[1].fields, "title": "Another title"}), records[2]]
    copy = tmp_path / "chicago.csl"
    copy.write_bytes(Path(path).read_bytes())
    changed = tmp_path / "changed.csl"
    changed.write_bytes(Path(path).read_bytes().replace(b"ibid", b"Ibid", 1))
    assert key() == key()
    assert key(style_path=str(copy)) == key()  # the key is the style's bytes, not its path
    others = [
        key(edited),
        key(list(reversed(records))),
        key(style_path=str(changed)),
        key(locator=("page", "2")),
        cache.document_key(style.name, path, ((r.id, r.fields) for r in records), None, False),
        cache.document_key("other", path, ((r.id, r.fields) for r in records), None, True),
    ]
    assert len({key(), *others}) == len(others) + 1


def test_editing_a_record_renders_afresh(tmp_path: Path) -> None:
    records = CORPUS_RECORDS[:5]
    render(records, "chicago")
    edited = [*records[:2], Record({**records[2].fields, "title": "A changed title"}), *records[3:]]
    assert render(edited, "chicago") == render(edited, "chicago", cache=False)
    assert any("A changed title" in (r.bib or "") for r in render(edited, "chicago"))


def test_a_record_json_cannot_say_exactly_is_rendered_but_not_cached() -> None:
    record = Record({"id": "a", "type": "book", "title": "Alpha", "note": datetime.date(2020, 1, 1)})
    assert cache.canonical_json(record.fields) is None
    render([record], "chicago")
    assert cache_rows(Path(os.environ["ARCHCITE_CACHE_DIR"])) == 0


@pytest.mark.parametrize("damage", ["not-a-folder", "corrupt", "read-only", "locked", "garbage-row"])
def test_an_unusable_cache_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    records = CORPUS_RECORDS[:4]
    expected = render(records, "chicago", cache=False)
    folder = tmp_path / "cache"
    if damage == "not-a-folder":
        folder.write_text("a file where the folder should be", encoding="utf-8")
    elif damage == "corrupt":
        folder.mkdir()
        (folder / cache.FILE_NAME).write_bytes(b"this is not a database" * 100)
    elif damage == "read-only":
        monkeypatch.setenv("ARCHCITE_CACHE_DIR", str(folder))
        render(records[:1], "chicago")
        folder.chmod(0o500)
        (folder / cache.FILE_NAME).chmod(0o400)
    elif damage == "locked":
        monkeypatch.setenv("ARCHCITE_CACHE_DIR", str(folder))
        render(records[:1], "chicago")
        blocker = sqlite3.connect(folder / cache.FILE_NAME, isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")
    else:
        monkeypatch.setenv("ARCHCITE_CACHE_DIR", str(folder))
        render(records, "chicago")
        with sqlite3.connect(folder / cache.FILE_NAME) as connection:
            connection.execute('UPDATE entries SET value = \'[["x", 1, 2, 3, "r"]]\'')
    monkeypatch.setenv("ARCHCITE_CACHE_DIR", str(folder))
    try:
        assert render(records, "chicago") == expected
        assert render(records, "chicago") == expected
        if damage == "locked":
            assert cache_rows(folder) == 1  # the blocked writes were given up
    finally:
        if damage == "locked":
            blocker.close()
        if folder.is_dir():
            folder.chmod(0o700)


def test_the_cache_stays_under_its_size_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_BYTES", 4000)
    store = cache.open_cache()
    assert store is not None
    for n in range(40):
        store.put(f"key{n}", ["x" * 200])
        store.flush()
    store.close()
    folder = Path(os.environ["ARCHCITE_CACHE_DIR"])
    with sqlite3.connect(folder / cache.FILE_NAME) as connection:
        total, rows = connection.execute("SELECT SUM(size), COUNT(*) FROM entries").fetchone()
        newest = {key for (key,) in connection.execute("SELECT key FROM entries")}
    assert total <= 4000
    assert 0 < rows < 40
    assert "key39" in newest
    assert "key0" not in newest


def test_the_cache_folder_on_linux_is_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv("ARCHCITE_CACHE_DIR")
    monkeypatch.setattr(sys, "platform", "linux")
    for xdg in (None, "/somewhere/cache", "relative/cache"):
        if xdg is None:
            monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
        else:
            monkeypatch.setenv("XDG_CACHE_HOME", xdg)
        assert cache.cache_dir() == platformdirs.unix.Unix("archcite", appauthor=False).user_cache_dir


def test_progress_hears_of_every_step_on_a_hit() -> None:
    records = CORPUS_RECORDS[:3]
    render(records, "chicago")
    steps: list[int] = []
    render(records, "chicago", progress=steps.append)
    assert sum(steps) == 9


def test_a_hit_keeps_ids_in_order() -> None:
    records = CORPUS_RECORDS[:3]
    first = render(records, "chicago")
    assert [r.id for r in render(records, "chicago")] == [r.id for r in records]
    assert render(records, "chicago") == first


CORPUS_ITEMS = [record.fields for record in CORPUS_RECORDS]


def engine_render(items: list[dict[str, object]], style: str, enabled: bool | None = None) -> tuple[object, int, int]:
    """The engine's output for ``items``, and the calls answered from the cache and rendered."""
    with cache.chosen(enabled), cache.counting() as stats:
        output = render_items(items, resolve_style(style).path or "")
    return output, stats.hits, stats.misses


@pytest.mark.parametrize(
    "style", ["chicago-notes-bibliography", "chicago-author-date", "nature", "american-medical-association", "apa"]
)
def test_engine_calls_come_from_the_cache_the_second_time(style: str) -> None:
    uncached, hits, misses = engine_render(CORPUS_ITEMS, style, enabled=False)
    assert (hits, misses) == (0, 0)
    cold, _, cold_misses = engine_render(CORPUS_ITEMS, style)
    warm, warm_hits, warm_misses = engine_render(CORPUS_ITEMS, style)
    assert cold == uncached
    assert warm == uncached
    assert cold_misses >= 3 * len(CORPUS_ITEMS)  # two citations and an entry each, at least
    assert (warm_hits, warm_misses) == (cold_misses, 0)


def test_editing_one_record_renders_only_its_calls() -> None:
    engine_render(CORPUS_ITEMS, "chicago-notes-bibliography")
    edited = [dict(item) for item in CORPUS_ITEMS]
    edited[7]["title"] = "A title no other record has"
    output, hits, misses = engine_render(edited, "chicago-notes-bibliography")
    assert output == engine_render(edited, "chicago-notes-bibliography", enabled=False)[0]
    style = Path(resolve_style("chicago-notes-bibliography").path or "").read_text(encoding="utf-8")
    sort_keys = style[style.index("<bibliography") :].count("<key ")
    # Its first note, its short note, its entry, its disambiguation probe and the sort keys that
    # place it: of the style's eight, only the first (a key is computed only for records that tie
    # on every earlier key, and no other record has its author).
    assert sort_keys == 8
    assert misses == 4 + 1
    assert hits > 3 * (len(CORPUS_ITEMS) - 1)


def test_a_style_whose_dates_write_into_the_locale_is_not_cached_call_by_call() -> None:
    """MLA's localised dates override date parts, which citeproc-py copies into the locale while
    rendering: skipped calls could change later ones, so its calls are always rendered."""
    _, hits, misses = engine_render(CORPUS_ITEMS, "modern-language-association")
    assert (hits, misses) == (0, 0)


def test_in_a_numbered_style_a_record_that_moves_renumbers_the_others() -> None:
    """Citation numbers are part of a call's key where the style prints them: moving the eighth
    record to the front gives the first eight new numbers (Nature numbers in citation order)."""
    engine_render(CORPUS_ITEMS, "nature")
    moved = [CORPUS_ITEMS[7], *CORPUS_ITEMS[:7], *CORPUS_ITEMS[8:]]
    output, _, misses = engine_render(moved, "nature")
    assert output == engine_render(moved, "nature", enabled=False)[0]
    assert misses >= 3 * 8


def _read_in_child(store: cache.RenderCache, answer: Any) -> None:
    answer.put(store.get("key"))


def test_a_forked_process_does_not_use_its_parents_connection() -> None:
    import multiprocessing

    store = cache.open_cache()
    assert store is not None
    store.put("key", ["value"])
    store.flush()
    context = multiprocessing.get_context("fork")
    answer = context.Queue()
    child = context.Process(target=_read_in_child, args=(store, answer))
    child.start()
    child.join(60)
    assert answer.get(timeout=10) is None
    assert store.get("key") == ["value"]
    store.close()


def test_the_library_reads_and_writes_no_cache_unless_asked(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("ARCHCITE_CACHE_DIR", str(tmp_path))
    expected = library_render(CORPUS_RECORDS[:3], "chicago", cache=False)
    assert library_render(CORPUS_RECORDS[:3], "chicago") == expected
    render_items(CORPUS_ITEMS[:3], resolve_style("chicago").path or "")  # the engine on its own
    assert not list(tmp_path.iterdir())
    assert library_render(CORPUS_RECORDS[:3], "chicago", cache=True) == expected
    assert list(tmp_path.iterdir())


def test_cache_counts_belong_to_the_block_and_thread_that_asked() -> None:
    import threading

    cache.count(True)  # no block open: counted nowhere
    seen: list[tuple[int, int]] = []
    with cache.counting() as outer:
        cache.count(True)

        def other_thread() -> None:  # a thread starts with an empty context: its own counts
            with cache.counting() as inner:
                cache.count(False)
            seen.append((inner.hits, inner.misses))

        worker = threading.Thread(target=other_thread)
        worker.start()
        worker.join()
        cache.count(False)
    assert (outer.hits, outer.misses) == (1, 1)
    assert seen == [(0, 1)]


def test_an_author_substitute_read_from_the_cache_keeps_its_label() -> None:
    # An entry's names output travels in the cached row: the warm run's "---, editors." is
    # citeproc-js's (test_document.py), not the whole names output replaced.
    from archcite.styles.markup import to_plain
    from tests.styles.test_document import BEKES_EDITED_ENTRIES, bekes_edited_items

    items = bekes_edited_items()
    style = "journal-of-emerging-investigators"
    cold, _, cold_misses = engine_render(items, style)
    warm, warm_hits, warm_misses = engine_render(items, style)
    assert (warm_hits, warm_misses) == (cold_misses, 0)
    assert [to_plain(entry.bib) for entry in warm] == [to_plain(entry.bib) for entry in cold] == BEKES_EDITED_ENTRIES
