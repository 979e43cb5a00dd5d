"""Patterns compiled on first use (``archcite.patterns.lazy``)."""

from __future__ import annotations

import re
import subprocess
import sys

from archcite.patterns import lazy


def test_a_lazy_pattern_is_compiled_once_and_matches_as_re_compile() -> None:
    pattern = lazy(r"(\d+)\s*[-–]\s*(\d+)", re.ASCII)
    first = pattern()
    assert first is pattern()
    assert first.pattern == r"(\d+)\s*[-–]\s*(\d+)"
    assert first.flags & re.ASCII
    match = first.fullmatch("12 – 19")
    assert match is not None
    assert match.groups() == ("12", "19")


def test_importing_the_engine_compiles_no_lazy_pattern() -> None:
    probe = (
        "import re\n"
        "compiled = []\n"
        "original = re.compile\n"
        "re.compile = lambda pattern, flags=0: compiled.append(pattern) or original(pattern, flags)\n"
        "from archcite.styles.csl.fixes import pages\n"
        "import archcite.styles.csl.classes, archcite.styles.archival.names as names\n"
        "for lazy in (names._OFFICE_HOLDER, pages._FORMATTED):\n"
        "    print(lazy.__wrapped__.args[0] in compiled)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.split() == ["False", "False"]
