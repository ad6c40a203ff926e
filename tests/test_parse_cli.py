"""`argmap parse`, `argmap --version` and `python -m argmap`, end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from argmap.cli import main
from tests.conftest import ROOT

SCHEMA = json.loads((ROOT / "argmap" / "schemas" / "map.schema.json").read_text())
EXAMPLES = sorted((ROOT / "maps" / "examples").glob("*.arg"))


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_summary_line(tmp_path: Path) -> None:
    path = tmp_path / "m.arg"
    path.write_text('thesis t: "T"\n  + a: "A"\n  - b: "B"\n')
    code, out, err = run("parse", str(path))
    assert (code, err) == (0, "")
    assert out == f"{path}: ok: 3 statements, 1 reason, 1 objection\n"


def test_errors_are_printed_with_a_caret_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "bad.arg"
    path.write_text('claim a "x"\n')
    code, out, err = run("parse", str(path))
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f'{path}:1:9: error: E101 expected ":", found a quoted text',
        '   1 | claim a "x"',
        "               ^~~",
        '  hint: a statement is written KIND ID: "text", for example  claim not_set: "..."',
    ]


def test_stdin() -> None:
    code, out, _ = run("parse", "-", input='claim a: "x"\n')
    assert (code, out) == (0, "<stdin>: ok: 1 statement, 0 reasons, 0 objections\n")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.arg", "no such file"),
        (lambda p: p, "this is a folder, not a file (give the .arg files, or a glob"),
    ],
)
def test_unreadable_inputs(tmp_path: Path, make: object, message: str) -> None:
    target = make(tmp_path)  # type: ignore[operator]
    code, out, err = run("parse", str(target))
    assert code == 2 and out == ""
    assert err.startswith(f"{target}: error: {message}")


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.arg"
    path.write_bytes('claim a: "café"\n'.encode("latin-1"))
    code, _, err = run("parse", str(path))
    assert code == 2
    assert err.startswith(f"{path}:1:14: error: E100 the file is not UTF-8 text")


def test_good_and_bad_files_in_one_run(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.arg", tmp_path / "bad.arg"
    good.write_text('claim a: "x"\n')
    bad.write_text('claim a "x"\n')
    code, out, err = run("parse", str(tmp_path / "*.arg"))
    assert code == 2
    assert out == f"{good}: ok: 1 statement, 0 reasons, 0 objections\n"
    assert err.startswith(f"{bad}:1:9: error: E101")


def test_glob_without_matches(tmp_path: Path) -> None:
    code, _, err = run("parse", str(tmp_path / "*.arg"))
    assert code == 2 and "no file matches this pattern" in err


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_json_of_every_example_validates_against_the_schema(path: Path) -> None:
    code, out, _ = run("parse", "--json", str(path))
    assert code == 0
    document = json.loads(out)
    jsonschema.validate(document, SCHEMA)
    assert document["file"] == str(path)


def test_json_content() -> None:
    code, out, _ = run(
        "parse",
        "--json",
        "-",
        input='source s "S"\nthesis t: "T"\n  + [r1] evidence e: "E"\n      quote "w"\n  - [conceded] b: "B"\n',
    )
    document = json.loads(out)
    assert [s["id"] for s in document["statements"]] == ["t", "e", "b"]
    assert document["reasons"][0]["premises"] == ["e"] and document["reasons"][0]["target"] == "t"
    assert document["objections"][0]["conceded"] is True
    assert document["statements"][1]["quotes"][0] == {
        "source": "s",
        "text": "w",
        "span": {"file": "<stdin>", "line": 4, "column": 7, "end_line": 4, "end_column": 16},
    }
    assert document["theses"] == ["t"]


def test_json_of_several_files_is_a_list() -> None:
    code, out, _ = run("parse", "--json", *map(str, EXAMPLES[:2]))
    assert code == 0 and [d["file"] for d in json.loads(out)] == [str(p) for p in EXAMPLES[:2]]


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("argmap, version ")


def test_python_dash_m(tmp_path: Path) -> None:
    path = tmp_path / "m.arg"
    path.write_text('claim a: "x"\n')
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "parse", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.endswith(
        "ok: 1 statement, 0 reasons, 0 objections\n"
    )


def test_usage_error_exit_code() -> None:
    code, _, err = run("parse")
    assert code == 2 and "Missing argument" in err


def test_json_of_a_glob_is_always_a_list(tmp_path: Path) -> None:
    (tmp_path / "only.arg").write_text('claim a: "x"\n')
    code, out, _ = run("parse", "--json", str(tmp_path / "*.arg"))
    assert code == 0 and isinstance(json.loads(out), list)


def test_oversized_input_is_refused_in_plain_words(monkeypatch: pytest.MonkeyPatch) -> None:
    import argmap.cli.inputs as inputs

    monkeypatch.setattr(inputs, "MAX_BYTES", 10)
    code, out, err = run("parse", "-", input='claim a: "a longer text"\n')
    assert code == 2 and out == ""
    assert err == "<stdin>: error: the file is larger than 10 bytes, too large for a map\n"


def test_internal_error_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    import argmap.cli.parse_cmd as parse_cmd

    def broken(*_: object) -> object:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(parse_cmd, "map_to_dict", broken)
    monkeypatch.delenv("ARGMAP_DEBUG", raising=False)
    code, out, err = run("parse", "--json", "-", input='claim a: "x"\n')
    assert code == 2 and out == ""
    assert err.startswith("argmap: internal error: RuntimeError: simulated bug\n")
    assert "Traceback" not in err


def test_terminal_escapes_in_a_map_never_reach_the_terminal() -> None:
    text = 'claim a: "x \x1b]0;pwned\x07 \u202e"\n  + zz\n'
    code, _, err = run("parse", "-", input=text)
    assert code == 2
    assert "\x1b" not in err and "\x07" not in err and "\u202e" not in err


def test_lines_are_counted_as_the_parser_counts_them() -> None:
    # U+2028 and form feed inside a text do not start a new line in the excerpt.
    text = 'claim a: "one\u2028two \x0c three"\nclaim b: "y"\n  + zz\n'
    code, _, err = run("parse", "-", input=text)
    assert code == 2
    assert err.splitlines()[:2] == ['<stdin>:3:5: error: E102 "zz" is not defined', "   3 |   + zz"]
