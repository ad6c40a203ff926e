"""What `argmap explain` says about each code: its layout, and examples that really work.

Every example in a check's "Example" section is a map that produces that check's finding;
every map in its "How to fix" section is valid and no longer produces it; a command line
in them names options that exist; an "Options" snippet is accepted as pyproject.toml.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner
from pytest import MonkeyPatch

from argmap.checks import RuleInfo, all_rules, option_tables_of_checks
from argmap.checks.ruledoc import doc_sections
from argmap.cli import main
from argmap.cli.check_cmd import check
from argmap.cli.config import parse_config

RULES = list(all_rules().values())
SECTIONS = ["What it does", "Why it matters", "Example", "How to fix"]

COLUMN = (
    "The joint statement released by presidents Vladimir Putin and Barack Obama after their\n"
    "meeting in Los Cabos, Mexico, is a masterpiece of diplomatic correctness. Perfectly neutral\n"
    "and entirely constructive in tone, it sounds as if it were made by leaders trying not to\n"
    "say or do anything that could set off an avalanche.\n"
)
"""The text of "precarious-balance.txt", the source file the quote examples name."""


def _examples(rule: RuleInfo, title: str) -> list[str]:
    return [e for s in doc_sections(rule.doc) if s.title == title for e in s.examples()]


def _codes_found(folder: Path, text: str, rule: RuleInfo) -> tuple[str, list[str]]:
    """The status of the example map and the codes of its findings, with ``rule`` selected."""
    (folder / "precarious-balance.txt").write_text(COLUMN, encoding="utf-8")
    (folder / "example.arg").write_text(text + "\n", encoding="utf-8")
    extra = [] if rule.code.startswith("E") else ["--extend-select", rule.code]
    result = CliRunner().invoke(main, ["check", "example.arg", "--format", "json", *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    document = json.loads(result.stdout)
    return document["files"][0]["status"], [d["code"] for d in document["diagnostics"]]


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_the_doc_has_its_sections_at_the_margin(rule: RuleInfo) -> None:
    titles = [s.title for s in doc_sections(rule.doc)]
    assert titles == SECTIONS + (["Options"] if rule.options else [])
    for line in rule.doc.splitlines():
        indent = len(line) - len(line.lstrip(" "))
        assert indent in (0, 4) or indent >= 8, f"{rule.code}: {line!r}"


def test_explain_x901_starts_its_sections_at_the_margin() -> None:
    out = CliRunner().invoke(main, ["explain", "X901"]).stdout
    assert "\nWhat it does\n    Reports a `# argmap: ignore[...]` comment" in out
    assert "\nExample\n        source report" in out


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_example_maps_produce_the_finding(
    rule: RuleInfo, tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    examples = _examples(rule, "Example")
    if rule.code == "E100":  # bytes that are not UTF-8 cannot be shown as text
        assert examples == []
        return
    assert examples, f"{rule.code} has no example map"
    for text in examples:
        status, codes = _codes_found(tmp_path, text, rule)
        assert rule.code in codes, f"{rule.code} example gives {codes}:\n{text}"
        if not rule.code.startswith("E"):
            assert status == "checked" and not any(c.startswith("E") for c in codes), codes


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_fixed_maps_are_valid_and_fixed(
    rule: RuleInfo, tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for text in _examples(rule, "How to fix"):
        if text.startswith("argmap "):
            continue  # a command line: see test_command_lines_in_the_docs_are_valid
        status, codes = _codes_found(tmp_path, text, rule)
        assert status == "checked" and rule.code not in codes, f"{codes}:\n{text}"
        assert not any(c.startswith("E") for c in codes), codes


def test_command_lines_in_the_docs_are_valid() -> None:
    commands = [
        text
        for rule in RULES
        for title in SECTIONS
        for text in _examples(rule, title)
        if text.startswith("argmap ")
    ]
    assert commands, "no command line found in the docs"
    for command in commands:
        name, *args = shlex.split(command)[1:]
        assert name == "check", command
        check.make_context("check", args)  # raises on an unknown option


@pytest.mark.parametrize("rule", [r for r in RULES if r.options], ids=lambda r: r.code)
def test_options_snippets_are_valid_settings(rule: RuleInfo) -> None:
    (snippet,) = _examples(rule, "Options")
    config = parse_config(snippet, "the doc", option_tables_of_checks())
    assert config is not None
    (values,) = config.options.values()
    assert set(values) == {o.key for o in rule.options}
    for option in rule.options:
        assert values[option.key] != option.default  # the snippet shows how to change it
