"""The syntax tree of a map: one typed node per rule of the grammar, as written.

The parser (:mod:`argmap.syntax`) makes these nodes during the parse; :mod:`argmap.build`
reads them into the model, and the formatter prints them. Nodes keep the lark tokens they are
written with, so every id and text knows its line and column. A part that may be left out is
None when it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from lark import Token

__all__ = [
    "Attribution",
    "Body",
    "BodyLine",
    "Branch",
    "Citation",
    "Expectation",
    "FlatInference",
    "Group",
    "Header",
    "InferenceLabel",
    "Item",
    "Note",
    "Premise",
    "Quote",
    "Source",
    "SourceField",
    "Statement",
    "StatementHead",
    "Tags",
]


@dataclass(frozen=True, slots=True)
class Header:
    """``title "..."`` and the like: ``key`` is the keyword token."""

    key: Token
    text: Token


@dataclass(frozen=True, slots=True)
class SourceField:
    """A ``file``, ``url``, ``title``, ``author`` or ``date`` line under a source."""

    key: Token
    text: Token


@dataclass(frozen=True, slots=True)
class Source:
    """``source ID "title"?`` and its field lines."""

    id: Token
    title: Token | None
    fields: tuple[SourceField, ...]


@dataclass(frozen=True, slots=True)
class Group:
    """``group ID? "title"`` and the items under it."""

    id: Token | None
    title: Token
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class StatementHead:
    """``KIND? ID: "text"``; ``kind`` is the keyword token, None for a plain claim. A premise's
    statement may go without an id (``"text"``, ``KIND: "text"``): ``id`` is None then."""

    kind: Token | None
    id: Token | None
    text: Token


@dataclass(frozen=True, slots=True)
class Quote:
    """``quote SOURCE? "words"``."""

    source: Token | None
    text: Token


@dataclass(frozen=True, slots=True)
class Citation:
    """``cite SOURCE "locator"?``."""

    source: Token
    locator: Token | None


@dataclass(frozen=True, slots=True)
class Attribution:
    """``by HOLDER``: an id or a text."""

    holder: Token


@dataclass(frozen=True, slots=True)
class Tags:
    """``tags a b c``."""

    tags: tuple[Token, ...]


@dataclass(frozen=True, slots=True)
class Note:
    """``note "..."``."""

    text: Token


@dataclass(frozen=True, slots=True)
class InferenceLabel:
    """What may name a reason or objection: ``ID? "label"? conceded?``."""

    id: Token | None
    label: Token | None
    flags: tuple[Token, ...]


@dataclass(frozen=True, slots=True)
class Premise:
    """One premise of a ``+``/``-``/``&`` line: a new statement or an id, with its lines."""

    head: StatementHead | Token
    body: Body


@dataclass(frozen=True, slots=True)
class Branch:
    """``+ premise`` or ``- premise`` under a statement, with its ``&`` co-premises."""

    sign: Token
    label: InferenceLabel | None
    premises: tuple[Premise, ...]


BodyLine = Quote | Citation | Attribution | Tags | Note | Branch
"""A line indented under a statement or premise."""

Body = tuple[BodyLine, ...]


@dataclass(frozen=True, slots=True)
class Statement:
    """A statement written at the top level or in a group, with its indented lines."""

    head: StatementHead
    body: Body


@dataclass(frozen=True, slots=True)
class FlatInference:
    """``reason ...: a & b -> t`` or ``objection ...: a -> t``; ``kind`` says which."""

    kind: str
    label: InferenceLabel
    premises: tuple[Token, ...]
    target: Token


@dataclass(frozen=True, slots=True)
class Expectation:
    """``expect LABEL: id id ...``."""

    label: Token
    ids: tuple[Token, ...]


Item = Header | Source | Group | Statement | FlatInference | Expectation
"""A top-level item of a map (or an item of a group)."""
