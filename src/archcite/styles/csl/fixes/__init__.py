"""archcite's fixes to citeproc-py 0.11.1, one module per departure from the CSL specification.

Each fix changes attributes of citeproc-py's classes in an :class:`~._patching.Overrides` table,
never the classes themselves; ``styles.classes`` makes archcite's subclasses from the table. The
fixes are written against citeproc-py 0.11.1 exactly (``REQUIRED_CITEPROC``); the
engine refuses another version rather than render subtly wrong citations. The categories (A–N)
refer to the reference folder's CITEPROC-PY.md.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from archcite.styles.csl.fixes._patching import Overrides

REQUIRED_CITEPROC = "0.11.1"

# Order matters where fixes wrap the same method: later fixes wrap earlier ones.
FIXES: tuple[str, ...] = (
    "csl102vars",
    "richtext",
    "quotes",
    "narrow_spaces",
    "punctuation",
    "initialize",
    "nameparts",
    "textcase",  # replaces TextCased.case, which capitalize then wraps
    "capitalize",
    "numeric",  # replaces Number.process, which _tracking (substitute, groups) then wraps
    "substitute",
    "groups",
    "macro_groups",
    "display",
    "labels",
    "pages",
    "dates",
    "seasons",
    "terms",
    "term_apostrophe",
    "sorting",
    "demote_particle",
    "disambiguate_condition",
    # house rules where reference processors disagree (README)
    "titlecase",
    "static_ordering",
    "and_delimiter",
    "after_inverted_name",
    # speed only, same output; last, because it memoises and wraps what the fixes installed
    "perf",
)


class CiteprocVersionError(RuntimeError):
    """The installed citeproc-py is not the version the fixes were written against."""


def installed_citeproc_version() -> str:
    # citeproc's own version string: importlib.metadata would cost more than a citation.
    import citeproc

    return str(citeproc.__version__)


def apply_all(overrides: Overrides) -> None:
    """Apply every fix, in order, to ``overrides``."""
    installed = installed_citeproc_version()
    if installed != REQUIRED_CITEPROC:
        raise CiteprocVersionError(
            f"archcite's engine fixes need citeproc-py {REQUIRED_CITEPROC}, but {installed} is installed"
        )
    for name in FIXES:
        import_module(f"{__name__}.{name}").apply(overrides)
