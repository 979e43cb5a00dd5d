"""The names a style prints for an item, which the given-name disambiguation rules compare."""

from __future__ import annotations

from lxml import etree

from archcite.styles.csl.cite_names import cite_name_lists

STYLE = b"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <macro name="author"><names variable="author"><substitute><names variable="editor"/><text variable="title"/>
    <names variable="translator"/></substitute></names></macro>
  <macro name="recipient"><choose><if type="letter" match="none"><names variable="recipient"/></if></choose></macro>
  <citation><layout><text macro="author"/><text macro="recipient"/></layout></citation>
  <bibliography><layout><text macro="author"/></layout></bibliography>
</style>"""

KENNEDY = {"family": "Kennedy", "given": "John F."}
KHRUSHCHEV = {"family": "Khrushchev", "given": "Nikita S."}


def _families(item: dict[str, object]) -> list[str]:
    root = etree.fromstring(STYLE)
    return [name["family"] for names in cite_name_lists(root, item) for name in names]


def test_a_recipient_the_style_prints_for_no_letter_is_not_a_name_of_a_letter() -> None:
    # issue 15, cause 12: citeproc-js registers only the names a style prints (APSA: "Kennedy 1962")
    letter = {"type": "letter", "author": [KHRUSHCHEV], "recipient": [KENNEDY]}
    assert _families(letter) == ["Khrushchev"]
    assert _families({**letter, "type": "book"}) == ["Khrushchev", "Kennedy"]


def test_substitutes_count_up_to_the_first_that_prints() -> None:
    assert _families({"type": "book", "editor": [KENNEDY], "translator": [KHRUSHCHEV]}) == ["Kennedy"]
    # the title takes the place of the names: the translator is never printed
    assert _families({"type": "book", "title": "T", "translator": [KHRUSHCHEV]}) == []


def test_a_memo_answers_for_items_of_the_same_shape_and_only_those() -> None:
    # The walk reads an item's type and variables only: one memo serves a whole document.
    root = etree.fromstring(STYLE)
    memo: dict[object, list[str]] = {}

    def families(item: dict[str, object]) -> list[str]:
        return [name["family"] for names in cite_name_lists(root, item, memo=memo) for name in names]

    letter = {"type": "letter", "author": [KHRUSHCHEV], "recipient": [KENNEDY]}
    assert families(letter) == ["Khrushchev"]
    assert families({**letter, "author": [KENNEDY], "recipient": [KHRUSHCHEV]}) == ["Kennedy"]
    assert families({**letter, "type": "book"}) == ["Khrushchev", "Kennedy"]
    assert families({"type": "book", "editor": [KENNEDY], "translator": [KHRUSHCHEV]}) == ["Kennedy"]
    assert families({"type": "book", "title": "T", "translator": [KHRUSHCHEV]}) == []
    assert families({"type": "book", "title": "", "translator": [KHRUSHCHEV]}) == ["Khrushchev"]
    assert len(memo) == 5
