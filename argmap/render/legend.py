"""The legend drawn with ``--legend``: a small map, written in the language itself, whose
statements say what each shape, line and mark means. It is drawn by the same code as the map,
so it cannot drift from the visual language."""

from __future__ import annotations

from functools import cache

from argmap.model import ArgumentMap, Label
from argmap.reader import read_text
from argmap.render.findings import Findings

__all__ = ["legend_findings", "legend_map", "legend_source"]

_LEGEND = '''\
source src "the source"
thesis t: "The thesis: what the map argues for."
  + c: "A claim needs reasons of its own.{unsupported}"
  & evidence e: """Evidence, with its quote and source. Lines that meet at one dot
      are one reason: its premises work only together."""
    quote src "the words of the source"
  + [r] assumption a: "An assumption needs no reasons. A dot of its own: an independent reason."
  - [o] assumption x: "An objection: dashed, ending in a bar. Its premises can be of any kind."
    - [b] evidence y: "A rebuttal answers an objection: dotted."
  - [k conceded] assumption z: "An objection the author concedes."
evidence u: "An undercut attacks a reason's step (its dot), not a statement.{unanswered}"
objection w: u -> r
'''

_MARKS = {
    "unsupported": " This one has none, so it is marked",
    "unanswered": " Nobody answers this one, so its line is marked UNANSWERED.",
}

_EVALUATED = """\
claim l_in: "Holds once the objections are weighed."
claim l_out: "Defeated, or without support."
claim l_undec: "Undecided: objections attack each other in a circle."
"""


def legend_source(*, check: bool, evaluate: bool) -> str:
    """The legend in the argmap language: its words explain the marks only where they are
    drawn (``check``), and three more boxes explain IN, OUT and UNDEC with ``evaluate``."""
    marks = _MARKS if check else dict.fromkeys(_MARKS, "")
    return _LEGEND.format(**marks) + (_EVALUATED if evaluate else "")


@cache
def legend_map(*, check: bool, evaluate: bool) -> ArgumentMap:
    """The legend as a map (see :func:`legend_source`)."""
    result = read_text(legend_source(check=check, evaluate=evaluate), "<legend>")
    assert result.ok, result.diagnostics
    return result.map


def legend_findings(*, check: bool, evaluate: bool) -> Findings:
    """The marks the legend shows: those the map shows, each once."""
    labels = {"l_in": Label.IN, "l_out": Label.OUT, "l_undec": Label.UNDEC} if evaluate else {}
    if not check:
        return Findings(evaluated=evaluate, labels=labels)
    return Findings(True, evaluate, frozenset({"c"}), frozenset({"w"}), labels)
