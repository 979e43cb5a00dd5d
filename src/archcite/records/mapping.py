"""What the BibTeX, BibLaTeX and RIS writers share: dates as text, keys, and the note lines.

A writer maps each record field to a field (or tag) of its target; a field the target has no
place for goes into the target's free-text field as a ``name: value`` line (see
:mod:`archcite.records.extra`) and is reported as a :class:`RecordWarning`. The readers take
those lines back, so archcite loses nothing on a round trip.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from archcite.errors import InputError
from archcite.records.extra import decode_value, fold_into_note, unfold_note
from archcite.records.keys import derive_key, unique_keys
from archcite.records.model import (
    ARCHIVAL_FIELDS,
    CUSTOM,
    DATE_VARIABLES,
    KNOWN_FIELDS,
    NAME_VARIABLES,
    Origin,
    Record,
    RecordWarning,
)
from archcite.records.written_dates import is_no_date, issued_fields, words_date

# The archival facts whose survival the exports are measured by (CSL's four plus archcite's own).
ARCHIVAL_VARIABLES: tuple[str, ...] = (
    "archive",
    "archive-place",
    "archive_collection",
    "archive_location",
    *ARCHIVAL_FIELDS,
)

# Names a reader takes from ``name: value`` lines of the free-text field: every record field,
# plus ``type`` and ``id`` when the target's own entry type or key could not carry them.
NOTE_LINE_NAMES: frozenset[str] = (KNOWN_FIELDS | {"type", "id"}) - {"note"}
# A ``custom:`` line holds a JSON object: values of ``custom`` the target had no place for.
_CUSTOM_LINE = re.compile(r"^custom: (\{.*\})$")

_NAME_LINE = re.compile(r"^(?P<name>[A-Za-z][\w-]*):\s?(?P<value>.*)$")
_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_:.+/-]*$")


def _pad(part: int, width: int) -> str:
    return f"{part:0{width}d}" if part >= 0 else f"-{-part:0{width}d}"


def date_to_text(date: Mapping[str, Any]) -> str | None:
    """A CSL date as an EDTF string (``1966-02-03``, ``1962-10-16/1962-10-28``, ``1953~``).

    None when the date has only a ``literal``: EDTF cannot hold free text.
    """
    parts = date.get("date-parts")
    if not isinstance(parts, list) or not parts or not parts[0]:
        return None
    texts = []
    for part in parts[:2]:
        numbers = [int(p) for p in part]
        text = _pad(numbers[0], 4)
        if len(numbers) > 1:
            text += "-" + _pad(numbers[1], 2)
        if len(numbers) > 2:
            text += "-" + _pad(numbers[2], 2)
        texts.append(text)
    if date.get("season") and len(parts[0]) == 1 and len(texts) == 1:
        texts[0] += f"-{20 + int(date['season'])}"
    if date.get("circa"):
        texts = [t + "~" for t in texts]
    return "/".join(texts)


def text_to_date(text: str, variable: str, where: str | None) -> tuple[dict[str, Any], RecordWarning | None]:
    """An EDTF or ISO date read from a target, else a date written in words (``March 2010``, see
    :mod:`archcite.records.written_dates`); other text is kept as a ``literal`` date, with a
    warning. Empty text and ``n.d.`` are no date: ``{}``, with no warning."""
    from archcite.records.validate import check_date, parse_raw_date

    if is_no_date(text):
        return {}, None
    # BibLaTeX writes a circa range ("1953~/1955~") and a circa season, which are not among the
    # EDTF archcite's own files take (validate.parse_raw_date): both ends circa, the date is circa.
    ends = text.strip().split("/")
    if len(ends) <= 2 and all(end.endswith("~") for end in ends):
        try:
            return {**parse_raw_date("/".join(end[:-1] for end in ends), variable, where), "circa": True}, None
        except InputError:
            pass
    try:
        return parse_raw_date(text, variable, where), None
    except InputError as error:
        problem = error
    words = words_date(text)
    if words is not None:
        try:
            return check_date(words, variable, where), None
        except InputError:
            pass  # a day the month has not (30 February): kept as written
    return {"literal": text}, RecordWarning(f"{problem.message}; kept as a literal date", field=variable)


def date_fields(
    text: str,
    variable: str,
    read: Callable[[str, str], tuple[dict[str, Any], RecordWarning | None]] | None = None,
) -> tuple[dict[str, Any], RecordWarning | None]:
    """The record fields a date field's text gives, read by ``read`` (a format's own date reader;
    :func:`text_to_date` by default): ``{variable: date}``, nothing for empty text, and for a date
    of issue what :func:`archcite.records.written_dates.issued_fields` reads (a reprint's
    ``original-date``; a ``status`` such as ``Forthcoming`` instead of a date). Empty text and
    ``n.d.`` give no field."""
    if is_no_date(text):
        return {}, None
    if variable == "issued":
        fields = issued_fields(text)
        if fields is not None:
            return fields, None
    date, warning = read(text, variable) if read else text_to_date(text, variable, None)
    return ({variable: date} if date else {}), warning


def citation_keys(records: Sequence[Record]) -> list[str]:
    """Each record's id where it is a usable BibTeX/RIS key, else a derived one; unique in order."""
    return unique_keys(citation_key(record) for record in records)


def citation_key(record: Record) -> str:
    """The record's id where it is a usable BibTeX/RIS key, else a derived one (maybe not unique)."""
    return record.id if _KEY.match(record.id) else derive_key(record.fields)


def exact_date_text(date: Mapping[str, Any]) -> str | None:
    """:func:`date_to_text`, or None when that text would not read back as ``date`` (a month 13,
    a negative year): such a date is kept exactly as a JSON line of the free-text field."""
    text = date_to_text(date)
    if text is None or text_to_date(text, "issued", None)[0] != date:
        return None
    return text


def note_value(value: Any) -> Any:
    """A value as it is written in a ``name: value`` line: dates as EDTF where they can be."""
    if isinstance(value, Mapping) and ("date-parts" in value or "literal" in value):
        text = exact_date_text(value)
        return text if text is not None else dict(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value


def _simple_name(name: Any) -> str | None:
    """Zotero's Extra form of a name (``Byrnes || James F.``, or the literal), if it has one."""
    if not isinstance(name, Mapping):
        return None
    if set(name) == {"literal"} and "||" not in str(name["literal"]) and not str(name["literal"]).startswith("["):
        return str(name["literal"])
    if (
        set(name) <= {"family", "given"}
        and "family" in name
        and "||" not in str(name["family"]) + str(name.get("given", ""))
    ):
        family = str(name["family"])
        if "given" not in name and not family.startswith("["):
            return f"{family} ||"
        return f"{family} || {name['given']}" if not family.startswith("[") else None
    return None


def fold_leftovers(fields: Mapping[str, Any], leftovers: Iterable[str]) -> dict[str, Any]:
    """``fields`` with the named ones moved into ``note`` as ``name: value`` lines.

    Names are one line each in Zotero's Extra form (``recipient: Byrnes || James F.``) where
    they can be, else one line holding the JSON list.
    """
    names = [name for name in leftovers if name in fields]
    lines: list[str] = []
    for name in names:
        value = fields[name]
        if name in NAME_VARIABLES and isinstance(value, list):
            simple = [_simple_name(n) for n in value]
            if all(s is not None and "\n" not in s for s in simple):
                lines.extend(f"{name}: {s}" for s in simple)
                continue
        lines.extend(fold_into_note({name: note_value(value)}, [name])["note"].split("\n"))
    result = {k: v for k, v in fields.items() if k not in names}
    if lines:
        # The lines before the note's own text, as in CSL-JSON (see ``extra.fold_into_note``).
        note = fields.get("note")
        result["note"] = "\n".join(lines + ([str(note)] if note else []))
    return result


def unfold_leftovers(fields: dict[str, Any]) -> dict[str, Any]:
    """Take the ``name: value`` lines a writer left in ``note`` back as fields."""
    note = fields.get("note")
    if not isinstance(note, str):
        return fields
    names: dict[str, list[dict[str, Any]]] = {}
    kept: list[str] = []
    fields = _with_custom_lines(fields)
    note = fields.get("note")
    if not isinstance(note, str):
        return fields
    # A name or date line overrides the target's own field: the writer adds one only when that
    # field cannot hold the value exactly (a particle kind, a comma in a literal, a date range).
    fields = {
        k: v
        for k, v in fields.items()
        if not (k in NAME_VARIABLES | DATE_VARIABLES and re.search(rf"(^|\n){re.escape(k)}: ", note))
    }
    for line in note.split("\n"):
        match = _NAME_LINE.match(line)
        if (
            match
            and match["name"] in NAME_VARIABLES
            and match["name"] not in fields
            and not match["value"].startswith("[")
        ):
            family, bar, given = match["value"].partition("||")
            person = {"family": family.strip(), **({"given": given.strip()} if given.strip() else {})}
            names.setdefault(match["name"], []).append(person if bar else {"literal": match["value"]})
        else:
            kept.append(line)
    result = unfold_note(
        {**fields, "note": "\n".join(kept)} if kept else {k: v for k, v in fields.items() if k != "note"},
        NOTE_LINE_NAMES,
    )
    result.update(names)
    for name in DATE_VARIABLES & set(result):
        if isinstance(result[name], str):
            # Dates of note lines are EDTF text; read them as the target's own date fields are.
            result[name], _ = text_to_date(result[name], name, None)
    return result


def _with_custom_lines(fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` with the ``custom:`` lines of ``note`` merged into ``custom`` (the object the
    reader made of the fields it could not map)."""
    custom: dict[str, Any] = {}
    kept = []
    for line in str(fields["note"]).split("\n"):
        match = _CUSTOM_LINE.match(line)
        value = decode_value(CUSTOM, match[1]) if match else None
        if isinstance(value, dict):
            custom.update(value)
        else:
            kept.append(line)
    if not custom:
        return fields
    result = {k: v for k, v in fields.items() if k != "note"}
    if any(kept):
        result["note"] = "\n".join(kept)
    result[CUSTOM] = {**custom, **(fields.get(CUSTOM) or {})}
    return result


def custom_line(key: str, value: Any) -> str:
    """One value of ``custom`` as a line of a target's free-text field (read back by
    :func:`unfold_leftovers`)."""
    return f"custom: {json.dumps({key: value}, ensure_ascii=False)}"


def lost_field_warning(record: Record, name: str, target: str, free_field: str) -> RecordWarning:
    return RecordWarning(
        f"{target} has no field for '{name}'; kept in {free_field} as the line '{name}: ...'",
        record_id=record.id,
        origin=record.origin,
        field=name,
    )


def kept_in_custom_warning(names: Iterable[str], record_id: str | None, origin: Origin | None) -> RecordWarning:
    """The one warning of a record whose unmapped values a reader kept in ``custom``."""
    return RecordWarning(
        f"no record field for '{', '.join(names)}'; kept in 'custom', which no style prints",
        record_id=record_id,
        origin=origin,
        field=CUSTOM,
    )


def with_origin(warning: RecordWarning, record_id: str | None, origin: Origin) -> RecordWarning:
    return RecordWarning(warning.message, record_id=record_id, origin=origin, field=warning.field)


def read_list_dates(item: dict[str, Any]) -> dict[str, Any]:
    """An item with its dates written as lists of parts (``issued: [{year: 2014, month: 3}]``, as
    Better BibTeX and pandoc before 2.11 write CSL-YAML) as CSL dates: the list is the range."""
    dates = {
        name: value
        for name, value in item.items()
        if name in DATE_VARIABLES
        and isinstance(value, list)
        and value
        and all(isinstance(part, Mapping) and "year" in part for part in value)
    }
    # A list of one date object without parts ('original-date: [{literal: 2017-14/2017-99}]',
    # as Better BibTeX writes a date it cannot split) is that date object.
    single = {
        name: value[0]
        for name, value in item.items()
        if name in DATE_VARIABLES
        and name not in dates
        and isinstance(value, list)
        and len(value) == 1
        and isinstance(value[0], Mapping)
    }
    if not dates and not single:
        return item
    result = {**item, **single}
    for name, value in dates.items():
        date: dict[str, Any] = {
            "date-parts": [
                [part[key] for key in ("year", "month", "day") if part.get(key) is not None] for part in value
            ]
        }
        season = value[0].get("season")
        if season is not None:
            date["season"] = season
        if any(part.get("circa") for part in value):
            date["circa"] = True
        result[name] = date
    return result
