"""Running Graphviz: DOT source in, SVG/PNG/PDF bytes out, failures in plain words.

Uses the system Graphviz through the ``graphviz`` package's ``pipe`` (never ``render``, which
leaves ``.gv`` files behind). Nothing here touches files; the command line writes the bytes.
"""

from __future__ import annotations

import signal

import graphviz

__all__ = ["ENGINES", "FORMATS", "INSTALL_HINT", "EngineError", "EngineMissing", "draw"]

FORMATS = ("svg", "png", "pdf")
ENGINES = tuple(sorted(graphviz.ENGINES))
INSTALL_HINT = (
    "install Graphviz (Debian/Ubuntu: sudo apt-get install graphviz; Fedora: sudo dnf install "
    "graphviz; macOS: brew install graphviz; Windows: winget install graphviz), "
    "or write DOT with -f dot"
)
_DETAIL_LIMIT = 300


class EngineError(Exception):
    """Graphviz could not draw the map; the message says why in plain words."""


class EngineMissing(EngineError):
    """The Graphviz ``dot`` program is not installed (or not on ``PATH``)."""


def draw(source: str, *, format: str, engine: str = "dot") -> bytes:
    """The map's DOT ``source`` drawn by Graphviz as ``format`` (svg, png or pdf)."""
    if format not in FORMATS:
        raise ValueError(f"cannot draw {format!r}; the formats are {', '.join(FORMATS)}")
    if engine not in ENGINES:
        raise ValueError(
            f"unknown Graphviz engine {engine!r}; the engines are {', '.join(ENGINES)}"
        )
    try:
        data: bytes = graphviz.pipe(engine, format, source.encode("utf-8"), quiet=True)
    except graphviz.ExecutableNotFound:
        raise EngineMissing(
            f"drawing {format.upper()} needs Graphviz, and its dot program was not found: "
            + INSTALL_HINT
        ) from None
    except graphviz.CalledProcessError as exc:
        raise EngineError(_failure(exc.returncode, exc.stderr)) from None
    except OSError as exc:
        raise EngineError(f"Graphviz could not be started: {exc.strerror or exc}") from None
    return data


def _failure(returncode: int, stderr: bytes | str | None) -> str:
    """What went wrong, from Graphviz's exit status and error output."""
    if isinstance(stderr, bytes):
        stderr = stderr.decode("utf-8", "replace")
    lines = [line.strip() for line in (stderr or "").splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("Error:")] or lines[-1:]
    detail = " ".join(line.removeprefix("Error:").strip() for line in errors)
    detail = detail.replace("<stdin>: ", "")[:_DETAIL_LIMIT]
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        return f"Graphviz crashed ({name}) while drawing the map" + (
            f": {detail}" if detail else ""
        )
    return f"Graphviz could not draw the map: {detail or f'it stopped with exit code {returncode}'}"
