"""The map model: immutable, typed objects for everything a .arg file declares.

Every element carries the :class:`Place` it is written at within its top-level item, and the
map knows how many lines are above each item (:meth:`ArgumentMap.span` gives the place in the
file): an item that moves in the file keeps its elements as they are. Ids share one namespace
(statements, reasons, objections, sources and groups), as references are written by id alone.
Anonymous reasons and objections, premises written without an id and groups without an id get
a synthetic id: the kind, ``#`` and a number (``reason#3``, ``claim#1``), counted from 1 for
each kind in the order they are written, which no user id can contain; ``named`` is False.
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
    "Place",
    "Quote",
    "Reason",
    "Source",
    "Span",
    "Statement",
    "StatementKind",
    "Suppression",
    "made_up",
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


@dataclass(frozen=True, slots=True, order=True)
class Place:
    """Where an element is written within its top-level item: lines counted from the item's
    first line (1-based), columns as in the file (1-based), end exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int

    def in_file(self, file: str, offset: int) -> Span:
        """Where the place is in ``file``, its item having ``offset`` lines above it."""
        return Span(file, self.line + offset, self.column, self.end_line + offset, self.end_column)


def made_up(id: str) -> bool:
    """Whether an id is a synthetic one, given to an element written without an id."""
    return "#" in id


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
    place: Place
    title: str | None = None
    file: str | None = None
    url: str | None = None
    author: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """Verbatim words of a source that say a statement; ``source`` is a source id. Its place
    is in the statement's top-level item (:meth:`ArgumentMap.span_in`)."""

    source: str
    text: str
    place: Place


@dataclass(frozen=True, slots=True)
class Citation:
    """A reference to a source without verbatim words, with an optional locator (placed as
    a :class:`Quote` is)."""

    source: str
    locator: str | None
    place: Place


@dataclass(frozen=True, slots=True)
class Group:
    """A section of the map, drawn as a cluster; ``parent`` is the enclosing group's id."""

    id: str
    title: str
    place: Place
    parent: str | None = None


@dataclass(frozen=True, slots=True)
class Statement:
    """A thesis, claim, piece of evidence or assumption."""

    id: str
    kind: StatementKind
    text: str
    place: Place
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
    place: Place
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
    offsets: Mapping[str, int] = field(default_factory=dict)
    """For each statement, inference, source and group, the number of lines above the
    top-level item it is written in (an element not listed is placed from line 1)."""

    def __post_init__(self) -> None:
        for name in ("sources", "groups", "statements", "reasons", "objections", "offsets"):
            object.__setattr__(self, name, _frozen(getattr(self, name)))

    def span(self, element: Statement | Inference | Source | Group) -> Span:
        """Where an element is written in the file."""
        return self.span_in(element.id, element.place)

    def span_in(self, owner: str, place: Place) -> Span:
        """Where a place in the top-level item of element ``owner`` is in the file (for the
        quotes and citations of a statement, its id)."""
        return place.in_file(self.path, self.offsets.get(owner, 0))

    def span_of(self, id: str) -> Span:
        """Where the statement, reason or objection with this id is written (KeyError for
        an id that names none of them)."""
        element = self.statements.get(id) or self.inference(id)
        if element is None:
            raise KeyError(id)
        return self.span(element)

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
