"""What the fuzz tests and the long campaign run on each input: every loader (as the command line
reads a file), the command line on standard input, and a style file. Each target lets only
archcite's own errors through; anything else is a crash."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from typing import Any

from click.testing import CliRunner

from archcite.errors import ArchciteError, ExitCode
from archcite.records.io import load_sources
from archcite.records.registry import all_formats
from archcite.records.validate import build_records
from tests.conftest import EXAMPLE

# A file suffix for each loader that has one, and --from for those that have none.
LOADERS = [(fmt.name, fmt.suffixes[0] if fmt.suffixes else ".txt") for fmt in all_formats() if fmt.load is not None]
WRITERS = [fmt.name for fmt in all_formats() if fmt.dump is not None]
# Exit codes a run on any input may end with: data, invalid input, unknown format (DESIGN.md).
EXPECTED_EXITS = {ExitCode.OK, ExitCode.INPUT, ExitCode.UNKNOWN}


def load_as_file(text: str, fmt: str, suffix: str) -> None:
    """``text`` read as a file of format ``fmt``, then every record checked and built."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, f"fuzz{suffix}")
        with open(path, "wb") as handle:
            handle.write(text.encode("utf-8", errors="surrogatepass"))
        for source_format in (fmt, None):
            try:
                loaded = load_sources([path], source_format, skip_invalid=True)
                build_records((record.fields, record.origin) for record in loaded.records)
            except ArchciteError:
                pass


def read_date_text(text: str) -> None:
    """``text`` as every reader reads a date field (BibTeX and RIS date readers, ``year``, words),
    which never raises, and the words reading in linear time (a hostile string in well under 1 s)."""
    import time

    from archcite.records.formats.bibtex_read import read_date
    from archcite.records.formats.ris import _read_ris_date
    from archcite.records.mapping import date_fields
    from archcite.records.written_dates import issued_fields, words_date

    started = time.perf_counter()
    words_date(text)
    issued_fields(text)
    assert time.perf_counter() - started < 0.5, f"slow on {len(text)} characters"
    for variable in ("issued", "accessed"):
        for read in (read_date, _read_ris_date, None):
            date_fields(text, variable, read)
    load_as_file("@book{a, title={T}, year={" + text.replace("}", "") + "}}", "bibtex", ".bib")


def run_cli(args: list[str], stdin: str) -> tuple[int, str]:
    """The command line on ``stdin``; returns its exit code and stderr."""
    result = CliRunner().invoke(
        _cli(), args, input=stdin.encode("utf-8", errors="surrogatepass"), catch_exceptions=True
    )
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stderr


# How Python prints a warning (``warnings.showwarning``): a library's warning reaching the user.
_PYTHON_WARNING = re.compile(r":\d+: \w*Warning: ")


def assert_cli_handles(args: list[str], stdin: str) -> None:
    code, err = run_cli(args, stdin)
    assert "internal error" not in err, err
    assert not _PYTHON_WARNING.search(err), err
    assert code in EXPECTED_EXITS, (code, err)


def render_with_style(csl: str) -> None:
    """A style file checked, then used to cite the bundled example."""
    from archcite.records.io import load_sources
    from archcite.styles import render

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "fuzz.csl")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(csl)
        records = load_sources([str(EXAMPLE)]).records
        with contextlib.suppress(ArchciteError):
            render(records, path, cache=False)


def _cli() -> Any:
    from archcite.cli.app import cli

    return cli


def mutated_file(sample: tuple[str, str]) -> None:
    """A mutated sample file, read by its suffix, cited and exported by the command line."""
    suffix, text = sample
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, f"mutated{suffix}")
        with open(path, "wb") as handle:
            handle.write(text.encode("utf-8", errors="surrogatepass"))
        for args in (["cite", path, "--skip-invalid"], ["export", path, "--to", "ris", "--skip-invalid"]):
            assert_cli_handles(args, "")


def run_pandoc_filter(text: str) -> None:
    """The pandoc filter on ``text`` as its standard input: a document or a clear error."""
    import io

    from archcite.pandoc.filter import main

    stderr = io.StringIO()
    code: Any = ExitCode.OK
    with contextlib.redirect_stderr(stderr):
        try:
            main(["html"], stdin=io.StringIO(text), stdout=io.StringIO())
        except SystemExit as exit_:
            code = exit_.code
    assert not _PYTHON_WARNING.search(stderr.getvalue()), stderr.getvalue()
    assert code in EXPECTED_EXITS, (code, stderr.getvalue())


def import_one_by_one(samples: list[tuple[str, str]]) -> None:
    """Mutated samples imported one at a time into one folder, as records are collected: each
    import keeps every record the folder held (none overwritten or lost), and the folder loads."""
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        records = Path(folder) / "records"
        before: dict[str, bytes] = {}
        for n, (suffix, text) in enumerate(samples):
            path = os.path.join(folder, f"page{n}{suffix}")
            with open(path, "wb") as handle:
                handle.write(text.encode("utf-8", errors="surrogatepass"))
            code, err = run_cli(["import", path, "-o", f"{records}/", "--skip-invalid"], "")
            assert "internal error" not in err, err
            assert not _PYTHON_WARNING.search(err), err
            # An earlier import of the same address is replaced only with --force.
            assert code in EXPECTED_EXITS or (code == ExitCode.ERROR and "pass --force to replace it" in err), err
            now = {p.name: p.read_bytes() for p in records.iterdir()} if records.is_dir() else {}
            assert {name: now.get(name) for name in before} == before, "an import changed a record file"
            before = now
        if before:
            load_sources([str(records)])
