"""``disambiguate="true"`` is false unless disambiguation asks for it (fixes.disambiguate_condition)."""

from __future__ import annotations

CITE = (
    '<group delimiter=", "><text variable="title"/><choose><if disambiguate="true"><text variable="note"/></if>'
    '</choose><choose><if disambiguate="true" match="none"><text value="plain"/></if></choose></group>'
)


def test_disambiguate_branch_does_not_fire_for_an_unambiguous_cite(render_csl):
    [out] = render_csl([{"id": "a", "type": "book", "title": "Zubok"}], cite=CITE)
    assert out.cite == "Zubok, plain"


def test_disambiguate_branch_fires_for_an_item_the_document_could_not_tell_apart():
    from archcite.styles.csl.classes import CLASSES
    from archcite.styles.csl.fixes.disambiguate_condition import wants_disambiguation
    from archcite.styles.csl.render_state import ItemDisambiguation, RenderState, active_state

    assert "disambiguate_condition" in CLASSES.elements["if"].render.__archcite_fixes__
    item = CLASSES.citation_item("a")
    assert not wants_disambiguation(item)  # outside a document
    state = RenderState()
    with active_state(state):
        assert not wants_disambiguation(item)
        state.disambiguation["a"] = ItemDisambiguation()
        assert not wants_disambiguation(item)
        state.disambiguation["a"].disambiguate = True
        assert wants_disambiguation(item)
