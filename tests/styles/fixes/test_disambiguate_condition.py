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


SUBSEQUENT = (
    '<choose><if position="subsequent"><names variable="author"><name form="short"/></names>'
    '<choose><if disambiguate="true"><text variable="title" prefix=", "/></if></choose>{note}</if>'
    '<else><names variable="author"/><text variable="title" prefix=", "/></else></choose>'
)
GADDIS = [
    {"id": "g1", "type": "book", "title": "Cold War", "author": [{"family": "Gaddis", "given": "John"}]},
    {"id": "g2", "type": "book", "title": "Strategies", "author": [{"family": "Gaddis", "given": "John"}]},
]


def test_first_reference_note_numbers_tell_subsequent_cites_apart(render_csl):
    # citeproc-js 2.4.63 (render_js.js --subsequent): "Gaddis (n 1)." and "Gaddis (n 2).", as
    # OSCOLA's short notes; without the note number the two are ambiguous and keep their titles.
    note = '<text variable="first-reference-note-number" prefix=" (n " suffix=")"/>'
    with_note = render_csl(GADDIS, cite=SUBSEQUENT.format(note=note), style_class="note", layout_attrs='suffix="."')
    assert [out.cite_sub for out in with_note] == ["Gaddis (n 1).", "Gaddis (n 2)."]
    without = render_csl(GADDIS, cite=SUBSEQUENT.format(note=""), style_class="note", layout_attrs='suffix="."')
    assert [out.cite_sub for out in without] == ["Gaddis, Cold War.", "Gaddis, Strategies."]
