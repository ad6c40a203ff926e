"""The key drawn with ``--legend``: a small map, built from model objects, whose statements say
what each box, line and mark means. It is drawn by the same code as the map, with the map's
options and theme, so it cannot drift from the visual language; its marks are what the checker
and the labelling find in it."""

from __future__ import annotations

from functools import cache

from argmap.model import (
    ArgumentMap,
    Inference,
    Objection,
    Place,
    Quote,
    Reason,
    Source,
    Statement,
    StatementKind,
)
from argmap.render.findings import Findings, find

__all__ = ["legend_findings", "legend_map"]

_FILE = "<legend>"


def _place(line: int) -> Place:
    return Place(line, 1, line, 1)


def _statement(
    line: int, id: str, kind: StatementKind, text: str, quotes: tuple[Quote, ...] = ()
) -> Statement:
    return Statement(id, kind, text, _place(line), quotes=quotes)


@cache
def legend_map(*, check: bool, evaluate: bool) -> ArgumentMap:
    """The key as a map: a thesis with a reason of linked premises and an independent one, an
    objection whose premise a rebuttal defeats; with ``check``, a claim with no reason of its
    own; with ``evaluate``, words on what grey boxes mean."""
    quote = Quote("src", "the words of the source", _place(3))
    statements = [
        _statement(1, "t", StatementKind.THESIS, "What the map argues for"),
        _statement(
            2, "c", StatementKind.CLAIM, "A claim: premises meeting at one dot work together"
        ),
        _statement(3, "e", StatementKind.EVIDENCE, "Evidence", quotes=(quote,)),
        _statement(4, "a", StatementKind.ASSUMPTION, "An assumption"),
        _statement(5, "x", StatementKind.ASSUMPTION, "An objection: dashed, ending in a bar"),
        _statement(6, "y", StatementKind.EVIDENCE, "A rebuttal: dotted"),
    ]
    inferences: list[Inference] = [
        Reason("r1", ("e", "a"), "c", _place(7), named=False),
        Reason("r2", ("c",), "t", _place(8), named=False),
        Objection("o1", ("x",), "t", _place(9), named=False),
        Objection("o2", ("y",), "x", _place(10), named=False),
    ]
    if check:
        text = "A claim with no reason of its own"
        statements.append(_statement(11, "n", StatementKind.CLAIM, text))
        inferences.append(Reason("r3", ("n",), "t", _place(12), named=False))
    if evaluate:
        statements[4] = _statement(5, "x", StatementKind.ASSUMPTION, "An objection, defeated")
    return ArgumentMap(
        _FILE,
        sources={"src": Source("src", _place(0), title="a source")},
        statements={s.id: s for s in statements},
        reasons={i.id: i for i in inferences if isinstance(i, Reason)},
        objections={i.id: i for i in inferences if isinstance(i, Objection)},
    )


def legend_findings(*, check: bool, evaluate: bool) -> Findings:
    """The marks the key shows: found in it as in any map, so they are the map's marks."""
    return find(legend_map(check=check, evaluate=evaluate), check=check, evaluate=evaluate)
