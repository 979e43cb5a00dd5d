"""Fetching an archive's document page by its URL: the Wilson Center Digital Archive, and the
archives of :mod:`archcite.records.importers` (each importer lists its hosts).

Only the archives' own hosts are fetched, redirects are followed only within it, and every
response is bounded in time and size, because a URL on the command line is untrusted input.
When the page links its ``.ris`` export, the export fills what the page lacks, through the
registry's ``ris`` reader when one is registered.
"""

from __future__ import annotations

import functools
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from archcite import __version__
from archcite.errors import FetchError, InputError, UnknownNameError
from archcite.records.formats.wilson import ARCHIVE_HOST, html_page, looks_like_html
from archcite.records.importers import ARCHIVE_HOSTS as IMPORTER_HOSTS
from archcite.records.importers import importer_for_host
from archcite.records.model import RecordWarning
from archcite.records.registry import Format, Parsed, get_format, sniff

# Hosts whose pages may be fetched; tests add their local server.
ARCHIVE_HOSTS: frozenset[str] = frozenset({ARCHIVE_HOST}) | IMPORTER_HOSTS
# One deadline for the whole fetch (connection, redirects and every byte of the body): a server
# that trickles a byte at a time, each within any per-read timeout, is still cut off.
TIMEOUT_SECONDS = 20.0
MAX_BYTES = 5_000_000
MAX_REDIRECTS = 5
USER_AGENT = f"archcite/{__version__}"

# Fields of the RIS export that fill a page record's gaps; the page's own reading wins.
RIS_FILLS = ("author", "recipient", "issued", "abstract", "keyword", "title")


@dataclass(frozen=True)
class Fetched:
    """A fetched page: the address it was finally read from, its text and its content type."""

    url: str
    text: str
    content_type: str


def _host(url: str) -> str | None:
    """The address's host; a malformed address (``http://[::1/x``, a port ``abc``, a control
    character) is an :class:`InputError`."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number)
    except ValueError as error:
        raise InputError(f"malformed address: {error}", hint="check the URL", where=repr(url)) from None
    if any(ord(character) < 0x21 or ord(character) == 0x7F for character in url):
        raise InputError(
            "malformed address: it holds a space or control character", hint="check the URL", where=repr(url)
        )
    return parts.hostname


def _check_host(url: str, allowed: frozenset[str]) -> None:
    host = _host(url)
    if host is None or host.rstrip(".") not in allowed:
        raise FetchError(
            f"not the address of an archive archcite fetches from (host {host or 'missing'})",
            hint=f"archcite fetches pages of {', '.join(sorted(ARCHIVE_HOSTS))}; save others and import the file",
            where=url,
        )


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """One TLS context for every request: building it (loading the CA bundle) is the slow part."""
    import httpx

    return httpx.create_ssl_context()


def fetch(url: str) -> Fetched:
    """GET ``url`` from the archive's host, following redirects on that host only."""
    import httpx

    allowed = ARCHIVE_HOSTS
    _check_host(url, allowed)
    original_host = _host(url)
    current = url
    deadline = time.monotonic() + TIMEOUT_SECONDS
    try:
        with httpx.Client(
            timeout=TIMEOUT_SECONDS, follow_redirects=False, headers={"User-Agent": USER_AGENT}, verify=_tls_context()
        ) as client:
            for _ in range(MAX_REDIRECTS + 1):
                with client.stream("GET", current, timeout=_remaining(deadline)) as response:
                    if response.is_redirect:
                        target = urljoin(current, response.headers.get("location", ""))
                        if _host(target) != original_host:
                            raise FetchError(
                                f"refused a redirect to another host ({urlsplit(target).hostname})",
                                hint="only redirects within the archive's site are followed",
                                where=url,
                            )
                        current = target
                        continue
                    if response.status_code >= 400:
                        raise FetchError(
                            f"HTTP {response.status_code} {response.reason_phrase}".rstrip(),
                            hint="check the document address" if response.status_code == 404 else None,
                            where=current,
                        )
                    data = bytearray()
                    for chunk in response.iter_bytes():
                        _remaining(deadline)
                        data.extend(chunk)
                        if len(data) > MAX_BYTES:
                            raise FetchError(f"the page is larger than {MAX_BYTES} bytes", where=current)
                    encoding = response.encoding or "utf-8"
                    text = bytes(data).decode(encoding, errors="replace")
                    return Fetched(current, text, response.headers.get("content-type", ""))
    except (httpx.TimeoutException, _DeadlinePassed):
        raise FetchError(
            f"no answer within {TIMEOUT_SECONDS:g} seconds", hint="try again later", where=current
        ) from None
    except httpx.InvalidURL as error:
        raise InputError(f"malformed address: {error}", hint="check the URL", where=repr(current)) from None
    except httpx.HTTPError as error:
        raise FetchError(
            f"network failure: {error}", hint="check the connection and the address", where=current
        ) from None
    raise FetchError(f"more than {MAX_REDIRECTS} redirects", where=url)


class _DeadlinePassed(Exception):
    pass


def _remaining(deadline: float) -> float:
    """Seconds left before ``deadline``; past it, :class:`_DeadlinePassed`."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise _DeadlinePassed
    return left


def _page_format(page: Fetched, fmt: str | None) -> Format:
    if fmt:
        return get_format(fmt, purpose="load")
    if importer := importer_for_host(urlsplit(page.url).hostname):
        return get_format(importer.name, purpose="load")
    # The content type is the server's word; the text must bear it out (a text page served as
    # text/html is read as text).
    if "html" in page.content_type.lower() and looks_like_html(page.text):
        return get_format("wilson-html", purpose="load")
    chosen = sniff(page.text)
    if chosen is None:
        raise InputError(
            "the fetched page is not a document page of an archive archcite imports from",
            hint=f"expected https://{ARCHIVE_HOST}/document/<id>",
            where=page.url,
        )
    return chosen


def ris_reader() -> Format | None:
    """The registry's RIS reader, or None while no RIS format is registered."""
    try:
        return get_format("ris", purpose="load")
    except UnknownNameError:
        return None


def fill_from_ris(parsed: Parsed, ris_text: str, ris_url: str, reader: Format) -> Parsed:
    """The page's record with the gaps listed in :data:`RIS_FILLS` filled from its RIS export."""
    assert reader.load is not None
    exported = reader.load(ris_text, ris_url)
    if not parsed.items or not exported.items or not isinstance(exported.items[0][0], dict):
        return parsed
    (fields, origin), ris_fields = parsed.items[0], exported.items[0][0]
    filled = dict(fields)
    for name in RIS_FILLS:
        if name not in filled and ris_fields.get(name) not in (None, "", []):
            filled[name] = ris_fields[name]
    return Parsed([(filled, origin), *parsed.items[1:]], [*parsed.warnings, *exported.warnings])


def load_url(url: str, fmt: str | None = None) -> Parsed:
    """Fetch a document page and read it into one record (with its RIS export where offered)."""
    page = fetch(url)
    chosen = _page_format(page, fmt)
    assert chosen.load is not None
    parsed = chosen.load(page.text, page.url)
    if chosen.name != "wilson-html":
        return parsed
    ris_url = html_page(page.text, page.url).ris_url
    reader = ris_reader()
    if ris_url is None or reader is None:
        return parsed
    try:
        _check_host(ris_url, ARCHIVE_HOSTS)
        export = fetch(ris_url)
    except FetchError as error:
        warning = RecordWarning(f"the page's RIS export could not be read ({error.message}); the page alone was used")
        return Parsed(parsed.items, [*parsed.warnings, warning])
    return fill_from_ris(parsed, export.text, export.url, reader)
