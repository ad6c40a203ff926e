"""From the parse tree to declarations: statements, inferences, sources, groups.

The tree shorthand is unfolded here: ``+ premise`` under a statement becomes a reason for it,
``- premise`` an objection to it, and ``& premise`` lines add linked co-premises. Ids are not
resolved yet (see :mod:`argmap.resolve`); duplicate ids are reported here (E103).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypedDict

from lark import Token, Tree

from argmap.diagnostics import Diagnostic, Related, Severity
from argmap.model import (
    Citation,
    Expectation,
    Group,
    Label,
    Objection,
    Quote,
    Reason,
    Source,
    Span,
    Statement,
    StatementKind,
    Suppression,
)
from argmap.syntax import Comment, paused_gc
from argmap.text import TextError, a_or_an, decode_text

__all__ = ["Declarations", "IdUse", "build"]


@dataclass(frozen=True, slots=True)
class IdUse:
    """An id written as a reference, with what it must name (``statement``, ``source``…)."""

    id: str
    span: Span
    expects: str


@dataclass(slots=True)
class Declarations:
    """Everything a file declares, in source order, before references are checked."""

    header: dict[str, str] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    reasons: dict[str, Reason] = field(default_factory=dict)
    objections: dict[str, Objection] = field(default_factory=dict)
    expectations: list[Expectation] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    uses: dict[str, list[IdUse]] = field(default_factory=dict)
    """For each inference or expectation id (key), the ids it refers to."""
    quotes_without_source: list[Span] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


class _Properties(TypedDict):
    quotes: tuple[Quote, ...]
    citations: tuple[Citation, ...]
    tags: tuple[str, ...]
    notes: tuple[str, ...]
    attribution: str | None


_DIRECTIVE = re.compile(r"#\s*argmap\s*:\s*(?P<word>\S*?)(?=\[|\s|$)(?P<rest>.*)")
_CODES = re.compile(r"\[(?P<codes>[^\]]*)\](?P<after>.*)")
_EXPLANATION = re.compile(r"\s*(?:(?:--|—|-|:)\s*.*)?")
_KINDS = {k.value: k for k in StatementKind}


def build(
    items: Sequence[Tree[Token]], comments: Sequence[Comment], text: str, path: str
) -> Declarations:
    """Collect the declarations of parsed top-level items."""
    builder = _Builder(path, text)
    with paused_gc():
        for item in items:
            builder.item(item, group=None)
        builder.suppressions(comments)
    return builder.out


class _Builder:
    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.lines = text.split("\n")
        self.out = Declarations()
        self.first: dict[str, tuple[str, Token]] = {}

    # -- positions and small helpers ----------------------------------------------------
    # The parser does not record the positions of trees (that would double its time), so
    # spans come from the tokens: a tree runs from its first token to its last.
    def span(self, node: Tree[Token] | Token) -> Span:
        if isinstance(node, Tree):
            return self.between(_first_token(node), _last_token(node))
        return self.between(node, node)

    def between(self, first: Token, last: Token) -> Span:
        """From the start of ``first`` to the end of ``last``."""
        return Span(
            self.path,
            first.line or 1,
            first.column or 1,
            last.end_line or last.line or 1,
            last.end_column or last.column or 1,
        )

    def line_span(self, node: Tree[Token]) -> Span:
        """From the start of a one-line item (its keyword, which the tree leaves out) to its
        last token (its newline left out)."""
        span = self.span(node)
        line = self.lines[span.line - 1] if span.line <= len(self.lines) else ""
        column = len(line) - len(line.lstrip(" \t")) + 1
        return Span(self.path, span.line, column, span.end_line, span.end_column)

    def text(self, token: Token) -> str:
        try:
            return decode_text(str(token))
        except TextError as exc:
            span = self.span(token)
            if not token.startswith('"""'):
                column = span.column + exc.offset
                span = Span(self.path, span.line, column, span.line, column + 2)
            self.error("E101", "syntax-error", str(exc), span)
            return str(token)

    def error(self, code: str, name: str, message: str, span: Span, **extra: object) -> None:
        self.out.diagnostics.append(
            Diagnostic(code, name, Severity.ERROR, message, span, **extra)  # type: ignore[arg-type]
        )

    def declare(self, id: str, what: str, token: Token) -> bool:
        """Register an id written at ``token``; report E103 and return False when it is
        taken. (Spans are made only for the error: most ids are declared once.)"""
        if id in self.first:
            first_what, first_token = self.first[id]
            first_span = self.span(first_token)
            self.error(
                "E103",
                "duplicate-id",
                f'"{id}" is already defined as {a_or_an(first_what)} {first_what} '
                f"(line {first_span.line})",
                self.span(token),
                related=(Related(first_span, f'"{id}" is first defined here'),),
                hint="give each statement, reason, objection, source and group its own id",
            )
            return False
        self.first[id] = (what, token)
        return True

    def use(self, owner: str, token: Token, expects: str) -> str:
        self.out.uses.setdefault(owner, []).append(IdUse(str(token), self.span(token), expects))
        return str(token)

    # -- top-level items ------------------------------------------------------------------
    def item(self, node: Tree[Token], group: str | None) -> None:
        getattr(self, f"item_{node.data}")(node, group)

    def item_header(self, node: Tree[Token], group: str | None) -> None:
        key, value = node.children
        assert isinstance(key, Token) and isinstance(value, Token)
        if str(key) in self.out.header:
            self.error(
                "E103", "duplicate-id", f"the map's {key} is given twice", self.line_span(node)
            )
            return
        self.out.header[str(key)] = self.text(value)

    def item_source(self, node: Tree[Token], group: str | None) -> None:
        id_token, *rest = node.children
        assert isinstance(id_token, Token)
        fields: dict[str, str] = {}
        for child in rest:
            if isinstance(child, Token):
                fields["title"] = self.text(child)
            elif isinstance(child, Tree):
                key, value = child.children
                assert isinstance(key, Token) and isinstance(value, Token)
                if str(key) in fields:
                    self.error(
                        "E103",
                        "duplicate-id",
                        f"the source's {key} is given twice",
                        self.line_span(child),
                    )
                fields[str(key)] = self.text(value)
        span = self.span(id_token)
        if self.declare(str(id_token), "source", id_token):
            self.out.sources[str(id_token)] = Source(str(id_token), span, **fields)

    def item_group(self, node: Tree[Token], group: str | None) -> None:
        tokens = [c for c in node.children if isinstance(c, Token)]
        span = self.span(tokens[0])
        if tokens[0].type == "ID":
            id, title = str(tokens[0]), self.text(tokens[1])
            if not self.declare(id, "group", tokens[0]):
                id = f"group@{span.line}:{span.column}"
        else:
            id, title = f"group@{span.line}:{span.column}", self.text(tokens[0])
        self.out.groups[id] = Group(id, title, span, group)
        for child in node.children:
            if isinstance(child, Tree):
                self.item(child, id)

    def item_statement(self, node: Tree[Token], group: str | None) -> None:
        head, *body = node.children
        assert isinstance(head, Tree)
        self.statement(head, body, group)

    def item_reason(self, node: Tree[Token], group: str | None) -> None:
        self.flat_inference(node, group, "reason")

    def item_objection(self, node: Tree[Token], group: str | None) -> None:
        self.flat_inference(node, group, "objection")

    def item_expectation(self, node: Tree[Token], group: str | None) -> None:
        label_token, *ids = node.children
        assert isinstance(label_token, Token)
        span = self.line_span(node)
        owner = f"expect@{span.line}:{span.column}"
        tokens = [t for t in ids if isinstance(t, Token)]
        for token in tokens:
            self.use(owner, token, "statement or inference")
        self.out.expectations.append(
            Expectation(
                Label(str(label_token).upper()),
                tuple(str(t) for t in tokens),
                span,
                tuple(self.span(t) for t in tokens),
            )
        )

    # -- statements and the tree shorthand -------------------------------------------------
    def statement(
        self, head: Tree[Token], body: Sequence[Tree[Token] | Token], group: str | None
    ) -> str:
        kind = StatementKind.CLAIM
        tokens: list[Token] = []
        for child in head.children:
            if isinstance(child, Tree):  # kind
                kind = _KINDS[str(child.children[0])]
            else:
                tokens.append(child)
        id_token, text_token = tokens
        id, span = str(id_token), self.span(head)
        props = self.properties(id, body, declared=True)
        if self.declare(id, "statement", id_token):
            self.out.statements[id] = Statement(
                id, kind, self.text(text_token), span, group=group, **props
            )
        self.branches(id, body, group)
        return id

    def branches(self, id: str, body: Sequence[Tree[Token] | Token], group: str | None) -> None:
        """The ``+``/``-`` lines under a statement, after the statement itself (source order)."""
        for line in body:
            if isinstance(line, Tree) and line.data == "branch":
                self.branch(id, line, group)

    def properties(
        self, id: str, body: Sequence[Tree[Token] | Token], declared: bool
    ) -> _Properties:
        """Read a statement's indented lines other than its ``+``/``-`` branches."""
        quotes: list[Quote] = []
        citations: list[Citation] = []
        tags: list[str] = []
        notes: list[str] = []
        attribution: str | None = None
        for line in body:
            if not isinstance(line, Tree):
                continue
            if line.data == "branch":
                continue
            if not declared:
                self.error(
                    "E104",
                    "invalid-target",
                    f'a {line.data} line can only follow the line that defines "{id}"',
                    self.line_span(line),
                    hint=f'move it under the definition of "{id}"',
                )
                continue
            tokens = [t for t in line.children if isinstance(t, Token)]
            if line.data == "quote":
                source = self.use(id, tokens[0], "source") if len(tokens) == 2 else None
                quote_span = self.line_span(line)
                if source is None:
                    self.out.quotes_without_source.append(quote_span)
                    source = ""
                quotes.append(Quote(source, self.text(tokens[-1]), quote_span))
            elif line.data == "cite":
                source = self.use(id, tokens[0], "source")
                locator = self.text(tokens[1]) if len(tokens) == 2 else None
                citations.append(Citation(source, locator, self.line_span(line)))
            elif line.data == "attribution":
                if attribution is not None:
                    self.error(
                        "E103", "duplicate-id", f'"{id}" is attributed twice', self.line_span(line)
                    )
                token = tokens[0]
                attribution = self.text(token) if token.type != "ID" else str(token)
            elif line.data == "tags":
                tags.extend(str(t) for t in tokens)
            elif line.data == "note":
                notes.append(self.text(tokens[0]))
        return {
            "quotes": tuple(quotes),
            "citations": tuple(citations),
            "tags": tuple(tags),
            "notes": tuple(notes),
            "attribution": attribution,
        }

    def branch(self, target: str, node: Tree[Token], group: str | None) -> None:
        sign, *rest = node.children
        assert isinstance(sign, Token)
        kind = "reason" if sign == "+" else "objection"
        head = rest[0] if isinstance(rest[0], Tree) and rest[0].data == "inference_head" else None
        premises = [p for p in rest if isinstance(p, Tree) and p.data == "premise"]
        ids: list[str] = []
        span = self.between(sign, _last_token(premises[0].children[0]))
        owner = self.inference_id(head, kind, span)
        for premise in premises:
            ids.append(self.premise(owner, premise, group))
        target_span = Span(self.path, span.line, span.column, span.line, span.column + 1)
        self.out.uses.setdefault(owner, []).append(IdUse(target, target_span, "target"))
        self.inference(owner, kind, head, ids, target, span, group)

    def premise(self, owner: str, node: Tree[Token], group: str | None) -> str:
        first, *body = node.children
        if isinstance(first, Tree):
            id = self.statement(first, body, group)
            token = next(c for c in first.children if isinstance(c, Token))
        else:
            assert isinstance(first, Token)
            id, token = str(first), first
            self.properties(id, body, declared=False)
            self.branches(id, body, group)
        self.use(owner, token, "premise")
        return id

    def inference_id(self, head: Tree[Token] | None, kind: str, span: Span) -> str:
        anonymous = f"{kind}@{span.line}:{span.column}"
        if head is None:
            return anonymous
        ids = [t for t in head.children if isinstance(t, Token) and t.type == "ID"]
        if ids and self.declare(str(ids[0]), kind, ids[0]):
            return str(ids[0])
        return anonymous

    def flat_inference(self, node: Tree[Token], group: str | None, kind: str) -> None:
        span = self.line_span(node)
        head_tokens = [c for c in node.children if isinstance(c, Token)]
        premises_tree = next(c for c in node.children if isinstance(c, Tree))
        target = head_tokens[-1]
        head_children: list[Token | Tree[Token]] = list(head_tokens[:-1])
        head = Tree("inference_head", head_children)
        owner = self.inference_id(head, kind, span)
        ids = [
            self.use(owner, t, "premise") for t in premises_tree.children if isinstance(t, Token)
        ]
        self.use(owner, target, "target")
        self.inference(owner, kind, head, ids, str(target), span, group)

    def inference(
        self,
        id: str,
        kind: str,
        head: Tree[Token] | None,
        premises: list[str],
        target: str,
        span: Span,
        group: str | None,
    ) -> None:
        tokens = [t for t in head.children if isinstance(t, Token)] if head is not None else []
        label = next((self.text(t) for t in tokens if t.type in ("STRING", "LONG_STRING")), None)
        conceded = [t for t in tokens if t.type == "FLAG"]
        named = "@" not in id
        for duplicate in _repeated(premises):
            self.error(
                "E104", "invalid-target", f'"{duplicate}" is listed twice as a premise', span
            )
        premises = list(dict.fromkeys(premises))
        if kind == "reason":
            if conceded:
                self.error(
                    "E104",
                    "invalid-target",
                    "only an objection can be conceded, not a reason",
                    self.span(conceded[0]),
                )
            self.out.reasons[id] = Reason(id, tuple(premises), target, span, named, label, group)
        else:
            self.out.objections[id] = Objection(
                id, tuple(premises), target, span, named, label, group, bool(conceded)
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


def _first_token(tree: Tree[Token] | Token) -> Token:
    node = tree
    while isinstance(node, Tree):
        node = node.children[0]
    return node


def _last_token(tree: Tree[Token] | Token) -> Token:
    node = tree
    while isinstance(node, Tree):
        node = node.children[-1]
    return node


def _repeated(items: list[str]) -> Iterator[str]:
    seen: set[str] = set()
    for item in items:
        if item in seen:
            yield item
        seen.add(item)


def _next_content_line(lines: list[str], after: int) -> int:
    """The 1-based number of the first line after ``after`` that is not blank or a comment."""
    for number in range(after + 1, len(lines) + 1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return after
