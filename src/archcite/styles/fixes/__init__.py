"""archcite's fixes to citeproc-py 0.11.1, one module per departure from the CSL specification.

``apply_all()`` applies every fix once (each is idempotent); the engine calls it before
rendering. The fixes are written against citeproc-py 0.11.1 exactly (``REQUIRED_CITEPROC``); the
engine refuses another version rather than render subtly wrong citations. The categories (A–N)
refer to the reference folder's CITEPROC-PY.md.
"""

from __future__ import annotations

from importlib import import_module

REQUIRED_CITEPROC = "0.11.1"

# Order matters where fixes wrap the same method: later fixes wrap earlier ones.
FIXES: tuple[str, ...] = (
    "csl102vars",
    "richtext",
    "quotes",
    "punctuation",
    "initialize",
    "nameparts",
    "textcase",  # replaces TextCased.case, which capitalize then wraps
    "capitalize",
    "numeric",  # replaces Number.process, which _tracking (substitute, groups) then wraps
    "substitute",
    "groups",
    "labels",
    "pages",
    "dates",
    "seasons",
    "terms",
    "sorting",
    "disambiguate_condition",
    # house rules where reference processors disagree (README)
    "titlecase",
    "static_ordering",
    "and_delimiter",
    # speed only, same output; last, because it memoises and wraps what the fixes installed
    "perf",
)

_applied = False


class CiteprocVersionError(RuntimeError):
    """The installed citeproc-py is not the version the fixes were written against."""


def installed_citeproc_version() -> str:
    # citeproc's own version string: importlib.metadata would cost more than a citation.
    import citeproc

    return str(citeproc.__version__)


def apply_all() -> None:
    """Apply every fix to citeproc-py (once per process)."""
    global _applied
    if _applied:
        return
    installed = installed_citeproc_version()
    if installed != REQUIRED_CITEPROC:
        raise CiteprocVersionError(
            f"archcite's engine fixes need citeproc-py {REQUIRED_CITEPROC}, but {installed} is installed"
        )
    for name in FIXES:
        import_module(f"{__name__}.{name}").apply()
    _applied = True
