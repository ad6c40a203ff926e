"""lark's LALR parser of the grammar, run as one loop for text without errors.

A map is parsed by lark (:mod:`argmap.syntax`): its contextual lexer, the indenter as a
post-lexer, the LALR parser, the tree builder. Each token goes through three generators and
two method calls on its way. :class:`FastParser` runs the same parts in one loop: it reads
lark's own tables (the terminals of each parser state, in lark's order, with lark's
callbacks; the parse table; the tree builder's callbacks) and the indenter's own layout code,
so the grammar stays the single source of the language and the trees are lark's, token for
token. Blanks are matched together with the token after them (a third of all matches are
blanks). It gives up, returning None, at the first thing it does not expect — a character no
terminal matches, a token the parser does not accept, a bad indentation — and lark then
parses the text itself and reports the error: errors are always lark's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from lark import Lark, Token, Tree
from lark.lexer import BasicLexer
from lark.parsers.lalr_analysis import Shift

__all__ = ["FastParser", "Layout"]


class Layout(Protocol):
    """The indenter's state for one text (see :class:`argmap.syntax.OutlineIndenter`)."""

    def newline(self, token: Token, started: bool) -> list[Token]:
        """The tokens a newline becomes (none before the first item: not ``started``)."""

    def end(self, last: Token) -> list[Token]:
        """The _DEDENT tokens that close the open levels at the end of the text."""


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


# lark's Token(...) goes through a __new__ that looks for a deprecated keyword, then calls
# this: calling it directly makes a token in half the time (0.03 s per 100 000 tokens).
_token = getattr(Token, "_future_new", Token)

_Step = int | tuple[int, str, Callable[[list[Any]], Any]]


class FastParser:
    """A parser of one grammar, built from a :class:`lark.Lark` LALR parser with the
    contextual lexer and a post-lexer (whose work :class:`Layout` does here)."""

    def __init__(self, lark: Lark) -> None:
        frontend = lark.parser
        lalr = frontend.parser.parser  # lark's _Parser: the table and the tree builder
        table = lalr.parse_table
        (start,) = frontend.parser_conf.start
        self._start = table.start_states[start]
        self._end = table.end_states[start]
        # The parse table, compiled: per state and symbol, the state to shift to (an int), or
        # what a reduction needs — how many values it takes, the rule's name (to look up the
        # state to go to next) and the tree builder's callback. (Looking rules up by hash at
        # every reduction, as lark does, costs a Python call each.)
        callbacks = lalr.callbacks
        if any(isinstance(symbol, str) for symbol in callbacks):  # a transformer's, per token
            raise ValueError("the one-loop parser does not call callbacks on tokens")
        self._table: dict[int, dict[str, _Step]] = {
            state: {
                symbol: arg
                if action is Shift
                else (len(arg.expansion), arg.origin.name, callbacks[arg])
                for symbol, (action, arg) in actions.items()
            }
            for state, actions in table.states.items()
        }
        self._lexers: dict[int, BasicLexer] = frontend.lexer.lexer.lexers  # past the post-lexer
        self._plans: dict[int, _Plan | None] = {}  # by parser state, built on first use
        self._by_lexer: dict[int, _Plan | None] = {}  # states share lexers: build each once

    def _plan_for(self, state: int) -> _Plan | None:
        lexer = self._lexers[state]
        key = id(lexer)
        if key not in self._by_lexer:
            self._by_lexer[key] = _plan(lexer)
        plan = self._plans[state] = self._by_lexer[key]
        return plan

    def parse(self, text: str, layout: Layout) -> Tree[Token] | None:
        """The tree lark would give for ``text``, or None where lark would raise an error
        (or where this parser cannot follow lark: then lark parses the text itself)."""
        table, plans = self._table, self._plans
        state_stack = [self._start]
        value_stack: list[Any] = []
        pos, end = 0, len(text)
        line, line_start = 1, 0
        last: Token | None = None  # the last token of the text (not a comment)
        started = finishing = False
        while True:
            if pos < end:
                state = state_stack[-1]
                plan = plans[state] if state in plans else self._plan_for(state)
                if plan is None:
                    return None
                match = plan.pattern.match(text, pos)
                if match is None:
                    return None
                kind = match.lastgroup
                assert kind is not None
                start, pos = match.span(kind)
                value = match.group(kind)
                column = start - line_start + 1
                end_line = line
                if kind in plan.newline and "\n" in value:
                    end_line += value.count("\n")
                    line_start = start + value.rindex("\n") + 1
                callback = plan.callback.get(kind)
                ignored = kind in plan.ignore
                if ignored and callback is None:
                    line = end_line
                    continue
                token = _token(
                    kind, value, start, line, column, end_line, pos - line_start + 1, pos
                )
                line = end_line
                if callback is not None:
                    token = callback(token)
                if ignored:
                    continue
                last = token
                if token.type == "_NL":
                    fed = layout.newline(token, started)
                else:
                    started = True
                    fed = [token]
            elif finishing:
                return None  # everything was fed and the parser never finished
            else:
                finishing = True
                if last is None:
                    fed = [Token("$END", "", 0, 1, 1)]
                else:
                    fed = [*layout.end(last), Token.new_borrow_pos("$END", "", last)]
            for item in fed:
                kind = item.type
                while True:
                    step = table[state_stack[-1]].get(kind)
                    if step is None:
                        return None
                    if isinstance(step, int):  # shift
                        state_stack.append(step)
                        value_stack.append(item)
                        break
                    size, origin, build = step  # reduce
                    if size:
                        children = value_stack[-size:]
                        del state_stack[-size:]
                        del value_stack[-size:]
                    else:
                        children = []
                    value_stack.append(build(children))
                    state_stack.append(table[state_stack[-1]][origin])  # the goto: a shift
                    if kind == "$END" and state_stack[-1] == self._end:
                        tree: Tree[Token] = value_stack[-1]
                        return tree
