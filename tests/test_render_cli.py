"""`argmap render` end to end: outputs and formats, errors in plain words, atomic writes, and
the machine without Graphviz."""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.cli.output_files import write_problem
from argmap.render.engines import EngineError
from tests.conftest import ROOT

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
    assert "cluster_legend_" in dot and "OUT: defeated" in dot and "#d55e00" not in dot
    focused = "-o - -f dot --no-check --focus safe --depth 1"
    code, out, _ = run(flat, *focused.split())
    dot = out.decode()
    assert code == 0 and "within 1 step of safe" in dot and "UNSUPPORTED" not in dot


def test_overview_and_detail_options_reach_the_drawing(maps: Path) -> None:
    outline = str(maps / "outline.arg")
    code, out, _ = run(outline, "-o", "-", "-f", "dot", "--depth", "1")
    assert code == 0 and "1 step below the thesis" in out.decode()
    code, out, _ = run(outline, "-o", "-", "-f", "dot", "--collapse", "evidence")
    assert code == 0 and "piece of evidence)" in out.decode()
    code, out, _ = run(outline, "-o", "-", "-f", "dot", "--detail", "full", "--groups", "box")
    assert code == 0 and "CLAIM · safe" in out.decode()
    code, out, err = run(outline, "-o", "-", "-f", "dot", "--detail", "short")
    assert code == 2 and out == b"" and "'short' is not one of 'brief', 'full'" in err


# ---- errors --------------------------------------------------------------------------------

ERRORS = [
    (["{a}", "{b}", "-o", "{dir}/x.svg"], "with several maps, -o must name a folder, not the file"),
    (["{a}", "{b}", "-o", "{dir}/afile"], "with several maps, -o must name a folder, and"),
    (["{a}", "{b}", "-o", "{a}"], "with several maps, -o must name a folder, and"),
    (["{a}", "-o", "{a}/x.svg"], "outline.arg is a file, not a folder, so"),
    (["{a}", "-o", "{dir}/afile/"], "afile is a file, not a folder, so"),
    (["{a}", "-o", "{dir}/afile/deeper/x.svg"], "afile is a file, not a folder, so"),
    (["{a}", "-o", ""], "-o needs a file or folder name, or - for standard output"),
    (["{a}", "-o", "{dir}/x.jpg"], "cannot tell the format of"),
    (["{a}", "-o", "{dir}/x.svg", "-f", "png"], "ends in .svg but the format is png"),
    (["{a}", "{b}", "-o", "-"], "-o - writes one map to standard output"),
    (["{a}", "-o", "{a}", "-f", "dot"], "is one of the maps: it will not be overwritten"),
    (["{a}", "{dir}/copy/outline.arg", "-o", "{dir}/out", "-f", "dot"], "would both be written to"),
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
    (maps / "afile").write_text("kept")
    before = {p: p.read_bytes() for p in maps.rglob("*") if p.is_file()}
    paths = {"a": str(maps / "outline.arg"), "b": str(maps / "flat.arg"), "dir": str(maps)}
    code, out, err = run(*(a.format(**paths) for a in args))
    assert code == 2 and out == b""
    assert err.count("\n") == 1 and message in err
    assert "Traceback" not in err and "Errno" not in err and "File exists" not in err
    assert {p: p.read_bytes() for p in maps.rglob("*") if p.is_file()} == before


def test_an_output_that_is_a_folder_is_refused_before_drawing(maps: Path) -> None:
    (maps / "outline.svg").mkdir()
    (maps / "outline.svg" / "inside.txt").write_text("kept")
    code, _, err = run(str(maps / "outline.arg"))
    assert code == 2
    assert err == (
        f"argmap: error: {maps / 'outline.svg'} is a folder, so it cannot be written "
        "over: rename or remove that folder, or choose another place with -o\n"
    )
    assert (maps / "outline.svg" / "inside.txt").read_text() == "kept"


def test_an_unknown_engine_is_a_usage_error_that_names_where_it_was_given(
    maps: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(str(maps / "outline.arg"), "--engine", "graphviz9")
    assert code == 2 and "Invalid value for '--engine': 'graphviz9' is not one of" in err
    monkeypatch.setenv("ARGMAP_ENGINE", "graphviz9")
    code, _, err = run(str(maps / "outline.arg"))
    assert code == 2
    assert "Invalid value for the environment variable ARGMAP_ENGINE: 'graphviz9'" in err
    assert "--engine" not in err.splitlines()[-1]
    code, _, err = run(str(maps / "outline.arg"), "-f", "dot", "-o", "-", "--engine", "neato")
    assert code == 0, err  # the option given wins over the setting


# ---- the map's settings ----------------------------------------------------------------------

MARKED_MAP = """\
thesis t: "T."
  + a: "A."  # argmap: ignore[S201]
  + b: "B."
  - o: "O."
"""


@pytest.mark.parametrize(
    ("settings", "unsupported", "unanswered"),
    [
        ("", ["b", "o", "t"], ["o"]),  # a is suppressed on its line
        ('ignore = ["S202"]\n', ["b", "o"], ["o"]),
        ('ignore = ["unanswered-objection"]\n', ["b", "o", "t"], []),
        ("[tool.argmap.unsupported-claim]\nignore-theses = true\n", ["b", "o", "t"], ["o"]),
        ('select = ["O"]\n', [], ["o"]),
    ],
    ids=["none", "ignore S202", "ignore O301", "S201 ignores theses", "select O"],
)
def test_the_marks_follow_the_settings_and_suppressions(
    tmp_path: Path, settings: str, unsupported: list[str], unanswered: list[str]
) -> None:
    """UNSUPPORTED and UNANSWERED mark what `argmap check` reports: S201 and S202, O301."""
    (tmp_path / "pyproject.toml").write_text("[tool.argmap]\n" + settings, encoding="utf-8")
    path = tmp_path / "m.arg"
    path.write_text(MARKED_MAP, encoding="utf-8")
    code, out, err = run("-f", "dot", str(path), "-o", "-")
    assert (code, err) == (0, "")
    dot = out.decode("utf-8")
    marked = re.findall(r"tooltip=\"\w+ (\w+)\\n[^\"]*\\nUNSUPPORTED\"", dot)
    assert sorted(marked) == unsupported
    assert dot.count("label=UNANSWERED") == len(unanswered)
    # The page's two drawings: plain (both marks), and by label (OUT in place of UNSUPPORTED).
    code, out, err = run("-f", "html", str(path), "-o", "-")
    assert (code, err) == (0, "")
    page = out.decode("utf-8")
    assert page.count(">UNSUPPORTED<") == len(unsupported)
    assert page.count(">UNANSWERED<") == 2 * len(unanswered)


def test_unusable_settings_stop_every_format_and_leave_the_file(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nselect = ["Z999"]\n')
    path = tmp_path / "m.arg"
    path.write_text(MARKED_MAP, encoding="utf-8")
    for fmt in ("dot", "svg", "html"):
        target = tmp_path / f"m.{fmt}"
        target.write_bytes(b"previous drawing")
        code, _, err = run("-f", fmt, str(path), "-o", str(target))
        assert code == 2
        assert err.startswith(f"{path}: error: ") and "Z999" in err, err
        assert target.read_bytes() == b"previous drawing"


# ---- Graphviz's warnings and raw attributes that change nothing --------------------------------


@pytest.mark.dot
@pytest.mark.parametrize(
    ("option", "warning"),
    [
        ("shape=nonexistentshape", "Warning: using box for unknown shape nonexistentshape"),
        ("splines=weird", 'Warning: Unknown "splines" value: "weird" - ignored'),
    ],
)
def test_graphviz_warnings_are_passed_on(maps: Path, option: str, warning: str) -> None:
    flag = "-N" if option.startswith("shape") else "-G"
    map_path, svg = maps / "outline.arg", maps / "outline.svg"
    code, _, err = run(str(map_path), flag, option)
    assert code == 0
    assert err.splitlines() == [f"{map_path}: graphviz: {warning}", f"wrote {svg}"]
    assert svg.read_bytes().startswith(b"<?xml")


def test_graphviz_warnings_before_an_error_are_passed_on_too(
    maps: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fails(*_: object, **__: object) -> bytes:
        raise EngineError("Graphviz could not draw the map: trouble", ("Warning: first",))

    monkeypatch.setattr("argmap.cli.render_cmd.draw", fails)
    code, _, err = run(str(maps / "outline.arg"))
    map_path = maps / "outline.arg"
    assert code == 2
    assert err.splitlines() == [
        f"{map_path}: graphviz: Warning: first",
        f"{map_path}: error: Graphviz could not draw the map: trouble",
    ]


RAW_WARNINGS = [
    ("-G", "bogusattr=1", '-G bogusattr: Graphviz has no attribute "bogusattr" and ignores it'),
    ("-N", "Shape=box", 'did you mean "shape"? (names are case-sensitive)'),
    ("-N", "fontnmae=Georgia", 'did you mean "fontname"?'),
    (
        "-G",
        "shape=box",
        '-G shape: Graphviz uses "shape" for nodes only and ignores it here: use -N shape=…',
    ),
    (
        "-E",
        "peripheries=2",
        '-E peripheries: Graphviz uses "peripheries" for nodes and group boxes '
        "only and ignores it here: use -N peripheries=…",
    ),
    ("-N", "label=x", '-N label: argmap writes each box\'s own "label", so this changes nothing'),
]


@pytest.mark.parametrize(("flag", "option", "warning"), RAW_WARNINGS, ids=lambda v: str(v))
def test_raw_attributes_that_change_nothing_are_warned_about(
    flag: str, option: str, warning: str
) -> None:
    code, out, err = run(str(EXAMPLES / "outline.arg"), "-o", "-", "-f", "dot", flag, option)
    assert code == 0 and out.startswith(b"digraph")
    assert err.startswith("argmap: warning: ") and warning in err and err.count("\n") == 1


def test_raw_attributes_graphviz_uses_give_no_warning() -> None:
    options = ["-Gsplines=ortho", "-Nfontname=Georgia", "-Nshape=box", "-Earrowsize=2"]
    code, _, err = run(str(EXAMPLES / "outline.arg"), "-o", "-", "-f", "dot", *options)
    assert (code, err) == (0, "")


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


WRITE_FAILURES = [
    (errno.EACCES, "Permission denied", "no permission to write in the folder {dir}"),
    (errno.EPERM, "Operation not permitted", "no permission to write in the folder {dir}"),
    (errno.EROFS, "Read-only file system", "the folder {dir} is on a read-only disk"),
    (errno.ENOSPC, "No space left on device", "the disk is full: make some room"),
    (errno.EDQUOT, "Disk quota exceeded", "the disk is full: make some room"),
    (errno.ENAMETOOLONG, "File name too long", "the name is too long for the disk"),
    (errno.EISDIR, "Is a directory", "this is a folder, so it cannot be written over"),
    (errno.EIO, "Input/output error", "cannot be written (input/output error)"),
]


@pytest.mark.parametrize(("code", "strerror", "message"), WRITE_FAILURES, ids=lambda v: str(v))
def test_a_failed_write_says_why_and_leaves_an_existing_file_untouched(
    maps: Path, monkeypatch: pytest.MonkeyPatch, code: int, strerror: str, message: str
) -> None:
    target = maps / "outline.dot"
    target.write_bytes(b"previous drawing")

    def fails(*_: object) -> None:
        raise OSError(code, strerror)

    monkeypatch.setattr(os, "replace", fails)
    exit_code, _, err = run(str(maps / "outline.arg"), "-f", "dot")
    assert exit_code == 2
    assert err.startswith(f"{target}: error: {message.format(dir=maps)}")
    assert err.endswith("choose another place with -o\n")
    assert "Errno" not in err and strerror not in err
    assert target.read_bytes() == b"previous drawing" and leftovers(maps) == []


def test_a_file_in_the_way_of_a_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("kept")
    error = OSError(errno.ENOTDIR, "Not a directory")
    assert write_problem(str(tmp_path / "notes" / "sub" / "x.svg"), error) == (
        f"{tmp_path / 'notes'} is a file, not a folder: choose another place with -o"
    )
    assert write_problem("x.svg", OSError(errno.EACCES, "Permission denied")) == (
        "no permission to write in the current folder: choose another place with -o"
    )


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
