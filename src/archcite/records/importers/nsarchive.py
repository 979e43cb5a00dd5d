"""National Security Archive Electronic Briefing Books (nsarchive.gwu.edu, nsarchive2.gwu.edu),
and briefing-book document entries re-hosted elsewhere that name their "Original source".

A briefing book gives its title, a dateline ("Washington, D.C., June 1, 1999 – ...") and its
editor ("Edited by ..."); its number is in its address (``NSAEBB16``). A re-hosted document
entry gives "Title, year", a description, and the original's address.
"""

from __future__ import annotations

import re

from archcite.records.formats.wilson import split_names
from archcite.records.importers.common import (
    DATE_TEXT,
    Importer,
    Page,
    cut_warning,
    issued,
    name_object,
    split_appended_date,
)

ARCHIVE = "National Security Archive"
SERIES = "National Security Archive Electronic Briefing Book"
HOSTS = frozenset({"nsarchive.gwu.edu", "nsarchive2.gwu.edu", "www2.gwu.edu", "www.gwu.edu"})

_DATELINE = re.compile(rf"(?P<place>[A-Z][\w .,]+?),\s+(?P<date>{DATE_TEXT})\s+[–—-]\s")
_ORIGINAL = re.compile(r"Original source:\s*(?P<url>\S+)")
_DOCUMENT = re.compile(r"#d(?P<number>\d+)$")
_EDITOR = re.compile(r"Edited by\s+(?P<names>.+?)\.?$")
_SITE_LINES = re.compile(r"^(?:Related Postings|\||Happy .*!|Skip to .*)$")


def sniff(text: str) -> bool:
    return bool(re.search(r"Electronic\s+Briefing\s+Book|NSAEBB|Original source:\s*\S*nsarchiv", text))


def _briefing_book(page: Page, lines: list[tuple[int, str]], number: int, dateline: re.Match[str]) -> None:
    title_lines = [line for n, line in lines if n < number and not _SITE_LINES.match(line)]
    if title_lines:
        page.line = next(n for n, line in lines if line == title_lines[0]) + 1
    page.put("type", "webpage")
    page.put("title", " ".join(title_lines))
    page.put("issued", issued(dateline["date"]))
    page.put("publisher-place", dateline["place"].strip(" ,"))
    editor = next((m for _, line in lines if (m := _EDITOR.match(line))), None)
    if editor:
        page.put("editor", [name_object(name) for name in split_names(editor["names"])])
    page.put("collection-title", SERIES)
    if page.url and (book := re.search(r"NSAEBB(?P<number>\d+)", page.url)):
        page.put("collection-number", book["number"])
    page.put("publisher", ARCHIVE)


def _document_entry(page: Page, lines: list[tuple[int, str]], original: re.Match[str]) -> None:
    entry = next(((n, line) for n, line in lines if re.search(r"Document \d+:", line)), None)
    if entry is None:
        page.warnings.append("found no document title ('... Document N: ...')")
        return
    page.line = entry[0] + 1
    title, date = split_appended_date(entry[1])
    page.put("type", "document")
    page.put("title", title)
    page.put("issued", date)
    following = [line for n, line in lines if n > entry[0]]
    page.put("abstract", following[0] if following and not following[0].startswith("To access") else None)
    page.put("collection-title", SERIES)
    if book := re.search(r"NSAEBB(?P<number>\d+)", original["url"]):
        page.put("collection-number", book["number"])
    if document := _DOCUMENT.search(original["url"]):
        page.put("number", document["number"])
    page.put("publisher", ARCHIVE)
    page.put("note", f"Original source: {original['url']}")


def read(page: Page) -> None:
    lines = page.nonblank()
    original = next((m for _, line in lines if (m := _ORIGINAL.fullmatch(line))), None)
    dateline = next(((n, m) for n, line in lines if (m := _DATELINE.match(line))), None)
    if original:
        _document_entry(page, lines, original)
    elif dateline:
        _briefing_book(page, lines, dateline[0], dateline[1])
    else:
        page.warnings.append("found no dateline ('Washington, D.C., <date> – ...') and no original source")
    if "editor" not in page.fields and not original:
        page.warnings.append("the page names no editor ('Edited by ...'); editor left out")
    if warning := cut_warning(page.text):
        page.warnings.append(warning)


IMPORTER = Importer(
    name="nsarchive",
    archive="National Security Archive Electronic Briefing Book",
    hosts=HOSTS,
    expected="a https://nsarchive.gwu.edu briefing book page (title, dateline, editor) or a document entry naming it",
    sniff=sniff,
    read=read,
)
