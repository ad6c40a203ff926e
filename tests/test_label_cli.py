"""`argmap label` end to end: the verdict, the table, JSON, several files, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from argmap.cli import main

WINS = """\
thesis t: "T."
  + evidence e: "E."
  - [o1] evidence x: "X."
"""
REINSTATED = (
    WINS
    + """\
evidence y: "Y."
objection o2: y -> o1
"""
)
NO_THESIS = """\
evidence a: "A."
evidence b: "B."
objection oa: a -> b
objection ob: b -> a
"""


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_human_output_gives_the_verdict_first_then_the_table(tmp_path: Path) -> None:
    path = write(tmp_path, "wins.arg", WINS)
    code, out, err = run("label", path)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"{path}:"
    assert lines[1] == (
        '  thesis "t": OUT (it does not stand): defeated by objection "o1", which stands'
    )
    assert lines[2] == "  4 IN, 1 OUT, 0 UNDEC"
    assert lines[4].split() == ["id", "kind", "label", "why"]
    # An element written without an id is listed with its synthetic id and its line.
    assert lines[6].split(maxsplit=4)[:4] == ["reason#1", "(line", "2)", "reason"]
    rows = [line.replace(" (line 2)", "").split(maxsplit=3) for line in lines[5:]]
    assert [row[:3] for row in rows] == [
        ["t", "thesis", "OUT"],
        ["reason#1", "reason", "IN"],
        ["e", "evidence", "IN"],
        ["o1", "objection", "IN"],
        ["x", "evidence", "IN"],
    ]
    assert rows[3][3] == 'stands: premise "x" is IN, so "t" is defeated'


def test_json_output(tmp_path: Path) -> None:
    path = write(tmp_path, "reinstated.arg", REINSTATED)
    code, out, _ = run("label", "--format", "json", path)
    document = json.loads(out)
    assert code == 0
    assert document["file"] == path
    assert document["theses"] == [
        {
            "id": "t",
            "label": "IN",
            "why": 'supported by the reason from "e"; objection "o1" against it fails',
        }
    ]
    assert document["counts"] == {"IN": 6, "OUT": 1, "UNDEC": 0}
    rows = {row["id"]: row for row in document["labels"]}
    assert rows["o1"] == {
        "id": "o1",
        "kind": "objection",
        "label": "OUT",
        "why": 'undercut by objection "o2", which stands',
        "location": {"file": path, "line": 3, "column": 3, "end_line": 3, "end_column": 26},
    }
    assert [row["id"] for row in document["labels"]] == [
        "t",
        "reason#1",
        "e",
        "o1",
        "x",
        "y",
        "o2",
    ]


def test_several_files_and_stdin(tmp_path: Path) -> None:
    first = write(tmp_path, "a.arg", WINS)
    code, out, _ = run("label", "--format", "json", first, "-", input=NO_THESIS)
    documents = json.loads(out)
    assert code == 0
    assert [d["file"] for d in documents] == [first, "<stdin>"]
    assert documents[1]["theses"] == []
    code, out, _ = run("label", first, "-", input=NO_THESIS)
    assert "\n\n<stdin>:\n  no thesis:" in out


def test_without_a_thesis_it_says_why_no_claim_is_one() -> None:
    _, out, _ = run("label", "-", input=NO_THESIS)
    assert out.splitlines()[1] == (
        '  no thesis: the map has no claim that could be one (declare one: thesis ID: "...")'
    )
    loop = 'claim a: "A."\nclaim b: "B."\nreason r1: a -> b\nreason r2: b -> a\n'
    _, out, _ = run("label", "-", input=loop)
    assert out.splitlines()[1] == (
        '  no thesis: every claim is used as a premise (declare one: thesis ID: "...")'
    )


def test_a_map_with_errors_exits_2_and_the_others_are_still_labelled(tmp_path: Path) -> None:
    good = write(tmp_path, "good.arg", WINS)
    bad = write(tmp_path, "bad.arg", 'thesis t: "T."\n  + nowhere\n')
    code, out, err = run("label", bad, good)
    assert code == 2
    assert f"{bad}:2:5: error: E102" in err
    assert out.startswith(f"{good}:\n")


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    code, out, err = run("label", str(tmp_path / "absent.arg"))
    assert (code, out) == (2, "")
    assert "absent.arg: error: no such file" in err


def test_output_is_deterministic(tmp_path: Path) -> None:
    path = write(tmp_path, "cycle.arg", NO_THESIS)
    assert run("label", path) == run("label", path)
    assert run("label", "--format", "json", path) == run("label", "--format", "json", path)
