"""docs/editors.md: its configuration blocks are valid, and what it says of the flagship map is
what the map and the server give (the server itself is tested in test_lsp.py)."""

from __future__ import annotations

import json
import re
import tomllib

from argmap.reader import read_text
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
FLAGSHIP = ROOT / "maps" / "precarious-balance.arg"


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC, re.S)


def test_vs_code_settings_are_json() -> None:
    (settings,) = blocks("json")
    data = json.loads(settings)
    assert data["glspc.server.command"] == "argmap"
    assert data["glspc.server.commandArguments"] == ["lsp"]


def test_helix_languages_are_toml() -> None:
    (languages,) = blocks("toml")
    data = tomllib.loads(languages)
    assert data["language-server"]["argmap"] == {"command": "argmap", "args": ["lsp"]}
    assert data["language"][0]["file-types"] == ["arg"]


def test_neovim_starts_argmap_lsp() -> None:
    assert all('cmd = { "argmap", "lsp" }' in block for block in blocks("lua"))


def test_what_the_walk_through_names_is_in_the_map() -> None:
    result = read_text(FLAGSHIP.read_text(encoding="utf-8"), str(FLAGSHIP))
    line = int(re.search(r"Line (\d+), `claim showdown", DOC).group(1))  # type: ignore[union-attr]
    assert result.map.span(result.map.statements["showdown"]).line == line
    assert result.map.reasons["r_meeting"].target == "better"
    assert {"o_gloomy", "o_friendship"} <= set(result.map.objections)
    assert "do_no_harm" in result.map.statements
