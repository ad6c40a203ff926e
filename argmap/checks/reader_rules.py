"""What the reader's error codes (E100–E104) mean, for ``argmap explain`` and SARIF rules.

The reader reports these; they always run and cannot be selected or suppressed, because the
checks need a map whose syntax and references are right.
"""

from __future__ import annotations

import inspect

from argmap.checks.base import RuleInfo
from argmap.diagnostics import Severity

__all__ = ["READER_RULES"]


def _rule(code: str, name: str, summary: str, doc: str) -> RuleInfo:
    return RuleInfo(code, name, Severity.ERROR, summary, inspect.cleandoc(doc))


READER_RULES = (
    _rule(
        "E100",
        "not-utf8",
        "The file is not UTF-8 text.",
        """
What it does
    Reports a map file whose bytes are not UTF-8, with the position of the first bad byte.
    A file in UTF-16 or UTF-32 (told by its byte-order mark, or by its many zero bytes) is
    named as such.

Why it matters
    argmap cannot know which characters such a file holds, so it reads nothing from it.

Example
    A map saved as "Windows-1252" or "Latin-1" by an old editor, containing "café"; a map
    saved as "Unicode" by Notepad or PowerShell, which is UTF-16.

How to fix
    Save the file as UTF-8 ("Save with encoding" in most editors).
""",
    ),
    _rule(
        "E101",
        "syntax-error",
        "The text does not follow the language.",
        """
What it does
    Reports text that does not follow the .arg language: an unclosed quote, a missing colon,
    an indentation that matches no outer line, an empty file.

Why it matters
    argmap cannot tell what the map says, so no check runs on the file.

Example
        claim a "A claim without a colon."

How to fix
    Follow the message and the caret; grammar/README.md has an example of every construct.

        claim a: "A claim with a colon."
""",
    ),
    _rule(
        "E102",
        "undefined-reference",
        "An id is used but never defined.",
        """
What it does
    Reports an id used as a premise, a target, a quote's source or a group that no statement,
    reason, objection or source defines. A close existing id is suggested.

Why it matters
    A misspelt id silently disconnects part of the argument.

Example
        claim a: "A."
        reason r: b -> a

How to fix
    Correct the spelling, or define the missing statement:

        claim a: "A."
        claim b: "B."
        reason r: b -> a
""",
    ),
    _rule(
        "E103",
        "duplicate-id",
        "An id or a header line is defined twice.",
        """
What it does
    Reports an id defined twice (statements, reasons, objections, sources and groups share one
    namespace) or a header line such as `title` given twice; a note shows the first one.

Why it matters
    References by id would be ambiguous.

Example
        claim a: "One thing."
        claim a: "Another thing."

How to fix
    Rename one of the two, and update the references to it.
""",
    ),
    _rule(
        "E104",
        "invalid-target",
        "A reference names the wrong kind of thing.",
        """
What it does
    Reports a reference to something of the wrong kind: a reason supporting a source or an
    inference, a premise that is an objection, a premise listed twice, a reason marked
    `conceded`.

Why it matters
    The map would not mean anything argmap can analyse.

Example
        source report "Annual report"
        claim a: "A."
        reason r: a -> report

How to fix
    Point the reference at a statement (reasons support statements; objections may also
    attack reasons and objections).
""",
    ),
)
