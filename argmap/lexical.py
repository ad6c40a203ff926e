"""The words of a map's text, for editors: keywords, ids, texts, comments and signs (pure).

The syntax highlighter (:mod:`argmap.pygments_lexer`) and the language server colour and find
ids with these tokens. The patterns of ids, texts, tags and comments, and the keywords, are
read from the grammar (``grammar/argmap.lark``) with lark's public API, so that there is one
definition of each. Every character of a text belongs to exactly one token; what no pattern
matches is an ``ERROR`` token (a syntax error the reader reports in plain words).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from argmap.model import Label, StatementKind
from argmap.syntax import default_parser

__all__ = ["Token", "TokenKind", "scan"]


class TokenKind(enum.Enum):
    """What a token is."""

    SPACE = "space"
    NEWLINE = "newline"
    COMMENT = "comment"
    TEXT = "text"
    KEYWORD = "keyword"
    KIND = "kind"  # a statement kind: thesis, claim, evidence, assumption
    ID = "id"
    HOLDER = "holder"  # who holds a statement: `by Lukyanov`
    LABEL = "label"  # IN, OUT or UNDEC in an `expect` line
    FLAG = "flag"  # conceded
    TAG = "tag"
    SIGN = "sign"  # + - & -> [ ] :
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its kind, text, offset in the text, and 1-based line and column."""

    kind: TokenKind
    text: str
    offset: int
    line: int
    column: int

    @property
    def end_column(self) -> int:
        """The column after the token (for a token on one line)."""
        return self.column + len(self.text)


_KINDS = frozenset(k.value for k in StatementKind)
_LABELS = frozenset(label.value for label in Label)
_SIGNS = r"->|[\[\]:+\-&]"


@dataclass(frozen=True, slots=True)
class _Lexicon:
    pattern: re.Pattern[str]
    tag: re.Pattern[str]
    keywords: frozenset[str]
    flags: frozenset[str]


@cache
def _lexicon() -> _Lexicon:
    """The patterns of the grammar's terminals, and its keywords, as one scanner."""
    terminals = {t.name: t.pattern for t in default_parser().lark.terminals}
    word = re.compile(terminals["ID"].to_regexp())
    words = {
        p.value for p in terminals.values() if p.type == "str" and word.fullmatch(str(p.value))
    }
    pattern = re.compile(
        "|".join(
            (
                r"(?P<newline>\n)",
                r"(?P<space>[ \t\r]+)",
                rf"(?P<comment>{terminals['COMMENT'].to_regexp()})",
                rf"(?P<text>{terminals['TEXT'].to_regexp()})",
                rf"(?P<word>{terminals['ID'].to_regexp()})",
                rf"(?P<sign>{_SIGNS})",
                r"(?P<error>[^\s\"#]+|\"[^\n]*|[^\n])",
            )
        )
    )
    flags = frozenset({str(terminals["FLAG"].value)}) if "FLAG" in terminals else frozenset()
    return _Lexicon(
        pattern, re.compile(terminals["TAG"].to_regexp()), frozenset(words) - flags, flags
    )


def scan(text: str) -> Iterator[Token]:
    """The tokens of ``text`` (with ``\\n`` line ends), in order, covering every character."""
    lexicon = _lexicon()
    line, line_start = 1, 0
    first = True  # no word yet on this line
    previous = ""  # the last word or sign on this line
    mode = ""  # "tags" after `tags`, "by" after `by`, "expect" after `expect`
    label = False  # in an inference's label (`[...]`, `reason ... :`), where flags are
    position = 0
    while position < len(text):
        if mode == "tags" and text[position] not in " \t\r\n#":
            match = lexicon.tag.match(text, position)
            if match is not None:
                yield Token(TokenKind.TAG, match.group(), position, line, position - line_start + 1)
                position = match.end()
                continue
        match = lexicon.pattern.match(text, position)
        assert match is not None  # the error alternative matches any character but \n
        group = match.lastgroup or "error"
        value = match.group()
        token_kind = TokenKind(group) if group != "word" else TokenKind.ID
        if group == "word":
            token_kind = _word_kind(value, first, previous, mode, label, lexicon)
            if token_kind is TokenKind.KEYWORD and value in ("tags", "by", "expect"):
                mode = value
            elif token_kind is TokenKind.KEYWORD and value in ("reason", "objection"):
                label = True
            elif mode == "expect":
                mode = ""
            first = False
            previous = value
        elif group == "sign":
            first = False
            previous = value
            label = value == "[" or (label and value not in ("]", ":"))
        yield Token(token_kind, value, position, line, position - line_start + 1)
        if group == "newline":
            line, line_start = line + 1, position + 1
            first, previous, mode, label = True, "", "", False
        elif group in ("text", "comment", "error") and "\n" in value:
            line += value.count("\n")
            line_start = position + value.rfind("\n") + 1
        position = match.end()


def _word_kind(
    value: str, first: bool, previous: str, mode: str, label: bool, lexicon: _Lexicon
) -> TokenKind:
    """Keyword or id: a keyword opens a line (or, for a statement kind, follows a sign or an
    inference's ``]``); the words after ``by`` and ``expect`` are a holder and a label; a flag
    is one only in an inference's label."""
    if mode == "by":
        return TokenKind.HOLDER
    if mode == "expect" and previous == "expect" and value.upper() in _LABELS:
        return TokenKind.LABEL
    if value in lexicon.flags and label:
        return TokenKind.FLAG
    if value in _KINDS and (first or previous in ("+", "-", "&", "]")):
        return TokenKind.KIND
    if value in lexicon.keywords and first:
        return TokenKind.KEYWORD
    return TokenKind.ID
