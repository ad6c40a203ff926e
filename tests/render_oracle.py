"""Test oracles for the renderer: how Graphviz reads a DOT id and a label (its lexer, escString
and HTML entities), and a reader for the DOT that argmap writes (nodes, edges, clusters)."""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field

from argmap.model import ArgumentMap, Objection, Reason, Statement

__all__ = ["Dot", "expected_edges", "lex_id", "node_names", "parse_dot", "read_label"]

_BARE_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|-?(\.[0-9]+|[0-9]+(\.[0-9]*)?)")
_ID = r'"(?:[^"\\]|\\.)*"|[^\s\[\]=;{}"]+'
_ATTRIBUTE = re.compile(rf"(\w+)=({_ID})", re.DOTALL)
_NODE = re.compile(rf"\t*({_ID}) \[(.*)\]$", re.DOTALL)
_EDGE = re.compile(rf"\t*({_ID}) -> ({_ID})(?: \[(.*)\])?$", re.DOTALL)


def lex_id(dot: str) -> str:
    """The value of one DOT id as Graphviz's lexer reads it: a bare id, or exactly one closed
    quoted string (only ``\\"`` is unescaped; ``\\\\`` stays two characters)."""
    if _BARE_ID.fullmatch(dot):
        return dot
    assert dot.startswith('"') and dot.endswith('"'), dot
    out, i = [], 1
    while i < len(dot) - 1:
        pair = dot[i : i + 2]
        if pair == '\\"':
            out.append('"')
            i += 2
        elif pair == "\\\\":
            out.append("\\\\")
            i += 2
        elif pair == "\\\n":
            i += 2
        else:
            assert dot[i] != '"', f"string closed early in {dot!r}"
            out.append(dot[i])
            i += 1
    assert i == len(dot) - 1, f"the closing quote is escaped in {dot!r}"
    return "".join(out)


def read_label(value: str) -> list[str]:
    """The lines Graphviz draws for a plain label value: escString line breaks and escapes
    (substitutions such as ``\\N`` fail the test), then HTML entities."""
    lines: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(value):
        char = value[i]
        if char == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            assert nxt not in "NGETHL", f"escString substitution \\{nxt} in {value!r}"
            if nxt in "nlr":
                lines.append("".join(current))
                current = []
            else:
                current.append(nxt)
            i += 2
            continue
        current.append(char)
        i += 1
    lines.append("".join(current))
    if lines[-1] == "" and len(lines) > 1:
        lines.pop()
    return [html.unescape(line) for line in lines]


@dataclass
class Dot:
    """The DOT argmap writes, read back: attribute values are as Graphviz's lexer reads them."""

    graph: dict[str, str] = field(default_factory=dict)
    nodes: dict[str, dict[str, str]] = field(default_factory=dict)
    edges: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    cluster_of: dict[str, str | None] = field(default_factory=dict)
    parent_of: dict[str, str | None] = field(default_factory=dict)
    clusters: dict[str, dict[str, str]] = field(default_factory=dict)

    def label(self, node: str) -> list[str]:
        return read_label(self.nodes[node].get("label", ""))

    def edge_set(self) -> list[tuple[str, str]]:
        return sorted((a, b) for a, b, _ in self.edges)


def _attributes(text: str) -> dict[str, str]:
    return {k: lex_id(v) for k, v in _ATTRIBUTE.findall(text)}


def _statements(source: str) -> list[str]:
    """Source lines, with quoted strings that span lines kept whole."""
    out: list[str] = []
    pending = ""
    for line in source.split("\n"):
        pending = f"{pending}\n{line}" if pending else line
        if len(re.findall(r'(?<!\\)(?:\\\\)*"', pending)) % 2 == 0:
            out.append(pending)
            pending = ""
    assert not pending, "unterminated string in the DOT"
    return out


def parse_dot(source: str) -> Dot:
    """Read argmap's DOT: one statement per line, clusters as nested subgraphs."""
    dot = Dot()
    stack: list[str | None] = [None]
    lines = _statements(source)
    assert lines[0] == "digraph argmap {" and lines[-2:] == ["}", ""], lines[:1] + lines[-2:]
    for line in lines[1:-2]:
        stripped = line.strip()
        if stripped.startswith("subgraph "):
            name = stripped.split()[1]
            dot.parent_of[name] = stack[-1]
            dot.clusters[name] = {}
            stack.append(name)
        elif stripped == "}":
            stack.pop()
        elif stripped.startswith(("graph [", "node [", "edge [")):
            if stripped.startswith("graph") and stack[-1] is None:
                dot.graph.update(_attributes(stripped))
        elif (edge := _EDGE.fullmatch(line)) is not None:
            dot.edges.append((lex_id(edge[1]), lex_id(edge[2]), _attributes(edge[3] or "")))
        elif (node := _NODE.fullmatch(line)) is not None:
            name = lex_id(node[1])
            dot.nodes[name] = _attributes(node[2])
            dot.cluster_of[name] = stack[-1]
        elif re.fullmatch(rf"\t*(\w+=({_ID}) ?)+", line, re.DOTALL):
            current = stack[-1]
            (dot.graph if current is None else dot.clusters[current]).update(_attributes(line))
        else:
            raise AssertionError(f"unexpected DOT line: {line!r}")
    assert stack == [None], "unbalanced subgraphs"
    return dot


def node_names(m: ArgumentMap) -> dict[str, str]:
    """The synthetic node name of every statement and inference: ``s``/``r``/``o`` and a
    number counted in source order (by where each is written)."""
    elements: list[Statement | Reason | Objection] = [
        *m.statements.values(),
        *m.reasons.values(),
        *m.objections.values(),
    ]
    order = sorted(elements, key=lambda e: (m.span(e).line, m.span(e).column))
    names: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for e in order:
        letter = "s" if isinstance(e, Statement) else "r" if isinstance(e, Reason) else "o"
        counts[letter] += 1
        names[e.id] = f"{letter}{counts[letter]}"
    return names


def expected_edges(m: ArgumentMap) -> list[tuple[str, str]]:
    """premise -> junction and junction -> target for every inference, sorted."""
    names = node_names(m)
    edges = []
    for inf in (*m.reasons.values(), *m.objections.values()):
        edges += [(names[p], names[inf.id]) for p in inf.premises]
        edges.append((names[inf.id], names[inf.target]))
    return sorted(edges)
