"""Running Graphviz: DOT source in, SVG/PNG/PDF bytes and Graphviz's warnings out, failures in
plain words.

Runs the system Graphviz ``dot`` program on standard input and output (never on files, which
would leave ``.gv`` files behind), keeping what it says on standard error: its warnings (an
unknown shape, a value it ignores) reach the user. Nothing here touches files or prints; the
command line writes the bytes and passes the warnings on.
"""

from __future__ import annotations

import signal
import subprocess
from collections import Counter
from dataclasses import dataclass

import graphviz

__all__ = [
    "ENGINES",
    "FORMATS",
    "INSTALL_HINT",
    "Drawing",
    "EngineError",
    "EngineMissing",
    "draw",
]

FORMATS = ("svg", "png", "pdf")
ENGINES = tuple(sorted(graphviz.ENGINES))
INSTALL_HINT = (
    "install Graphviz (Debian/Ubuntu: sudo apt-get install graphviz; Fedora: sudo dnf install "
    "graphviz; macOS: brew install graphviz; Windows: winget install graphviz), "
    "or write DOT with -f dot"
)
_DETAIL_LIMIT = 300
_WARNING_LIMIT = 10
_DOT = "dot"


@dataclass(frozen=True, slots=True)
class Drawing:
    """What Graphviz drew, and the warnings it gave while drawing (each once, in order)."""

    data: bytes
    warnings: tuple[str, ...] = ()


class EngineError(Exception):
    """Graphviz could not draw the map; the message says why in plain words, ``warnings`` are
    what Graphviz said before it gave up."""

    def __init__(self, message: str, warnings: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.warnings = warnings


class EngineMissing(EngineError):
    """The Graphviz ``dot`` program is not installed (or not on ``PATH``)."""


def draw(source: str, *, format: str, engine: str = "dot") -> Drawing:
    """The map's DOT ``source`` drawn by Graphviz as ``format`` (svg, png or pdf)."""
    if format not in FORMATS:
        raise ValueError(f"cannot draw {format!r}; the formats are {', '.join(FORMATS)}")
    if engine not in ENGINES:
        raise ValueError(
            f"unknown Graphviz engine {engine!r}; the engines are {', '.join(ENGINES)}"
        )
    try:
        done = subprocess.run(
            [_DOT, f"-K{engine}", f"-T{format}"],
            input=source.encode("utf-8"),
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise EngineMissing(
            f"drawing {format.upper()} needs Graphviz, and its dot program was not found: "
            + INSTALL_HINT
        ) from None
    except OSError as exc:
        raise EngineError(f"Graphviz could not be started: {exc.strerror or exc}") from None
    lines = _lines(done.stderr)
    if done.returncode != 0:
        others = [line for line in lines if not line.startswith("Error:")]
        raise EngineError(_failure(done.returncode, lines), _warnings(others))
    return Drawing(done.stdout, _warnings(lines))


def _lines(stderr: bytes) -> list[str]:
    """Graphviz's error output as lines, without blanks and without the name of its input."""
    text = stderr.decode("utf-8", "replace").replace("<stdin>: ", "")
    return [line.strip() for line in text.splitlines() if line.strip()]


def _warnings(lines: list[str]) -> tuple[str, ...]:
    """Each line once (with how often Graphviz repeated it), at most ``_WARNING_LIMIT`` of them
    and then how many more there were. (An "Error:" that did not stop Graphviz is a warning.)"""
    counts = Counter(lines)
    shown = [
        line if n == 1 else f"{line} ({n} times)"
        for line, n in list(counts.items())[:_WARNING_LIMIT]
    ]
    hidden = len(counts) - len(shown)
    if hidden:
        shown.append(f"... and {hidden} more warning{'s' if hidden > 1 else ''}")
    return tuple(shown)


def _failure(returncode: int, lines: list[str]) -> str:
    """What went wrong, from Graphviz's exit status and error output."""
    errors = [line for line in lines if line.startswith("Error:")] or lines[-1:]
    detail = " ".join(line.removeprefix("Error:").strip() for line in errors)[:_DETAIL_LIMIT]
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        return f"Graphviz crashed ({name}) while drawing the map" + (
            f": {detail}" if detail else ""
        )
    return f"Graphviz could not draw the map: {detail or f'it stopped with exit code {returncode}'}"
