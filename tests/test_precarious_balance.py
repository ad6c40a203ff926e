"""The flagship map, maps/precarious-balance.arg: it parses, quotes the column word for word,
its expected labels hold, and argmap finds in it what maps/README.md says it finds.

The column's text lives outside the repository (``../shared/sources/``, where the map's source
declaration points); the tests that need it skip, saying so, when it is absent.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.analysis import analyze
from argmap.analysis.labelling import label_map
from argmap.cli import main
from argmap.model import ArgumentMap, Label, Quote
from argmap.quote_matching import Found, SourceText
from argmap.reader import read_text
from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]
MAP = ROOT / "maps" / "precarious-balance.arg"
README = MAP.parent / "README.md"
SVG = "{http://www.w3.org/2000/svg}"
RENDER_OPTIONS = ("--evaluate", "--legend")
REGENERATE = (
    "for f in dot svg png html; do argmap render maps/precarious-balance.arg "
    f"{' '.join(RENDER_OPTIONS)} -o maps/precarious-balance.$f; done"
)
"""The command maps/README.md gives for redrawing the map (run from the repository)."""


def _read_map() -> ArgumentMap:
    result = read_text(MAP.read_text(encoding="utf-8"), str(MAP))
    assert result.ok and result.map is not None, [d.message for d in result.diagnostics]
    return result.map


COLUMN_MAP = _read_map()
(SOURCE,) = COLUMN_MAP.sources.values()
assert SOURCE.file is not None
COLUMN_PATH = (MAP.parent / SOURCE.file).resolve()
QUOTES = [(s.id, q) for s in COLUMN_MAP.statements.values() for q in s.quotes]


@pytest.fixture(scope="module")
def column() -> SourceText:
    if not COLUMN_PATH.is_file():
        pytest.skip(
            f"the column's text is not at {COLUMN_PATH}: check out shared/ beside the "
            "repository to verify the map's quotes against it"
        )
    return SourceText(COLUMN_PATH.read_text(encoding="utf-8"))


def test_map_parses_without_findings() -> None:
    result = read_text(MAP.read_text(encoding="utf-8"), str(MAP))
    assert result.ok
    assert [d.code for d in result.diagnostics] == []


def test_the_only_source_is_the_column_beside_the_repository() -> None:
    assert SOURCE.id == "column"
    assert SOURCE.title == "Russia and the United States: A Precarious Balance"
    beside_the_repository = ROOT.parent / "shared" / "sources" / "precarious-balance.txt"
    assert beside_the_repository.resolve() == COLUMN_PATH


def test_every_statement_carries_the_columns_words() -> None:
    unquoted = [s.id for s in COLUMN_MAP.statements.values() if not s.quotes]
    assert unquoted == []
    assert {q.source for _, q in QUOTES} == {"column"}


@pytest.mark.parametrize(
    ("statement", "quote"),
    QUOTES,
    ids=[f"{s}:{COLUMN_MAP.span_in(s, q.place).line}" for s, q in QUOTES],
)
def test_quote_is_in_the_column(column: SourceText, statement: str, quote: Quote) -> None:
    found = column.find(quote.text)
    line = COLUMN_MAP.span_in(statement, quote.place).line
    assert isinstance(found, Found), (
        f"{statement} (line {line}): {found.problem.value} part {found.part!r}; "
        f"closest passage: {found.hint.text if found.hint else None!r}"
    )


def test_expected_labels_hold() -> None:
    labelling = label_map(COLUMN_MAP)
    expected = {id: e.label for e in COLUMN_MAP.expectations for id in e.ids}
    assert "better" in expected
    assert {id: labelling[id] for id in expected} == expected


def test_the_thesis_is_accepted_and_only_conceded_objections_stand() -> None:
    labelling = label_map(COLUMN_MAP)
    assert labelling["better"] is Label.IN
    analysis = analyze(COLUMN_MAP)
    standing = {o for o in analysis.hostile if labelling[o] is Label.IN}
    assert standing == {"o_syria", "o_spoiled"}
    assert all(COLUMN_MAP.objections[o].conceded for o in standing)


def test_structural_findings_are_the_ones_the_readme_discusses() -> None:
    analysis = analyze(COLUMN_MAP)
    assert analysis.theses == ("better",)
    assert analysis.unsupported == {"showdown"}
    assert analysis.unanswered == frozenset()
    assert analysis.orphans == frozenset()
    assert analysis.support_cycles == ()
    assert analysis.hostile == {"o_gloomy", "o_friendship", "o_distrust", "o_syria", "o_spoiled"}


def test_check_reports_the_unsupported_showdown_and_the_columns_own_weighing(
    column: SourceText,
) -> None:
    result = CliRunner().invoke(main, ["check", "--format", "json", "--fail-on", "info", str(MAP)])
    report = json.loads(result.stdout)
    found = [(d["code"], d["severity"], d["subject"]) for d in report["diagnostics"]]
    assert found == [
        ("L603", "info", "strained"),
        ("L603", "info", "r_normal"),
        ("S201", "warning", "showdown"),
        ("L603", "info", "u_reset"),
    ]
    assert result.exit_code == 1


def test_committed_dot_is_what_the_renderer_draws_now() -> None:
    result = CliRunner().invoke(main, ["render", str(MAP), *RENDER_OPTIONS, "-f", "dot", "-o", "-"])
    assert result.exit_code == 0, result.output
    committed = MAP.with_suffix(".dot").read_text(encoding="utf-8")
    assert result.stdout == committed, (
        f"maps/precarious-balance.dot is stale; redraw the map with:\n  {REGENERATE}"
    )


def test_committed_svg_and_png_draw_the_committed_dot() -> None:
    dot = MAP.with_suffix(".dot").read_text(encoding="utf-8")
    defaults = {"graph", "node", "edge"}
    dot_nodes = set(re.findall(r"^\s*(\w+) \[", dot, flags=re.MULTILINE)) - defaults
    svg = ET.parse(MAP.with_suffix(".svg")).getroot()
    svg_nodes = {
        g.findtext(f"{SVG}title")
        for g in svg.iter(f"{SVG}g")
        if "node" in g.get("class", "").split()
    }
    assert len(dot_nodes) > len(COLUMN_MAP.statements)
    assert svg_nodes == dot_nodes
    assert MAP.with_suffix(".png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_readme_gives_the_command_that_redraws_the_map() -> None:
    assert REGENERATE in README.read_text(encoding="utf-8")


def _readme_console(command: str) -> str:
    """What maps/README.md shows after ``$ command`` up to the next prompt or the block's end."""
    text = README.read_text(encoding="utf-8")
    start = text.index(f"$ {command}\n") + len(command) + 3
    end = min(i for i in (text.find("\n$ ", start), text.find("\n```", start)) if i >= 0)
    return text[start : end + 1]


def test_readme_shows_what_check_prints(
    column: SourceText, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    # As maps/README.md runs it: the repository's pyproject.toml allows ../shared/sources.
    result = CliRunner().invoke(main, ["check", "maps/precarious-balance.arg"])
    assert _readme_console("argmap check maps/precarious-balance.arg") == result.stdout


def test_readme_shows_the_verdict_label_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["label", "maps/precarious-balance.arg"])
    shown = _readme_console("argmap label maps/precarious-balance.arg").splitlines()
    assert shown[-1].strip() == "..."
    assert shown[:-1] == result.stdout.splitlines()[: len(shown) - 1]


ASSUMPTION_WEIGHTS = [
    ("clouds", Label.IN),
    ("what_matters", Label.IN),
    ("trust_key", Label.OUT),
    ("normal", Label.IN),
    ("no_friendship", Label.IN),
    ("syria_iran", Label.IN),
]
"""maps/README.md's table: the thesis's label if each assumption were an unsupported claim."""


def test_the_readme_weighs_every_assumption() -> None:
    assumptions = [s.id for s in COLUMN_MAP.statements.values() if s.kind.value == "assumption"]
    assert sorted(assumptions) == sorted(id for id, _ in ASSUMPTION_WEIGHTS)
    text = README.read_text(encoding="utf-8")
    for id, thesis in ASSUMPTION_WEIGHTS:
        shown = "**OUT**" if thesis is Label.OUT else thesis.value
        assert re.search(rf"^\| `{id}` \|.*\| {re.escape(shown)} \|$", text, re.MULTILINE), id


def _relabel(old: str, new: str) -> Label:
    text = MAP.read_text(encoding="utf-8")
    assert text.count(old) == 1
    result = read_text(text.replace(old, new), str(MAP))
    assert result.ok and result.map is not None
    return label_map(result.map)["better"]


@pytest.mark.parametrize(("assumption", "thesis"), ASSUMPTION_WEIGHTS)
def test_what_each_assumption_carries(assumption: str, thesis: Label) -> None:
    assert _relabel(f"assumption {assumption}:", f"claim {assumption}:") is thesis


def test_without_the_meeting_as_ground_for_not_set_the_thesis_rests_on_the_concession() -> None:
    reason = "      + do_no_harm\n\n    # The rebuttal: the strains"
    assert _relabel(reason, reason.replace("      + do_no_harm\n", "")) is Label.IN
    text = MAP.read_text(encoding="utf-8").replace(
        reason, reason.replace("      + do_no_harm\n", "")
    )
    granted = "objection o_syria conceded:"
    assert text.count(granted) == 1
    result = read_text(text.replace(granted, "objection o_syria:"), str(MAP))
    assert result.ok and result.map is not None
    assert label_map(result.map)["better"] is Label.OUT


COLUMN_TEXT = SHARED / "sources" / "precarious-balance.txt"
PARAGRAPH_ROW = re.compile(r'^\| (\d+) \| "(.+?)" \| (.+) \|$', re.MULTILINE)
"""A row of maps/README.md's paragraph table: number, first words, ids (or "none: why")."""


def test_the_readme_accounts_for_every_paragraph_of_the_column() -> None:
    if not COLUMN_TEXT.is_file():
        pytest.skip(
            f"the column's text is not at {COLUMN_TEXT}: check out shared/ beside the repository"
        )
    column = COLUMN_TEXT.read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in re.split(r"\n[ \t]*\n", column) if p.strip()]
    rows = {int(n): (first, cell) for n, first, cell in PARAGRAPH_ROW.findall(README.read_text())}
    assert sorted(rows) == list(range(1, len(paragraphs) + 1)), "a paragraph is missing"
    defined = {*COLUMN_MAP.statements, *COLUMN_MAP.reasons, *COLUMN_MAP.objections}
    pointed: set[str] = set()
    for number, paragraph in enumerate(paragraphs, 1):
        first, cell = rows[number]
        assert paragraph.startswith(first.replace("\\|", "|")), f"paragraph {number}: {first!r}"
        ids = re.findall(r"`([^`]+)`", cell)
        assert ids or cell.startswith("none: "), f"paragraph {number} names no id and no reason"
        assert [id for id in ids if id not in defined] == [], f"paragraph {number}"
        pointed.update(ids)
    assert sorted(set(COLUMN_MAP.statements) - pointed) == []
