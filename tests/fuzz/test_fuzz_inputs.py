"""Fuzzing in the normal test run, bounded to a few seconds a target: hostile text through every
loader and the command line, and broken CSL style files. ``tests/fuzz/campaign.py`` runs the
same targets for as long as it is given."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLE
from tests.fuzz.strategies import csl_text, date_text, hostile_text, mutated_sample, pandoc_document
from tests.fuzz.targets import (
    LOADERS,
    WRITERS,
    assert_cli_handles,
    import_one_by_one,
    load_as_file,
    mutated_file,
    read_date_text,
    render_with_style,
    run_pandoc_filter,
)

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize(("fmt", "suffix"), LOADERS)
@FAST
@given(text=hostile_text)
def test_every_loader_reads_records_or_gives_a_clear_error(fmt: str, suffix: str, text: str) -> None:
    load_as_file(text, fmt, suffix)


@pytest.mark.parametrize("args", [["cite", "-"], *[["export", "-", "--to", fmt] for fmt in WRITERS]])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text)
def test_the_command_line_on_any_stdin_gives_records_or_a_clear_error(args: list[str], text: str) -> None:
    assert_cli_handles(args, text)


@FAST
@given(csl=csl_text)
def test_any_style_file_is_rejected_clearly_or_renders(csl: str) -> None:
    render_with_style(csl)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sample=mutated_sample())
def test_mutated_sample_files_are_cited_and_exported_or_rejected_clearly(sample: tuple[str, str]) -> None:
    mutated_file(sample)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=date_text)
def test_any_date_text_is_read_as_a_date_or_kept_without_a_crash(text: str) -> None:
    read_date_text(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=pandoc_document(str(EXAMPLE)))
def test_the_pandoc_filter_on_any_document_writes_one_or_gives_a_clear_error(text: str) -> None:
    run_pandoc_filter(text)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(samples=st.lists(mutated_sample(), min_size=2, max_size=4))
def test_pages_imported_one_by_one_into_a_folder_never_overwrite_a_record(samples: list[tuple[str, str]]) -> None:
    import_one_by_one(samples)
