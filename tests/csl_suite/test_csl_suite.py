"""The CSL test suite (shared/csl-test-suite) through archcite's engine.

Every fixture not listed in known_failures.txt must pass, and the pass count may only rise: a
fixture that starts failing fails this test, and one that starts passing asks to be removed from
the list (and the floor raised).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.csl_suite import runner

# Stock citeproc-py 0.11.1 passes about 506 of these; raise this floor when fixtures start passing.
PASS_FLOOR = 830
KNOWN_FAILURES = Path(__file__).with_name("known_failures.txt")

pytestmark = pytest.mark.skipif(not runner.FIXTURES.is_dir(), reason=runner.MISSING)


@pytest.fixture(scope="module")
def outcomes() -> list[runner.Outcome]:
    # The engine itself, not the render cache (test_csl_suite_cached.py runs some with it).
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARCHCITE_NO_CACHE", "1")
        return runner.run_suite(runner.fixture_paths())


def _known_failures() -> set[str]:
    lines = KNOWN_FAILURES.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def test_every_fixture_outside_the_known_failures_passes(outcomes: list[runner.Outcome]) -> None:
    known = _known_failures()
    newly_failing = [o for o in outcomes if not o.passed and o.name not in known]
    report = "\n".join(f"{o.name}\n  expected: {o.expected!r}\n  actual:   {o.actual!r}" for o in newly_failing)
    assert not newly_failing, f"fixtures that used to pass now fail:\n{report}"


def test_known_failures_still_fail(outcomes: list[runner.Outcome]) -> None:
    passing = {o.name for o in outcomes if o.passed}
    fixed = sorted(_known_failures() & passing)
    assert not fixed, f"these fixtures pass now: remove them from {KNOWN_FAILURES.name} and raise PASS_FLOOR: {fixed}"


def test_known_failures_name_existing_fixtures(outcomes: list[runner.Outcome]) -> None:
    assert _known_failures() <= {o.name for o in outcomes}


def test_pass_count_never_falls_below_the_floor(outcomes: list[runner.Outcome]) -> None:
    passed = sum(o.passed for o in outcomes)
    assert passed >= PASS_FLOOR, f"{passed} fixtures pass, fewer than the floor of {PASS_FLOOR}"
    assert len(outcomes) == 845


def test_rendering_on_two_processes_changes_no_fixture(
    outcomes: list[runner.Outcome], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every fixture of two renders or more forced onto two processes (styles/parallel.py): each
    prints what it prints in one process, passing or not."""
    from archcite.styles.csl import parallel

    monkeypatch.setattr(parallel, "MIN_TASKS", 1)
    with parallel.chosen(2):
        shared = runner.run_suite(runner.fixture_paths())
    serial = {o.name: o.actual for o in outcomes}
    changed = [o.name for o in shared if serial[o.name] != o.actual]
    assert not changed, f"fixtures that print differently on two processes: {changed}"
