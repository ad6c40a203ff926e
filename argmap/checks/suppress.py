"""Inline suppressions (``# argmap: ignore[...]``) and X901 unused-suppression."""

from __future__ import annotations

import difflib
import inspect
from collections.abc import Collection, Iterable, Mapping, Sequence

from argmap.checks.base import RuleInfo
from argmap.checks.reader_rules import READER_RULES
from argmap.diagnostics import Diagnostic, Severity
from argmap.model import Suppression

__all__ = ["UNUSED_SUPPRESSION", "apply_suppressions"]

UNUSED_SUPPRESSION = RuleInfo(
    "X901",
    "unused-suppression",
    Severity.WARNING,
    "A suppression comment that silences nothing.",
    inspect.cleandoc(
        """
        What it does
            Reports a `# argmap: ignore[...]` comment that did not silence any finding, or that
            names something that is not a check.

        Why it matters
            Suppressions outlive the problems they hid. A stale one hides the next real problem
            on that line, and a misspelt one hides nothing at all.

        Example
                source report "Annual report 2012"
                claim open: "A claim with a reason."   # argmap: ignore[S201]
                  + evidence e: "Trade grew by 12% in 2011."
                    cite report "p. 14"

            The claim has a reason, so S201 has nothing to report on its line.

        How to fix
            Delete the comment, or correct the code or name it gives. Suppressions of checks
            that did not run (not selected) are not reported; nor is a bare `# argmap: ignore`,
            which silences every check, unless every check that is on by default ran.
        """
    ),
)


_NOT_CHECKS = frozenset({*(r.code for r in READER_RULES), UNUSED_SUPPRESSION.code})
"""Codes that are not checks a bare suppression could be waiting for."""


def apply_suppressions(
    diagnostics: Iterable[Diagnostic],
    suppressions: Sequence[Suppression],
    rules: Mapping[str, RuleInfo],
    ran: Collection[str],
) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """The findings that remain, and one X901 finding per unused suppression (or part of one).

    ``rules`` maps every known code to its info; ``ran`` holds the codes of the checks that
    ran. A suppression applies to findings whose location starts on its line. A bare one
    (every check) is reported as unused only when every check that is on by default ran: with
    fewer, it may be there for one that did not run.
    """
    by_line: dict[tuple[str, int], list[Suppression]] = {}
    for suppression in suppressions:
        by_line.setdefault((suppression.span.file, suppression.line), []).append(suppression)
    used: set[tuple[int, str]] = set()
    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        hits = [
            (id(s), key)
            for s in by_line.get((diagnostic.span.file, diagnostic.span.line), ())
            for key in _keys(s, diagnostic)
        ]
        used.update(hits)
        if not hits:
            kept.append(diagnostic)
    everything_ran = all(
        r.code in ran for r in rules.values() if r.default_enabled and r.code not in _NOT_CHECKS
    )
    unused = [d for s in suppressions for d in _unused(s, used, rules, ran, everything_ran)]
    return kept, unused


def _keys(suppression: Suppression, diagnostic: Diagnostic) -> list[str]:
    """The entries of ``suppression`` that silence ``diagnostic`` (``""`` for a bare ignore)."""
    if not suppression.codes:
        return [""]
    return [
        c for c in suppression.codes if c.upper() == diagnostic.code or c.lower() == diagnostic.name
    ]


def _unused(
    suppression: Suppression,
    used: set[tuple[int, str]],
    rules: Mapping[str, RuleInfo],
    ran: Collection[str],
    everything_ran: bool,
) -> list[Diagnostic]:
    key = id(suppression)
    if not suppression.codes:
        if (key, "") in used or not everything_ran:
            return []
        return [_finding(suppression, "this suppression silences nothing: no finding on its line")]
    findings = []
    for entry in suppression.codes:
        rule = _rule(entry, rules)
        if rule is None:
            findings.append(_finding(suppression, _not_a_check(entry, rules)))
        elif rule.code in ran and (key, entry) not in used:
            findings.append(
                _finding(
                    suppression,
                    f"the suppression of {rule.code} ({rule.name}) silences nothing: "
                    f"no {rule.code} finding on its line",
                )
            )
    return findings


def _rule(entry: str, rules: Mapping[str, RuleInfo]) -> RuleInfo | None:
    return rules.get(entry.upper()) or next(
        (r for r in rules.values() if r.name == entry.lower()), None
    )


def _not_a_check(entry: str, rules: Mapping[str, RuleInfo]) -> str:
    names = [*rules, *(r.name for r in rules.values())]
    close = difflib.get_close_matches(entry, names, n=1)
    hint = f' (did you mean "{close[0]}"?)' if close else ""
    return f'the suppression names "{entry}", which is not a check{hint}'


def _finding(suppression: Suppression, message: str) -> Diagnostic:
    info = UNUSED_SUPPRESSION
    return Diagnostic(info.code, info.name, info.severity, message, suppression.span)
