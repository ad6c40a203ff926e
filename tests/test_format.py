"""The formatter's guarantees, on every map of the repository and on generated maps:
formatting twice changes nothing more; the model is the same (positions aside); every comment
survives, own-line comments as own-line and trailing ones as trailing; suppressions silence
the same findings. And golden files: tests/format/NAME.arg formats to NAME.formatted.arg."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.analysis import analyze
from argmap.checks import CheckContext, SelectionLayer, run_checks, select_checks
from argmap.export_json import map_to_dict
from argmap.formatter import WIDTH, format_text
from argmap.reader import read_text
from argmap.syntax import MAX_DEPTH, default_parser
from bench.generate import generate, write_flat, write_outline
from tests.conftest import ROOT
from tests.test_docs_examples import EXAMPLES

GOLDEN = ROOT / "tests" / "format"
_FOLDERS = ("maps", "tests/cases", "tests/adversarial", "tests/golden/fixtures", "tests/format")
FILES = sorted(p for folder in _FOLDERS for p in (ROOT / folder).rglob("*.arg"))
MAPS = [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8")) for p in FILES] + EXAMPLES


def model(text: str) -> str:
    """The map as JSON without positions (made-up ids, ``reason#3``, count in the order of the
    file, which formatting keeps)."""
    data = map_to_dict(read_text(text, "m.arg").map)
    data["suppressions"] = sorted(s["codes"] for s in data["suppressions"])
    return json.dumps(_without_spans(data), ensure_ascii=False, sort_keys=True)


def _without_spans(data: object) -> object:
    if isinstance(data, dict):
        return {k: _without_spans(v) for k, v in data.items() if k != "span"}
    if isinstance(data, list):
        return [_without_spans(v) for v in data]
    return data


def comments(text: str) -> Counter[tuple[str, bool]]:
    parsed = default_parser().parse(text, "m.arg")
    return Counter((c.text.rstrip(), c.own_line) for c in parsed.comments)


def finding_codes(text: str) -> Counter[str]:
    """The codes of what ``argmap check`` finds (X901: suppressions that silence nothing)."""
    result = read_text(text, "m.arg")
    if not result.ok:
        return Counter(d.code for d in result.diagnostics)
    ctx = CheckContext(result.map, analyze(result.map))
    layer = SelectionLayer(None, ("ALL",), (), "test")
    return Counter(d.code for d in [*result.diagnostics, *run_checks(ctx, select_checks([layer]))])


def assert_guarantees(text: str, findings: bool = True) -> str:
    formatted = format_text(text)
    if formatted.diagnostics:  # a map that does not parse is refused, with its syntax errors
        assert not read_text(text, "m.arg").ok
        assert {d.code for d in formatted.diagnostics} == {"E101"}
        return text
    assert format_text(formatted.text).text == formatted.text, "not idempotent"
    assert model(formatted.text) == model(text)
    assert comments(formatted.text) == comments(text)
    if findings:
        assert finding_codes(formatted.text) == finding_codes(text)
    return formatted.text


@pytest.mark.parametrize(("where", "text"), MAPS, ids=[w for w, _ in MAPS])
def test_every_map_of_the_repository(where: str, text: str) -> None:
    assert_guarantees(text)


def test_the_maps_are_formatted() -> None:
    """CI keeps maps/ formatted: `argmap fmt maps/` fixes this test."""
    unformatted = [
        str(p.relative_to(ROOT))
        for p in FILES
        if p.is_relative_to(ROOT / "maps")
        and format_text(p.read_text(encoding="utf-8")).text != p.read_text(encoding="utf-8")
    ]
    assert unformatted == [], "run: argmap fmt maps/"


GOLDEN_INPUTS = sorted(p for p in GOLDEN.glob("*.arg") if not p.name.endswith(".formatted.arg"))


def test_there_are_golden_files() -> None:
    assert len(GOLDEN_INPUTS) >= 4


@pytest.mark.parametrize("path", GOLDEN_INPUTS, ids=[p.stem for p in GOLDEN_INPUTS])
def test_golden(path: Path, update_golden: bool) -> None:
    expected_path = path.with_suffix(".formatted.arg")
    formatted = format_text(path.read_text(encoding="utf-8"), path.name)
    assert formatted.diagnostics == ()
    if update_golden:
        expected_path.write_text(formatted.text, encoding="utf-8")
    assert formatted.text == expected_path.read_text(encoding="utf-8")


# ---- generated maps ---------------------------------------------------------------------------
_COMMENTS = (
    "# a remark",
    "# argmap: ignore[S201]",
    "# argmap: ignore[unanswered-objection, Q504] -- on purpose",
    "# argmap: ignore",
    "#",
    "#   indented words   ",
)


def scrambled(text: str, rng: random.Random) -> str:
    """A map as a careless author might write it: another indentation width, comments
    everywhere (own-line at any indentation, trailing), blank lines, spaces around ``->``."""
    width = rng.choice((1, 2, 3))
    out: list[str] = []
    for line in text.split("\n"):
        stripped = line.lstrip(" ")
        indent = " " * (width * (len(line) - len(stripped)))
        if rng.random() < 0.15:
            out.append(" " * rng.randrange(8) + rng.choice(_COMMENTS))
        if rng.random() < 0.1:
            out.append(" " * rng.randrange(3))
        if stripped.startswith(("reason", "objection")):
            stripped = stripped.replace(" -> ", "  ->   ").replace(" & ", "&")
        if stripped and rng.random() < 0.15:
            stripped += " " * rng.randrange(1, 4) + rng.choice(_COMMENTS)
        out.append(indent + stripped if stripped else "")
    return "\n".join(out)


@given(
    st.integers(2, 40),
    st.integers(0, 2**32),
    st.sampled_from((write_outline, write_flat)),
    st.booleans(),
)
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_generated_maps(n: int, seed: int, writer: object, scramble: bool) -> None:
    assert callable(writer)
    text = writer(generate(n, seed), "g")
    if scramble:
        text = scrambled(text, random.Random(seed))
    formatted = assert_guarantees(text)
    assert format_text(formatted).diagnostics == ()


def test_a_large_generated_map() -> None:
    text = scrambled(write_outline(generate(2000, 7), "g"), random.Random(7))
    formatted = assert_guarantees(text, findings=False)
    # A line is longer only where a comment at its end keeps its text on one line, or where
    # the words before the text are that long themselves.
    long = [line for line in formatted.split("\n") if len(line) > WIDTH]
    assert all("#" in line or line.endswith('"""') or '"' not in line for line in long)


def test_the_deepest_outline_and_groups() -> None:
    chain = 'thesis t0: "x"\n' + "".join(
        f'{"  " * i}+ t{i}: "x"  # c{i}\n' for i in range(1, MAX_DEPTH + 1)
    )
    groups = "".join(f'{"  " * i}group "g{i}"\n' for i in range(MAX_DEPTH))
    for text in (chain, groups + "  " * MAX_DEPTH + 'claim a: "x"\n'):
        assert_guarantees(text, findings=False)
