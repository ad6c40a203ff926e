"""Findings as the language server sends them: made anew only for what changed."""

from __future__ import annotations

import pytest

pytest.importorskip(
    "lsprotocol", reason="the lsp extra is not installed: pip install 'argmap[lsp]'"
)

from argmap.diagnostics import Diagnostic, Severity  # noqa: E402
from argmap.lsp.document import MapDocument  # noqa: E402
from argmap.lsp.findings import EditorDiagnostics, editor_diagnostic  # noqa: E402
from argmap.model import Span  # noqa: E402

URI = "file:///m.arg"


def test_a_finding_reported_again_is_the_same_editor_diagnostic() -> None:
    text = 'thesis t: "T."\n  + [r] a\nclaim a: "x"\n'
    shown = EditorDiagnostics()
    first = MapDocument(text, "m.arg")
    found = first.result.diagnostics + (
        Diagnostic(
            "S201", "unsupported", Severity.WARNING, "no support", Span("m.arg", 3, 1, 3, 13)
        ),
    )
    twice = shown(first, URI, found + found)  # a finding given twice is sent twice
    assert twice == [editor_diagnostic(first, URI, d) for d in found + found]
    before = shown(first, URI, found)
    again = shown(MapDocument(text.replace('"T."', '"T!"'), "m.arg"), URI, found)
    assert again[0] is before[0]
    wider = MapDocument(text.replace('"x"', '"\u00e9"'), "m.arg")
    assert shown(wider, URI, found)[0] is not before[0]
