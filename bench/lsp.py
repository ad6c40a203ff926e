"""``python -m bench.lsp``: how long a warm ``argmap lsp`` takes from a change to its diagnostics.

One server runs for all sizes, as an editor keeps one. For each size, a generated map (with its
source texts, so the quote checks run) is opened and checked once to warm the server up; then
the whole text is sent again with one character changed, ``--runs`` times, and the time from
sending the change notification to receiving the published diagnostics is measured (the
server's debounce is set to 0, so the time is the work; an editor adds the debounce, 200 ms by
default). Targets: at most 50 ms at 1 000 statements, 500 ms at 10 000.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

from bench.generate import generate, write_files

__all__ = ["TARGETS", "main", "measure_sizes"]

TARGETS = {1_000: 0.050, 10_000: 0.500}
"""The most seconds from a change to its diagnostics, by map size."""


async def measure_sizes(
    sizes: list[int], runs: int, seed: int, work: Path
) -> dict[int, list[float]]:
    """Seconds from each change notification to the diagnostics, by size."""
    client = LanguageClient("argmap-bench", "1")
    published: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)  # type: ignore[untyped-decorator]
    def _published(params: types.PublishDiagnosticsParams) -> None:
        published.put_nowait(params)

    await client.start_io(sys.executable, "-m", "argmap", "lsp")
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(), initialization_options={"debounce": 0}
        )
    )
    client.initialized(types.InitializedParams())
    times: dict[int, list[float]] = {}
    try:
        for size in sizes:
            files = write_files(generate(size, seed), work / str(size), f"map-{size}")
            text = files.outline.read_text(encoding="utf-8")
            uri = str(from_fs_path(str(files.outline)))
            client.text_document_did_open(
                types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "argmap", 1, text))
            )
            await _diagnostics(published, uri, 1)
            times[size] = []
            for version in range(2, runs + 2):
                # The same map with its title changed: the server reads and checks it all again.
                changed = text.replace('title "', f'title "{version} ', 1)
                start = time.perf_counter()
                client.text_document_did_change(
                    types.DidChangeTextDocumentParams(
                        types.VersionedTextDocumentIdentifier(version, uri),
                        [types.TextDocumentContentChangeWholeDocument(changed)],
                    )
                )
                await _diagnostics(published, uri, version)
                times[size].append(time.perf_counter() - start)
            client.text_document_did_close(
                types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
            )
    finally:
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()  # type: ignore[no-untyped-call]
    return times


async def _diagnostics(
    queue: asyncio.Queue[types.PublishDiagnosticsParams], uri: str, version: int
) -> None:
    while True:
        params = await asyncio.wait_for(queue.get(), 600)
        if params.uri == uri and params.version == version:
            return


def report(times: dict[int, list[float]]) -> str:
    """A Markdown table: the median and the slowest time of each size, against the targets."""
    lines = [
        "| statements | median | slowest | target |",
        "|---:|---:|---:|---|",
    ]
    for size, samples in times.items():
        median = statistics.median(samples)
        target = TARGETS.get(size)
        verdict = (
            ""
            if target is None
            else f"≤ {target * 1000:.0f} ms: " + ("met" if median <= target else "MISSED")
        )
        lines.append(
            f"| {size:,} | {median * 1000:.0f} ms | {max(samples) * 1000:.0f} ms | {verdict} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.lsp", description=__doc__)
    parser.add_argument("--sizes", default="100,1000,10000", help="statements (comma-separated)")
    parser.add_argument("--runs", type=int, default=5, help="changes measured per size")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    with tempfile.TemporaryDirectory(prefix="argmap-bench-lsp-") as work:
        times = asyncio.run(measure_sizes(sizes, args.runs, args.seed, Path(work)))
    print(report(times))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
