"""argmap run as a program (``python -m argmap``, the console script) behaves exactly like
argmap run in-process (click's test runner), although the program takes start-up shortcuts:
the cycle collector is off for the whole run and frozen at the end."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from tests.conftest import ROOT

EXAMPLES = ROOT / "maps" / "examples"

COMMANDS = [
    ["--version"],
    ["check", "--no-config", str(EXAMPLES / "quotes.arg")],
    ["check", "--no-config", "--format", "json", str(EXAMPLES / "quotes.arg")],
    ["check", "--no-config", "--format", "sarif", str(EXAMPLES / "cycle.arg")],
    ["check", "--no-config", "--format", "github", str(EXAMPLES / "cycle.arg")],
    ["check", "--no-config", str(EXAMPLES / "*.arg")],
    ["check", "--no-config", "--select", "nothing-like-this", str(EXAMPLES / "cycle.arg")],
    ["check", "--no-config", "missing.arg"],
    ["parse", "--json", str(EXAMPLES / "outline.arg")],
    ["label", str(EXAMPLES / "conceded.arg")],
    ["render", "-o", "-", str(EXAMPLES / "groups.arg")],
    ["explain", "S201"],
    ["no-such-command"],
]


def _program(args: list[str], stdin: str = "") -> tuple[int, str, str]:
    env = {k: v for k, v in os.environ.items() if k != "ARGMAP_DEBUG"}
    done = subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_the_program_prints_what_the_command_prints_in_process(args: list[str]) -> None:
    result = CliRunner().invoke(main, args, prog_name="python -m argmap")
    assert _program(args) == (result.exit_code, result.stdout, result.stderr)


def test_standard_input(tmp_path: Path) -> None:
    text = 'thesis t: "T"\n  + a: "A"\n'
    result = CliRunner().invoke(main, ["check", "--no-config", "-"], input=text)
    assert _program(["check", "--no-config", "-"], text) == (
        result.exit_code,
        result.stdout,
        result.stderr,
    )


def test_a_reader_that_goes_away_stops_the_program_quietly(tmp_path: Path) -> None:
    # Many findings, and a reader that takes one line: no traceback, exit code 2.
    path = tmp_path / "many.arg"
    path.write_text("".join(f'claim c{i}: "C{i}"\n' for i in range(3_000)), encoding="utf-8")
    command = [sys.executable, "-m", "argmap", "check", "--no-config", str(path)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        err = process.stderr.read()
        code = process.wait()
    assert code == 2 and b"Traceback" not in err and b"Exception ignored" not in err


def test_in_process_runs_leave_the_collector_as_they_found_it() -> None:
    frozen = gc.get_freeze_count()
    assert gc.isenabled()
    result = CliRunner().invoke(main, ["check", "--no-config", str(EXAMPLES / "cycle.arg")])
    assert result.exit_code == 1
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    gc.disable()
    try:
        CliRunner().invoke(main, ["parse", str(EXAMPLES / "cycle.arg")])
        assert not gc.isenabled()
    finally:
        gc.enable()


def _modules_loaded_by(args: list[str]) -> set[str]:
    """The modules the program has imported when it ends."""
    driver = (
        "import atexit, sys\n"
        "atexit.register(lambda: print(*[k for k, v in sys.modules.items() if v], file=sys.stderr))\n"
        "from argmap.cli import main\n"
        f"sys.argv = ['argmap', *{args!r}]\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", driver], capture_output=True, text=True, check=False
    )
    return set(done.stderr.split())


# Modules a human-format check has no use for (each costs milliseconds of every run).
UNUSED_BY_A_HUMAN_CHECK = {
    "interegular",  # lark's grammar analysis only; argmap loads lark's cached analysis
    "importlib.metadata",  # the version, for --version and the JSON and SARIF reports
    "argmap.report.json_format",
    "argmap.report.sarif",
    "argmap.report.github",
}


def test_a_human_check_does_not_import_what_it_does_not_use() -> None:
    loaded = _modules_loaded_by(["check", "--no-config", str(EXAMPLES / "quotes.arg")])
    assert "argmap.checks.quotes" in loaded  # the driver saw the whole run
    assert loaded & UNUSED_BY_A_HUMAN_CHECK == set()


def test_human_label_and_parse_do_not_import_json() -> None:
    for command in (["label"], ["parse"]):
        loaded = _modules_loaded_by([*command, str(EXAMPLES / "conceded.arg")])
        assert "argmap.reader" in loaded and "json" not in loaded


def test_tomllib_is_imported_only_for_a_pyproject_toml(tmp_path: Path) -> None:
    path = tmp_path / "m.arg"
    path.write_text('thesis t: "T"\n  + a: "A"\n', encoding="utf-8")
    assert "tomllib" not in _modules_loaded_by(["check", str(path)])
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nfail-on = "error"\n')
    assert "tomllib" in _modules_loaded_by(["check", str(path)])


def test_a_caller_that_catches_the_programs_exit_gets_the_collector_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "argv", ["argmap", "--version"])
    # The program hides interegular from lark: sys.modules is put back as it was afterwards.
    monkeypatch.setitem(sys.modules, "interegular", sys.modules.get("interegular"))
    try:
        with pytest.raises(SystemExit) as exit:
            main()
    finally:
        gc.unfreeze()
    assert exit.value.code == 0 and gc.isenabled()
