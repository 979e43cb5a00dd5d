"""``disambiguate="true"`` is false unless disambiguation asks for it (fixes.disambiguate_condition)."""

from __future__ import annotations

CITE = (
    '<group delimiter=", "><text variable="title"/><choose><if disambiguate="true"><text variable="note"/></if>'
    '</choose><choose><if disambiguate="true" match="none"><text value="plain"/></if></choose></group>'
)


def test_disambiguate_branch_does_not_fire_for_an_unambiguous_cite(render_csl):
    [out] = render_csl([{"id": "a", "type": "book", "title": "Zubok"}], cite=CITE)
    assert out.cite == "Zubok, plain"


def test_disambiguate_branch_fires_when_the_item_is_flagged():
    from citeproc.model import If

    from archcite.styles.fixes import apply_all
    from archcite.styles.fixes.disambiguate_condition import DISAMBIGUATE, wants_disambiguation

    apply_all()
    assert "disambiguate_condition" in If.render.__archcite_fixes__
    assert wants_disambiguation({DISAMBIGUATE: True})
    assert not wants_disambiguation({})
