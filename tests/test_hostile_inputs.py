"""Issue 13's hostile and careless inputs, rebuilt one by one: each ends in a clear error with
the exit code of DESIGN.md, or in a correct result; never an internal error, a hang, unbounded
memory or a silently lost record."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from archcite.cli.app import cli
from archcite.errors import ExitCode
from tests.conftest import EXAMPLE, REPO, SHARED

BOOK = "id: r1\ntype: book\ntitle: A Title\n"


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    return str(path)


def assert_input_error(code: int, out: str, err: str, *fragments: str) -> None:
    assert (code, out) == (ExitCode.INPUT, ""), err
    assert err.startswith("archcite: error: "), err
    assert "internal error" not in err
    for fragment in fragments:
        assert fragment in err


# --- values that passed loading and crashed a style or a writer ----------------------------------


@pytest.mark.parametrize(
    ("name", "text", "fragments"),
    [
        ("nul.yaml", BOOK.replace("A Title", "A\x00Title"), [":3: invalid YAML: the control character U+0000"]),
        ("bell.yaml", BOOK.replace("A Title", "A\x07Title"), [":3: invalid YAML: the control character U+0007"]),
        (
            "surrogate.json",
            '[{"id": "a", "type": "book", "title": "x\\udfff"}]',
            [":1, record 'a': 'title' holds a lone surrogate U+DFFF"],
        ),
        (
            "nul-escape.json",
            '[{"id": "a", "type": "book", "title": "x\\u0000"}]',
            ["'title' holds the control character U+0000"],
        ),
        ("type.json", '[{"id": "a", "type": {"x": 1}}]', [":1, record 'a': 'type' must be text, not dict"]),
        ("language.yaml", BOOK + "language: false\n", [":1, record 'r1': 'language' must be text, not true/false"]),
        ("bad-date.yaml", BOOK + "issued: 1950-13-45\n", [":1, record 'r1': 'issued' raw date '1950-13-45' is not"]),
        ("date-list.yaml", BOOK + "issued: {date-parts: [[true]]}\n", ["'issued' has a non-numeric date part"]),
        (
            "year.yaml",
            BOOK + "issued: {date-parts: [[9007199254740992]]}\n",
            ["'issued' has year 9007199254740992, outside -9007199254740991 to 9007199254740991"],
        ),
        ("name-part.yaml", BOOK + "author: [{family: [Kim]}]\n", ["name 1 of 'author', part 'family' must be text"]),
        ("key.yaml", BOOK + "1: x\n", ["the field name 1 is not text"]),
        ("deep-field.json", '[{"id": "a", "type": "book", "x": ' + "[" * 40 + "]" * 40 + "}]", ["'x' is nested more"]),
    ],
)
@pytest.mark.parametrize(
    "command", [["cite", "--style", "apa"], ["cite", "--format", "rtf"], ["export", "--to", "ris"]]
)
def test_values_of_the_wrong_type_or_with_bad_characters_are_input_errors(
    tmp_path: Path, name: str, text: str, fragments: list[str], command: list[str]
) -> None:
    path = write(tmp_path, name, text)
    assert_input_error(*run(command[0], path, *command[1:]), path, *fragments)


@pytest.mark.parametrize(
    ("extra", "field", "exported"),
    [
        ("issued: {literal: 5}\n", "issued", {"literal": "5"}),
        ("author: [{literal: 5}]\n", "author", [{"literal": "5"}]),
        ("edition: 2\n", "edition", 2),
        ("unknown-date: 2020-01-01\n", "unknown-date", "2020-01-01"),
        ("unknown-date: 2020-13-45\n", "unknown-date", "2020-13-45"),
        ("self: x\n", "self", "x"),
        # Found by the fuzz tests: comma-suffix is a flag, as static-ordering is.
        (
            "author: [{family: Kennan, given: George, comma-suffix: true}]\n",
            "author",
            [{"family": "Kennan", "given": "George", "comma-suffix": True}],
        ),
        ("key: x\n", "key", "x"),
    ],
)
def test_numbers_unquoted_dates_and_odd_field_names_load_and_render(
    tmp_path: Path, extra: str, field: str, exported: object
) -> None:
    path = write(tmp_path, "r.yaml", BOOK + extra)
    code, out, err = run("export", path, "--to", "csljson")
    assert code == ExitCode.OK, err
    assert json.loads(out)[0][field] == exported
    for style in ("apa", "chicago", "mla"):
        code, out, err = run("cite", path, "--style", style)
        assert code == ExitCode.OK, err
        assert "A Title" in out


# An event, found by the fuzz tests: APA gives its date a numeric month, which a season has not.
@pytest.mark.parametrize("record_type", ["book", "event"])
def test_the_readme_season_date_renders_in_apa(tmp_path: Path, record_type: str) -> None:
    path = write(tmp_path, "season.yaml", BOOK.replace("book", record_type) + 'issued: {raw: "1993-23"}\n')
    code, out, err = run("cite", path, "--style", "apa")
    assert (code, err) == (ExitCode.OK, "")
    assert "1993" in out


# --- limits on untrusted input ------------------------------------------------------------------


def _alias_bomb(levels: int) -> str:
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for previous, current in zip("abcdefghijklmnop", "bcdefghijklmnopq", strict=False):
        if ord(current) - ord("a") > levels:
            break
        text += f"{current}: &{current} [" + ",".join([f"*{previous}"] * 9) + "]\n"
    return text


@pytest.mark.parametrize(
    ("name", "text", "fragment"),
    [
        (
            "alias-bomb.yaml",
            "id: r1\ntype: book\n" + _alias_bomb(8) + "title: *i\n",
            "aliases expand to more than 100,000 values",
        ),
        ("alias-bomb-records.yaml", "- " + _alias_bomb(8).replace("\n", "\n  ") + "id: x\n  type: book\n", "aliases"),
        ("self-alias.yaml", "&a [*a]\n", ":1: invalid YAML: the alias *a refers to its own anchor"),
        ("self-alias-field.yaml", BOOK + "note: &n [*n]\n", "the alias *n refers to its own anchor"),
        ("deep.yaml", "[" * 5000 + "]" * 5000, ":1: invalid YAML: nested more than 64 levels deep"),
        ("deep.json", "[" * 1500 + "]" * 1500, "nested too deeply to read"),
        # Deep braces are an error, not a value read without its braces (issue 13: a clear error).
        ("deep.bib", "@book{a, title={" + "{" * 3000 + "}" * 3000 + "}}\n", "nested too deeply to read"),
        ("empty.yaml", "", "no records in"),
        ("blank.yaml", "\n# nothing\n", "no records in"),
        ("empty-list.json", "[]", "no records in"),
        ("empty-object.json", "{}", "record has no 'type'"),
    ],
)
@pytest.mark.parametrize("command", [["cite"], ["export", "--to", "bibtex"]])
def test_bombs_deep_nesting_and_empty_sources_are_input_errors(
    tmp_path: Path, name: str, text: str, fragment: str, command: list[str]
) -> None:
    path = write(tmp_path, name, text)
    assert_input_error(*run(command[0], path, *command[1:]), path, fragment)


def test_a_device_is_not_read_as_a_source() -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero on this system")  # pragma: no cover
    assert_input_error(*run("export", "/dev/zero", "--to", "bibtex"), "/dev/zero: is a device, not a file")


@pytest.mark.parametrize(("path", "shown"), [("a\udfffb.yaml", "a\\udfffb.yaml"), ("a\x00b.yaml", "a\\0b.yaml")])
def test_a_name_no_file_can_have_is_refused_clearly(path: str, shown: str) -> None:
    # The pandoc filter takes file names from JSON metadata, which can hold both.
    from archcite.errors import InputError
    from archcite.records.io import read_text

    with pytest.raises(InputError, match="is no file name") as error:
        read_text(path)
    assert str(error.value).startswith(shown + ": ")


def test_standard_input_is_read_up_to_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from archcite.records import io

    monkeypatch.setattr(io, "MAX_INPUT_BYTES", 1000)
    code, out, err = run("export", "-", "--to", "bibtex", input=BOOK + "note: " + "x" * 2000 + "\n")
    assert_input_error(code, out, err, "<stdin>: larger than 0 MiB, the limit for a source read whole")


# --- every record accounted for ------------------------------------------------------------------

ONE_INVALID = [
    {"id": "a", "type": "book", "title": "First"},
    {"id": "b", "type": "bogus", "title": "Second"},
    {"id": "c", "type": "book", "title": "Third"},
]


@pytest.mark.parametrize("command", [["cite"], ["export", "--to", "csljson"], ["export", "--to", "bibtex", "-o", "-"]])
def test_one_invalid_record_stops_the_run_unless_skipped(tmp_path: Path, command: list[str]) -> None:
    path = write(tmp_path, "mixed.json", json.dumps(ONE_INVALID, indent=1))
    assert_input_error(
        *run(command[0], path, *command[1:]),
        f"{path}:7, record 'b': unknown record type 'bogus'",
        "or pass --skip-invalid to leave out invalid records",
    )
    code, out, err = run(command[0], path, *command[1:], "--skip-invalid")
    assert code == ExitCode.OK
    assert "First" in out
    assert "Third" in out
    assert "Second" not in out
    assert err.endswith("archcite: warning: 1 invalid record(s) skipped (--skip-invalid)\n")
    code, _, err = run(command[0], path, *command[1:], "--skip-invalid", "--strict")
    assert code == ExitCode.ERROR


def test_import_finds_output_name_collisions_before_writing(tmp_path: Path) -> None:
    source = write(
        tmp_path,
        "two.json",
        json.dumps([{"id": "a/b", "type": "book", "title": "One"}, {"id": "a_b", "type": "book", "title": "Two"}]),
    )
    folder = tmp_path / "out"
    for force in ([], ["--force"]):
        code, out, err = run("import", source, "-o", f"{folder}/", *force)
        assert (code, out) == (ExitCode.ERROR, "")
        assert err == (
            f"archcite: error: {folder}/: records 'a/b' and 'a_b' would both be written to {folder}/a_b.yaml "
            "(give one of them another id, or import into one file with -o FILE)\n"
        )
        assert not folder.exists()


# --- format detection: archcite's own exports read back through stdin ----------------------------

SAMPLES = [
    EXAMPLE,
    Path(__file__).parent / "data" / "records" / "two-telegrams.json",
    Path(__file__).parent / "data" / "exports" / "records.yaml",
    Path(__file__).parent / "data" / "exports" / "corpus.json",
]
READER_OF = {
    "bibtex": "bibtex",
    "biblatex": "bibtex",
    "ris": "ris",
    "csljson": "csljson",
    "cslyaml": "yaml",
    "yaml": "yaml",
}


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", sorted(READER_OF))
def test_every_export_of_every_sample_is_read_back_through_stdin_by_its_own_reader(sample: Path, fmt: str) -> None:
    from archcite.records.registry import sniff

    code, exported, err = run("export", str(sample), "--to", fmt, "--skip-invalid")
    assert code == ExitCode.OK, err
    chosen = sniff(exported)
    assert chosen is not None
    assert chosen.name == READER_OF[fmt]
    _, expected, _ = run("export", str(sample), "--to", "csljson", "--skip-invalid")
    code, back, err = run("export", "-", "--to", "csljson", input=exported)
    assert code == ExitCode.OK, err
    assert [item["id"] for item in json.loads(back)] == [item["id"] for item in json.loads(expected)]


# --- writes ---------------------------------------------------------------------------------------


def test_force_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "private.bib"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    code, _, err = run("export", str(EXAMPLE), "--to", "bibtex", "-o", str(target), "--force")
    assert code == ExitCode.OK, err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("@")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_or_device_is_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    targets = [str(fifo)] + (["/dev/null"] if os.path.exists("/dev/null") else [])
    for target in targets:
        code, out, err = run("export", str(EXAMPLE), "--to", "bibtex", "-o", target, "--force")
        assert (code, out) == (ExitCode.ERROR, "")
        assert err == (
            f"archcite: error: {target}: is not a regular file (a device, FIFO or socket), so it is never "
            "replaced (name a file, or write to standard output with -o - (or no -o))\n"
        )
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert os.listdir(tmp_path) == ["pipe"]


def test_dash_output_is_standard_output() -> None:
    assert run("export", str(EXAMPLE), "--to", "yaml", "-o", "-")[:2] == run("export", str(EXAMPLE), "--to", "yaml")[:2]


def test_a_stream_to_stdout_that_fails_part_way_says_how_far_it_got(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from archcite.records import registry

    def failing_stream(records: object, warnings: object) -> object:
        for number, _record in enumerate(records, 1):  # type: ignore[call-overload]
            if number == 3:
                raise OSError(28, "No space left on device")
            yield f"record {number}\n"

    fake = registry.get_format("ris")._replace(stream=failing_stream)
    monkeypatch.setattr(registry, "_formats", [fake if f.name == "ris" else f for f in registry.all_formats()])
    items = [{"id": f"r{n}", "type": "book", "title": f"T{n}"} for n in range(5)]
    path = write(tmp_path, "five.json", json.dumps(items))
    result = CliRunner().invoke(cli, ["export", path, "--to", "ris"])
    assert result.stdout == "record 1\nrecord 2\n"
    assert "archcite: error: standard output is incomplete: it ends after record 2 of 5\n" in result.stderr
    assert result.exit_code != ExitCode.OK


def test_one_huge_record_in_a_streamed_csljson_file_meets_the_size_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from archcite.records import io
    from archcite.records.formats import csljson

    # Larger than the streaming reader's chunk (64 KiB), its item limit and the whole-file limit.
    monkeypatch.setattr(csljson, "MAX_ITEM_CHARS", 100_000)
    monkeypatch.setattr(io, "MAX_INPUT_BYTES", 150_000)
    path = write(tmp_path, "huge.json", json.dumps([{"id": "a", "type": "book", "title": "x" * 200_000}]))
    assert_input_error(*run("export", path, "--to", "bibtex"), f"{path}: larger than 0 MiB")


def test_a_negative_year_survives_bibtex_and_ris(tmp_path: Path) -> None:
    path = write(tmp_path, "old.yaml", BOOK + "issued: {date-parts: [[-500]]}\n")
    for fmt in ("bibtex", "biblatex", "ris"):
        _, exported, _ = run("export", path, "--to", fmt)
        code, back, err = run("export", "-", "--from", fmt, "--to", "csljson", input=exported)
        assert (code, err) == (ExitCode.OK, "")
        assert json.loads(back)[0]["issued"] == {"date-parts": [[-500]]}, fmt


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex", "ris"])
def test_a_note_line_that_looks_like_a_field_does_not_override_the_type(tmp_path: Path, fmt: str) -> None:
    path = write(tmp_path, "note.yaml", "id: r\ntype: manuscript\ntitle: T\nnote: 'type: book'\n")
    _, exported, _ = run("export", path, "--to", fmt)
    _, back, _ = run("export", "-", "--from", fmt, "--to", "csljson", input=exported)
    read = json.loads(back)[0]
    assert (read["type"], read["note"]) == ("manuscript", "type: book")


def test_a_repeated_references_key_reads_the_last_one_as_yaml_does(tmp_path: Path) -> None:
    # Found by the fuzz campaign: the line numbers came from the first key, the records from the last.
    path = write(tmp_path, "twice.yaml", "references:\nreferences:\n- id: a\n  type: book\n")
    code, out, _ = run("list", path)
    assert (code, out.split("\t")[:2]) == (ExitCode.OK, ["a", "book"])


@pytest.mark.parametrize("address", ["https://[digitalarchive.wilsoncenter.org/document/113390", "https://x.org:abc/"])
def test_a_saved_page_whose_canonical_link_is_malformed_is_read_without_it(tmp_path: Path, address: str) -> None:
    # Found by the fuzz campaign: joining the page's RIS link onto a canonical link "https://[host..."
    # was an internal error ("Invalid IPv6 URL").
    page = (REPO / "tests" / "data" / "html" / "older-site-113390.html").read_text(encoding="utf-8")
    canonical = '<link rel="canonical" href="https://digitalarchive.wilsoncenter.org/document/113390">'
    assert canonical in page
    path = write(tmp_path, "page.html", page.replace(canonical, f'<link rel="canonical" href="{address}">'))
    code, out, err = run("export", path, "--to", "csljson")
    assert code == ExitCode.OK, err
    # As a page with no canonical link: read, with no URL and a warning saying so.
    record = json.loads(out)[0]
    assert (record["title"], "URL" in record) == ("Letter to Wladyslaw Gomulka from Kim Il Sung", False)
    assert "no document address" in err


def test_a_malformed_address_in_an_archive_citation_counts_as_no_address(tmp_path: Path) -> None:
    text = (SHARED / "archive-pages" / "gilder-lehrman" / "001.txt").read_text(encoding="utf-8")
    cited = 'Cite as: "A letter to the Governor," https://[www.gilderlehrman.org/collection/x.\n'
    path = write(tmp_path, "page.txt", text + "\n" + cited)
    code, out, err = run("export", path, "--to", "csljson")
    assert code == ExitCode.OK, err
    record = json.loads(out)[0]
    assert "URL" not in record
    assert f"archive-citation: {cited.removeprefix('Cite as: ').strip()}" in record["note"].split("\n")
