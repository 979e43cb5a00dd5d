"""Labels print only for present variables and pluralise counts (fixes.labels)."""

from __future__ import annotations

import pytest

VOLUMES = (
    '<group delimiter=" "><number variable="number-of-volumes"/>'
    '<label variable="number-of-volumes" form="short"/></group>'
)


@pytest.mark.parametrize(("count", "expected"), [("13", "13 vols."), ("1", "1 vol.")])
def test_number_of_volumes_label_is_plural_above_one(render_csl, count, expected):
    [out] = render_csl([{"id": "a", "type": "book", "number-of-volumes": count}], cite=VOLUMES)
    assert out.cite == expected


def test_label_of_an_absent_variable_prints_nothing(render_csl):
    cite = '<group delimiter=" "><text variable="title"/><label variable="page" form="short"/></group>'
    [out] = render_csl([{"id": "a", "type": "book", "title": "T"}], cite=cite)
    assert out.cite == "T"


def test_page_label_is_plural_for_a_range(render_csl):
    cite = '<group delimiter=" "><label variable="page" form="short"/><text variable="page"/></group>'
    [out] = render_csl([{"id": "a", "type": "book", "page": "121-125"}], cite=cite)
    assert out.cite == "pp. 121–125"
