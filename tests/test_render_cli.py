"""`argmap render` end to end: outputs and formats, errors in plain words, atomic writes, and
the machine without Graphviz."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from argmap.cli import main
from argmap.render.engines import EngineError

EXAMPLES = ROOT / "maps" / "examples"
GOLDEN = ROOT / "tests" / "golden"


def run(*args: str, input: str | None = None) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(main, ["render", *args], input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout_bytes, result.stderr


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    """A folder with two example maps and a map with a syntax error."""
    for name in ("outline", "flat"):
        shutil.copy(EXAMPLES / f"{name}.arg", tmp_path / f"{name}.arg")
    (tmp_path / "broken.arg").write_text('claim a "no colon"\n')
    return tmp_path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# ---- outputs and formats ---------------------------------------------------------------------


def test_dot_beside_the_map_matches_the_golden_file(maps: Path) -> None:
    code, out, err = run(str(maps / "outline.arg"), "-f", "dot")
    assert (code, out) == (0, b"")
    assert err == f"wrote {maps / 'outline.dot'}\n"
    assert (maps / "outline.dot").read_text() == (GOLDEN / "outline.dot").read_text()


@pytest.mark.dot
def test_svg_is_the_default_format(maps: Path) -> None:
    code, _, _ = run(str(maps / "outline.arg"))
    assert code == 0
    assert (maps / "outline.svg").read_bytes().startswith(b"<?xml")


@pytest.mark.dot
@pytest.mark.parametrize(
    ("name", "magic"),
    [("x.svg", b"<?xml"), ("x.png", b"\x89PNG"), ("x.pdf", b"%PDF-"), ("x.gv", b"digraph")],
)
def test_format_from_the_extension(maps: Path, name: str, magic: bytes) -> None:
    code, _, _ = run(str(maps / "outline.arg"), "-o", str(maps / name))
    assert code == 0
    assert (maps / name).read_bytes().startswith(magic)


def test_standard_output_and_standard_input() -> None:
    text = (EXAMPLES / "outline.arg").read_text()
    code, out, err = run("-", "-f", "dot", input=text)
    assert (code, err) == (0, "")
    assert out.decode() == (GOLDEN / "outline.dot").read_text()
    code, out, _ = run(str(EXAMPLES / "outline.arg"), "-o", "-", "-f", "dot")
    assert out.decode() == (GOLDEN / "outline.dot").read_text()


def test_several_maps_into_a_folder(maps: Path) -> None:
    out = maps / "out"
    code, _, err = run(
        str(maps / "outline.arg"), str(maps / "flat.arg"), "-o", str(out), "-f", "dot"
    )
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == ["flat.dot", "outline.dot"]
    assert (out / "flat.dot").read_text() == (GOLDEN / "flat.dot").read_text()


def test_a_glob_with_a_broken_map_draws_the_others_and_exits_2(maps: Path) -> None:
    code, _, err = run(str(maps / "*.arg"), "-o", str(maps / "out/"), "-f", "dot")
    assert code == 2
    assert "broken.arg:1:9: error: E101" in err
    assert sorted(p.name for p in (maps / "out").iterdir()) == ["flat.dot", "outline.dot"]


def test_options_reach_the_drawing(maps: Path) -> None:
    flat = str(maps / "flat.arg")
    options = "-o - -f dot --rankdir LR --theme print --legend --evaluate --wrap 20"
    code, out, _ = run(
        flat, *options.split(), "-Gsplines=ortho", "-N", "fontsize=9", "-Earrowsize=2"
    )
    dot = out.decode()
    assert code == 0
    for attribute in ("rankdir=LR", "splines=ortho", "fontsize=9", "arrowsize=2"):
        assert attribute in dot
    assert "cluster_legend_" in dot and "IN: holds" in dot and "#d55e00" not in dot
    focused = "-o - -f dot --no-check --focus safe --depth 1"
    code, out, _ = run(flat, *focused.split())
    dot = out.decode()
    assert code == 0 and "within 1 step of safe" in dot and "UNSUPPORTED" not in dot


# ---- errors --------------------------------------------------------------------------------

ERRORS = [
    (["{a}", "{b}", "-o", "{dir}/x.svg"], "several maps need an output folder, not the file"),
    (["{a}", "-o", "{dir}/x.jpg"], "cannot tell the format of"),
    (["{a}", "-o", "{dir}/x.svg", "-f", "png"], "ends in .svg but the format is png"),
    (["{a}", "{b}", "-o", "-"], "-o - writes one map to standard output"),
    (["{a}", "-o", "{a}", "-f", "dot"], "is one of the maps: it will not be overwritten"),
    (["{a}", "{dir}/copy/outline.arg", "-o", "{dir}/out", "-f", "dot"], "would both be written to"),
    (["{a}", "--depth", "2"], "--depth needs --focus"),
    (["{a}", "-G", "rankdir"], '-G: "rankdir" is not of the form name=value'),
    (["{a}", "-E", "9x=1"], '-E: "9x" is not a Graphviz attribute name'),
    (
        ["{a}", "-f", "dot", "--focus", "shop"],
        'the map has no statement, reason or objection "shop"; did you mean "shops"?',
    ),
    (["{dir}/missing.arg", "-f", "dot"], "missing.arg: error: no such file"),
]


@pytest.mark.parametrize(("args", "message"), ERRORS, ids=[m for _, m in ERRORS])
def test_errors_in_plain_words(maps: Path, args: list[str], message: str) -> None:
    (maps / "copy").mkdir()
    shutil.copy(maps / "outline.arg", maps / "copy" / "outline.arg")
    paths = {"a": str(maps / "outline.arg"), "b": str(maps / "flat.arg"), "dir": str(maps)}
    code, out, err = run(*(a.format(**paths) for a in args))
    assert code == 2 and out == b""
    assert message in err and "Traceback" not in err
    assert not (maps / "x.svg").exists() and not (maps / "outline.dot").exists()


def test_unknown_engine_is_a_usage_error(maps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGMAP_ENGINE", "graphviz9")
    code, _, err = run(str(maps / "outline.arg"))
    assert code == 2 and "Invalid value for '--engine'" in err


# ---- atomic writes ---------------------------------------------------------------------------


def test_a_failed_render_leaves_an_existing_file_untouched(
    maps: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = maps / "outline.svg"
    target.write_bytes(b"previous drawing")

    def fails(*_: object, **__: object) -> bytes:
        raise EngineError("Graphviz could not draw the map: trouble in init_rank")

    monkeypatch.setattr("argmap.cli.render_cmd.draw", fails)
    code, _, err = run(str(maps / "outline.arg"))
    assert code == 2
    assert (
        err
        == f"{maps / 'outline.arg'}: error: Graphviz could not draw the map: trouble in init_rank\n"
    )
    assert target.read_bytes() == b"previous drawing" and leftovers(maps) == []


def test_a_failed_write_leaves_an_existing_file_untouched(
    maps: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = maps / "outline.dot"
    target.write_bytes(b"previous drawing")

    def no_space(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    code, _, err = run(str(maps / "outline.arg"), "-f", "dot")
    assert code == 2
    assert err == f"{target}: error: cannot write the file: No space left on device\n"
    assert target.read_bytes() == b"previous drawing" and leftovers(maps) == []


def test_new_files_get_the_usual_permissions_and_replaced_files_keep_theirs(maps: Path) -> None:
    umask = os.umask(0o022)
    try:
        run(str(maps / "outline.arg"), "-f", "dot")
        assert stat.S_IMODE((maps / "outline.dot").stat().st_mode) == 0o644
        (maps / "outline.dot").chmod(0o600)
        run(str(maps / "outline.arg"), "-f", "dot")
        assert stat.S_IMODE((maps / "outline.dot").stat().st_mode) == 0o600
    finally:
        os.umask(umask)


# ---- a machine without Graphviz ----------------------------------------------------------------


def _without_graphviz(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": str(folder / "empty-path")}
    (folder / "empty-path").mkdir(exist_ok=True)
    command = [sys.executable, "-m", "argmap", "render", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=folder, check=False)


def test_without_graphviz_one_line_exit_2_and_no_file(maps: Path) -> None:
    (maps / "kept.svg").write_text("previous drawing")
    for output in ("new.svg", "kept.svg", "new.png", "new.pdf"):
        done = _without_graphviz(maps, "outline.arg", "-o", output)
        assert done.returncode == 2
        assert done.stdout == ""
        lines = done.stderr.splitlines()
        assert len(lines) == 1, done.stderr
        assert lines[0].startswith("argmap: error: drawing ")
        assert "needs Graphviz" in lines[0]
        assert "sudo apt-get install graphviz" in lines[0] and "brew install graphviz" in lines[0]
    assert not any((maps / n).exists() for n in ("new.svg", "new.png", "new.pdf"))
    assert (maps / "kept.svg").read_text() == "previous drawing"
    assert leftovers(maps) == []


def test_without_graphviz_dot_output_still_works(maps: Path) -> None:
    done = _without_graphviz(maps, "outline.arg", "-o", "x.dot")
    assert done.returncode == 0, done.stderr
    assert (maps / "x.dot").read_text() == (GOLDEN / "outline.dot").read_text()


def test_png_is_not_written_to_a_terminal(maps: Path) -> None:
    pty = pytest.importorskip("pty")
    controller, terminal = pty.openpty()
    try:
        command = [sys.executable, "-m", "argmap", "render", "outline.arg", "-o", "-", "-f", "png"]
        done = subprocess.run(command, stdout=terminal, stderr=subprocess.PIPE, text=True, cwd=maps)
    finally:
        os.close(terminal)
        os.close(controller)
    assert done.returncode == 2
    assert (
        done.stderr == "argmap: error: PNG would garble the terminal: write it to a file with -o\n"
    )
