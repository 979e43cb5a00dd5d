"""Fixtures of the CSL test suite rendered twice with the render cache on: the second run answers
citeproc-py's calls from the cache, and both print what the fixture expects."""

from __future__ import annotations

import pytest

from archcite.styles.csl import cache
from tests.csl_suite import runner
from tests.csl_suite.test_csl_suite import _known_failures

# Positions, ibid, disambiguation, year suffixes, citation numbers, collapsing, sorting, the
# author substitute and second-field-align: the features whose inputs the call keys must hold.
PATTERNS = (
    "position_*",
    "disambiguate_*",
    "collapse_*",
    "bugreports_*",
    "sort_*",
    "number_*",
    "bibsection_*",
    "date_*",
    "name_Subsequent*",
    "affix_*",
)

pytestmark = pytest.mark.skipif(not runner.FIXTURES.is_dir(), reason=runner.MISSING)


def test_fixtures_rendered_cold_and_warm_pass_as_without_the_cache() -> None:
    known = _known_failures()
    paths = sorted({path for pattern in PATTERNS for path in runner.fixture_paths(pattern)})
    paths = [path for path in paths if path.stem not in known]
    assert len(paths) > 150
    with cache.chosen(True):  # as the CLI asks (the library's default is no cache)
        with cache.counting() as cold_stats:
            cold = runner.run_suite(paths, processes=1)
        with cache.counting() as warm_stats:
            warm = runner.run_suite(paths, processes=1)
    assert cold_stats.misses > 0
    assert warm_stats.hits > 0  # the warm run did use the cache
    failing = [(o.name, o.expected, o.actual) for o in cold + warm if not o.passed]
    assert not failing
