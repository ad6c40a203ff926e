"""``python -m bench.lsp``: how long a warm ``argmap lsp`` takes from a change to its diagnostics.

One server runs for all sizes, as an editor keeps one. For each size, a generated map (with its
source texts, so the quote checks run) is opened and checked once to warm the server up; then
it is changed ``--runs`` times in each of three ways, each change made to the version before:

- **title**: a word typed in the title, the first line (nothing moves);
- **middle**: a word typed in the text of a statement half-way down the file (in the
  generated outline, inside the one thesis that holds most of the map);
- **new line**: a blank line added at the top (every line below moves down).

The editor sends the whole text each time; the time from sending the change notification to
receiving the published diagnostics is measured (the server's debounce is set to 0, so the time
is the work; an editor adds the debounce, 200 ms by default). Targets: at most 50 ms at 1 000
statements, 500 ms at 10 000, for every kind of change.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.generate import generate, write_files

__all__ = ["EDITS", "TARGETS", "Change", "main", "measure_sizes", "report"]

TARGETS = {1_000: 0.050, 10_000: 0.500}
"""The most seconds from a change to its diagnostics, by map size."""

PUBLISH = "textDocument/publishDiagnostics"


def _in_title(text: str, run: int) -> str:
    return text.replace('title "', f'title "{run} ', 1)


def _in_the_middle(text: str, run: int) -> str:
    at = text.index(': "', len(text) // 2) + 3  # the start of a statement's text
    return text[:at] + f"{run} " + text[at:]


def _new_line(text: str, run: int) -> str:
    return "\n" + text


EDITS: dict[str, Callable[[str, int], str]] = {
    "title": _in_title,
    "middle": _in_the_middle,
    "new line": _new_line,
}
"""Each kind of change: the text after the change, from the text before it and the run."""


class _Connection:
    """JSON-RPC with the server over its standard input and output, as an editor speaks it.
    (A plain client: a Python LSP library would add its own time to every measurement,
    decoding each diagnostic into objects.)"""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        assert process.stdin is not None and process.stdout is not None
        self.process = process
        self.stdin = process.stdin
        self.stdout = process.stdout
        self.next_id = 0

    async def notify(self, method: str, params: object) -> None:
        await self._send({"jsonrpc": "2.0", "method": method, "params": params})

    async def request(self, method: str, params: object) -> object:
        self.next_id += 1
        await self._send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            message = await self.receive()
            if message.get("id") == self.next_id and "method" not in message:
                return message.get("result")

    async def published(self, uri: str, version: int) -> None:
        """Wait for the diagnostics of this version of the document."""
        while True:
            message = await self.receive()
            params = message.get("params")
            if (
                message.get("method") == PUBLISH
                and isinstance(params, dict)
                and params.get("uri") == uri
                and params.get("version") == version
            ):
                return

    async def receive(self) -> dict[str, Any]:
        length = 0
        while True:
            line = await self.stdout.readline()
            if not line:
                raise EOFError("the server ended")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        message: dict[str, Any] = json.loads(await self.stdout.readexactly(length))
        if "id" in message and "method" in message:  # a request of the server: say nothing
            await self._send({"jsonrpc": "2.0", "id": message["id"], "result": None})
        return message

    async def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode("utf-8")
        self.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        await self.stdin.drain()


def _cpu(pid: int) -> float | None:
    """The user+system CPU seconds of a process so far (Linux: /proc; elsewhere None)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True, slots=True)
class Change:
    """One change: wall seconds to the diagnostics, and the server's CPU seconds (if known)."""

    wall: float
    cpu: float | None


async def measure_sizes(
    sizes: list[int], runs: int, seed: int, work: Path
) -> dict[tuple[int, str], list[Change]]:
    """The time from each change notification to the diagnostics, by size and kind of change
    (:data:`EDITS`)."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "argmap",
        "lsp",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        limit=2**20,
    )
    server = _Connection(process)
    times: dict[tuple[int, str], list[Change]] = {}
    try:
        await server.request(
            "initialize",
            {
                "processId": None,
                "rootUri": None,
                "capabilities": {},
                "initializationOptions": {"debounce": 0},
            },
        )
        await server.notify("initialized", {})
        for size in sizes:
            files = write_files(generate(size, seed), work / str(size), f"map-{size}")
            text = files.outline.read_text(encoding="utf-8")
            uri = files.outline.resolve().as_uri()
            item = {"uri": uri, "languageId": "argmap", "version": 1, "text": text}
            await server.notify("textDocument/didOpen", {"textDocument": item})
            await server.published(uri, 1)
            version = 1
            for kind, edit in EDITS.items():
                times[size, kind] = []
                for run in range(runs):
                    text, version = edit(text, run), version + 1
                    change = {
                        "textDocument": {"uri": uri, "version": version},
                        "contentChanges": [{"text": text}],
                    }
                    cpu, start = _cpu(process.pid), time.perf_counter()
                    await server.notify("textDocument/didChange", change)
                    await server.published(uri, version)
                    wall, cpu_after = time.perf_counter() - start, _cpu(process.pid)
                    used = None if cpu is None or cpu_after is None else cpu_after - cpu
                    times[size, kind].append(Change(wall, used))
            await server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        await server.request("shutdown", None)
        await server.notify("exit", None)
        await asyncio.wait_for(process.wait(), 30)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    return times


def report(times: dict[tuple[int, str], list[Change]]) -> str:
    """A Markdown table: for each size and kind of change, the median and the slowest wall
    time, the median CPU time of the server, against the targets."""
    lines = [
        "| statements | change | median | slowest | server CPU (median) | target |",
        "|---:|---|---:|---:|---:|---|",
    ]
    for (size, kind), changes in times.items():
        median = statistics.median(c.wall for c in changes)
        slowest = max(c.wall for c in changes)
        cpus = [c.cpu for c in changes if c.cpu is not None]
        cpu = f"{statistics.median(cpus) * 1000:.0f} ms" if cpus else "n/a"
        target = TARGETS.get(size)
        verdict = ""
        if target is not None:
            met = "met" if median <= target else "MISSED"
            verdict = f"≤ {target * 1000:.0f} ms: {met}"
        lines.append(
            f"| {size:,} | {kind} | {median * 1000:.0f} ms | {slowest * 1000:.0f} ms | {cpu} "
            f"| {verdict} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.lsp", description=__doc__)
    parser.add_argument("--sizes", default="100,1000,10000", help="statements (comma-separated)")
    parser.add_argument("--runs", type=int, default=5, help="changes of each kind, per size")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    with tempfile.TemporaryDirectory(prefix="argmap-bench-lsp-") as work:
        times = asyncio.run(measure_sizes(sizes, args.runs, args.seed, Path(work)))
    print(report(times))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
