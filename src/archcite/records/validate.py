"""Turn a raw CSL-JSON-like mapping into a checked :class:`Record`.

Loading validates what would otherwise fail late or silently in a style: unknown types,
malformed dates, names that are neither a person nor a literal, duplicate and missing ids.
Raw dates (ISO 8601 / EDTF) become ``date-parts`` here, because citeproc-py ignores ``raw``.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from archcite.errors import InputError
from archcite.patterns import lazy
from archcite.records.keys import derive_key, unique_keys
from archcite.records.model import (
    CSL_TYPES,
    CUSTOM,
    DATE_VARIABLES,
    KNOWN_FIELDS,
    NAME_VARIABLES,
    NUMBER_VARIABLES,
    Origin,
    Record,
    RecordWarning,
)

# Values deeper than this are no record's: CSL's deepest value is a date range (3 levels).
MAX_VALUE_DEPTH = 16
# Years a date may have: EDTF writes years of any length ('Y-170000002'; pandoc reads biblatex's
# 'y-123456789' as -123456790), so the bound is not four digits but the largest integer every
# CSL-JSON reader holds exactly (JavaScript's Number.MAX_SAFE_INTEGER, citeproc-js included).
# BCE years are negative.
MIN_YEAR, MAX_YEAR = -(2**53 - 1), 2**53 - 1
# C0 controls other than tab, line feed and carriage return, DEL, and lone surrogates (which a
# JSON "\\udfff" escape gives): no text holds them, and no writer can encode a lone surrogate.
_BAD_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# Keys a record holds besides the variables: the archival flag and the CSL item keys.
_BOOLEAN_FIELDS = frozenset({"title-is-description", "date-supplied"})
_LIST_OF_TEXT_FIELDS = frozenset({"categories"})

_NAME_PARTS = frozenset(
    {
        "family",
        "given",
        "literal",
        "dropping-particle",
        "non-dropping-particle",
        "suffix",
        "comma-suffix",
        "static-ordering",
        "parse-names",
    }
)
_DATE_KEYS = frozenset({"date-parts", "raw", "literal", "season", "circa"})
# Types people reach for that CSL spells otherwise (Zotero maps Letter to personal_communication).
_TYPE_HINTS = {
    "letter": "personal_communication",
    "telegram": "personal_communication",
    "memo": "document",
    "memorandum": "document",
    "archival": "manuscript",
    "journal-article": "article-journal",
    "newspaper": "article-newspaper",
}
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _where(origin: Origin | None, record_id: str | None) -> str | None:
    parts = [str(origin)] if origin else []
    if record_id:
        parts.append(f"record '{record_id}'")
    return ", ".join(parts) or None


def _closest(word: str, choices: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, sorted(choices), n=3, cutoff=0.6)
    return f"did you mean {' or '.join(repr(c) for c in close)}?" if close else ""


def check_names(value: Any, variable: str, where: str | None) -> list[dict[str, Any]]:
    """A list of CSL name objects: each a person (family/given) or a ``literal``."""
    if isinstance(value, Mapping):
        value = [value]
    if not isinstance(value, list):
        raise InputError(
            f"'{variable}' must be a list of names, not {type(value).__name__}",
            hint="write e.g. [{family: Kennan, given: George F.}] or [{literal: Kim Il Sung}]",
            where=where,
        )
    names = []
    for position, name in enumerate(value, 1):
        if isinstance(name, str):
            raise InputError(
                f"name {position} of '{variable}' is the bare string {name!r}",
                hint=f"write {{family: ..., given: ...}} for a person or {{literal: {name!r}}}",
                where=where,
            )
        if not isinstance(name, Mapping) or not (name.get("family") or name.get("literal") or name.get("given")):
            raise InputError(
                f"name {position} of '{variable}' is neither a person nor a literal: {name!r}",
                hint="a name needs 'family' (and usually 'given') or 'literal'",
                where=where,
            )
        unknown = sorted(str(part) for part in set(name) - _NAME_PARTS)
        if unknown:
            raise InputError(
                f"name {position} of '{variable}' has unknown part(s) {', '.join(unknown)}",
                hint="name parts are " + ", ".join(sorted(_NAME_PARTS)),
                where=where,
            )
        checked: dict[str, Any] = {}
        for part, part_value in name.items():
            label = f"name {position} of '{variable}', part '{part}'"
            if part in ("static-ordering", "parse-names", "comma-suffix"):
                checked[part] = _check_flag(part_value, label, where)
            elif part_value is not None:
                checked[part] = check_text(part_value, label, where)
        if not (checked.get("family") or checked.get("literal") or checked.get("given")):
            raise InputError(
                f"name {position} of '{variable}' is neither a person nor a literal: {name!r}",
                hint="a name needs 'family' (and usually 'given') or 'literal'",
                where=where,
            )
        names.append(checked)
    return names


def check_text(value: Any, label: str, where: str | None) -> str:
    """A text value: a string (a number is taken as its digits) without control characters."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        shown = "true/false" if isinstance(value, bool) else type(value).__name__
        raise InputError(
            f"{label} must be text, not {shown}",
            hint="quote the value" if isinstance(value, bool) else "write the value as one string",
            where=where,
        )
    text = value if isinstance(value, str) else str(value)
    _check_characters(text, label, where)
    return text


def _check_characters(text: str, label: str, where: str | None) -> None:
    bad = _BAD_CHARACTER.search(text)
    if bad is not None:
        code = ord(bad.group())
        what = "a lone surrogate" if 0xD800 <= code <= 0xDFFF else "the control character"
        raise InputError(
            f"{label} holds {what} U+{code:04X} at position {bad.start() + 1}",
            hint="remove it: it is no character a citation can show (check the file's encoding)",
            where=where,
        )


def _check_flag(value: Any, label: str, where: str | None) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise InputError(f"{label} must be true or false, not {value!r}", where=where)


def _check_number(value: Any, label: str, where: str | None) -> str | int:
    """A CSL number variable: an integer or text ("209-233", "2nd")."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return check_text(value, label, where)


def _check_free(value: Any, label: str, where: str | None, depth: int = 0) -> Any:
    """A field archcite does not know: any JSON value, bounded in depth, with clean text."""
    if depth > MAX_VALUE_DEPTH:
        raise InputError(f"{label} is nested more than {MAX_VALUE_DEPTH} levels deep", where=where)
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InputError(f"{label} is not a finite number", where=where)
        return value
    if isinstance(value, str):
        _check_characters(value, label, where)
        return value
    if isinstance(value, list):
        return [_check_free(item, label, where, depth + 1) for item in value]
    if isinstance(value, Mapping):
        result = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise InputError(f"{label} has the key {key!r}, which is not text", hint="quote it", where=where)
            _check_characters(key, label, where)
            result[key] = _check_free(item, label, where, depth + 1)
        return result
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise InputError(f"{label} holds a {type(value).__name__}, which no record format can hold", where=where)


def _check_date_parts(parts: Any, variable: str, where: str | None) -> list[list[int]]:
    if not isinstance(parts, list) or not 1 <= len(parts) <= 2:
        raise InputError(
            f"'{variable}' date-parts must be a list of one date (or two for a range)",
            hint="write date-parts: [[1966, 2, 3]]",
            where=where,
        )
    checked = []
    for date in parts:
        if not isinstance(date, list) or not 1 <= len(date) <= 3:
            raise InputError(
                f"'{variable}' has a malformed date {date!r}", hint="write [year, month, day]", where=where
            )
        try:
            if any(isinstance(p, bool) or not isinstance(p, int | str) for p in date):
                raise TypeError
            numbers = [int(p) for p in date]
        except (TypeError, ValueError):
            raise InputError(
                f"'{variable}' has a non-numeric date part in {date!r}", hint="write [year, month, day]", where=where
            ) from None
        if not MIN_YEAR <= numbers[0] <= MAX_YEAR:
            raise InputError(
                f"'{variable}' has year {numbers[0]}, outside {MIN_YEAR} to {MAX_YEAR}",
                hint="years before the common era are negative (-500 is 501 BCE in CSL); free text goes in 'literal'",
                where=where,
            )
        if len(numbers) >= 2 and not (1 <= numbers[1] <= 12 or 13 <= numbers[1] <= 16 or 21 <= numbers[1] <= 24):
            raise InputError(
                f"'{variable}' has month {numbers[1]}, neither a month (1-12) nor a season (13-16, 21-24)", where=where
            )
        if len(numbers) == 3 and numbers[1] <= 12 and not 1 <= numbers[2] <= _DAYS_IN_MONTH[numbers[1] - 1]:
            raise InputError(f"'{variable}' has day {numbers[2]}, which month {numbers[1]} does not have", where=where)
        checked.append(numbers)
    return checked


# A calendar year, month or day: most raw dates, and every date a YAML file writes unquoted.
_CALENDAR_DATE = lazy(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def parse_raw_date(raw: str, variable: str, where: str | None) -> dict[str, Any]:
    """An ISO 8601 / EDTF string as CSL ``date-parts`` (with ``circa`` and ``season`` kept)."""
    text = raw.strip()
    plain = _CALENDAR_DATE().fullmatch(text)
    if plain is not None:
        parts = [int(part) for part in plain.groups() if part is not None]
        if len(parts) == 1 or (
            1 <= parts[1] <= 12 and (len(parts) == 2 or 1 <= parts[2] <= _DAYS_IN_MONTH[parts[1] - 1])
        ):
            return {"date-parts": [parts]}
    return _parse_edtf(raw, variable, where)


# The EDTF a citation can print (levels 0 and 1): a day, month or year (a negative year is BC),
# with a time (dropped) or one qualifier (? ~ %: circa; level 2's qualifier of one part, as in
# "2004?-06", qualifies the date), a season (21-24), or a range between two days, months or
# years. The rest of EDTF (unspecified digits, open or qualified ranges, sets, long years) says
# too little to cite. Read here rather than by the edtf package, whose parser prints to standard
# output on some malformed input (ixc/python-edtf#93), which would corrupt the data archcite writes.
_EDTF_DAY = r"(?!-0000)-?[0-9]{4}(?:[?~%]?-(?:0[1-9]|1[0-2])(?:[?~%]?-(?:0[1-9]|[12][0-9]|3[01]))?)?"
_EDTF_TIME = r"T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:Z|[+-](?:[01][0-9]|2[0-3])(?::[0-5][0-9])?)?"
_EDTF = lazy(
    # A day, month or year: with one qualifier at most (as the edtf package reads it), a time
    # only after a day.
    r"(?![^?~%]*[?~%][^?~%]*[?~%])"
    rf"(?P<day>{_EDTF_DAY})(?:(?<=-[0-9]{{2}}-[0-9]{{2}}){_EDTF_TIME}|(?P<qualifier>[?~%]))?"
    rf"|(?P<season>(?!-0000)-?[0-9]{{4}})-(?P<number>2[1-4])"
    rf"|(?P<start>{_EDTF_DAY})/(?P<end>{_EDTF_DAY})"
)
# EDTF's characters only, with one that only EDTF writes (an X digit, "..", a set's brackets, a
# long year's Y, a qualifier, a range's slash): EDTF that says too little to cite (or malformed
# EDTF), not free text or a malformed ISO date.
_EDTF_ONLY = lazy(r"(?=.*[0-9])(?=.*(?:[XuYSE?~%/\[\]{}]|\.\.))[-+0-9XYSEu?~%./\[\]{},:TZ ]*")
_EDTF_NUMBER = lazy(r"^-?[0-9]+|[0-9]+")


def _edtf_parts(day: str) -> tuple[list[int], bool]:
    """A day, month or year (``-0876-02``, ``2004?-06``) as date parts, and whether a part of it
    carries a qualifier."""
    return [int(number) for number in _EDTF_NUMBER().findall(day)], any(mark in day for mark in "?~%")


def _parse_edtf(raw: str, variable: str, where: str | None) -> dict[str, Any]:
    found = _EDTF().fullmatch(raw.strip())
    if found is None:
        if _EDTF_ONLY().fullmatch(raw.strip()):
            raise InputError(
                f"'{variable}' raw date {raw!r} is EDTF that says too little to cite, or no EDTF",
                hint="write a day, month, year, season or range (1966-02-03, 1962-08, 1953~, 2001-21, "
                "1962-10-16/1962-10-28), or use 'literal' for free text such as 'early 1950s'",
                where=where,
            )
        raise InputError(
            f"'{variable}' raw date {raw!r} is not ISO 8601 or EDTF",
            hint="write e.g. 1966-02-03, 1962-08, 1953~ (circa), 1962-10-16/1962-10-28, or use 'literal' for free text",
            where=where,
        )
    if found["season"]:
        return {"date-parts": [[int(found["season"])]], "season": int(found["number"]) - 20}
    read = [_edtf_parts(day) for day in ([found["day"]] if found["day"] else [found["start"], found["end"]])]
    result: dict[str, Any] = {"date-parts": [parts for parts, _ in read]}
    if found["qualifier"] or any(qualified for _, qualified in read):
        result["circa"] = True
    _check_date_parts(result["date-parts"], variable, where)
    return result


def check_date(value: Any, variable: str, where: str | None) -> dict[str, Any]:
    """A CSL date object; ``raw`` is turned into ``date-parts``, ``literal`` kept as it is."""
    if isinstance(value, str | int | datetime.date):
        value = {"raw": value.isoformat() if isinstance(value, datetime.date) else str(value)}
    if not isinstance(value, Mapping):
        raise InputError(
            f"'{variable}' must be a date object, not {type(value).__name__}",
            hint="write {date-parts: [[1966, 2, 3]]}, {raw: 1966-02-03} or {literal: 'early 1950s'}",
            where=where,
        )
    unknown = sorted(set(value) - _DATE_KEYS)
    if unknown:
        raise InputError(
            f"'{variable}' has unknown date key(s) {', '.join(unknown)}",
            hint="date keys are date-parts, raw, literal, season, circa",
            where=where,
        )
    date = {key: item for key, item in value.items() if item is not None}
    if "literal" in date:
        date["literal"] = check_text(date["literal"], f"'{variable}' literal", where)
    if "season" in date:
        date["season"] = _check_number(date["season"], f"'{variable}' season", where)
    if "circa" in date and not isinstance(date["circa"], bool | int | str):
        raise InputError(f"'{variable}' circa must be true or false, not {date['circa']!r}", where=where)
    if "date-parts" in date:
        date["date-parts"] = _check_date_parts(date["date-parts"], variable, where)
        date.pop("raw", None)
    elif "raw" in date:
        raw = check_text(date.pop("raw"), f"'{variable}' raw", where)
        date.update(parse_raw_date(raw, variable, where))
    elif "literal" not in date:
        raise InputError(f"'{variable}' has no date-parts, raw or literal", where=where)
    return date


def check_item(raw: Any, origin: Origin | None) -> tuple[dict[str, Any], list[RecordWarning]]:
    """Validate one item's fields against the schema (each CSL variable's type: text, number,
    names or date; archcite's own fields); return it with its warnings. Its id may be missing."""
    if not isinstance(raw, Mapping):
        raise InputError(f"a record must be a mapping of fields, not {type(raw).__name__}", where=_where(origin, None))
    record_id = _record_id(raw.get("id"), origin)
    where = _where(origin, record_id)
    fields: dict[str, Any] = {}
    warnings: list[RecordWarning] = []
    for key, value in raw.items():
        if not isinstance(key, str):
            raise InputError(f"the field name {key!r} is not text", hint="quote it or remove it", where=where)
        _check_characters(key, "a field name", where)
        if key == "id" and record_id is not None:
            fields["id"] = record_id
        if key == "id" or is_empty(value):
            continue
        fields[key] = _check_field(key, value, where)
        if key not in KNOWN_FIELDS and key != CUSTOM:
            hint = _closest(key, KNOWN_FIELDS)
            warnings.append(
                RecordWarning(
                    f"'{key}' is neither a CSL variable nor an archcite field; kept as it is"
                    + (f" ({hint})" if hint else ""),
                    record_id=record_id,
                    origin=origin,
                    field=key,
                )
            )
    item_type = fields.get("type")
    if item_type is None:
        raise InputError("record has no 'type'", hint="add e.g. type: letter (a CSL item type)", where=where)
    if item_type not in CSL_TYPES:
        hinted = _TYPE_HINTS.get(item_type.lower())
        suggestion = (
            f"CSL calls it {hinted!r} (put the kind of document in 'genre')"
            if hinted
            else _closest(item_type, CSL_TYPES)
        )
        raise InputError(
            f"unknown record type {item_type!r}",
            hint=suggestion or "see https://docs.citationstyles.org/ for the CSL item types",
            where=where,
        )
    if record_id is not None:
        fields["id"] = record_id
    return fields, warnings


def is_empty(value: Any, depth: int = 0) -> bool:
    """True for a value that says nothing, which a record leaves out as if it were absent: None,
    blank text, an empty list or mapping, or one of nothing but such values (a date
    ``{"literal": ""}``, ``{"date-parts": [[]]}``, an author list ``[{"family": ""}]``). Three
    levels deep at most: a value nested deeper is no empty date or name, and is checked as it is."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if depth > 2:
        return False
    if isinstance(value, list):
        return all(is_empty(item, depth + 1) for item in value)
    if isinstance(value, Mapping):
        # A flag (circa) says nothing without the date it qualifies; alone, it is a malformed date.
        said = [item for item in value.values() if not isinstance(item, bool)]
        return not value or (bool(said) and all(is_empty(item, depth + 1) for item in said))
    return False


def _record_id(value: Any, origin: Origin | None) -> str | None:
    if value in (None, ""):
        return None
    return check_text(value, "'id'", _where(origin, None))


def _check_field(key: str, value: Any, where: str | None) -> Any:
    """One field's value, checked (and normalised) by the type the schema gives its name."""
    if key in NAME_VARIABLES:
        return check_names(value, key, where)
    if key in DATE_VARIABLES:
        return check_date(value, key, where)
    if key == CUSTOM:
        return _check_custom(value, where)
    checked = _check_plain_field(key, value, where)
    if key == "DOI" and isinstance(checked, str):
        return bare_doi(checked) or checked
    return checked


# A DOI as files write it: bare, after "doi:", or as a resolver's link (https://doi.org/...,
# http://dx.doi.org/..., a publisher's such as http://doi.acm.org/...). CSL's DOI is the bare DOI
# ("10.1128/AEM.02591-07"), which styles print after their own "https://doi.org/": a link kept
# whole prints the resolver twice, as citeproc-js prints it too.
_WRITTEN_DOI = lazy(r"(?i)(?:doi:\s*|https?://[^/\s]+/)?(10\.\d{4,9}/\S+)")


def bare_doi(text: str) -> str | None:
    """The DOI ``text`` writes, bare, or None when ``text`` is no DOI."""
    found = _WRITTEN_DOI().fullmatch(text.strip())
    return found.group(1) if found else None


def _check_custom(value: Any, where: str | None) -> dict[str, Any]:
    """CSL-JSON's ``custom``: an object of values under any names (free values, bounded)."""
    if not isinstance(value, Mapping):
        raise InputError(
            f"'{CUSTOM}' holds a {type(value).__name__}, not an object of named values",
            hint='write it as an object, e.g. custom: {S2ID: "202004462"}',
            where=where,
        )
    checked = _check_free(value, f"'{CUSTOM}'", where)
    return {key: item for key, item in checked.items() if item not in (None, "", [])}


def _check_plain_field(key: str, value: Any, where: str | None) -> Any:
    """A field that holds neither names nor a date: a number, a flag, a list of text, text, or
    (a field the schema does not know) any plain value."""
    label = f"'{key}'"
    if key in NUMBER_VARIABLES:
        return _check_number(value, label, where)
    if key in _BOOLEAN_FIELDS:
        return _check_flag(value, label, where)
    if key in _LIST_OF_TEXT_FIELDS:
        items = value if isinstance(value, list) else [value]
        return [check_text(item, label, where) for item in items]
    if key in KNOWN_FIELDS:
        return check_text(value, label, where)
    return _check_free(value, label, where)


def build_records(items: Iterable[tuple[Any, Origin | None]]) -> tuple[list[Record], list[RecordWarning]]:
    """Check items, derive missing ids (stable, unique) and reject duplicate ids."""
    checked: list[tuple[dict[str, Any], Origin | None]] = []
    warnings: list[RecordWarning] = []
    for raw, origin in items:
        fields, item_warnings = check_item(raw, origin)
        checked.append((fields, origin))
        warnings.extend(item_warnings)
    return assign_ids(checked), warnings


def assign_ids(checked: list[tuple[dict[str, Any], Origin | None]]) -> list[Record]:
    given: dict[str, Origin | None] = {}
    for fields, origin in checked:
        if "id" in fields:
            if fields["id"] in given:
                first = given[fields["id"]]
                raise InputError(
                    f"duplicate record id '{fields['id']}'" + (f" (first at {first})" if first else ""),
                    hint="give each record its own id",
                    where=str(origin) if origin else None,
                )
            given[fields["id"]] = origin
    derived = unique_keys(list(given) + [derive_key(f) for f, _ in checked if "id" not in f])[len(given) :]
    records = []
    for fields, origin in checked:
        if "id" not in fields:
            fields = {"id": derived.pop(0), **fields}
        records.append(Record(fields, origin))
    return records
