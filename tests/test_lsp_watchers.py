"""The watcher the language server asks the editor for, for each source text a map quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the lsp extra is not installed: pip install 'argmap[lsp]'")

from lsprotocol import types  # noqa: E402

from argmap.cli.lsp_server import _watcher  # noqa: E402


def test_an_editor_that_takes_relative_patterns_watches_the_file_in_its_folder(
    tmp_path: Path,
) -> None:
    source = tmp_path / "texts" / "op-ed [2021].txt"
    watcher = _watcher(str(source), relative=True)
    assert isinstance(watcher.glob_pattern, types.RelativePattern)
    assert watcher.glob_pattern.base_uri == (tmp_path / "texts").as_uri()
    assert watcher.glob_pattern.pattern == "op-ed ?2021?.txt"  # "[2021]" is a glob's set


def test_another_editor_watches_the_whole_path(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    assert _watcher(str(source), relative=False).glob_pattern == source.as_posix()
    odd = tmp_path / "{drafts}" / "what*.txt"
    pattern = f"{tmp_path.as_posix()}/?drafts?/what?.txt"
    assert _watcher(str(odd), relative=False).glob_pattern == pattern
