"""Where ``argmap render`` writes, as ``cp`` would: read-only files kept, symbolic links followed,
special files written through; SIGTERM cleans up like Ctrl-C and ends Graphviz; and the
options that could make a drawing unsafe or silently wrong are refused."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from tests.conftest import ROOT

MAP = 'thesis t: "T."\n  + assumption a: "A."\n'


def render(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["render", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr


@pytest.fixture
def a_map(tmp_path: Path) -> Path:
    path = tmp_path / "m.arg"
    path.write_text(MAP, encoding="utf-8")
    return path


def test_a_read_only_output_is_not_replaced(a_map: Path) -> None:
    out = a_map.with_name("m.dot")
    out.write_text("kept")
    out.chmod(0o444)
    code, err = render(str(a_map), "-o", str(out))
    assert code == 2
    assert f"{out} is read-only, so it is not replaced: make it writable (chmod u+w {out})" in err
    assert out.read_text() == "kept" and stat.S_IMODE(out.stat().st_mode) == 0o444


def test_a_symbolic_link_is_followed_and_its_target_written(a_map: Path) -> None:
    (a_map.parent / "drawings").mkdir()
    target = a_map.parent / "drawings" / "real.dot"
    target.write_text("old")
    link = a_map.parent / "m.dot"
    link.symlink_to(target)
    assert render(str(a_map), "-o", str(link))[0] == 0
    assert link.is_symlink() and target.read_text().startswith("digraph")
    assert sorted(p.name for p in target.parent.iterdir()) == ["real.dot"]  # no temporary left


def test_a_named_pipe_is_written_through_not_replaced(a_map: Path) -> None:
    pipe = a_map.with_name("m.dot")
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    code, _ = render(str(a_map), "-o", str(pipe))
    reader.join(timeout=30)
    assert code == 0 and stat.S_ISFIFO(pipe.lstat().st_mode)
    assert received and received[0].startswith(b"digraph")


def test_sigterm_during_the_final_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    # The signal arrives between writing the temporary file and renaming it over the output.
    script = (
        "import os, signal, sys\n"
        "from argmap.cli.output_files import write_output\n"
        "from argmap.cli.signals import ending_cleanly_on_sigterm\n"
        "fsync = os.fsync\n"
        "def terminated_meanwhile(fd):\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    fsync(fd)\n"
        "os.fsync = terminated_meanwhile\n"
        "with ending_cleanly_on_sigterm():\n"
        "    write_output(sys.argv[1], b'new')\n"
    )
    out = tmp_path / "m.svg"
    out.write_text("old")
    done = subprocess.run([sys.executable, "-c", script, str(out)], cwd=ROOT, check=False)
    assert done.returncode == -signal.SIGTERM
    assert [p.name for p in tmp_path.iterdir()] == ["m.svg"] and out.read_text() == "old"


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` and that run ``dot`` (not a fork before exec)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                command = (entry / "comm").read_text().strip()
            except OSError:
                continue
            if parent == pid and command == "dot":
                found.append(int(entry.name))
    return found


@pytest.mark.dot
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find dot")
def test_sigterm_while_graphviz_lays_out_ends_graphviz_too(tmp_path: Path) -> None:
    from bench.generate import generate, write_flat

    big = tmp_path / "big.arg"  # dot takes minutes to lay this out
    big.write_text(write_flat(generate(2_000), "big"), encoding="utf-8")
    command = [sys.executable, "-m", "argmap", "render", str(big), "-o", str(tmp_path / "b.svg")]
    program = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not (dots := _children(program.pid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert dots, "Graphviz did not start"
    time.sleep(1)  # well into the layout
    program.send_signal(signal.SIGTERM)
    assert program.wait(timeout=30) == -signal.SIGTERM
    time.sleep(0.2)
    assert not [pid for pid in dots if Path(f"/proc/{pid}").exists()]
    assert [p.name for p in tmp_path.iterdir()] == ["big.arg"]


def test_an_empty_focus_is_an_error(a_map: Path) -> None:
    code, err = render(str(a_map), "-f", "dot", "-o", "-", "--focus", "")
    assert code == 2 and "--focus needs the id of a statement" in err


@pytest.mark.parametrize(
    "option",
    [
        ["-N", "URL=javascript:alert(1)"],
        ["-G", "href=JavaScript:alert(1)"],
        ["-E", "labelURL= java\tscript:alert(1)"],
        ["-N", "href=&#106;avascript:alert(1)"],
        ["-N", "tailURL=vbscript:msgbox(1)"],
    ],
)
def test_links_that_run_a_script_are_refused(a_map: Path, option: list[str]) -> None:
    code, err = render(str(a_map), "-f", "dot", "-o", "-", *option)
    assert code == 2 and "a link that runs a script" in err


def test_other_links_pass(a_map: Path) -> None:
    result = CliRunner().invoke(
        main, ["render", str(a_map), "-f", "dot", "-o", "-", "-N", "URL=https://example.org/"]
    )
    assert result.exit_code == 0 and "https://example.org/" in result.stdout


def test_help_says_raw_attributes_pass_unchecked() -> None:
    text = " ".join(CliRunner().invoke(main, ["render", "--help"]).stdout.split())
    assert "Raw attributes (-G, -N, -E) are passed to Graphviz unchecked" in text
    assert "Links that run a script (javascript:) are refused" in text
