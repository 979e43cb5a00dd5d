"""The export mapping tables of docs/reference-managers.md, rendered from the formats' tables.

The tables in ``records.formats.bibtex`` and ``records.formats.ris`` are the only source; a test
checks that the document holds exactly what :func:`render_mapping_tables` prints.
"""

from __future__ import annotations

from archcite.records.formats import bibtex, ris
from archcite.records.model import ARCHIVAL_FIELDS

# The record types the document lists, with the names people use for them.
DOCUMENTED_TYPES: tuple[tuple[str, str], ...] = (
    ("personal_communication", "letter, telegram, memo"),
    ("manuscript", "manuscript"),
    ("document", "document"),
    ("report", "report"),
    ("book", "book"),
    ("chapter", "chapter"),
    ("article-journal", "article"),
    ("article-newspaper", "newspaper article"),
    ("webpage", "web page"),
    ("interview", "interview"),
    ("speech", "speech"),
)
NOTE_LINE = "note line"
M2_LINE = "`M2` line"
NOT_READ = "not read"


def _bib_entry(csl_type: str, dialect: str) -> str:
    entry_type, subtype = bibtex.entry_type_for(csl_type, dialect)
    text = f"`@{entry_type}`" + (f" + `entrysubtype = {subtype}`" if subtype else "")
    if bibtex.read_type(entry_type, subtype) != csl_type:
        text += f" + `type: {csl_type}` {NOTE_LINE}"
    return text


def _ris_entry(csl_type: str) -> str:
    ty = ris.TYPES.get(csl_type, "GEN")
    text = f"`{ty}`"
    if ris.READ_TYPES.get(ty) != csl_type:
        text += f" + `type: {csl_type}` {M2_LINE}"
    return text


def _cell(default: str | None, overrides: dict[str, str | None], free: str) -> str:
    """A field's target, with the record types that map it elsewhere."""
    text = f"`{default}`" if default else free
    groups: dict[str | None, list[str]] = {}
    for csl_type, target in overrides.items():
        if target != default:
            groups.setdefault(target, []).append(csl_type)
    for target, types in groups.items():
        text += f"; {', '.join(types)}: " + (f"`{target}`" if target else free)
    return text


# Rows of the field table: what and who, when, where published, then where kept.
_LEADING_ROWS = (
    "title", "title-short", "genre", "author", "editor", "translator", "recipient", "interviewer",
    "container-author", "collection-editor", "issued", "accessed", "original-date", "event-date",
    "container-title", "collection-title", "volume", "issue", "number", "page", "edition", "number-of-volumes",
    "publisher", "publisher-place", "event-title", "event-place", "URL", "DOI", "ISBN", "ISSN", "abstract",
    "language", "keyword", "archive", "archive-place", "archive_collection", "archive_location", "call-number",
)  # fmt: skip


def _variables() -> list[str]:
    return list(dict.fromkeys([*_LEADING_ROWS, *ARCHIVAL_FIELDS]))


def _pandoc_ris_cell(variable: str, overrides: dict[str, str | None]) -> str:
    """The CSL variable pandoc's RIS reader makes of the field's tag (``ris.PANDOC_TAGS``)."""
    if variable == "issued":
        return "`issued`, the year of `PY` only"

    def read(tag: str | None) -> str | None:
        return ris.PANDOC_TAGS.get(tag) if tag else None

    default = read(ris.FIELDS.get(variable))
    return _cell(default, {t: read(tag) for t, tag in overrides.items()}, NOT_READ)


def render_mapping_tables() -> str:
    """Markdown: the entry type per record type, then the field or tag per record field."""
    lines = [
        "| record type | BibTeX | BibLaTeX | RIS |",
        "|---|---|---|---|",
    ]
    for csl_type, label in DOCUMENTED_TYPES:
        lines.append(
            f"| {label} (`{csl_type}`) | {_bib_entry(csl_type, bibtex.BIBTEX)} | "
            f"{_bib_entry(csl_type, bibtex.BIBLATEX)} | {_ris_entry(csl_type)} |"
        )
    lines += [
        "",
        "| record field | BibTeX | BibLaTeX | RIS | pandoc's reading of the RIS |",
        "|---|---|---|---|---|",
    ]
    for variable in _variables():
        cells = []
        for dialect in (bibtex.BIBTEX, bibtex.BIBLATEX):
            overrides = {
                t: bibtex.field_for(t, variable, dialect) for t, _ in DOCUMENTED_TYPES if t in bibtex.TYPE_FIELDS
            }
            default = bibtex.FIELDS.get(variable, (None, None))[0 if dialect == bibtex.BIBTEX else 1]
            cell = _cell(default, overrides, NOTE_LINE)
            if variable == "issued" and dialect == bibtex.BIBTEX:
                cell = "`year`, `month` and, when more exact, `date`"
            cells.append(cell)
        ris_overrides = {t: ris.written_tag(t, variable) for t, _ in DOCUMENTED_TYPES}
        ris_cell = _cell(ris.FIELDS.get(variable), ris_overrides, M2_LINE)
        if variable == "page":
            ris_cell = ris_cell.replace("`SP`", "`SP` and `EP`")
        elif variable == "issued":
            ris_cell = "`DA` and `PY`; a range, circa or season also as an " + M2_LINE
        copied = [t for t, _ in DOCUMENTED_TYPES if ris.also_m2_line(t, variable)]
        if copied:
            ris_cell += f"; also an {M2_LINE} (Zotero has no field for it): {', '.join(copied)}"
        cells.append(ris_cell)
        cells.append(_pandoc_ris_cell(variable, ris_overrides))
        lines.append(f"| `{variable}` | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover - `python -m archcite.records.exports_doc` prints the tables
    print(render_mapping_tables(), end="")
