"""A ``cs:name``'s affixes and formatting go around each personal name, never around a literal one.

CSL 1.0.2 lets ``cs:name`` carry affixes and formatting without saying what they enclose.
citeproc-js applies them to each personal name it prints (``CSL.NameOutput``: every personal name
is appended with a copy of the ``cs:name`` token) and to no literal (institutional) name, so
``<name suffix="." initialize-with="" .../>`` prints "Fursenko A., Naftali T." and "Central
Intelligence Agency Main Trends"; citeproc-py 0.11.1 (``Name.markup``) put them once around the
whole list ("Fursenko A, Naftali T." and "Central Intelligence Agency. Main Trends"). A list cut
short by et-al is one more unit of the ``cs:name``'s token, the names and the et-al term
(``_joinEtAl``): "Blight, James G.\u00a0 u.\u00a0a.\u00a0(2012)" with ``suffix="&#160;"``.

The change concerns only a ``cs:name`` with an affix or a formatting attribute (``where=``). Its
``render`` reads the names one by one as printed (the list rendered once more without "and" or
et-al, ``author_substitute.names_one_by_one``) and wraps each personal name where it stands in
the list's output. A sort key keeps the stock rendering; so does a list whose names cannot all be
found in its output (then nothing is lost, the affixes are around the whole list as before).
"""

from __future__ import annotations

from typing import Any

from archcite.styles.csl.fixes._patching import Overrides

FIX = "name_affixes"
_FORMATTING = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")


def _decorates(element: Any) -> bool:
    """Whether a ``cs:name`` has affixes or formatting of its own."""
    return any(element.get(attribute) for attribute in ("prefix", "suffix", *_FORMATTING))


def _is_literal(name: Any) -> bool:
    return isinstance(name, dict) and "literal" in name


def _render(_original: Any) -> Any:
    def render(
        self: Any, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kwargs: Any
    ) -> Any:
        from citeproc.string import normalize_seam

        from archcite.styles.csl.author_substitute import names_one_by_one

        text = self.process(item, variable, context=context, sort_options=sort_options, **kwargs)
        if not text or sort_options is not None:
            return self.markup(text)
        names = list(item.reference.get(variable.replace("-", "_")) or ())
        literal = [_is_literal(name) for name in names]
        if not any(literal) and len(names) == 1:
            return self.markup(text)
        if all(literal):
            return text
        printed = names_one_by_one(self, item, variable, context=context, **kwargs)
        whole = str(text)
        if len(printed) != len(names):
            return self.markup(text)
        out = ""
        position = 0
        found = 0
        for name_text, is_literal in zip(printed, literal, strict=True):
            at = whole.find(name_text, position) if name_text else -1
            if at < 0:
                continue  # not shown (et-al)
            found += 1
            shown = name_text if is_literal else str(self.wrap(self.format(name_text)))
            # no double space where an affix meets the delimiter ("Doe and Roe" with suffix " ")
            out += str(normalize_seam(out, whole[position:at]))
            out += str(normalize_seam(out, shown))
            position = at + len(name_text)
        if not found:
            return self.markup(text)
        out += str(normalize_seam(out, whole[position:]))
        # cut short by et-al: the names and the et-al term are one more unit (_joinEtAl)
        cut = found < len(names) and not self.get_option("et-al-use-last", context)
        return str(self.wrap(self.format(out))) if cut else out

    return render


def install(overrides: Overrides) -> None:
    """Affix and format each personal name of a decorated ``cs:name``."""
    from citeproc.model import Name

    overrides.replace(Name, "render", FIX, _render, where=_decorates)
