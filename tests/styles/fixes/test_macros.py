"""A macro call is suppressed as a group would be, and a non-empty one keeps its group (fixes.macro_groups).

Expected strings are citeproc-js 2.4.63's output for the same style and item (rendered with
../shared/reference/tools/render_js.js).
"""

from __future__ import annotations

import pytest

MACROS = """
<macro name="year-date"><choose><if variable="issued"><date variable="issued"><date-part name="year"/></date></if>
<else><text term="no date" form="short"/></else></choose></macro>
<macro name="term-only"><text term="in"/></macro>
<macro name="container"><text term="in" suffix=" "/><text variable="container-title"/></macro>
"""
UNDATED = {"id": "a", "type": "report", "title": "T"}


@pytest.mark.parametrize(
    ("cite", "expected"),
    [
        # issue 15, cause G: the macro's "n.d." is content for the group around it
        (
            '<group delimiter=", " prefix="[" suffix="]"><text variable="publisher"/><text macro="year-date"/></group>',
            "[n.d.]",
        ),
        (
            '<group delimiter=", " prefix="[" suffix="]"><text variable="publisher"/><text macro="term-only"/></group>',
            "[in]",
        ),
        # the term itself, outside a macro, does not keep a group whose variables are empty
        ('<group delimiter=", " prefix="[" suffix="]"><text variable="publisher"/><text term="in"/></group>', None),
        # a macro whose variables are all empty prints nothing, not even its term
        ('<text variable="title"/><text macro="container" prefix=", "/>', "T"),
    ],
)
def test_a_macro_call_behaves_as_a_group(render_csl, cite, expected):
    [out] = render_csl([UNDATED], cite=cite, macros=MACROS)
    assert out.cite == expected
