"""From the syntax tree to declarations: statements, inferences, sources, groups.

The tree shorthand is unfolded here: ``+ premise`` under a statement becomes a reason for it,
``- premise`` an objection to it, and ``& premise`` lines add linked co-premises. Ids are not
resolved yet (see :mod:`argmap.resolve`); duplicate ids are reported here (E103). The places
where ids are referred to are kept as tokens: :mod:`argmap.resolve` makes spans of the few
that are wrong. Elements are placed within their top-level item (:class:`~argmap.model.Place`)
and the line offset of each item is kept apart, so what a piece built is still right when the
piece moves.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, Union

from lark import Token

from argmap import syntax_tree as nodes
from argmap.diagnostics import Diagnostic, Related, Severity
from argmap.model import (
    Citation,
    Expectation,
    Group,
    Label,
    Objection,
    Place,
    Quote,
    Reason,
    Source,
    Span,
    Statement,
    StatementKind,
    Suppression,
    made_up,
)
from argmap.syntax import Comment, Piece
from argmap.text import TextError, a_or_an, decode_text

__all__ = ["MAX_TEXT", "BuildCache", "Declarations", "IdUse", "PieceUses", "build", "token_span"]

MAX_TEXT = 100_000
"""The most characters a text (a statement, a quote, a note…) may have."""

IdUse = tuple[str, Token, str]
"""An id written as a reference: the id, the token it is written at (for the target of a
``+``/``-`` line, its sign), and what it must name (``premise``, ``source``, ``reason target``,
``objection target`` or ``statement or inference``)."""

PieceUses = tuple[int, dict[str, list[IdUse]]]
"""The references written in one piece (:class:`~argmap.syntax.Piece`): its line offset, and
for each statement, inference or expectation id, the ids it refers to."""


@dataclass(slots=True)
class Declarations:
    """Everything a file declares, in source order, before references are checked."""

    path: str = ""
    header: dict[str, str] = field(default_factory=dict)
    header_spans: dict[str, Span] = field(default_factory=dict)
    """Where each header line is written."""
    sources: dict[str, Source] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    reasons: dict[str, Reason] = field(default_factory=dict)
    objections: dict[str, Objection] = field(default_factory=dict)
    expectations: list[Expectation] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    uses: list[PieceUses] = field(default_factory=list)
    offsets: dict[str, int] = field(default_factory=dict)
    """The line offset of the top-level item that declares each statement, inference, source
    and group."""
    anonymous: dict[str, int] = field(default_factory=dict)
    """For each kind, how many synthetic ids (``reason#3``) have been given so far."""
    quotes_without_source: list[Span] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


@dataclass(slots=True)
class _Properties:
    """A statement's lines other than its branches."""

    attribution: str | None = None
    attribution_span: Span | None = None
    tags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)


_DIRECTIVE = re.compile(r"#\s*argmap\s*:\s*(?P<word>\S*?)(?=\[|\s|$)(?P<rest>.*)")
_CODES = re.compile(r"\[(?P<codes>[^\]]*)\](?P<after>.*)")
_EXPLANATION = re.compile(r"\s*(?:(?:--|—|-|:)\s*.*)?")
_KINDS = {k.value: k for k in StatementKind}
_LINE_KINDS = {
    nodes.Quote: "quote",
    nodes.Citation: "cite",
    nodes.Attribution: "by",
    nodes.Tags: "tags",
    nodes.Note: "note",
}


_Counts = tuple[tuple[str, int], ...]
"""How many synthetic ids of each kind were given before a piece."""


class BuildCache:
    """What each piece of a text built to last time, by its file, its text and the number of
    synthetic ids given before it: keep one per document that is read again and again (as an
    editor's is), and only the pieces an edit touched are built again. A piece that moved is
    built again only when it holds something placed in the file rather than in its item (a
    header line, an ``expect`` line, an error). In a piece that is built again, what its
    larger ``+``/``-`` lines built is kept too (:class:`_Branches`)."""

    def __init__(self) -> None:
        self.fragments: dict[tuple[str, str, _Counts], _Fragment] = {}
        self.branches = _Branches()


@dataclass(frozen=True, slots=True)
class _Fragment:
    """The declarations of one piece built on its own, the ids it declares, the line offset
    it was built at, whether it may be used at another (see :class:`BuildCache`), and what
    its ``+``/``-`` lines built (for an edit in it, see :class:`_Branches`)."""

    out: Declarations
    declared: dict[str, tuple[str, Token, int]]
    offset: int
    movable: bool
    branches: dict[_BranchKey, _Built]


_BranchKey = tuple[int, str, str | None, int, _Counts]
"""A ``+``/``-`` line's node (by identity), its target, its group, the lines above its
top-level item in its piece, and the synthetic ids given before it."""


_KEPT_FROM = 8
"""The fewest elements a ``+``/``-`` line must build to be kept (a smaller one is cheaper to
build again than to keep)."""


class _Use(NamedTuple):
    """A reference written under a ``+``/``-`` line, and the id of what writes it."""

    owner: str
    use: IdUse


class _Taken(NamedTuple):
    """An id taken under a ``+``/``-`` line, and where (as :class:`_Builder` ``first`` has
    it)."""

    id: str
    first: tuple[str, Token, int]


_Step = Union[Statement, Reason, Objection, _Use, _Taken, "_Built"]
"""One thing building a ``+``/``-`` line did: an element added, a reference, an id taken, or a
kept ``+``/``-`` line under it."""


@dataclass(frozen=True, slots=True)
class _Built:
    """What building a ``+``/``-`` line and everything under it did, in order (each kept line
    under it as one step, so that what is kept grows with the map, not with its depth), the
    ids it took itself, the kept lines under it, how many elements it added in all, and the
    numbers of synthetic ids after it. ``node`` is kept so that its identity stays its own."""

    node: nodes.Branch
    steps: list[_Step]
    taken: tuple[str, ...]
    under: tuple[_Built, ...]
    size: int
    anonymous: dict[str, int]

    def free(self, first: dict[str, tuple[str, Token, int]]) -> bool:
        """Whether none of the ids it takes is in ``first`` (taken already)."""
        return first.keys().isdisjoint(self.taken) and all(b.free(first) for b in self.under)


@dataclass(slots=True)
class _Branches:
    """The ``+``/``-`` lines built in the last text (``last``) and in the one being built
    (``now``), so that a long item an edit touched is built again only along the branches
    the edit is in: the parser keeps the nodes of the parts of a long item it did not parse
    again (:mod:`argmap.long_items`)."""

    last: dict[_BranchKey, _Built] = field(default_factory=dict)
    now: dict[_BranchKey, _Built] = field(default_factory=dict)


def build(
    pieces: Sequence[Piece],
    comments: Sequence[Comment],
    text: str,
    path: str,
    cache: BuildCache | None = None,
) -> Declarations:
    """Collect the declarations of parsed pieces; with a ``cache``, reuse what the pieces
    that did not change or move built last time."""
    lines = text.split("\n")
    out = Declarations(path)
    declared: dict[str, tuple[str, Token, int]] = {}
    kept: dict[tuple[str, str, _Counts], _Fragment] = {}
    branches = cache.branches if cache is not None else None
    for piece in pieces:
        key = (path, piece.text, tuple(out.anonymous.items()))
        fragment = None
        if cache is not None:
            fragment = cache.fragments.get(key)
            if fragment is None or not (fragment.movable or fragment.offset == piece.line_offset):
                fragment = _alone(piece, path, lines, out.anonymous, branches)
        if (
            fragment is None
            or not declared.keys().isdisjoint(fragment.declared)
            or not out.header.keys().isdisjoint(fragment.out.header)
        ):
            # Without a cache, or when the piece reuses an id or a header of the pieces
            # before it: build it after them, into the same declarations.
            _Builder(path, lines, out, declared, branches).piece(piece)
            continue
        _merge(out, fragment.out, piece.line_offset - fragment.offset)
        declared.update(fragment.declared)
        kept[key] = fragment
        if branches is not None:
            branches.now.update(fragment.branches)
    _Builder(path, lines, out, declared).suppressions(comments)
    if cache is not None:
        cache.fragments = kept
        cache.branches = _Branches(cache.branches.now)
    return out


def _alone(
    piece: Piece,
    path: str,
    lines: list[str],
    anonymous: dict[str, int],
    branches: _Branches | None,
) -> _Fragment:
    """What a piece declares when built on its own, after the synthetic ids of
    ``anonymous``."""
    own = _Branches(branches.last) if branches is not None else None
    builder = _Builder(path, lines, Declarations(path, anonymous=dict(anonymous)), {}, own)
    builder.piece(piece)
    part = builder.out
    placed_in_file = (
        part.header_spans or part.expectations or part.quotes_without_source or part.diagnostics
    )
    built = own.now if own is not None else {}
    return _Fragment(part, builder.first, piece.line_offset, not placed_in_file, built)


def _merge(out: Declarations, part: Declarations, moved: int) -> None:
    """Add the declarations of a piece that shares no id with those before it, ``moved``
    lines down from where it was built."""
    out.header.update(part.header)
    out.header_spans.update(part.header_spans)
    out.sources.update(part.sources)
    out.groups.update(part.groups)
    out.statements.update(part.statements)
    out.reasons.update(part.reasons)
    out.objections.update(part.objections)
    out.expectations += part.expectations
    out.uses += ((offset + moved, uses) for offset, uses in part.uses)
    out.offsets.update({id: offset + moved for id, offset in part.offsets.items()})
    out.anonymous.update(part.anonymous)
    out.quotes_without_source += part.quotes_without_source
    out.diagnostics += part.diagnostics


def token_span(path: str, first: Token, last: Token | None = None, offset: int = 0) -> Span:
    """Where a token is written; with ``last``, from the start of ``first`` to its end.
    ``offset``: the line offset of the tokens' piece."""
    if last is None:
        last = first
    return Span(
        path,
        (first.line or 1) + offset,
        first.column or 1,
        (last.end_line or last.line or 1) + offset,
        last.end_column or last.column or 1,
    )


class _Builder:
    """Builds pieces into ``out``; ``first``: where each id taken so far is declared."""

    def __init__(
        self,
        path: str,
        lines: list[str],
        out: Declarations,
        first: dict[str, tuple[str, Token, int]],
        branches: _Branches | None = None,
    ) -> None:
        self.path = path
        self.lines = lines
        self.out = out
        self.offset = 0  # the line offset of the piece being read
        self.above = 0  # the lines above the top-level item being read, in its piece
        self.uses: dict[str, list[IdUse]] = {}  # the references written in that piece
        self.first = first
        self.branches = branches
        self.steps: list[_Step] | None = None  # what the +/- line being built did so far
        self.added = 0  # how many elements were added so far

    def piece(self, piece: Piece) -> None:
        """Declare the items of a piece."""
        self.offset = piece.line_offset
        self.uses = {}
        self.out.uses.append((self.offset, self.uses))
        for item in piece.items:
            self.above = (_first_token(item).line or 1) - 1
            self.item(item, None)

    # -- positions and small helpers ----------------------------------------------------
    def span(self, first: Token, last: Token | None = None) -> Span:
        """Where tokens are written in the file."""
        return token_span(self.path, first, last, self.offset)

    def place(self, first: Token, last: Token | None = None) -> Place:
        """Where tokens are written in their top-level item."""
        if last is None:
            last = first
        above = self.above
        return Place(
            (first.line or 1) - above,
            first.column or 1,
            (last.end_line or last.line or 1) - above,
            last.end_column or last.column or 1,
        )

    def at(self, place: Place) -> Span:
        """Where a place in the top-level item being read is in the file."""
        return place.in_file(self.path, self.offset + self.above)

    def line_place(self, first: Token, last: Token) -> Place:
        """From the start of a one-line item (its keyword, which the tree leaves out) to its
        last token."""
        number = (first.line or 1) + self.offset
        line = self.lines[number - 1] if number <= len(self.lines) else ""
        column = len(line) - len(line.lstrip(" \t")) + 1
        end_line = (last.end_line or last.line or 1) - self.above
        end_column = last.end_column or last.column or 1
        return Place((first.line or 1) - self.above, column, end_line, end_column)

    def line_span(self, first: Token, last: Token) -> Span:
        """Where a one-line item (see :meth:`line_place`) is written in the file."""
        return self.at(self.line_place(first, last))

    def anonymous(self, kind: str) -> str:
        """A synthetic id for an element of ``kind`` written without one (``reason#3``)."""
        number = self.out.anonymous.get(kind, 0) + 1
        self.out.anonymous[kind] = number
        return f"{kind}#{number}"

    def placed(self, id: str) -> None:
        """Record the line offset of the top-level item that declares ``id``."""
        self.out.offsets[id] = self.offset + self.above

    def text(self, token: Token) -> str:
        """What a text token stands for; a bad escape or a text too long is an error (E101)."""
        value: str = token.value
        if "\\" not in value and not value.startswith('"""'):
            text = value[1:-1]  # a one-line text without escapes is what its quotes hold
        else:
            try:
                text = decode_text(value)
            except TextError as exc:
                span = self.span(token)
                if not value.startswith('"""'):
                    column = span.column + exc.offset
                    span = Span(self.path, span.line, column, span.line, column + exc.length)
                self.error("E101", "syntax-error", str(exc), span)
                return value
        if len(text) > MAX_TEXT:
            self.error(
                "E101",
                "syntax-error",
                f"this text has {len(text):,} characters; a text may have at most {MAX_TEXT:,}",
                self.span(token),
                hint="quote a shorter passage, or split the statement in several",
            )
            return text[:MAX_TEXT]
        return text

    def error(
        self,
        code: str,
        name: str,
        message: str,
        span: Span,
        *,
        related: tuple[Related, ...] = (),
        hint: str | None = None,
        subject: str | None = None,
    ) -> None:
        self.out.diagnostics.append(
            Diagnostic(code, name, Severity.ERROR, message, span, related, hint, subject)
        )

    def declare(self, id: str, what: str, token: Token) -> bool:
        """Register an id written at ``token``; report E103 and return False when it is
        taken. (Spans are made only for the error: most ids are declared once.)"""
        first = self.first
        if id in first:
            first_what, first_token, first_above = first[id]
            item_offset = self.out.offsets.get(id, self.offset + self.above)
            first_span = token_span(self.path, first_token, offset=item_offset - first_above)
            self.error(
                "E103",
                "duplicate-id",
                f'"{id}" is already defined as {a_or_an(first_what)} {first_what} '
                f"(line {first_span.line})",
                self.span(token),
                related=(Related(first_span, f'"{id}" is first defined here'),),
                hint="give each statement, reason, objection, source and group its own id",
                subject=id,
            )
            return False
        first[id] = (what, token, self.above)
        if self.steps is not None:
            self.steps.append(_Taken(id, first[id]))
        return True

    def use(self, owner: str, token: Token, expects: str) -> str:
        """Record the id written at ``token`` as a reference of ``owner``; return the id."""
        id: str = token.value
        self.add_use(owner, (id, token, expects))
        return id

    def add_use(self, owner: str, use: IdUse) -> None:
        """Record a reference written by ``owner``."""
        self.uses.setdefault(owner, []).append(use)
        if self.steps is not None:
            self.steps.append(_Use(owner, use))

    def add(self, element: Statement | Reason | Objection) -> None:
        """Put an element in its table, placed in the top-level item being read."""
        self.put(element)
        self.added += 1
        if self.steps is not None:
            self.steps.append(element)

    def put(self, element: Statement | Reason | Objection) -> None:
        """Put an element in its table and note where its item is (see :meth:`add`)."""
        if isinstance(element, Statement):
            self.out.statements[element.id] = element
        elif isinstance(element, Reason):
            self.out.reasons[element.id] = element
        else:
            self.out.objections[element.id] = element
        self.placed(element.id)

    # -- top-level items ------------------------------------------------------------------
    def item(self, item: nodes.Item, group: str | None) -> None:
        match item:
            case nodes.Header():
                self.header(item)
            case nodes.Source():
                self.source(item)
            case nodes.Group():
                self.group(item, group)
            case nodes.Statement():
                self.statement(item.head, item.body, group)
            case nodes.FlatInference():
                self.flat_inference(item, group)
            case nodes.Expectation():
                self.expectation(item)

    def given_twice(
        self, already: str, first_here: str, span: Span, first: Span, subject: str | None = None
    ) -> None:
        """Report (E103) a header line, a source's field or an attribution given again at
        ``span`` (``already``: what is given again, said so), with a note at the ``first``."""
        self.error(
            "E103",
            "duplicate-id",
            f"{already} (line {first.line})",
            span,
            related=(Related(first, first_here),),
            subject=subject,
        )

    def header(self, item: nodes.Header) -> None:
        key = item.key.value
        span = self.line_span(item.key, item.text)
        if key in self.out.header:
            first = self.out.header_spans[key]
            self.given_twice(
                f"the map's {key} is already given", f"the {key} is first given here", span, first
            )
            return
        self.out.header[key] = self.text(item.text)
        self.out.header_spans[key] = span

    def source(self, item: nodes.Source) -> None:
        fields: dict[str, str] = {}
        spans: dict[str, Span] = {}
        if item.title is not None:
            fields["title"] = self.text(item.title)
            spans["title"] = self.span(item.title)
        for source_field in item.fields:
            key = source_field.key.value
            span = self.line_span(source_field.key, source_field.text)
            if key in fields:
                self.given_twice(
                    f"the source's {key} is already given",
                    f"the {key} is first given here",
                    span,
                    spans[key],
                    subject=item.id.value,
                )
            else:
                spans[key] = span
            fields[key] = self.text(source_field.text)
        id = item.id.value
        if self.declare(id, "source", item.id):
            self.out.sources[id] = Source(id, self.place(item.id), **fields)
            self.placed(id)

    def group(self, item: nodes.Group, parent: str | None) -> None:
        first = _first_token(item)
        if item.id is not None and self.declare(item.id.value, "group", item.id):
            id = item.id.value
        else:
            id = self.anonymous("group")
        self.out.groups[id] = Group(id, self.text(item.title), self.place(first), parent)
        self.placed(id)
        for child in item.items:
            self.item(child, id)

    def expectation(self, item: nodes.Expectation) -> None:
        span = self.line_span(item.label, item.ids[-1])
        owner = f"expect@{span.line}:{span.column}"
        for token in item.ids:
            self.use(owner, token, "statement or inference")
        self.out.expectations.append(
            Expectation(
                Label(item.label.value.upper()),
                tuple(t.value for t in item.ids),
                span,
                tuple(self.span(t) for t in item.ids),
            )
        )

    # -- statements and the tree shorthand -------------------------------------------------
    # statement -> branch -> statement (of a premise) -> …: the recursion follows the
    # outline's indentation, which the parser limits to syntax.MAX_DEPTH levels.
    def statement(
        self, head: nodes.StatementHead, body: nodes.Body, group: str | None
    ) -> tuple[str, Token]:
        """Declare the statement of ``head`` with its ``body`` lines, then its branches; return
        its id and the token the id is written at."""
        kind = StatementKind.CLAIM if head.kind is None else _KINDS[head.kind.value]
        first = head.kind or head.id or head.text
        # A statement without an id gets a made-up one (with #), as anonymous inferences do.
        id: str = self.anonymous(kind.value) if head.id is None else head.id.value
        properties = self.properties(id, body, declared=True)
        if head.id is None or self.declare(id, "statement", head.id):
            self.add(
                Statement(
                    id,
                    kind,
                    self.text(head.text),
                    self.place(first, head.text),
                    properties.attribution,
                    tuple(properties.tags),
                    tuple(properties.notes),
                    tuple(properties.quotes),
                    tuple(properties.citations),
                    group,
                    named=head.id is not None,
                )
            )
        for line in body:
            if isinstance(line, nodes.Branch):
                self.branch(id, line, group)
        return id, head.id or first

    def properties(self, id: str, body: nodes.Body, declared: bool) -> _Properties:
        """Read a statement's indented lines other than its ``+``/``-`` branches. Under a
        premise written by id alone (not ``declared`` there), such lines are errors (E104)."""
        found = _Properties()
        for line in body:
            if isinstance(line, nodes.Branch):
                continue
            first, last = _line_tokens(line)
            if not declared:
                self.error(
                    "E104",
                    "invalid-target",
                    f"a {_LINE_KINDS[type(line)]} line can only follow the line that "
                    f'defines "{id}"',
                    self.line_span(first, last),
                    hint=f'move it under the definition of "{id}"',
                )
                continue
            match line:
                case nodes.Quote(source=None):
                    place = self.line_place(first, last)
                    self.out.quotes_without_source.append(self.at(place))
                    found.quotes.append(Quote("", self.text(line.text), place))
                case nodes.Quote(source=Token() as source):
                    source_id = self.use(id, source, "source")
                    place = self.line_place(first, last)
                    found.quotes.append(Quote(source_id, self.text(line.text), place))
                case nodes.Citation():
                    source_id = self.use(id, line.source, "source")
                    locator = None if line.locator is None else self.text(line.locator)
                    found.citations.append(
                        Citation(source_id, locator, self.line_place(first, last))
                    )
                case nodes.Attribution():
                    span = self.line_span(first, last)
                    if found.attribution_span is not None:
                        self.given_twice(
                            f'"{id}" is already attributed',
                            f'"{id}" is first attributed here',
                            span,
                            found.attribution_span,
                            subject=id,
                        )
                    found.attribution_span = found.attribution_span or span
                    holder = line.holder
                    found.attribution = holder.value if holder.type == "ID" else self.text(holder)
                case nodes.Tags():
                    found.tags.extend(t.value for t in line.tags)
                case nodes.Note():
                    found.notes.append(self.text(line.text))
        return found

    def branch(self, target: str, node: nodes.Branch, group: str | None) -> None:
        """A ``+``/``-`` line under ``target`` and its ``&`` lines: a reason or objection whose
        premises are declared (or named) here. With a cache, what the same line built last
        time in the same place is added again, when it took no id taken since."""
        branches = self.branches
        if branches is None:
            self.build_branch(target, node, group)
            return
        around = self.steps
        key = (id(node), target, group, self.above, tuple(self.out.anonymous.items()))
        built = branches.last.get(key)
        if built is not None and built.node is node and built.free(self.first):
            self.replay(built)
        else:
            self.steps = []
            added = self.added
            errors = (len(self.out.diagnostics), len(self.out.quotes_without_source))
            self.build_branch(target, node, group)
            steps, self.steps = self.steps, around
            kept = errors == (len(self.out.diagnostics), len(self.out.quotes_without_source))
            # (Errors are placed in the file: a line that reported one is built again.)
            if not kept or self.added - added < _KEPT_FROM:
                if around is not None:
                    around += steps
                return
            taken = tuple(step.id for step in steps if isinstance(step, _Taken))
            under = tuple(step for step in steps if isinstance(step, _Built))
            built = _Built(node, steps, taken, under, self.added - added, dict(self.out.anonymous))
        if around is not None:
            around.append(built)
        branches.now[key] = built

    def replay(self, built: _Built) -> None:
        """Do again what building a ``+``/``-`` line did last time."""
        uses = self.uses
        for step in built.steps:
            if isinstance(step, _Use):
                uses.setdefault(step.owner, []).append(step.use)
            elif isinstance(step, _Taken):
                self.first[step.id] = step.first
            elif isinstance(step, _Built):
                self.replay(step)  # as deep as the outline, which the parser limits
            else:
                self.put(step)
        self.added += built.size
        self.out.anonymous.update(built.anonymous)

    def build_branch(self, target: str, node: nodes.Branch, group: str | None) -> None:
        """Build a ``+``/``-`` line (see :meth:`branch`)."""
        sign = node.sign
        kind = "reason" if sign.value == "+" else "objection"
        first = node.premises[0].head
        place = self.place(sign, first.text if isinstance(first, nodes.StatementHead) else first)
        owner = self.inference_id(node.label, kind)
        ids: list[str] = []
        for premise in node.premises:
            if isinstance(premise.head, nodes.StatementHead):
                id, token = self.statement(premise.head, premise.body, group)
            else:
                id, token = premise.head.value, premise.head
                self.properties(id, premise.body, declared=False)
                for line in premise.body:
                    if isinstance(line, nodes.Branch):
                        self.branch(id, line, group)
            self.add_use(owner, (id, token, "premise"))
            ids.append(id)
        # The target is the statement above: a wrong one is shown at the sign.
        self.add_use(owner, (target, sign, f"{kind} target"))
        self.inference(owner, kind, node.label, ids, target, place, group)

    def inference_id(self, label: nodes.InferenceLabel | None, kind: str) -> str:
        """The id written in an inference's label, or a made-up one (with ``#``) when there
        is none or it is taken."""
        if label is not None and label.id and self.declare(label.id.value, kind, label.id):
            return str(label.id.value)
        return self.anonymous(kind)

    def flat_inference(self, item: nodes.FlatInference, group: str | None) -> None:
        place = self.line_place(_first_token(item), item.target)
        owner = self.inference_id(item.label, item.kind)
        ids = [self.use(owner, t, "premise") for t in item.premises]
        self.use(owner, item.target, f"{item.kind} target")
        self.inference(owner, item.kind, item.label, ids, item.target.value, place, group)

    def inference(
        self,
        id: str,
        kind: str,
        label: nodes.InferenceLabel | None,
        premises: list[str],
        target: str,
        place: Place,
        group: str | None,
    ) -> None:
        text = None
        conceded: tuple[Token, ...] = ()
        if label is not None:
            text = None if label.label is None else self.text(label.label)
            conceded = label.flags
        named = not made_up(id)
        if len(set(premises)) < len(premises):
            seen: set[str] = set()
            for premise in premises:
                if premise in seen:
                    message = f'"{premise}" is listed twice as a premise'
                    self.error("E104", "invalid-target", message, self.at(place))
                seen.add(premise)
            premises = list(dict.fromkeys(premises))
        if kind == "reason":
            if conceded:
                self.error(
                    "E104",
                    "invalid-target",
                    "only an objection can be conceded, not a reason",
                    self.span(conceded[0]),
                )
            self.add(Reason(id, tuple(premises), target, place, named, text, group))
        else:
            self.add(
                Objection(id, tuple(premises), target, place, named, text, group, bool(conceded))
            )

    # -- suppression comments ---------------------------------------------------------------
    def suppressions(self, comments: Sequence[Comment]) -> None:
        """``# argmap: ignore[...]`` comments; a malformed one is an error, never "ignore all"."""
        for comment in comments:
            match = _DIRECTIVE.match(comment.text)
            if match is None:
                continue
            end = comment.column + len(comment.text)
            span = Span(self.path, comment.line, comment.column, comment.line, end)
            codes = _suppressed_codes(match.group("word"), match.group("rest"))
            if isinstance(codes, str):
                example = "write  # argmap: ignore[CODE or name, ...]"
                self.error("E101", "syntax-error", codes, span, hint=example)
                continue
            own = comment.own_line
            line = _next_content_line(self.lines, comment.line) if own else comment.line
            self.out.suppressions.append(Suppression(codes, line, span))


def _first_token(item: nodes.Item) -> Token:
    """A token on the first line of a top-level item."""
    match item:
        case nodes.Header():
            return item.key
        case nodes.Source():
            return item.id
        case nodes.Group():
            return item.id or item.title
        case nodes.Statement():
            return item.head.kind or item.head.id or item.head.text
        case nodes.FlatInference():
            label = item.label
            return label.id or label.label or next(iter(label.flags), item.premises[0])
        case nodes.Expectation():
            return item.label
    raise TypeError(f"not a top-level item: {item!r}")


def _line_tokens(line: nodes.BodyLine) -> tuple[Token, Token]:
    """The first and the last token of a one-line item under a statement."""
    match line:
        case nodes.Quote():
            return line.source or line.text, line.text
        case nodes.Citation():
            return line.source, line.locator or line.source
        case nodes.Attribution():
            return line.holder, line.holder
        case nodes.Tags():
            return line.tags[0], line.tags[-1]
        case nodes.Note():
            return line.text, line.text
    raise TypeError(f"not a one-line item: {line!r}")


def _suppressed_codes(word: str, rest: str) -> tuple[str, ...] | str:
    """The codes an ``argmap:`` comment silences (empty: all), or what is wrong with it."""
    if word != "ignore":
        shown = f'"{word}"' if word else "nothing"
        return f"this argmap comment says {shown}; the only instruction it knows is ignore"
    if not rest.startswith("["):
        if _EXPLANATION.fullmatch(rest):
            return ()
        return "the checks to ignore go in brackets, separated by commas"
    bracket = _CODES.fullmatch(rest)
    if bracket is None:
        return 'this suppression comment has no closing "]"'
    codes = tuple(c.strip() for c in bracket.group("codes").split(",") if c.strip())
    if not codes:
        return "this suppression comment names no check between the brackets"
    return codes


def _next_content_line(lines: list[str], after: int) -> int:
    """The 1-based number of the first line after ``after`` that is not blank or a comment."""
    for number in range(after + 1, len(lines) + 1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return after
