"""The canonical layout of a map: ``argmap fmt`` as a pure function from text to text.

The map is parsed, its syntax tree printed line by line in one layout (grammar/README.md,
"Canonical layout"), and its comments put back: a comment on a line of its own goes right
before the line that followed it (so a suppression on its own line still applies to the next
line with content), a comment at the end of a line stays at the end of that line. Nothing
that changes meaning is ever moved: only attribute lines (``by``, ``tags``, ``quote``, ``cite``,
``note``) are put in one order under their statement, each kind keeping its own order.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from lark import Token

from argmap import syntax_tree as nodes
from argmap.build import build
from argmap.diagnostics import Diagnostic
from argmap.reader import normalized_text
from argmap.syntax import Comment, MapParser, default_parser
from argmap.text import TextError, decode_text, encode_long_text, encode_text

__all__ = ["INDENT", "WIDTH", "Formatted", "format_text"]

WIDTH = 100
"""A line longer than this has its text wrapped in triple quotes, where folding keeps it."""

INDENT = "  "
"""One level of indentation. A premise's own lines go two levels under its ``+``/``-``/``&``."""

_ATTRIBUTE_ORDER = {
    nodes.Attribution: 0,
    nodes.Tags: 1,
    nodes.Quote: 2,
    nodes.Citation: 3,
    nodes.Note: 4,
}


@dataclass(frozen=True, slots=True)
class Formatted:
    """The map in its canonical layout, or (``text`` empty) the errors that prevent it."""

    text: str
    diagnostics: tuple[Diagnostic, ...] = ()


def format_text(text: str, path: str = "<text>", parser: MapParser | None = None) -> Formatted:
    """``text`` in the canonical layout; ``path`` names the map in error messages. A text
    with syntax errors (E101) is not formatted: its errors are returned instead."""
    text = normalized_text(text)
    parsed = (parser or default_parser()).parse(text, path)
    if parsed.diagnostics:
        return Formatted("", parsed.diagnostics)
    try:
        printer = _Printer({c.line for c in parsed.comments if not c.own_line})
        placed = [(item, p.line_offset) for p in parsed.pieces for item in p.items]
        printer.items([item for item, _ in placed], "", [offset for _, offset in placed])
    except TextError:  # a bad escape: the builder says where, in its usual words
        errors = build(parsed.pieces, parsed.comments, text, path).diagnostics
        return Formatted("", tuple(d for d in errors if d.code == "E101"))
    return Formatted(_Layout(text, parsed.comments).lines(printer.out))


@dataclass(slots=True)
class _Line:
    """One line of content to print (a wrapped text makes it several): its indentation, its
    words, and the lines it was written on."""

    indent: str
    content: str
    first: int
    last: int
    block_start: bool = False
    """The first line of an indented block (or of the file): no blank line before it."""
    separate: bool = False
    """The first line of an item that needs a blank line before it."""


def _text(token: Token) -> str:
    value: str = token.value
    if "\\" not in value and not value.startswith('"""'):
        return value[1:-1]
    return decode_text(value)


def _token(token: Token) -> str:
    return encode_text(_text(token))


@dataclass(slots=True)
class _Printer:
    """The syntax tree as :class:`_Line` objects, in output order. ``trailing``: the lines
    that end with a comment (their text is never wrapped, so the comment stays on the line
    it was on, the first line of what it comments)."""

    trailing: set[int]
    out: list[_Line] = field(default_factory=list)
    offset: int = 0
    """The line offset of the top-level item being printed (:class:`~argmap.syntax.Piece`)."""

    def line(self, indent: str, head: str, text: Token | None, first: Token, last: Token) -> None:
        """A line: ``head``, then ``text`` (wrapped when too long) if there is one."""
        end = (last.end_line or last.line or 1) + self.offset
        if text is not None:
            head = _with_text(indent, head, _text(text), wrap=end not in self.trailing)
        self.out.append(_Line(indent, head, (first.line or 1) + self.offset, end))

    # -- items, at the top level or in a group ----------------------------------------------
    def items(self, items: Sequence[nodes.Item], indent: str, offsets: Sequence[int] = ()) -> None:
        """Items at one level; ``offsets``: their line offsets, for the top-level items."""
        several = False
        for index, item in enumerate(items):
            if offsets:
                self.offset = offsets[index]
            start = len(self.out)
            self.item(item, indent)
            first = self.out[start]
            many = len(self.out) - start > 1 or "\n" in first.content
            first.block_start = index == 0
            first.separate = index > 0 and (many or several)
            several = many

    def item(self, item: nodes.Item, indent: str) -> None:
        match item:
            case nodes.Header():
                self.line(indent, f"{item.key} ", item.text, item.key, item.text)
            case nodes.Source():
                head = f"source {item.id}"
                if item.title is not None:
                    head += f" {_token(item.title)}"
                self.line(indent, head, None, item.id, item.title or item.id)
                inner = indent + INDENT
                for index, source_field in enumerate(item.fields):
                    key, text = source_field.key, source_field.text
                    self.line(inner, f"{key} {_token(text)}", None, key, text)
                    self.out[-1].block_start = index == 0
            case nodes.Group():
                head = "group " + (f"{item.id} " if item.id is not None else "")
                title = item.title
                self.line(indent, head + _token(title), None, item.id or title, title)
                self.items(item.items, indent + INDENT)
            case nodes.Statement():
                self.statement(item.head, item.body, indent, "", None)
            case nodes.FlatInference():
                label = item.label
                words = [item.kind, *_label_words(label)]
                premises = " & ".join(t.value for t in item.premises)
                head = f"{' '.join(words)}: {premises} -> {item.target}"
                first = label.id or label.label or next(iter(label.flags), item.premises[0])
                self.line(indent, head, None, first, item.target)
            case nodes.Expectation():
                ids = " ".join(t.value for t in item.ids)
                head = f"expect {item.label.value.upper()}: {ids}"
                self.line(indent, head, None, item.label, item.ids[-1])

    # -- statements and their lines ---------------------------------------------------------
    def statement(
        self,
        head: nodes.StatementHead,
        body: nodes.Body,
        indent: str,
        lead: str,
        premise_at: Token | None,
    ) -> None:
        """A statement's line and its body. A premise's line starts with ``lead`` (its sign or
        ``&``, and a label) at the token ``premise_at``, and its body goes two levels deeper."""
        words = [t.value for t in (head.kind, head.id) if t is not None]
        prefix = lead + (" ".join(words) + ": " if words else "")
        first = premise_at or head.kind or head.id or head.text
        self.line(indent, prefix, head.text, first, head.text)
        self.body(body, indent + (2 * INDENT if premise_at is not None else INDENT))

    def body(self, body: nodes.Body, indent: str) -> None:
        attributes = sorted(
            (line for line in body if not isinstance(line, nodes.Branch)),
            key=lambda line: _ATTRIBUTE_ORDER[type(line)],
        )
        start = len(self.out)
        for attribute in attributes:
            self.attribute(attribute, indent)
        for line in body:
            if isinstance(line, nodes.Branch):
                self.branch(line, indent)
        if len(self.out) > start:
            self.out[start].block_start = True

    def attribute(self, line: nodes.BodyLine, indent: str) -> None:
        match line:
            case nodes.Quote():
                head = "quote " + (f"{line.source} " if line.source is not None else "")
                self.line(indent, head, line.text, line.source or line.text, line.text)
            case nodes.Citation():
                head = f"cite {line.source}"
                if line.locator is not None:
                    head += f" {_token(line.locator)}"
                self.line(indent, head, None, line.source, line.locator or line.source)
            case nodes.Attribution():
                holder = line.holder
                shown = holder.value if holder.type == "ID" else _token(holder)
                self.line(indent, f"by {shown}", None, holder, holder)
            case nodes.Tags():
                tags = " ".join(t.value for t in line.tags)
                self.line(indent, f"tags {tags}", None, line.tags[0], line.tags[-1])
            case nodes.Note():
                self.line(indent, "note ", line.text, line.text, line.text)

    def branch(self, branch: nodes.Branch, indent: str) -> None:
        label = [] if branch.label is None else _label_words(branch.label)
        lead = f"{branch.sign} " + (f"[{' '.join(label)}] " if label else "")
        for index, premise in enumerate(branch.premises):
            lead = lead if index == 0 else "& "
            head = premise.head
            if isinstance(head, nodes.StatementHead):
                at = branch.sign if index == 0 else head.kind or head.id or head.text
                self.statement(head, premise.body, indent, lead, at)
            else:
                self.line(
                    indent, lead + head.value, None, branch.sign if index == 0 else head, head
                )
                self.body(premise.body, indent + 2 * INDENT)


def _label_words(label: nodes.InferenceLabel) -> list[str]:
    """``ID "label" conceded``, the parts that are there."""
    words = [] if label.id is None else [label.id.value]
    if label.label is not None:
        words.append(_token(label.label))
    return words + [flag.value for flag in label.flags]


class _Layout:
    """Printed lines with the comments put back and the blank lines the layout wants."""

    def __init__(self, text: str, comments: Sequence[Comment]) -> None:
        self.source = text.split("\n")
        self.comments = comments

    def blank_before(self, line: int) -> bool:
        """Whether the author left a blank line right before source line ``line``."""
        return line >= 2 and not self.source[line - 2].strip()

    def lines(self, printed: list[_Line]) -> str:
        firsts = sorted(line.first for line in printed)
        leading: dict[int, list[Comment]] = {}
        trailing: dict[int, Comment] = {}
        tail: list[Comment] = []
        for comment in self.comments:
            if comment.own_line:
                at = bisect_right(firsts, comment.line)
                if at < len(firsts):
                    leading.setdefault(firsts[at], []).append(comment)
                else:
                    tail.append(comment)
            else:
                trailing[firsts[bisect_right(firsts, comment.line) - 1]] = comment
        out: list[str] = []
        for line in printed:
            first = True
            for comment in leading.get(line.first, ()):
                self.emit(out, line, first, comment.line, line.indent + comment.text.rstrip())
                first = False
            end = trailing.get(line.first)
            content = line.indent + line.content
            if end is not None:
                content += "  " + end.text.rstrip()
            self.emit(out, line, first, line.first, content)
        for comment in tail:
            blank = bool(out) and self.blank_before(comment.line)
            out.extend(("", comment.text.rstrip()) if blank else (comment.text.rstrip(),))
        return "\n".join(out) + "\n"

    def emit(self, out: list[str], line: _Line, first: bool, source_line: int, text: str) -> None:
        if first and (line.block_start or line.separate):
            blank = line.separate
        else:
            blank = self.blank_before(source_line)
        if blank and out:
            out.append("")
        out.append(text)


def _with_text(indent: str, head: str, text: str, wrap: bool) -> str:
    """``head`` and ``text``, the text wrapped in triple quotes when too long (and ``wrap``)."""
    one_line = None
    # Escapes only lengthen a text: one too long unescaped cannot fit escaped.
    if len(indent) + len(head) + len(text) + 2 <= WIDTH:
        one_line = head + encode_text(text)
        if len(indent) + len(one_line) <= WIDTH:
            return one_line
    long = encode_long_text(text, indent + INDENT, WIDTH) if wrap else None
    if long is not None:
        return head + long
    return one_line or head + encode_text(text)
