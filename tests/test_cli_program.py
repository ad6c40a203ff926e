"""argmap run as a program (``python -m argmap``, the console script) behaves exactly like
argmap run in-process (click's test runner): same output, same exit code, and no traceback
when the reader of its output goes away."""

from __future__ import annotations

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
