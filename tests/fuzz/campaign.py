"""A long fuzzing campaign: the fuzz tests' targets, and valid random records through every style
and writer, for as long as it is given. Not part of the test suite.

    python -m tests.fuzz.campaign --minutes 60 --report fuzz-report.txt

Each target runs in rounds of hypothesis examples with fresh random seeds until the time is up.
Every failure is written to the report with its (shrunk) input, to become a regression test.
The last line of the report counts the inputs run, per target and in all.
"""

from __future__ import annotations

import argparse
import time
import traceback
import warnings
from collections import Counter
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLE
from tests.fuzz import strategies, targets

ROUND = 100


def _targets() -> dict[str, tuple[Any, Callable[..., None]]]:
    from archcite.records.registry import all_formats
    from archcite.records.validate import build_records
    from archcite.styles import render
    from tests.fuzz.test_valid_records import STYLES

    def valid_records(items: list[dict[str, Any]], style: str) -> None:
        records, _ = build_records((item, None) for item in items)
        render(records, style, cache=False)
        for fmt in all_formats():
            for dump in (fmt.dump, fmt.dump_ascii):
                if dump is not None:
                    text = dump(records).text
                    if fmt.load is not None:
                        build_records(fmt.load(text, "written").items)

    found: dict[str, tuple[Any, Callable[..., None]]] = {
        "valid-records": (
            st.tuples(strategies.valid_items(), st.sampled_from(STYLES)),
            lambda pair: valid_records(*pair),
        ),
        "style-files": (strategies.csl_text, targets.render_with_style),
        "mutated-samples": (strategies.mutated_sample(), targets.mutated_file),
        "date-text": (strategies.date_text, targets.read_date_text),
        "pandoc-filter": (strategies.pandoc_document(str(EXAMPLE)), targets.run_pandoc_filter),
        "import-one-by-one": (st.lists(strategies.mutated_sample(), min_size=2, max_size=4), targets.import_one_by_one),
    }
    for name, suffix in targets.LOADERS:
        found[f"load-{name}"] = (
            strategies.hostile_text,
            lambda text, n=name, s=suffix: targets.load_as_file(text, n, s),
        )
    for args in (["cite", "-"], *(["export", "-", "--to", fmt] for fmt in targets.WRITERS)):
        found["cli-" + "-".join(args[:1] + args[3:])] = (
            strategies.hostile_text,
            lambda text, a=args: targets.assert_cli_handles(a, text),
        )
    return found


def _round(name: str, strategy: Any, target: Callable[..., None], counts: Counter[str]) -> Callable[[], None]:
    """One round of examples of ``target``, counted; hypothesis shrinks any failure it finds."""

    @settings(max_examples=ROUND, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(value=strategy)
    def one_round(value: Any) -> None:
        counts[name] += 1
        target(value)

    return one_round


def run(minutes: float, report_path: str) -> None:
    end = time.monotonic() + minutes * 60
    counts: Counter[str] = Counter()
    failures: list[str] = []
    all_targets = _targets()
    with open(report_path, "w", encoding="utf-8") as report:
        while time.monotonic() < end:
            for name, (strategy, target) in all_targets.items():
                if time.monotonic() >= end:
                    break

                one_round = _round(name, strategy, target, counts)
                try:
                    one_round()
                except Exception:  # a crash: recorded with its shrunk input, and the campaign goes on
                    failure = f"=== {name}\n{traceback.format_exc()}\n"
                    failures.append(failure)
                    report.write(failure)
                    report.flush()
            report.write(f"# {sum(counts.values())} inputs so far: {dict(counts)}\n")
            report.flush()
        report.write(
            f"TOTAL {sum(counts.values())} inputs in {minutes:g} minutes, {len(failures)} failure(s): {dict(counts)}\n"
        )
    print(f"{sum(counts.values())} inputs, {len(failures)} failure(s); see {report_path}")


def main() -> None:
    import os

    # The command line's render cache stays out of the user's cache folder.
    os.environ.setdefault("ARCHCITE_NO_CACHE", "1")
    # A library's warning reaching the user is a failure, wherever it is raised (as under pytest).
    warnings.simplefilter("error", UserWarning)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60.0)
    parser.add_argument("--report", default="fuzz-report.txt")
    arguments = parser.parse_args()
    run(arguments.minutes, arguments.report)


if __name__ == "__main__":
    main()
