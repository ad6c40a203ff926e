"""The human report stays small and readable on hostile maps: a long line is shown as a window
around the finding, many findings of one kind on one line fold into one, and a line separator
inside a text does not break the excerpt."""

from __future__ import annotations

from click.testing import CliRunner

from argmap.cli import main
from argmap.reader import read_text
from argmap.report.human import SHOWN_PER_LINE, WINDOW, format_human


def report(text: str) -> str:
    result = read_text(text, "m.arg")
    return format_human(result.diagnostics, {"m.arg": result.text})


def test_16000_undefined_ids_on_one_line_fold_into_one_report() -> None:
    ids = " ".join(f"x{i}" for i in range(16_000))
    text = f'thesis t: "T."\nexpect IN: {ids}\n'  # 110 KB: the report once grew to 770 MB
    out = report(text)
    assert len(out) < 2_000
    assert out.count("E102") == SHOWN_PER_LINE + 1
    assert (
        f"… and {16_000 - SHOWN_PER_LINE} more E102 findings on line 2 (x3, x4, x5, x6, x7, …)"
        in out
    )


def test_findings_on_several_lines_are_each_shown() -> None:
    text = 'thesis t: "T."\nexpect IN: a b\nexpect OUT: c d\n'
    out = report(text)
    assert out.count(": error: E102") == 4
    assert "more" not in out


def test_a_long_line_is_shown_as_a_window_around_the_finding() -> None:
    text = 'thesis t: "' + "w" * 5_000 + '" + oops\n'
    out = report(text)
    source, caret = out.splitlines()[1:3]
    assert source.startswith("   1 | …") and source.endswith('" + oops')
    assert len(source) <= len("   1 | ") + WINDOW + 2
    assert source[caret.index("^")] == "+"


def test_the_window_cuts_both_ends_when_the_finding_is_in_the_middle() -> None:
    text = (
        'thesis t: "T."\nexpect IN: '
        + " ".join(["t"] * 2_000)
        + " nope "
        + " ".join(["t"] * 2_000)
        + "\n"
    )
    source, caret = report(text).splitlines()[1:3]
    assert source.startswith("   2 | …") and source.endswith("…")
    assert source[caret.index("^") : caret.index("^") + 4] == "nope"
    assert caret.strip() == "^~~~"


def test_a_span_longer_than_the_window_is_marked_to_its_edge() -> None:
    text = 'thesis t: "T."\nexpect IN: ' + "y" * 3_000 + "\n"
    source, caret = report(text).splitlines()[1:3]
    assert len(caret) == len(source) - 1  # the caret runs to the "…"


def test_line_separators_in_a_text_keep_the_excerpt_on_one_line() -> None:
    for separator in ("\u2028", "\u2029", "\x85"):
        out = report(f'thesis t: "a{separator}b{separator}c" x\n')
        lines = out.splitlines()
        assert len(lines) == 3, lines
        assert lines[1] == '   1 | thesis t: "a␤b␤c" x'
        assert lines[1][lines[2].index("^")] == "x"


def test_the_caret_stays_under_the_span_after_a_bidi_control() -> None:
    out = report('thesis t: "\u202eab" x\n')
    source, caret = out.splitlines()[1:3]
    assert "[RLO]" in source and source[caret.index("^")] == "x"


def test_check_prints_the_folded_report_and_counts_every_finding() -> None:
    ids = " ".join(f"x{i}" for i in range(1_000))
    result = CliRunner().invoke(main, ["check", "-"], input=f'thesis t: "T."\nexpect IN: {ids}\n')
    assert result.exit_code == 2
    assert "… and 997 more E102 findings on line 2" in result.stdout
