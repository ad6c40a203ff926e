"""The layout of a check's documentation, as ``argmap explain`` prints it.

A title line ("What it does", "Example", …) starts at the left margin; the text of its section
is indented by 4 spaces; an example (a map, a command, a pyproject.toml snippet) by 8 or more.
Blank lines separate paragraphs; a blank line inside an example belongs to it.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

__all__ = ["DocPart", "DocSection", "doc_sections"]

CODE_INDENT = 8
"""Lines indented this much (or more) are an example."""


@dataclass(frozen=True, slots=True)
class DocPart:
    """A paragraph of text (lines joined by spaces), or an example (``code``) as written,
    without its indentation."""

    text: str
    code: bool


@dataclass(frozen=True, slots=True)
class DocSection:
    """A titled section ("What it does", "Example", …) and its paragraphs and examples."""

    title: str
    parts: tuple[DocPart, ...]

    def examples(self) -> list[str]:
        """The section's examples, without their indentation."""
        return [p.text for p in self.parts if p.code]


def doc_sections(doc: str) -> list[DocSection]:
    """The sections of a doc, in order; text before the first title is ignored."""
    sections: list[DocSection] = []
    title: str | None = None
    parts: list[DocPart] = []
    lines: list[str] = []
    code = False

    def close_part() -> None:
        nonlocal lines
        while lines and not lines[-1].strip():
            lines.pop()
        if lines:
            if code:
                text = textwrap.dedent("\n".join(lines))
            else:
                text = " ".join(line.strip() for line in lines)
            parts.append(DocPart(text, code))
        lines = []

    for line in doc.splitlines():
        indent = len(line) - len(line.lstrip(" "))
        if not line.strip():
            if code:
                lines.append("")
            else:
                close_part()
        elif indent == 0:
            close_part()
            if title is not None:
                sections.append(DocSection(title, tuple(parts)))
            title, parts, code = line.strip(), [], False
        elif (indent >= CODE_INDENT) != code:
            close_part()
            code = indent >= CODE_INDENT
            lines.append(line)
        else:
            lines.append(line)
    close_part()
    if title is not None:
        sections.append(DocSection(title, tuple(parts)))
    return sections
