"""`argmap lsp` end to end: a real client (pytest-lsp) talks to the real server over stdio.

One server runs for the whole module (as an editor keeps one); each test opens its own
documents. Diagnostics are compared with what `argmap check --format json` prints.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the lsp extra is not installed: pip install 'argmap[lsp]'")
pytest_lsp = pytest.importorskip("pytest_lsp", reason="pytest-lsp is not installed")

from lsprotocol import types  # noqa: E402
from pygls.exceptions import JsonRpcException  # noqa: E402
from pygls.uris import from_fs_path  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

from argmap.reader import read_text  # noqa: E402
from tests.conftest import ROOT, SHARED  # noqa: E402

pytestmark = pytest.mark.asyncio(loop_scope="module")

FLAGSHIP = ROOT / "maps" / "precarious-balance.arg"
DEBOUNCE_MS = 30


@pytest_lsp.fixture(  # type: ignore[untyped-decorator]
    scope="module",
    config=ClientServerConfig(server_command=[sys.executable, "-m", "argmap", "lsp"]),
)
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    lsp_client.diagnostics = Published()
    params = types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        initialization_options={"debounce": DEBOUNCE_MS},
    )
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


# ---- helpers ---------------------------------------------------------------------------------


class Published(dict[str, Sequence[types.Diagnostic]]):
    """The client's diagnostics by document, keeping every publication in order."""

    def __init__(self) -> None:
        super().__init__()
        self.log: list[tuple[str, list[types.Diagnostic]]] = []

    def __setitem__(self, uri: str, diagnostics: Sequence[types.Diagnostic]) -> None:
        super().__setitem__(uri, diagnostics)
        self.log.append((uri, list(diagnostics)))

    def count(self, uri: str) -> int:
        return sum(1 for u, _ in self.log if u == uri)

    async def next(self, uri: str, seen: int) -> list[types.Diagnostic]:
        """The first publication for ``uri`` after the ``seen`` ones."""
        async with asyncio.timeout(20):
            while self.count(uri) <= seen:
                await asyncio.sleep(0.005)
        return [d for u, d in self.log if u == uri][seen]


def log(client: LanguageClient) -> Published:
    assert isinstance(client.diagnostics, Published)
    return client.diagnostics


async def open_text(
    client: LanguageClient, path: Path, text: str | None = None
) -> list[types.Diagnostic]:
    """Open a map (its text on disk, unless ``text`` is given) and wait for its diagnostics."""
    uri = from_fs_path(str(path))
    assert uri is not None
    if text is None:
        text = path.read_text(encoding="utf-8")
    seen = log(client).count(uri)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "argmap", 1, text))
    )
    return await log(client).next(uri, seen)


async def change(
    client: LanguageClient, path: Path, version: int, text: str
) -> list[types.Diagnostic]:
    """Replace the whole text of an open document and wait for its diagnostics."""
    uri = str(from_fs_path(str(path)))
    seen = log(client).count(uri)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version, uri),
            [types.TextDocumentContentChangeWholeDocument(text)],
        )
    )
    return await log(client).next(uri, seen)


def close(client: LanguageClient, path: Path) -> None:
    uri = str(from_fs_path(str(path)))
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
    )


def doc(path: Path) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(str(from_fs_path(str(path))))


def position_of(text: str, needle: str, nth: int = 0, offset: int = 0) -> types.Position:
    """The position of the ``nth`` occurrence of ``needle`` (plus ``offset`` characters)."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    at += offset
    line = text.count("\n", 0, at)
    return types.Position(line, at - (text.rfind("\n", 0, at) + 1))


def apply(text: str, edits: Sequence[types.TextEdit]) -> str:
    """The text after the edits (ASCII lines: positions are characters)."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)

    def offset(p: types.Position) -> int:
        return starts[p.line] + p.character

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


def check_json(path: Path) -> list[dict[str, object]]:
    """What `argmap check --format json` reports on a file."""
    run = subprocess.run(
        [sys.executable, "-m", "argmap", "check", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode in (0, 1, 2), run.stderr
    findings: list[dict[str, object]] = json.loads(run.stdout)["diagnostics"]
    return findings


def as_check_json(diagnostic: types.Diagnostic) -> tuple[object, ...]:
    """An editor's diagnostic in the terms of the JSON of `argmap check`."""
    r = diagnostic.range
    related = [
        (i.message, i.location.range.start.line + 1, i.location.range.start.character + 1)
        for i in diagnostic.related_information or []
    ]
    return (
        diagnostic.code,
        diagnostic.message.split("\nhint: ")[0],
        r.start.line + 1,
        r.start.character + 1,
        r.end.line + 1,
        r.end.character + 1,
        related,
    )


def from_check_json(finding: dict[str, object]) -> tuple[object, ...]:
    location = finding["location"]
    assert isinstance(location, dict)
    related = finding["related"]
    assert isinstance(related, list)
    return (
        finding["code"],
        finding["message"],
        location["line"],
        location["column"],
        location["end_line"],
        location["end_column"],
        [(r["message"], r["location"]["line"], r["location"]["column"]) for r in related],
    )


def label_json(path: Path) -> dict[str, dict[str, str]]:
    """`argmap label --format json`: the label and why of each id."""
    run = subprocess.run(
        [sys.executable, "-m", "argmap", "label", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return {row["id"]: row for row in json.loads(run.stdout)["labels"]}


needs_sources = pytest.mark.skipif(
    not (SHARED / "sources").is_dir(), reason=f"the shared sources are absent ({SHARED})"
)


# ---- done when: the flagship map ---------------------------------------------------------------


@needs_sources
async def test_flagship_s201_on_showdown_as_argmap_check(client: LanguageClient) -> None:
    diagnostics = await open_text(client, FLAGSHIP)
    text = FLAGSHIP.read_text(encoding="utf-8")
    s201 = [d for d in diagnostics if d.code == "S201"]
    assert len(s201) == 1
    assert s201[0].range.start == position_of(text, "claim showdown")
    assert s201[0].severity == types.DiagnosticSeverity.Warning
    assert sorted(map(as_check_json, diagnostics)) == sorted(
        map(from_check_json, check_json(FLAGSHIP))
    )
    close(client, FLAGSHIP)


async def test_flagship_hover_better_is_in_and_why(client: LanguageClient) -> None:
    await open_text(client, FLAGSHIP)
    text = FLAGSHIP.read_text(encoding="utf-8")
    for where in (
        position_of(text, "thesis better", offset=9),
        position_of(text, "U.S.-Russian relations are"),
    ):
        hover = await client.text_document_hover_async(types.HoverParams(doc(FLAGSHIP), where))
        assert hover is not None and isinstance(hover.contents, types.MarkupContent)
        value = hover.contents.value
        assert value.startswith("**thesis** `better`")
        assert "U.S.-Russian relations are better than their gloomy picture suggests." in value
        assert "held by: Lukyanov" in value
        assert "quote from `column`" in value
        why = label_json(FLAGSHIP)["better"]
        assert why["label"] == "IN"
        assert "label: **IN**" in value
        assert why["why"][:40].replace("_", "\\_") in value
    close(client, FLAGSHIP)


async def test_flagship_rename_an_id(client: LanguageClient) -> None:
    await open_text(client, FLAGSHIP)
    text = FLAGSHIP.read_text(encoding="utf-8")
    where = position_of(text, "do_no_harm")
    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(doc(FLAGSHIP), where)
    )
    assert isinstance(prepared, types.Range) and prepared.start == where
    edit = await client.text_document_rename_async(
        types.RenameParams(doc(FLAGSHIP), where, "no_harm")
    )
    assert edit is not None and edit.changes is not None
    edits = edit.changes[str(from_fs_path(str(FLAGSHIP)))]
    assert len(edits) == text.count("do_no_harm")
    renamed = apply(text, edits)
    before, after = read_text(text, "m.arg"), read_text(renamed, "m.arg")
    assert after.ok and "no_harm" in after.map.statements
    assert "do_no_harm" not in after.map.statements and "do_no_harm" not in renamed
    assert after.map.reasons["r_meeting"].premises == ("no_harm",)
    assert len(after.map.statements) == len(before.map.statements)
    # A name that is taken is refused, in plain words.
    with pytest.raises(JsonRpcException, match='"better" is taken'):
        await client.text_document_rename_async(types.RenameParams(doc(FLAGSHIP), where, "better"))
    with pytest.raises(JsonRpcException, match="cannot be an id"):
        await client.text_document_rename_async(types.RenameParams(doc(FLAGSHIP), where, "no harm"))
    close(client, FLAGSHIP)


# ---- diagnostics ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "maps" / "examples").glob("*.arg")))
async def test_diagnostics_are_those_of_argmap_check(client: LanguageClient, name: str) -> None:
    path = ROOT / "maps" / "examples" / name
    diagnostics = await open_text(client, path)
    assert sorted(map(as_check_json, diagnostics)) == sorted(map(from_check_json, check_json(path)))
    close(client, path)


SETTINGS_MAP = """\
source report "The report"
  file "report.txt"
thesis t: "Trade grew."
  + [r] grew
  + [r2] ports
claim grew: "Trade grew by 12%."
  quote report "Trade grew by 15% in 2011."
claim ports: "The ports were busy."
claim lone: "Nothing leads here."  # argmap: ignore[O302]
"""


async def test_settings_sources_and_suppressions(client: LanguageClient, tmp_path: Path) -> None:
    """[tool.argmap] of the nearest pyproject.toml, quotes read from the source named
    relative to the map, and suppressions: all as `argmap check`."""
    (tmp_path / "pyproject.toml").write_text(
        '[tool.argmap]\nextend-select = ["C402"]\nignore = ["S202"]\n', encoding="utf-8"
    )
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "report.txt").write_text("Trade grew by 12% in 2011.\n")
    path = tmp_path / "maps" / "m.arg"
    path.write_text(SETTINGS_MAP, encoding="utf-8")
    diagnostics = await open_text(client, path)
    expected = sorted(map(from_check_json, check_json(path)))
    assert sorted(map(as_check_json, diagnostics)) == expected
    codes = {d.code for d in diagnostics}
    assert "Q501" in codes  # the quote is not in the source next to the map
    assert "S202" not in codes  # ignored in pyproject.toml
    assert "S201" in codes
    close(client, path)


async def test_unusable_settings_are_reported(client: LanguageClient, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nselect = ["Z999"]\n')
    path = tmp_path / "m.arg"
    path.write_text('thesis t: "T."\n', encoding="utf-8")
    diagnostics = await open_text(client, path)
    assert len(diagnostics) == 1
    assert diagnostics[0].message.startswith("the map is not checked:")
    assert "Z999" in diagnostics[0].message
    close(client, path)


BROKEN = 'thesis t: "T."\n  + [r] a\nclaim a "A."\nclaim b: "B\n'
FIXED = 'thesis t: "T."\n  + [r] a\nclaim a: "A."\n  + assumption e: "E."\n'


async def test_syntax_errors_break_and_repair(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "m.arg"
    diagnostics = await open_text(client, path, BROKEN)
    errors = [d for d in diagnostics if d.code == "E101"]
    assert [d.range.start.line for d in errors] == [2, 3]
    assert all(d.severity == types.DiagnosticSeverity.Error for d in errors)
    # The server keeps answering on a map with errors.
    hover = await client.text_document_hover_async(
        types.HoverParams(doc(path), position_of(BROKEN, "t:"))
    )
    assert hover is not None and "label: not known while the map has errors" in str(hover)
    assert await change(client, path, 2, FIXED) == []
    again = await change(client, path, 3, FIXED.replace("claim a:", "claim a"))
    assert [d.code for d in again] == ["E101"]
    assert await change(client, path, 4, FIXED) == []
    close(client, path)


async def test_changes_are_debounced(client: LanguageClient, tmp_path: Path) -> None:
    """Quick changes give one publication, for the last version."""
    path = tmp_path / "m.arg"
    await open_text(client, path, FIXED)
    uri = str(from_fs_path(str(path)))
    seen = log(client).count(uri)
    for version in (2, 3, 4, 5):
        text = BROKEN if version % 2 == 0 else FIXED
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version, uri),
                [types.TextDocumentContentChangeWholeDocument(text)],
            )
        )
    assert await log(client).next(uri, seen) == []  # the last text, FIXED
    await asyncio.sleep(5 * DEBOUNCE_MS / 1000)
    assert log(client).count(uri) == seen + 1
    close(client, path)


async def test_a_file_that_is_not_utf8(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "latin1.arg"
    data = 'thesis t: "Caf\u00e9s are open."\n'.encode("latin-1")
    path.write_bytes(data)
    diagnostics = await open_text(client, path, data.decode("latin-1"))
    assert [d.code for d in diagnostics] == ["E100"]
    assert "not UTF-8" in diagnostics[0].message
    assert diagnostics[0].range.start == types.Position(0, 14)  # at the é
    # Saved as UTF-8, the file is checked as usual.
    path.write_bytes(data.decode("latin-1").encode("utf-8"))
    uri = str(from_fs_path(str(path)))
    seen = log(client).count(uri)
    client.text_document_did_save(types.DidSaveTextDocumentParams(doc(path)))
    assert [d.code for d in await log(client).next(uri, seen)] == ["S201"]
    close(client, path)
