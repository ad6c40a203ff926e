"""The grammar ships inside the wheel: a non-editable install into a fresh venv, run from
another folder, parses a map. Needs network access to PyPI (as `pip install` does)."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def test_installed_wheel_parses_a_map(tmp_path: Path) -> None:
    env_dir = tmp_path / "fresh"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    if install.returncode != 0 and "Could not find a version" in install.stderr:
        pytest.skip("no package index reachable to install build requirements")
    assert install.returncode == 0, install.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "m.arg").write_text('thesis t: "T"\n  + evidence e: "E"\n', encoding="utf-8")
    done = subprocess.run(
        [str(env_dir / "bin" / "argmap"), "parse", "m.arg"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "m.arg: ok: 2 statements, 1 reason, 0 objections\n"
    where = subprocess.run(
        [str(python), "-c", "from argmap.syntax import grammar_path; print(grammar_path())"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(env_dir), where
    assert sys.prefix != str(env_dir)
