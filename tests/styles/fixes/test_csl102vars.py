"""CSL 1.0.2 variables are known to citeproc-py (fixes.csl102vars)."""

from __future__ import annotations


def test_compiler_is_a_name_variable(render_csl):
    [out] = render_csl(
        [
            {
                "id": "a",
                "type": "book",
                "title": "CIA Documents",
                "compiler": [{"family": "Steury", "given": "Donald P."}],
            }
        ],
        cite='<group delimiter=", "><names variable="compiler"><name/><label form="short" prefix=", "/></names>'
        '<text variable="title"/></group>',
    )
    assert out.cite == "Donald P. Steury, comp., CIA Documents"


def test_new_string_and_date_variables_render(render_csl):
    [out] = render_csl(
        [
            {
                "id": "a",
                "type": "manuscript",
                "archive_collection": "Record Group 59",
                "available-date": {"date-parts": [[2001]]},
            }
        ],
        cite='<group delimiter=", "><text variable="archive_collection"/>'
        '<date variable="available-date"><date-part name="year"/></date></group>',
    )
    assert out.cite == "Record Group 59, 2001"
