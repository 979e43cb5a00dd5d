"""Runs the CSL test suite's human-readable fixtures through archcite's engine.

Each fixture (``processor-tests/humans/*.txt``) has sections MODE, RESULT, CSL, INPUT and
optionally CITATION-ITEMS or CITATIONS. The rendering follows the citeproc-js test harness: with
CITATION-ITEMS every citation is rendered in order with positions only as the items state them;
with CITATIONS the document is built call by call and the last state is printed as
``..[i] text`` (unchanged by the last call) or ``>>[i] text`` (new or changed); without either, all
items are cited in one citation. Bibliography mode prints the citeproc-js HTML bibliography.

Run ``python -m tests.csl_suite.runner [PATTERN]`` for a report of every failure.
"""

from __future__ import annotations

import json
import multiprocessing
import re
import signal
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def _find_suite() -> Path:
    # The repository's parent folder holds shared/ (in a git worktree, a folder further up).
    repository = Path(__file__).resolve().parents[2]
    for folder in [repository.parent, *repository.parent.parents]:
        candidate = folder / "shared" / "csl-test-suite"
        if candidate.is_dir():
            return candidate
    return repository.parent / "shared" / "csl-test-suite"


SUITE = _find_suite()
# Why the suite's tests are skipped without it, and how to get it.
MISSING = (
    f"the CSL test suite is not at {SUITE}: to run these tests, "
    f"`git clone https://github.com/citation-style-language/test-suite {SUITE}` "
    "(CI uses commit 13724f99a9b253e4a363f72e55b90cf8889e92b8)"
)
FIXTURES = SUITE / "processor-tests" / "humans"
TIMEOUT_SECONDS = 60
# What the citeproc-js harness prints for a citation that renders nothing.
NO_PRINTED_FORM = "[CSL STYLE ERROR: reference with no printed form.]"

_OPEN = re.compile(r"^>>=+ *([A-Z-]+) *=+(?:>>)?\s*$")
_CLOSE = re.compile(r"^<<=+ *([A-Z-]+) *=+(?:<<)?\s*$")


def parse_fixture(text: str) -> dict[str, str]:
    sections: dict[str, str] = {}
    name: str | None = None
    lines: list[str] = []
    for line in text.splitlines():
        if name is None:
            opened = _OPEN.match(line)
            if opened:
                name, lines = opened.group(1), []
        elif _CLOSE.match(line) and _CLOSE.match(line).group(1) == name:  # type: ignore[union-attr]
            sections[name] = "\n".join(lines)
            name = None
        else:
            lines.append(line)
    return sections


@dataclass(frozen=True)
class Outcome:
    name: str
    passed: bool
    expected: str
    actual: str


def _markup_to_suite_html(markup: str) -> str:
    """archcite markup -> the citeproc-js HTML the fixtures expect: archcite's HTML with
    citeproc-js's numeric entities and its (non-CSS) baseline span."""
    from archcite.styles.markup import to_html

    text = to_html(markup).replace('style="vertical-align:baseline;"', 'style="baseline"')
    return text.replace("&amp;", "&#38;").replace("&lt;", "&#60;").replace("&gt;", "&#62;")


def _cite(data: dict[str, Any]) -> Any:
    from archcite.styles.csl.document import Cite
    from archcite.styles.csl.render_state import Position
    from archcite.styles.types import Locator

    locator = None
    if data.get("locator") not in (None, ""):
        locator = Locator(str(data.get("label") or "page"), str(data["locator"]))
    position = Position(int(data["position"])) if "position" in data else None
    near = data.get("near-note")
    return Cite(
        id=str(data["id"]),
        locator=locator,
        prefix=str(data.get("prefix") or ""),
        suffix=str(data.get("suffix") or ""),
        position=position,
        near_note=bool(near) if near is not None else None,
    )


def _fix_input(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    fixed = []
    for index, item in enumerate(items):
        item = dict(item)
        item.setdefault("id", str(index))
        item["id"] = str(item["id"])
        # An item without a type stays without one, as in citeproc-js's harness: it matches no
        # `type` test (a "book" default hid the month of bugreports_MatchedAuthorAndDate).
        fixed.append(item)
    return fixed


def render_fixture(sections: dict[str, str]) -> str:
    from archcite.styles.csl.document import CitationInput, render_document

    mode = sections["MODE"].strip()
    csl = sections["CSL"].strip().encode("utf-8")
    items = _fix_input(json.loads(sections["INPUT"]))
    # The harness keeps the items by id: an id given twice is one item (the later) cited once.
    ids = list(dict.fromkeys(item["id"] for item in items))

    if "CITATIONS" in sections:
        calls = json.loads(sections["CITATIONS"])
        by_id: dict[str, Any] = {}
        order: list[str] = []
        previous: dict[str, str | None] = {}
        current: dict[str, str | None] = {}
        previous_notes: dict[str, int | None] = {}
        current_notes: dict[str, int | None] = {}
        for call in calls:
            citation, pre, post = call[0], call[1], call[2]
            citation_id = str(citation.get("citationID") or f"CITATION-{len(by_id)}")
            by_id[citation_id] = citation
            order = [str(c[0]) for c in pre] + [citation_id] + [str(c[0]) for c in post]
            notes = {str(c[0]): c[1] for c in [*pre, *post]}
            inputs = [
                CitationInput(
                    [_cite(c) for c in by_id[cid]["citationItems"]],
                    note_index=int(notes.get(cid, (by_id[cid].get("properties") or {}).get("noteIndex") or 0)),
                )
                for cid in order
            ]
            cited = list(dict.fromkeys(c.id for ci in inputs for c in ci.cites))
            document = render_document(items, csl, inputs, bibliography_ids=cited)
            previous, previous_notes = current, current_notes
            current = dict(zip(order, document.citations, strict=True))
            current_notes = {cid: ci.note_index for cid, ci in zip(order, inputs, strict=True)}
        if mode != "citation":
            return _bibliography(document.bibliography)
        # citeproc-js re-renders the citations of items disambiguated together with an item of the
        # last call, unless year suffixes alone settled them.
        submitted = {str(c["id"]) for c in calls[-1][0]["citationItems"]}
        redisambiguated = {
            i
            for group in document.ambiguous
            if submitted & set(group) and document.expanded & set(group)
            for i in group
        }
        # Moving to another note re-renders a citation only where note or citation numbers can show.
        note_sensitive = any(word in csl for word in (b"first-reference-note-number", b"near-note", b"citation-number"))
        lines = []
        for index, cid in enumerate(order):
            changed = (
                cid == citation_id  # the citation the last call (re)submitted
                or bool(redisambiguated & {c.id for c in inputs[index].cites})
                or cid not in previous
                or previous[cid] != current[cid]
                or (note_sensitive and previous_notes.get(cid) != current_notes.get(cid))
            )
            marker = ">>" if changed else ".."
            lines.append(f"{marker}[{index}] {_markup_to_suite_html(current[cid] or '')}")
        return "\n".join(lines)

    if "CITATION-ITEMS" in sections:
        raw = json.loads(sections["CITATION-ITEMS"])
        inputs = [CitationInput([_cite(c) for c in citation]) for citation in raw]
        listed: Sequence[str] = list(dict.fromkeys(c.id for ci in inputs for c in ci.cites))
        if mode == "citation":
            listed = ids
    else:
        # citeproc-js's harness cites the items of its registry's list, in the bibliography's order
        # (bugreports_ChicagoAuthorDateLooping: "(Anon.; Anon.; Manstein 1982)").
        order = ids
        if mode == "citation" and b"<bibliography" in csl:
            sorted_ids = [entry.id for entry in render_document(items, csl, [], bibliography_ids=ids).bibliography]
            order = sorted_ids + [i for i in ids if i not in set(sorted_ids)]
        inputs = [CitationInput([_cite({"id": i}) for i in order])]
        listed = ids
    # The harness renders each CITATION-ITEMS entry on its own, without position tracking.
    document = render_document(items, csl, inputs, bibliography_ids=listed)
    if mode == "citation":
        return "\n".join(_markup_to_suite_html(text) if text else NO_PRINTED_FORM for text in document.citations)
    return _bibliography(document.bibliography)


def _bibliography(entries: Iterable[Any]) -> str:
    """The entries as citeproc-js's HTML bibliography (what the harness prints)."""
    body = "".join(f'  <div class="csl-entry">{_markup_to_suite_html(e.display or e.text)}</div>\n' for e in entries)
    return f'<div class="csl-bib-body">\n{body}</div>'


class _Timeout(Exception):
    pass


def _on_alarm(_signum: int, _frame: Any) -> None:
    raise _Timeout


def run_one(path: Path) -> Outcome:
    name = path.stem
    sections = parse_fixture(path.read_text(encoding="utf-8-sig"))
    expected = sections.get("RESULT", "").strip()
    signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(TIMEOUT_SECONDS)
    try:
        actual = render_fixture(sections).strip()
    except _Timeout:
        actual = f"TIMEOUT after {TIMEOUT_SECONDS} s"
    except Exception as error:  # a crashing fixture is a failing fixture
        actual = f"EXCEPTION {type(error).__name__}: {error}"
    finally:
        signal.alarm(0)
    return Outcome(name, actual == expected, expected, actual)


def fixture_paths(pattern: str = "*") -> list[Path]:
    return sorted(FIXTURES.glob(f"{pattern}.txt"))


def run_suite(paths: Sequence[Path], processes: int = 2) -> list[Outcome]:
    if processes <= 1:
        return [run_one(path) for path in paths]
    context = multiprocessing.get_context("fork")
    with context.Pool(processes) as pool:
        return sorted(pool.map(run_one, paths, chunksize=2), key=lambda outcome: outcome.name)


def main(argv: Sequence[str]) -> int:
    argv = [arg for arg in argv if not arg.startswith("--")] + [arg for arg in argv if arg.startswith("--")]
    pattern = argv[0] if argv and not argv[0].startswith("--") else "*"
    started = time.perf_counter()
    outcomes = run_suite(fixture_paths(pattern))
    elapsed = time.perf_counter() - started
    for outcome in outcomes:
        if not outcome.passed and pattern != "*":
            print(f"FAIL {outcome.name}\n  expected: {outcome.expected!r}\n  actual:   {outcome.actual!r}")
    passed = sum(outcome.passed for outcome in outcomes)
    print(f"{passed} / {len(outcomes)} fixtures pass ({elapsed:.1f} s)")
    if "--write-failures" in argv:
        Path(__file__).with_name("known_failures.txt").write_text(
            "".join(f"{o.name}\n" for o in outcomes if not o.passed), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
