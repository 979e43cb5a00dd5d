"""The on-disk key set of streamed exports (issue 7): the given ids and BibTeX's keys live in a
temporary SQLite database, and the export still catches duplicates, derives ids that avoid later
given ids and writes unique keys, with the bytes of the whole-file export."""

from __future__ import annotations

import json
import re
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from archcite.errors import InputError, OutputError
from archcite.records import keyset
from archcite.records.io import dump_records, load_sources, stream_records
from archcite.records.keys import UniqueKeys
from archcite.records.keyset import DiskKeySet
from archcite.records.registry import get_format

# A few pages of cache, so that a few thousand keys spill to the temporary file.
SMALL_CACHE_KIB = 16


@pytest.fixture
def small_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyset, "CACHE_KIB", SMALL_CACHE_KIB)


def test_disk_key_set_answers_add_and_in_like_a_set() -> None:
    with DiskKeySet() as keys:
        assert "a" not in keys
        keys.add("a")
        keys.add("a")
        assert "a" in keys
        assert "A" not in keys
        assert 1 not in keys
        assert keys.add_new("b") is True
        assert keys.add_new("b") is False
        assert keys.add_new("a") is False
        assert keys.add_new("ł\u0301 ü") is True
        assert "ł\u0301 ü" in keys
        assert len(keys) == 3


def test_disk_key_set_keeps_every_key_once_its_pages_leave_the_cache() -> None:
    keys = [f"key{i:05d}-{'x' * (i % 40)}" for i in range(20_000)]
    with DiskKeySet(cache_kib=SMALL_CACHE_KIB) as stored:
        for key in keys[::2]:
            stored.add(key)
        assert all(key in stored for key in keys[::2])
        assert not any(key in stored for key in keys[1::2])
        assert [stored.add_new(key) for key in keys[:4]] == [False, True, False, True]
        assert len(stored) == 10_002


def test_a_closed_disk_key_set_says_so() -> None:
    keys = DiskKeySet()
    keys.add("a")
    keys.close()
    keys.close()
    with pytest.raises(ValueError, match="closed"):
        _ = "a" in keys


def test_unique_keys_on_disk_hands_out_what_unique_keys_in_memory_does() -> None:
    wanted = ["gaddis2005", "gaddis2005", "x", "gaddis2005b", "gaddis2005", "x"] * 30
    in_memory = UniqueKeys(["x"])
    with DiskKeySet(cache_kib=SMALL_CACHE_KIB) as store:
        on_disk = UniqueKeys(["x"], store=store)
        assert [on_disk.make_unique(k) for k in wanted] == [in_memory.make_unique(k) for k in wanted]


def _kennan(extra: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "type": "book",
        "title": "Long Telegram",
        "issued": {"date-parts": [[1946]]},
        "author": [{"family": "Kennan"}],
        **(extra or {}),
    }


def _large_file(tmp_path: Path, size: int = 3_000) -> tuple[Path, list[dict[str, Any]]]:
    """``size`` records: derived ids and BibTeX keys at the top that collide with ids given at
    the bottom, ids BibTeX cannot take as keys, and plenty of ordinary ones in between."""
    items: list[dict[str, Any]] = [_kennan(), _kennan()]
    # Not a usable BibTeX key: the key derived from the fields is taken by the last record.
    items.append({"id": "Smith papers, 2000", "type": "book", "title": "Papers", "issued": {"date-parts": [[2000]]},
                  "author": [{"family": "Smith"}]})  # fmt: skip
    items += [{"id": f"r{i:06d}", "type": "book", "title": f"Title {i}"} for i in range(size - 5)]
    items.append({"id": "kennan1946long", "type": "book", "title": "Given"})
    items.append({"id": "smith2000papers", "type": "book", "title": "Also given"})
    path = tmp_path / "large.json"
    path.write_text(json.dumps(items, indent=1), encoding="utf-8")
    return path, items


@pytest.mark.usefixtures("small_cache")
def test_streamed_export_of_a_large_file_derives_ids_that_avoid_ids_given_further_down(tmp_path: Path) -> None:
    path, items = _large_file(tmp_path)
    _, _, records = stream_records([str(path)])
    ids = [record.id for record in records]
    assert ids[:3] == ["kennan1946longb", "kennan1946longc", "Smith papers, 2000"]
    assert ids[-2:] == ["kennan1946long", "smith2000papers"]
    assert len(set(ids)) == len(items)
    assert ids == [record.id for record in load_sources([str(path)]).records]


@pytest.mark.usefixtures("small_cache")
@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_streamed_bibtex_of_a_large_file_has_unique_keys_and_the_whole_file_bytes(tmp_path: Path, fmt: str) -> None:
    path, items = _large_file(tmp_path)
    writer = get_format(fmt, purpose="dump").stream
    assert writer is not None
    _, _, records = stream_records([str(path)])
    text = "".join(writer(records, []))
    assert text == dump_records(load_sources([str(path)]).records, fmt).text
    keys = re.findall(r"^@\w+\{(.*),$", text, flags=re.MULTILINE)
    assert len(keys) == len(set(keys)) == len(items)
    # The derived key came first, so the record whose id it is gets the suffix (and its id in note).
    assert keys[2] == "smith2000papers"
    assert keys[-1] == "smith2000papersb"


@pytest.mark.usefixtures("small_cache")
@pytest.mark.parametrize("where", [1, 2_500, 2_999])
def test_streamed_export_of_a_large_file_catches_a_duplicate_id_anywhere(tmp_path: Path, where: int) -> None:
    path, items = _large_file(tmp_path)
    items.insert(where, {"id": "r000007", "type": "book"})
    path.write_text(json.dumps(items, indent=1), encoding="utf-8")
    with pytest.raises(InputError) as whole:
        load_sources([str(path)])
    with pytest.raises(InputError) as streamed:
        stream_records([str(path)])
    assert str(streamed.value) == str(whole.value)
    assert streamed.value.message.startswith("duplicate record id 'r000007' (first at ")


def _traced_peak(path: Path) -> int:
    """Python's peak allocation while a file's records are streamed."""
    tracemalloc.start()
    try:
        for _ in stream_records([str(path)])[2]:
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_streamed_loading_does_not_keep_python_objects_per_record(tmp_path: Path) -> None:
    small, large = tmp_path / "small.json", tmp_path / "large.json"
    # Both files are larger than the reader's chunks, so its buffer peaks the same in both.
    for path, size in ((small, 1_500), (large, 6_000)):
        items = [{"id": f"r{i:06d}", "type": "book", "title": "x" * 40} for i in range(size)]
        path.write_text(json.dumps(items), encoding="utf-8")
    list(stream_records([str(small)])[2])  # the imports and caches of a first run
    # The 4,500 more ids took about a megabyte in Python sets; on disk, next to nothing.
    assert _traced_peak(large) - _traced_peak(small) < 128 * 1024


def test_a_failing_temporary_database_is_an_output_error_not_a_traceback() -> None:
    keys = DiskKeySet()
    assert keys._db is not None
    keys._db.close()  # as if SQLite could no longer use its file
    with pytest.raises(OutputError, match="temporary file") as raised:
        keys.add("a")
    assert raised.value.hint is not None
    assert "TMPDIR" in raised.value.hint
