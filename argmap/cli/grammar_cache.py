"""Where the command line keeps lark's analysis of the grammar between runs.

Analysing the grammar takes about 0.1 s, as long as checking a small map; lark can save the
result to a file and check it at the next start (it rebuilds a stale or unreadable one). The
file lives in ``$ARGMAP_CACHE_DIR``, else ``$XDG_CACHE_HOME/argmap``, else ``~/.cache/argmap``;
it may be deleted at any time, and ``ARGMAP_CACHE_DIR=`` (empty) turns the cache off.
"""

from __future__ import annotations

import hashlib
import os
import sys
from functools import cache

from lark import __version__ as lark_version

from argmap.syntax import MapParser, grammar_path

__all__ = ["cache_folder", "cached_parser"]


def cache_folder() -> str | None:
    """The folder for the cache file, or None when the cache is turned off."""
    chosen = os.environ.get("ARGMAP_CACHE_DIR")
    if chosen is not None:
        return chosen or None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "argmap")


@cache
def cached_parser() -> MapParser:
    """The parser of this run, with its analysis of the grammar kept in the cache folder when
    there is a writable one."""
    return MapParser(cache_file=_cache_file())


def _cache_file() -> str | None:
    folder = cache_folder()
    if folder is None:
        return None
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return None
    if not os.access(folder, os.W_OK):
        return None
    grammar = grammar_path().read_bytes()
    digest = hashlib.sha256(grammar).hexdigest()[:16]
    python = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return os.path.join(folder, f"grammar-{digest}-lark{lark_version}-py{python}.cache")
