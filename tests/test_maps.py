"""Every map in maps/ is checked in CI: no errors, its expected labels hold (L602), and the only
warnings are the ones it declares with `# expect-finding: CODE id` comments."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.reader import read_text
from tests.conftest import ROOT

MAPS = sorted((ROOT / "maps").rglob("*.arg"))
EXPECT = re.compile(r"^#\s*expect-finding:\s*(\S+)\s+(\S+)\s*$", re.MULTILINE)


def findings(path: Path) -> list[dict[str, object]]:
    # With the repository's settings, which allow the flagship's ../shared/sources.
    result = CliRunner().invoke(main, ["check", "--format", "json", str(path)])
    assert result.exit_code in (0, 1), result.output
    diagnostics: list[dict[str, object]] = json.loads(result.stdout)["diagnostics"]
    return diagnostics


def test_there_are_maps() -> None:
    assert len(MAPS) >= 12


@pytest.mark.parametrize("path", MAPS, ids=[str(p.relative_to(ROOT / "maps")) for p in MAPS])
def test_map_has_exactly_its_declared_findings(path: Path) -> None:
    for source in read_text(path.read_text(encoding="utf-8"), str(path)).map.sources.values():
        if source.file and not (path.parent / source.file).is_file():
            pytest.skip(
                f"the text of source {source.id!r} is not here ({source.file}, outside the repository)"
            )
    found = findings(path)
    errors = [f"{d['code']} {d['message']}" for d in found if d["severity"] == "error"]
    assert errors == []
    warnings = sorted(
        {(str(d["code"]), str(d["subject"])) for d in found if d["severity"] == "warning"}
    )
    declared = sorted(set(EXPECT.findall(path.read_text(encoding="utf-8"))))
    assert warnings == declared


@pytest.mark.parametrize("path", MAPS, ids=[str(p.relative_to(ROOT / "maps")) for p in MAPS])
def test_map_states_expected_labels(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert re.search(r"^expect (IN|OUT|UNDEC):", text, re.MULTILINE)
