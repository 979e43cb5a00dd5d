"""Substitution inherits the names' formatting and is not repeated (fixes.substitute)."""

from __future__ import annotations

EDITORS = [{"family": "Landa", "given": "Ronald D."}, {"family": "Glennon", "given": "John P."}]

AUTHOR_MACRO = """<macro name="author">
  <names variable="author"><name and="text"/><label form="short" prefix=", "/>
    <substitute><choose><if type="chapter"><names variable="editor"/></if></choose><text variable="title"/></substitute>
  </names></macro>"""


def test_shorthand_names_inside_choose_inherit_name_and_label(render_csl):
    item = {"id": "a", "type": "chapter", "title": "Telegram", "editor": EDITORS}
    cite = '<group delimiter=", "><text macro="author"/><text variable="title"/><names variable="editor"/></group>'
    [out] = render_csl([item], macros=AUTHOR_MACRO, cite=cite)
    assert out.cite == "Ronald D. Landa and John P. Glennon, eds., Telegram"


def test_substituted_title_is_not_repeated(render_csl):
    item = {"id": "a", "type": "article-newspaper", "title": "Zuverlässiger Schutz", "container-title": "ND"}
    cite = (
        '<group delimiter=". "><text macro="author"/><text variable="title"/><text variable="container-title"/></group>'
    )
    [out] = render_csl([item], macros=AUTHOR_MACRO, cite=cite)
    assert out.cite == "Zuverlässiger Schutz. ND"


def test_substituted_names_are_not_repeated_in_later_names(render_csl):
    item = {"id": "a", "type": "chapter", "title": "T", "editor": EDITORS}
    cite = (
        '<group delimiter=", "><text macro="author"/>'
        '<names variable="editor" prefix="ed. "><name and="text"/></names><text variable="title"/></group>'
    )
    [out] = render_csl([item], macros=AUTHOR_MACRO, cite=cite)
    assert out.cite == "Ronald D. Landa and John P. Glennon, eds., T"


def test_substitution_is_forgotten_for_the_next_entry(render_csl):
    items = [
        {"id": "a", "type": "article-newspaper", "title": "First"},
        {"id": "b", "type": "article-newspaper", "title": "Second", "author": [{"family": "Doe"}]},
    ]
    cite = '<group delimiter=". "><text macro="author"/><text variable="title"/></group>'
    assert [r.cite for r in render_csl(items, macros=AUTHOR_MACRO, cite=cite)] == ["First", "Doe. Second"]
