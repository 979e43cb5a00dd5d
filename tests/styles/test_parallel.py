"""Rendering on several processes prints the same bytes as rendering in one (styles/parallel.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from archcite.errors import ArchciteError
from archcite.styles.csl import parallel
from archcite.styles.csl.engine import render_items
from archcite.styles.names import resolve_style
from archcite.styles.types import Locator

CORPUS = Path(__file__).resolve().parents[1] / "data" / "reference" / "corpus.json"


@pytest.fixture(autouse=True)
def as_the_cli_asks() -> Any:
    """These tests are about sharing renders out, which the library does only when asked: they
    ask as the CLI does (as many processes as useful, or ARCHCITE_JOBS)."""
    with parallel.chosen(None):
        yield


STYLES = ("chicago-notes-bibliography", "chicago-author-date", "modern-language-association")


@pytest.fixture
def forced_parallel(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Two processes for any document of two renders or more, the render cache off (it would
    answer the second run); yields the sizes of the pools run."""
    monkeypatch.setattr(parallel, "MIN_TASKS", 1)
    monkeypatch.setenv("ARCHCITE_JOBS", "2")
    monkeypatch.setenv("ARCHCITE_NO_CACHE", "1")
    pools: list[int] = []
    original = parallel._Pool.run

    def run(self: Any) -> list[Any]:
        pools.append(self.count)
        return original(self)

    monkeypatch.setattr(parallel._Pool, "run", run)
    return pools


def _no_children_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@pytest.mark.parametrize("locator", [None, "23"])
@pytest.mark.parametrize("style", STYLES)
def test_reference_corpus_renders_the_same_on_two_processes(
    style: str, locator: str | None, forced_parallel: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    items = json.loads(CORPUS.read_text(encoding="utf-8"))
    path = resolve_style(style).path or ""
    located = Locator("page", locator) if locator else None
    monkeypatch.setenv("ARCHCITE_JOBS", "1")
    serial = render_items(items, path, locator=located)
    assert not forced_parallel
    monkeypatch.setenv("ARCHCITE_JOBS", "2")
    steps: list[int] = []
    shared = render_items(items, path, locator=located, progress=steps.append)
    # Citations and entries, and the disambiguation probes when the style disambiguates.
    assert 3 * len(items) in forced_parallel
    assert shared == serial
    assert sum(steps) == 3 * len(items)
    assert _no_children_left()


def test_renders_shared_among_processes_are_cached_by_this_one(
    forced_parallel: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Workers never write to the cache: what they render comes back here and is stored, so the
    # next run of the same document reads every citation, entry and probe and forks no worker.
    from archcite.styles.csl import cache

    items = json.loads(CORPUS.read_text(encoding="utf-8"))
    path = resolve_style("chicago").path or ""
    with cache.chosen(True):
        first = render_items(items, path)
        assert 3 * len(items) in forced_parallel
        forced_parallel.clear()
        assert render_items(items, path) == first
    assert forced_parallel == []


def test_the_cli_prints_the_same_bytes_on_two_processes(
    forced_parallel: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from archcite.cli.app import cli

    args = ["cite", str(CORPUS), "--style", "chicago", "--form", "all", "--format", "plain", "--skip-invalid"]
    monkeypatch.setenv("ARCHCITE_JOBS", "1")
    serial = CliRunner().invoke(cli, args, catch_exceptions=False)
    monkeypatch.setenv("ARCHCITE_JOBS", "2")
    shared = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert serial.exit_code == shared.exit_code == 0
    assert forced_parallel
    assert shared.stdout == serial.stdout


def test_results_come_back_in_order_with_progress() -> None:
    steps: list[int] = []
    results = parallel.render_all(1000, lambda n: (n, os.getpid()), jobs=3, progress=steps.append)
    assert [n for n, _ in results] == list(range(1000))
    # Each worker renders at least its first chunk (this process may find the queue emptied).
    assert len({pid for _, pid in results} - {os.getpid()}) == 2
    assert sum(steps) == 1000
    assert _no_children_left()


def test_workers_leave_the_permanent_generation_as_the_caller_had_it() -> None:
    import gc

    assert gc.get_freeze_count() == 0
    parallel.render_all(100, lambda n: n, jobs=2)
    assert gc.get_freeze_count() == 0  # thawed: a long-lived program renders again and again
    gc.freeze()  # as the command line freezes its start-up
    try:
        parallel.render_all(100, lambda n: n, jobs=2)
        assert gc.get_freeze_count() > 0  # not thawed behind the caller's back
    finally:
        gc.unfreeze()


def test_one_job_renders_here() -> None:
    assert parallel.render_all(5, lambda n: os.getpid(), jobs=1) == [os.getpid()] * 5


def test_a_render_that_raises_in_a_worker_raises_here_as_in_one_process() -> None:
    parent = os.getpid()

    def render(n: int) -> int:
        if n == 500:
            raise ValueError(f"cannot render {n} in {'the parent' if os.getpid() == parent else 'a worker'}")
        return n

    # Whichever process took the failing chunk, the error is the one the parent raises itself.
    with pytest.raises(ValueError, match="cannot render 500 in the parent"):
        parallel.render_all(1000, render, jobs=2)
    assert _no_children_left()


def test_a_worker_that_dies_is_a_clear_error() -> None:
    parent = os.getpid()

    def render(n: int) -> int:
        if os.getpid() != parent:
            os._exit(3)
        return n

    with pytest.raises(ArchciteError, match=r"rendering process stopped unexpectedly \(exit status 3\)"):
        # The parent renders slowly enough that the worker takes a chunk.
        parallel.render_all(200, lambda n: render(n) if n else _sleep(0.2), jobs=2)
    assert _no_children_left()


def _sleep(seconds: float) -> int:
    import time

    time.sleep(seconds)
    return 0


def test_ctrl_c_stops_both_processes(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import os, signal, sys, time
        from archcite.styles.csl import parallel

        parent = os.getpid()
        done_here = []

        def render(n):
            time.sleep(0.005)
            if os.getpid() == parent:
                done_here.append(n)
            if len(done_here) == 20:
                os.killpg(os.getpgrp(), signal.SIGINT)  # what a terminal's Ctrl-C does
                time.sleep(1)
            return n

        try:
            parallel.render_all(400, render, jobs=2)
        except KeyboardInterrupt:
            try:
                os.waitpid(-1, os.WNOHANG)
                print("a worker is left")
            except ChildProcessError:
                print("no worker left")
            sys.exit(130)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, start_new_session=True
    )
    assert done.returncode == 130, done.stderr
    assert done.stdout == "no worker left\n"
    assert done.stderr == ""


def test_job_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARCHCITE_JOBS", raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1, 2})
    monkeypatch.setattr(os, "getloadavg", lambda: (0.7, 0.5, 0.5))
    assert parallel.job_count(1) == 1
    assert parallel.job_count(parallel.MIN_TASKS - 1) == 1
    assert parallel.job_count(10_000) == 3
    # Every CPU also on a busy machine (two processes are still faster there).
    monkeypatch.setattr(os, "getloadavg", lambda: (4.5, 0.5, 0.5))
    assert parallel.job_count(10_000) == 3
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(16)))
    assert parallel.job_count(10_000) == 4  # at most four without ARCHCITE_JOBS
    monkeypatch.setenv("ARCHCITE_JOBS", "1")
    assert parallel.job_count(10_000) == 1
    monkeypatch.setenv("ARCHCITE_JOBS", "3")  # whatever the load
    assert parallel.job_count(10_000) == 3
    assert parallel.job_count(parallel.MIN_TASKS - 1) == 1
    monkeypatch.setenv("ARCHCITE_JOBS", "two")
    with pytest.raises(ArchciteError, match="ARCHCITE_JOBS must be a whole number"):
        parallel.job_count(10_000)


def test_a_date_s_own_date_parts_stay_with_that_date_in_several_processes(
    forced_parallel: list[int], render_csl: Any
) -> None:
    # citeproc-py left the cites' short month on the locale's date for the bibliography to read
    # (fixes/dates.py); the expected strings are citeproc-js 2.4.63's for the same style.
    items = [
        {"id": f"i{n}", "type": "book", "title": f"T{n}", "issued": {"date-parts": [[2000, 1 + n % 12]]}}
        for n in range(6)
    ]
    rendered = render_csl(
        items,
        cite='<date variable="issued" form="text"><date-part name="month" form="short"/></date>',
        bib='<date variable="issued" form="text"/>',
    )
    assert forced_parallel
    assert [(entry.cite, entry.bib) for entry in rendered[:2]] == [
        ("Jan. 2000", "January 2000"),
        ("Feb. 2000", "February 2000"),
    ]


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")  # a zombie has stopped; only its parent's reaping is left


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_worker_stops_when_the_main_process_is_killed(tmp_path: Path) -> None:
    pids = tmp_path / "worker.pid"
    script = textwrap.dedent(
        f"""
        import os, signal, time
        from archcite.styles.csl import parallel

        parent = os.getpid()

        def render(n):
            time.sleep(0.002)
            if os.getpid() != parent:
                with open({str(pids)!r}, "w") as handle:
                    handle.write(str(os.getpid()))
            elif n >= 16:
                os.kill(parent, signal.SIGKILL)
            return n

        parallel.render_all(100_000, render, jobs=2)  # 200 s of work for the worker alone
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert done.returncode == -9
    worker = int(pids.read_text())
    # Its next result finds no reader (the pipe's read end died with the main process).
    for _ in range(600):
        if not _running(worker):
            break
        time.sleep(0.1)
    assert not _running(worker)


def test_the_library_forks_no_process_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_TASKS", 1)
    monkeypatch.setenv("ARCHCITE_JOBS", "2")
    with parallel.chosen(1):
        assert parallel.job_count(1000) == 1
    with parallel.chosen(2):
        assert parallel.job_count(1000) == 2


def test_an_author_substitute_rendered_by_workers_keeps_its_label(forced_parallel: list[int]) -> None:
    # Workers return each entry's names output with it: the substitute is citeproc-js's
    # "---, editors." (test_document.py) as in one process.
    from archcite.styles.markup import to_plain
    from tests.styles.test_document import BEKES_EDITED_ENTRIES, bekes_edited_items

    rendered = render_items(bekes_edited_items(), resolve_style("journal-of-emerging-investigators").path or "")
    assert forced_parallel
    assert [to_plain(entry.bib or "") for entry in rendered] == BEKES_EDITED_ENTRIES
