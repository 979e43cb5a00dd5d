"""Rendering many independent pieces of a document on several processes.

``document.render_document`` settles everything global first (cite positions, disambiguation,
the sorted bibliography). After that each citation and each bibliography entry renders from that
settled state alone (as do, earlier, each item's sort keys and its render to judge ambiguity), so
those renders can be shared out: the process forks workers that
inherit the prepared style and state (nothing is pickled but the results, which are strings), and
every process takes chunks of the work from a common queue until it is empty. The results are put
back in document order, so the output is the same bytes as rendering in one process.

Only when the caller asks (:func:`chosen`, ``styles.render(jobs=...)``; the CLI asks, the library
by default does not), on systems with ``fork``, with at least :data:`MIN_TASKS` renders. Asked
for "as many as useful" (``jobs=None``), it uses every CPU it may run on, at most
:data:`_DEFAULT_MAX_JOBS`, whatever the load; ``ARCHCITE_JOBS=1`` turns it off and
``ARCHCITE_JOBS=N`` asks for N processes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from archcite.errors import ArchciteError

R = TypeVar("R")

MIN_TASKS = 300
"""Fewer renders than this stay in one process: a fork costs more than it saves for one record."""

_DEFAULT_MAX_JOBS = 4
"""Without ARCHCITE_JOBS: one process per CPU, at most this many (each holds a copy-on-write
image of the parent, so more processes cost memory for a gain that shrinks)."""

_MAX_TICKETS = 1024
"""Chunks handed out at most; 4 bytes each, so the queue fits a pipe even at its minimum size."""

_CHUNK = 8
_INTERRUPTED = 130


# The caller's choice of processes: N, or None for as many as useful. One unless the caller asks.
_JOBS: ContextVar[int | None] = ContextVar("archcite_jobs", default=1)


@contextmanager
def chosen(jobs: int | None) -> Iterator[None]:
    """Within this block, renders are shared among ``jobs`` processes (None: as many as useful,
    or ``ARCHCITE_JOBS``)."""
    token = _JOBS.set(jobs)
    try:
        yield
    finally:
        _JOBS.reset(token)


def job_count(tasks: int) -> int:
    """How many processes should share ``tasks`` renders (1: render in this process)."""
    requested: int | None = _JOBS.get()
    if requested is not None and requested <= 1:
        return 1
    setting = os.environ.get("ARCHCITE_JOBS", "").strip() if requested is None else ""
    if setting:
        try:
            requested = int(setting)
        except ValueError:
            raise ArchciteError(
                f"ARCHCITE_JOBS must be a whole number, not {setting!r}",
                hint="ARCHCITE_JOBS=1 renders in one process",
            ) from None
    if tasks < max(MIN_TASKS, 2) or not hasattr(os, "fork") or (requested is not None and requested <= 1):
        return 1
    if requested is None:
        # Every CPU, also on a busy machine: on 2 cores two processes rendered 1,000 records
        # 1.68x faster than one when the machine was idle and 1.2x to 1.3x faster under a load
        # average of 12 to 16, for about a tenth more CPU time (benchmarks/README.md). A choice
        # by the load average also counted the run that had just ended, and so kept one.
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        requested = min(cpus, _DEFAULT_MAX_JOBS)
    return max(1, min(requested, tasks))


def render_all(
    count: int,
    render: Callable[[int], R],
    *,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
) -> list[R]:
    """``[render(0), ..., render(count - 1)]``, on ``jobs`` processes when ``jobs`` > 1.

    ``render`` must depend only on the state prepared before the call (each process renders its
    share from a copy of it). A worker whose render raises hands its chunk back, and this process
    renders it (raising the same error a single process would); a worker that dies without
    answering is an :class:`ArchciteError`. ``progress(n)`` hears of every n renders done.
    """
    if jobs <= 1 or count < 2:
        results = []
        for index in range(count):
            results.append(render(index))
            if progress is not None:
                progress(1)
        return results
    return _Pool(count, render, jobs, progress).run()


@contextmanager
def shared_sort_keys(jobs_for: Callable[[int], int]) -> Iterator[None]:
    """While the block runs, each ``cs:key``'s sort keys of n items are computed on
    ``jobs_for(n)`` processes (``Key.sort_keys`` item by item, which is what it does for a list
    of items). Sorting itself stays here, over all the keys."""
    from archcite.styles.csl import sort_hooks

    def sort_keys(element: Any, items: Any, context: Any, batch: sort_hooks.SortKeys) -> list[Any]:
        items = list(items)
        jobs = jobs_for(len(items))
        if jobs <= 1:
            return list(batch(element, items, context))
        return render_all(len(items), lambda index: batch(element, [items[index]], context)[0], jobs=jobs)

    with sort_hooks.hooked(sort_keys):
        yield


_MISSING: Any = object()


class _Pool:
    def __init__(self, count: int, render: Callable[[int], Any], jobs: int, progress: Callable[[int], None] | None):
        self.count = count
        self.render = render
        self.jobs = jobs
        self.progress = progress
        # Small chunks for small documents, so that every process gets some; at most
        # _MAX_TICKETS of them for large ones.
        self.chunk = max(1, min(_CHUNK, count // (4 * jobs)), -(-count // _MAX_TICKETS))
        self.results: list[Any] = [_MISSING] * count
        self.workers: dict[int, Any] = {}  # pid -> the connection its results come on

    def run(self) -> list[Any]:
        import struct

        tickets_read, tickets_write = os.pipe()
        try:
            starts = list(range(0, self.count, self.chunk))
            # Each worker starts on a chunk of its own from the end (so that it renders some even
            # if this process empties the queue before the worker is running), then takes chunks
            # from the queue, like this process. Every chunk is queued before any process starts;
            # each process reads 4 bytes per chunk, and a pipe read is atomic, so every chunk is
            # taken exactly once.
            workers = min(self.jobs, len(starts)) - 1
            own = starts[len(starts) - workers :] if workers else []
            queued = starts[: len(starts) - workers]
            os.write(tickets_write, b"".join(struct.pack("=I", start) for start in queued))
            os.close(tickets_write)
            tickets_write = -1
            import gc

            # Objects that exist now are left out of the workers' garbage collections, which would
            # otherwise write to every page they inherited and so copy it (Python's gc docs).
            frozen_already = gc.get_freeze_count() > 0
            gc.freeze()
            try:
                for first in own:
                    self._start_worker(tickets_read, first)
            finally:
                # Thawed again for a caller that froze nothing (a long-lived program rendering one
                # document after another); thawing would also undo what a caller froze itself, as
                # the command line freezes its start-up (cli.resume_garbage_collection).
                if not frozen_already:
                    gc.unfreeze()
            while (start := _take(tickets_read)) is not None:
                self._render_chunk(start)
                self._collect(block=False)
            while self.workers:
                self._collect(block=True)
            # Chunks a worker could not render: rendered here, in order, so that an error is
            # raised as a single process raises it.
            for index, result in enumerate(self.results):
                if result is _MISSING:
                    self.results[index] = self.render(index)
                    if self.progress is not None:
                        self.progress(1)
            return self.results
        finally:
            if tickets_write >= 0:
                os.close(tickets_write)
            os.close(tickets_read)
            self._stop_workers()

    def _render_chunk(self, start: int) -> None:
        for index in range(start, min(start + self.chunk, self.count)):
            self.results[index] = self.render(index)
            if self.progress is not None:
                self.progress(1)

    def _start_worker(self, tickets: int, first: int) -> None:
        from multiprocessing.connection import Connection

        results_read, results_write = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the worker's coverage is not collected
            # The main process is the only reader of each worker's results: if it dies, the
            # worker's next send fails and the worker ends, instead of rendering on alone.
            os.close(results_read)
            for connection in self.workers.values():
                connection.close()
            _work(self, tickets, first, Connection(results_write, readable=False))
        os.close(results_write)
        self.workers[pid] = Connection(results_read, writable=False)

    def _collect(self, *, block: bool) -> None:
        from multiprocessing.connection import wait

        ready = wait(list(self.workers.values()), timeout=None if block else 0)
        for pid, connection in list(self.workers.items()):
            if connection not in ready:
                continue
            try:
                message = connection.recv()
            except EOFError:
                connection.close()
                del self.workers[pid]
                _, status = os.waitpid(pid, 0)
                if os.WIFEXITED(status) and os.WEXITSTATUS(status) == _INTERRUPTED:
                    raise KeyboardInterrupt from None  # Ctrl-C reached the worker first
                raise ArchciteError(
                    f"a rendering process stopped unexpectedly ({_describe(status)})",
                    hint="ARCHCITE_JOBS=1 renders in one process",
                ) from None
            if message[0] == "chunk":
                _, start, results = message
                self.results[start : start + len(results)] = results
                if self.progress is not None:
                    self.progress(len(results))
            else:  # "done", or "failed" after handing its chunk back
                connection.close()
                del self.workers[pid]
                os.waitpid(pid, 0)

    def _stop_workers(self) -> None:
        import contextlib
        import signal

        for pid, connection in self.workers.items():
            connection.close()
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        self.workers.clear()


def _take(tickets: int) -> int | None:
    import struct

    data = os.read(tickets, 4)
    return struct.unpack("=I", data)[0] if data else None


def _work(pool: _Pool, tickets: int, first: int, connection: Any) -> None:  # pragma: no cover - runs in the fork
    """The worker's whole life: render its first chunk, then chunks from the queue until it is
    empty, then exit without running the parent's exit handlers or flushing its buffered output
    a second time."""
    status = 1
    start: int | None = first
    try:
        while start is not None:
            try:
                results = [pool.render(index) for index in range(start, min(start + pool.chunk, pool.count))]
            except Exception:
                connection.send(("failed", start))
                return
            connection.send(("chunk", start, results))
            start = _take(tickets)
        connection.send(("done",))
        status = 0
    except KeyboardInterrupt:
        status = _INTERRUPTED
    except BaseException:
        status = 1
    finally:
        os._exit(status)


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        import signal

        number = os.WTERMSIG(status)
        try:
            return f"killed by {signal.Signals(number).name}"
        except ValueError:
            return f"killed by signal {number}"
    return f"exit status {os.waitstatus_to_exitcode(status)}"
