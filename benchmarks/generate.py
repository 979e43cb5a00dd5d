"""Synthetic but varied CSL-JSON records for the benchmarks: archival documents and publications.

The records mix letters, telegrams and memoranda held in archives, interviews, reports, books,
chapters, journal and newspaper articles, theses and web pages, with accented names, particles,
institutional authors, translators, several authors, full and partial dates, URLs and archive
locations. The same seed always gives the same records.

    python benchmarks/generate.py 1000 -o records.json [--seed 7]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from typing import Any


def words(text: str) -> list[str]:
    return text.split()


FAMILY = words("""Acheson Adenauer Bevin Brandt Brzezinski Byrnes Castro Chen Churchill Dobrynin Dulles
Eisenhower Gomułka Gromyko Harriman Hoover Johnson Kennan Kennedy Khrushchev Kissinger Kosygin
Lippmann Malenkov Marshall McNamara Molotov Nagy Nixon Novikov Rákosi Rusk Smirnov Stalin Tito
Truman Ulbricht Vance Vyshinsky Walters Zhukov Østergaard Łukasiewicz Šimečka Dubček Müller
Békés Ülkü Ørsted Zieliński""")
FAMILY_ROOTS = words("""Abram Bar Bel Bog Bor Brun Chern Dan Dob Fed Gav Hart Hol Ivan Jak Kal Kar Kol Kov Kraw
Lang Lew Mak Mar Mil Mor Nov Ol Pav Pet Pol Rad Rom Ros Sav Sem Sid Sok Stan Stein Tar Tom Vas Vol
Wal Weiss Wil Zak Zel Zim""")
FAMILY_ENDINGS = ["", "ov", "ova", "ski", "ska", "son", "er", "enko", "ich", "man", "ley", "ek", "in", "ard"]
GIVEN = words("""Dean Konrad Ernest Willy Zbigniew James Fidel Jian Winston Anatoly John Dwight Władysław
Andrei Averell Edgar Lyndon George Nikita Henry Alexei Walter Georgy Robert Vyacheslav
Imre Richard Nikolai Mátyás Dean Ivan Joseph Josip Harry Cyrus Andrey Vernon Georgy Karen Ewa
Milan Alexander Thomas Csaba Ayşe Hans Zofia""")
PARTICLES = [("de", None), ("von", None), (None, "van"), (None, "de la")]
INSTITUTIONS = [
    "Central Intelligence Agency",
    "US Department of State",
    "Politburo of the Central Committee",
    "National Security Council",
    "Ministry of Foreign Affairs of the USSR",
    "Foreign Office",
    "Joint Chiefs of Staff",
]
ARCHIVES = [
    ("National Archives and Records Administration", "College Park, MD"),
    ("Archive of Foreign Policy of the Russian Federation (AVPRF)", "Moscow"),
    ("The National Archives", "Kew"),
    ("John F. Kennedy Presidential Library and Museum", "Boston"),
    ("Archiwum Akt Nowych", "Warsaw"),
    ("Stiftung Archiv der Parteien und Massenorganisationen der DDR im Bundesarchiv", "Berlin"),
    ("Hungarian National Archives (MNL OL)", "Budapest"),
    ("Dwight D. Eisenhower Presidential Library", "Abilene, KS"),
]
COLLECTIONS = [
    "Record Group 59, General Records of the Department of State, Central Decimal File",
    "fond 06, opis 10, papka 45",
    "Papers of John F. Kennedy, President's Office Files",
    "FO 371, Political Departments: General Correspondence",
    "KC PZPR, sygn. 2631",
    "Ann Whitman File, International Series",
    "XIX-J-1-j, Szovjetunió",
]
PLACES = ["Moscow", "Washington", "London", "Warsaw", "Berlin", "Budapest", "Prague", "Beijing", "Havana", "Paris"]
PUBLISHERS = [
    ("Oxford University Press", "New York"),
    ("Cambridge University Press", "Cambridge"),
    ("University of North Carolina Press", "Chapel Hill"),
    ("Stanford University Press", "Stanford, CA"),
    ("Penguin Press", "New York"),
    ("Harvard University Press", "Cambridge, MA"),
    ("Central European University Press", "Budapest"),
]
JOURNALS = [
    "Cold War History",
    "Diplomatic History",
    "Journal of Cold War Studies",
    "International Security",
    "Europe-Asia Studies",
    "Kritika: Explorations in Russian and Eurasian History",
]
NEWSPAPERS = ["New York Times", "Pravda", "The Times", "Washington Post", "Neues Deutschland", "Trybuna Ludu"]
TOPICS = """Berlin crisis, missile deployment, the Warsaw Pact, détente, nuclear testing, Hungarian
revolution, economic aid, the Marshall Plan, containment, Sino-Soviet split, the German question,
arms control, Cuban revolution, Prague Spring, Korean armistice, Polish October, intelligence
estimates, the Third World, propaganda, trade embargo""".replace("\n", " ").split(", ")
TITLE_WORDS = words("""Crisis Alliance Diplomacy Power Empire Strategy Origins Revolution Security Memory
Order Rivalry Partners Enemies Moscow Washington Europe Asia Cold War Peace Conflict Truth
Decision Policy Nuclear Secret Bloc Frontier""")
GENRES_LETTER = ["Letter", "Telegram", "Cable", "Note"]
MONTHS_DAYS = 28


def person_pool(rng: random.Random, size: int) -> list[dict[str, str]]:
    """Distinct people, as a bibliography has them: family names from roots and endings, so that
    some families share a name but most people are told apart by it."""
    people: dict[tuple[str, str], dict[str, str]] = {}
    while len(people) < size:
        family = rng.choice(FAMILY)
        if rng.random() < 0.6:
            family = rng.choice(FAMILY_ROOTS) + rng.choice(FAMILY_ENDINGS)
        given = rng.choice(GIVEN)
        if rng.random() < 0.3:
            given = f"{given} {rng.choice('ABCDEFGHJKLMNPRSTVW')}."
        person = {"family": family, "given": given}
        roll = rng.random()
        if roll < 0.06:
            dropping, non_dropping = rng.choice(PARTICLES)
            if dropping:
                person["dropping-particle"] = dropping
            if non_dropping:
                person["non-dropping-particle"] = non_dropping
        elif roll < 0.09:
            person["suffix"] = "Jr."
        people[(family, given)] = person
    return list(people.values())


class People:
    """Draws authors from a pool with a long tail: a few people appear often, most once or twice."""

    def __init__(self, rng: random.Random, size: int) -> None:
        self.pool = person_pool(rng, size)
        self.cumulative = list(itertools.accumulate(1 / (rank + 1) ** 0.8 for rank in range(len(self.pool))))

    def __call__(self, rng: random.Random) -> dict[str, str]:
        if rng.random() < 0.06:
            return {"literal": rng.choice(INSTITUTIONS)}
        return dict(rng.choices(self.pool, cum_weights=self.cumulative)[0])


name: People


def names(rng: random.Random, most: int) -> list[dict[str, str]]:
    count = 1 + min(int(rng.expovariate(1.3)), most - 1)
    return [name(rng) for _ in range(count)]


def date(rng: random.Random, first: int, last: int, parts: int) -> dict[str, Any]:
    year = rng.randint(first, last)
    value = [year, rng.randint(1, 12), rng.randint(1, MONTHS_DAYS)][:parts]
    return {"date-parts": [value]}


def title(rng: random.Random) -> str:
    words = rng.sample(TITLE_WORDS, rng.randint(2, 4))
    head = " and ".join(words[:2]) if rng.random() < 0.4 else " ".join(words)
    if rng.random() < 0.5:
        head = f"{head}: {rng.choice(TOPICS).capitalize()}, {rng.randint(1945, 1960)}–{rng.randint(1961, 1991)}"
    return head[0].upper() + head[1:]


def archival(rng: random.Random, record: dict[str, Any]) -> None:
    archive, place = rng.choice(ARCHIVES)
    record["archive"] = archive
    record["archive-place"] = place
    if rng.random() < 0.8:
        record["archive_collection"] = rng.choice(COLLECTIONS)
    record["archive_location"] = f"{rng.choice(['box', 'folder', 'delo', 'file'])} {rng.randint(1, 900)}"
    if rng.random() < 0.3:
        record["URL"] = f"https://digitalarchive.example.org/document/{rng.randint(100000, 999999)}"
        record["accessed"] = date(rng, 2019, 2025, 3)


def make_record(rng: random.Random, number: int) -> dict[str, Any]:
    kind = rng.choices(
        ["letter", "memo", "interview", "report", "book", "chapter", "journal", "newspaper", "thesis", "webpage"],
        weights=[22, 10, 4, 6, 18, 10, 14, 8, 3, 5],
    )[0]
    record: dict[str, Any] = {"id": f"r{number:06d}"}
    if kind == "letter":
        record["type"] = "personal_communication"
        record["genre"] = rng.choice(GENRES_LETTER)
        record["author"] = [name(rng)]
        record["recipient"] = [name(rng)]
        if rng.random() < 0.5:
            record["title"] = f"{record['genre']} about {rng.choice(TOPICS)}"
        if rng.random() < 0.2:
            record["translator"] = [name(rng)]
        record["event-place"] = rng.choice(PLACES)
        record["issued"] = date(rng, 1945, 1991, 3)
        archival(rng, record)
    elif kind == "memo":
        record["type"] = "manuscript"
        record["genre"] = rng.choice(["Memorandum", "Memorandum of conversation", "Minutes"])
        record["title"] = f"{record['genre']} on {rng.choice(TOPICS)}"
        if rng.random() < 0.85:
            record["author"] = names(rng, 3)
        record["issued"] = date(rng, 1945, 1991, rng.choice([1, 2, 3, 3, 3]))
        if rng.random() < 0.1:
            record["issued"]["circa"] = True
        archival(rng, record)
    elif kind == "interview":
        record["type"] = "interview"
        record["author"] = [name(rng)]
        record["interviewer"] = [name(rng)]
        record["title"] = f"Oral history interview on {rng.choice(TOPICS)}"
        record["issued"] = date(rng, 1970, 2010, 3)
        archival(rng, record)
    elif kind == "report":
        record["type"] = "report"
        record["author"] = [{"literal": rng.choice(INSTITUTIONS)}]
        record["title"] = title(rng)
        record["genre"] = rng.choice(["National Intelligence Estimate", "Report", "Working paper"])
        record["number"] = f"{rng.randint(1, 99)}-{rng.randint(1, 9)}-{rng.randint(50, 89)}"
        record["issued"] = date(rng, 1947, 1991, rng.choice([1, 3]))
        if rng.random() < 0.5:
            archival(rng, record)
        else:
            record["publisher"], record["publisher-place"] = rng.choice(PUBLISHERS)
    elif kind == "book":
        record["type"] = "book"
        role = "editor" if rng.random() < 0.2 else "author"
        record[role] = names(rng, 4)
        record["title"] = title(rng)
        record["publisher"], record["publisher-place"] = rng.choice(PUBLISHERS)
        record["issued"] = date(rng, 1955, 2024, 1)
        if rng.random() < 0.15:
            record["edition"] = str(rng.randint(2, 5))
        if rng.random() < 0.1:
            record["translator"] = [name(rng)]
        if rng.random() < 0.1:
            record["original-date"] = date(rng, 1920, 1954, 1)
    elif kind == "chapter":
        record["type"] = "chapter"
        record["author"] = names(rng, 2)
        record["title"] = title(rng)
        record["container-title"] = title(rng)
        record["editor"] = names(rng, 3)
        record["publisher"], record["publisher-place"] = rng.choice(PUBLISHERS)
        record["issued"] = date(rng, 1980, 2024, 1)
        first = rng.randint(1, 400)
        record["page"] = f"{first}–{first + rng.randint(5, 40)}"
    elif kind == "journal":
        record["type"] = "article-journal"
        record["author"] = names(rng, 9)
        record["title"] = title(rng)
        record["container-title"] = rng.choice(JOURNALS)
        record["volume"] = str(rng.randint(1, 30))
        record["issue"] = str(rng.randint(1, 4))
        first = rng.randint(1, 900)
        record["page"] = f"{first}–{first + rng.randint(8, 45)}"
        record["issued"] = date(rng, 1990, 2024, rng.choice([1, 1, 2]))
        if rng.random() < 0.6:
            record["DOI"] = f"10.{rng.randint(1000, 9999)}/{rng.randint(10000, 99999)}"
    elif kind == "newspaper":
        record["type"] = "article-newspaper"
        if rng.random() < 0.6:
            record["author"] = [name(rng)]
        record["title"] = title(rng)
        record["container-title"] = rng.choice(NEWSPAPERS)
        record["issued"] = date(rng, 1945, 1991, 3)
        if rng.random() < 0.5:
            record["page"] = str(rng.randint(1, 40))
    elif kind == "thesis":
        record["type"] = "thesis"
        record["author"] = [name(rng)]
        record["title"] = title(rng)
        record["genre"] = "PhD diss."
        record["publisher"] = rng.choice(["Harvard University", "Columbia University", "University of Warsaw"])
        record["issued"] = date(rng, 1970, 2024, 1)
    else:
        record["type"] = "webpage"
        if rng.random() < 0.5:
            record["author"] = [name(rng)]
        record["title"] = title(rng)
        record["container-title"] = rng.choice(["Wilson Center Digital Archive", "National Security Archive"])
        record["URL"] = f"https://archive.example.org/page/{rng.randint(1000, 99999)}"
        record["accessed"] = date(rng, 2019, 2025, 3)
        if rng.random() < 0.5:
            record["issued"] = date(rng, 2000, 2024, 3)
    return record


def generate(count: int, seed: int = 7) -> list[dict[str, Any]]:
    """``count`` records, always the same ones for the same seed."""
    global name
    rng = random.Random(seed)
    name = People(rng, max(40, count // 3))
    return [make_record(rng, number) for number in range(1, count + 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("-o", "--output", help="file to write (default: stdout)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    text = json.dumps(generate(args.count, args.seed), ensure_ascii=False, indent=1) + "\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
