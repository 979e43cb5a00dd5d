"""Ordinal suffixes from the style's locale, with the noun's gender (fixes.ordinals).

Expected strings are citeproc-js 2.4.63's output for the same style and items (rendered with
../shared/reference/tools/render_js.js and citeproc-py's locale files).
"""

from __future__ import annotations

import pytest

CITE = (
    '<number variable="edition" form="ordinal"/><text value="|"/><number variable="issue" form="ordinal"/>'
    '<text value="|"/><date variable="issued"><date-part name="day" form="ordinal"/></date>'
)


@pytest.mark.parametrize(
    ("locale", "number", "expected"),
    [
        ("en-US", 1, "1st|1st|1st"),
        ("en-US", 11, "11th|11th|11th"),
        ("en-US", 22, "22nd|22nd|22nd"),
        # issue 15, cause F: the French ordinal, not the en-US fallback's ("2nd")
        ("fr-FR", 2, "2ᵉ|2ᵉ|2"),
        # feminine "édition", masculine "numéro" and month
        ("fr-FR", 1, "1ʳᵉ|1ᵉʳ|1ᵉʳ"),
        ("fr-FR", 22, "22ᵉ|22ᵉ|22"),
        ("de-DE", 2, "2.|2.|2."),
        ("es-ES", 1, "1.ª|1.ª|1.ª"),
    ],
)
def test_ordinals_come_from_the_styles_locale(render_csl, locale, number, expected):
    item = {
        "id": "a",
        "type": "book",
        "edition": str(number),
        "issue": str(number),
        "issued": {"date-parts": [[2000, 10, number]]},
    }
    [out] = render_csl([item], cite=CITE, style_attrs=f'default-locale="{locale}"')
    assert out.cite == expected
