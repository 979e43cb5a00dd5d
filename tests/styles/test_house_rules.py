"""The house rules where reference processors disagree (README, "House rules ...").

Each expected string is citeproc-js's output for the shared corpus, which agrees with the house
rule archcite adopted from the Chicago Manual / MLA Handbook (see the README for the reasoning).
"""

from __future__ import annotations

import pytest
from tools.reference import rows

CHICAGO = "chicago-notes-bibliography"


def _row(render_corpus, style: str, item: str) -> dict:
    [row] = rows([render_corpus(style, None)[item]], "plain", subsequent=True)
    return row


def test_static_ordering_name_keeps_family_name_first(render_corpus):
    row = _row(render_corpus, CHICAGO, "mao-filippov-1950-10-02")
    assert row["bib"] == (
        "Mao Zedong. “Telegram from Mao Zedong to Filippov [Stalin] on the Decision to Send Troops to Korea.” "
        "Telegram to Joseph Stalin, Beijing. Translated by Chen Jian. October 2, 1950. F. 45, op. 1, d. 334, "
        "ll. 105–106. Archive of the President of the Russian Federation, Moscow. "
        "https://digitalarchive.wilsoncenter.org/document/mao-zedong-filippov-stalin."
    )


def test_no_comma_before_and_after_a_literal_first_name(render_corpus):
    row = _row(render_corpus, CHICAGO, "kim-pak-stalin-1950-09-29")
    assert row["bib"] == (
        "Kim Il Sung and Pak Hon Yong. Letter to Joseph Stalin, Pyongyang. Translated by Kathryn Weathersby. "
        "September 29, 1950. F. 45, op. 1, d. 347, ll. 41–45. "
        "Archive of the President of the Russian Federation, Moscow."
    )


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            "ki-memo-circa-1953",
            "Committee of Information (KI). “Notes on Soviet Policy toward Germany.” Memorandum. [1953?]. "
            "F. 5, op. 30, d. 5. Russian State Archive of Contemporary History (RGANI), Moscow.",
        ),
        (
            "gaddis-strategies-2005",
            "Gaddis, John Lewis. Strategies of Containment: A Critical Appraisal of American National Security "
            "Policy during the Cold War. 2nd ed. Oxford University Press, 2005.",
        ),
    ],
)
def test_title_case_keeps_long_prepositions_lowercase(render_corpus, item, expected):
    assert _row(render_corpus, CHICAGO, item)["bib"] == expected


def test_comma_is_kept_and_period_dropped_after_a_title_ending_in_a_question_mark(render_corpus):
    row = _row(render_corpus, CHICAGO, "nsarchive-ebb76-2002")
    assert row["cite"] == (
        "Malcolm Byrne and Svetlana Savranskaya, “The Hungarian Revolution of 1956: Reports from Budapest?,” "
        "National Security Archive Electronic Briefing Book No. 76, November 4, 2002, "
        "https://nsarchive2.gwu.edu/NSAEBB/NSAEBB76/."
    )
    assert row["bib"] == (
        "Byrne, Malcolm, and Svetlana Savranskaya. “The Hungarian Revolution of 1956: Reports from Budapest?” "
        "National Security Archive Electronic Briefing Book No. 76, November 4, 2002. "
        "https://nsarchive2.gwu.edu/NSAEBB/NSAEBB76/."
    )


def test_comma_is_kept_and_period_dropped_after_a_title_ending_in_an_abbreviation(render_corpus):
    row = _row(render_corpus, CHICAGO, "nyt-sputnik-1957-10-05")
    title = "“Soviet Fires Earth Satellite into Space; It Is Circling the Globe at 18,000 M.P.H."
    assert row["cite"] == f"William J. Jorden, {title},” New York Times, October 5, 1957."
    assert row["bib"] == f"Jorden, William J. {title}” New York Times, October 5, 1957."


def test_authors_sharing_a_surname_are_cited_with_initials(render_corpus):
    assert _row(render_corpus, "chicago-author-date", "rfk-excomm-notes-1962")["cite"] == "(R. F. Kennedy 1962)"


def test_mla_sorts_an_untitled_work_by_its_description_among_the_authors_titles(render_corpus):
    rendered = render_corpus("modern-language-association", None)
    ranks = {item: rendered[item].bib_rank for item in ("kennan-american-diplomacy-1984", "kennan-long-telegram-1946")}
    assert ranks == {"kennan-american-diplomacy-1984": 24, "kennan-long-telegram-1946": 25}


def test_chicago_cites_an_unpublished_speech_in_notes_only(render_corpus):
    row = _row(render_corpus, CHICAGO, "dubcek-speech-1968-04-01")
    assert (row["bib"], row["bib_rank"]) == (None, None)
    assert row["cite"] == (
        "Alexander Dubček, “Projev na plenárním zasedání ÚV KSČ [Speech at the Plenary Session of the CPCz "
        "Central Committee],” Plenary Session of the Central Committee of the Communist Party of Czechoslovakia, "
        "Prague, April 1, 1968."
    )
