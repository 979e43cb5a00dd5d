"""A stand-in for the archives on 127.0.0.1, serving the saved pages (tests only): the Wilson
Center pages of tests/data/pages, and shared/archive-pages at the paths of their addresses."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from tests.conftest import DATA, SHARED

ARCHIVE_PAGES = SHARED / "archive-pages"

RIS_EXPORT = "TY  - MANSCPT\nTI  - Letter to Wladyslaw Gomulka from Kim Il Sung\nKW  - Korean War\nER  - \n"
# How long /slow keeps a client waiting; tests give the client a far shorter timeout.
SLOW_SECONDS = 3.0
# /trickle sends a byte this often, for TRICKLE_BYTES bytes.
TRICKLE_SECONDS = 0.05
TRICKLE_BYTES = 1200


def archive_page_addresses() -> dict[str, str]:
    """Each saved page of shared/archive-pages (``frus/001.txt``) → its address, from SOURCES.md."""
    addresses: dict[str, str] = {}
    page = None
    for line in (ARCHIVE_PAGES / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("- `") and line.endswith("`"):
            page = line[3:-1]
        elif page and line.strip().startswith("- page address: "):
            addresses[page] = line.split("- page address: ", 1)[1].strip()
    return addresses


# The path (without query or fragment) each saved archive page is served at.
_ARCHIVE_PAGE_PATHS = {urlsplit(address).path: page for page, address in archive_page_addresses().items()}


@dataclass
class LocalArchive:
    base: str
    requested: list[str] = field(default_factory=list)


class _Handler(BaseHTTPRequestHandler):
    archive: LocalArchive

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def _send(
        self, status: int, body: bytes = b"", content_type: str = "text/plain; charset=utf-8", **headers: str
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        with suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        self.server.archive.requested.append(path)  # type: ignore[attr-defined]
        if urlsplit(path).path in _ARCHIVE_PAGE_PATHS and urlsplit(path).path != "/":
            self._send(200, (ARCHIVE_PAGES / _ARCHIVE_PAGE_PATHS[urlsplit(path).path]).read_bytes())
        elif path == "/document/113390.ris":
            self._send(200, RIS_EXPORT.encode(), "application/x-research-info-systems")
        elif path.startswith("/document/") and (DATA / "pages" / f"wilson-{path[10:]}.txt").is_file():
            self._send(200, (DATA / "pages" / f"wilson-{path[10:]}.txt").read_bytes())
        elif path == "/html/113390":
            self._send(200, (DATA / "html" / "older-site-113390.html").read_bytes(), "text/html; charset=utf-8")
        elif path.startswith("/moved/"):
            self._send(301, Location="/document/" + path[7:])
        elif path == "/away":
            self._send(302, Location="http://archive.example.invalid/document/113390")
        elif path == "/slow":
            time.sleep(SLOW_SECONDS)
            self._send(200, b"late")
        elif path == "/trickle":
            self._trickle()
        elif path.startswith("/text-as-html/"):
            self._send(200, (DATA / "pages" / f"wilson-{path[14:]}.txt").read_bytes(), "text/html; charset=utf-8")
        elif path == "/big":
            self._send(200, b"x" * 5000)
        else:
            self._send(404, b"not found")

    def _trickle(self) -> None:
        """A byte every TRICKLE_SECONDS, each well within any per-read timeout (at most a minute)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(TRICKLE_BYTES))
        self.end_headers()
        with suppress(BrokenPipeError, ConnectionResetError):
            for _ in range(TRICKLE_BYTES):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(TRICKLE_SECONDS)


@contextmanager
def local_archive() -> Iterator[LocalArchive]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    archive = LocalArchive(f"http://127.0.0.1:{server.server_address[1]}")
    server.archive = archive  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield archive
    finally:
        server.shutdown()
        server.server_close()
