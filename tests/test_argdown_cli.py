"""Argdown's own program reads what `argmap export --to argdown` writes: every map of maps/,
with no syntax error, every statement, every argument and every objection's relation."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from argmap.interchange.argdown import write_argdown
from argmap.reader import read_text
from tests.conftest import ROOT

ARGDOWN = ROOT / ".bench-cache" / "argdown" / "node_modules" / ".bin" / "argdown"
"""Where `python -m bench` (and .ci/run) install the Argdown CLI."""
REQUIRED = os.environ.get("ARGMAP_REQUIRE_ARGDOWN") == "1"
"""Set by .ci/run, which installs it: there a missing Argdown CLI is a failure, not a skip."""
MAPS = sorted((ROOT / "maps").rglob("*.arg"))


@pytest.fixture(scope="module")
def read_back(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Each map's Argdown export as Argdown's JSON export of it, by the map's file name."""
    if not ARGDOWN.is_file():
        message = f"needs {ARGDOWN} (python -m bench installs it)"
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)
    folder = tmp_path_factory.mktemp("argdown")
    for path in MAPS:
        result = read_text(path.read_text(encoding="utf-8"), str(path))
        assert result.ok, path
        (folder / f"{path.stem}.argdown").write_text(
            write_argdown(result.map).value, encoding="utf-8"
        )
    done = subprocess.run(
        [str(ARGDOWN), "json", "*.argdown", "out"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    said = done.stdout + done.stderr
    assert done.returncode == 0 and "error" not in said.lower(), said
    return {
        path.name: json.loads((folder / "out" / f"{path.stem}.json").read_text(encoding="utf-8"))
        for path in MAPS
    }


@pytest.mark.parametrize("path", MAPS, ids=[p.name for p in MAPS])
def test_argdown_reads_every_element_of_the_export(
    read_back: dict[str, dict[str, Any]], path: Path
) -> None:
    m = read_text(path.read_text(encoding="utf-8"), str(path)).map
    data = read_back[path.name]
    assert set(m.statements) <= set(data["statements"])
    assert len(data["arguments"]) == len(m.reasons) + len(m.objections)
    kinds = [r["relationType"] for r in data["relations"]]
    assert kinds.count("attack") + kinds.count("undercut") == len(m.objections)
    undercuts = [o for o in m.objections.values() if o.target not in m.statements]
    assert kinds.count("undercut") == len(undercuts)
