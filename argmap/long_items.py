"""Long top-level items parsed in chunks, so that an edit parses again only the chunk it touched.

The lines indented under a statement, a premise or a group (a *region*) are cut before each line
at the region's own indentation (an ``&`` line stays with the ``+``/``-`` line above it), and
runs of those *units* are parsed as *chunks* of about :attr:`Chunks.lines` lines: each under a
stand-in (a statement for the body of a statement or premise, a group for a group's items) whose
text holds as many line breaks as there are lines above the chunk in its item, so that the
chunk's tokens get the lines and columns a parse of the whole item gives them. A unit that is
itself long is parsed as a *skeleton*, its lines with the regions under it left blank, and those
regions are filled in the same way. Anything this cannot mirror exactly (a syntax error, a tab
in an indentation, a line indented less than its region, nesting near the parser's limit) raises
:class:`Whole`: the item is then parsed whole, and its errors are worded by that parse.
``tests/test_incremental.py`` checks that both ways give the same tokens, in the same
places, on every map of the repository and after random edits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from argmap import syntax_tree as nodes

__all__ = ["CHUNK_LINES", "ChunkKey", "Chunks", "Parts", "Whole", "parse_in_chunks"]

CHUNK_LINES = 40
"""How many lines a chunk should have, unless a cache says otherwise."""

_STAND_IN = {"body": "x: ", "items": "group "}
"""What a chunk is parsed under, before its text in triple quotes (the lexer reads line breaks
in a text much faster than blank lines)."""

Parts = tuple[nodes.BodyLine | nodes.Item, ...]
"""The body lines of a statement or premise, or the items of a group or a file."""

ChunkKey = tuple[str, int, str]
"""A chunk's text, the index of its first line in its item, and its kind."""


class Whole(Exception):
    """The item must be parsed whole."""


@dataclass(slots=True)
class Chunks:
    """The chunks of the last text parsed (``last``) and of the one being parsed (``now``), by
    text, first line and kind; ``lines``: how many lines a chunk should have."""

    lines: int = CHUNK_LINES
    last: dict[ChunkKey, Parts] = field(default_factory=dict)
    now: dict[ChunkKey, Parts] = field(default_factory=dict)


Parse = Callable[[str], tuple[nodes.Item, ...] | None]
"""Parses a text; None when it has a syntax error."""


def parse_in_chunks(
    parse: Parse, lines: list[str], opaque: set[int], max_depth: int, chunks: Chunks
) -> nodes.Item:
    """The one item that ``lines`` (a top-level piece, split at ``\\n``) hold. ``opaque``: the
    indexes of the lines that start inside a text in triple quotes; ``max_depth``: the
    deepest nesting the parser allows. Raises :class:`Whole` when the item is to be parsed
    whole."""
    return _Chunker(parse, lines, opaque, max_depth, chunks).top()


class _Chunker:
    def __init__(
        self, parse: Parse, lines: list[str], opaque: set[int], max_depth: int, chunks: Chunks
    ) -> None:
        self.parse = parse
        self.lines = lines
        self.opaque = opaque
        self.chunks = chunks
        # The indentation of each line with content, in spaces; None for a blank line, a
        # comment line or a line inside a text in triple quotes.
        self.indent: list[int | None] = []
        for index, line in enumerate(lines):
            content = line.lstrip(" \t")
            if index in opaque or not content or content.startswith("#"):
                self.indent.append(None)
                continue
            width = len(line) - len(content)
            # Tabs, and nesting near the limit, are judged by a parse of the whole item.
            if "\t" in line[:width] or width >= max_depth:
                raise Whole
            self.indent.append(width)

    def top(self) -> nodes.Item:
        head = self._head(0, len(self.lines))
        if self.indent[head] != 0:
            raise Whole
        stop = len(self.lines)
        (item,) = _items(self._unit(0, stop, "items", self._regions(0, stop, "items"), top=True))
        return item

    def _region(self, start: int, stop: int, kind: str) -> Parts:
        """The body lines (``kind`` "body") or items ("items") of ``lines[start:stop]``."""
        depth = self.indent[self._head(start, stop)]
        assert depth is not None
        parts: list[nodes.BodyLine | nodes.Item] = []
        run = start  # the first line not parsed yet
        for unit_start, unit_stop in self._units(start, stop, depth, kind):
            regions = []
            if unit_stop - unit_start > self.chunks.lines:
                regions = self._regions(unit_start, unit_stop, kind)
            if any(self._has_content(*r) for r in regions):
                if run < unit_start:
                    parts += self._parse(run, self.lines[run:unit_start], kind)
                parts += self._unit(unit_start, unit_stop, kind, regions)
                run = unit_stop
            elif unit_stop - run >= self.chunks.lines:
                parts += self._parse(run, self.lines[run:unit_stop], kind)
                run = unit_stop
        if run < stop:
            parts += self._parse(run, self.lines[run:stop], kind)
        return tuple(parts)

    def _units(self, start: int, stop: int, depth: int, kind: str) -> list[tuple[int, int]]:
        """``lines[start:stop]`` cut before each line at ``depth`` (``&`` lines excepted)."""
        starts = [start]
        for index in range(self._head(start, stop) + 1, stop):
            indent = self.indent[index]
            if indent is None or indent > depth:
                continue
            if indent < depth:
                raise Whole
            if not (kind == "body" and self._starts(index, "&")):
                starts.append(index)
        return list(zip(starts, [*starts[1:], stop], strict=True))

    def _unit(
        self, start: int, stop: int, kind: str, regions: list[tuple[int, int]], top: bool = False
    ) -> Parts:
        """A long unit: its skeleton (its ``regions`` left blank), then those regions."""
        skeleton = list(self.lines[start:stop])
        for first, last in regions:
            skeleton[first - start : last - start] = [""] * (last - first)
        parsed = self._parse(start, skeleton, "top" if top else kind)
        if len(parsed) != 1:
            raise Whole
        node = parsed[0]
        filled = [r for r in regions if self._has_content(*r)]
        match node:
            case nodes.Statement() | nodes.Group() if not filled:
                return (node,)
            case nodes.Statement(body=()) if len(filled) == 1:
                return (replace(node, body=_body(self._region(*filled[0], "body"))),)
            case nodes.Group(items=()) if len(filled) == 1:
                return (replace(node, items=_items(self._region(*filled[0], "items"))),)
            case nodes.Branch() if len(regions) == len(node.premises):
                premises = []
                for premise, region in zip(node.premises, regions, strict=True):
                    if self._has_content(*region):
                        if premise.body:
                            raise Whole
                        premise = replace(premise, body=_body(self._region(*region, "body")))
                    premises.append(premise)
                return (replace(node, premises=tuple(premises)),)
        raise Whole

    def _regions(self, start: int, stop: int, kind: str) -> list[tuple[int, int]]:
        """The regions a long unit holds: the lines under its first line, or for a ``+``/``-``
        line, the lines under each of its premises (``&`` lines start the next)."""
        head = self._head(start, stop)
        if kind != "body":
            return [(self._after(head), stop)]
        depth = self.indent[head]
        heads = [head]
        heads += [i for i in range(head + 1, stop) if self.indent[i] == depth]
        return list(zip([self._after(h) for h in heads], [*heads[1:], stop], strict=True))

    def _after(self, index: int) -> int:
        """The line after the one at ``index`` and the lines a text in triple quotes that
        starts on it goes on to."""
        index += 1
        while index in self.opaque:
            index += 1
        return index

    def _parse(self, start: int, lines: list[str], kind: str) -> Parts:
        """Parse lines that start at line ``start`` of the item, under the stand-in of their
        kind, so that their tokens get the item's lines (or reuse them as parsed before)."""
        text = "\n".join(lines) + "\n"
        key = (text, start, kind)
        found = self.chunks.last.get(key)
        if found is None:
            found = self.chunks.now.get(key)
        if found is None:
            above = _STAND_IN[kind] + '"""' + "\n" * (start - 1) + '"""\n' if start else ""
            parsed = self.parse(above + text)
            if parsed is None:
                raise Whole
            found = parsed if kind == "top" else _inside(parsed)
        self.chunks.now[key] = found
        return found

    def _head(self, start: int, stop: int) -> int:
        """The first line with content in ``lines[start:stop]``."""
        for index in range(start, stop):
            if self.indent[index] is not None:
                return index
        raise Whole

    def _has_content(self, start: int, stop: int) -> bool:
        return any(d is not None for d in self.indent[start:stop])

    def _starts(self, index: int, prefix: str) -> bool:
        return self.lines[index].lstrip(" ").startswith(prefix)


def _body(parts: Parts) -> nodes.Body:
    """Parts that are body lines (as those of a region of kind "body" are)."""
    lines = tuple(p for p in parts if isinstance(p, nodes.BodyLine))
    if len(lines) != len(parts):
        raise Whole
    return lines


def _items(parts: Parts) -> tuple[nodes.Item, ...]:
    """Parts that are items (as those of a region of kind "items" are)."""
    items = tuple(p for p in parts if isinstance(p, nodes.Item))
    if len(items) != len(parts):
        raise Whole
    return items


def _inside(parsed: tuple[nodes.Item, ...]) -> Parts:
    """What a chunk parsed under its stand-in line holds."""
    match parsed:
        case (nodes.Statement(body=body),):
            return body
        case (nodes.Group(items=items),):
            return items
    raise Whole
