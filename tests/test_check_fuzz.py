"""Random maps written as text go through `argmap check` in every format without a traceback."""

from __future__ import annotations

import json

import jsonschema
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.cli import main
from tests.conftest import ROOT

SCHEMA = json.loads(
    (ROOT / "argmap" / "report" / "schemas" / "check-output.schema.json").read_text()
)
IDS = ["a", "b", "c", "d", "e", "t"]
KINDS = ["thesis", "claim", "evidence", "assumption", ""]


@st.composite
def map_texts(draw: st.DrawFn) -> str:
    """An outline with random nesting, then flat reasons, objections and undercuts by id."""
    lines = ['source s "S"']
    declared: list[str] = []
    depth = 0
    for n in range(draw(st.integers(1, 8))):
        id = f"x{n}"
        kind = draw(st.sampled_from(KINDS))
        head = f"{kind} {id}" if kind else id
        if not declared or depth == 0 and draw(st.booleans()):
            lines.append(f'{head}: "{id}."')
            below = "  "
            depth = 1
        else:
            sign = draw(st.sampled_from(["+", "-"]))
            name = draw(st.sampled_from(["", f"[i{n}] ", f"[i{n} conceded] "]))
            name = "" if sign == "+" and "conceded" in name else name
            indent = "  " * depth
            lines.append(f'{indent}{sign} {name}{head}: "{id}."')
            below = indent + "    "
            depth = min(depth + draw(st.integers(0, 1)), 4)
        if draw(st.integers(0, 3)) == 0:
            lines.append(below + 'quote s "words"')
        if draw(st.integers(0, 4)) == 0:
            lines[-1] += draw(st.sampled_from(["  # argmap: ignore", "  # argmap: ignore[S201]"]))
        declared.append(id)
    inferences = [f"i{n}" for n in range(len(declared)) if f"[i{n}" in "\n".join(lines)]
    for n in range(draw(st.integers(0, 4))):
        premises = draw(st.lists(st.sampled_from(declared), min_size=1, max_size=2, unique=True))
        kind = draw(st.sampled_from(["reason", "objection"]))
        pool = declared + (inferences if kind == "objection" else [])
        target = draw(st.sampled_from(pool))
        lines.append(f"{kind} f{n}: {' + '.join(premises)} -> {target}")
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(map_texts(), st.sampled_from(["human", "json", "github", "sarif"]))
def test_check_never_crashes(text: str, output_format: str) -> None:
    result = CliRunner().invoke(
        main,
        ["check", "-", "--format", output_format, "--extend-select", "S203,C402,C404"],
        input=text,
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), text
    assert result.exit_code in (0, 1, 2)
    if output_format == "json":
        document = json.loads(result.stdout)
        jsonschema.validate(document, SCHEMA)
        assert document["summary"]["exit_code"] == result.exit_code
