"""`archcite import`, and pages and URLs as sources of `cite` and `export`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from archcite.cli.app import cli
from archcite.cli.importer import file_stem
from archcite.errors import ExitCode
from archcite.records import fetch
from archcite.records.formats.wilson import DIACRITICS_WARNING
from tests.archive_server import LocalArchive, local_archive
from tests.conftest import DATA, SHARED
from tests.records.test_wilson_pages import EXPECTED

SEED = str(DATA / "pages" / "wilson-113390.txt")
CABLE = str(DATA / "pages" / "wilson-110861.txt")
# A test style that prints only the author and the recipient, so the claim "Kim Il Sung is the
# author, Wladyslaw Gomulka the recipient" does not depend on how Chicago treats descriptions.
AUTHOR_TO_RECIPIENT = str(DATA / "styles" / "author-to-recipient.csl")


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def server() -> Iterator[LocalArchive]:
    with local_archive() as archive:
        yield archive


@pytest.fixture
def archive(server: LocalArchive, monkeypatch: pytest.MonkeyPatch) -> LocalArchive:
    monkeypatch.setattr(fetch, "ARCHIVE_HOSTS", frozenset({"127.0.0.1"}))
    # One deadline covers the whole fetch: long enough for a page on a busy machine, far shorter
    # than /slow's wait.
    monkeypatch.setattr(fetch, "TIMEOUT_SECONDS", 1.5)
    return server


def test_import_prints_the_archcite_yaml_record_and_warns_on_stderr() -> None:
    code, out, err = run("import", SEED)
    assert code == 0
    assert yaml.safe_load(out) == [EXPECTED["wilson-113390.txt"]]
    assert out.startswith(
        "- id: kimilsung1966letter\n"
        "  type: personal_communication\n"
        "  genre: Letter\n"
        "  title: Letter to Wladyslaw Gomulka from Kim Il Sung\n"
        "  title-is-description: true\n"
        "  author:\n"
        "  - literal: Kim Il Sung\n"
        "  recipient:\n"
        "  - family: Gomulka\n"
        "    given: Wladyslaw\n"
    )
    assert err == (
        f"archcite: warning: {SEED}:13: {DIACRITICS_WARNING}\n"
        f"archcite: warning: {SEED}:13: the page text has no address; URL built from the file name "
        "'wilson-113390.txt'\n"
    )


def test_import_reads_a_page_from_stdin() -> None:
    page = Path(CABLE).read_text(encoding="utf-8")
    code, out, _ = run("import", "-", input=page)
    assert code == 0
    assert yaml.safe_load(out) == [EXPECTED["wilson-110861.txt"]]


def test_import_to_csljson_keeps_archival_fields_in_note() -> None:
    code, out, _ = run("import", SEED, "--to", "csljson")
    assert code == 0
    item = json.loads(out)[0]
    assert item["archive_location"] == "2263/175-233"
    assert "digital-archive-id: 113390" in item["note"].splitlines()
    assert "title-is-description" not in item


def test_import_into_a_folder_writes_one_file_per_record(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    code, out, err = run("import", SEED, CABLE, "-o", f"{folder}/")
    assert (code, out) == (0, "")
    assert sorted(p.name for p in folder.iterdir()) == [
        "chineseforeignministry1955cable.yaml",
        "kimilsung1966letter.yaml",
    ]
    assert yaml.safe_load((folder / "kimilsung1966letter.yaml").read_text(encoding="utf-8")) == [
        EXPECTED["wilson-113390.txt"]
    ]
    assert f"wrote {folder / 'kimilsung1966letter.yaml'}" in err
    # Imported again, the record is there already: nothing is written.
    before = (folder / "kimilsung1966letter.yaml").stat().st_mtime_ns
    code, _, err = run("import", SEED, "-o", str(folder))
    assert code == ExitCode.OK
    assert f"{folder / 'kimilsung1966letter.yaml'} holds this record already; left as it is" in err
    assert (folder / "kimilsung1966letter.yaml").stat().st_mtime_ns == before


def test_import_into_a_folder_never_overwrites_another_document(tmp_path: Path) -> None:
    # Two FRUS telegrams of the Secretary of State to an ambassador, whose saved pages lost their
    # date line, derive one id; imported one at a time, as a historian collects them, the second
    # takes the next free id and the folder cites both.
    folder = tmp_path / "records"
    pages = SHARED / "archive-pages" / "frus"
    assert run("import", str(pages / "003.txt"), "-o", f"{folder}/")[0] == ExitCode.OK
    code, _, err = run("import", str(pages / "007.txt"), "-o", f"{folder}/")
    assert code == ExitCode.OK
    assert (
        f"record 'secretaryofstateambassador': id taken by {folder / 'secretaryofstateambassador.yaml'}, another "
        "record ('secretaryofstateambassador'); written as 'secretaryofstateambassadorb'"
    ) in err
    code, out, _ = run("list", str(folder))
    assert code == ExitCode.OK
    assert [line.split("\t")[::3] for line in out.splitlines()] == [
        ["secretaryofstateambassador", "The Secretary of State to the Ambassador in Spain (Weddell)"],
        ["secretaryofstateambassadorb", "The Secretary of State to the Ambassador in Russia (Francis)"],
    ]
    # Both again, with a third: the two are left as they are, the third is written.
    code, _, err = run("import", *(str(pages / name) for name in ("009.txt", "003.txt", "007.txt")), "-o", f"{folder}/")
    assert code == ExitCode.OK
    assert f"{folder / 'secretaryofstateambassadorb.yaml'} holds this record already; left as it is" in err
    assert sorted(p.name for p in folder.iterdir()) == [
        "secretaryofstateambassador.yaml",
        "secretaryofstateambassadorb.yaml",
        "secretaryofstateembassy.yaml",
    ]


def test_import_into_a_folder_replaces_an_earlier_import_of_the_same_address_only_with_force(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    assert run("import", SEED, "-o", f"{folder}/")[0] == ExitCode.OK
    path = folder / "kimilsung1966letter.yaml"
    [record] = yaml.safe_load(path.read_text(encoding="utf-8"))
    # An earlier import, by an older archcite, read less of the page.
    path.write_text(yaml.safe_dump([{**record, "title": "Letter"}]), encoding="utf-8")
    code, _, err = run("import", SEED, "-o", f"{folder}/")
    assert code == ExitCode.ERROR
    assert f"{path}: holds record 'kimilsung1966letter', imported before from {record['URL']}" in err
    assert run("import", SEED, "-o", f"{folder}/", "--force")[0] == ExitCode.OK
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == [record]
    assert sorted(p.name for p in folder.iterdir()) == ["kimilsung1966letter.yaml"]


def test_import_into_a_file(tmp_path: Path) -> None:
    target = tmp_path / "letter.json"
    code, out, _ = run("import", SEED, "--to", "csljson", "-o", str(target))
    assert (code, out) == (0, "")
    assert json.loads(target.read_text(encoding="utf-8"))[0]["id"] == "kimilsung1966letter"
    # A second import into the file would replace its records: refused, naming what keeps them.
    code, _, err = run("import", CABLE, "-o", str(target))
    assert code == ExitCode.ERROR
    assert err == (
        f"archcite: error: {target}: file exists (import into a folder (-o records/), one file per record, or "
        "pass --force to replace the file and the records it holds)\n"
    )
    assert json.loads(target.read_text(encoding="utf-8"))[0]["id"] == "kimilsung1966letter"


def test_import_of_a_search_results_page_exits_3_naming_what_was_expected(tmp_path: Path) -> None:
    code, out, err = run("import", str(DATA / "html" / "search-results.html"))
    assert (code, out) == (ExitCode.INPUT, "")
    assert err == (
        f"archcite: error: {DATA / 'html' / 'search-results.html'}: not a document page: found no citation line "
        "and no dated title (expected a Wilson Center Digital Archive document page (saved text or HTML of "
        "https://digitalarchive.wilsoncenter.org/document/<id>), with its date and title)\n"
    )


def test_seed_page_cites_kim_il_sung_as_author_and_gomulka_as_recipient() -> None:
    code, out, _ = run("cite", SEED, "--style", AUTHOR_TO_RECIPIENT, "--form", "note")
    assert (code, out) == (0, "Kim Il Sung to Wladyslaw Gomulka\n")


def test_export_accepts_a_page_file() -> None:
    code, out, _ = run("export", SEED, "--to", "cslyaml")
    assert code == 0
    assert yaml.safe_load(out)[0]["recipient"] == [{"family": "Gomulka", "given": "Wladyslaw"}]


def test_import_from_a_url(archive: LocalArchive) -> None:
    url = f"{archive.base}/document/113390"
    code, out, err = run("import", url)
    assert code == 0
    assert yaml.safe_load(out) == [{**EXPECTED["wilson-113390.txt"], "URL": url}]
    assert err == f"archcite: warning: {url}:13: {DIACRITICS_WARNING}\n"


def test_cite_accepts_a_url(archive: LocalArchive) -> None:
    code, out, _ = run("cite", f"{archive.base}/document/113390", "--style", AUTHOR_TO_RECIPIENT, "--form", "note")
    assert (code, out) == (0, "Kim Il Sung to Wladyslaw Gomulka\n")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/document/999", "HTTP 404 Not Found (check the document address)"),
        ("/away", "refused a redirect to another host (archive.example.invalid)"),
        ("/slow", "no answer within 1.5 seconds (try again later)"),
    ],
)
def test_fetch_failures_exit_5(archive: LocalArchive, path: str, message: str) -> None:
    code, out, err = run("import", archive.base + path)
    assert (code, out) == (ExitCode.FETCH, "")
    assert err.startswith(f"archcite: error: {archive.base}{path}: {message}")


def test_record_file_names_stay_inside_the_folder() -> None:
    assert file_stem("../../etc/passwd") == "_.._etc_passwd"
    assert file_stem("kimilsung1966letter") == "kimilsung1966letter"
    # An id too long for a file name (255 bytes) is cut, with a digest that keeps two apart.
    long_ids = ["ł" * 300 + "a", "ł" * 300 + "b"]
    stems = [file_stem(record_id) for record_id in long_ids]
    assert all(len(stem.encode()) <= 200 for stem in stems)
    assert stems[0] != stems[1]
    assert stems[0].startswith("ł" * 80)
