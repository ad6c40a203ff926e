"""The map model: immutable, typed objects for everything a .arg file declares.

Every element carries the :class:`Span` it was written at. Ids share one namespace
(statements, reasons, objections, sources and groups), as references are written by id alone.
Anonymous reasons and objections, and premises written without an id, get a synthetic id
containing ``@`` (``reason@12:5``, ``claim@14:7``: the kind, and the line and column where it is
written), which no user id can contain, and ``named=False``.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = [
    "ArgumentMap",
    "Citation",
    "Expectation",
    "Group",
    "Inference",
    "Label",
    "Objection",
    "Quote",
    "Reason",
    "Source",
    "Span",
    "Statement",
    "StatementKind",
    "Suppression",
    "span_to_dict",
]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Where an element is written: 1-based lines and columns, end exclusive."""

    file: str
    line: int
    column: int
    end_line: int
    end_column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


def span_to_dict(span: Span) -> dict[str, str | int]:
    """A span as JSON-ready data."""
    return {
        "file": span.file,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
    }


class StatementKind(enum.Enum):
    """What a statement is; evidence and assumptions are the *basis* that needs no reason."""

    THESIS = "thesis"
    CLAIM = "claim"
    EVIDENCE = "evidence"
    ASSUMPTION = "assumption"

    @property
    def is_basis(self) -> bool:
        return self in (StatementKind.EVIDENCE, StatementKind.ASSUMPTION)


class Label(enum.Enum):
    """The acceptability labels of the grounded labelling."""

    IN = "IN"
    OUT = "OUT"
    UNDEC = "UNDEC"


@dataclass(frozen=True, slots=True)
class Source:
    """A text that quotes refer to; ``file`` is as written, relative to the map."""

    id: str
    span: Span
    title: str | None = None
    file: str | None = None
    url: str | None = None
    author: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """Verbatim words of a source that say a statement; ``source`` is a source id."""

    source: str
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Citation:
    """A reference to a source without verbatim words, with an optional locator."""

    source: str
    locator: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class Group:
    """A section of the map, drawn as a cluster; ``parent`` is the enclosing group's id."""

    id: str
    title: str
    span: Span
    parent: str | None = None


@dataclass(frozen=True, slots=True)
class Statement:
    """A thesis, claim, piece of evidence or assumption."""

    id: str
    kind: StatementKind
    text: str
    span: Span
    attribution: str | None = None
    tags: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    citations: tuple[Citation, ...] = ()
    group: str | None = None
    named: bool = True
    """False for a premise written without an id (its ``id`` is made up, with ``@``)."""

    @property
    def is_basis(self) -> bool:
        return self.kind.is_basis


@dataclass(frozen=True, slots=True)
class Inference:
    """What reasons and objections share: linked premises, a target and an id."""

    id: str
    premises: tuple[str, ...]
    target: str
    span: Span
    named: bool = True
    label: str | None = None
    group: str | None = None


@dataclass(frozen=True, slots=True)
class Reason(Inference):
    """Premises that together support a target statement."""


@dataclass(frozen=True, slots=True)
class Objection(Inference):
    """Premises that together attack a statement (rebut/undermine) or an inference (undercut)."""

    conceded: bool = False


@dataclass(frozen=True, slots=True)
class Suppression:
    """``# argmap: ignore[...]``: silences the named checks on ``line`` (all when empty)."""

    codes: tuple[str, ...]
    line: int
    span: Span


@dataclass(frozen=True, slots=True)
class Expectation:
    """``expect IN: a b``: the labels the author expects, checked as a golden test."""

    label: Label
    ids: tuple[str, ...]
    span: Span
    id_spans: tuple[Span, ...] = ()


def _frozen(mapping: Mapping[str, object] | None) -> Mapping[str, object]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True, slots=True)
class ArgumentMap:
    """A whole map. Mappings are keyed by id and keep source order."""

    path: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    description: str | None = None
    sources: Mapping[str, Source] = field(default_factory=dict)
    groups: Mapping[str, Group] = field(default_factory=dict)
    statements: Mapping[str, Statement] = field(default_factory=dict)
    reasons: Mapping[str, Reason] = field(default_factory=dict)
    objections: Mapping[str, Objection] = field(default_factory=dict)
    suppressions: tuple[Suppression, ...] = ()
    expectations: tuple[Expectation, ...] = ()

    def __post_init__(self) -> None:
        for name in ("sources", "groups", "statements", "reasons", "objections"):
            object.__setattr__(self, name, _frozen(getattr(self, name)))

    def inference(self, id: str) -> Reason | Objection | None:
        """The reason or objection with this id, if any."""
        return self.reasons.get(id) or self.objections.get(id)

    @property
    def theses(self) -> tuple[Statement, ...]:
        """Declared theses; without any, every non-basis statement that is no premise."""
        declared = tuple(s for s in self.statements.values() if s.kind is StatementKind.THESIS)
        if declared:
            return declared
        used = {
            p for inf in (*self.reasons.values(), *self.objections.values()) for p in inf.premises
        }
        return tuple(s for s in self.statements.values() if not s.is_basis and s.id not in used)
