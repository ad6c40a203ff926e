"""docs/checks.md lists every code argmap reports, with its name, severity and default."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from pytest import MonkeyPatch

from argmap.checks import all_rules
from argmap.cli import main
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")


def test_every_code_is_in_the_table() -> None:
    rows = {
        cells[0]: cells[1:4]
        for line in DOC.splitlines()
        if line.startswith("| ")
        and len(cells := [c.strip() for c in line.strip("|").split("|")]) == 5
    }
    for rule in all_rules().values():
        assert rule.code in rows, f"{rule.code} is missing from docs/checks.md"
        name, severity, default = rows[rule.code]
        assert (name, severity) == (rule.name, str(rule.severity))
        expected = (
            "always" if rule.code.startswith("E") else ("on" if rule.default_enabled else "off")
        )
        assert default.split()[0] == expected, rule.code


def test_the_example_output_is_what_check_prints(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    example = DOC.split("```arg\n", 1)[1].split("```", 1)[0]
    console = DOC.split("```console\n$ argmap check column.arg\n", 1)[1].split("```", 1)[0]
    (tmp_path / "column.arg").write_text(example, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "column.arg"])
    assert (result.exit_code, result.stdout) == (1, console)
