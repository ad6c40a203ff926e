"""The Argumentative Microtext Corpus (arggraph XML: parts 1 and 2 and the multilayer layer)
as a map.

Each ADU becomes a statement with the text of its EDUs (through joints, in the order of the
text); an ADU without an id or a text is reported and left out. The central claim is the
thesis, opponent ADUs are attributed to the opponent. Every other ADU has one outgoing edge,
which becomes the inference named after it: ``sup`` and ``exa`` a reason (``r-a2``; an example
is labelled so), ``reb`` an objection (``o-a1``), ``und`` an objection to the inference of the
edge it targets. ``add`` edges join their source to that
edge's inference as a linked co-premise. An opponent's objection that nothing rebuts or
undercuts is one the author grants ("Of course X ... nevertheless T"), so it is conceded.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from argmap.interchange.arg_writer import KEYWORDS
from argmap.interchange.basis import Leaves, with_leaves
from argmap.interchange.ids import ID, IdMaker
from argmap.interchange.notes import Conversion, FormatError, Note
from argmap.interchange.pruning import orphaned
from argmap.model import ArgumentMap, Objection, Place, Reason, Statement, StatementKind

__all__ = ["OPPONENT", "read_microtext"]

OPPONENT = "opponent"
"""The attribution of the ADUs the author voices for the other side."""

_SUPPORT = {"sup": None, "exa": "example"}
_ATTACK = ("reb", "und")


@dataclass(frozen=True, slots=True)
class _Edge:
    """An edge as the file gives it ("" for an attribute it lacks), and where it is."""

    id: str
    src: str
    trg: str
    type: str
    where: str  # edge "c1", or edge 3 of the file when it has no id


def read_microtext(
    text: str, path: str, leaves: Leaves = Leaves.ASSUMPTION
) -> Conversion[ArgumentMap]:
    """The map of one arggraph document; :class:`FormatError` when it is not one."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise FormatError(f"not well-formed XML: {exc}") from None
    if root.tag != "arggraph":
        raise FormatError(f"the root element is <{root.tag}>, not <arggraph>: not a microtext")
    notes: list[Note] = []
    edus = {e.get("id", ""): (e.text or "").strip() for e in root.iter("edu")}
    order = {id: n for n, id in enumerate(edus)}
    roles: dict[str, str] = {}
    for n, adu in enumerate(root.iter("adu")):
        if adu.get("id"):
            roles[adu.get("id", "")] = adu.get("type", "pro")
        else:
            notes.append(Note(path, f"ADU {n + 1} of the file", "it has no id: left out"))
    edges = [
        _Edge(
            e.get("id", ""),
            e.get("src", ""),
            e.get("trg", ""),
            e.get("type", ""),
            f'edge "{e.get("id")}"' if e.get("id") else f"edge {n + 1} of the file",
        )
        for n, e in enumerate(root.iter("edge"))
    ]
    span = Place(1, 1, 1, 1)

    texts = _adu_texts(edus, order, roles, edges)
    for id in [id for id in roles if not texts[id]]:  # a statement that says nothing: none
        notes.append(Note(path, f'ADU "{id}"', "no EDU gives its text: left out"))
        del roles[id]
    ids = _ids(roles)
    outgoing: dict[str, _Edge] = {}
    for edge in edges:
        if edge.type in ("seg", "add"):
            continue
        if not edge.src:
            notes.append(Note(path, edge.where, "it has no source: left out"))
        elif edge.src not in roles:
            notes.append(
                Note(path, edge.where, f'its source "{edge.src}" is no ADU of the map: left out')
            )
        elif edge.src in outgoing:
            notes.append(Note(path, edge.where, f'ADU "{edge.src}" already has an edge: left out'))
        else:
            outgoing[edge.src] = edge
    inference_of = {e.id: _inference_id(e, ids) for e in outgoing.values() if e.id}
    co_premises: dict[str, list[str]] = {}
    for edge in edges:
        if edge.type == "add":
            if edge.trg in inference_of and edge.src in roles:
                co_premises.setdefault(edge.trg, []).append(edge.src)
            else:
                notes.append(
                    Note(path, edge.where, "an add edge from no ADU, or to no edge: left out")
                )

    statements: dict[str, Statement] = {}
    adding = {e.src for e in edges if e.type == "add"}
    centre = [id for id in roles if id not in outgoing and id not in adding]
    for id, role in roles.items():
        kind = StatementKind.THESIS if id in centre and len(centre) == 1 else StatementKind.CLAIM
        statements[ids[id]] = Statement(
            ids[id], kind, texts[id], span, attribution=OPPONENT if role == "opp" else None
        )

    attacked = {e.trg for e in edges if e.type in _ATTACK} - {""}  # ADUs rebutted, edges undercut
    inferences: dict[str, Reason | Objection] = {}
    rank = {id: n for n, id in enumerate(roles)}
    for edge in sorted(outgoing.values(), key=lambda e: rank[e.src]):
        name = _inference_id(edge, ids)
        added = co_premises.get(edge.id, [])
        joined = sorted(set(added) - {edge.src}, key=rank.__getitem__)
        if len(joined) < len(added):
            notes.append(
                Note(
                    path,
                    edge.where,
                    "an ADU is joined to it twice, or to its own premise: counted once",
                )
            )
        premises = tuple(ids[p] for p in (edge.src, *joined))
        target = inference_of.get(edge.trg) or ids.get(edge.trg)
        if target is None:
            problem = (
                f'its target "{edge.trg}" is no ADU or edge' if edge.trg else "it has no target"
            )
            notes.append(Note(path, edge.where, f"{problem}: left out"))
        elif edge.type in _SUPPORT and target in statements:
            inferences[name] = Reason(name, premises, target, span, label=_SUPPORT[edge.type])
        elif edge.type in _ATTACK:
            conceded = roles[edge.src] == "opp" and not {edge.id, edge.src} & attacked
            inferences[name] = Objection(name, premises, target, span, conceded=conceded)
        else:
            what = f'a "{edge.type}" edge' if edge.type else "an edge with no type"
            notes.append(
                Note(path, edge.where, f'{what} to "{edge.trg}" has no counterpart: left out')
            )
    _without_lost_targets(inferences, statements, path, notes)
    title = root.get("topic_id")
    m = ArgumentMap(
        path=path,
        title=title.replace("_", " ") if title else None,
        description=f"stance: {root.get('stance')}" if root.get("stance") else None,
        statements=statements,
        reasons={id: i for id, i in inferences.items() if isinstance(i, Reason)},
        objections={id: i for id, i in inferences.items() if isinstance(i, Objection)},
    )
    return Conversion(with_leaves(m, leaves), tuple(notes))


def _inference_id(edge: _Edge, ids: dict[str, str]) -> str:
    return ("r-" if edge.type in _SUPPORT else "o-") + ids[edge.src]


def _ids(roles: dict[str, str]) -> dict[str, str]:
    """The ADUs' own ids where they are valid argmap ids (``a1``), else ids made from them."""
    make = IdMaker()
    return {
        adu: make.keep(adu) if ID.fullmatch(adu) and adu not in KEYWORDS else make(adu, "adu")
        for adu in roles
    }


def _without_lost_targets(
    inferences: dict[str, Reason | Objection],
    statements: dict[str, Statement],
    path: str,
    notes: list[Note],
) -> None:
    """Leave out, in turn, the objections whose target inference was left out."""
    for id in orphaned({i.id: i.target for i in inferences.values()}, statements):
        notes.append(Note(path, f'the inference "{id}"', "what it attacks was left out: left out"))
        del inferences[id]


def _adu_texts(
    edus: dict[str, str], order: dict[str, int], roles: dict[str, str], edges: list[_Edge]
) -> dict[str, str]:
    """Each ADU's text: the EDUs that realise it, directly or through a joint, in text order."""
    into: dict[str, list[str]] = {}
    for edge in edges:
        if edge.type == "seg":
            into.setdefault(edge.trg, []).append(edge.src)
    texts = {}
    for adu in roles:
        seen: set[str] = set()
        pending = list(into.get(adu, ()))
        while pending:  # down through joints to the EDUs
            node = pending.pop()
            if node not in seen:
                seen.add(node)
                pending.extend(into.get(node, ()))
        found = sorted((n for n in seen if n in edus), key=order.__getitem__)
        texts[adu] = " ".join(edus[n] for n in found)
    return texts
