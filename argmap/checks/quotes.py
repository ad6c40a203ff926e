"""Quote checks (Q501, Q502, Q505): quotes verified against the text of their source."""

from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Iterator

from argmap.checks.base import Check, CheckContext
from argmap.checks.options import Option
from argmap.checks.registry import register
from argmap.diagnostics import Diagnostic, Related, Severity
from argmap.model import ArgumentMap, Source, Span
from argmap.quote_matching import NotFound, Passage, Problem, SourceText

__all__ = ["MissingSource", "QuoteNotInSource", "UncheckedQuotes"]

OPTION_SECTION = "quotes"
"""``[tool.argmap.quotes]``: options shared by the quote checks."""

_SHOWN = 80
"""Quoted words longer than this are shortened in messages."""

_HOW_TO_GIVE_TEXT = 'add a line under the source: file "PATH" (relative to this map)'


@register
class QuoteNotInSource(Check):
    """
    What it does
        Looks for each quote in the text of its source and reports a quote whose words are
        not there. Differences of typography do not count: curly and straight quotation marks
        and apostrophes, kinds of dashes (and spaces around them), no-break and other spaces,
        line breaks and runs of spaces. In a quote, "..." (or "…", "[...]") stands for words
        left out: the parts around it must occur in that order. Each part must start and end
        on a word boundary. Capital letters must match.

    Why it matters
        A quote is the map's evidence that the source says something. A misquote, a wrong
        source or a paraphrase passed off as a quote undermines the whole map.

    Example
            source column "A Precarious Balance"
              file "precarious-balance.txt"

            evidence neutral: "The joint statement was neutral."
              quote column "Perfectly neutral and entirely constructive in spirit"

        The column says "in tone", not "in spirit". The finding points to the closest passage
        of the source and its line.

    How to fix
        Copy the words as the source has them, and mark words you leave out with "...":

            source column "A Precarious Balance"
              file "precarious-balance.txt"

            evidence neutral: "The joint statement was neutral."
              quote column "Perfectly neutral ... constructive in tone"

        If the quote names the wrong source, name the right one.
    """

    code = "Q501"
    name = "quote-not-in-source"
    severity = Severity.ERROR
    summary = "A quote whose words are not in the text of its source."
    CASE_INSENSITIVE = Option(
        "case-insensitive", False, "capital letters need not match", shared=OPTION_SECTION
    )
    options = (CASE_INSENSITIVE,)

    def run(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        m = ctx.map
        case_sensitive = not self.setting(ctx, self.CASE_INSENSITIVE)
        # Looked up once per source: a text read again is equal, not identical, and comparing
        # a long text for each quote would cost more than the quote's own lookup.
        texts = {id: _prepared(text, case_sensitive) for id, text in ctx.sources.items()}
        for statement in m.statements.values():
            for quote in statement.quotes:
                text = texts.get(quote.source)
                if text is None:
                    continue
                miss = text.missing(quote.text)
                if miss is not None:
                    yield self._miss(
                        ctx,
                        quote.source,
                        miss,
                        ctx.map.span_in(statement.id, quote.place),
                        statement.id,
                    )

    def _miss(
        self, ctx: CheckContext, source: str, miss: NotFound, span: Span, subject: str
    ) -> Diagnostic:
        if miss.problem is Problem.EMPTY:
            return self.finding(
                f'the quote has no words to look for in source "{source}"',
                span,
                subject,
                hint="write the words of the source between the quotation marks",
            )
        part = f'"{_shorten(miss.part)}"'
        if miss.parts > 1:
            part = f"its part {miss.index + 1} of {miss.parts}, {part},"
        what, where, hint = _EXPLAIN[miss.problem]
        related: tuple[Related, ...] = ()
        if miss.hint is not None:
            related = (_related(ctx, source, miss.hint, where.format(source=source)),)
        elif miss.problem is Problem.MISSING:
            hint = f'check that the quote names the right source: no passage of "{source}" is close'
        return self.finding(
            f'the quote is not in source "{source}": {part} {what}',
            span,
            subject,
            related,
            hint,
        )


_EXPLAIN = {
    Problem.MISSING: (
        "was not found",
        'the closest passage of source "{source}" is here',
        'copy the words as the source has them, and mark words you leave out with "..."',
    ),
    Problem.CASE: (
        "is there only with other capital letters",
        'source "{source}" has it here',
        "copy the capital letters as the source has them "
        "(or set case-insensitive = true under [tool.argmap.quotes])",
    ),
    Problem.INSIDE_WORD: (
        "is there only inside longer words",
        'source "{source}" has it here',
        "quote whole words, as the source has them",
    ),
    Problem.ORDER: (
        "is there only before the words that precede it in the quote",
        'source "{source}" has it here',
        "put the parts of the quote in the order the source has them, or quote them separately",
    ),
}
"""For each problem: what the message says, the note on the passage shown, and the hint."""


@register
class MissingSource(Check):
    """
    What it does
        Reports a source whose text could not be read: the file named under it (a path
        relative to the map) or given with --source ID=PATH does not exist, is not readable,
        is not a regular file of at most 16 MB, or is not UTF-8 text; or the file named under
        it is outside the map's folder and the folders allowed. Its quotes cannot be checked.

    Why it matters
        A map that points to a missing text cannot be verified by its readers either. Usually
        the path has a typo, or the file was moved.

    Example
            source column "A Precarious Balance"
              file "sources/precarious-balance.txt"
            evidence neutral: "The joint statement was neutral."
              quote column "Perfectly neutral"

        (when there is no such file next to the map)

    How to fix
        Correct the path under the source, or give the text on the command line:

            argmap check map.arg --source column=path/to/column.txt

        A map reads files only in its own folder and below. If you trust the map to read
        texts kept elsewhere, allow their folder (allow-source-folders under [tool.argmap]
        does the same for every map below that pyproject.toml):

            argmap check map.arg --allow-source-folder ../texts
    """

    code = "Q502"
    name = "missing-source"
    severity = Severity.ERROR
    summary = "A source whose text file could not be read."

    def run(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        unread = [s for s in ctx.map.sources.values() if s.id in ctx.source_problems]
        counts = _quote_counts(ctx.map) if unread else Counter[str]()  # all quotes: only if needed
        for source in unread:
            message = ctx.source_problems[source.id]
            if counts[source.id]:
                message += f"; {_quotes_of(source.id, counts[source.id])} not checked"
            if source.id in ctx.source_overrides:
                hint = (
                    f"fix the path given with --source {source.id}=PATH (a path from the "
                    "working folder, or a full path)"
                )
            else:
                folder = os.path.dirname(ctx.map.path) or "."
                hint = (
                    f"fix the path on the file line under the source (a path from the map's "
                    f'folder, "{folder}"), or give the text with --source {source.id}=PATH'
                )
            yield self.finding(message, ctx.map.span(source), source.id, hint=hint)


@register
class UncheckedQuotes(Check):
    """
    What it does
        Reports a source that has quotes but no text to check them against: it names no file,
        and no text was given with --source ID=PATH. Such quotes are not verified (Q501 cannot
        run on them), so this note says so instead of staying silent.

    Why it matters
        A clean result should mean that the quotes were checked. Sources known only by a web
        address or a printed page cannot be checked automatically; this note, at the level of
        information, keeps that visible.

    Example
            source column "A Precarious Balance"
              url "https://example.org/column"

            evidence neutral: "The joint statement was neutral."
              quote column "Perfectly neutral and entirely constructive in tone"

    How to fix
        Save the text of the source next to the map and name it under the source:

            source column "A Precarious Balance"
              url "https://example.org/column"
              file "precarious-balance.txt"

            evidence neutral: "The joint statement was neutral."
              quote column "Perfectly neutral and entirely constructive in tone"

        or give it when checking: argmap check map.arg --source column=column.txt. If the
        text cannot be had, ignore this check for the map (--ignore unchecked-quotes, or
        ignore = ["Q505"] under [tool.argmap]).
    """

    code = "Q505"
    name = "unchecked-quotes"
    severity = Severity.INFO
    summary = "A source with quotes but no text to check them against."

    def run(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        textless = [
            s
            for s in ctx.map.sources.values()
            if s.id not in ctx.sources and s.id not in ctx.source_problems  # Q502 has those
        ]
        counts = _quote_counts(ctx.map) if textless else Counter[str]()  # only if needed
        for source in textless:
            if not counts[source.id]:
                continue
            if source.file is None:
                reason = "the source names no file, and no text was given with --source"
            else:
                reason = f'its file "{source.file}" was not read'
            yield self.finding(
                f"{_quotes_of(source.id, counts[source.id])} not checked: {reason}",
                ctx.map.span(source),
                source.id,
                hint=f"{_HOW_TO_GIVE_TEXT}, or run argmap check with --source {source.id}=PATH",
            )


@functools.lru_cache(maxsize=16)
def _prepared(text: str, case_sensitive: bool) -> SourceText:
    """A source text prepared once, however many maps of a run quote it."""
    return SourceText(text, case_sensitive=case_sensitive)


def _quote_counts(m: ArgumentMap) -> Counter[str]:
    return Counter(q.source for s in m.statements.values() for q in s.quotes)


def _quotes_of(source: str, count: int) -> str:
    """``the quote of source "x" was`` or ``the 3 quotes of source "x" were``."""
    if count == 1:
        return f'the quote of source "{source}" was'
    return f'the {count} quotes of source "{source}" were'


def _related(ctx: CheckContext, source: str, passage: Passage, note: str) -> Related:
    span = Span(
        _source_path(ctx, ctx.map.sources[source]),
        passage.line,
        passage.column,
        passage.end_line,
        passage.end_column,
    )
    return Related(span, f'{note}: "{_shorten(passage.text, 2 * _SHOWN)}"')


def _source_path(ctx: CheckContext, source: Source) -> str:
    """The path of the source's text, for locations in it."""
    path = ctx.source_paths.get(source.id)
    if path is not None:
        return path
    if source.file is not None:
        return os.path.join(os.path.dirname(ctx.map.path), source.file)
    return source.id


def _shorten(text: str, limit: int = _SHOWN) -> str:
    """``text`` on one line, cut to ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
