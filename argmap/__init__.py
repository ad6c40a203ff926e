"""argmap: argument maps as text, checked like code and drawn with Graphviz.

The pipeline is a chain of pure functions: :func:`read_text` (grammar, syntax, model),
then the analyses, the checks and the renderer. Only :mod:`argmap.cli` does I/O.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("argmap")
except PackageNotFoundError:  # a checkout that was not installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__", "read_bytes", "read_text"]


def __getattr__(name: str) -> object:
    # Lazy, so that importing argmap (and `argmap --version`) does not load lark.
    if name in ("read_text", "read_bytes"):
        from argmap import reader

        return getattr(reader, name)
    raise AttributeError(name)
