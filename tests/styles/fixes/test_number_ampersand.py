"""An "&" between numbers prints as the locale's "and" symbol (fixes.number_ampersand).

Expected strings are citeproc-js 2.4.63's (the CSL suite's label_PluralWithLocalizedAmpersand).
"""

from __future__ import annotations

from archcite.styles.types import Locator

LOCALE = '<locale><terms><term name="and">and</term><term name="and" form="symbol">AMPERSAND</term></terms></locale>'
CITE = '<group delimiter=" "><label variable="locator"/><text variable="locator"/></group>'


def test_a_locators_ampersand_is_the_locales_symbol(render_csl):
    # The locator reaches Text._variable as citeproc-py's String, not str.
    item = {"id": "a", "type": "book", "title": "T"}
    [out] = render_csl([item], cite=CITE, macros=LOCALE, locator=Locator("page", "213 & 235"))
    assert out.cite == "pages 213 AMPERSAND 235"
