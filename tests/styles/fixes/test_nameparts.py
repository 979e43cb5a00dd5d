"""``cs:name-part`` text-case works on every name (fixes.nameparts)."""

from __future__ import annotations

NAMES = (
    '<names variable="author"><name delimiter="; "><name-part name="family" text-case="uppercase"/>'
    '<name-part name="given" text-case="capitalize-first"/></name></names>'
)


def test_name_part_text_case_applies_to_given_and_family(render_csl):
    authors = [{"family": "Kennan", "given": "george F."}, {"family": "Homer"}]
    [out] = render_csl([{"id": "a", "type": "book", "author": authors}], cite=NAMES)
    assert out.cite == "George F. KENNAN; HOMER"


def test_name_part_text_case_in_inverted_names(render_csl):
    [out] = render_csl(
        [{"id": "a", "type": "book", "author": [{"family": "Kennan", "given": "George F."}]}],
        cite='<names variable="author"><name name-as-sort-order="all">'
        '<name-part name="family" text-case="uppercase"/></name></names>',
    )
    assert out.cite == "KENNAN, George F."
