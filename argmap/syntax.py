"""From text to a syntax tree (:mod:`argmap.syntax_tree`), with syntax errors in plain words.

The grammar in ``grammar/argmap.lark`` is parsed with lark's LALR parser and contextual lexer.
:class:`OutlineIndenter`, a lark post-lexer, turns indentation into ``_INDENT``/``_DEDENT``
tokens, and :class:`MapTransformer` makes the syntax tree's nodes during the parse (lark's
``transformer=`` option, so no parse tree is built). Comments are found with the grammar's own
COMMENT and TEXT patterns.

A text is made of *pieces*, one top-level item each (:meth:`MapParser.pieces`). A text that
has a syntax error (E101) is parsed piece by piece, so that one run reports the error of every
piece; and with a :class:`PieceCache` (an editor's document, parsed again at each change) every
text is, so that only the pieces that changed are parsed again (a long one in chunks,
:mod:`argmap.long_items`). A :class:`MapParser` keeps no state between parses: one can serve
any number of them.
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from lark.lark import PostLex

from argmap import syntax_tree as nodes
from argmap.diagnostics import Diagnostic, Severity
from argmap.long_items import CHUNK_LINES, ChunkKey, Chunks, Parts, Whole, parse_in_chunks
from argmap.model import Span, StatementKind
from argmap.text import a_or_an

__all__ = [
    "MAX_DEPTH",
    "Comment",
    "MapParser",
    "ParsedText",
    "Piece",
    "PieceCache",
    "default_parser",
    "grammar_path",
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
class Piece:
    """A piece of the text parsed on its own (see :meth:`MapParser.pieces`): its text, the
    number of lines above it in the file, and its top-level items, whose tokens' lines are
    counted from the piece's first line (add ``line_offset`` for the file's)."""

    text: str
    line_offset: int
    items: tuple[nodes.Item, ...]


@dataclass(frozen=True, slots=True)
class ParsedText:
    """The pieces that parsed, the comments, and the syntax errors."""

    pieces: tuple[Piece, ...]
    comments: tuple[Comment, ...]
    diagnostics: tuple[Diagnostic, ...]
    skipped: str = ""
    """The text of the items that failed to parse (their ids may be referred to elsewhere)."""


class _IndentationError(Exception):
    def __init__(self, token: Token, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.token = token
        self.message = message
        self.hint = hint


class OutlineIndenter(PostLex):
    """Indentation to ``_INDENT``/``_DEDENT`` tokens, as lark's ``Indenter`` does (without its
    brackets). The state of a text lives in its own :class:`_Layout`, so one indenter serves
    any number of parses."""

    # The contextual lexer looks for a newline in every state, and for an id: so a keyword
    # is never read as the start of a longer word where no id may stand ("tagse" is an id,
    # not "tags e"), and a text is lexed the same whatever state its parse starts in.
    always_accept = ("_NL", "ID")

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        layout = _Layout()
        token: Token | None = None
        started = False  # newlines before the first item are left out
        for token in stream:
            if token.type == "_NL":
                if started:
                    yield from layout.newline(token)
            else:
                started = True
                yield token
        if token is not None:
            yield from layout.end(token)


class _Layout:
    """What the newlines of one text become: the newline itself and _INDENT/_DEDENT tokens."""

    tab_len = 8

    def __init__(self) -> None:
        self.levels = [0]  # the indentation of each open level, in columns
        self.first_indent = ""  # the first indentation seen: tabs and spaces must not be mixed

    def newline(self, token: Token) -> list[Token]:
        """The tokens for a newline."""
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
                raise _IndentationError(
                    token,
                    f"the outline is nested more than {MAX_DEPTH} levels deep",
                    hint="write the deeper parts as flat declarations "
                    '(claim id: "...", reason: a -> b, objection: c -> d), '
                    "which can be chained without a limit",
                )
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


@v_args(inline=True)
class MapTransformer(Transformer[Token, object]):
    """Each rule of the grammar to its node in :mod:`argmap.syntax_tree`."""

    def start(self, *items: nodes.Item) -> tuple[nodes.Item, ...]:
        return items

    def header(self, key: Token, text: Token) -> nodes.Header:
        return nodes.Header(key, text)

    def header_key(self, key: Token) -> Token:
        return key

    source_key = kind = inference_head = header_key

    def source(
        self, id: Token, title: Token | None, fields: tuple[nodes.SourceField, ...] | None
    ) -> nodes.Source:
        return nodes.Source(id, title, fields or ())

    def source_fields(self, *fields: nodes.SourceField) -> tuple[nodes.SourceField, ...]:
        return fields

    def source_field(self, key: Token, text: Token) -> nodes.SourceField:
        return nodes.SourceField(key, text)

    def group(
        self, id: Token | None, title: Token, items: tuple[nodes.Item, ...] | None
    ) -> nodes.Group:
        return nodes.Group(id, title, items or ())

    group_items = start

    def statement(self, head: nodes.StatementHead, body: nodes.Body | None) -> nodes.Statement:
        return nodes.Statement(head, body or ())

    def statement_head(self, kind: Token | None, id: Token, text: Token) -> nodes.StatementHead:
        return nodes.StatementHead(kind, id, text)

    def unnamed_head(self, kind: Token | None, text: Token) -> nodes.StatementHead:
        return nodes.StatementHead(kind, None, text)

    def body(self, *lines: nodes.BodyLine) -> nodes.Body:
        return lines

    def quote(self, source: Token | None, text: Token) -> nodes.Quote:
        return nodes.Quote(source, text)

    def cite(self, source: Token, locator: Token | None) -> nodes.Citation:
        return nodes.Citation(source, locator)

    def attribution(self, holder: Token) -> nodes.Attribution:
        return nodes.Attribution(holder)

    def tags(self, *tags: Token) -> nodes.Tags:
        return nodes.Tags(tags)

    def note(self, text: Token) -> nodes.Note:
        return nodes.Note(text)

    def branch(
        self, sign: Token, label: nodes.InferenceLabel | None, *premises: nodes.Premise
    ) -> nodes.Branch:
        return nodes.Branch(sign, label, premises)

    def premise(self, head: nodes.StatementHead | Token, body: nodes.Body | None) -> nodes.Premise:
        return nodes.Premise(head, body or ())

    def inference_label(
        self, id: Token | None, label: Token | None, *flags: Token
    ) -> nodes.InferenceLabel:
        return nodes.InferenceLabel(id, label, flags)

    def reason(
        self, label: nodes.InferenceLabel, premises: tuple[Token, ...], target: Token
    ) -> nodes.FlatInference:
        return nodes.FlatInference("reason", label, premises, target)

    def objection(
        self, label: nodes.InferenceLabel, premises: tuple[Token, ...], target: Token
    ) -> nodes.FlatInference:
        return nodes.FlatInference("objection", label, premises, target)

    def premises(self, *ids: Token) -> tuple[Token, ...]:
        return ids

    def expectation(self, label: Token, *ids: Token) -> nodes.Expectation:
        return nodes.Expectation(label, ids)


def grammar_path() -> Path:
    """The grammar file: inside the installed package, or at the top of a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "grammar" / "argmap.lark"
    return packaged if packaged.is_file() else here.parent / "grammar" / "argmap.lark"


class MapParser:
    """The grammar's parser. ``cache_file``: where lark may keep its analysis of the grammar
    between runs (lark checks it and rebuilds a stale or unreadable one); None for no cache."""

    def __init__(self, cache_file: str | None = None) -> None:
        self.lark = Lark(
            grammar_path().read_text(encoding="utf-8"),
            parser="lalr",
            lexer="contextual",
            postlex=OutlineIndenter(),
            transformer=MapTransformer(),
            maybe_placeholders=True,
            cache=cache_file or False,
        )
        text = self.lark.get_terminal("TEXT").pattern.to_regexp()
        comment = self.lark.get_terminal("COMMENT").pattern.to_regexp()
        # A "#" outside a text starts a comment: scanning texts and comments in one pass
        # skips the "#" inside texts.
        self.comment_pattern = re.compile(f"(?:{text})|(?P<comment>{comment})")
        # Every character, in runs: comments, texts, the rest of a line after a quotation
        # mark that opens no text (a syntax error), and runs of anything else.
        self.text_pattern = re.compile(f'(?:{comment})|(?P<text>{text})|"[^\\n]*|[^"#]+')

    def parse(self, text: str, path: str, cache: PieceCache | None = None) -> ParsedText:
        """Parse a map's text; never raises on bad input. With a ``cache``, the pieces of the
        text that were parsed the last time the cache was used are not parsed again; without
        one, a text without errors is parsed in one go (quicker, and the same)."""
        if not text.strip():
            span = Span(path, 1, 1, 1, 1)
            return ParsedText(
                (), (), (_error("the file is empty: a map needs at least one statement", span),)
            )
        if cache is None:
            whole = self._parse_text(text)
            if whole.error is None:
                return ParsedText((Piece(text, 0, whole.items),), whole.comments, ())
        known = cache.pieces if cache is not None else {}
        kept: dict[str, _Parsed] = {}
        pieces: list[Piece] = []
        comments: list[Comment] = []
        diagnostics: list[Diagnostic] = []
        skipped: list[str] = []
        previous: str | None = None  # the piece before, when it parsed
        chunks: dict[ChunkKey, Parts] = {}
        for start, piece in self.pieces(text):
            parsed = known.get(piece) or kept.get(piece)
            if parsed is None and cache is not None and piece.count("\n") > 2 * cache.chunk_lines:
                parsed = self._parse_long(piece, cache)
            if parsed is None:
                parsed = self._parse_piece(piece, previous)
            chunks.update(parsed.chunks)
            if parsed.error is not None:
                diagnostics.append(_moved(parsed.error, start, path))
                skipped.append(piece)
                previous = None
                if len(diagnostics) >= MAX_ERRORS:
                    last = diagnostics[-1].span
                    message = f"too many syntax errors; stopped after {MAX_ERRORS}"
                    diagnostics.append(_error(message, last))
                    break
                continue
            kept[piece] = parsed
            pieces.append(Piece(piece, start, parsed.items))
            comments += (replace(c, line=c.line + start) for c in parsed.comments)
            previous = piece
        if cache is not None:
            cache.pieces, cache.chunks = kept, chunks
        return ParsedText(tuple(pieces), tuple(comments), tuple(diagnostics), "".join(skipped))

    def pieces(self, text: str) -> list[tuple[int, str]]:
        """The text cut before each top-level line (one that starts with neither a blank nor
        ``#``, and is not inside a text in triple quotes), with the 0-based index of each
        piece's first line. A piece holds one item and the comments and blank lines after it;
        the comments before the first item are a piece of their own."""
        cuts = [m.start() for m in _TOP_LEVEL.finditer(text, 1)]
        if '"""' in text:
            cuts = _outside(cuts, self._long_texts(text))
        pieces = []
        line, previous = 0, 0
        for cut in cuts:
            pieces.append((line, text[previous:cut]))
            line += text.count("\n", previous, cut)
            previous = cut
        pieces.append((line, text[previous:]))
        return pieces

    def _long_texts(self, text: str) -> list[tuple[int, int]]:
        """Where each text that spans lines (in triple quotes) starts and ends."""
        return [
            m.span()
            for m in self.text_pattern.finditer(text)
            if m.group("text") is not None and "\n" in m.group()
        ]

    def _parse_long(self, piece: str, cache: PieceCache) -> _Parsed | None:
        """A long piece parsed in chunks (:mod:`argmap.long_items`), reusing those parsed
        last time; None when it is to be parsed whole."""
        chunks = Chunks(cache.chunk_lines, cache.chunks)
        try:
            item = parse_in_chunks(
                self._items, piece.split("\n"), self._opaque(piece), MAX_DEPTH, chunks
            )
        except Whole:
            return None
        return _Parsed((item,), self._comments(piece), chunks=chunks.now)

    def _items(self, text: str) -> tuple[nodes.Item, ...] | None:
        """The items of a text; None when it has a syntax error."""
        parsed = self._parse_text(text)
        return parsed.items if parsed.error is None else None

    def _opaque(self, text: str) -> set[int]:
        """The indexes of the lines that start inside a text in triple quotes."""
        lines: set[int] = set()
        if '"""' in text:
            for start, end in self._long_texts(text):
                first = text.count("\n", 0, start)
                lines.update(range(first + 1, first + text.count("\n", start, end) + 1))
        return lines

    def _parse_piece(self, piece: str, previous: str | None) -> _Parsed:
        """Parse one piece, its lines numbered from 1. An error is worded as in a parse of
        the whole file: the parser's state at the start of a piece depends on the piece
        before it (which may go on with an indented line), so that one is parsed with it."""
        alone = self._parse_text(piece)
        if alone.error is None or previous is None:
            return alone
        both = self._parse_text(previous + piece)
        lines = previous.count("\n")
        if both.error is None or both.error.span.line <= lines:
            return alone
        return _Parsed(error=_moved(both.error, -lines))

    def _parse_text(self, text: str) -> _Parsed:
        if not text.endswith("\n"):
            text += "\n"
        try:
            items = self.lark.parse(text)
        except UnexpectedInput as exc:
            return _Parsed(error=_syntax_error(exc, text, "", self.lark))
        except _IndentationError as exc:
            line = exc.token.end_line or 1
            column = exc.token.end_column or 1
            span = Span("", line, column, line, column)
            return _Parsed(error=_error(exc.message, span, exc.hint))
        assert isinstance(items, tuple)
        return _Parsed(items, self._comments(text))

    def _comments(self, text: str) -> tuple[Comment, ...]:
        comments = []
        line, line_start, scanned = 1, 0, 0
        for match in self.comment_pattern.finditer(text):
            if match.group("comment") is None:
                continue
            position = match.start()
            newlines = text.count("\n", scanned, position)
            if newlines:
                line += newlines
                line_start = text.rfind("\n", scanned, position) + 1
            scanned = position
            before = text[line_start:position]
            own_line = not before.strip(" \t")
            comments.append(Comment(match.group(), line, position - line_start + 1, own_line))
        return tuple(comments)


@cache
def default_parser() -> MapParser:
    """A parser without a cache file, made once and shared."""
    return MapParser()


class PieceCache:
    """The pieces of a text parsed last time, by their text: keep one per document that is
    parsed again and again (as an editor's is), and only the pieces an edit touched are
    parsed again. Positions are relative to each piece, so a piece that moved is reused.
    A piece of more than twice ``chunk_lines`` lines is parsed in chunks of about that many
    lines (:mod:`argmap.long_items`), so an edit in it parses again only its chunk."""

    def __init__(self, chunk_lines: int = CHUNK_LINES) -> None:
        self.pieces: dict[str, _Parsed] = {}
        self.chunk_lines = chunk_lines
        self.chunks: dict[ChunkKey, Parts] = {}


@dataclass(frozen=True, slots=True)
class _Parsed:
    """What one piece parsed to, its lines numbered from 1 (the error's file is left empty)."""

    items: tuple[nodes.Item, ...] = ()
    comments: tuple[Comment, ...] = ()
    error: Diagnostic | None = None
    chunks: Mapping[ChunkKey, Parts] = field(default_factory=dict)
    """A long piece's chunks (:mod:`argmap.long_items`), kept as long as the piece is."""


_TOP_LEVEL = re.compile(r"^(?=[^\s#])", re.MULTILINE)


def _moved(diagnostic: Diagnostic, lines: int, path: str | None = None) -> Diagnostic:
    """A syntax error moved down by ``lines`` (and put in file ``path``)."""
    span = diagnostic.span
    moved = replace(
        span,
        file=span.file if path is None else path,
        line=span.line + lines,
        end_line=span.end_line + lines,
    )
    return replace(diagnostic, span=moved)


def _outside(cuts: list[int], spans: list[tuple[int, int]]) -> list[int]:
    """The cuts (in order) that fall inside none of the spans (in order, not overlapping)."""
    starts = [start for start, _ in spans]
    kept = []
    for cut in cuts:
        index = bisect.bisect_left(starts, cut) - 1
        if index < 0 or cut >= spans[index][1]:
            kept.append(cut)
    return kept


def _error(message: str, span: Span, hint: str | None = None) -> Diagnostic:
    return Diagnostic("E101", "syntax-error", Severity.ERROR, message, span, hint=hint)


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


def _acceptable(exc: UnexpectedInput) -> set[str]:
    """The terminals the parser would really accept here.

    LALR merges look-ahead sets, and the contextual lexer adds the newline and an id
    everywhere, so the ``expected`` of lark's error can name tokens that would fail one step
    later; lark's interactive parser tries each one and keeps those that would be shifted.
    """
    if exc.interactive_parser is None:
        return set()
    accepts: Callable[[], set[str]] = exc.interactive_parser.accepts  # lark leaves it untyped
    return {name for name in accepts() if name.isupper() or name == "$END"}


_QUOTES = (
    "'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\uff02\u300c\u300e"
)
"""Marks that are taken for quotation marks, but do not start a text."""


def _hint(token: Token, expected: set[str], text: str) -> str | None:
    if "TEXT" in expected and str(token)[:1] in _QUOTES:
        return (
            'put texts between straight double quotes, "like this": curly quotes '
            "(\u201c\u2026\u201d) and single quotes ('\u2026') do not count "
            "(a word processor may have curled them)"
        )
    if token == "&" and _starts_line(token, text):
        return (
            "a line starting with & adds a co-premise: "
            "put it right after a + or - line, at the same indentation"
        )
    if token == "+" and "AMPERSAND" in expected:
        return "co-premises are joined with &, as in  reason r: a & b -> t"
    if token == ":" and expected == {"ID"}:
        return (
            "only a premise (a +, - or & line) may go without an id; "
            'give this statement one:  claim ID: "..."'
        )
    if expected == {"COLON"}:
        return 'a statement is written KIND ID: "text", for example  claim not_set: "..."'
    return None


_KINDS = tuple(kind.value for kind in StatementKind)
_WORD_FIRST = re.compile(r"[ \t]*(?:[+\-&][ \t]*(?:\[[^\]\n]*\][ \t]*)?)?([^\W\d][\w-]*)[ \t]+")
"""A word at the start of a line, or after a sign and an inference's [label]: where a
keyword goes."""


def _keyword_mistake(
    token: Token, expected: set[str], text: str, parser: Lark
) -> tuple[str, str, int, str] | None:
    """A keyword written with capitals, or a misspelt kind of statement: the message, the
    hint, and the word and where it starts (0-based, in ``text``)."""
    position = token.start_pos or 0
    keywords = {str(t.pattern.value): t.name for t in parser.terminals if t.pattern.type == "str"}
    word, start = str(token), position
    itself = token.type == "ID" and word != word.lower() and word.lower() in keywords
    if not (itself and keywords[word.lower()] in expected):
        line_start = text.rfind("\n", 0, position) + 1
        before = _WORD_FIRST.fullmatch(text, line_start, position)
        if before is None or "COLON" not in expected or token.type not in ("ID", "TEXT"):
            return None
        word, start = before.group(1), before.start(1)
    lower = word.lower()
    noun, plural = (
        ("a kind of statement", "kinds") if lower in _KINDS else ("a keyword", "keywords")
    )
    if lower != word and lower in keywords:
        message = f'"{word}" is not {noun}: {plural} are written in lower case'
        return message, f'write "{lower}"', start, word
    close = difflib.get_close_matches(lower, _KINDS, n=1)
    if token.type != "ID" or not close:
        return None
    return f'"{word}" is not a kind of statement', f'did you mean "{close[0]}"?', start, word


def _starts_line(token: Token, text: str) -> bool:
    """True when only blanks come before the token on its line."""
    position = token.start_pos or 0
    return not text[text.rfind("\n", 0, position) + 1 : position].strip(" \t")


def _named(char: str) -> str:
    """A character that cannot be seen, named: "a no-break space (U+00A0)"."""
    code = f"U+{ord(char):04X}"
    if char == "\ufeff":
        return f"a byte-order mark ({code})"
    name = unicodedata.name(char, "control character").lower().replace("zero width", "zero-width")
    return f"{a_or_an(name)} {name} ({code})"


def _unseen(char: str, text: str, position: int, tag: bool) -> tuple[str, str | None] | None:
    """What to say of a character that cannot be seen where it stands (the message and the
    hint): a space or line break other than the ordinary ones, or a format character (in an
    id, or in a tag when ``tag``). None for a control character."""
    name = _named(char)
    line_start = text.rfind("\n", 0, position) + 1
    before = text[line_start:position]
    if f"x{char}".splitlines() != [f"x{char}"]:
        return f"{name} outside a quoted text: break lines with an ordinary line break", None
    if char.isspace():
        if not before.strip(" \t"):
            return f"{name} in the indentation: indent with ordinary spaces", None
        return f"{name} outside a quoted text: use an ordinary space", None
    if unicodedata.category(char) != "Cf":
        return None
    previous = before[-1:]
    if previous and (
        previous.isalnum() or previous in "_-" or unicodedata.category(previous)[0] == "M"
    ):
        word = "tag" if tag else "id"
        return (
            f"{name} in {a_or_an(word)} {word}: {word}s cannot hold invisible characters",
            f"delete it: {a_or_an(word)} {word} that holds one looks like {a_or_an(word)} {word} "
            f"without it, but is not the same {word}",
        )
    return f"{name}, an invisible character, outside a quoted text", "delete it"


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
        if "ID" not in _acceptable(exc):  # the lexer looks for one everywhere (OutlineIndenter)
            allowed.discard("ID")
        if not char.isprintable():
            unseen = _unseen(char, text, position, "TAG" in allowed)
            if unseen is not None:
                return _error(unseen[0], span, unseen[1])
        shown = f": {_named(char)}" if not char.isprintable() else f' "{char}"'
        message = f"unexpected character{shown}"
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
        mistake = _keyword_mistake(token, expected, text, parser)
        if mistake is not None:
            message, hint, start, word = mistake
            column = start - text.rfind("\n", 0, start)
            return _error(message, Span(path, line, column, line, column + len(word)), hint)
        message = f"expected {_expected(expected, parser)}, found {_found(token)}"
        return _error(message, span, hint=_hint(token, expected, text))
    line = text.count("\n") or 1
    return _error("unexpected end of the file", Span(path, line, 1, line, 1))
