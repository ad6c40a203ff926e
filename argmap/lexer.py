"""lark's contextual lexer, with the blanks before a token matched together with the token.

lark matches an ignored terminal (``%ignore /[\\t ]+/`` in the grammar) as a token of its
own: one regular-expression match, one line count and one trip round its loop for the
blanks, then the same again for the token after them. In a map, a third of all matches
are blanks. :class:`BlankSkippingLexer` prefixes the expression of each lexer state with
the ignored terminals, so that one match gives the blanks and the token after them. All
else is lark's contextual lexer: the same terminals, tried in the same order in the same
parser states, giving the same tokens with the same positions through the same callbacks.
Where its expression does not match (at a syntax error), lark's own loop takes over from
that place, so errors are lark's. It is installed with lark's ``_plugins`` option.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Generator, Iterator
from dataclasses import dataclass
from typing import Any

from lark import Token
from lark.lexer import BasicLexer, ContextualLexer, LexerState

__all__ = ["BlankSkippingLexer"]


@dataclass(frozen=True, slots=True)
class _Plan:
    """What one lexer state needs per token: its expression, blanks first, and its tables."""

    pattern: re.Pattern[str]
    ignore: frozenset[str]
    newline: frozenset[str]
    callback: dict[str, Callable[[Token], Any]]


def _plan(lexer: BasicLexer) -> _Plan | None:
    """The blank-skipping expression of a lark lexer, or None when it cannot have one."""
    scanner = lexer.scanner  # also builds lexer.callback
    blanks = [
        t.pattern.to_regexp()
        for t in scanner.terminals
        if t.name in lexer.ignore_types
        and t.name not in lexer.callback
        and t.name not in lexer.newline_types
    ]
    # The same alternation as lark's scanner: a named group per terminal, in lark's order.
    tokens = "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in scanner.terminals)
    # Possessive (*+): blanks are never given back, so a match that fails stays linear.
    skip = f"(?:{'|'.join(blanks)})*+" if blanks else ""
    try:
        pattern = re.compile(f"{skip}(?:{tokens})", lexer.g_regex_flags)
    except (re.error, AssertionError, OverflowError):  # what lark's scanner would split
        return None
    return _Plan(pattern, lexer.ignore_types, lexer.newline_types, dict(lexer.callback))


class BlankSkippingLexer(ContextualLexer):
    """A :class:`lark.lexer.ContextualLexer` that matches blanks with the next token."""

    def __init__(
        self, conf: Any, states: dict[int, Collection[str]], always_accept: Collection[str] = ()
    ) -> None:
        super().__init__(conf, states, always_accept)
        self._usable = conf.re_module is re and not conf.use_bytes
        self._plans: dict[int, _Plan | None] = {}  # by parser state, built on first use
        self._by_lexer: dict[int, _Plan | None] = {}  # states share lexers: build each once

    def lex(self, lexer_state: LexerState, parser_state: Any) -> Iterator[Token]:
        finished = False
        if self._usable:
            finished = yield from self._skim(lexer_state, parser_state)
        if not finished:
            yield from super().lex(lexer_state, parser_state)

    def _plan_for(self, state: int) -> _Plan | None:
        lexer = self.lexers[state]
        key = id(lexer)
        if key not in self._by_lexer:
            self._by_lexer[key] = _plan(lexer)  # type: ignore[arg-type]
        plan = self._plans[state] = self._by_lexer[key]
        return plan

    def _skim(self, lexer_state: LexerState, parser_state: Any) -> Generator[Token, None, bool]:
        """Lex while the expressions match; True at the end of the text, False where lark
        must go on (the counter and the last token are kept up to date for it)."""
        text = lexer_state.text
        if isinstance(text, str):  # lark before 1.3
            source, end = text, len(text)
        elif isinstance(getattr(text, "text", None), str):  # lark's TextSlice
            source, end = text.text, text.end
        else:
            return False
        counter = lexer_state.line_ctr
        stack = parser_state.state_stack
        plans = self._plans
        while counter.char_pos < end:
            state = stack[-1]
            plan = plans[state] if state in plans else self._plan_for(state)
            if plan is None:
                return False
            match = plan.pattern.match(source, counter.char_pos, end)
            if match is None:
                return False
            kind = match.lastgroup
            assert kind is not None
            start, stop = match.span(kind)
            value = match.group(kind)
            line = end_line = counter.line
            line_start = counter.line_start_pos
            column = start - line_start + 1
            if kind in plan.newline and "\n" in value:
                end_line += value.count("\n")
                line_start = start + value.rindex("\n") + 1
            end_column = stop - line_start + 1
            counter.char_pos, counter.line = stop, end_line
            counter.line_start_pos, counter.column = line_start, end_column
            callback = plan.callback.get(kind)
            ignored = kind in plan.ignore
            if ignored and callback is None:
                continue
            token = Token(kind, value, start, line, column, end_line, end_column, stop)
            if callback is not None:
                token = callback(token)
            if not ignored:
                lexer_state.last_token = token
                yield token
        return True
