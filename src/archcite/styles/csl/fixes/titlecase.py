"""Title case keeps English prepositions lowercase whatever their length (a house rule).

CSL 1.0.2, "Text-case" / title case, lowercases a fixed list of stop words; its list (which
citeproc-py 0.11.1 uses exactly, ``TextCased._stop_words``) has only short prepositions, so
"Policy Toward Germany" and "Policy During the Cold War". The Chicago Manual of Style (18th ed.,
headline-style capitalization) and the MLA Handbook (9th ed., capitalization of titles)
lowercase *all* prepositions regardless of length, as citeproc-js does ("Notes on Soviet Policy
toward Germany"). archcite follows the manuals (README, "House rules where reference processors
disagree"), and keeps the name particles "de", "van" and "von" lowercase, as citeproc-js does. The
fix gives archcite's elements a longer stop-word list. "past" is not in it (nor in citeproc-js's):
in titles it is mostly the noun ("Reconstructing the Past"), which must keep its capital. Nor are
"next", "given" and "plus", which citeproc-js lowercases: in titles they are mostly an adjective,
an adverb or a conjunction ("The Jew Next Door", "Objects with Given Properties"), and the
manuals capitalise a preposition so used (Chicago 8.159). "outside" is in it, as "inside" is in
citeproc-js's list, which lacks it.
"""

from __future__ import annotations

from archcite.styles.csl.fixes._patching import Overrides

FIX = "titlecase"

PREPOSITIONS = (
    *("about", "above", "across", "after", "against", "along", "alongside", "amid", "amidst", "among"),
    *("amongst", "around", "atop", "before", "behind", "below", "beneath", "beside", "besides"),
    *("between", "beyond", "circa", "despite", "during", "except", "inside", "like", "near"),
    *("off", "out", "outside", "per", "since", "than", "through", "throughout", "toward"),
    *("towards", "under", "underneath", "unlike", "until", "unto", "upon", "versus", "within", "without"),
    # the rarer, Latin and abbreviated prepositions of citeproc-js's list (CSL.SKIP_WORDS): "Apologia
    # pro Vita Sua", "the Law qua Law"; "vs" and "ca" are the words of "vs." and "ca." (a period
    # parts a title's words)
    *("afore", "al", "anenst", "apropos", "apud", "astride", "athwart", "barring", "ca", "forenenst"),
    *("modulo", "notwithstanding", "pro", "qua", "sans", "thru", "thruout", "vs"),
    # name particles stay lowercase in titles too ("Charles de Gaulle and the Cold War")
    *("de", "van", "von"),
    # Latin and French "and", lowercase in citeproc-js's list (CSL.SKIP_WORDS): "Éd. et Trad."
    "et",
)


def apply(overrides: Overrides) -> None:
    """Add the longer prepositions to citeproc's title-case stop words."""
    from citeproc.model import TextCased

    overrides.replace(
        TextCased,
        "_stop_words",
        FIX,
        lambda stock: [*stock, *(word for word in PREPOSITIONS if word not in stock)],
    )
