"""`argmap check` and `argmap explain` end to end: formats, exit codes, selection, config."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from argmap.checks import all_rules
from argmap.cli import main
from tests.conftest import ROOT

CHECK_SCHEMA = json.loads(
    (ROOT / "argmap" / "report" / "schemas" / "check-output.schema.json").read_text()
)
SARIF_SCHEMA = json.loads((ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text())

CLEAN = """\
source report "Annual report"
thesis t: "Trade grew."
  + evidence e: "Trade grew by 12%."
    cite report "p. 14"
"""
# S201 (warning) on "a" (2:5) and on "q" (5:10); O301 (warning) on o1 (5:3); Q503 (info) 6:8.
# The thesis stands: o1 rests on an unsupported premise, so no verdict check fires.
FINDINGS = """\
thesis t: "T."
  + a: "A."
  + evidence e: "E."
    cite report
  - [o1] q: "Q."
source unused "Unused"
source report "Report"
"""
INFO_ONLY = CLEAN + 'source unused "Unused"\n'


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def codes(out: str) -> list[str]:
    return [d["code"] for d in json.loads(out)["diagnostics"]]


# -- exit codes --------------------------------------------------------------------------------


def test_clean_map_exits_0(tmp_path: Path) -> None:
    path = write(tmp_path, "clean.arg", CLEAN)
    assert run("check", path) == (0, "No findings in 1 file.\n", "")


def test_warnings_exit_1_and_print_the_line_with_a_caret(tmp_path: Path) -> None:
    path = write(tmp_path, "m.arg", FINDINGS)
    code, out, err = run("check", path)
    assert code == 1 and err == ""
    assert f'{path}:2:5: warning: S201 claim "a" has no reason' in out
    assert '   2 |   + a: "A."\n' + " " * 11 + "^~~~~~~\n" in out
    assert out.endswith("Found 3 warnings and 1 info finding in 1 file.\n")


@pytest.mark.parametrize(
    ("text", "fail_on", "expected"),
    [
        (FINDINGS, "error", 0),
        (FINDINGS, "warning", 1),
        (INFO_ONLY, "warning", 0),
        (INFO_ONLY, "info", 1),
        (INFO_ONLY, "INFO", 1),
        (CLEAN, "info", 0),
    ],
)
def test_fail_on(tmp_path: Path, text: str, fail_on: str, expected: int) -> None:
    path = write(tmp_path, "m.arg", text)
    assert run("check", path, "--fail-on", fail_on)[0] == expected


def test_syntax_error_exits_2_and_prints_in_the_chosen_format(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.arg", 'claim a "no colon"\n')
    code, out, err = run("check", path, "--format", "json")
    assert code == 2 and err == ""
    document = json.loads(out)
    jsonschema.validate(document, CHECK_SCHEMA)
    assert document["files"] == [{"path": path, "status": "invalid", "message": None}]
    assert [d["code"] for d in document["diagnostics"]] == ["E101"]
    code, out, _ = run("check", path)
    assert code == 2 and f"{path}:1:9: error: E101" in out


def test_missing_file_exits_2_with_one_line_on_stderr(tmp_path: Path) -> None:
    clean = write(tmp_path, "clean.arg", CLEAN)
    code, out, err = run("check", clean, str(tmp_path / "nope.arg"))
    assert code == 2
    assert err == f"{tmp_path / 'nope.arg'}: error: no such file\n"
    assert out == "No findings in 1 file; 1 file could not be read.\n"


@pytest.mark.parametrize(
    ("maps", "summary"),
    [
        (["nope.arg"], "1 file could not be read."),
        (["nope.arg", "nada.arg"], "2 files could not be read."),
        (["bad.arg"], "Found 1 error in 1 file; 1 file could not be parsed, so it was not checked"),
        (
            ["m.arg", "clean.arg", "bad.arg", "nope.arg"],
            "Found 1 error, 3 warnings and 1 info finding in 3 files; 1 file could not be "
            "parsed, so it was not checked (see the errors above); 1 file could not be read.",
        ),
        (
            ["bad.arg", "bad2.arg"],
            "Found 2 errors in 2 files; 2 files could not be parsed, so they were not checked",
        ),
    ],
)
def test_the_summary_counts_files_that_could_not_be_read_or_parsed(
    tmp_path: Path, maps: list[str], summary: str
) -> None:
    write(tmp_path, "clean.arg", CLEAN)
    write(tmp_path, "m.arg", FINDINGS)
    write(tmp_path, "bad.arg", 'claim a "no colon"\n')
    write(tmp_path, "bad2.arg", 'claim a "no colon"\n')
    code, out, _ = run("check", *(str(tmp_path / m) for m in maps))
    assert code == 2
    assert out.splitlines()[-1].startswith(summary)


def test_unknown_selector_is_a_usage_error() -> None:
    code, out, err = run("check", "whatever.arg", "--select", "unsuported-claim")
    assert (code, out) == (2, "")
    assert 'did you mean "unsupported-claim"' in err and err.count("\n") == 1


@pytest.mark.parametrize("option", ["--select", "--ignore", "--extend-select"])
@pytest.mark.parametrize("selector", ["E101", "syntax-error", "E1", "E"])
def test_reader_errors_cannot_be_selected_or_ignored(option: str, selector: str) -> None:
    code, out, err = run("check", "whatever.arg", option, selector)
    assert (code, out) == (2, "")
    assert "always apply and cannot be selected or ignored" in err
    assert "run `argmap explain`" not in err and err.count("\n") == 1


@pytest.mark.parametrize("selector", ["", ",", " , "])
def test_an_empty_select_is_an_error(tmp_path: Path, selector: str) -> None:
    code, out, err = run("check", write(tmp_path, "m.arg", FINDINGS), "--select", selector)
    assert (code, out) == (2, "")
    assert "--select names no check, which would turn every check off" in err


def test_bad_format_is_a_usage_error(tmp_path: Path) -> None:
    assert run("check", write(tmp_path, "m.arg", CLEAN), "--format", "xml")[0] == 2


# -- selection ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ((), ["S201", "S201", "O301", "Q503"]),
        (("--select", "S201"), ["S201", "S201"]),
        (("--select", "unanswered-objection"), ["O301"]),
        (("--select", "S,O"), ["S201", "S201", "O301"]),
        (("--select", "S", "--select", "O"), ["S201", "S201", "O301"]),
        (("--ignore", "Q"), ["S201", "S201", "O301"]),
        (("--ignore", "unsupported-claim,O301"), ["Q503"]),
        (("--select", "ALL", "--ignore", "S2"), ["O301", "Q503"]),
        (("--select", "S", "--extend-select", "S203"), ["S201", "S201", "S203", "S203"]),
        (("--select", "S2"), ["S201", "S201"]),  # a prefix leaves out the heuristics (S203)
    ],
)
def test_select_and_ignore(tmp_path: Path, options: tuple[str, ...], expected: list[str]) -> None:
    path = write(tmp_path, "m.arg", FINDINGS)
    code, out, _ = run("check", path, "--format", "json", *options)
    assert sorted(codes(out)) == sorted(expected)
    assert code == (1 if {"S201", "O301"} & set(expected) else 0)


# -- formats -----------------------------------------------------------------------------------


def test_json_output_validates_and_is_deterministic(tmp_path: Path) -> None:
    first = write(tmp_path, "b.arg", FINDINGS)
    second = write(tmp_path, "a.arg", FINDINGS.replace("+ a:", "+ c:"))
    code, out, _ = run("check", first, second, "--format", "json")
    document = json.loads(out)
    jsonschema.validate(document, CHECK_SCHEMA)
    assert code == 1 and document["summary"] == {
        "files": 2,
        "errors": 0,
        "warnings": 6,
        "infos": 2,
        "exit_code": 1,
    }
    assert [f["path"] for f in document["files"]] == [first, second]
    locations = [(d["location"]["file"], d["location"]["line"]) for d in document["diagnostics"]]
    assert locations == sorted(locations) and locations[0][0] == second
    s201 = next(d for d in document["diagnostics"] if d["code"] == "S201")
    assert s201["subject"] == "c" and s201["related"] == [
        {
            "message": 'it is a premise of the reason for thesis "t" here',
            "location": {"file": second, "line": 2, "column": 3, "end_line": 2, "end_column": 12},
        }
    ]
    assert run("check", first, second, "--format", "json")[1] == out


def test_sarif_output_validates_against_the_official_schema(tmp_path: Path) -> None:
    path = write(tmp_path, "m.arg", FINDINGS)
    bad = write(tmp_path, "bad.arg", 'claim a "no colon"\n')
    code, out, err = run("check", path, bad, str(tmp_path / "missing.arg"), "--format", "sarif")
    assert code == 2 and "missing.arg: error: no such file" in err
    log = json.loads(out)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    (sarif_run,) = log["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(all_rules())
    assert all(r["help"]["text"] and r["shortDescription"]["text"] for r in rules)
    results = sarif_run["results"]
    assert sorted(r["ruleId"] for r in results) == ["E101", "O301", "Q503", "S201", "S201"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    o301 = next(r for r in results if r["ruleId"] == "O301")
    assert o301["level"] == "warning"
    region = o301["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (5, 3)
    assert o301["relatedLocations"][0]["message"]["text"] == 'it objects to thesis "t" here'
    invocation = sarif_run["invocations"][0]
    assert invocation["executionSuccessful"] is False and invocation["exitCode"] == 2
    assert "no such file" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_github_annotations(tmp_path: Path) -> None:
    path = write(tmp_path, "m,1.arg", FINDINGS)
    code, out, _ = run("check", path, "--format", "github")
    lines = out.splitlines()
    assert code == 1 and len(lines) == 4
    escaped = path.replace(",", "%2C")
    assert lines[0].startswith(
        f"::warning file={escaped},line=2,col=5,endLine=2,endColumn=12,"
        'title=S201 unsupported-claim::claim "a" has no reason'
    )
    assert "%0A" in lines[0] and "\n" not in lines[0]
    assert any(line.startswith("::notice ") and "Q503" in line for line in lines)


# -- many files, globs, standard input ---------------------------------------------------------


def test_globs_and_stdin(tmp_path: Path) -> None:
    write(tmp_path, "maps/one.arg", CLEAN)
    write(tmp_path, "maps/two.arg", FINDINGS)
    code, out, _ = run("check", str(tmp_path / "maps" / "*.arg"), "--format", "json")
    assert code == 1
    assert [f["path"] for f in json.loads(out)["files"]] == [
        str(tmp_path / "maps" / "one.arg"),
        str(tmp_path / "maps" / "two.arg"),
    ]
    code, out, _ = run("check", "-", "--format", "json", input=FINDINGS)
    assert code == 1 and {d["location"]["file"] for d in json.loads(out)["diagnostics"]} == {
        "<stdin>"
    }


# -- sources -----------------------------------------------------------------------------------

QUOTING = """\
source column "The column"
  file "texts/column.txt"
thesis t: "Relations are better than they seem."
  + evidence e: "The statement was neutral."
    quote column "neutral and constructive"
"""


def test_sources_are_read_relative_to_the_map(tmp_path: Path) -> None:
    write(tmp_path, "texts/column.txt", "It was neutral and constructive in tone.\n")
    path = write(tmp_path, "m.arg", QUOTING)
    assert run("check", path)[0] == 0
    write(tmp_path, "texts/other.txt", "Nothing of the kind.\n")
    code, out, _ = run("check", path, "--source", f"column={tmp_path / 'texts' / 'other.txt'}")
    assert code == 1 and "Q501" in out


def test_unreadable_source_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "m.arg", QUOTING)
    code, out, _ = run("check", path, "--format", "json")
    assert code == 1 and "Q502" in codes(out)


def test_source_option_errors(tmp_path: Path) -> None:
    path = write(tmp_path, "m.arg", QUOTING)
    write(tmp_path, "texts/column.txt", "neutral and constructive\n")
    code, _, err = run("check", path, "--source", "columnn=x.txt")
    assert code == 2 and 'no map declares a source "columnn" (did you mean "column"?)' in err
    code, _, err = run("check", path, "--source", "column")
    assert code == 2 and "must be ID=PATH" in err


def test_a_source_given_twice_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "m.arg", QUOTING)
    code, out, err = run("check", path, "--source", "column=a.txt", "--source", "column=b.txt")
    assert (code, out) == (2, "")
    assert err == (
        'argmap: error: --source column is given twice ("a.txt" and "b.txt"); '
        "give each source once\n"
    )


def test_no_false_unknown_source_when_a_map_did_not_parse(tmp_path: Path) -> None:
    path = write(tmp_path, "f.arg", 'source column "C"\nthesis t "T."\n')
    code, out, err = run("check", path, "--source", "column=x.txt")
    assert code == 2 and "E101" in out
    assert "no map declares" not in err


def test_missing_source_shows_the_path_as_written_and_where_it_was_looked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "maps/deep/m.arg", QUOTING.replace("texts/column.txt", "../../texts/col.txt"))
    (tmp_path / "texts").mkdir()
    monkeypatch.chdir(tmp_path / "maps")
    code, out, _ = run(
        "check", "deep/m.arg", "--format", "json", "--allow-source-folder", "../texts"
    )
    (q502,) = [d for d in json.loads(out)["diagnostics"] if d["code"] == "Q502"]
    looked = tmp_path / "texts" / "col.txt"
    assert q502["message"] == (
        f'the file "../../texts/col.txt" named under source "column" (looked for at {looked}) '
        'does not exist; the quote of source "column" was not checked'
    )
    assert q502["hint"] == (
        "fix the path on the file line under the source (a path from the map's folder, "
        '"deep"), or give the text with --source column=PATH'
    )
    code, out, _ = run("check", "deep/m.arg", "--format", "json", "--source", "column=/nowhere")
    (q502,) = [d for d in json.loads(out)["diagnostics"] if d["code"] == "Q502"]
    assert q502["message"].startswith(
        'the file "/nowhere" given with --source column does not exist;'
    )
    assert q502["hint"].startswith("fix the path given with --source column=PATH")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            b"caf\xe9 neutral\n",
            "is not UTF-8 text (byte 0xe9 on line 1, column 4); save it as UTF-8",
        ),
        (None, "is a folder, not a text file"),
    ],
)
def test_unreadable_source_says_why_in_plain_words(
    tmp_path: Path, content: bytes | None, reason: str
) -> None:
    target = tmp_path / "texts" / "column.txt"
    if content is None:
        target.mkdir(parents=True)
    else:
        target.parent.mkdir()
        target.write_bytes(content)
    path = write(tmp_path, "m.arg", QUOTING)
    code, out, _ = run("check", path, "--format", "json")
    (q502,) = [d for d in json.loads(out)["diagnostics"] if d["code"] == "Q502"]
    assert (
        'the file "texts/column.txt" named under source "column" (looked for at ' in q502["message"]
    )
    assert q502["message"].endswith(f'{reason}; the quote of source "column" was not checked')
    assert "codec" not in q502["message"] and "Errno" not in q502["message"]


# -- configuration -----------------------------------------------------------------------------


def test_config_from_the_nearest_pyproject(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.argmap]\nignore = ["S201"]\nfail-on = "error"\n')
    write(tmp_path, "sub/pyproject.toml", "[project]\nname = 'no-argmap-table'\n")
    path = write(tmp_path, "sub/deeper/m.arg", FINDINGS)
    code, out, _ = run("check", path, "--format", "json")
    assert code == 0 and sorted(codes(out)) == ["O301", "Q503"]
    code, out, _ = run("check", path, "--format", "json", "--fail-on", "warning")
    assert code == 1
    code, out, _ = run("check", path, "--format", "json", "--select", "S201")
    assert codes(out) == ["S201", "S201"]
    code, out, _ = run("check", path, "--format", "json", "--no-config")
    assert code == 1 and sorted(codes(out)) == ["O301", "Q503", "S201", "S201"]


def test_config_check_options(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", "[tool.argmap.unsupported-claim]\nignore-theses = true\n")
    path = write(tmp_path, "m.arg", 'thesis t: "T."\n')
    assert run("check", path, "--select", "S") == (0, "No findings in 1 file.\n", "")
    assert run("check", path, "--select", "S", "--no-config")[0] == 1


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[tool.argmap]\nselct = ["S"]\n', 'unknown setting "selct" (did you mean "select"?)'),
        ('[tool.argmap]\nselect = ["S9"]\n', '"S9" in [tool.argmap] in'),
        ('[tool.argmap]\nfail-on = "never"\n', 'fail-on must be "error", "warning" or "info"'),
        ("[tool.argmap]\nfail-on = 2\n", 'fail-on must be "error", "warning" or "info", not 2'),
        ("[tool.argmap]\nselect = 3\n", "select must be a list of check codes or names"),
        ("[tool.argmap]\nselect = []\n", "select is empty, which would turn every check off"),
        ('[tool.argmap]\nignore = [""]\n', 'an empty text ("") in [tool.argmap] in'),
        ("[tool.argmap]\nselect = {S = 1}\n", "select must be a list of check codes or names"),
        ("[tool.argmap]\nS201 = true\n", "S201 must be a table of options, [tool.argmap.S201]"),
        ("[tool.argmap.unsuported-claim]\nx = 1\n", 'did you mean "unsupported-claim"?'),
        ("[tool.argmap\n", "is not valid TOML"),
        ("tool = 5\n", '"tool" must be a table ([tool.argmap] goes under it), not 5'),
        ('tool = "argmap"\n', '"tool" must be a table ([tool.argmap] goes under it), not "argmap"'),
        ("[tool]\nargmap = 5\n", '"tool.argmap" must be a table, not 5'),
        ("[tool]\nargmap = [1]\n", '"tool.argmap" must be a table, not a list'),
        (
            '[tool.argmap.unsupported-claim]\nignore-theses = "no"\n',
            "[tool.argmap.unsupported-claim] in {path}: ignore-theses must be true or false, "
            'not "no"',
        ),
        (
            "[tool.argmap.quotes]\ncase-insensitive = 1\n",
            "[tool.argmap.quotes] in {path}: case-insensitive must be true or false, not 1",
        ),
        (
            "[tool.argmap.Q501]\ncase-insensitive = {a = 1}\n",
            "case-insensitive must be true or false, not a table",
        ),
        (
            "[tool.argmap.quotes]\nbogus = true\n",
            '[tool.argmap.quotes] in {path}: unknown option "bogus"; the options of the shared '
            "table [tool.argmap.quotes] are: case-insensitive",
        ),
        (
            "[tool.argmap.S201]\nignore-these = true\n",
            'unknown option "ignore-these" (did you mean "ignore-theses"?); '
            "the options of S201 (unsupported-claim) are: ignore-theses",
        ),
        (
            "[tool.argmap.orphan]\nbogus = true\n",
            'unknown option "bogus": S204 (orphan) has no options',
        ),
        (
            "[tool.argmap.S201]\nignore-theses = true\n"
            "[tool.argmap.unsupported-claim]\nignore-theses = false\n",
            "ignore-theses is set twice for S201 (unsupported-claim): under "
            "[tool.argmap.S201] too; keep one",
        ),
        (
            b'[tool.argmap]\nselect = ["S"]  # \xff\n',
            "the settings file {path} is not UTF-8 text (byte 0xff on line 2, column 19); "
            "save it as UTF-8",
        ),
    ],
)
def test_bad_config_is_an_error(tmp_path: Path, toml: str | bytes, message: str) -> None:
    settings = tmp_path / "pyproject.toml"
    settings.write_bytes(toml if isinstance(toml, bytes) else toml.encode())
    path = write(tmp_path, "m.arg", CLEAN)
    code, out, err = run("check", path)
    assert (code, out) == (2, "")
    assert err.startswith("argmap: error: ") and err.count("\n") == 1
    assert message.format(path=settings) in err and str(settings) in err


def test_an_unreadable_config_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").mkdir()
    path = write(tmp_path, "m.arg", CLEAN)
    code, out, err = run("check", path)
    assert (code, out) == (2, "")
    assert (
        err == f"argmap: error: the settings file {tmp_path / 'pyproject.toml'} is a folder, "
        "not a text file\n"
    )


@pytest.mark.parametrize(
    ("toml", "findings"),
    [
        ("[tool.argmap.unsupported-claim]\nignore-theses = false\n", ["S201"]),
        ("[tool.argmap.S201]\nignore-theses = true\n", []),
        ("[tool.argmap.s201]\nignore-theses = true\n", []),
        ("[tool.argmap.orphan]\n", ["S201"]),
    ],
)
def test_check_options_are_read_by_code_or_name(
    tmp_path: Path, toml: str, findings: list[str]
) -> None:
    write(tmp_path, "pyproject.toml", toml)
    path = write(tmp_path, "m.arg", 'thesis t: "T."\n')
    code, out, _ = run("check", path, "--select", "S", "--format", "json")
    assert (code, codes(out)) == (1 if findings else 0, findings)


@pytest.mark.parametrize(
    ("toml", "findings"),
    [
        ("", ["Q501"]),
        ("[tool.argmap.quotes]\ncase-insensitive = false\n", ["Q501"]),
        ("[tool.argmap.quotes]\ncase-insensitive = true\n", []),
        ("[tool.argmap.quote-not-in-source]\ncase-insensitive = true\n", []),
    ],
)
def test_the_case_insensitive_option(tmp_path: Path, toml: str, findings: list[str]) -> None:
    write(tmp_path, "pyproject.toml", toml)
    write(tmp_path, "texts/column.txt", "It was Neutral and Constructive in tone.\n")
    path = write(tmp_path, "m.arg", QUOTING)
    code, out, _ = run("check", path, "--select", "Q501", "--format", "json")
    assert codes(out) == findings


def test_stdin_uses_the_config_of_the_working_folder(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.argmap]\nselect = ["Q503"]\n')
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        code, out, _ = run("check", "-", "--format", "json", input=FINDINGS)
    finally:
        os.chdir(cwd)
    assert codes(out) == ["Q503"] and code == 0


# -- explain -----------------------------------------------------------------------------------


def test_explain_lists_every_code() -> None:
    code, out, _ = run("explain")
    assert code == 0
    for rule in all_rules().values():
        assert f"{rule.code}  {rule.name}" in out


@pytest.mark.parametrize("name", ["S201", "s201", "unsupported-claim"])
def test_explain_one_check(name: str) -> None:
    code, out, _ = run("explain", name)
    assert code == 0
    assert out.startswith("S201 unsupported-claim (warning, on by default)")
    for section in ("What it does", "Why it matters", "Example", "How to fix"):
        assert f"\n{section}\n" in out


def test_explain_unknown_code() -> None:
    code, out, err = run("explain", "S299")
    assert code == 2 and out == "" and "is not a check code or name" in err


def test_every_check_documents_its_sections() -> None:
    for rule in all_rules().values():
        for section in ("What it does", "Why it matters", "Example", "How to fix"):
            assert f"{section}\n" in rule.doc, f"{rule.code} lacks {section}"


def test_a_duplicate_id_names_its_subject_in_json(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "dup.arg",
        'title "One"\ntitle "Two"\nsource s "S"\n  date "2011"\n  date "2012"\n'
        'claim a: "A."\nclaim a: "Again."\nclaim b: "B."\n  by x\n  by y\n',
    )
    code, out, _ = run("check", path, "--format", "json")
    document = json.loads(out)
    jsonschema.validate(document, CHECK_SCHEMA)
    found = [(d["location"]["line"], d["subject"]) for d in document["diagnostics"]]
    assert code == 2 and [f for f in found if f[0] in (2, 5, 7, 10)] == [
        (2, None),  # the map's title: no id
        (5, "s"),
        (7, "a"),
        (10, "b"),
    ]


# -- messages that name the right cause ----------------------------------------------------------

LOOP_UNDER_OBJECTION = """\
thesis t: "T."
evidence e: "E."
evidence x: "X."
claim a: "A."
claim b: "B."
reason r0: a -> t
reason r2: b -> a
reason r3: a -> b
reason r1: e -> b
objection o: x -> e
"""


def test_l601_names_the_objection_under_a_loop_not_the_loop(tmp_path: Path) -> None:
    path = write(tmp_path, "m.arg", LOOP_UNDER_OBJECTION)
    _, out, _ = run("check", "--select", "L601", path)
    assert (
        'L601 thesis "t" does not stand (OUT): its only reason fails: premise "a" is OUT,'
        ' ultimately because objection "o" defeats "e"\n'
    ) in out
    assert "circular" not in out


def test_s202_points_a_claim_given_as_its_own_reason_to_c403(tmp_path: Path) -> None:
    path = write(tmp_path, "m.arg", 'thesis t: "T."\n  + a: "A."\nreason r1: a -> a\n')
    _, out, _ = run("check", "--format", "json", path)
    found = json.loads(out)["diagnostics"]
    assert sorted({d["code"] for d in found}) == ["C403", "S202"]
    notes = [r["message"] for d in found if d["code"] == "S202" for r in d["related"]]
    assert '"a" is given as a reason for itself (see C403)' in notes
    assert not [n for n in notes if "each other" in n or "C401" in n]


def test_l603_says_what_stands_by_the_authors_weighing(tmp_path: Path) -> None:
    text = 'thesis t: "T."\n  + evidence e: "E."\n    cite s\n  - [o conceded] evidence x: "X."\n'
    path = write(tmp_path, "m.arg", 'source s "S"\n' + text)
    code, out, _ = run("check", "--fail-on", "info", path)
    assert code == 1
    assert (
        f'{path}:2:1: info: L603 thesis "t" stands only because objection "o" is conceded as'
        " outweighed: the weighing is the author's, not an argument of the map\n"
    ) in out
