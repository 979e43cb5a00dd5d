"""Wilson Center Digital Archive document pages, saved as text or HTML, read into one record.

The archive's own citation line (``"Title," Date, History and Public Policy Program Digital
Archive, <archive and call number>. <credits>.``) is split into one field per archival fact; the
title gives the document type and, where it says so, the sender and the recipient. The layouts
handled are those of ``shared/pages/README.md``: the older site (with or without its navigation
lines), the PDF export, and the 2023+ site, whose pages carry no citation line.

Nothing here guesses silently: what the parser cannot place is left out with a warning, or kept
verbatim in ``note``. The site strips diacritics ("Gomulka" for "Gomułka"); names are kept as
printed and every record carries a warning saying so.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any
from urllib.parse import SplitResult, urljoin, urlsplit, urlunsplit

from archcite.errors import InputError
from archcite.records.model import Origin, RecordWarning
from archcite.records.registry import Format, Parsed

ARCHIVE_HOST = "digitalarchive.wilsoncenter.org"
DIGITAL_ARCHIVE = "History and Public Policy Program Digital Archive"
DIGITAL_ARCHIVE_PUBLISHER = "Wilson Center"
DOCUMENT_URL = f"https://{ARCHIVE_HOST}/document/{{}}"

DIACRITICS_WARNING = (
    "names and titles on Wilson Center pages may have lost their diacritics (the site prints "
    "'Gomulka' for 'Gomułka'); archcite keeps them as printed, so check and correct them"
)

_EXPECTED = (
    "expected a Wilson Center Digital Archive document page (saved text or HTML of "
    f"https://{ARCHIVE_HOST}/document/<id>), with its date and title"
)

# --- dates -------------------------------------------------------------------------------------

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, 1)}
_DATE = r"(?:(?:" + "|".join(_MONTHS) + r")(?:\s+\d{1,2}\s*,|\s*,)?\s+\d{4}|\d{4})"
_DATE_PARTS = re.compile(r"(?P<month>[A-Z][a-z]+)(?:\s+(?P<day>\d{1,2}))?\s*,?\s+(?P<year>\d{4})|(?P<year_only>\d{4})")


def parse_date(text: str) -> list[int] | None:
    """``February 03, 1966`` → [1966, 2, 3]; ``August, 1962`` → [1962, 8]; ``1955`` → [1955]."""
    match = _DATE_PARTS.fullmatch(text.strip())
    if match is None:
        return None
    if match["year_only"]:
        return [int(match["year_only"])]
    month = _MONTHS.get(match["month"])
    if month is None:
        return None
    parts = [int(match["year"]), month]
    if match["day"]:
        parts.append(int(match["day"]))
        try:
            datetime.date(*parts)
        except ValueError:  # "February 31, 1966": not a date a citation can give
            return None
    return parts


# --- the citation line -------------------------------------------------------------------------

# The title may hold quotes of the other kind: "... on the “Pueblo”," or “... on the "Pueblo",”.
# Linear on any line: each quoted title ends at its first possible closing quote (nothing inside
# the quotes can backtrack into the spaces after it, which made a quoted run of spaces cubic), and
# the spaces and comma around the title are possessive; :func:`_quoted_title` trims the title.
_CITATION = re.compile(
    r"(?:\"(?P<straight>[^\"\n]++)\"|[“„](?P<curly>[^“”„\n]+?)[”\"])\s*+,?\s*+(?:(?P<date>"
    + _DATE
    + r")\s*+,\s*+)?"
    + re.escape(DIGITAL_ARCHIVE)
    + r"(?P<rest>[^\n]*)"
)
# The PDF export runs its labelled sections together on the citation's line.
_PDF_LABELS = re.compile(r"\s(?:Summary|Original Language|Contents|Original Archive):\s")
_DOCUMENT_URL = re.compile(r"https?://digitalarchive\.wilsoncenter\.org/document/[\w-]+", re.IGNORECASE)


def split_address(url: str) -> SplitResult | None:
    """A page's address in parts; None for one that is malformed (``https://[host``, a port
    ``abc``), which a page's link or text may hold and which then counts as no address."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number)
    except ValueError:
        return None
    return parts


# (?<!\s) and possessive runs of spaces keep these linear: a match starts only where a run of
# spaces starts, and nothing backtracks into the run (a line of spaces was quadratic).
_TRAILING_URL = re.compile(r"(?<!\s)\s*+(?P<url>https?://\S*[^.\s])[.\s]*+$")
_INITIALS_AT_END = re.compile(r"(?:^|[\s,(])(?:[A-Z]\.){2,}$")


# Credits that may come twice ("Obtained by X; ... obtained by Y"): both are kept.
_JOINED_CREDITS = ("obtained-by", "contributed-by", "courtesy-of")


@dataclass
class _Facts:
    """What one reading pass found: fields in record order, notes and warnings."""

    fields: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def put(self, name: str, value: Any) -> None:
        if value not in (None, "", []):
            self.fields[name] = value

    def add_names(self, name: str, names: Iterable[dict[str, str]]) -> None:
        self.fields.setdefault(name, []).extend(names)

    def merge(self, other: _Facts) -> None:
        for name, value in other.fields.items():
            if isinstance(value, list) and isinstance(self.fields.get(name), list):
                self.fields[name].extend(value)
            elif name in self.fields and isinstance(value, str) and name in _JOINED_CREDITS:
                self.fields[name] = f"{self.fields[name]}; {value}"
            else:
                self.fields.setdefault(name, value)
        self.notes.extend(other.notes)
        self.warnings.extend(other.warnings)


def _strip_final_period(text: str) -> str:
    """Drop a sentence's final period, but not the period of closing initials ("D.C.")."""
    text = text.strip()
    if text.endswith(".") and not _INITIALS_AT_END.search(text):
        return text[:-1].rstrip()
    return text


def _split_top_level(text: str, separators: str) -> list[str]:
    """Split at any of ``separators`` outside parentheses and brackets."""
    parts, depth, start = [], 0, 0
    for position, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char in separators and depth == 0:
            parts.append(text[start:position])
            start = position + 1
    parts.append(text[start:])
    return [part.strip() for part in parts]


# --- credits -----------------------------------------------------------------------------------

_CREDIT_START = re.compile(
    r"(?:^|(?<=[.;,]))\s*(?=(?:translated|translation\s+by|obtained|contributed|copy\s+courtesy|courtesy\s+of"
    r"|published\s+in|originally\s+published)\b)",
    re.IGNORECASE,
)
_CREDIT_VERB = r"(?:obtained|contributed|translated|translation|edited|compiled|transcribed)"
_CREDIT_CLAUSE = re.compile(
    rf"^(?P<verbs>{_CREDIT_VERB}(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+){_CREDIT_VERB})*)"
    r"(?:\s+for\s+(?P<project>[^,]+?))?\s+by\s+(?P<names>.+?)(?:\s+for\s+(?P<project_after>[A-Z][\w-]+))?$",
    re.IGNORECASE,
)
_COURTESY = re.compile(r"^(?:copy\s+)?courtesy\s+of\s+(?P<who>.+)$", re.IGNORECASE)
_PUBLISHED = re.compile(r"^(?:originally\s+)?published\b", re.IGNORECASE)
# A sentence ends at a period after a word of two or more lower-case letters: "Zubok. Published",
# never at initials ("Vladislav M. Zubok") or abbreviations ("F. 3").
_SENTENCE_END = re.compile(r"(?<=[a-z]{2})\.\s*(?=[A-Z])")
_NEXT_CREDIT = re.compile(
    rf"(?<!\s)(?:(?:\s*+,\s++|\s++)and\s++|\s*+,\s*+)(?={_CREDIT_VERB}\b)", re.IGNORECASE
)  # linear: see _TRAILING_URL
_VERB_ROLES = {
    "obtained": "obtained-by",
    "contributed": "contributed-by",
    "translated": "translator",
    "translation": "translator",
    "edited": "editor",
    "compiled": "compiler",
}
_NAME_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
_NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "al", "y"})


def _credit_clauses(text: str) -> list[str]:
    clauses = []
    for sentence in _SENTENCE_END.split(text):
        for part in _split_top_level(sentence, ";"):
            # "Contributed by X and translated by Y" is two credits; "Obtained and translated by
            # X" is one, so a piece without its "by" joins the next.
            pending = ""
            for piece in _NEXT_CREDIT.split(part):
                if not piece.strip():
                    continue
                if pending:
                    piece = f"{pending} and {piece}"
                pending = "" if re.search(r"\bby\b", piece) else piece
                if not pending:
                    clauses.append(piece)
            if pending:
                clauses.append(pending)
    return [_strip_final_period(clause) for clause in clauses if clause.strip(" .")]


def split_names(text: str) -> list[str]:
    """``"Y, Z, and W"`` → [Y, Z, W]; ``"X and Y"`` → [X, Y]; a ``Jr.`` stays with its name."""
    names: list[str] = []
    # Linear: see _TRAILING_URL.
    for part in re.split(r"(?<!\s)(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)", text.strip()):
        part = part.strip()
        if not part:
            continue
        if part in _NAME_SUFFIXES and names:
            names[-1] = f"{names[-1]}, {part}"
        else:
            names.append(part)
    return names


def parse_credits(text: str) -> _Facts:
    """Credits such as "Obtained and translated for NKIDP by X" into their fields."""
    facts = _Facts()
    for clause in _credit_clauses(text):
        match = _CREDIT_CLAUSE.match(clause)
        if match:
            names_text = _strip_final_period(match["names"])
            project = match["project"] or match["project_after"]
            for verb in re.findall(_CREDIT_VERB, match["verbs"], re.IGNORECASE):
                role = _VERB_ROLES.get(verb.lower())
                if role is None:  # "transcribed": no field for it
                    facts.notes.append(clause)
                    break
                if role in ("obtained-by", "contributed-by"):
                    facts.merge(_Facts({role: names_text}))
                else:
                    names = split_names(names_text)
                    facts.add_names(role, (name_object(name) for name in names))
                    facts.warnings.extend(
                        f"credit name {name!r} does not look like a name; check it"
                        for name in names
                        if any(token[:1].islower() and token not in _NAME_PARTICLES for token in name.split())
                    )
            if project and re.search(r"translat", match["verbs"], re.IGNORECASE):
                facts.put("translated-for", project.strip())
            elif project:
                facts.notes.append(clause)
            continue
        courtesy = _COURTESY.match(clause)
        if courtesy:
            facts.merge(_Facts({"courtesy-of": courtesy["who"].strip()}))
        elif _PUBLISHED.match(clause):
            facts.notes.append(clause + ".")
        else:
            facts.notes.append(clause)
            facts.warnings.append(f"credit {clause!r} not understood; kept verbatim in note")
    return facts


# --- names -------------------------------------------------------------------------------------

# Romanised East Asian family names: a name starting with one is written family name first
# ("Kim Il Sung", "Zhou Enlai", "Pak Seong-cheol") and is kept whole as a literal name.
EAST_ASIAN_FAMILY_NAMES = frozenset(
    """kim pak park ri rhee lee yi choe choi chong jong jeong chung han ho hong kang nam ryu yu oh yun yoon
    song sin shin jang an ahn mun moon kwon hwang cho jo paek baek chon jeon chun son im lim ko hyon hyun
    bae pae seo cha ju won ryom kye
    mao zhou chou liu deng teng zhu chen peng lin wang li zhang chang huang yang zhao wu sun ma hu guo kuo
    gao kao dong tung xu hsu he luo lo ye yeh xi jiang chiang qiao ji su tan tao lu pan shi cai ke bo po
    shen zheng cheng xiao hsiao yao lai rao geng nie wei xie tian fu qian ye zeng tseng
    pham nguyen le vo tran truong hoang phan""".split()  # noqa: SIM905 - a word list reads best as words
)
_INSTITUTION_WORDS = re.compile(
    r"\b(?:Embassy|Ministry|Committee|Council|Government|Party|Department|Office|Delegation|Consulate|"
    r"Legation|Mission|Presidium|Politburo|Secretariat|Bureau|Agency|Command|Headquarters|Army|Navy|"
    r"Foreign|Central|Union|Republic|Foundation|Institute|University|Press|Archives?|Library|Center|"
    r"Centre|Society|Association|Federation|Group|Service|Staff|Section|Division|Directorate|"
    r"Commission|Organization|Front|League|Congress|Assembly|Cabinet|Administration|Station|"
    r"Ambassador|Minister|Chairman|President|General|Soviet|Chinese|Korean|American|Hungarian|Polish|"
    r"Romanian|German|Czechoslovak|Bulgarian|Mongolian|Vietnamese|Cuban|Albanian|Yugoslav)\b"
)


def name_object(text: str) -> dict[str, str]:
    """A CSL name: ``{family, given}`` for a plain Western name, else ``{literal}`` as printed."""
    name = re.sub(r"^the\s+", "", text.strip().strip(",;:"), flags=re.IGNORECASE).strip()
    tokens = name.split()
    suffix = None
    if len(tokens) > 2 and tokens[-1] in _NAME_SUFFIXES:
        suffix = tokens.pop().rstrip(",")
        tokens[-1] = tokens[-1].rstrip(",")
    plain_person = (
        2 <= len(tokens) <= 4
        and not re.search(r"[\d\[\]()\"“”'‘’/]", name)
        and not _INSTITUTION_WORDS.search(name)
        and all(token[:1].isupper() for token in tokens)
        and tokens[0].rstrip(".").lower() not in EAST_ASIAN_FAMILY_NAMES
        # An acronym ("CC CPSU", "USSR MFA") names an institution, not a person.
        and not any(len(word) > 1 and word.isalpha() and word.isupper() for word in tokens)
        and not tokens[-1].endswith(".")
    )
    if not plain_person:
        return {"literal": name}
    person = {"family": tokens[-1], "given": " ".join(tokens[:-1])}
    if suffix:
        person["suffix"] = suffix
    return person


# --- the title ---------------------------------------------------------------------------------

# Document types named at the start of the archive's titles: (words, genre, CSL type, whether
# "from X to Y" after them names a sender and a recipient).
_GENRES: tuple[tuple[str, str, str, bool], ...] = (
    ("Ciphered Telegram", "Ciphered Telegram", "personal_communication", True),
    ("Coded Telegram", "Coded Telegram", "personal_communication", True),
    ("Telegram", "Telegram", "personal_communication", True),
    ("Cable", "Cable", "personal_communication", True),
    ("Letter", "Letter", "personal_communication", True),
    ("Message", "Message", "personal_communication", True),
    ("Memorandum of Conversation", "Memorandum of Conversation", "document", False),
    ("Minutes of Conversation", "Minutes of Conversation", "document", False),
    ("Minutes of a Conversation", "Minutes of Conversation", "document", False),
    ("Record of Conversation", "Record of Conversation", "document", False),
    ("Record of a Conversation", "Record of Conversation", "document", False),
    ("Memorandum", "Memorandum", "document", True),
    ("Memo", "Memorandum", "document", True),
    ("Minutes", "Minutes", "document", False),
    ("Transcript", "Transcript", "document", False),
    ("Stenographic Record", "Transcript", "document", False),
    ("Report", "Report", "report", True),
    ("Journal", "Journal", "document", False),
    ("Diary", "Diary", "document", False),
    ("Working Notes", "Working Notes", "document", False),
    ("Notes", "Notes", "document", False),
    ("Note", "Note", "document", True),
    ("Speech", "Speech", "speech", False),
    ("Interview", "Interview", "interview", False),
    ("Directive", "Directive", "document", True),
    ("Instructions", "Instructions", "document", True),
    ("Resolution", "Resolution", "document", False),
    ("Decree", "Decree", "document", False),
    ("Protocol", "Protocol", "document", False),
    ("Statement", "Statement", "document", False),
)
_NUMBER_PREFIX = re.compile(r"^\s*(?:No\.|Nr\.|#)\s*[\w./-]+")
_NAME_END = re.compile(  # linear: see _TRAILING_URL
    r",|(?<!\s)\s++(?:on|about|regarding|concerning|re:|with\s+regard\s+to)\s", re.IGNORECASE
)
_DIARY_OWNER = re.compile(
    r"^(?:Journal|Diary)\s+of\s+(?:.*?\s)?(?P<name>(?:[A-Z]\.\s?)+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+for\b"
)


_APPOSITIVE_NAME = re.compile(
    r"^(?P<office>[^,]+),\s*(?P<person>(?:Prof\.|Dr\.|Comrade|Cde\.|Mr\.|Mrs\.|Ms\.|Ambassador|General|Marshal)"
    r"\s+[A-Z][^,]*)$"
)


def _names_from_title(text: str) -> list[dict[str, str]] | None:
    # "the Deputy Chairman of the Committee, Prof. Pushkov": office and person, kept whole.
    if appositive := _APPOSITIVE_NAME.match(text.strip()):
        return [{"literal": re.sub(r"^the\s+", "", appositive.group(), flags=re.IGNORECASE)}]
    text = _NAME_END.split(text, maxsplit=1)[0].strip()
    if not text or len(text.split()) > 10:
        return None
    # "Kim Il Sung and Pak Hon Yong" are two senders; "Ministry of Trade and Industry" is one.
    parts = split_names(text) if " and " in text and not _INSTITUTION_WORDS.search(text) else [text]
    return [name_object(part) for part in parts]


_ACCREDITED = re.compile(
    r"\b(?:Ambassador|Envoy|Minister|Representative|Consul(?:-General)?|Charg[ée] d.Affaires|Attach[ée]|Delegate)$"
)


def read_title(title: str) -> _Facts:
    """The document type and, where the title says so, its sender and recipient."""
    facts = _Facts()
    known = next((g for g in _GENRES if re.match(re.escape(g[0]) + r"(?=$|[\s,:])", title, re.IGNORECASE)), None)
    if known is None:
        facts.put("type", "document")
        facts.warnings.append("the title names no document type this reader knows; genre left out")
        return facts
    words, genre, csl_type, correspondence = known
    facts.put("type", csl_type)
    facts.put("genre", genre)
    rest = title[len(words) :]
    owner = _DIARY_OWNER.match(title)
    if owner:
        facts.put("author", [name_object(owner["name"])])
    # "Ciphered Telegram No. 25553": the telegram's number, which a citation gives.
    numbered = _NUMBER_PREFIX.match(rest)
    if numbered:
        facts.put("number", re.sub(r"^\s*(?:No\.|Nr\.|#)\s*", "", numbered.group()))
    if not correspondence:
        return facts
    rest = rest[numbered.end() :] if numbered else rest
    after_comma = rest.lstrip().startswith(",")
    rest = rest.lstrip().lstrip(",").strip()
    sender = recipient = None
    both = (
        # Linear: see _TRAILING_URL (a run of spaces after "to" made the first one cubic).
        re.match(r"to\s++(?P<to>.+?)(?<!\s)\s++from\s++(?P<from>.+)$", rest, re.IGNORECASE)
        or re.match(r"from\s++(?P<from>.+?)(?<!\s)\s++to\s++(?P<to>.+)$", rest, re.IGNORECASE)
        # "Report, Embassy of Hungary in North Korea to the Hungarian Foreign Ministry"
        or (re.match(r"(?P<from>[^,]+?)(?<!\s)\s++to\s++(?P<to>.+)$", rest) if after_comma else None)
    )
    if both:
        sender, recipient = both["from"], both["to"]
        # "from the Soviet Ambassador to China Pavel Yudin to the CC CPSU": the first "to" names
        # where the sender is accredited, the last one the recipient.
        if " to " in recipient and _ACCREDITED.search(sender):
            accredited, _, recipient = recipient.rpartition(" to ")
            sender = f"{sender} to {accredited}"
    elif match := re.match(r"from\s+(?P<from>.+)$", rest, re.IGNORECASE):
        sender = match["from"]
    elif match := re.match(r"to\s+(?P<to>.+)$", rest, re.IGNORECASE):
        recipient = match["to"]
    for variable, text in (("author", sender), ("recipient", recipient)):
        if text is None:
            continue
        names = _names_from_title(text)
        if names is None:
            facts.warnings.append(f"could not read the {variable} from the title; left out")
        else:
            facts.put(variable, names)
    return facts


# --- the archive and call number ---------------------------------------------------------------

_ARCHIVE_WORDS = re.compile(
    r"\b(?:archives?|archiv\w*|arkhiv\w*|arhiv\w*|levéltár\w*|library|records\s+office)\b", re.IGNORECASE
)
_COLLECTION_WORDS = re.compile(r"\b(?:fond|fonds|collection|papers|files|records|record\s+group)\b", re.IGNORECASE)
# Archives the site names by abbreviation only (longest first when matching).
ARCHIVE_ABBREVIATIONS = (
    "AVP RF", "AVPRF", "AP RF", "APRF", "RGANI", "RGASPI", "RGAE", "RGVA", "GARF", "TsKhSD", "TsAMO",
    "SAPMO-BArch", "SAPMO-BA", "SAPMO", "BStU", "PA AA", "MNL OL", "MOL", "AAN", "PRC FMA", "AMVnR",
    "ABIH", "AMAE", "NARA", "AMFA", "AIPN", "ÚSD", "SÚA",
)  # fmt: skip
# Places the site prints after an archive's full name, taken without a warning. Other words
# there are taken for a place only with a warning, and never when an abbreviation in parentheses
# follows them ("Archive of Foreign Policy, Russian Federation (AVP RF)" is one name).
ARCHIVE_PLACES = (
    "Washington, D.C.", "Washington, DC", "College Park, MD", "Warsaw", "Moscow", "Budapest", "Berlin",
    "Beijing", "Bucharest", "Prague", "Sofia", "Pyongyang", "Seoul", "Tokyo", "Hanoi", "Havana",
    "Belgrade", "Ulaanbaatar", "Tirana", "Taipei", "Nanjing", "Shanghai", "Vienna", "Bonn", "Koblenz",
    "London", "Kew", "Paris", "Rome", "Ottawa", "Canberra", "New Delhi", "Geneva", "Bern", "Stockholm",
    "Copenhagen", "Helsinki", "Oslo", "Tbilisi", "Kyiv", "Kiev", "Baku", "Minsk", "Vilnius", "Riga",
    "Tallinn", "Bratislava", "Ljubljana", "Zagreb", "Sarajevo", "Skopje", "Athens", "Ankara",
    "Jerusalem", "Tehran", "Cairo", "New York", "Boston", "Abilene, KS", "Independence, MO",
    "Stanford, CA", "Princeton, NJ", "New Haven, CT",
)  # fmt: skip
_PAGE_SEGMENT = re.compile(
    r"^(?:(?P<pages>pp?\.)|(?P<folios>ll?\.|Ll?\.|L\.|Listy|listy|List|list|ff?\.|fol\.|folios?))\s*(?P<value>\S.*)$"
)
_BARE_RANGE = re.compile(r"^\d+(?:\s*[-–]\s*\d+)?$")
_COLLECTION_CODE = re.compile(r"^(?P<collection>[A-Z]{2,}(?:\s+[A-Z]{2,})+)\s+(?P<location>\d\S*)$")
_OTHER_HOLDING = re.compile(r",\s*(?=(?:a\s+)?(?:copy|copies|also)\s+(?:in|at)\b)", re.IGNORECASE)
_BOOK = re.compile(r"\([^()]*?:\s*[^()]*?,\s*\d{4}\)")


def _known_place(text: str) -> str | None:
    for place in sorted(ARCHIVE_PLACES, key=len, reverse=True):
        if text == place or text.startswith(place + ","):
            return place
    return None


def _abbreviation_at_start(segment: str) -> str | None:
    for abbreviation in sorted(ARCHIVE_ABBREVIATIONS, key=len, reverse=True):
        if segment == abbreviation or segment.startswith(abbreviation + " "):
            return abbreviation
    if re.fullmatch(r"[A-Z][A-Za-z-]{1,11}", segment) and sum(c.isupper() for c in segment) >= 2:
        return segment
    return None


def parse_archive(text: str) -> _Facts:
    """The original archive, its place, the collection, the call number and the pages."""
    facts = _Facts()
    text = _strip_final_period(text)
    if not text:
        return facts
    primary = _first_holding(text, facts)
    named = _archive_name([s for s in _split_top_level(primary, ",") if s])
    if named is None:
        facts.notes.append(primary)
        facts.warnings.append("could not tell the archive from the call number; the source is kept verbatim in note")
        return facts
    archive, before, after = named
    facts.put("archive", archive)
    after = _place_or_collection(facts, after)
    # "compiled by V. N. Malin" sits among the call number's parts.
    credits = [s for s in after if _CREDIT_CLAUSE.match(s)]
    if credits:
        facts.merge(parse_credits("; ".join(credits)))
        after = [s for s in after if s not in credits]
    page = _take_page(facts, after)
    _collection_and_location(facts, before, after)
    facts.put("page", page)
    if "archive_location" not in facts.fields:
        facts.warnings.append("the source gives no call number for the document")
    return facts


def _first_holding(text: str, facts: _Facts) -> str:
    """The first holding the source names; any others (a second archive, a copy) go to the note."""
    holdings = _split_top_level(_OTHER_HOLDING.sub(";", text), ";")
    primary, others = holdings[0], [re.sub(r"^and\s+", "", h) for h in holdings[1:] if h]
    if others:
        facts.notes.extend(others)
        facts.warnings.append(
            "the source names a second archive or copy; kept verbatim in note (the record cites the first)"
        )
    return primary


def _archive_name(segments: list[str]) -> tuple[str, list[str], list[str]] | None:
    """The archive's name and the segments before and after it; None if no segment is one."""
    found = next((i for i, s in enumerate(segments) if _ARCHIVE_WORDS.search(s) and not re.search(r"\d", s)), None)
    if found is not None:
        archive, before, after = segments[found], segments[:found], segments[found + 1 :]
        # "Archive of Foreign Policy, Russian Federation (AVP RF)": the abbreviation closes the name.
        if after and "(" in after[0] and not re.search(r"\d", after[0]) and _known_place(after[0]) is None:
            archive = f"{archive}, {after.pop(0)}"
        return archive, before, after
    if segments and (abbreviation := _abbreviation_at_start(segments[0])):
        first_rest = segments[0][len(abbreviation) :].strip()
        return abbreviation, [], ([first_rest] if first_rest else []) + segments[1:]
    return None


def _place_or_collection(facts: _Facts, after: list[str]) -> list[str]:
    """The archive's place (or a collection) from the segments after its name; the rest."""
    place = _known_place(", ".join(after))
    if place:
        facts.put("archive-place", place)
        return after[place.count(",") + 1 :]
    if after and re.fullmatch(r"[A-Z][^\W\d_'’.-]*(?: [A-Z][^\W\d_'’.-]*){0,2}", after[0]) and len(after) > 1:
        # One to three capitalised words after the name, before a call number: most likely a place
        # archcite does not list ("Gdansk"); a collection is recognised by its word ("Papers").
        if _COLLECTION_WORDS.search(after[0]):
            facts.put("archive_collection", after.pop(0))
        elif not after[0].isupper() and not re.match(r"(?:F|Op|D|P|Delo|Fond|Opis)\b", after[0]):
            facts.put("archive-place", after.pop(0))
            facts.warnings.append(f"took {facts.fields['archive-place']!r} for the archive's place; check it")
    return after


def _take_page(facts: _Facts, after: list[str]) -> str | None:
    """The pages (or folios) that end the call number, taken out of ``after``."""
    if after and (match := _PAGE_SEGMENT.match(after[-1])):
        if match["folios"]:
            facts.put("page-label", "folio")
        after.pop()
        return match["value"]
    if len(after) > 1 and _BARE_RANGE.match(after[-1]):
        return after.pop()
    return None


def _collection_and_location(facts: _Facts, before: list[str], after: list[str]) -> None:
    """The collection, if the segments name one, and the call number of the document."""
    call_number = ", ".join(after)
    location_parts = list(before)
    if "archive_collection" in facts.fields:
        pass
    elif before and _COLLECTION_WORDS.search(before[0]):
        facts.put("archive_collection", before[0])
        location_parts = before[1:]
    elif not before and (match := _COLLECTION_CODE.match(call_number)):
        facts.put("archive_collection", match["collection"])
        call_number = match["location"]
    elif not before and len(after) > 1 and re.fullmatch(r"[A-Z]{2,}(?:\s+[A-Z]{2,})+", after[0]):
        facts.put("archive_collection", after[0])
        call_number = ", ".join(after[1:])
    if call_number:
        location_parts.append(call_number)
    facts.put("archive_location", ", ".join(location_parts))


def parse_source_text(rest: str) -> tuple[_Facts, str | None]:
    """The part after "Digital Archive": archive, call number, credits; and an appended URL."""
    rest = re.sub(r"(?<!\s)\s+,", ",", rest.strip())  # linear: see _TRAILING_URL
    url = None
    if match := _TRAILING_URL.search(rest):
        url, rest = match["url"], rest[: match.start()]
    rest = rest.strip().lstrip(",").strip()
    facts = _Facts()
    books = list(_BOOK.finditer(rest))
    book = books[-1] if books else None
    search_from = book.end() if book else 0
    credit = _CREDIT_START.search(rest, search_from)
    archive_text = rest[: credit.start()] if credit else rest
    credit_text = rest[credit.end() :] if credit else ""
    if book:
        facts.notes.append(archive_text.strip())
        facts.warnings.append("the document's source is a published book; kept verbatim in note, not split into fields")
    elif archive_text.strip(" ."):
        facts.merge(parse_archive(archive_text))
    else:
        facts.warnings.append("the citation names no original archive; archive fields left out")
    if credit_text:
        facts.merge(parse_credits(credit_text))
    return facts, url


# --- page layouts ------------------------------------------------------------------------------

_NAVIGATION = re.compile(
    r"^(?:search in|add search filter.*|digital archive.*|citation( share download)?|[•·]?\s*citation|"
    r"get citation|[•·]?\s*share document|view document in|skip to content|share|download|"
    r"\[show full text\])$",
    re.IGNORECASE,
)
_FUNDING = re.compile(r"^This document was made possible with support from\b.*")
_LANGUAGE_TAB = re.compile(r"^(?P<language>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\s+HTML$")
_LABELS_2023 = (
    "Author(s)", "Associated People & Organizations", "Associated Places", "Subjects Discussed",
    "Document Information", "Source", "Original Archive", "Rights", "Record ID", "Original Uploaded Date",
    "Type", "Language", "Languages", "Original Language", "Publication Date", "Related Documents",
    "Document Type", "Record Type",
)  # fmt: skip
_RIGHTS_BOILERPLATE = re.compile(
    r"^(?:The History and Public Policy Program welcomes reuse|To enquire about this document)", re.IGNORECASE
)
LANGUAGE_CODES = {
    "English": "en", "Russian": "ru", "Chinese": "zh", "Korean": "ko", "Hungarian": "hu", "Polish": "pl",
    "Romanian": "ro", "German": "de", "Czech": "cs", "Slovak": "sk", "Bulgarian": "bg", "French": "fr",
    "Japanese": "ja", "Vietnamese": "vi", "Mongolian": "mn", "Serbian": "sr", "Croatian": "hr",
    "Serbo-Croatian": "sh", "Spanish": "es", "Italian": "it", "Albanian": "sq", "Persian": "fa",
    "Arabic": "ar", "Hebrew": "he", "Portuguese": "pt", "Ukrainian": "uk", "Georgian": "ka",
}  # fmt: skip


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def _is_date_line(line: str) -> bool:
    return re.fullmatch(_DATE, line) is not None


def _previous_text_line(lines: list[str], index: int) -> tuple[int, str] | None:
    for position in range(index - 1, -1, -1):
        if lines[position]:
            return position, lines[position]
    return None


@dataclass
class _Page:
    """The facts one layout reader finds, before they become the record."""

    layout: str
    line: int
    title: str
    date: str | None = None
    date_line: str | None = None
    abstract: str | None = None
    citation: str | None = None
    source: _Facts = field(default_factory=_Facts)
    url: str | None = None
    language: str | None = None
    original_language: str | None = None
    record_id: str | None = None
    warnings: list[str] = field(default_factory=list)


def _quoted_title(match: re.Match[str]) -> str:
    """The citation line's title, without the comma that may close it inside the quotes."""
    title = (match["straight"] or match["curly"]).strip()
    return title[:-1].rstrip() if title.endswith(",") else title


def _read_citation_layout(lines: list[str]) -> _Page | None:
    """The older site (navigation kept or stripped) and the PDF export: a citation line."""
    found = [(n, m) for n, line in enumerate(lines) if (m := _CITATION.search(line))]
    if not found:
        return None
    if len(found) > 1:
        raise InputError(
            f"the page lists {len(found)} documents, not one (a search-results or collection page?)", hint=_EXPECTED
        )
    number, match = found[0]
    line = lines[number]
    start = match.start()
    if (label := line.rfind("Citation:", 0, start)) >= 0 and not line[label + len("Citation:") : start].strip():
        start = label + len("Citation:")
    rest = match["rest"]
    labelled = _PDF_LABELS.search(rest)
    pdf_tail = rest[labelled.start() :] if labelled else ""
    rest = rest[: labelled.start()] if labelled else rest
    citation = (line[start : match.start("rest")] + rest).strip()
    page = _Page("pdf" if pdf_tail else "older", number + 1, _quoted_title(match), citation=citation)
    page.date = match["date"]
    page.source, page.url = parse_source_text(rest)
    if pdf_tail:
        if summary := re.search(r"\sSummary:\s*(?P<v>.+?)(?=\s(?:Original Language|Contents):|$)", pdf_tail):
            page.abstract = summary["v"].strip()
        if original := re.search(r"\sOriginal Language:\s*(?P<v>.+?)(?=\s(?:Contents|Summary):|$)", pdf_tail):
            page.original_language = original["v"].strip()
        if contents := re.search(r"\sContents:\s*(?P<v>[A-Z][a-z]+)\s+(?:Translation|Transcript)", pdf_tail):
            page.language = contents["v"]
    else:
        previous = _previous_text_line(lines, number)
        if previous and not (
            _NAVIGATION.match(previous[1])
            or _is_date_line(previous[1])
            or _FUNDING.match(previous[1])
            or previous[1].casefold() == page.title.casefold()  # the upper-case title line
        ):
            page.abstract = previous[1]
        else:
            page.warnings.append("found no description of the document before the citation line; abstract left out")
    for candidate in lines:
        if _is_date_line(candidate) or (page.date and candidate.startswith(page.date + " ")):
            page.date_line = candidate if _is_date_line(candidate) else page.date
            break
    return page


def _labelled_sections(lines: list[str]) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for line in lines:
        if line in _LABELS_2023:
            current = line
            sections.setdefault(current, [])
        elif current and line and not _RIGHTS_BOILERPLATE.match(line):
            sections[current].append(line)
    return sections


def _read_2023_layout(lines: list[str]) -> _Page | None:
    """The 2023+ site: date, title, body, then labelled sections; no citation line."""
    labels = [n for n, line in enumerate(lines) if line in _LABELS_2023]
    if not labels:
        return None
    dates = [n for n in range(labels[0]) if _is_date_line(lines[n])]
    if not dates:
        return None
    date_number = dates[0]
    title_number = next(
        (n for n in range(date_number + 1, labels[0]) if lines[n] and not _NAVIGATION.match(lines[n])), None
    )
    if title_number is None:
        return None
    page = _Page("2023", title_number + 1, lines[title_number], date=lines[date_number], date_line=lines[date_number])
    sections = _labelled_sections(lines[labels[0] :])
    source_lines = sections.get("Source") or sections.get("Document Information") or []
    source = source_lines[0] if source_lines else None
    if source:
        page.source, page.url = parse_source_text(source)
    else:
        page.warnings.append("the page shows no source (archive and call number); they are left out")
    archive = sections.get("Original Archive")
    if archive and "archive" not in page.source.fields:
        page.source.fields = {"archive": archive[0], **page.source.fields}
    record_id = sections.get("Record ID")
    if record_id and record_id[0].isdigit():
        page.record_id = record_id[0]
    if authors := sections.get("Author(s)"):
        # Their form ("Kim, Il Sung"? "Roshchin, N. V."?) varies too much to split them safely.
        page.warnings.append(f"the page lists Author(s) {'; '.join(authors)!r}; not read, add them if needed")
    information = next((n for n in labels if lines[n] == "Document Information"), labels[0])
    previous = _previous_text_line(lines, information)
    if previous and previous[0] > title_number:
        page.abstract = previous[1]
        page.warnings.append(
            "took the paragraph just before 'Document Information' as the document's summary (abstract); check it"
        )
    return page


def _document_url(page: _Page, text: str, source: str, address: str | None) -> tuple[str | None, str | None]:
    """The document's address and id: the fetched URL, else the page's, else the file name's."""
    url = address or (source if re.match(r"https?://", source) else page.url)
    if url is None and page.layout != "2023":
        # The older site's "share document" link; 2023+ pages link related documents instead.
        on_page = _DOCUMENT_URL.search(text)
        url = on_page.group() if on_page else None
    if url is None and page.record_id:
        url = DOCUMENT_URL.format(page.record_id)
        page.warnings.append(f"the page text has no address; URL built from its record id {page.record_id}")
    if url is None and (named := re.fullmatch(r"wilson-(?P<id>[\w-]+)\.(?:txt|html?)", PurePath(source).name)):
        url = DOCUMENT_URL.format(named["id"])
        page.warnings.append(f"the page text has no address; URL built from the file name {PurePath(source).name!r}")
    if url is None:
        page.warnings.append("the page shows no document address; URL left out")
        return None, page.record_id
    parts = split_address(url)
    if parts is None:
        page.warnings.append(f"the page's address {url!r} is malformed; URL left out")
        return None, page.record_id
    if parts.hostname == ARCHIVE_HOST:
        parts = parts._replace(scheme="https", query="", fragment="")
    url = urlunsplit(parts)
    last = parts.path.rstrip("/").rsplit("/", 1)[-1]
    return url, page.record_id or (last if last.isdigit() else None)


_SALUTATION = re.compile(r"\[To\]\s+(?P<to>[^.;]{2,100}?)\s*:?")


def _salutation(lines: list[str]) -> str | None:
    """The addressee the editors supplied at the head of the text ("[To] the Ministry of ...:")."""
    return next((m["to"] for line in lines if (m := _SALUTATION.fullmatch(line))), None)


def read_page(text: str, source: str, *, address: str | None = None, with_line: bool = True) -> Parsed:
    """One document page (text) into one raw record with its warnings; a non-document is refused.

    ``address`` is the page's known URL (an HTML page's canonical link); ``with_line`` is False
    for text taken out of HTML, whose lines are not the file's.
    """
    lines = _lines(text)
    page = _read_citation_layout(lines) or _read_2023_layout(lines)
    if page is None:
        raise InputError("not a document page: found no citation line and no dated title", hint=_EXPECTED, where=source)
    facts = _Facts()
    title_facts = read_title(page.title)
    facts.put("type", title_facts.fields.pop("type"))
    facts.put("genre", title_facts.fields.pop("genre", None))
    facts.put("title", page.title)
    facts.put("title-is-description", True)
    for variable in ("author", "recipient"):
        facts.put(variable, title_facts.fields.get(variable))
    if "recipient" not in facts.fields and (addressed := _salutation(lines)):
        facts.put("recipient", [name_object(addressed)])
        page.warnings.append(f"took the recipient {addressed!r} from the salutation '[To] ...'; check it")
    facts.put("number", title_facts.fields.get("number"))
    credits = page.source
    for variable in ("translator", "editor", "compiler"):
        facts.put(variable, credits.fields.pop(variable, None))
    _put_date(facts, page)
    facts.put("abstract", page.abstract)
    _put_language(facts, page, lines)
    facts.put("original-language", page.original_language)
    for variable in ("archive", "archive-place", "archive_collection", "archive_location", "page", "page-label"):
        facts.put(variable, credits.fields.pop(variable, None))
    notes = credits.notes
    if notes:
        facts.put("note", "\n".join(notes))
    for variable in ("obtained-by", "contributed-by", "courtesy-of", "translated-for"):
        facts.put(variable, credits.fields.pop(variable, None))
    facts.put("funding", next((line for line in lines if _FUNDING.match(line)), None))
    facts.put("digital-archive", DIGITAL_ARCHIVE)
    facts.put("digital-archive-publisher", DIGITAL_ARCHIVE_PUBLISHER)
    url, record_id = _document_url(page, text, source, address)
    facts.put("digital-archive-id", record_id)
    facts.put("URL", url)
    facts.put("archive-citation", page.citation)
    origin = Origin(source, line=page.line if with_line else None)
    messages = [DIACRITICS_WARNING, *title_facts.warnings, *credits.warnings, *page.warnings]
    return Parsed([(facts.fields, origin)], [RecordWarning(message, origin=origin) for message in messages])


def _put_date(facts: _Facts, page: _Page) -> None:
    """The document's date, from the citation line or else the page's date line."""
    if page.date is None and page.date_line:
        page.date = page.date_line  # a citation line without a date, under a dated page
    date_parts = parse_date(page.date) if page.date else None
    if date_parts:
        facts.put("issued", {"date-parts": [date_parts]})
    else:
        page.warnings.append("the page gives no date the reader understands; issued left out")
    if page.date_line and page.date and parse_date(page.date_line) != date_parts:
        page.warnings.append(f"the page's date line {page.date_line!r} differs from the citation's {page.date!r}")


def _put_language(facts: _Facts, page: _Page, lines: list[str]) -> None:
    """The language of the text read: the page's label, else its language tab ("Russian HTML")."""
    language_tab = next((m["language"] for line in lines if (m := _LANGUAGE_TAB.match(line))), None)
    language = page.language or language_tab
    if language:
        if language in LANGUAGE_CODES:
            facts.put("language", LANGUAGE_CODES[language])
        else:
            page.warnings.append(f"language {language!r} not known to the reader; left out")


# --- saved HTML --------------------------------------------------------------------------------

_BLOCK_TAGS = (
    "address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "ul", "button", "label", "option", "select",
)  # fmt: skip


@dataclass(frozen=True)
class HtmlPage:
    """A saved or fetched HTML page as text, with the links the text loses."""

    text: str
    canonical_url: str | None
    ris_url: str | None


def html_page(html: str, base_url: str | None = None) -> HtmlPage:
    """The page's visible text, one block per line, and its canonical and ``.ris`` links."""
    from bs4 import BeautifulSoup, Tag

    soup = BeautifulSoup(html, "html.parser")
    canonical = None
    for found, attribute in (
        (soup.find("link", rel="canonical"), "href"),
        (soup.find("meta", property="og:url"), "content"),
    ):
        if isinstance(found, Tag) and isinstance(found.get(attribute), str) and not canonical:
            link = str(found[attribute]).strip()
            canonical = link if link and split_address(link) else None
    ris = None
    for anchor in soup.find_all("a", href=True):
        href = str(anchor["href"]).strip()
        if (parts := split_address(href)) and parts.path.lower().endswith(".ris"):
            ris = urljoin(base_url or canonical or "", href)
            break
    lines: list[str] = []
    for line in _visible_text(soup).split("\n"):
        line = " ".join(line.split())
        if line or (lines and lines[-1]):
            lines.append(line)
    return HtmlPage("\n".join(lines).strip() + "\n", canonical, ris)


_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe"})


def _visible_text(root: Any) -> str:
    """The text a reader sees: line breaks in the HTML source are spaces (outside ``<pre>``), only
    block elements and ``<br>`` end a line. One walk with an explicit stack, so time is linear
    and depth unbounded: changing the tree (inserting line breaks after each block element)
    made 16,000 nested ``<div>`` quadratic."""
    from bs4 import Tag
    from bs4.element import CData, NavigableString

    pieces: list[str] = []
    # (node, inside <pre>), or None for the line break that closes a block element.
    stack: list[tuple[Any, bool] | None] = [(root, False)]
    while stack:
        entry = stack.pop()
        if entry is None:
            pieces.append("\n")
            continue
        node, in_pre = entry
        if isinstance(node, Tag):
            if node.name in _HIDDEN_TAGS:
                continue
            if node.name == "br":
                pieces.append("\n")
                continue
            if node.name in _BLOCK_TAGS:
                pieces.append("\n")
                stack.append(None)
            in_pre = in_pre or node.name == "pre"
            stack.extend((child, in_pre) for child in reversed(node.contents))
        elif type(node) in (NavigableString, CData):
            pieces.append(str(node) if in_pre else re.sub(r"\s+", " ", str(node)))
    return "".join(pieces)


def load_html(text: str, source: str) -> Parsed:
    fetched = source if re.match(r"https?://", source) else None
    page = html_page(text, fetched)
    # A fetched page's address is the one fetched; a saved page's is its canonical link.
    canonical = page.canonical_url if page.canonical_url and _DOCUMENT_URL.match(page.canonical_url) else None
    return read_page(page.text, source, address=fetched or canonical, with_line=False)


# --- detection ---------------------------------------------------------------------------------

_TEXT_MARKERS = (
    DIGITAL_ARCHIVE,
    ARCHIVE_HOST,
    "Digital Archive International History Declassified",
    "History and Public Policy Program welcomes reuse of Digital Archive materials",
)


def looks_like_html(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or "<html" in head


def sniff_text(text: str) -> bool:
    return not looks_like_html(text) and any(marker in text for marker in _TEXT_MARKERS)


def sniff_html(text: str) -> bool:
    if not looks_like_html(text):
        return False
    if "wilsoncenter.org" in text:
        return True
    # The markers may be split by markup: "Digital Archive <span>International History ...".
    visible = " ".join(re.sub(r"<[^>]*>", " ", text).split())
    return any(marker in visible for marker in _TEXT_MARKERS)


# No suffixes: a .txt or .html file is a page only if its content says so, so folders of
# records never pick up unrelated text or HTML files.
FORMATS = [
    Format(
        name="wilson",
        description="Wilson Center Digital Archive document page, saved as text (recognised by its content)",
        aliases=("wilson-text", "wilsoncenter"),
        sniff=sniff_text,
        page=True,
        load=read_page,
    ),
    Format(
        name="wilson-html",
        description="Wilson Center Digital Archive document page, saved as HTML (recognised by its content)",
        aliases=("wilson-htm",),
        sniff=sniff_html,
        page=True,
        load=load_html,
    ),
]
