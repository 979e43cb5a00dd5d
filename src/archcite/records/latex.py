"""BibTeX field values: record text to LaTeX and back, so that every value reads back identically.

Record values are plain Unicode with CSL's HTML-like markup (``<i>``, ``<b>``, ``<sup>``, ...).
:func:`encode` writes the characters LaTeX and BibTeX treat specially so that BibTeX, biber,
pandoc and archcite all read them as text; :func:`decode` reads that back and also the LaTeX
other tools write (``{\\"o}``, ``\\'e``, ``--``, ``\\emph{...}``). Accented letters are left to
pylatexenc (a dependency of bibtexparser); the tables below are the only rules archcite adds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any

# Characters written as LaTeX escapes in every mode. Braces are handled apart: ``\{`` only
# when the value's braces pair up, because BibTeX and biber count ``\{`` as a brace too.
_ESCAPES: dict[str, str] = {
    "\\": r"\textbackslash{}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "`": r"\`{}",  # an accent on nothing: pandoc reads \textasciigrave as nothing
    "\u00a0": "~",
}
_UNPAIRED_BRACES = {"{": r"\textbraceleft{}", "}": r"\textbraceright{}"}
# TeX ligatures that would turn literal characters into other ones; ``{}`` breaks them.
_LIGATURES = {"--": "-{}-", "''": "'{}'"}
# ASCII output: dashes as TeX ligatures (pandoc drops \textendash), quotes as commands, and
# accented i with a plain i (pandoc reads {\'\i} as a dotless i with an accent).
_ASCII_OVERRIDES = {
    "–": "--",
    "—": "---",
    "“": r"\textquotedblleft{}",
    "”": r"\textquotedblright{}",
    "í": r"{\'i}",
    "ì": r"{\`i}",
    "î": r"{\^i}",
    "ï": r"{\"i}",
}

# Control words that stand for one character, read by archcite directly.
_SYMBOL_MACROS: dict[str, str] = {
    "textbackslash": "\\",
    "slash": "/",
    "hyph": "-",
    "hyphen": "-",
    "TeX": "TeX",
    "LaTeX": "LaTeX",
    "LaTeXe": "LaTeX2e",
    "BibTeX": "BibTeX",
    "XeTeX": "XeTeX",
    "LuaTeX": "LuaTeX",
    "textquotesingle": "'",
    "textasciitilde": "~",
    "textasciicircum": "^",
    "textasciigrave": "`",
    "textbraceleft": "{",
    "textbraceright": "}",
    "textunderscore": "_",
    "textdollar": "$",
    "textpercent": "%",
    "textampersand": "&",
    "textbar": "|",
    "textless": "<",
    "textgreater": ">",
    "textendash": "–",
    "textemdash": "—",
    "textquotedblleft": "“",
    "textquotedblright": "”",
    "textquoteleft": "‘",
    "textquoteright": "’",
}
# CSL markup <-> LaTeX commands (CSL-JSON "rich text" as citeproc-js defines it).
_MARKUP_TO_LATEX: dict[str, str] = {
    "i": "textit",
    "b": "textbf",
    "sup": "textsuperscript",
    "sub": "textsubscript",
    'span style="font-variant:small-caps;"': "textsc",
}
_LATEX_TO_MARKUP: dict[str, str] = {
    "textit": "i",
    "emph": "i",
    "mkbibemph": "i",
    "textbf": "b",
    "mkbibbold": "b",
    "textsuperscript": "sup",
    "mkbibsuperscript": "sup",
    "textsubscript": "sub",
    "textsc": 'span style="font-variant:small-caps;"',
}
# Commands whose argument is a URL, read verbatim; commands that quote their argument (the starred
# form too: outside a quotation csquotes prints the outer marks, as pandoc reads it).
_VERBATIM_MACROS = frozenset({"url", "path", "nolinkurl"})
# Commands whose argument names a counter (``\arabic{author}`` prints how many authors there
# are): the argument is no text, and the number is biblatex's to count, so neither is read.
_COUNTER_MACROS = frozenset({"arabic", "roman", "Roman", "alph", "Alph", "fnsymbol", "value", "the"})
_QUOTE_MACROS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "enquote": (("“", "”"), ("“", "”")),
    "mkbibquote": (("“", "”"), ("“", "”")),
    "textquote": (("“", "”"), ("“", "”")),
}
_MARKUP = re.compile(r'<(/?)(i|b|sup|sub|span(?: style="font-variant:small-caps;"| class="nocase")?)>')
_CONTROL_WORD = re.compile(r"\\([A-Za-z]+)")
_ACCENT_SYMBOLS = "'\"`^~=.,"
_SPACING_ACCENTS = dict(zip(_ACCENT_SYMBOLS, "´¨`^~¯˙¸", strict=True))
_ACCENT_LETTERS = frozenset("cvuHrkdbtG")


def braces_pair_up(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


@lru_cache(maxsize=4096)
def _ascii_char(char: str) -> str:
    """One non-ASCII character as LaTeX, or itself when no LaTeX reads back as exactly it."""
    if char in _ASCII_OVERRIDES:
        return _ASCII_OVERRIDES[char]
    if not unicodedata.name(char, "").startswith("LATIN"):
        # Cyrillic and Greek have LaTeX forms only under font encodings (T2A) or in math mode,
        # which pandoc and most tools do not read: such letters stay UTF-8, with a warning.
        return char
    from pylatexenc.latexencode import UnicodeToLatexEncoder

    encoded = str(
        UnicodeToLatexEncoder(
            non_ascii_only=True,
            replacement_latex_protection="braces-all",
            unknown_char_policy="keep",
            unknown_char_warning=False,
        ).unicode_to_latex(char)
    )
    return encoded if encoded != char and decode(encoded) == char else char


def _escape_text(
    text: str, *, ascii_only: bool, pair_braces: bool, protect_words: bool, case_state: list[str], protected: list[int]
) -> str:
    """The text escaped; ``protected[0]`` counts the words brace-protected that a reader would
    otherwise change."""
    pieces: list[str] = []
    for word in re.split(r"(\s+)", text):
        if not word or word.isspace():
            pieces.append(word.replace("\u00a0", "~"))
            case_state[0] = next_case_state(case_state[0], word) if word else case_state[0]
            continue
        escaped = _escape_word(word, ascii_only=ascii_only, pair_braces=pair_braces)
        if protect_words and _needs_protection(word, case_state[0]):
            escaped = "{" + escaped + "}"
            # An escape's braces ("{\\AA}X") split a word for pandoc: counted as a change.
            protected[0] += _sentence_case_changes(word, case_state[0]) or "{" in escaped[1:-1]
        pieces.append(escaped)
        for token in re.findall(r"\w+|[^\w\s]+", word):
            case_state[0] = next_case_state(case_state[0], token)
    return "".join(pieces)


# Where a reader that sentence-cases a title (pandoc, citeproc, archcite) stands before a word:
# at the start of the title or of a sentence (after ". ", "? ", "! " or ": "), it capitalises
# a lower-case word; elsewhere it lower-cases a capitalised one.
SENTENCE_STARTS = frozenset({"start", "sentence"})
_WORD_BREAKS = frozenset(" \t\n-/–—\u00a0")


def next_case_state(state: str, token: str) -> str:
    """The sentence-case state after ``token`` (a run of letters, of spaces or of punctuation)."""
    last = token[-1:]
    if last in (".", "?", "!", ":"):
        return "after-stop"
    if last.isalnum() or last == "_":  # a word character (tokens are split as \w+)
        return "word"
    if last.isspace() and state == "after-stop":
        return "sentence"
    if last in _WORD_BREAKS:
        return "word-end"
    return state


def _sentence_case_changes(word: str, case_state: str) -> bool:
    """True when a reader that sentence-cases a title (pandoc) would change ``word``: one with a
    capitalised run of letters (``Ship``, the ``Ж`` of ``Å:Ж``), or a lower-case word that starts
    a sentence. Runs with capitals inside (``ACRONYM``, ``s-PLUS``) it leaves alone."""
    runs = re.findall(r"[^\W\d_]+", word)
    if runs and runs[0][0].islower() and case_state in SENTENCE_STARTS:
        return True
    return any(run[0].isupper() and run[1:] == run[1:].lower() for run in runs)


def _needs_protection(word: str, case_state: str) -> bool:
    """Words keep their case when a style or a reader sentence-cases the title.

    A record cannot tell a proper noun ("Germany") from a title-cased word ("Policy"), and a
    lower-cased proper noun is an error while a capitalised common word is only a style lapse,
    so every word with a capital is protected. A word that starts the title or a sentence is
    protected when a later letter is a capital, or when it starts lower-case ("de Gaulle", "the"
    after a colon), which a reader would capitalise.
    """
    capitals = [c.isupper() for c in word]
    first_cased = next((c for c in word if c.isupper() or c.islower()), "")
    if case_state == "start":
        return any(capitals[1:]) or first_cased.islower()
    # After ". " readers differ ("H. Nitze" is no new sentence to pandoc): capitals stay protected.
    return any(capitals) or (case_state == "sentence" and first_cased.islower())


def _escape_word(word: str, *, ascii_only: bool, pair_braces: bool) -> str:
    out: list[str] = []
    position = 0
    while position < len(word):
        two = word[position : position + 2]
        if two in _LIGATURES:
            out.append(two[0] + "{}")
            position += 1
            continue
        char = word[position]
        if char in "{}":
            out.append("\\" + char if pair_braces else _UNPAIRED_BRACES[char])
        elif char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ascii_only and ord(char) > 127:
            out.append(_ascii_char(char))
        else:
            out.append(char)
        position += 1
    return "".join(out)


def _paired_tags(text: str) -> set[int]:
    """Start offsets of the markup tags that open and close in order; others are literal text."""
    paired: set[int] = set()
    stack: list[tuple[str, int]] = []
    for match in _MARKUP.finditer(text):
        closing, tag = match.group(1), match.group(2)
        if not closing and tag == "span":
            continue  # a bare <span> is no CSL markup
        if not closing:
            stack.append((tag, match.start()))
        elif stack and (stack[-1][0] == tag or (tag == "span" and stack[-1][0].startswith("span "))):
            paired.update((stack.pop()[1], match.start()))
        else:
            stack.clear()
    return paired


def encode(text: str, *, ascii_only: bool = False, protect_case: bool = False) -> str:
    """A record value as a BibTeX field value that :func:`decode` reads back as ``text``.

    ``ascii_only`` writes non-ASCII letters as LaTeX (ł → ``{\\l}``) where LaTeX has them;
    ``protect_case`` brace-protects capitalised words of titles against sentence-casing.
    CSL markup becomes LaTeX commands; a ``nocase`` span becomes a plain brace group.
    """
    paired = _paired_tags(text)
    markup_free = _MARKUP.sub(lambda m: "" if m.start() in paired else m.group(0), text)
    pair_braces = braces_pair_up(markup_free)

    case_state = ["start"]
    protected = [0]

    def escape(segment: str, protect: bool) -> str:
        return _escape_text(
            segment,
            ascii_only=ascii_only,
            pair_braces=pair_braces,
            protect_words=protect,
            case_state=case_state,
            protected=protected,
        )

    out: list[str] = []
    # What closes each open tag (a closing tag names only "span", whichever span it closes), the
    # index of its opening in ``out`` and the count of protected words before it.
    closers: list[tuple[str, int, int]] = []
    position = 0
    for match in _MARKUP.finditer(text):
        if match.start() not in paired:
            continue
        segment = text[position : match.start()]
        out.append(escape(segment, protect_case))
        closing, tag = match.group(1), match.group(2)
        if closing:
            closer, opened, protected_before = closers.pop()
            out.append(closer)
            # In titles a command whose argument holds a protected word sits inside a protecting
            # group: pandoc and biblatex do not see protection inside a command's argument and
            # would change its case. Without one, the group would protect what the record does
            # not (a reader reads "{\textbf{x}}" as a nocase span).
            if opened >= 0 and protect_case and protected[0] > protected_before:
                out[opened] = "{" + out[opened]
                out[-1] = "}}"
        elif tag == 'span class="nocase"':
            out.append("{")
            closers.append(("}", -1, protected[0]))
        else:
            out.append("\\" + _MARKUP_TO_LATEX[tag] + "{")
            closers.append(("}", len(out) - 1, protected[0]))
        position = match.end()
    out.append(escape(text[position:], protect_case))
    # A line starting with "@" would start a new entry for BibTeX parsers.
    return re.sub(r"(^|\n)([ \t]*)@", r"\1\2{@}", "".join(out))


def group_end(text: str, start: int) -> int:
    """Index just past the brace group opening at ``start`` (or the text's end if unclosed)."""
    depth = 0
    position = start
    while position < len(text):
        char = text[position]
        if char == "\\":
            position += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return position + 1
        position += 1
    return len(text)


def _argument_end(text: str, start: int) -> int:
    """Index past a macro argument: a brace group or a single character, after spaces."""
    position = start
    while position < len(text) and text[position] == " ":
        position += 1
    if position < len(text) and text[position] == "{":
        return group_end(text, position)
    if position < len(text) and text[position] == "\\":
        word = _CONTROL_WORD.match(text, position)
        return word.end() if word else min(position + 2, len(text))
    return min(position + 1, len(text))


@lru_cache(maxsize=4096)
def _pylatexenc_text(latex: str) -> str:
    from pylatexenc.latex2text import LatexNodes2Text

    try:
        return str(LatexNodes2Text(math_mode="verbatim").latex_to_text(latex))
    except Exception:  # pylatexenc fails on commands cut from their arguments; keep them as written
        return latex


# Marks around the text of a case-protecting brace group, when :func:`decode` is asked to keep them.
PROTECT_START = "\ue000"
PROTECT_END = "\ue001"


def decode(value: str, *, protect: bool = False) -> str:
    """A BibTeX field value (LaTeX) as record text: escapes undone, case-protecting braces dropped.

    With ``protect``, the text of each top-level brace group that protects case (``{NASA}``, not
    the ``{\\'e}`` of an accent) is put between :data:`PROTECT_START` and :data:`PROTECT_END`.
    An unescaped ``%`` starts a LaTeX comment, which runs to the end of the line and takes the
    next line's indentation with it.
    """
    out: list[str] = []
    position = 0
    length = len(value)
    quote_ends: set[int] = set()  # where a `quotation' opened with a grave accent closes
    while position < length:
        char = value[position]
        if char == "\\":
            position = _decode_macro(value, position, out, protect)
        elif char == "'" and position in quote_ends:
            out.append("”")
            position += 1
        elif char == "`" and not value.startswith("``", position) and (end := _quote_end(value, position + 1)):
            # TeX's `quotation' (single marks) as CSL's rich-text quotation, which a CSL processor
            # prints with the style's marks for its level, as pandoc reads it.
            out.append("“")
            quote_ends.add(end)
            position += 1
        elif char == "{":
            end = group_end(value, position)
            inner = value[position + 1 : end - 1] if value[end - 1 : end] == "}" else value[position + 1 : end]
            text = decode(inner)
            if protect and not _is_special_character(inner, text):
                text = PROTECT_START + text + PROTECT_END
            out.append(text)
            position = end
        elif char == "%":
            comment = re.compile(r"%[^\n]*(\n[ \t]*|$)").match(value, position)
            position = comment.end() if comment else length
        elif char == "}":
            position += 1  # stray closing brace in foreign input
        elif char in _TEX_LIGATURE_STARTS and (ligature := _ligature_at(value, position)):
            out.append(_TEX_LIGATURES[ligature])
            position += len(ligature)
        elif char == "$":
            delimiter = "$$" if value.startswith("$$", position) else "$"
            position = _formula(out, value, position, (delimiter, delimiter), protect)
        else:
            out.append(char)
            position += 1
    return "".join(out)


# What TeX's fonts and LaTeX make of these characters (the longest first, so "---" is not "--"):
# a grave accent is TeX's opening single quote (`Theory' is ‘Theory’, as pandoc reads it).
_TEX_LIGATURES = {"---": "—", "--": "–", "``": "“", "''": "”", "`": "‘", "~": "\u00a0"}
_TEX_LIGATURE_STARTS = frozenset(ligature[0] for ligature in _TEX_LIGATURES)


def _quote_end(value: str, start: int) -> int | None:
    """Where the quotation a grave accent opens before ``start`` closes: the next ``'`` outside brace
    groups that ends a word (not the apostrophe of "Don't", not TeX's ``''``), if one comes before
    another quotation opens."""
    position = start
    while position < len(value):
        char = value[position]
        if char == "{":
            position = group_end(value, position)
            continue
        if char in "`}":
            return None
        if char == "'" and not value.startswith("''", position) and not value[position + 1 : position + 2].isalnum():
            return position
        position += 2 if char == "\\" or value.startswith("''", position) else 1
    return None


def _ligature_at(value: str, position: int) -> str | None:
    """The ligature (or tie) written at ``position``, if one is."""
    return next((ligature for ligature in _TEX_LIGATURES if value.startswith(ligature, position)), None)


def _formula(out: list[str], value: str, start: int, delimiters: tuple[str, str], protect: bool) -> int:
    """The formula opening at ``start`` as text onto ``out``, and where it ends; a dollar that opens
    no formula is kept as written. A formula keeps its case when a title is sentence-cased."""
    opening, closing = delimiters
    end = value.find(closing, start + len(opening))
    while end > 0 and value[end - 1] == "\\":
        end = value.find(closing, end + 1)
    if end < 0:
        out.append(value[start:])
        return len(value)
    math = math_text(value[start + len(opening) : end])
    out.append(PROTECT_START + math + PROTECT_END if protect else math)
    return end + len(closing)


def math_text(tex: str) -> str:
    """A TeX formula as text: symbols as Unicode (pylatexenc's tables: ``\\alpha`` is α), ``^`` and
    ``_`` as CSL's ``<sup>`` and ``<sub>`` markup (``H$_2$O`` is H<sub>2</sub>O)."""
    parts: list[str] = []
    plain_start = position = 0
    while position < len(tex):
        char = tex[position]
        if char == "\\":
            word = _CONTROL_WORD.match(tex, position)
            position = word.end() if word else position + 2
        elif char in "^_" and position + 1 < len(tex):
            parts.append(_math_symbols(tex[plain_start:position]))
            end = _argument_end(tex, position + 1)
            argument = tex[position + 1 : end].strip()
            if argument.startswith("{") and argument.endswith("}"):
                argument = argument[1:-1]
            tag = "sup" if char == "^" else "sub"
            parts.append(f"<{tag}>{math_text(argument)}</{tag}>")
            plain_start = position = end
        else:
            position += 1
    parts.append(_math_symbols(tex[plain_start:]))
    return "".join(parts)


@lru_cache(maxsize=1)
def _math_converter() -> Any:
    from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

    # pylatexenc prints nothing for \mbox; in a formula it holds text (radix-2${}^{\mbox{k}}$).
    context = get_default_latex_context_db().filter_context()
    context.add_context_category("archcite-math", prepend=True, macros=[MacroTextSpec("mbox", "%(1)s")])
    return LatexNodes2Text(math_mode="text", latex_context=context)


@lru_cache(maxsize=4096)
def _math_symbols(tex: str) -> str:
    try:
        return str(_math_converter().latex_to_text(tex))
    except Exception:  # pylatexenc fails on commands cut from their arguments; keep them as written
        return tex


def _is_special_character(inner: str, text: str) -> bool:
    """BibTeX's "special character": a group starting with a control sequence that stands for one
    letter (``{\\'E}``, ``{\\ss}``), whose case a style may change."""
    return inner.startswith("\\") and len(text.strip()) == 1


def _append(out: list[str], text: str, end: int) -> int:
    out.append(text)
    return end


def _decode_accent_symbol(value: str, start: int, out: list[str]) -> int:
    r"""``\'e``, ``\~{n}``: the accented letter. An accent over nothing (``\~{}``, ``\^{}``,
    ``\~`` ending a group) is the accent mark itself, as pandoc reads it, never a combining mark
    on no letter."""
    end = _argument_end(value, start + 2)
    if value[start + 2 : end].strip(" {}"):
        out.append(_pylatexenc_text(value[start:end]))
    else:
        out.append(_SPACING_ACCENTS[value[start + 1]])
    return end


def _decode_macro(value: str, start: int, out: list[str], protect: bool = False) -> int:
    """The command at ``start`` decoded onto ``out``; where it ends."""
    word = _CONTROL_WORD.match(value, start)
    if word is None or value[start + 1 : start + 2] in _ESCAPED_CHARACTERS:
        return _decode_control_symbol(value, start, out, protect)
    return _decode_control_word(value, word, out, protect)


# Characters that a backslash escapes to themselves (``\&``; ``\ `` and ``\@`` are spacing).
_ESCAPED_CHARACTERS = ("{", "}", "%", "&", "$", "#", "_", " ", "@")


def _decode_control_symbol(value: str, start: int, out: list[str], protect: bool) -> int:
    """A backslash and the one non-letter after it: an escaped character, a line break, an inline
    formula, an accent or a symbol."""
    nxt = value[start + 1 : start + 2]
    if nxt in _ESCAPED_CHARACTERS:
        return _append(out, nxt, start + 2)
    if nxt == "\\":
        return _append(out, "\n", start + 2)
    if nxt == "(" and "\\)" in value[start:]:  # \( formula \), as $ formula $
        return _formula(out, value, start, ("\\(", "\\)"), protect)
    if nxt == "":
        return _append(out, "\\", start + 1)
    return _decode_accent_symbol(value, start, out) if nxt in _ACCENT_SYMBOLS else _append(out, nxt, start + 2)


def _decode_control_word(value: str, word: re.Match[str], out: list[str], protect: bool) -> int:
    """A control word (``\\emph{...}``, ``\\url{...}``, ``\\ss``) decoded onto ``out``; where it ends."""
    start, name, end = word.start(), word.group(1), word.end()
    if name in _ACCENT_LETTERS:  # \c{c}, \v c: the accent and its letter together
        end = _argument_end(value, end)
        out.append(_pylatexenc_text(value[start:end]))
        return end
    argument = re.compile(r"(?<!\s)\*?\s*\{").match(value, end)
    read_argument = _ARGUMENT_READERS.get(name)
    if read_argument and argument:
        return read_argument(value, word, argument.end(), out, protect)
    if (name in _LATEX_TO_MARKUP or name == "nocase") and value.startswith("{", end):
        closing = group_end(value, end)
        inner = decode(value[end + 1 : closing - 1], protect=protect)
        tag = _LATEX_TO_MARKUP.get(name)
        out.append(f"<{tag}>{inner}</{tag.split(' ')[0]}>" if tag else inner)
        return closing
    after = end
    if value.startswith("{}", after):
        after += 2
    elif value.startswith(" ", after):
        after += 1  # TeX drops the space that ends a control word
    if name in _SYMBOL_MACROS:
        out.append(_SYMBOL_MACROS[name])
    elif name not in _LATEX_TO_MARKUP and name != "nocase":
        # Letters and symbols (\l, \ss, \AA); an unknown command prints nothing.
        out.append(_pylatexenc_text(value[start:end]).strip())
    return after


def _verbatim_argument(value: str, word: re.Match[str], text_start: int, out: list[str], protect: bool) -> int:
    closing = group_end(value, text_start - 1)
    out.append(value[text_start : closing - 1])  # a URL, verbatim: no ~ or -- of TeX
    return closing


def _unread_argument(value: str, word: re.Match[str], text_start: int, out: list[str], protect: bool) -> int:
    return group_end(value, text_start - 1)


def _href_arguments(value: str, word: re.Match[str], text_start: int, out: list[str], protect: bool) -> int:
    """``\\href{url}{text}`` as its text; as the URL, verbatim, when no text follows."""
    url_end = group_end(value, text_start - 1)
    text_group = re.compile(r"(?<!\s)\s*\{").match(value, url_end)
    if text_group is None:
        out.append(value[text_start : url_end - 1])
        return url_end
    closing = group_end(value, text_group.end() - 1)
    out.append(decode(value[text_group.end() : closing - 1]))
    return closing


def _quoted_argument(value: str, word: re.Match[str], text_start: int, out: list[str], protect: bool) -> int:
    closing = group_end(value, text_start - 1)
    opening, ending = _QUOTE_MACROS[word.group(1)][value[word.end()] == "*"]
    quoted = decode(value[text_start : closing - 1])
    # A quotation keeps its case when a title is sentence-cased (pandoc reads it so).
    out.append(opening + (PROTECT_START + quoted + PROTECT_END if protect else quoted) + ending)
    return closing


# The commands whose braced argument is read by a function of its own: (value, the command's
# match, where the argument's text starts, out, protect) -> where the command ends.
_ARGUMENT_READERS: dict[str, Callable[[str, re.Match[str], int, list[str], bool], int]] = {
    **dict.fromkeys(_VERBATIM_MACROS, _verbatim_argument),
    **dict.fromkeys(_COUNTER_MACROS, _unread_argument),
    "href": _href_arguments,
    **dict.fromkeys(_QUOTE_MACROS, _quoted_argument),
}
