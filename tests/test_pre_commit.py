"""The pre-commit hooks (.pre-commit-hooks.yaml), run by pre-commit itself on a scratch
repository: argmap-fmt rewrites a map that is not formatted, argmap-check reports a finding."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_the_hooks_run_in_pre_commit(tmp_path: Path) -> None:
    if importlib.util.find_spec("pre_commit") is None:
        pytest.skip("pre-commit is not installed (pip install pre-commit, or the dev extra)")
    if not (ROOT / ".git").exists():
        pytest.skip("the hooks are tried from a git checkout of argmap")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args, cwd=scratch, env=env, capture_output=True, text=True, timeout=600
        )

    run("git", "init", "-q")
    written = 'thesis   t :"T."\n  + claim c: "C."\n'
    (scratch / "map.arg").write_text(written, encoding="utf-8")
    (scratch / "notes.txt").write_text("not a map\n", encoding="utf-8")
    run("git", "add", "map.arg", "notes.txt")
    # Both hooks at once: pre-commit installs argmap once per run.
    result = run(sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "--all-files")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "argmap check" in output and "argmap fmt" in output, output
    assert 'S201 claim "c" has no reason' in output  # the check's finding
    assert "files were modified by this hook" in output
    assert (scratch / "map.arg").read_text(
        encoding="utf-8"
    ) == 'thesis t: "T."\n  + claim c: "C."\n'
    assert (scratch / "notes.txt").read_text(encoding="utf-8") == "not a map\n"
