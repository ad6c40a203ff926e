"""A Pygments lexer for ``.arg`` maps, so that Sphinx, MkDocs and ``pygmentize`` colour them.

Registered through the ``pygments.lexers`` entry point (name ``argmap``, alias ``arg``).
It needs Pygments, which argmap does not depend on; Pygments loads this module only when it
is installed. The tokens come from :func:`argmap.lexical.scan`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pygments.lexer import Lexer
from pygments.token import (
    Comment,
    Error,
    Keyword,
    Name,
    Operator,
    Punctuation,
    String,
    Whitespace,
)

from argmap.lexical import TokenKind, scan

__all__ = ["ArgmapLexer"]

_TYPES: dict[TokenKind, Any] = {
    TokenKind.SPACE: Whitespace,
    TokenKind.NEWLINE: Whitespace,
    TokenKind.COMMENT: Comment.Single,
    TokenKind.TEXT: String.Double,
    TokenKind.KEYWORD: Keyword,
    TokenKind.KIND: Keyword.Type,
    TokenKind.ID: Name.Variable,
    TokenKind.HOLDER: Name.Entity,
    TokenKind.LABEL: Name.Constant,
    TokenKind.FLAG: Keyword.Pseudo,
    TokenKind.TAG: Name.Tag,
    TokenKind.SIGN: Operator,
    TokenKind.ERROR: Error,
}


class ArgmapLexer(Lexer):  # type: ignore[misc]  # Pygments has no type hints
    """Argument maps in argmap's ``.arg`` language."""

    name = "argmap"
    aliases = ["argmap", "arg"]
    filenames = ["*.arg"]
    mimetypes = ["text/x-argmap"]

    def get_tokens_unprocessed(self, text: str) -> Iterator[tuple[int, Any, str]]:
        # Pygments hands on the text with \n line ends.
        for token in scan(text):
            kind = _TYPES[token.kind]
            if token.kind is TokenKind.COMMENT and token.text.lstrip("# ").startswith("argmap"):
                kind = Comment.Special  # a suppression: # argmap: ignore[...]
            elif token.kind is TokenKind.SIGN and token.text in "[]:":
                kind = Punctuation
            yield token.offset, kind, token.text
