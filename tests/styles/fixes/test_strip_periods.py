"""strip-periods keeps a period that a lower-case letter follows (fixes.strip_periods)."""

from __future__ import annotations

import pytest


# citeproc-js 2.4.63's output (render_js.js, plain) for a container title printed with
# strip-periods="true", as Springer's and Elsevier's styles print a journal's short title: the
# corpus's "information.dk" (Lykkeberg2003HistorienEfter), an abbreviation, a URL.
@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("information.dk", "information.dk"),
        ("J. Am. Chem. Soc.", "J Am Chem Soc"),
        ("Publ. Wkly.com", "Publ Wkly.com"),
        ("https://github.com/ufal", "https://github.com/ufal"),
        ("Proc. I.E.E.E.", "Proc IEEE"),
        ("a.k.a. Ph.D.", "a.k.a PhD"),
    ],
)
def test_strip_periods_keeps_a_period_inside_a_word(render_csl, title, expected):
    item = {"id": "a", "type": "article-journal", "container-title": title}
    [out] = render_csl([item], bib='<text variable="container-title" strip-periods="true"/>')
    assert out.bib == expected


def test_a_month_loses_every_period(render_csl):
    # citeproc-js 2.4.63: a month's short form with strip-periods prints without its period
    item = {"id": "a", "type": "book", "issued": {"date-parts": [[2001, 9]]}}
    bib = '<date variable="issued"><date-part name="month" form="short" strip-periods="true"/></date>'
    [out] = render_csl([item], bib=bib)
    assert out.bib == "Sept"


# citeproc-js 2.4.63: a term loses every period, after its text-case; a variable's text is cased
# before its periods are read (antipode's "[ND]" for "n.d." in capitals)
@pytest.mark.parametrize(
    ("bib", "expected"),
    [
        ('<text term="no date" form="short" text-case="uppercase" strip-periods="true"/>', "ND"),
        ('<text term="no date" form="short" text-case="capitalize-first" strip-periods="true"/>', "Nd"),
        ('<text variable="container-title" text-case="lowercase" strip-periods="true"/>', "www.example.org"),
        ('<text variable="container-title" text-case="uppercase" strip-periods="true"/>', "WWWEXAMPLEORG"),
    ],
)
def test_strip_periods_reads_the_text_as_cased(render_csl, bib, expected):
    [out] = render_csl([{"id": "a", "type": "book", "container-title": "Www.Example.Org"}], bib=bib)
    assert out.bib == expected


# citeproc-js 2.4.63, Elsevier's short journal title (text-case="title"): title case first, so
# "PublishersWeekly.Com" loses the period; a Danish item is not title-cased and keeps it
@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ({"container-title": "PublishersWeekly.com"}, "PublishersWeeklyCom"),
        ({"container-title": "information.dk", "language": "da"}, "information.dk"),
    ],
)
def test_strip_periods_after_title_case(render_csl, item, expected):
    bib = '<text variable="container-title" text-case="title" strip-periods="true"/>'
    [out] = render_csl([{"id": "a", "type": "article-journal"} | item], bib=bib)
    assert out.bib == expected


def test_strip_periods_on_the_citation_number(render_csl):
    # citeproc-js 2.4.63: "(1)" and "1. A. B." (revista-da-sociedade-brasileira-de-medicina-tropical
    # strips the periods of its citation number; citeproc-py raised AttributeError on the int)
    items = [{"id": "a", "type": "book", "title": "A. B."}]
    number = '<text variable="citation-number" strip-periods="true"'
    [out] = render_csl(
        items, cite=number + ' prefix="(" suffix=")"/>', bib=number + ' suffix=". "/><text variable="title"/>'
    )
    assert (out.cite, out.bib) == ("(1)", "1. A. B.")
