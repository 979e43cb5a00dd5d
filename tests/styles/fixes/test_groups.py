"""Groups are suppressed from the variables that actually rendered (fixes.groups)."""

from __future__ import annotations

# The shape of CMOS 18's "label-edition" macro: the label sits beside the variable in a branch.
EDITION = (
    '<group delimiter=", "><text variable="container-title"/>'
    '<group delimiter=" "><choose><if type="article-newspaper"><text variable="edition"/>'
    '<label variable="edition" text-case="capitalize-first"/></if></choose></group></group>'
)


def test_group_whose_variables_are_all_empty_prints_no_term(render_csl):
    [out] = render_csl([{"id": "a", "type": "article-newspaper", "container-title": "New York Times"}], cite=EDITION)
    assert out.cite == "New York Times"


def test_group_with_a_rendered_variable_prints_its_terms(render_csl):
    item = {"id": "a", "type": "article-newspaper", "container-title": "New York Times", "edition": "Late City"}
    [out] = render_csl([item], cite=EDITION)
    assert out.cite == "New York Times, Late City Edition"


def test_nested_term_only_group_counts_as_content(render_csl):
    cite = '<group delimiter=", "><text variable="issued"/><group><text term="no date" form="short"/></group></group>'
    [out] = render_csl([{"id": "a", "type": "book"}], cite=cite)
    assert out.cite == "n.d."


def test_group_without_variables_renders(render_csl):
    [out] = render_csl(
        [{"id": "a", "type": "book"}], cite='<group delimiter=" "><text value="see"/><text term="page"/></group>'
    )
    assert out.cite == "see page"
