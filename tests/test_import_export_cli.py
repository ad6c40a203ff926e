"""`argmap import` and `argmap export`, end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.reader import read_text
from tests.conftest import ROOT
from tests.test_parse_cli import run

MICROTEXT = """<?xml version='1.0' encoding='UTF-8'?>
<arggraph id="micro_x" topic_id="bins" stance="pro">
  <edu id="e1"><![CDATA[Of course sorting rubbish is a "chore".]]></edu>
  <edu id="e2"><![CDATA[Still, we should sort it.]]></edu>
  <adu id="a1" type="opp"/>
  <adu id="a2" type="pro"/>
  <edge id="c1" src="e1" trg="a1" type="seg"/>
  <edge id="c2" src="e2" trg="a2" type="seg"/>
  <edge id="c3" src="a1" trg="a2" type="reb"/>
</arggraph>
"""

AIF = {
    "AIF": {
        "nodes": [
            {"nodeID": 1, "text": "We need more buses.", "type": "I"},
            {"nodeID": 2, "text": "Traffic is\u2028jammed.", "type": "I"},
            {"nodeID": 3, "text": "Default Inference", "type": "RA"},
            {"nodeID": 4, "text": "Default Inference", "type": "RA"},
            {"nodeID": 5, "text": "Ann : traffic is jammed", "type": "L"},
            {"nodeID": 6, "text": "Asserting", "type": "YA"},
        ],
        "edges": [
            {"edgeID": 1, "fromID": 2, "toID": 3},
            {"edgeID": 2, "fromID": 3, "toID": 1},
            {"edgeID": 3, "fromID": 4, "toID": 1},
            {"edgeID": 4, "fromID": 5, "toID": 6},
            {"edgeID": 5, "fromID": 6, "toID": 2},
        ],
    }
}


def test_a_microtext_is_imported_to_standard_output(tmp_path: Path) -> None:
    path = tmp_path / "micro_x.xml"
    path.write_text(MICROTEXT)
    code, out, err = run("import", str(path))
    assert (code, err) == (0, "")
    assert out.startswith("# Imported by argmap import from micro_x.xml (microtext).\n")
    assert "# Statements that no reason supports are assumptions (--leaves assumption)." in out
    assert "objection o-a1 conceded: a1 -> a2" in out
    m = read_text(out, "x.arg").map
    assert m.statements["a1"].text == 'Of course sorting rubbish is a "chore".'
    assert m.statements["a1"].attribution == "opponent"
    assert [t.id for t in m.theses] == ["a2"]


def test_aif_from_standard_input_with_its_notes(tmp_path: Path) -> None:
    code, out, err = run("import", "--from", "aif", "--leaves", "claim", "-", input=json.dumps(AIF))
    assert code == 0
    assert err.splitlines() == [
        '<stdin>: RA-node "4": it has no premise: left out',
        "<stdin>: the dialogue layer: 1 L-node, 1 YA-node, 0 TA-nodes are not carried over "
        "(argmap maps hold no dialogue); they name the speaker of 1 statement, written as `by`",
    ]
    assert "(--leaves claim)" in out
    m = read_text(out, "x.arg").map
    assert sorted(s.text for s in m.statements.values()) == [
        "Traffic is\u2028jammed.",
        "We need more buses.",
    ]
    assert [s.attribution for s in m.statements.values()] == [None, "Ann"]
    assert [t.text for t in m.theses] == ["We need more buses."]


def test_a_file_that_is_not_the_format_leaves_the_output_as_it_was(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"nodes": [}')
    out = tmp_path / "out.arg"
    out.write_text("kept\n")
    code, stdout, err = run("import", str(bad), "-o", str(out))
    assert code == 2
    assert (
        err
        == f"{bad}: error: cannot be read as aif: not JSON: Expecting value (line 1, column 12)\n"
    )
    assert out.read_text() == "kept\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["notes.txt"],
            "argmap: error: cannot tell the format of notes.txt: give --from aif, argdown or "
            "microtext",
        ),
        (["lane.txt"], "lane.txt: error: no such file\n"),
        (["*.text"], "*.text: error: no file matches this pattern\n"),
        (
            ["maps.json", "--from", "aif"],
            "maps.json: error: this is a folder, not a file (give the files to import, or a glob "
            "like dir/*.json)\n",
        ),
        (["a.json", "b.json"], "argmap: error: several files need -o FOLDER"),
        (["a.json", "b.json", "-o", "-"], "argmap: error: -o - writes one map to standard output"),
    ],
)
def test_usage_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text(MICROTEXT)
    (tmp_path / "maps.json").mkdir()
    code, out, err = run("import", *args)
    assert code == 2 and out == ""
    assert err.startswith(message)


def test_several_files_into_a_folder(tmp_path: Path) -> None:
    for name in ("one", "two"):
        (tmp_path / f"{name}.xml").write_text(MICROTEXT)
    folder = tmp_path / "out"
    code, _, err = run("import", str(tmp_path / "*.xml"), "-o", str(folder))
    assert (code, err) == (0, "")
    assert sorted(p.name for p in folder.iterdir()) == ["one.arg", "two.arg"]


def test_import_check_reports_findings_and_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "micro_x.xml"
    path.write_text(MICROTEXT.replace('type="reb"', 'type="sup"'))
    code, out, err = run("import", "--check", str(path), "--leaves", "claim")
    assert code == 1 and err == ""
    assert f'{path}.arg:6:1: warning: S201 claim "a1" has no reason' in out
    assert out.endswith("in 1 imported map.\n")


def test_import_check_uses_the_settings_of_the_folder_the_map_goes_to(tmp_path: Path) -> None:
    path = tmp_path / "micro_x.xml"
    path.write_text(MICROTEXT.replace('type="reb"', 'type="sup"'))
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nignore = ["S201", "S202"]\n')
    code, out, err = run("import", "--check", str(path), "--leaves", "claim")
    assert "S20" not in out and (code, err) == (0, "")
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nignore = ["no-such-check"]\n')
    code, out, err = run("import", "--check", str(path), "--leaves", "claim")
    assert code == 2
    assert err.startswith(f"{path}.arg: error: the map is not checked: ")
    assert "no-such-check" in err


def test_export_to_each_format() -> None:
    flat = str(ROOT / "maps" / "examples" / "flat.arg")
    code, out, err = run("export", flat, "--to", "aif")
    assert code == 0
    document = json.loads(out)
    assert {n["type"] for n in document["nodes"]} == {"I", "RA", "CA"}
    assert "expected labels (expect) have no place in AIF: left out" in err
    code, out, _ = run("export", flat, "--to", "json")
    assert (code, json.loads(out)["format"]) == (0, "argmap")
    code, out, err = run("export", flat, "--to", "argdown")
    assert (code, err) == (0, "")
    assert "\n<r_lane>\n" in out and "(1) [safe]" in out


def test_export_to_a_file_and_a_map_with_errors(tmp_path: Path) -> None:
    target = tmp_path / "map.json"
    code, out, err = run(
        "export", str(ROOT / "maps/examples/cycle.arg"), "--to", "aif", "-o", str(target)
    )
    assert (code, out) == (0, "")
    assert json.loads(target.read_text())["nodes"]
    bad = tmp_path / "bad.arg"
    bad.write_text('claim a "x"\n')
    code, out, err = run("export", str(bad), "--to", "aif", "-o", str(target))
    assert code == 2 and "E101" in err
    assert json.loads(target.read_text())["nodes"]


def _commands(tmp_path: Path) -> dict[str, list[str]]:
    """import and export, each writing to the output given last."""
    (tmp_path / "micro_x.xml").write_text(MICROTEXT)
    return {
        "import": ["import", str(tmp_path / "micro_x.xml"), "-o"],
        "export": ["export", str(ROOT / "maps/examples/flat.arg"), "--to", "json", "-o"],
    }


@pytest.mark.parametrize("command", ["import", "export"])
def test_a_symbolic_link_is_followed_and_its_target_written(tmp_path: Path, command: str) -> None:
    args = _commands(tmp_path)[command]
    target, link = tmp_path / "target.txt", tmp_path / "link.txt"
    target.write_text("old")
    link.symlink_to(target.name)
    code, _, err = run(*args, str(link))
    assert (code, err) == (0, "")
    assert link.is_symlink() and target.read_text() != "old"
    assert target.read_text().startswith("# Imported" if command == "import" else "{")


WRITE_PROBLEMS = [
    (  # (import writes into a folder it is given)
        "export",
        "{out}/folder.arg",
        "{out}/folder.arg: error: this is a folder, so it cannot be written over: rename or "
        "remove that folder, or choose another place with -o",
    ),
    (
        "import export",
        "{out}/afile/x.arg",
        "{out}/afile/x.arg: error: {out}/afile is a file, not a folder: choose another place "
        "with -o",
    ),
    (
        "import export",
        "{out}/read-only.arg",
        "{out}/read-only.arg: error: the file is read-only, so it is not replaced: make it "
        "writable (chmod u+w {out}/read-only.arg) or choose another place with -o",
    ),
]


@pytest.mark.parametrize(
    ("commands", "output", "message"), WRITE_PROBLEMS, ids=[o for _, o, _ in WRITE_PROBLEMS]
)
def test_an_output_that_cannot_be_written_is_named(
    tmp_path: Path, commands: str, output: str, message: str
) -> None:
    out = tmp_path / "out"
    (out / "folder.arg").mkdir(parents=True)
    (out / "afile").write_text("kept")
    (out / "read-only.arg").write_text("kept")
    (out / "read-only.arg").chmod(0o444)
    for command in commands.split():
        code, stdout, err = run(*_commands(tmp_path)[command], output.format(out=out))
        assert (code, stdout) == (2, "")
        assert err.splitlines()[-1] == message.format(out=out)
        assert "drawing" not in err
    assert (out / "afile").read_text() == (out / "read-only.arg").read_text() == "kept"
    assert list((out / "folder.arg").iterdir()) == []


@pytest.mark.parametrize(
    ("command", "output", "written"),
    [
        ("export", "new/deeper/x.json", "new/deeper/x.json"),
        ("import", "new/deeper/x.arg", "new/deeper/x.arg"),
        ("import", "new/", "new/micro_x.arg"),
    ],
)
def test_missing_folders_are_made_as_for_render(
    tmp_path: Path, command: str, output: str, written: str
) -> None:
    code, _, err = run(*_commands(tmp_path)[command], f"{tmp_path}/{output}")
    assert (code, err) == (0, "")
    assert (tmp_path / written).is_file()


@pytest.mark.skipif(
    not (ROOT.parent / "shared" / "corpora").is_dir(), reason="needs ../shared/corpora"
)
def test_a_pool_finds_what_one_process_finds() -> None:
    files = sorted(
        (ROOT.parent / "shared" / "corpora" / "microtexts" / "part1" / "en").glob("*.xml")
    )[:40]
    outputs = []
    for jobs in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-m", "argmap", "import", "--check", "-j", jobs, *map(str, files)],
            capture_output=True,
            text=True,
            check=False,
        )
        outputs.append((done.returncode, done.stdout, done.stderr))
    assert outputs[0] == outputs[1]
    assert outputs[0][0] == 1 and "warning: S201" in outputs[0][1]
