"""From the parse tree to declarations: statements, inferences, sources, groups.

The tree shorthand is unfolded here: ``+ premise`` under a statement becomes a reason for it,
``- premise`` an objection to it, and ``& premise`` lines add linked co-premises. Ids are not
resolved yet (see :mod:`argmap.resolve`); duplicate ids are reported here (E103).

This walk runs once per tree node of every map, so it is written for speed: one pass over a
statement's lines, and tokens read through ``token.value`` (``str(token)`` copies the text).
The places where ids are referred to are kept as tokens: :mod:`argmap.resolve` makes spans of
the few that are wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

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

__all__ = ["Declarations", "IdUse", "build", "token_span"]

IdUse = tuple[str, Token, str]
"""An id written as a reference: the id, the token it is written at (for the target of a
``+``/``-`` line, its sign), and what it must name: ``premise``, ``source``, ``reason target``,
``objection target`` or ``statement or inference``."""


@dataclass(slots=True)
class Declarations:
    """Everything a file declares, in source order, before references are checked."""

    path: str = ""
    header: dict[str, str] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    reasons: dict[str, Reason] = field(default_factory=dict)
    objections: dict[str, Objection] = field(default_factory=dict)
    expectations: list[Expectation] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    uses: dict[str, list[IdUse]] = field(default_factory=dict)
    """For each statement, inference or expectation id (key), the ids it refers to."""
    quotes_without_source: list[Span] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


_Properties = tuple[
    str | None, tuple[str, ...], tuple[str, ...], tuple[Quote, ...], tuple[Citation, ...]
]
"""A statement's attribution, tags, notes, quotes and citations (the order of its fields)."""

_NO_PROPERTIES: _Properties = (None, (), (), (), ())

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
            builder.item(item, None)
        builder.suppressions(comments)
    return builder.out


def token_span(path: str, first: Token, last: Token | None = None) -> Span:
    """Where a token is written; with ``last``, from the start of ``first`` to its end."""
    if last is None:
        last = first
    return Span(
        path,
        first.line or 1,
        first.column or 1,
        last.end_line or last.line or 1,
        last.end_column or last.column or 1,
    )


class _Builder:
    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.lines = text.split("\n")
        self.out = Declarations(path)
        self.first: dict[str, tuple[str, Token]] = {}

    # -- positions and small helpers ----------------------------------------------------
    # The parser does not record the positions of trees (that would double its time), so
    # spans come from the tokens: a tree runs from its first token to its last.
    def span(self, node: Tree[Token] | Token) -> Span:
        if isinstance(node, Tree):
            return token_span(self.path, _first_token(node), _last_token(node))
        return token_span(self.path, node)

    def line_span(self, node: Tree[Token]) -> Span:
        """From the start of a one-line item (its keyword, which the tree leaves out) to its
        last token (its newline left out)."""
        first, last = _first_token(node), _last_token(node)
        number = first.line or 1
        line = self.lines[number - 1] if number <= len(self.lines) else ""
        column = len(line) - len(line.lstrip(" \t")) + 1
        end_line = last.end_line or last.line or 1
        return Span(self.path, number, column, end_line, last.end_column or last.column or 1)

    def text(self, token: Token) -> str:
        """What a text token stands for; a bad escape is an error (E101)."""
        value: str = token.value
        if "\\" not in value and not value.startswith('"""'):
            # Without escapes, a one-line text is what is between its quotes: what
            # decode_text gives, in a fifth of the time (nearly every text of a map is plain).
            return value[1:-1]
        try:
            return decode_text(value)
        except TextError as exc:
            span = self.span(token)
            if not value.startswith('"""'):
                column = span.column + exc.offset
                span = Span(self.path, span.line, column, span.line, column + 2)
            self.error("E101", "syntax-error", str(exc), span)
            return value

    def error(self, code: str, name: str, message: str, span: Span, **extra: object) -> None:
        self.out.diagnostics.append(
            Diagnostic(code, name, Severity.ERROR, message, span, **extra)  # type: ignore[arg-type]
        )

    def declare(self, id: str, what: str, token: Token) -> bool:
        """Register an id written at ``token``; report E103 and return False when it is
        taken. (Spans are made only for the error: most ids are declared once.)"""
        first = self.first
        if id in first:
            first_what, first_token = first[id]
            first_span = self.span(first_token)
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
        first[id] = (what, token)
        return True

    def use(self, owner: str, token: Token, expects: str) -> str:
        """Record the id written at ``token`` as a reference of ``owner``; return the id."""
        id: str = token.value
        self.out.uses.setdefault(owner, []).append((id, token, expects))
        return id

    # -- top-level items ------------------------------------------------------------------
    def item(self, node: Tree[Token], group: str | None) -> None:
        _ITEMS[node.data](self, node, group)

    def item_header(self, node: Tree[Token], group: str | None) -> None:
        key, value = node.children
        assert isinstance(key, Token) and isinstance(value, Token)
        if key.value in self.out.header:
            self.error(
                "E103", "duplicate-id", f"the map's {key} is given twice", self.line_span(node)
            )
            return
        self.out.header[key.value] = self.text(value)

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
                if key.value in fields:
                    self.error(
                        "E103",
                        "duplicate-id",
                        f"the source's {key} is given twice",
                        self.line_span(child),
                        subject=id_token.value,
                    )
                fields[key.value] = self.text(value)
        span = self.span(id_token)
        id = id_token.value
        if self.declare(id, "source", id_token):
            self.out.sources[id] = Source(id, span, **fields)

    def item_group(self, node: Tree[Token], group: str | None) -> None:
        tokens = [c for c in node.children if isinstance(c, Token)]
        span = self.span(tokens[0])
        if tokens[0].type == "ID":
            id, title = tokens[0].value, self.text(tokens[1])
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
        self.statement(head, body, group)  # type: ignore[arg-type]

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
                Label(label_token.value.upper()),
                tuple(t.value for t in tokens),
                span,
                tuple(self.span(t) for t in tokens),
            )
        )

    # -- statements and the tree shorthand -------------------------------------------------
    # statement -> branch -> statement (of a premise) -> …: the recursion follows the
    # outline's indentation, which the parser limits to syntax.MAX_DEPTH levels.
    def statement(
        self, head: Tree[Token], body: list[Tree[Token]], group: str | None
    ) -> tuple[str, Token]:
        """Declare the statement of ``head`` with its ``body`` lines, then its branches; return
        its id and the token the id is written at."""
        children = head.children
        if len(children) == 3:  # kind, id, text
            first, id_token, text_token = children
            kind = _KINDS[first.value]  # type: ignore[union-attr]
        else:
            id_token, text_token = children
            first, kind = id_token, StatementKind.CLAIM
        assert isinstance(id_token, Token) and isinstance(text_token, Token)
        id: str = id_token.value
        span = token_span(self.path, first, text_token)  # type: ignore[arg-type]
        branches: list[Tree[Token]] = []
        properties = self.properties(id, body, branches, declared=True) if body else None
        if self.declare(id, "statement", id_token):
            attribution, tags, notes, quotes, citations = properties or _NO_PROPERTIES
            text = self.text(text_token)
            self.out.statements[id] = Statement(
                id, kind, text, span, attribution, tags, notes, quotes, citations, group
            )
        for branch in branches:
            self.branch(id, branch, group)
        return id, id_token

    def properties(
        self, id: str, body: list[Tree[Token]], branches: list[Tree[Token]], declared: bool
    ) -> _Properties | None:
        """Read a statement's indented lines other than its ``+``/``-`` branches, which go
        to ``branches``. Under a premise written by id alone (not ``declared`` there), such
        lines are errors (E104). None when there are no such lines."""
        quotes: list[Quote] = []
        citations: list[Citation] = []
        tags: list[str] = []
        notes: list[str] = []
        attribution: str | None = None
        found = False
        for line in body:
            data = line.data
            if data == "branch":
                branches.append(line)
                continue
            if not declared:
                self.error(
                    "E104",
                    "invalid-target",
                    f'a {data} line can only follow the line that defines "{id}"',
                    self.line_span(line),
                    hint=f'move it under the definition of "{id}"',
                )
                continue
            found = True
            tokens: list[Token] = line.children  # type: ignore[assignment]
            if data == "quote":
                source = self.use(id, tokens[0], "source") if len(tokens) == 2 else None
                quote_span = self.line_span(line)
                if source is None:
                    self.out.quotes_without_source.append(quote_span)
                    source = ""
                quotes.append(Quote(source, self.text(tokens[-1]), quote_span))
            elif data == "cite":
                source = self.use(id, tokens[0], "source")
                locator = self.text(tokens[1]) if len(tokens) == 2 else None
                citations.append(Citation(source, locator, self.line_span(line)))
            elif data == "attribution":
                if attribution is not None:
                    self.error(
                        "E103",
                        "duplicate-id",
                        f'"{id}" is attributed twice',
                        self.line_span(line),
                        subject=id,
                    )
                token = tokens[0]
                attribution = self.text(token) if token.type != "ID" else token.value
            elif data == "tags":
                tags.extend(t.value for t in tokens)
            elif data == "note":
                notes.append(self.text(tokens[0]))
        if not found:
            return None
        return attribution, tuple(tags), tuple(notes), tuple(quotes), tuple(citations)

    def branch(self, target: str, node: Tree[Token], group: str | None) -> None:
        """A ``+``/``-`` line under ``target`` and its ``&`` lines: a reason or objection whose
        premises are declared (or named) here."""
        children = node.children
        sign = children[0]
        assert isinstance(sign, Token)
        kind = "reason" if sign.value == "+" else "objection"
        second = children[1]
        assert isinstance(second, Tree)
        head: list[Token] = []
        premises = children[1:]
        if second.data == "inference_head":
            head, premises = second.children, children[2:]  # type: ignore[assignment]
        first = premises[0].children[0]  # type: ignore[union-attr]
        span = token_span(self.path, sign, _last_token(first))
        owner = self.inference_id(head, kind, span)
        uses = self.out.uses
        ids: list[str] = []
        for premise in premises:
            first, *body = premise.children  # type: ignore[union-attr]
            if isinstance(first, Tree):
                id, token = self.statement(first, body, group)  # type: ignore[arg-type]
            else:
                assert isinstance(first, Token)
                id, token = first.value, first
                if body:
                    branches: list[Tree[Token]] = []
                    self.properties(id, body, branches, declared=False)  # type: ignore[arg-type]
                    for branch in branches:
                        self.branch(id, branch, group)
            uses.setdefault(owner, []).append((id, token, "premise"))
            ids.append(id)
        # The target is the statement above: a wrong one is shown at the sign.
        uses.setdefault(owner, []).append((target, sign, f"{kind} target"))
        self.inference(owner, kind, head, ids, target, span, group)

    def inference_id(self, head: list[Token], kind: str, span: Span) -> str:
        """The id written in an inference's head, or a made-up one (with ``@``) when there
        is none or it is taken."""
        if head and head[0].type == "ID" and self.declare(head[0].value, kind, head[0]):
            return head[0].value  # type: ignore[no-any-return]
        return f"{kind}@{span.line}:{span.column}"

    def flat_inference(self, node: Tree[Token], group: str | None, kind: str) -> None:
        span = self.line_span(node)
        children = node.children
        at = next(i for i, c in enumerate(children) if isinstance(c, Tree))
        head: list[Token] = children[:at]  # type: ignore[assignment]
        premises: list[Token] = children[at].children  # type: ignore[union-attr,assignment]
        target = children[-1]
        assert isinstance(target, Token)
        owner = self.inference_id(head, kind, span)
        ids = [self.use(owner, t, "premise") for t in premises]
        self.use(owner, target, f"{kind} target")
        self.inference(owner, kind, head, ids, target.value, span, group)

    def inference(
        self,
        id: str,
        kind: str,
        head: list[Token],
        premises: list[str],
        target: str,
        span: Span,
        group: str | None,
    ) -> None:
        label = None
        conceded: list[Token] = []
        if head:
            label = next((self.text(t) for t in head if t.type == "TEXT"), None)
            conceded = [t for t in head if t.type == "FLAG"]
        named = "@" not in id
        if len(premises) > 1 and len(set(premises)) < len(premises):
            seen: set[str] = set()
            for premise in premises:
                if premise in seen:
                    message = f'"{premise}" is listed twice as a premise'
                    self.error("E104", "invalid-target", message, span)
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


_ITEMS: dict[str, Callable[[_Builder, Tree[Token], str | None], None]] = {
    "header": _Builder.item_header,
    "source": _Builder.item_source,
    "group": _Builder.item_group,
    "statement": _Builder.item_statement,
    "reason": _Builder.item_reason,
    "objection": _Builder.item_objection,
    "expectation": _Builder.item_expectation,
}
"""The reader of each top-level item, by its rule in the grammar."""


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


def _next_content_line(lines: list[str], after: int) -> int:
    """The 1-based number of the first line after ``after`` that is not blank or a comment."""
    for number in range(after + 1, len(lines) + 1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return after
