"""The fuzzed inputs: every map in the repository, mutated; and valid but weird maps.

:func:`mutated_maps` starts from a map of the repository (``maps/``, ``tests/``) and applies a
few edits: inserted hostile tokens, deleted or duplicated spans, swapped lines, changed
indentation, a cut. :func:`weird_maps` writes maps that follow the grammar but stress the
analyses: support and attack cycles, self-attacks, undercuts of undercuts, huge fan-in, deep
outlines and hostile text (markup, escapes, controls, line separators, bidi, long words).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hypothesis import strategies as st

from tests.conftest import ROOT

__all__ = ["HOSTILE", "corpus", "edits", "fuzz_inputs", "mutated_maps", "weird_maps"]

HOSTILE = (
    '"',
    '"""',
    "\\",
    "\\u0000",
    "\\U0010FFFF",
    "\\uD800",
    "\\N",
    "\\G",
    "\\L",
    "\\x",
    "\x00",
    "\u2028",
    "\u2029",
    "\x85",
    "\x0b",
    "\x0c",
    "\r",
    "\r\n",
    "\t",
    "\x1b[31m",
    "\u202e",
    "\u200b",
    "\ufeff",
    "\U0001f600",
    "e\u0301",
    "\ud7ff",
    "\uffff",
    " -> ",
    " & ",
    " + ",
    "->",
    "&",
    "+ ",
    "- ",
    "[",
    "]",
    "[r conceded]",
    ":",
    ": ",
    "#",
    "# argmap: ignore",
    "# argmap: ignore[S201]",
    "# argmap: ignore[",
    "-- ",
    "thesis ",
    "claim ",
    "evidence ",
    "assumption ",
    "reason ",
    "objection ",
    "source ",
    "group ",
    "expect IN: ",
    "expect UNDEC: ",
    "quote ",
    "cite ",
    "file ",
    "url ",
    "by ",
    "tags ",
    "note ",
    "title ",
    "conceded",
    'file "/proc/self/environ"',
    'file "../../../etc/passwd"',
    "<script>alert(1)</script>",
    "<b>",
    "]]>",
    "&amp;",
    "&#0;",
    '"]; x [label=<',
    "javascript:alert(1)",
    "\\\\N",
    "x" * 3000,
    "  " * 60,
    "\n" + "  " * 30 + "+ a\n",
    "\n\n\n",
    "a" * 200 + "-",
)
"""Tokens that have broken parsers, escapers and terminals before."""


@cache
def corpus() -> tuple[str, ...]:
    """The text of every map of the repository: its maps, test cases and documents (not what
    tools leave in the working tree, such as the benchmark's generated maps)."""
    paths = sorted(
        p for folder in ("maps", "tests", "docs") for p in (ROOT / folder).rglob("*.arg")
    )
    return tuple(Path(p).read_text(encoding="utf-8") for p in paths)


@st.composite
def mutated_maps(draw: st.DrawFn) -> str:
    """A map of the repository with one to eight random edits."""
    return _edited(draw, draw(st.sampled_from(corpus())))


@st.composite
def edits(draw: st.DrawFn) -> tuple[str, str]:
    """A map of the repository (perhaps already edited) and the same map after more edits:
    an editor's document before and after a change."""
    before = draw(st.one_of(st.sampled_from(corpus()), mutated_maps()))
    return before, _edited(draw, before)


def _edited(draw: st.DrawFn, text: str) -> str:
    """``text`` with one to eight random edits."""
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(text)))
        edit = draw(st.integers(0, 7))
        if edit == 0:
            text = text[:at] + draw(st.sampled_from(HOSTILE)) + text[at:]
        elif edit == 1:
            text = text[:at] + draw(st.text(max_size=8)) + text[at:]
        elif edit == 2:
            text = text[:at] + text[at + draw(st.integers(1, 80)) :]
        elif edit == 3:
            end = at + draw(st.integers(1, 200))
            text = text[:end] + text[at:end] * draw(st.integers(1, 5)) + text[end:]
        elif edit == 4:
            text = text[:at] + draw(st.characters()) + text[at + 1 :]
        elif edit == 5:
            lines = text.split("\n")
            i, j = (draw(st.integers(0, len(lines) - 1)) for _ in range(2))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        elif edit == 6:
            start = text.rfind("\n", 0, at) + 1
            text = text[:start] + " " * draw(st.integers(1, 12)) + text[start:]
        else:
            text = text[:at]
    return text


_TEXTS = (
    "",
    "T.",
    '\\"]; x [label=<b>',
    "<script>alert(1)</script>",
    "a\u2028b\x85c\u2029d",
    "\\\\N \\\\G \\\\L \\\\\\\\",
    '\\u0000 \\u202e \\t \\n \\"',
    "\u202eevil\u202c \u200b \ufeff",
    "javascript:alert(1)",
    "&amp; &#0; ]]> --> <!--",
    "e\u0301 \U0001f600 \u0434\u0430 \u05e9\u05dc\u05d5\u05dd",
    "\x1b[31mred\x1b[0m \x07",
    "x" * 2000,
    "word " * 400,
)
"""Texts as written between quotes (escapes included): hostile to every output."""


@st.composite
def _text(draw: st.DrawFn) -> str:
    """A quoted text: one of :data:`_TEXTS`, or a few random characters."""
    if draw(st.booleans()):
        return f'"{draw(st.sampled_from(_TEXTS))}"'
    body = draw(st.text(st.characters(codec="utf-8", exclude_characters='"\\\n'), max_size=12))
    return f'"{body}"'


_KINDS = ("thesis", "claim", "evidence", "assumption", "")


@st.composite
def weird_maps(draw: st.DrawFn) -> str:
    """A map that follows the grammar (mostly) but is built to stress every analysis."""
    n = draw(st.integers(1, 25))
    ids = [f"s{i}" for i in range(n)]
    lines = ['source src "Source"', '  file "src.txt"']
    for id in ids:
        kind = draw(st.sampled_from(_KINDS))
        lines.append(f"{kind} {id}: {draw(_text())}".lstrip())
        if draw(st.integers(0, 3)) == 0:
            lines.append(f"  quote src {draw(_text())}")
    inferences: list[str] = []
    for k in range(draw(st.integers(0, 25))):
        shape = draw(st.integers(0, 9))
        kind = draw(st.sampled_from(["reason", "objection"]))
        if shape == 0:  # a cycle through some statements
            ring = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=12))
            for i, id in enumerate(ring):
                lines.append(f"{kind}: {id} -> {ring[(i + 1) % len(ring)]}")
            continue
        if shape == 1:  # a self-attack or self-support
            id = draw(st.sampled_from(ids))
            lines.append(f"{kind}: {id} -> {id}")
            continue
        if shape == 2:  # huge fan-in
            premises = ids * draw(st.integers(1, 8))
            target = draw(st.sampled_from(ids))
            lines.append(f"reason i{k}: {' & '.join(premises)} -> {target}")
            inferences.append(f"i{k}")
            continue
        premises = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=4))
        targets = ids + (inferences if kind == "objection" else [])
        target = draw(st.sampled_from(targets))  # an undercut when it names an inference
        conceded = " conceded" if kind == "objection" and draw(st.booleans()) else ""
        lines.append(f"{kind} i{k}{conceded}: {' & '.join(premises)} -> {target}")
        inferences.append(f"i{k}")
    if draw(st.booleans()):  # an outline: a chain of nested reasons and objections
        depth = draw(st.integers(1, 30))
        lines.append(f"claim o0: {draw(_text())}")
        for d in range(1, depth + 1):
            sign = draw(st.sampled_from("+-"))
            lines.append(f"{'  ' * d}{sign} {draw(st.sampled_from(ids))}")
    for label in draw(st.lists(st.sampled_from(["IN", "OUT", "UNDEC"]), max_size=3)):
        chosen = draw(st.lists(st.sampled_from(ids + inferences), min_size=1, max_size=6))
        lines.append(f"expect {label}: {' '.join(chosen)}")
    if draw(st.booleans()):
        at = draw(st.integers(0, len(lines) - 1))
        lines[at] += draw(st.sampled_from(["  # argmap: ignore", "  # argmap: ignore[S201, C401]"]))
    return "\n".join(lines) + "\n"


def fuzz_inputs() -> st.SearchStrategy[str]:
    """Both kinds of input, half and half."""
    return st.one_of(mutated_maps(), weird_maps())
