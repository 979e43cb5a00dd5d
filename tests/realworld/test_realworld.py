"""The real-world bibliographies (shared/realworld/files) as archcite reads them.

Every file reads without an internal error; each peer suite's records and fields are right at
least as often as the floors say, and pandoc 3 agrees on at least as many fields; every record of
a peer suite that is not fully right is listed by name in known_failures.txt (with why), and a
listed record that is now right fails the test until it is taken off the list and the floor
raised. ``python -m tests.realworld.runner -v`` prints every difference.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.realworld import runner

# Percent of records fully right and of fields right, per peer suite, and against pandoc 3 on
# the entries pandoc reads. Measured 6 December 2026 (pandoc 3: 7 December, again 8 December); raise them as
# readers improve. citation-js's fields share is measured with `custom` compared since issue 12
# (archcite keeps the fields citation-js drops, such as origlanguage, there), which took it from
# 93.5% to 93.1%.
FLOORS: dict[str, tuple[float, float]] = {
    "pandoc-suite": (94.6, 99.3),
    "citation-js": (56.8, 93.1),
    "zotero": (25.0, 84.0),
    "pandoc 3": (86.1, 97.4),
}
KNOWN_FAILURES = Path(__file__).with_name("known_failures.txt")
ZOTERO_TAG_DIFFERENCES = Path(__file__).with_name("zotero_tag_differences.txt")

pytestmark = pytest.mark.skipif(
    not runner.MANIFEST.is_file(),
    reason=f"the real-world files are not beside the repository ({runner.MANIFEST} is missing)",
)


@pytest.fixture(scope="module")
def entries() -> list[runner.FileEntry]:
    return runner.manifest()


@pytest.fixture(scope="module")
def suites(entries: list[runner.FileEntry]) -> dict[str, list[runner.RecordOutcome]]:
    return runner.suite_outcomes(entries)


def _known_failures() -> set[str]:
    lines = KNOWN_FAILURES.read_text(encoding="utf-8").splitlines()
    return {line.split("  #")[0].strip() for line in lines if line.strip() and not line.startswith("#")}


def test_every_file_reads_without_an_internal_error(entries: list[runner.FileEntry]) -> None:
    errors = {e.path: runner.read_with_archcite(e.path, e.format).internal_error for e in entries}
    assert {path: error for path, error in errors.items() if error} == {}
    assert len(entries) == 219


def test_every_suite_record_outside_the_known_failures_is_right(suites: dict[str, list[runner.RecordOutcome]]) -> None:
    known = _known_failures()
    wrong = [o for outcomes in suites.values() for o in outcomes if not o.right and o.name not in known]
    report = "\n".join(f"{o.name}: {list(o.differences)}" for o in wrong)
    assert not wrong, f"records read wrong that are not known failures:\n{report}"


def test_known_failures_are_still_wrong(suites: dict[str, list[runner.RecordOutcome]]) -> None:
    right = {o.name for outcomes in suites.values() for o in outcomes if o.right}
    fixed = sorted(_known_failures() & right)
    assert not fixed, f"these records read right now: take them off {KNOWN_FAILURES.name} and raise FLOORS: {fixed}"


def test_known_failures_name_suite_records(suites: dict[str, list[runner.RecordOutcome]]) -> None:
    assert _known_failures() <= {o.name for outcomes in suites.values() for o in outcomes}


@pytest.mark.parametrize("suite", runner.PEER_SUITES)
def test_suite_shares_never_fall_below_the_floors(suite: str, suites: dict[str, list[runner.RecordOutcome]]) -> None:
    records, fields = runner.shares(suites[suite])
    assert records >= FLOORS[suite][0], f"{suite}: {records:.2f}% of records fully right"
    assert fields >= FLOORS[suite][1], f"{suite}: {fields:.2f}% of fields right"


def test_fields_agree_with_pandoc_at_least_as_often_as_the_floor(pandoc_outcomes: list[runner.RecordOutcome]) -> None:
    records, fields = runner.shares(pandoc_outcomes)
    assert records >= FLOORS["pandoc 3"][0], f"{records:.2f}% of pandoc's records read alike"
    assert fields >= FLOORS["pandoc 3"][1], f"{fields:.2f}% of pandoc's fields read alike"


@pytest.fixture(scope="module")
def pandoc_outcomes(entries: list[runner.FileEntry]) -> list[runner.RecordOutcome]:
    pytest.importorskip("pypandoc", reason="pypandoc_binary is a test dependency")
    runner.read_all_with_pandoc(entries)
    return runner.pandoc_outcomes(entries)


def test_every_difference_from_pandoc_has_a_listed_cause(pandoc_outcomes: list[runner.RecordOutcome]) -> None:
    # The list is exactly the differences: an unlisted one is a new difference (a reader's error
    # until a cause is found), a listed one that is gone must leave the list.
    differences = set(runner.pandoc_differences(pandoc_outcomes))
    listed = set(runner.pandoc_difference_causes())
    hint = "python -m tests.realworld.runner --causes prints them with their values"
    assert sorted(differences - listed) == [], (
        f"differences from pandoc 3 not in {runner.PANDOC_DIFFERENCES.name} ({hint})"
    )
    assert sorted(listed - differences) == [], f"listed in {runner.PANDOC_DIFFERENCES.name}, no longer differing"


def test_every_cause_is_documented() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "mapping-differences.md").read_text(encoding="utf-8")
    undocumented = sorted({c for c in runner.pandoc_difference_causes().values() if f"`{c}`" not in doc})
    assert undocumented == []


def test_no_citation_js_record_differs_from_both_peers(
    entries: list[runner.FileEntry], suites: dict[str, list[runner.RecordOutcome]]
) -> None:
    # Where citation-js and pandoc disagree archcite keeps pandoc's reading (mapping-differences.md);
    # a record read otherwise than both is a reader's error.
    pytest.importorskip("pypandoc", reason="pypandoc_binary is a test dependency")
    _, neither = runner.split_by_pandoc(entries, suites["citation-js"])
    assert neither == []


def _listed(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {
        line.partition("  # ")[0].strip(): line.partition("  # ")[2].strip()
        for line in lines
        if line.strip() and not line.startswith("#")
    }


def test_every_field_read_from_another_tag_than_zoteros_is_listed(entries: list[runner.FileEntry]) -> None:
    # Zotero's RIS cases name each tag's meaning in its value: a field read from another tag than
    # Zotero reads it from is a mapping difference, listed with its reason, or a reader's error.
    compared, differences = runner.source_tag_differences(entries)
    found = {f"{d.name} {d.variable}" for d in differences}
    listed = _listed(ZOTERO_TAG_DIFFERENCES)
    assert compared >= 574
    assert sorted(found - set(listed)) == [], f"not in {ZOTERO_TAG_DIFFERENCES.name}"
    assert sorted(set(listed) - found) == [], f"listed in {ZOTERO_TAG_DIFFERENCES.name}, no longer differing"


def test_every_zotero_tag_difference_reason_is_documented() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "mapping-differences.md").read_text(encoding="utf-8")
    assert sorted({r for r in _listed(ZOTERO_TAG_DIFFERENCES).values() if f"`{r}`" not in doc}) == []
