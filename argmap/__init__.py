"""argmap: argument maps as text, checked like code and drawn with Graphviz.

The pipeline is a chain of pure functions: :func:`read_text` (grammar, syntax, model),
then the analyses, the checks and the renderer. Only :mod:`argmap.cli` does I/O.
"""

from __future__ import annotations

__all__ = ["__version__", "read_bytes", "read_text"]


def _installed_version() -> str:
    # importlib.metadata is slow to import and read, so only the commands that
    # show the version (--version, the JSON and SARIF reports) pay for it.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("argmap")
    except PackageNotFoundError:  # a checkout that was not installed
        return "0.0.0+unknown"


def __getattr__(name: str) -> object:
    # Lazy, so that importing argmap (and `argmap --version`) does not load lark.
    if name == "__version__":
        value = globals()["__version__"] = _installed_version()
        return value
    if name in ("read_text", "read_bytes"):
        from argmap import reader

        return getattr(reader, name)
    raise AttributeError(name)
