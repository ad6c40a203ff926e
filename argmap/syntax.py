"""From text to a lark parse tree, with syntax errors in plain words (E101).

The grammar in ``grammar/argmap.lark`` is loaded once and parsed with lark's LALR parser and
contextual lexer. :class:`OutlineIndenter` turns indentation into ``_INDENT``/``_DEDENT`` tokens
and takes comments out of the token stream. Text without errors is parsed with lark's tables in
one loop (:mod:`argmap.lalr`, the same trees); where it has an error, lark parses it again and
says what is wrong. After a syntax error, parsing resumes at the next top-level line, so that
one run reports every error of a file.
"""

from __future__ import annotations

import gc
import hashlib
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lark import Lark, Token, Tree
from lark import __version__ as lark_version
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken
from lark.lark import PostLex

from argmap.diagnostics import Diagnostic, Severity
from argmap.lalr import FastParser
from argmap.model import Span

__all__ = [
    "MAX_DEPTH",
    "Comment",
    "ParsedText",
    "build_parser",
    "grammar_path",
    "parse_items",
    "paused_gc",
]

MAX_DEPTH = 100
"""The deepest indentation a map may use; deeper is an error, never a crash."""

MAX_ERRORS = 50
"""After this many syntax errors in one file, argmap stops looking for more."""


@dataclass(frozen=True, slots=True)
class Comment:
    """A ``#`` comment, kept for suppressions; ``own_line`` when nothing precedes it."""

    text: str
    line: int
    column: int
    own_line: bool


@dataclass(frozen=True, slots=True)
class ParsedText:
    """The top-level items that parsed, the comments, and the syntax errors."""

    items: tuple[Tree[Token], ...]
    comments: tuple[Comment, ...]
    diagnostics: tuple[Diagnostic, ...]
    skipped: str = ""
    """The text of the items that failed to parse (their ids may be referred to elsewhere)."""


class _IndentationError(Exception):
    def __init__(self, token: Token, message: str) -> None:
        super().__init__(message)
        self.token = token
        self.message = message


class OutlineIndenter(PostLex):
    """Indentation to ``_INDENT``/``_DEDENT`` tokens, as lark's ``Indenter`` does (without its
    brackets), in one pass over the tokens; collects the comments of the text."""

    always_accept = ("_NL",)  # the contextual lexer looks for a newline in every state

    def __init__(self) -> None:
        self.sink: list[Comment] = []

    def collect(self, token: Token) -> None:
        """Lexer callback for comments that follow code on a line."""
        assert token.line is not None and token.column is not None
        self.sink.append(Comment(str(token), token.line, token.column, token.column == 1))

    def layout(self) -> _Layout:
        """The indentation state for one text."""
        return _Layout(self.sink)

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        layout = self.layout()
        token: Token | None = None
        started = False  # newlines before the first item are left out
        for token in stream:
            if token.type == "_NL":
                yield from layout.newline(token, started)
            else:
                started = True
                yield token
        if token is not None:
            yield from layout.end(token)


class _Layout:
    """What the newlines of one text become: the newline itself and _INDENT/_DEDENT tokens.
    Comment lines in a newline go to the sink."""

    tab_len = 8

    def __init__(self, sink: list[Comment]) -> None:
        self.sink = sink
        self.levels = [0]  # the indentation of each open level, in columns
        self.first_indent = ""  # the first indentation seen: tabs and spaces must not be mixed

    def newline(self, token: Token, started: bool) -> list[Token]:
        """The tokens for a newline (none before the first item, when not ``started``)."""
        if "#" in token:
            self._collect_comment_lines(token)
        if not started:
            return []
        levels = self.levels
        indent_str = token.rsplit("\n", 1)[1]
        if indent_str:
            self.first_indent = self.first_indent or indent_str
            _check_indentation(token, indent_str, self.first_indent)
        indent = indent_str.count(" ") + indent_str.count("\t") * self.tab_len
        if indent == levels[-1]:
            return [token]
        if indent > levels[-1]:
            if len(levels) > MAX_DEPTH:
                message = f"the outline is nested more than {MAX_DEPTH} levels deep"
                raise _IndentationError(token, message)
            levels.append(indent)
            return [token, Token.new_borrow_pos("_INDENT", indent_str, token)]
        if indent not in levels:
            raise _IndentationError(
                token,
                "this line is indented less than the line above it, "
                "but not as far out as any line it could belong to",
            )
        tokens = [token]
        while indent < levels[-1]:
            levels.pop()
            tokens.append(Token.new_borrow_pos("_DEDENT", indent_str, token))
        return tokens

    def end(self, last: Token) -> list[Token]:
        """The _DEDENT tokens that close the levels still open after the last token."""
        return [Token.new_borrow_pos("_DEDENT", "", last) for _ in self.levels[1:]]

    def _collect_comment_lines(self, token: Token) -> None:
        assert token.line is not None
        for offset, segment in enumerate(token.split("\n")[1:], start=1):
            stripped = segment.lstrip(" \t\r")
            if stripped.startswith("#"):
                column = len(segment) - len(stripped) + 1
                self.sink.append(Comment(stripped, token.line + offset, column, own_line=True))


def _check_indentation(token: Token, indent: str, first: str) -> None:
    """Tabs and spaces must not be mixed: editors disagree on how wide a tab is."""
    if " " in indent and "\t" in indent:
        message = "this line is indented with both tabs and spaces; indent with spaces only"
        raise _IndentationError(token, message)
    if indent[0] != first[0]:
        used, earlier = ("tabs", "spaces") if indent[0] == "\t" else ("spaces", "tabs")
        message = (
            f"this line is indented with {used}, but the lines above are indented with "
            f"{earlier}; use one or the other"
        )
        raise _IndentationError(token, message)


def grammar_path() -> Path:
    """The grammar file: inside the installed package, or at the top of a checkout. (A plain
    path beside this module: importlib.resources would add 3 ms of imports to every run.)"""
    here = Path(__file__).resolve().parent
    packaged = here / "grammar" / "argmap.lark"
    return packaged if packaged.is_file() else here.parent / "grammar" / "argmap.lark"


def _cache_file(grammar: str) -> str | bool:
    """Where lark keeps the analysed grammar between runs, which saves about 0.3 s at every
    start: a private folder in the user's cache (``$XDG_CACHE_HOME/argmap``, else
    ``~/.cache/argmap``), or False when there is no writable one. lark checks the grammar's
    hash stored in the file and rebuilds it when it is stale or unreadable."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "argmap")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return False
    if not os.access(folder, os.W_OK):
        return False
    digest = hashlib.sha256(grammar.encode("utf-8")).hexdigest()[:16]
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return os.path.join(folder, f"grammar-{digest}-lark{lark_version}-py{version}.cache")


def build_parser() -> tuple[Lark, OutlineIndenter]:
    """A new LALR parser of the grammar with its indenter (lark's own, which reports the
    errors; :func:`parse_items` parses text without errors with :mod:`argmap.lalr`)."""
    indenter = OutlineIndenter()
    grammar = grammar_path().read_text(encoding="utf-8")
    parser = Lark(
        grammar,
        cache=_cache_file(grammar),
        parser="lalr",
        lexer="contextual",
        postlex=indenter,
        propagate_positions=False,  # build.py takes spans from the tokens: twice as fast
        maybe_placeholders=False,
        lexer_callbacks={"COMMENT": indenter.collect},
    )
    return parser, indenter


@cache
def _parser() -> tuple[Lark, OutlineIndenter, FastParser]:
    parser, indenter = build_parser()
    return parser, indenter, FastParser(parser)


_lock = threading.Lock()


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cycle collector while parse trees are built.

    A parse allocates hundreds of thousands of small objects (tokens, trees) and no cycles,
    so the collector only rescans them, again and again as the heap grows: pausing it takes
    about a third off the time of reading a large map.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_items(text: str, path: str) -> ParsedText:
    """Parse a map's text; never raises on bad input."""
    with paused_gc():
        return _parse_items(text, path)


def _parse_items(text: str, path: str) -> ParsedText:
    if not text.strip():
        span = Span(path, 1, 1, 1, 1)
        return ParsedText(
            (), (), (_error("the file is empty: a map needs at least one statement", span),)
        )
    lines = text.replace("\r\n", "\n").split("\n")
    lines = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    items: list[Tree[Token]] = []
    comments: list[Comment] = []
    diagnostics: list[Diagnostic] = []
    skipped: list[str] = []
    start = 0
    while start < len(lines):
        chunk = _parse_lines(lines, start, len(lines), path)
        if chunk.error is None:
            items += chunk.items
            comments += chunk.comments
            break
        item_start = _top_level_at_or_before(lines, chunk.error_line, start)
        if item_start > start:
            # Keep what parsed before the failing item.
            prefix = _parse_lines(lines, start, item_start, path)
            items += prefix.items
            comments += prefix.comments
            if prefix.error is not None and prefix.error.span != chunk.error.span:
                diagnostics.append(prefix.error)
        diagnostics.append(chunk.error)
        if len(diagnostics) >= MAX_ERRORS:
            diagnostics.append(
                _error(f"too many syntax errors; stopped after {MAX_ERRORS}", chunk.error.span)
            )
            break
        start = _next_top_level(lines, chunk.error_line + 1)
        skipped += lines[item_start:start]
    return ParsedText(tuple(items), tuple(comments), tuple(diagnostics), "".join(skipped))


@dataclass(frozen=True, slots=True)
class _Chunk:
    items: tuple[Tree[Token], ...] = ()
    comments: tuple[Comment, ...] = ()
    error_line: int = 0
    error: Diagnostic | None = None


def _parse_lines(lines: list[str], start: int, stop: int, path: str) -> _Chunk:
    """Parse lines[start:stop], keeping line numbers; the error line is 0-based."""
    chunk = "\n" * start + "".join(lines[start:stop])
    if not chunk.endswith("\n"):
        chunk += "\n"
    parser, indenter, fast = _parser()
    with _lock:
        tree = _parse_fast(fast, indenter, chunk)
        try:
            if tree is None:  # an error: lark parses the text again to report it
                indenter.sink = []
                tree = parser.parse(chunk)
        except UnexpectedInput as exc:
            error = _syntax_error(exc, chunk, path, parser)
            return _Chunk(error_line=_error_position(exc, chunk), error=error)
        except _IndentationError as exc:
            line = exc.token.end_line or 1
            column = exc.token.end_column or 1
            span = Span(path, line, column, line, column)
            return _Chunk(error_line=line - 1, error=_error(exc.message, span))
        comments = tuple(indenter.sink)
    return _Chunk(tuple(c for c in tree.children if isinstance(c, Tree)), comments)


def _parse_fast(fast: FastParser, indenter: OutlineIndenter, text: str) -> Tree[Token] | None:
    """The tree of a text without errors, in one loop (:mod:`argmap.lalr`); None when the
    text has an error, for lark to parse it again and say what the error is."""
    indenter.sink = []
    try:
        return fast.parse(text, indenter.layout())
    except _IndentationError:
        return None


def _top_level_at_or_before(lines: list[str], index: int, floor: int) -> int:
    for i in range(min(index, len(lines) - 1), floor - 1, -1):
        if _is_top_level(lines[i]):
            return i
    return floor


def _next_top_level(lines: list[str], index: int) -> int:
    for i in range(index, len(lines)):
        if _is_top_level(lines[i]):
            return i
    return len(lines)


def _is_top_level(line: str) -> bool:
    return bool(line) and not line[0].isspace() and not line.startswith("#")


def _error(message: str, span: Span, hint: str | None = None) -> Diagnostic:
    return Diagnostic("E101", "syntax-error", Severity.ERROR, message, span, hint=hint)


def _error_position(exc: UnexpectedInput, text: str) -> int:
    """The 0-based line index an error belongs to."""
    if isinstance(exc, UnexpectedToken) and exc.token.type in ("_INDENT", "_DEDENT"):
        return (exc.token.end_line or 1) - 1
    if isinstance(exc, UnexpectedEOF) or exc.line in (None, -1):
        return text.count("\n") - 1
    return exc.line - 1


_PLAIN = {
    "ID": "an id",
    "TEXT": "a quoted text",
    "_NL": "the end of the line",
    "_INDENT": "an indented line",
    "_DEDENT": "a line indented less",
    "$END": "the end of the file",
    "TAG": "a tag",
    "LABEL": "IN, OUT or UNDEC",
    "SIGN": '"+" or "-"',
    "FLAG": '"conceded"',
}
_STATEMENT_KINDS = ('"thesis"', '"claim"', '"evidence"', '"assumption"')


def _words(name: str, parser: Lark) -> str:
    if name in _PLAIN:
        return _PLAIN[name]
    try:
        terminal = parser.get_terminal(name)
    except KeyError:
        return name.lower()
    return f'"{terminal.pattern.value}"'


def _expected(names: set[str], parser: Lark) -> str:
    words = sorted({_words(n, parser) for n in names}, key=lambda w: (w.startswith('"'), w))
    if set(_STATEMENT_KINDS) <= set(words) and len(words) > 6:
        words = [w for w in words if w not in _STATEMENT_KINDS]
        words.insert(0, 'a statement (like `claim id: "text"`)')
        words = [w for w in words if w != "an id"]
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " or " + words[-1]


def _found(token: Token) -> str:
    if token.type in ("_NL", "_INDENT", "_DEDENT", "$END", "TEXT"):
        return _PLAIN[token.type]
    if token.type == "ID":
        return f'the id "{token}"'
    return f'"{token}"'


def _acceptable(exc: UnexpectedToken) -> set[str]:
    """The terminals the parser would really accept here.

    LALR merges look-ahead sets, and the contextual lexer adds the newline everywhere, so the
    ``expected`` of lark's error can name tokens that would fail one step later. Trying each
    candidate on a copy of the parser state leaves only those that would be shifted.
    """
    state = exc.state
    if state is None or not hasattr(state, "position"):
        return set()
    accepted = set()
    for name in state.parse_conf.parse_table.states[state.position]:
        if not (name.isupper() or name == "$END"):
            continue  # a rule (the parse table's goto entries), not a token
        trial = state.copy()
        try:
            trial.feed_token(Token(name, ""), name == "$END")
        except UnexpectedInput:
            continue
        accepted.add(name)
    return accepted


def _hint(token: Token, expected: set[str]) -> str | None:
    if token == "&":
        return (
            "a line starting with & adds a co-premise: "
            "put it right after a + or - line, at the same indentation"
        )
    if expected == {"COLON"}:
        return 'a statement is written KIND ID: "text", for example  claim not_set: "..."'
    return None


def _syntax_error(exc: UnexpectedInput, text: str, path: str, parser: Lark) -> Diagnostic:
    if isinstance(exc, UnexpectedCharacters):
        line, column, position = exc.line, exc.column, exc.pos_in_stream or 0
        char = text[position] if position < len(text) else ""
        span = Span(path, line, column, line, column + 1)
        if text.startswith('"""', position):
            return _error('this text in triple quotes is not closed: end it with """', span)
        if char == '"':
            return _error(
                'this quoted text is not closed: end it with " on the same line',
                span,
                hint='for text over several lines, use triple quotes: """..."""',
            )
        allowed = set(exc.allowed or ()) - {"COMMENT"}
        shown = "a tab" if char == "\t" else repr(char)[1:-1] if not char.isprintable() else char
        message = f'unexpected character "{shown}"'
        if allowed:
            message += f"; expected {_expected(allowed, parser)}"
        return _error(message, span)
    if isinstance(exc, UnexpectedToken):
        token = exc.token
        expected = _acceptable(exc) or set(exc.expected) - {"COMMENT"}
        if token.type == "_NL":
            line, column = token.line or 1, token.column or 1
        elif token.type in ("_INDENT", "_DEDENT"):
            line, column = token.end_line or 1, token.end_column or 1
        elif token.type == "$END":
            line = text.count("\n") or 1
            column = len(text.rstrip("\n").rsplit("\n", 1)[-1]) + 1
        else:
            line, column = token.line or 1, token.column or 1
        structural = token.type in ("_NL", "_INDENT", "_DEDENT", "$END")
        width = 1 if structural else max(1, len(str(token).split("\n", 1)[0]))
        span = Span(path, line, column, line, column + width)
        if token.type == "_INDENT":
            return _error(
                "this line is indented, but the line above cannot have indented lines under it",
                span,
            )
        message = f"expected {_expected(expected, parser)}, found {_found(token)}"
        return _error(message, span, hint=_hint(token, expected))
    line = text.count("\n") or 1
    return _error("unexpected end of the file", Span(path, line, 1, line, 1))
