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
    "first_term",  # its layout wrappers settle the term marks before quotes and punctuation read the entry
    "quotes",
    "narrow_spaces",
    "punctuation",
    "default_name",
    "initialize",
    "nameparts",
    "particles",
    "name_joins",
    "particle_case",  # outside name_joins: the names it lends are the ones name_joins joins
    "textcase",  # replaces TextCased.case, which capitalize then wraps
    "capitalize",
    "lowercase_term",  # around textcase's and capitalize's case: the term marks leave lowercased text
    "numeric",  # replaces Number.process, which _tracking (substitute, groups) then wraps
    "name_count",  # inside substitute's wrapper, which hides the substituted variables
    "substitute",
    "groups",
    "macro_groups",
    "display",
    "labels",
    "pages",
    "number_ampersand",
    "dates",
    "seasons",
    "ordinals",  # wraps Date_Part.process after seasons
    "terms",
    "term_apostrophe",
    "strip_periods",
    "sorting",
    "demote_particle",
    "disambiguate_condition",
    "etal",
    "mononyms",
    # house rules where reference processors disagree (README)
    "titlecase",
    "and_delimiter",
    "after_inverted_name",
    "static_ordering",  # wraps the Name.process of the two above, which look for literals
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
