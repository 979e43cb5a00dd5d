"""Archival lint: what a record lacks for a citation the manuals accept, and how archcite's
Chicago note differs from the archive's own citation line.

Each finding names the record, the field and what to do. The diff against an imported page's
citation line (``archive-citation``) is field by field: a fact the archive prints in another form
("February 03, 1966" / "February 3, 1966") is *reformatted*; a fact in the archive's line that
the record does not hold at all is a finding.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from archcite.records.keys import ascii_fold
from archcite.styles.archival import chicago, dates
from archcite.styles.archival import names as n
from archcite.styles.archival.kind import is_archival
from archcite.styles.archival.parts import ArchivalParts, contributor_phrase, read_parts

# Types whose records are unpublished documents even when they say nothing about an archive yet.
_LINTED_TYPES = frozenset({"personal_communication", "letter", "manuscript", "collection"})
_DESCRIPTION = re.compile(
    r"^(letter|telegram|ciphered telegram|cable|memorandum|memo|minutes|record|report|note|notes|transcript|"
    r"journal|diary|discussion|conversation|information|message)\b.*\b(to|from|between|with|of|on|for)\b",
    re.I,
)
# Types a citation names by themselves when a record has no title ("Creel to House", "letter",
# "interview"), as opposed to a bare document, whose note would begin with its date.
_SELF_NAMED_TYPES = frozenset({"personal_communication", "letter", "interview", "collection"})
_NAME_VARIABLES = ("author", "recipient", "translator", "editor", "compiler", "interviewer")
_TEXT_FIELDS = ("title", "abstract", "note", "archive-citation", "archive_collection", "container-title")


@dataclass(frozen=True)
class Finding:
    """One thing to fix in one record."""

    record_id: str
    code: str
    field: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True)
class DiffRow:
    """One fact as the archive's citation line prints it and as archcite's note prints it."""

    field: str
    archive: str
    archcite: str
    status: str  # "same", "reformatted", "only in archive line", "only in archcite"

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def is_linted(fields: Mapping[str, Any]) -> bool:
    """Records the archival lint looks at: archival records and unpublished document types."""
    return is_archival(fields) or str(fields.get("type")) in _LINTED_TYPES


def _translated(parts: ArchivalParts) -> str | None:
    """Why the record looks like a translation, or None."""
    citation = str(parts.fields.get("archive-citation") or "")
    if re.search(r"\btranslat", citation, re.I):
        return "the archive's citation line credits a translation"
    original = parts.fields.get("original-language")
    if original:
        # The field is set only when the text read is a translation (README, record fields).
        return f"the document was written in {original}"
    return None


def _stripped_names(parts: ArchivalParts) -> Iterable[tuple[str, str, str]]:
    """(variable, name as recorded, spelling elsewhere in the record) for ASCII names that the
    record's other text spells with diacritics."""
    elsewhere: dict[str, tuple[str, str]] = {}
    for variable in _TEXT_FIELDS:
        for word in re.findall(r"[^\W\d_]+", str(parts.fields.get(variable) or "")):
            if not word.isascii():
                elsewhere.setdefault(ascii_fold(word), (word, variable))
    for variable in _NAME_VARIABLES:
        for name in parts.fields.get(variable) or []:
            if not isinstance(name, Mapping):
                continue
            for part in ("family", "given", "literal"):
                for word in re.findall(r"[^\W\d_]+", str(name.get(part) or "")):
                    found = elsewhere.get(ascii_fold(word))
                    if word.isascii() and found and found[0] != word:
                        yield variable, word, f"{found[0]} ({found[1]})"


def _lint_holding(parts: ArchivalParts, add: Callable[[str, str, str], None]) -> None:
    """Where the document is held, which an unpublished document's citation needs (a document
    published in a documentary edition is found through the edition instead)."""
    if not parts.repository:
        add("missing-repository", "archive", "no repository: add `archive` (the archive that holds the document)")
    if not parts.place and parts.repository:
        add("missing-place", "archive-place", "no place for the repository: add `archive-place` (e.g. Warsaw)")
    if not parts.shelfmark and not parts.collection and not parts.is_collection:
        add(
            "missing-shelfmark",
            "archive_location",
            "no shelfmark or collection: add `archive_location` (call number, box/folder) or `archive_collection`",
        )


def lint(fields: Mapping[str, Any]) -> list[Finding]:
    """The archival findings for one record (empty when it is ready to cite)."""
    if not is_linted(fields):
        return []
    parts = read_parts(fields)
    record_id = parts.id
    found: list[Finding] = []

    def add(code: str, field: str, message: str) -> None:
        found.append(Finding(record_id, code, field, message))

    if not parts.is_published:
        _lint_holding(parts, add)
    if not parts.title and not parts.kind and parts.type not in _SELF_NAMED_TYPES:
        add(
            "missing-title",
            "title",
            "nothing names the document (the note would begin with its date): add `title` (the archive's "
            "description, with `title-is-description: true`) or `genre` (e.g. Memorandum)",
        )
    kind = (parts.kind or "").lower()
    if not parts.recipients and (
        kind in {"letter", "telegram", "cable", "ciphered telegram"}
        or (not kind and parts.type in ("personal_communication", "letter"))
    ):
        add("letter-without-recipient", "recipient", f"a {kind or 'letter'} without a recipient: add `recipient`")
    if not parts.translators and (reason := _translated(parts)):
        add("translation-without-translator", "translator", f"{reason} but no translator is recorded: add `translator`")
    if parts.title and not parts.title_is_description and _DESCRIPTION.match(parts.title):
        add(
            "description-not-marked",
            "title-is-description",
            f"“{parts.title}” reads like a description the archive assigned: set `title-is-description: true` "
            "so it is cited unquoted (or keep it quoted if the document bears it)",
        )
    for variable, word, other in _stripped_names(parts):
        add("stripped-diacritics", variable, f"'{word}' may have lost its diacritics: the record also has {other}")
    if fields.get("archive-citation"):
        for row in citation_diff(fields):
            if row.status == "only in archive line":
                add(
                    "citation-diff",
                    "archive-citation",
                    f"the archive's citation line has “{row.archive}”, which the record does not hold",
                )
    return found


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[“”\"'‘’]", "", text.replace("–", "-"))).strip(" ,.").casefold()


def _find(line: str, candidates: Sequence[str], start: int = 0) -> re.Match[str] | None:
    for candidate in candidates:
        if not candidate:
            continue
        match = re.compile(re.escape(candidate), re.I).search(line, start)
        if match:
            return match
    return None


def _date_pattern(parts: ArchivalParts) -> re.Pattern[str] | None:
    start = parts.date.start
    if start is None:
        return None
    if start.month and start.day:
        month = dates.MONTHS[start.month - 1]
        return re.compile(rf"{month}\s+0?{start.day},?\s+{start.year}|0?{start.day}\s+{month}\s+{start.year}", re.I)
    if start.month:
        return re.compile(rf"{dates.MONTHS[start.month - 1]},?\s+{start.year}", re.I)
    return re.compile(rf"\b{start.year}\b")


def citation_diff(fields: Mapping[str, Any]) -> list[DiffRow]:
    """The archive's citation line against archcite's Chicago note, fact by fact."""
    line = str(fields.get("archive-citation") or "")
    if not line:
        return []
    parts = read_parts(fields)
    diff = _LineDiff(line)
    title_match = re.match(r"\s*[\"“](.+?)[,.]?[\"”],?", line)
    if parts.title:
        ours = parts.title
        if parts.is_correspondence:
            ours = f"{n.plain_list(parts.authors)} to {n.plain_list(parts.recipients)}"
        diff.row("title", title_match, ours)
    # Every other fact is looked for after the title, which may itself contain names and dates.
    after = title_match.end() if title_match else 0
    _diff_date_and_archive(diff, parts, after)
    _diff_contributors(diff, parts, after)
    if parts.url:
        bare = re.sub(r"^https?://", "", parts.url)
        diff.row("URL", re.search(rf"(?:https?://)?{re.escape(bare)}", line), parts.url)
    rows = diff.rows + _leftovers(line, diff.consumed)
    return [_same_when_normalised(row) for row in rows]


@dataclass
class _LineDiff:
    """The rows found so far and the spans of the archive's line that they account for."""

    line: str
    rows: list[DiffRow] = field(default_factory=list)
    consumed: list[tuple[int, int]] = field(default_factory=list)

    def row(self, name: str, match: re.Match[str] | None, ours: str | None) -> None:
        if match is None and not ours:
            return
        theirs = match.group(0) if match else ""
        if match:
            self.consumed.append(match.span())
        if not theirs:
            self.rows.append(DiffRow(name, "", ours or "", "only in archcite"))
        elif ours is None:
            self.rows.append(DiffRow(name, theirs, "", "only in archive line"))
        else:
            self.rows.append(DiffRow(name, theirs, ours, "same" if theirs == ours else "reformatted"))


def _diff_date_and_archive(diff: _LineDiff, parts: ArchivalParts, after: int) -> None:
    """The date, the archive's facts and the pages."""
    date_pattern = _date_pattern(parts)
    if date_pattern:
        diff.row("issued", date_pattern.search(diff.line, after), dates.chicago(parts.date))
    for name, value in (
        ("digital-archive", parts.digital_archive),
        ("digital-archive-publisher", parts.digital_publisher),
        ("archive", parts.repository),
        ("archive-place", parts.place),
        ("archive_collection", parts.fields.get("archive_collection")),
        ("archive_location", parts.fields.get("archive_location")),
    ):
        if value:
            shown = parts.shelfmark if name == "archive_location" else str(value)
            diff.row(name, _find(diff.line, [str(value)], after), shown)
    if parts.pages:
        numbers = "[-–]".join(re.escape(p) for p in re.split(r"[-–]", parts.pages))
        pages_match = re.compile(rf"(?:(?:pp?|ll?|listy|fols?)\.?\s*)?{numbers}", re.I).search(diff.line, after)
        diff.row("page", pages_match, chicago.pages_part(parts, None))


def _diff_contributors(diff: _LineDiff, parts: ArchivalParts, after: int) -> None:
    """Translators, compilers, editors and other contributors."""
    for role, people in parts.contributors:
        # as the note prints them ("trans. Yafeng Xia", "comp. V. N. Malin"), so that check and cite agree
        names = n.plain_list(people)
        pattern = rf"translated[^.]*?by {re.escape(names)}" if role == "translator" else None
        pattern = pattern or rf"(?:compiled|edited)?\s*(?:by\s+)?{re.escape(names)}"
        diff.row(
            role, re.compile(pattern, re.I).search(diff.line, after), contributor_phrase(role, people, abbreviated=True)
        )
    contributors = [x for x in parts.fields.get("contributor") or [] if isinstance(x, Mapping)]
    if contributors:
        plain = n.plain_list(contributors)
        diff.row(
            "contributor",
            re.compile(rf"(?:contributed\s+)?(?:by\s+)?{re.escape(plain)}", re.I).search(diff.line, after),
            plain,
        )


def _same_when_normalised(row: DiffRow) -> DiffRow:
    """A reformatted fact that differs only in quotes, dashes, spaces or case is the same fact."""
    if row.status == "reformatted" and _normal(row.archive) == _normal(row.archcite):
        return DiffRow(row.field, row.archive, row.archcite, "same")
    return row


# Words of the archive's line that are labels, not facts.
_FILLER = re.compile(r"^(?:translated(?: and)?|by|and|pp?|ll?|listy|fols?|history and public policy program)$", re.I)


def _leftovers(line: str, consumed: Sequence[tuple[int, int]]) -> list[DiffRow]:
    """Facts of the archive's line that no record field accounts for."""
    chars = list(line)
    for start, end in consumed:
        for i in range(start, end):
            chars[i] = ","
    rest = "".join(chars)
    rows = []
    # A period ends a fragment unless it closes an initial ("V. N. Malin").
    for fragment in re.split(r"[,;]|(?<![A-Z])\.(?:\s|$)", rest):
        words = [w for w in fragment.split() if not _FILLER.match(w.strip(".:"))]
        text = " ".join(words).strip(" .:")
        if len(text) > 3 and re.search(r"[A-Za-z]{3}", text):
            rows.append(DiffRow("(none)", text, "", "only in archive line"))
    return rows
