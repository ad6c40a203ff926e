"""Synthetic argument maps for the benchmark, deterministic by seed.

:func:`generate` grows one format-neutral graph: a thesis; under every claim about two
inferences (reasons, or objections about 30 % of the time) of one to three linked premises, so
that each claim has about three premises under it; shared premises, undercuts, objections to
objections, rebuttals (objections to an objection's premise), conceded objections, cross links
and support cycles; evidence that quotes generated source texts. The writers turn the same
graph into argmap's outline form, argmap's flat form, and Argdown.
"""

from __future__ import annotations

import random
import textwrap
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "Graph",
    "Inference",
    "MapFiles",
    "Statement",
    "generate",
    "write_argdown",
    "write_files",
    "write_flat",
    "write_outline",
]

OBJECTION_SHARE = 0.3
"""The share of inferences under a statement that are objections."""

PREMISE_COUNTS = (1, 2, 3)
PREMISE_WEIGHTS = (50, 35, 15)
"""Linked premises per inference: 1.65 on average."""

INFERENCES_PER_CLAIM = (1, 2, 2, 3)
"""Inferences under an expanded statement, drawn uniformly: 2 on average (branching ≈ 3.3)."""

SHARED_PREMISE = 0.06
UNDERCUT = 0.05
OBJECTION_TO_OBJECTION = 0.03
CONCEDED = 0.1
LABELLED = 0.05
CROSS_LINKS = 0.02
"""Per statement: extra reasons between existing statements (flat declarations)."""
CYCLES = 0.005
"""Per statement: reasons from a statement back to one it supports (support cycles)."""
CLAIM_QUOTED = 0.2
EVIDENCE_PER_SOURCE = 800


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_WORDS = _words(
    "agreement alliance ambassador analysts arms balance border budget cabinet ceasefire "
    "coalition commitment compromise concession confidence conflict congress cooperation "
    "council crisis defense delegation diplomacy dispute economy election embargo energy "
    "envoy exports framework government grain imports influence inspection interests "
    "investment leaders legislature market media military minister ministry missile "
    "negotiation neighbours observers officials opposition parliament partners pipeline "
    "pressure priorities promise prosperity protest rhetoric region relations reform "
    "sanctions security senate settlement signal sovereignty stability summit talks "
    "tariff tension trade treaty trust veto visit voters warning agency audit clinic "
    "county district harbour hospital ministry railway reservoir school survey teachers "
    "transit"
)
_VERBS = _words(
    "signals reflects undermines supports weakens strengthens delays accelerates reveals "
    "limits shapes follows threatens restores requires ignores rewards complicates "
    "outweighs explains"
)
_ADJECTIVES = _words(
    "modest serious recent durable fragile public private regional bilateral formal "
    "informal lasting costly gradual sudden cautious broad narrow quiet"
)
_FUNCTION = _words("the the the a its their this that our")
_ATTRIBUTIONS = ("Moscow", "Washington", "Congress", "the author", "the ministry", "analysts")
_LABELS = ("expert opinion", "analogy", "sign", "cause to effect", "precedent")
_TAGS = ("history", "trade", "security", "trust", "economy")
_NOTES = ("Paraphrased from the source.", "The source is ambiguous here.")


@dataclass(frozen=True, slots=True)
class Quote:
    """The words a statement quotes, as typed by an author (plain ASCII punctuation)."""

    source: str
    text: str


@dataclass(slots=True)
class Statement:
    """A statement of the graph; ``home`` is the inference whose premise declares it."""

    id: str
    kind: str
    text: str
    quotes: list[Quote] = field(default_factory=list)
    attribution: str | None = None
    tags: tuple[str, ...] = ()
    note: str | None = None
    home: int | None = None
    branches: list[int] = field(default_factory=list)
    """The outline inferences written under this statement."""


@dataclass(slots=True)
class Inference:
    """A reason or an objection. Outline inferences are written under their target."""

    kind: str
    premises: list[str]
    target: str
    outline: bool
    id: str | None = None
    label: str | None = None
    conceded: bool = False


@dataclass(slots=True)
class Graph:
    """One synthetic map: statements and inferences in creation order, and source texts."""

    statements: dict[str, Statement] = field(default_factory=dict)
    inferences: list[Inference] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)


def generate(n: int, seed: int = 0) -> Graph:
    """A graph of exactly ``n`` statements (n ≥ 2), the same for the same seed."""
    if n < 2:
        raise ValueError("a generated map needs at least 2 statements")
    return _Generator(n, random.Random(seed)).run()


class _Generator:
    def __init__(self, n: int, rng: random.Random) -> None:
        self.n = n
        self.rng = rng
        self.graph = Graph()
        self.queue: deque[str] = deque()
        self.claims: list[str] = []
        self.basis: list[str] = []
        self.reasons: list[int] = []
        self.objections: list[int] = []
        self.supports: dict[str, str] = {}
        """A statement's first supported statement: the way back up for support cycles."""
        self.sentences: dict[str, list[str]] = {}
        self.evidence_count = 0

    def run(self) -> Graph:
        thesis = self.statement("thesis")
        self.queue.append(thesis)
        while not self.full():
            target = (
                self.queue.popleft() if self.queue else self.rng.choice(self.claims or [thesis])
            )
            for _ in range(self.rng.choice(INFERENCES_PER_CLAIM)):
                if self.full():
                    break
                self.outline_inference(target)
        self.links()
        self.graph.sources = {
            source: _wrap(" ".join(sentences)) for source, sentences in self.sentences.items()
        }
        return self.graph

    def full(self) -> bool:
        return len(self.graph.statements) >= self.n

    # -- statements ---------------------------------------------------------------------
    def statement(self, kind: str, home: int | None = None) -> str:
        rng = self.rng
        id = f"{rng.choice(_WORDS)}_{rng.choice(_VERBS)}_{len(self.graph.statements) + 1}"
        statement = Statement(id, kind, _sentence(rng), home=home)
        if kind == "evidence" or (kind == "claim" and rng.random() < CLAIM_QUOTED):
            statement.quotes.append(self.quote())
            if rng.random() < 0.1:
                statement.quotes.append(self.quote())
        if rng.random() < 0.1:
            statement.attribution = rng.choice(_ATTRIBUTIONS)
        if rng.random() < 0.05:
            statement.tags = tuple(rng.sample(_TAGS, 2))
        if rng.random() < 0.02:
            statement.note = rng.choice(_NOTES)
        self.graph.statements[id] = statement
        if kind == "claim":
            self.claims.append(id)
            self.queue.append(id)
        elif kind != "thesis":
            self.basis.append(id)
        return id

    def premise_kind(self) -> str:
        """Claims while there is room for their reasons, then evidence and assumptions."""
        room = self.n - len(self.graph.statements) > 3 * (len(self.queue) + 1)
        draw = self.rng.random()
        if room and draw < 0.45:
            return "claim"
        return "evidence" if draw < 0.8 else "assumption"

    def quote(self) -> Quote:
        """A new sentence in a source, and the words of it an author quotes."""
        rng = self.rng
        self.evidence_count += 1
        source = f"src{1 + self.evidence_count // EVIDENCE_PER_SOURCE}"
        pairs = _typographic(_sentence(rng).rstrip(".").split(), rng)
        self.sentences.setdefault(source, []).append(" ".join(p[0] for p in pairs) + ".")
        start = rng.randrange(0, max(1, len(pairs) - 6))
        stop = rng.randrange(min(len(pairs), start + 5), len(pairs) + 1)
        fragment = [typed for _, typed in pairs[start:stop]]
        if len(fragment) >= 8 and rng.random() < 0.15:
            return Quote(source, " ".join(fragment[:3]) + " ... " + " ".join(fragment[-3:]))
        return Quote(source, " ".join(fragment))

    # -- inferences ---------------------------------------------------------------------
    def outline_inference(self, target: str) -> None:
        rng = self.rng
        kind = "objection" if rng.random() < OBJECTION_SHARE else "reason"
        index = len(self.graph.inferences)
        count = rng.choices(PREMISE_COUNTS, PREMISE_WEIGHTS)[0]
        premises: list[str] = []
        for _ in range(count):
            if self.basis and (self.full() or rng.random() < SHARED_PREMISE):
                shared = rng.choice(self.basis)
                if shared not in premises and shared != target:
                    premises.append(shared)
            elif not self.full():
                premises.append(self.statement(self.premise_kind(), home=index))
        if not premises:
            return
        self.add(Inference(kind, premises, target, outline=True))
        self.graph.statements[target].branches.append(index)
        if kind == "reason":
            for premise in premises:
                self.supports.setdefault(premise, target)
        if not self.full() and self.reasons and rng.random() < UNDERCUT:
            self.flat_objection(self.named(rng.choice(self.reasons)))
        if not self.full() and self.objections and rng.random() < OBJECTION_TO_OBJECTION:
            self.flat_objection(self.named(rng.choice(self.objections)))

    def add(self, inference: Inference) -> Inference:
        rng = self.rng
        index = len(self.graph.inferences)
        self.graph.inferences.append(inference)
        (self.reasons if inference.kind == "reason" else self.objections).append(index)
        if rng.random() < LABELLED:
            inference.label = rng.choice(_LABELS)
        if inference.kind == "objection" and rng.random() < CONCEDED:
            inference.conceded = True
            self.named(index)
        return inference

    def named(self, index: int) -> str:
        """The inference's id, giving it one if it has none."""
        inference = self.graph.inferences[index]
        if inference.id is None:
            inference.id = f"{'r' if inference.kind == 'reason' else 'o'}{index + 1}"
        return inference.id

    def flat_objection(self, target: str) -> None:
        """An objection to a reason or an objection (an undercut), with a new top-level premise."""
        premise = self.statement("evidence" if self.rng.random() < 0.5 else "claim")
        self.add(Inference("objection", [premise], target, outline=False))

    def links(self) -> None:
        """Cross links and support cycles between statements that already exist."""
        rng = self.rng
        ids = list(self.graph.statements)
        for _ in range(round(self.n * CROSS_LINKS)):
            premise, target = rng.choice(ids[1:]), rng.choice(self.claims or ids[:1])
            if premise != target:
                self.add(Inference("reason", [premise], target, outline=False))
        chained = [s for s in self.supports if self.supports[s] in self.supports]
        for _ in range(max(1, round(self.n * CYCLES)) if chained else 0):
            start = rng.choice(chained)
            ancestor = self.supports[start]
            for _ in range(rng.randrange(2)):
                ancestor = self.supports.get(ancestor, ancestor)
            if ancestor != start:
                self.add(Inference("reason", [ancestor], start, outline=False))


# -- text ---------------------------------------------------------------------------------
def _sentence(rng: random.Random) -> str:
    words: list[str] = []
    for _ in range(rng.randrange(2, 4)):
        words += [rng.choice(_FUNCTION), rng.choice(_ADJECTIVES), rng.choice(_WORDS)]
        words.append(rng.choice(_VERBS))
    words += [rng.choice(_FUNCTION), rng.choice(_WORDS)]
    return (" ".join(words)).capitalize() + "."


def _typographic(words: list[str], rng: random.Random) -> list[tuple[str, str]]:
    """Words as a typeset source prints them (curly quotes and apostrophes, dashes, no-break
    spaces), each paired with the way an author types it."""
    pairs = [(word, word) for word in words]
    i = rng.randrange(len(pairs))
    word = pairs[i][0]
    draw = rng.random()
    if draw < 0.2:
        pairs[i] = (f"\u201c{word}\u201d", f'"{word}"')
    elif draw < 0.35 and word in _WORDS:
        pairs[i] = (f"{word}\u2019s", f"{word}'s")
    elif draw < 0.5 and i + 1 < len(pairs):
        after = pairs.pop(i + 1)[0]
        pairs[i] = (f"{word}\u2013{after}", f"{word}-{after}")
    if rng.random() < 0.2 and len(pairs) > 1:
        j = rng.randrange(len(pairs) - 1)
        (left, typed_left), (right, typed_right) = pairs[j], pairs.pop(j + 1)
        pairs[j] = (f"{left}\u00a0{right}", f"{typed_left} {typed_right}")
    return pairs


def _wrap(text: str) -> str:
    return "\n".join(textwrap.wrap(text, 78, break_on_hyphens=False)) + "\n"


def _arg_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# -- writers ------------------------------------------------------------------------------
def write_outline(graph: Graph, stem: str) -> str:
    """The graph as argmap's outline: every tree inference under its target.

    The sources' files are named ``STEM-SOURCE.txt``, beside the map.
    """
    return (
        _header(graph, stem)
        + "".join(_outline_lines(graph))
        + _flat_inferences(graph, outline=False)
    )


def write_flat(graph: Graph, stem: str) -> str:
    """The same graph in argmap's flat form: statements, then ``reason``/``objection`` lines."""
    lines = [_header(graph, stem)]
    for statement in graph.statements.values():
        lines.append(f"{statement.kind} {statement.id}: {_arg_string(statement.text)}\n")
        lines += _body(statement, "  ")
    return "".join(lines) + "\n" + _flat_inferences(graph, outline=True)


def _header(graph: Graph, stem: str) -> str:
    lines = ['title "A synthetic map for the benchmark"\n', 'author "bench/generate.py"\n\n']
    for source in graph.sources:
        lines.append(f'source {source} "Synthetic source {source}"\n  file "{stem}-{source}.txt"\n')
    return "".join(lines) + "\n"


def _body(statement: Statement, indent: str) -> Iterator[str]:
    for quote in statement.quotes:
        yield f"{indent}quote {quote.source} {_arg_string(quote.text)}\n"
    if statement.attribution is not None:
        yield f"{indent}by {_arg_string(statement.attribution)}\n"
    if statement.tags:
        yield f"{indent}tags {' '.join(statement.tags)}\n"
    if statement.note is not None:
        yield f"{indent}note {_arg_string(statement.note)}\n"


def _outline_lines(graph: Graph) -> Iterator[str]:
    """Top-level statements with their subtrees, written with an explicit stack."""
    stack: list[tuple[str, int] | str] = []
    for statement in reversed(graph.statements.values()):
        if statement.home is None:
            stack.append((statement.id, 0))
    while stack:
        entry = stack.pop()
        if isinstance(entry, str):
            yield entry
            continue
        id, depth = entry
        statement = graph.statements[id]
        indent = " " * depth
        if depth == 0:
            yield f"\n{statement.kind} {id}: {_arg_string(statement.text)}\n"
        body_indent = indent + ("  " if depth == 0 else "    ")
        pending: list[tuple[str, int] | str] = list(_body(statement, body_indent))
        for index in statement.branches:
            pending += _branch(graph, index, len(body_indent))
        stack.extend(reversed(pending))


def _branch(graph: Graph, index: int, depth: int) -> list[tuple[str, int] | str]:
    inference = graph.inferences[index]
    indent = " " * depth
    head = _inference_head(inference)
    parts: list[tuple[str, int] | str] = []
    for position, id in enumerate(inference.premises):
        premise = graph.statements[id]
        sign = ("+" if inference.kind == "reason" else "-") if position == 0 else "&"
        lead = f"{indent}{sign} {head if position == 0 else ''}"
        if premise.home == index:
            parts.append(f"{lead}{premise.kind} {id}: {_arg_string(premise.text)}\n")
            parts.append((id, depth))
        else:
            parts.append(f"{lead}{id}\n")
    return parts


def _inference_head(inference: Inference) -> str:
    parts = [p for p in (inference.id, inference.label and _arg_string(inference.label)) if p]
    if inference.conceded:
        parts.append("conceded")
    return f"[{' '.join(parts)}] " if parts else ""


def _flat_inferences(graph: Graph, outline: bool) -> str:
    """Flat declarations of the non-outline inferences (of all of them with ``outline``)."""
    lines = []
    for inference in graph.inferences:
        if inference.outline and not outline:
            continue
        head = " ".join(
            p
            for p in (
                inference.kind,
                inference.id,
                inference.label and _arg_string(inference.label),
                "conceded" if inference.conceded else None,
            )
            if p
        )
        lines.append(f"{head}: {' & '.join(inference.premises)} -> {inference.target}\n")
    return "\n" + "".join(lines)


def write_argdown(graph: Graph) -> str:
    """The same graph as Argdown.

    Statements are titled ``[id]`` definitions (tagged with their kind). Every inference is
    an argument with a premise–conclusion structure: a reason concludes its target; an
    objection concludes an untitled statement that attacks its target (``->``) or undercuts
    the argument it targets (``_>``). Argdown has no quotes, so they are left out.
    """
    blocks = []
    for statement in graph.statements.values():
        tags = " ".join(f"#{tag}" for tag in (statement.kind, *statement.tags))
        blocks.append(f"[{statement.id}]: {statement.text} {tags}")
    titles = [_argdown_title(inference, i) for i, inference in enumerate(graph.inferences)]
    for index, inference in enumerate(graph.inferences):
        lines = [f"<{titles[index]}>", ""]
        lines += [f"({n}) [{p}]" for n, p in enumerate(inference.premises, 1)]
        lines.append("----")
        conclusion = len(inference.premises) + 1
        if inference.kind == "reason":
            lines.append(f"({conclusion}) [{inference.target}]")
        elif inference.target in graph.statements:
            lines += [
                f"({conclusion}) The objection {titles[index]} holds.",
                f"  -> [{inference.target}]",
            ]
        else:  # an undercut: the target is a named inference, whose title is its id
            lines += [
                f"({conclusion}) The objection {titles[index]} holds.",
                f"  _> <{inference.target}>",
            ]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _argdown_title(inference: Inference, index: int) -> str:
    return inference.id or f"i{index + 1}"


@dataclass(frozen=True, slots=True)
class MapFiles:
    """The files :func:`write_files` wrote."""

    outline: Path
    flat: Path
    argdown: Path
    sources: tuple[Path, ...]


def write_files(graph: Graph, folder: Path, stem: str) -> MapFiles:
    """Write the outline and flat maps, the Argdown file and the source texts."""
    folder.mkdir(parents=True, exist_ok=True)
    outline = folder / f"{stem}.arg"
    flat = folder / f"{stem}-flat.arg"
    argdown = folder / f"{stem}.argdown"
    outline.write_text(write_outline(graph, stem), encoding="utf-8")
    flat.write_text(write_flat(graph, stem), encoding="utf-8")
    argdown.write_text(write_argdown(graph), encoding="utf-8")
    sources = []
    for source, text in graph.sources.items():
        path = folder / f"{stem}-{source}.txt"
        path.write_text(text, encoding="utf-8")
        sources.append(path)
    return MapFiles(outline, flat, argdown, tuple(sources))
