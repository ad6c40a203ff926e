"""AIF (the JSON of OVA and AIFdb) both ways.

Import: I-nodes become statements; an RA node a reason from the I-nodes that point at it (all
linked) to the node it points at; a CA node an objection (aimed at an RA, CA or MA node: an
undercut); an MA node (rephrase) a reason labelled ``rephrase``. An S-node without exactly one
conclusion or without an I-node premise, or one whose conclusion is among its premises (an
I-node rephrasing itself), is reported and left out, never re-attached; so is a node without
an id or a type, an I-node without a text, and an edge that does not join two nodes kept. The
dialogue layer (L, YA, TA) gives each statement its speaker (``by``) where an L-node anchors
it; the rest of it is reported as not carried over.

Export: statements become I-nodes, reasons RA nodes (MA for a ``rephrase``), objections CA
nodes, with edges premise → S-node → target; what AIF cannot hold is reported at its lines.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from argmap.interchange.basis import Leaves, one_thesis_per_part, with_leaves
from argmap.interchange.ids import IdMaker
from argmap.interchange.notes import Conversion, FormatError, Note, at_lines, value_kind
from argmap.interchange.pruning import orphaned
from argmap.model import (
    ArgumentMap,
    Inference,
    Objection,
    Place,
    Reason,
    Statement,
    StatementKind,
)
from argmap.text import count

__all__ = ["REPHRASE", "map_to_aif", "read_aif"]

REPHRASE = "rephrase"
"""The label of a reason that stands for an MA (rephrase) node."""

_ARGUMENT = ("RA", "CA", "MA", "PA")
_DIALOGUE = ("L", "YA", "TA")
_DEFAULT_TEXT = {"RA": "Default Inference", "CA": "Default Conflict", "MA": "Default Rephrase"}


@dataclass(slots=True)
class _Graph:
    """The nodes (by id, merged), their types and texts, and the edges both ways."""

    types: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    into: dict[str, list[str]] = field(default_factory=dict)
    out: dict[str, list[str]] = field(default_factory=dict)


def read_aif(text: str, path: str, leaves: Leaves = Leaves.ASSUMPTION) -> Conversion[ArgumentMap]:
    """The map of one AIF document (a nodeset, or OVA's ``{"AIF": {...}}``)."""
    notes: list[Note] = []
    graph = _graph(_document(text), path, notes)
    place = Place(1, 1, 1, 1)
    make_id = IdMaker()
    ids = {node: make_id(graph.texts[node]) for node, type in graph.types.items() if type == "I"}
    statements = {
        ids[node]: Statement(ids[node], StatementKind.CLAIM, graph.texts[node], place)
        for node in ids
    }
    speakers = _speakers(graph, ids)
    for node, speaker in speakers.items():
        statements[ids[node]] = Statement(
            ids[node], StatementKind.CLAIM, graph.texts[node], place, attribution=speaker
        )
    shapes = _shapes(graph, path, notes)
    inference_ids = {node: f"{graph.types[node].lower()}@{node}" for node in shapes}
    reasons: dict[str, Reason] = {}
    objections: dict[str, Objection] = {}
    for node, (premises, conclusion) in shapes.items():
        type = graph.types[node]
        name = inference_ids[node]
        premise_ids = tuple(ids[p] for p in premises)
        if type == "CA":
            target = ids.get(conclusion) or inference_ids[conclusion]
            objections[name] = Objection(
                name, premise_ids, target, place, named=False, label=_label(graph, node)
            )
        else:
            label = REPHRASE if type == "MA" else _label(graph, node)
            reasons[name] = Reason(
                name, premise_ids, ids[conclusion], place, named=False, label=label
            )
    dialogue = [n for n, t in graph.types.items() if t in _DIALOGUE]
    if dialogue:
        kinds = ", ".join(
            count(sum(graph.types[n] == t for n in dialogue), f"{t}-node") for t in _DIALOGUE
        )
        notes.append(
            Note(
                path,
                "the dialogue layer",
                f"{kinds} are not carried over (argmap maps hold no dialogue); "
                f"they name the speaker of {count(len(speakers), 'statement')}, written as `by`",
            )
        )
    m = ArgumentMap(path=path, statements=statements, reasons=reasons, objections=objections)
    return Conversion(with_leaves(one_thesis_per_part(m), leaves), tuple(notes))


def _document(text: str) -> Mapping[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"not JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    if isinstance(data, dict) and isinstance(data.get("AIF"), dict):
        data = data["AIF"]
    if not (
        isinstance(data, dict)
        and isinstance(data.get("nodes"), list)
        and isinstance(data.get("edges", []), list)
    ):
        raise FormatError(
            'not AIF: an AIF document is an object with a list of "nodes" and "edges"'
        )
    return data


def _graph(data: Mapping[str, Any], path: str, notes: list[Note]) -> _Graph:
    graph = _Graph()
    merged = 0
    for n, node in enumerate(data["nodes"]):
        id = _id(node, "nodeID")
        if id is None:
            why = _why_no_id(node, "nodeID")
            notes.append(Note(path, f"node {n + 1} of the list", f"{why}: left out"))
            continue
        type, text = node.get("type"), node.get("text")
        problem = _node_problem(type, text)
        if problem:
            notes.append(Note(path, f'node "{id}"', f"{problem}: left out"))
            continue
        text = text if isinstance(text, str) else ""
        if id in graph.types:
            if (graph.types[id], graph.texts[id]) != (type, text):
                notes.append(
                    Note(
                        path,
                        f'node "{id}"',
                        "listed twice with different contents: the first is kept",
                    )
                )
            merged += 1
            continue
        graph.types[id], graph.texts[id] = type, text
    if merged:
        notes.append(Note(path, "the node list", f"{count(merged, 'node')} listed twice: merged"))
    seen: set[tuple[str, str]] = set()
    twice = 0
    for n, edge in enumerate(data.get("edges", [])):
        ends = _ends(edge, graph)
        if isinstance(ends, str):
            id = _id(edge, "edgeID")
            where = f"edge {n + 1} of the list" if id is None else f'edge "{id}"'
            notes.append(Note(path, where, f"{ends}: left out"))
            continue
        if ends in seen:
            twice += 1
            continue
        seen.add(ends)
        graph.out.setdefault(ends[0], []).append(ends[1])
        graph.into.setdefault(ends[1], []).append(ends[0])
    if twice:
        what = f"{count(twice, 'edge')} joining the same two nodes as another"
        notes.append(Note(path, "the edge list", f"{what}: merged"))
    return graph


def _id(element: object, key: str) -> str | None:
    """An element's id as AIF writes it (a text or a whole number) as text, if it has one."""
    value = element.get(key) if isinstance(element, dict) else None
    if isinstance(value, str) and value or isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _why_no_id(element: object, key: str) -> str:
    """Why :func:`_id` finds no id, in the words of a note."""
    if not isinstance(element, dict):
        return f"it is {value_kind(element)}, not an object"
    if key not in element:
        return f"it has no {key}"
    if element[key] == "":
        return f"its {key} is empty"
    return f"its {key} is {value_kind(element[key])}, not a text or a whole number"


def _node_problem(type: object, text: object) -> str | None:
    """Why a node cannot be imported, if it cannot: its type, or, for an I-node, its text (a
    statement that says nothing would be taken as saying something: it supports, or it is
    accepted)."""
    if type is None or type == "":
        return "it has no type"
    if not isinstance(type, str):
        return f"its type is {value_kind(type)}, not a text"
    if type not in ("I", *_ARGUMENT, *_DIALOGUE):
        return f'its type "{type}" is not AIF\'s'
    if type != "I":
        return None
    if text is None:
        return "the I-node has no text"
    if not isinstance(text, str):
        return f"the I-node's text is {value_kind(text)}, not a text"
    return None if text.strip() else "the I-node's text is empty"


def _ends(edge: object, graph: _Graph) -> tuple[str, str] | str:
    """The nodes an edge joins, or why it joins none that is kept."""
    ends: list[str] = []
    for key in ("fromID", "toID"):
        end = _id(edge, key)
        if end is None:
            return _why_no_id(edge, key)
        if end not in graph.types:
            return f'its {key} "{end}" names no node that is kept'
        ends.append(end)
    return ends[0], ends[1]


def _shapes(graph: _Graph, path: str, notes: list[Note]) -> dict[str, tuple[list[str], str]]:
    """Each argument S-node that can be expressed, with its I-node premises and conclusion;
    the others reported. An S-node whose target is left out is left out in turn."""
    shapes: dict[str, tuple[list[str], str]] = {}
    for node, type in graph.types.items():
        if type not in _ARGUMENT:
            continue
        premises = [p for p in graph.into.get(node, ()) if graph.types[p] == "I"]
        conclusions = [c for c in graph.out.get(node, ()) if graph.types[c] in ("I", *_ARGUMENT)]
        problem = _problem(graph, node, premises, conclusions)
        if problem:
            notes.append(Note(path, f'{type}-node "{node}"', f"{problem}: left out"))
        else:
            shapes[node] = (premises, conclusions[0])
    target_of = {node: conclusion for node, (_, conclusion) in shapes.items()}
    statements = {node for node, type in graph.types.items() if type == "I"}
    for node in orphaned(target_of, statements):  # undercuts of what was left out
        notes.append(
            Note(
                path,
                f'CA-node "{node}"',
                f'what it attacks, "{target_of[node]}", was left out: left out',
            )
        )
        del shapes[node]
    return shapes


def _problem(graph: _Graph, node: str, premises: list[str], conclusions: list[str]) -> str | None:
    """Why an argument S-node cannot be expressed, if it cannot."""
    type = graph.types[node]
    if type == "PA":
        return "a preference (PA) has no counterpart in argmap"
    if not premises:
        if any(graph.types[p] == "L" for p in graph.into.get(node, ())):
            return "its only premises are L-nodes (locutions), not propositions"
        return "it has no premise"
    if len(conclusions) != 1:
        return (
            f"it has {len(conclusions)} conclusions, not one"
            if conclusions
            else "it has no conclusion"
        )
    conclusion = conclusions[0]
    if type != "CA" and graph.types[conclusion] != "I":
        return (
            f'its conclusion is the {graph.types[conclusion]}-node "{conclusion}": '
            "a reason can only support a statement"
        )
    if conclusion in premises:
        what = (
            "rephrases itself"
            if type == "MA"
            else ("attacks itself" if type == "CA" else "supports itself")
        )
        return f'the I-node "{conclusion}" {what}'
    return None


def _label(graph: _Graph, node: str) -> str | None:
    text = graph.texts[node].strip()
    return None if not text or text == _DEFAULT_TEXT.get(graph.types[node]) else text


def _speakers(graph: _Graph, ids: Mapping[str, str]) -> dict[str, str]:
    """I-node -> the speakers of the L-nodes anchored to it through a YA node."""
    speakers: dict[str, str] = {}
    for node in ids:
        names: list[str] = []
        for anchor in graph.into.get(node, ()):
            if graph.types[anchor] != "YA":
                continue
            for locution in graph.into.get(anchor, ()):
                if graph.types[locution] == "L":
                    name = _speaker(graph.texts[locution])
                    if name and name not in names:
                        names.append(name)
        if names:
            speakers[node] = " and ".join(names)
    return speakers


def _speaker(locution: str) -> str | None:
    """``Willie Rennie`` from ``Willie Rennie : what we need ...``."""
    name, colon, _ = locution.partition(" : ") if " : " in locution else locution.partition(":")
    name = name.strip()
    return name if colon and name and len(name) <= 60 else None


def map_to_aif(argument_map: ArgumentMap) -> Conversion[dict[str, Any]]:
    """The map as an AIF nodeset, and what AIF cannot hold."""
    m = argument_map
    node_ids: dict[str, str] = {}
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []

    def add_node(key: str, type: str, text: str) -> None:
        node_ids[key] = str(len(nodes) + 1)
        nodes.append({"nodeID": node_ids[key], "text": text, "type": type})

    for statement in m.statements.values():
        add_node(statement.id, "I", statement.text)
    for reason in m.reasons.values():
        type = "MA" if reason.label == REPHRASE else "RA"
        add_node(
            reason.id, type, reason.label if type == "RA" and reason.label else _DEFAULT_TEXT[type]
        )
    for objection in m.objections.values():
        add_node(objection.id, "CA", objection.label or _DEFAULT_TEXT["CA"])
    for inference in (*m.reasons.values(), *m.objections.values()):
        for source, target in (
            *((p, inference.id) for p in inference.premises),
            (inference.id, inference.target),
        ):
            edges.append(
                {
                    "edgeID": str(len(edges) + 1),
                    "fromID": node_ids[source],
                    "toID": node_ids[target],
                }
            )
    document = {"nodes": nodes, "edges": edges, "locutions": []}
    return Conversion(document, tuple(_left_out(m)))


def _left_out(m: ArgumentMap) -> Iterable[Note]:
    """What AIF cannot hold, one note per kind of thing with the lines where it occurs."""
    statements = list(m.statements.values())
    lost: list[tuple[str, list[Statement]]] = [
        (
            "their kind (thesis, evidence, assumption): they are plain I-nodes",
            [s for s in statements if s.kind is not StatementKind.CLAIM],
        ),
        ("the speaker (by)", [s for s in statements if s.attribution is not None]),
        ("tags", [s for s in statements if s.tags]),
        ("notes", [s for s in statements if s.notes]),
        ("quotes and citations", [s for s in statements if s.quotes or s.citations]),
    ]
    for what, affected in lost:
        if affected:
            yield _note(
                m,
                affected,
                f"{count(len(affected), 'statement')} lose {what} ({_ids(m, affected)})",
            )
    named = [i for i in (*m.reasons.values(), *m.objections.values()) if i.named]
    if named:
        yield _note(
            m,
            named,
            f"{count(len(named), 'named inference')} (reasons and objections) lose their "
            f"names, as AIF nodes have numbers: {_ids(m, named)}",
        )
    conceded = [o for o in m.objections.values() if o.conceded]
    if conceded:
        yield _note(
            m,
            conceded,
            f"{count(len(conceded), 'objection')} lose the mark `conceded` (AIF has none): "
            + _ids(m, conceded),
        )
    for what, present in (
        ("sources", bool(m.sources)),
        ("groups", bool(m.groups)),
        ("expected labels (expect)", bool(m.expectations)),
        (
            "the title, author, date and description",
            any((m.title, m.author, m.date, m.description)),
        ),
    ):
        if present:
            yield Note(m.path, "the map", f"{what} have no place in AIF: left out")


def _note(m: ArgumentMap, elements: Iterable[Statement | Inference], message: str) -> Note:
    """A note on several elements of a map, at their lines."""
    return Note(m.path, at_lines(m.span(e).line for e in elements), message)


def _ids(m: ArgumentMap, elements: Iterable[Statement | Inference]) -> str:
    """The ids of elements in the order of their lines, the first five of them."""
    listed = sorted(elements, key=lambda e: m.span(e).line)
    shown = ", ".join(f'"{e.id}"' for e in listed[:5])
    return shown + (f" and {len(listed) - 5} more" if len(listed) > 5 else "")
