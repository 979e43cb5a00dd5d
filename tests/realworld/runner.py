"""Reads the real-world bibliographies (shared/realworld/files) with archcite and compares them.

Three measures, each over the files where they lie (never copied into the repository):

- every file is read without an internal error (a clean refusal -- an ``ArchciteError`` with a
  message -- is a reading, an exception of any other kind is not);
- for each peer suite (pandoc's, citation-js's and Zotero's test cases) the share of records fully
  right and of fields right against the suite's expected CSL-JSON;
- for every file pandoc 3 reads, the share of the fields of pandoc's entries that archcite reads
  the same;
- for Zotero's RIS cases, the fields archcite reads from another tag than Zotero reads them from
  (in cases 3 and 5 every tag holds its own label, so a value names its tag): which tag fills
  which field, whatever Zotero then makes of a label-valued date.

Normalisation (the same for the suites and for pandoc), so that only what a citation shows counts:

- ``citation-key`` is dropped where it equals ``id`` (archcite's id is the citation key);
- numbers and strings compare as text (``5`` and ``"5"``), and a page range's hyphen and en dash
  compare equal (every CSL processor formats the range itself);
- ``<span class="nocase">`` is dropped (pandoc's CSL-JSON writer drops it; it matters only to a
  title-case transform), and CSL 1.0.1's ``event`` is CSL 1.0.2's ``event-title``;
- a DOI compares without a written prefix (``doi:``, ``https://doi.org/``): archcite reads the
  bare DOI, as CSL's DOI variable is, pandoc keeps the prefix (which a style then prints twice);
- a ``language`` compares as the BCP 47 tag it names (``Dutch`` as ``nl-NL``, ``eng`` as ``en``):
  archcite reads the tag, as CSL's language is, citation-js and pandoc keep what the file writes;
- a run of spaces compares as one space (TeX, which pandoc reads, makes it one; archcite keeps the
  spaces a value has, so that its own exports read back exactly);
- an apostrophe and a curly single quote compare equal: archcite's engine prints ``'`` as ``’``
  (as citeproc-js does), so the two print alike;
- pandoc makes ``title-short`` from a title with a colon (the part before it) where the file has no
  short title; archcite reads the fields a file has and makes none, so such a ``title-short`` is
  not compared (a short title the file states is);
- a date compares by its ``date-parts`` (numbers as numbers), ``circa``, ``season`` and
  ``literal``, a season written as a month (21-24, as pandoc writes it; 13-16) as that season; a
  date with none of these (pandoc's ``{"date-parts": []}`` for a date it cannot read) as no date,
  which it prints as; a name by its parts;
- citation-js and Zotero keep a BibTeX title's case as written, pandoc reads an English title in
  sentence case (as CSL stores titles, and as archcite reads it): against those two suites, title
  variables compare without case;
- an ``id`` the file does not state (a RIS entry without an ``ID`` line: each reader makes its
  own) is not compared;
- ``custom`` (CSL-JSON's object for values with no CSL variable, where archcite keeps what it
  cannot map) compares as an object against citation-js, whose reader writes it; pandoc's readers
  have no such object, so the comparisons with pandoc (its suite and pandoc 3) leave it out;
- Zotero's expected items are Zotero JSON mapped to CSL and hold only some fields: only the fields
  they have are compared (``expected_partial`` in the manifest). The other suites and pandoc
  compare the union of both sides' fields, so a field archcite adds is as wrong as one it drops.

For citation-js, the summary also counts the records archcite reads otherwise than citation-js
expects where pandoc 3 reads the entry as archcite does (the peers disagree; archcite keeps
pandoc's reading, docs/mapping-differences.md), and those it reads otherwise than both.

Records are paired by id, else by position (an expected item without an id by position only).
Every field archcite reads otherwise than pandoc 3 is listed with its cause in
pandoc_differences.txt (``--causes`` counts them per cause).
Run ``python -m tests.realworld.runner [-v]`` for the figures and every difference; ``--peers``
adds pandoc's own figures on every suite (and citation-js's, with ``--citation-js DIR``), by the
same rules, which shows how far the suites expect one reading.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any


def _find_files() -> Path:
    # The repository's parent folder holds shared/ (in a git worktree, a folder further up).
    repository = Path(__file__).resolve().parents[2]
    for folder in [repository.parent, *repository.parent.parents]:
        candidate = folder / "shared" / "realworld" / "files"
        if candidate.is_dir():
            return candidate
    return repository.parent / "shared" / "realworld" / "files"


FILES = _find_files()
MANIFEST = FILES / "manifest.json"
PEER_SUITES = ("pandoc-suite", "citation-js", "zotero")
# archcite format -> pandoc reader.
PANDOC_READERS = {"bibtex": "bibtex", "biblatex": "biblatex", "ris": "ris", "csljson": "csljson"}


@dataclass(frozen=True)
class FileEntry:
    path: str
    format: str
    group: str
    expected: str | None
    partial: bool


@dataclass
class Reading:
    """What archcite made of one file: its items, or the clean refusal, or the internal error."""

    items: list[dict[str, Any]] = field(default_factory=list)
    refused: str | None = None
    internal_error: str | None = None


@dataclass(frozen=True)
class RecordOutcome:
    name: str  # "path#id"
    fields_total: int
    fields_right: int
    differences: tuple[tuple[str, Any, Any], ...]  # (field, expected, actual)

    @property
    def right(self) -> bool:
        return self.fields_right == self.fields_total


def manifest() -> list[FileEntry]:
    entries = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return [
        FileEntry(e["path"], e["format"], e["group"], e.get("expected"), bool(e.get("expected_partial")))
        for e in entries
    ]


@cache
def read_with_archcite(path: str, fmt: str) -> Reading:
    from archcite.errors import ArchciteError
    from archcite.records.io import load_sources

    # skip_invalid: the measure is what archcite reads of each record, so a record it refuses
    # (a duplicate key, an entry without its end line) is that record's miss, not the whole file's.
    try:
        records = load_sources([str(FILES / path)], fmt=fmt, skip_invalid=True).records
    except ArchciteError as error:
        return Reading(refused=str(error))
    except Exception as error:  # the measure: any other exception is an internal error
        return Reading(internal_error=f"{type(error).__name__}: {error}")
    return Reading(items=[dict(record.fields) for record in records])


@cache
def read_with_pandoc(path: str, fmt: str) -> list[dict[str, Any]] | None:
    """pandoc's CSL-JSON for a file, or None when pandoc refuses it (or has no reader for it)."""
    import pypandoc

    reader = PANDOC_READERS.get(fmt)
    if reader is None:
        return None
    result = subprocess.run(
        [pypandoc.get_pandoc_path(), "-f", reader, "-t", "csljson", str(FILES / path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if result.returncode != 0:
        return None
    items = json.loads(result.stdout or "[]")
    return items if isinstance(items, list) else None


def read_with_citation_js(path: str, fmt: str, modules: Path) -> list[dict[str, Any]] | None:
    """citation-js's CSL-JSON for a file (``modules``: a node_modules folder holding
    @citation-js/core, plugin-bibtex and plugin-ris), or None when it refuses the file."""
    if fmt not in ("bibtex", "biblatex", "ris"):
        return None
    result = subprocess.run(
        ["node", str(Path(__file__).with_name("read_citation_js.js")), str(FILES / path), fmt],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"NODE_PATH": str(modules), "PATH": os.environ.get("PATH", "")},
    )
    if result.returncode != 0:
        return None
    items = json.loads(result.stdout or "[]")
    return items if isinstance(items, list) else None


def read_all_with_pandoc(entries: Iterable[FileEntry]) -> None:
    """Fill pandoc's cache, two files at a time."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(lambda e: read_with_pandoc(e.path, e.format), entries))


# ---------------------------------------------------------------- normalisation


def _normal_date(value: Any) -> Any:
    if not isinstance(value, Mapping):
        return str(value)
    date: dict[str, Any] = {}
    parts = value.get("date-parts")
    if isinstance(parts, list):
        date["date-parts"] = [[_number(p) for p in part] for part in parts if isinstance(part, list)]
    for key in ("circa", "season", "literal"):
        if value.get(key) not in (None, "", False):
            date[key] = _number(value[key]) if key == "season" else value[key]
    return _season_from_month(date)


def _season_from_month(date: dict[str, Any]) -> dict[str, Any]:
    """A season written as a month, as pandoc and citeproc-js write and read CSL-JSON (21-24, and
    citeproc-js's 13-16: spring to winter), compares as the ``season`` it stands for."""
    parts = date.get("date-parts") or []
    if len(parts) == 1 and len(parts[0]) == 2 and "season" not in date:
        month = parts[0][1]
        if isinstance(month, int) and (13 <= month <= 16 or 21 <= month <= 24):
            return {**date, "date-parts": [parts[0][:1]], "season": month - (12 if month <= 16 else 20)}
    return date


def _number(value: Any) -> Any:
    try:
        return int(value)
    except (TypeError, ValueError):
        return value


def _normal_names(value: Any) -> Any:
    if not isinstance(value, list):
        return value
    return [
        {k: str(v).translate(_APOSTROPHES) for k, v in name.items() if v not in ("", None)}
        if isinstance(name, Mapping)
        else name
        for name in value
    ]


# A straight apostrophe prints as archcite's engine prints it: as a right single quotation mark.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
# pandoc's CSL-JSON writer drops nocase spans (they matter only to a title-case transform).
_NOCASE = re.compile(r'<span class="nocase">(.*?)</span>')


def normal_value(variable: str, value: Any) -> Any:
    from archcite.records.model import DATE_VARIABLES, NAME_VARIABLES

    if variable in DATE_VARIABLES:
        return _normal_date(value)
    if variable in NAME_VARIABLES:
        return _normal_names(value)
    if isinstance(value, bool) or value is None:
        return value
    if variable == "custom" and isinstance(value, Mapping):
        return {str(k): normal_value(str(k), v) for k, v in value.items()}  # an object: its keys unordered
    text = re.sub(" {2,}", " ", _NOCASE.sub(r"\1", str(value)).translate(_APOSTROPHES))
    if variable == "page":
        text = text.replace("–", "-")
    if variable == "DOI":
        text = _WRITTEN_DOI.sub("", text)
    if variable == "language":
        from archcite.records.languages import language_tag

        text = language_tag(text) or text
    return text


# A DOI's written prefix ("doi:", a resolver's link): the same DOI either way (archcite reads the
# bare DOI, which CSL's DOI is; pandoc keeps what the file writes).
_WRITTEN_DOI = re.compile(r"^(?i:doi:\s*|https?://[^/\s]+/)(?=10\.)")


def normal_item(item: Mapping[str, Any]) -> dict[str, Any]:
    fields = dict(item)
    if "event" in fields and "event-title" not in fields:
        fields["event-title"] = fields.pop("event")  # CSL 1.0.2's name for CSL 1.0.1's "event"
    if fields.get("citation-key") is not None and str(fields.get("citation-key")) == str(fields.get("id")):
        del fields["citation-key"]
    normal = {k: normal_value(k, v) for k, v in fields.items()}
    # A date with nothing in it (pandoc writes {"date-parts": []} for a date it cannot read)
    # prints nothing: it is no date, as archcite reads an empty or "n.d." date.
    return {
        k: v
        for k, v in normal.items()
        if not (isinstance(v, dict) and set(v) <= {"date-parts"} and not any(v.get("date-parts")))
    }


# ---------------------------------------------------------------- comparison


def _derived_short_title(item: Mapping[str, Any]) -> bool:
    """pandoc's title-short made from the title (its part before the colon), not read from a field."""
    short = str(item.get("title-short", "")).strip()
    titles = [str(item.get(name, "")) for name in ("title", "volume-title")]
    return bool(short) and any(":" in title and title.split(":")[0].strip() == short for title in titles)


# Title variables, compared without case against suites that keep a BibTeX title's case as written.
TITLE_VARIABLES = frozenset(
    {"title", "title-short", "container-title", "collection-title", "volume-title", "event-title", "original-title"}
)


def _without_case(item: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.lower() if k in TITLE_VARIABLES and isinstance(v, str) else v) for k, v in item.items()}


def compare_items(
    path: str,
    expected: Sequence[Mapping[str, Any]],
    actual: Sequence[Mapping[str, Any]],
    *,
    partial: bool,
    title_case: bool = True,
    custom: bool = True,
) -> list[RecordOutcome]:
    """One outcome per expected item; a missing item has every expected field wrong.

    Without ``title_case``, titles compare without case; without ``custom``, ``custom`` is not
    compared (pandoc's readers have no such object); an id that the file does not state (each
    reader makes its own) is not compared.
    """
    source_text = (FILES / path).read_text(encoding="utf-8", errors="replace") if (FILES / path).is_file() else ""
    leave_out = set() if custom else {"custom"}
    actual_items = [{k: v for k, v in normal_item(a).items() if k not in leave_out} for a in actual]
    by_id = {str(a.get("id")): a for a in actual_items}
    outcomes = []
    for index, raw in enumerate(expected):
        wanted = {k: v for k, v in normal_item(raw).items() if k not in leave_out}
        record_id = str(wanted.get("id", index))
        # An expected item without an id pairs by position only: its index is no id (Zotero's
        # items have none, and a RIS file's IDs can be numbers that would pair the wrong entry).
        got = by_id.get(record_id) if "id" in wanted else None
        if (
            got is None
            and index < len(actual_items)
            and str(actual_items[index].get("id")) not in {str(e.get("id")) for e in expected}
        ):
            got = actual_items[index]
        got = got or {}
        names = sorted(set(wanted) if partial else set(wanted) | set(got))
        if "title-short" not in got and _derived_short_title(wanted):
            names.remove("title-short")
        if "id" in names and source_text and not _states_id(path, source_text, str(wanted.get("id"))):
            names.remove("id")
        if not title_case:
            wanted, got = _without_case(wanted), _without_case(got)
        differences = tuple((n, wanted.get(n), got.get(n)) for n in names if wanted.get(n) != got.get(n))
        outcomes.append(RecordOutcome(f"{path}#{record_id}", len(names), len(names) - len(differences), differences))
    return outcomes


def _states_id(path: str, source_text: str, record_id: str) -> bool:
    """Whether the file states the id (a RIS entry only on an ``ID`` line: without one, each
    reader makes its own, from the author or a counter)."""
    if not record_id or record_id not in source_text:
        return False
    return not path.endswith(".ris") or re.search(rf"(?m)^ID  - {re.escape(record_id)}\s*$", source_text) is not None


def _archcite_items(path: str, fmt: str) -> list[dict[str, Any]]:
    return read_with_archcite(path, fmt).items


def suite_outcomes(
    entries: Iterable[FileEntry], read: Callable[[str, str], list[dict[str, Any]] | None] = _archcite_items
) -> dict[str, list[RecordOutcome]]:
    """Each peer suite's record outcomes against its expected CSL-JSON, as archcite (or ``read``:
    a file's path and format to its items, None for a refusal) reads the suite's files."""
    result: dict[str, list[RecordOutcome]] = {suite: [] for suite in PEER_SUITES}
    for entry in entries:
        if entry.group not in PEER_SUITES or entry.expected is None:
            continue
        expected = json.loads((FILES / entry.expected).read_text(encoding="utf-8"))
        # citation-js and Zotero keep a BibTeX title's case as written; pandoc reads it in sentence
        # case, as CSL stores titles (and as archcite reads it).
        result[entry.group].extend(
            compare_items(
                entry.path,
                expected,
                read(entry.path, entry.format) or [],
                partial=entry.partial,
                title_case=entry.group == "pandoc-suite",
                custom=entry.group != "pandoc-suite",
            )
        )
    return result


def pandoc_outcomes(entries: Iterable[FileEntry]) -> list[RecordOutcome]:
    """Outcomes against pandoc's reading, for every entry of every file pandoc reads."""
    outcomes: list[RecordOutcome] = []
    for entry in entries:
        expected = read_with_pandoc(entry.path, entry.format)
        if expected is None:
            continue
        outcomes.extend(
            compare_items(
                entry.path, expected, read_with_archcite(entry.path, entry.format).items, partial=False, custom=False
            )
        )
    return outcomes


def split_by_pandoc(entries: Iterable[FileEntry], outcomes: Sequence[RecordOutcome]) -> tuple[list[str], list[str]]:
    """The records of a peer suite archcite reads otherwise than the suite expects, in two: those
    where pandoc 3 reads every differing field as archcite does (the peers disagree; archcite
    keeps pandoc's reading), and those archcite reads otherwise than both peers. ``custom`` does
    not count (pandoc has no such object); titles compare without case."""
    formats = {e.path: e.format for e in entries}
    as_pandoc, neither = [], []
    for outcome in outcomes:
        if outcome.right:
            continue
        path, _, record_id = outcome.name.partition("#")
        pandoc_items = {str(i.get("id")): normal_item(i) for i in read_with_pandoc(path, formats[path]) or []}
        theirs = _without_case(pandoc_items.get(record_id, {}))
        differing = [(n, got) for n, _, got in outcome.differences if n != "custom"]
        agrees = all(
            theirs.get(n) == (got.lower() if n in TITLE_VARIABLES and isinstance(got, str) else got)
            for n, got in differing
        )
        (as_pandoc if agrees else neither).append(outcome.name)
    return as_pandoc, neither


# ---------------------------------------------------------------- source tags (Zotero's RIS cases)


def _ris_entries(text: str) -> list[list[tuple[str, str]]]:
    """Each ``TY`` ... ``ER`` entry of a RIS text as its (tag, value) lines; an ``N1`` line
    ``Label: value`` (ProCite's form) also as the pseudo-tag ``N1 Label``."""
    entries: list[list[tuple[str, str]]] = []
    for line in text.splitlines():
        match = re.match(r"^([A-Z][A-Z0-9])  ?- ?(.*)$", line)
        if not match:
            continue
        tag, value = match[1], match[2].strip()
        if tag == "TY":
            entries.append([])
        if entries and tag not in ("TY", "ER"):
            entries[-1].append((tag, value))
            label = re.match(r"^([^:]+): (.+)$", value) if tag == "N1" else None
            if label:
                entries[-1].append((f"N1 {label[1]}", label[2].strip()))
    return entries


def _name_text(name: Any) -> str:
    if not isinstance(name, Mapping):
        return str(name)
    if name.get("literal"):
        return str(name["literal"])
    return ", ".join(str(name[p]) for p in ("family", "given") if name.get(p))


def value_sources(variable: str, value: Any, lines: Sequence[tuple[str, str]]) -> set[str]:
    """The tags of an entry whose value ``value`` can have come from. In Zotero's RIS cases each
    tag holds its own label, so a value names its tag; a date that is no date is read by Zotero
    as its first word (``Date of Code`` as ``Date``, with ``PY``'s joined), so a word of a date
    names each tag whose value starts with it."""
    from archcite.records.model import DATE_VARIABLES, NAME_VARIABLES

    by_value: dict[str, set[str]] = {}
    for tag, text in lines:
        by_value.setdefault(text.lower(), set()).add(tag)
    if variable in NAME_VARIABLES and isinstance(value, list):
        return {tag for name in value for tag in by_value.get(_name_text(name).lower(), set())}
    if variable in DATE_VARIABLES and isinstance(value, Mapping):
        text = str(value.get("literal", "")).lower()
        words = set(text.split())
        return by_value.get(text, set()) | {tag for tag, raw in lines if raw and raw.split()[0].lower() in words}
    return set(by_value.get(str(value).strip().lower(), set()))


@dataclass(frozen=True)
class SourceDifference:
    name: str  # "path#index"
    variable: str
    expected_tags: frozenset[str]
    archcite_tags: frozenset[str]


def source_tag_differences(entries: Iterable[FileEntry]) -> tuple[int, list[SourceDifference]]:
    """Zotero's RIS cases: each field Zotero's expected item has, as the tag its value comes from;
    the fields archcite reads from no tag Zotero reads them from (a value read from the same tag
    in another form, such as a date's label, is the same reading). Returns the number of fields
    compared and the differing ones."""
    compared, differences = 0, []
    for entry in entries:
        if entry.group != "zotero" or entry.format != "ris" or entry.expected is None:
            continue
        lines = _ris_entries((FILES / entry.path).read_text(encoding="utf-8"))
        expected = json.loads((FILES / entry.expected).read_text(encoding="utf-8"))
        actual = read_with_archcite(entry.path, entry.format).items
        for index, (wanted, raw) in enumerate(zip(expected, lines, strict=False)):
            got = actual[index] if index < len(actual) else {}
            for variable, value in wanted.items():
                theirs = value_sources(variable, value, raw)
                if variable in ("type", "id") or not theirs:
                    continue  # no tag (TY), or a value no tag holds as written
                compared += 1
                ours = value_sources(variable, got[variable], raw) if variable in got else set()
                if not theirs & ours:
                    differences.append(
                        SourceDifference(f"{entry.path}#{index}", variable, frozenset(theirs), frozenset(ours))
                    )
    return compared, differences


PANDOC_DIFFERENCES = Path(__file__).with_name("pandoc_differences.txt")


def pandoc_difference_causes() -> dict[str, str]:
    """pandoc_differences.txt as ``{"path#id field": cause}``."""
    causes: dict[str, str] = {}
    for line in PANDOC_DIFFERENCES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            difference, _, cause = line.partition("  # ")
            causes[difference.strip()] = cause.strip()
    return causes


def pandoc_differences(outcomes: Iterable[RecordOutcome]) -> list[str]:
    """Each field read otherwise than pandoc 3 reads it, as ``"path#id field"`` (repeated when
    one id names several entries)."""
    return [f"{o.name} {variable}" for o in outcomes for variable, _, _ in o.differences]


def shares(outcomes: Sequence[RecordOutcome]) -> tuple[float, float]:
    """(share of records fully right, share of fields right), in percent."""
    if not outcomes:
        return 0.0, 0.0
    records = 100 * sum(o.right for o in outcomes) / len(outcomes)
    total = sum(o.fields_total for o in outcomes)
    fields = 100 * sum(o.fields_right for o in outcomes) / total if total else 100.0
    return records, fields


def main(argv: Sequence[str]) -> int:
    import collections
    import time

    verbose = "-v" in argv
    entries = manifest()
    started = time.perf_counter()
    for entry in entries:
        read_with_archcite(entry.path, entry.format)
    archcite_seconds = time.perf_counter() - started
    errors = [(e.path, read_with_archcite(e.path, e.format)) for e in entries]
    started = time.perf_counter()
    read_all_with_pandoc(entries)
    pandoc_seconds = time.perf_counter() - started
    read = sum(len(r.items) for _, r in errors)
    print(f"archcite: {read} records from {len(entries)} files in {archcite_seconds:.1f} s")
    pandoc_read = sum(len(read_with_pandoc(e.path, e.format) or []) for e in entries)
    print(f"pandoc:   {pandoc_read} records in {pandoc_seconds:.1f} s")
    for path, reading in errors:
        if reading.internal_error:
            print(f"INTERNAL ERROR {path}: {reading.internal_error}")
        elif reading.refused and verbose:
            print(f"refused {path}: {reading.refused}")
    suites = suite_outcomes(entries)
    against_pandoc = pandoc_outcomes(entries)
    for name, outcomes in [*suites.items(), ("pandoc 3", against_pandoc)]:
        records, fields = shares(outcomes)
        print(f"{name:13} {len(outcomes):5} records: {records:5.1f}% fully right, {fields:5.1f}% of fields right")
    as_pandoc, neither = split_by_pandoc(entries, suites["citation-js"])
    print(
        f"citation-js: {len(as_pandoc)} records differ from citation-js where pandoc reads them as archcite does, "
        f"{len(neither)} differ from both peers" + (f" ({', '.join(neither)})" if neither else "")
    )
    compared, source_differences = source_tag_differences(entries)
    print(
        f"zotero RIS: {len(source_differences)} of {compared} fields read from another tag than Zotero reads them from"
    )
    counts: collections.Counter[str] = collections.Counter()
    for outcome in against_pandoc:
        counts.update(variable for variable, _, _ in outcome.differences)
    print("pandoc differences by field:", ", ".join(f"{k} {v}" for k, v in counts.most_common(40)))
    if "--causes" in argv:
        _print_causes(against_pandoc)
    if "--peers" in argv:
        _print_peers(entries, suites, argv)
    if verbose:
        for name, outcomes in [*suites.items(), ("pandoc", against_pandoc)]:
            for outcome in outcomes:
                for variable, wanted, got in outcome.differences:
                    print(f"[{name}] {outcome.name} {variable}: expected {wanted!r} got {got!r}")
        for difference in source_differences:
            print(
                f"[zotero tags] {difference.name} {difference.variable}: Zotero reads "
                f"{'/'.join(sorted(difference.expected_tags))}, archcite "
                f"{'/'.join(sorted(difference.archcite_tags)) or 'none'}"
            )
    return 0


def _print_causes(against_pandoc: Sequence[RecordOutcome]) -> None:
    """The differences from pandoc 3 counted per cause (pandoc_differences.txt), and any not listed."""
    import collections

    causes = pandoc_difference_causes()
    differences = pandoc_differences(against_pandoc)
    counts = collections.Counter(causes.get(d, "UNLISTED") for d in differences)
    print(f"differences from pandoc 3 by cause ({len(differences)}):")
    for cause, count in counts.most_common():
        print(f"  {cause:24} {count:5}")
    # What to change in the list: a new difference needs a cause; a gone one leaves the list.
    values = {f"{o.name} {v}": (wanted, got) for o in against_pandoc for v, wanted, got in o.differences}
    for difference in sorted(set(differences) - set(causes)):
        print(f"UNLISTED {difference}: pandoc {values[difference][0]!r}, archcite {values[difference][1]!r}")
    for difference in sorted(set(causes) - set(differences)):
        print(f"NO LONGER DIFFERS {difference}  # {causes[difference]}")


def _print_peers(entries: Sequence[FileEntry], suites: dict[str, list[RecordOutcome]], argv: Sequence[str]) -> None:
    """Each reader's figures on each peer suite, by the same rules: how far the suites agree.
    ``--citation-js DIR`` adds citation-js (DIR: a node_modules folder, made by ``npm install
    @citation-js/core @citation-js/plugin-bibtex @citation-js/plugin-ris``)."""
    readers: dict[str, dict[str, list[RecordOutcome]]] = {
        "archcite": suites,
        "pandoc 3": suite_outcomes(entries, read_with_pandoc),
    }
    if "--citation-js" in argv:
        modules = Path(argv[list(argv).index("--citation-js") + 1]).resolve()
        readers["citation-js"] = suite_outcomes(entries, lambda p, f: read_with_citation_js(p, f, modules))
    print("records fully right (fields right) per suite, read by each reader:")
    print(f"{'reader':12}" + "".join(f"{suite:>22}" for suite in PEER_SUITES))
    for reader, outcomes in readers.items():
        cells = ("{:.1f}% ({:.1f}%)".format(*shares(outcomes[suite])) for suite in PEER_SUITES)
        print(f"{reader:12}" + "".join(f"{cell:>22}" for cell in cells))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
