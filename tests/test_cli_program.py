"""argmap run as a program (``python -m argmap``, the console script) behaves exactly like
argmap run in-process (click's test runner): same output, same exit code, no traceback when
the reader of its output goes away, and a plain error when its output cannot be written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

try:
    import resource
except ImportError:  # not on Windows
    resource = None  # type: ignore[assignment]

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


TOO_LARGE = "the file would be larger than this system allows"
WRITES = [  # every command's standard output, and the files they write
    (["explain", "S201"], "standard output"),
    (["explain"], "standard output"),
    (["--version"], "standard output"),
    (["--help"], "standard output"),
    (["check", "--no-config", "{examples}/cycle.arg"], "standard output"),
    (["parse", "--json", "{examples}/cycle.arg"], "standard output"),
    (["label", "{examples}/conceded.arg"], "standard output"),
    (["fmt", "-"], "standard output"),
    (["render", "{examples}/cycle.arg", "-f", "dot", "-o", "-"], "standard output"),
    (["export", "{examples}/cycle.arg", "--to", "json"], "standard output"),
    (["import", "{tmp}/m.argdown"], "standard output"),
    (["render", "{examples}/cycle.arg", "-o", "{tmp}/out.dot"], "{tmp}/out.dot"),
    (["export", "{examples}/cycle.arg", "--to", "aif", "-o", "{tmp}/out.json"], "{tmp}/out.json"),
    (["import", "{tmp}/m.argdown", "-o", "{tmp}/out.arg"], "{tmp}/out.arg"),
    (["fmt", "{tmp}/messy.arg"], "{tmp}/messy.arg"),
]


@pytest.mark.skipif(resource is None, reason="needs resource.setrlimit")
@pytest.mark.parametrize("limit", [0, 10], ids=["nothing written", "cut short"])
@pytest.mark.parametrize(("args", "what"), WRITES, ids=[" ".join(a) for a, _ in WRITES])
def test_output_that_cannot_be_written_is_an_error_in_words(
    tmp_path: Path, args: list[str], what: str, limit: int
) -> None:
    # A file size limit makes writing fail as a full disk would, without filling one.
    (tmp_path / "m.argdown").write_text("[T]: the thesis.\n  <+ [R]: a reason.\n")
    messy = 'thesis   t :"T."\n' + " " * 100 + "\n"
    (tmp_path / "messy.arg").write_text(messy)
    paths = {"examples": str(EXAMPLES), "tmp": str(tmp_path)}
    command = [sys.executable, "-m", "argmap", *(a.format(**paths) for a in args)]
    with (tmp_path / "stdout").open("wb") as stdout:
        done = subprocess.run(
            command,
            input=(EXAMPLES / "cycle.arg").read_bytes(),
            stdout=stdout,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            preexec_fn=lambda: resource.setrlimit(
                resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY)
            ),
            check=False,
        )
    err = done.stderr.decode()
    assert done.returncode == 2
    assert f"{what.format(**paths)}: error: {TOO_LARGE}" in err
    assert "Traceback" not in err and "internal error" not in err
    assert (tmp_path / "messy.arg").read_text() == messy
