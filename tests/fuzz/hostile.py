"""The hostile-size maps of docs/robustness.md, and their measurement.

``python -m tests.fuzz.hostile FOLDER`` writes the maps into FOLDER, runs each argmap command
on each map as a separate program (with a memory ceiling and a time limit, so that a blow-up
is a recorded outcome, not a machine brought down), and prints a Markdown table: processor
time, wall time, peak memory, exit code and the first line of what argmap said.
"""

from __future__ import annotations

import argparse
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

__all__ = ["MAPS", "main"]


def _chain(n: int, text: str = "S.") -> Iterator[str]:
    """A support chain n deep, written flat: s0 <- s1 <- ... <- s(n-1), an assumption."""
    yield f'thesis s0: "{text}"'
    for i in range(1, n - 1):
        yield f'claim s{i}: "{text}"'
    yield f'assumption s{n - 1}: "{text}"'
    for i in range(1, n):
        yield f"reason: s{i} -> s{i - 1}"


def _tree(n: int) -> Iterator[str]:
    """n statements in a binary tree of reasons, the leaves assumptions."""
    yield 'thesis s0: "S."'
    for i in range(1, n):
        yield f'{"assumption" if 2 * i + 1 >= n else "claim"} s{i}: "S{i}."'
        yield f"reason: s{i} -> s{(i - 1) // 2}"


def _co_premises(n: int) -> Iterator[str]:
    yield 'thesis t: "T."'
    yield from (f'assumption p{i}: "P{i}."' for i in range(n))
    yield "reason r: " + " & ".join(f"p{i}" for i in range(n)) + " -> t"


def _cycle(n: int, kind: str, members: str) -> Iterator[str]:
    """A cycle of n: c0 the thesis, the others ``members`` (claims, evidence); each a reason
    for (or an objection to) the next."""
    yield 'thesis c0: "C0."'
    yield from (f'{members} c{i}: "C{i}."' for i in range(1, n))
    yield from (f"{kind}: c{i} -> c{(i + 1) % n}" for i in range(n))


def _long_line(size: int) -> Iterator[str]:
    yield 'thesis t: "' + "x" * size + '"'
    yield '  + assumption a: "A."'


MAPS: dict[str, Callable[[], Iterator[str]]] = {
    "depth-10000": lambda: _chain(10_000),
    "50mb": lambda: _chain(24_000, "word " * 400),
    "flat-100000": lambda: _tree(100_000),
    "co-premises-10000": lambda: _co_premises(10_000),
    "support-cycle-50000": lambda: _cycle(50_000, "reason", "claim"),
    "attack-cycle-50001": lambda: _cycle(50_001, "objection", "evidence"),
    "line-5mb": lambda: _long_line(5 << 20),
}
"""The hostile maps by name (each a function that yields its lines)."""

COMMANDS = (
    ("check", ["check", "--no-config"]),
    ("label", ["label"]),
    ("render dot", ["render", "-f", "dot", "-o", "-"]),
)


def _limited(memory: int) -> Callable[[], None]:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return limit


def measure(args: list[str], seconds: float, memory: int) -> str:
    """One command as a table row's cells: processor s, wall s, peak MB, exit, first line."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink, tempfile.TemporaryFile() as err_file:
        child = subprocess.Popen(args, stdout=sink, stderr=err_file, preexec_fn=_limited(memory))
        outcome = ""
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if not outcome and time.perf_counter() - start > seconds:
                child.send_signal(signal.SIGTERM)
                outcome = f"stopped after {seconds:g} s; "
            time.sleep(0.05)
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        err_file.seek(0)
        err = err_file.read(10_000).decode("utf-8", "replace")
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    said = next((line for line in err.splitlines() if line.strip()), "")[:120]
    return (
        f"{usage.ru_utime + usage.ru_stime:.1f} | {wall:.1f} | {usage.ru_maxrss / 1024:.0f} | "
        f"{code} | {outcome}{said}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz.hostile", description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--only", nargs="*", help="map names (default: all)")
    parser.add_argument("--time-limit", type=float, default=600, metavar="SECONDS")
    parser.add_argument("--memory", type=int, default=8, metavar="GB", help="ceiling per run")
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    print("| map | size | command | CPU s | wall s | peak MB | exit | argmap said |")
    print("|---|---|---|---|---|---|---|---|")
    for name in args.only or MAPS:
        path = args.folder / f"{name}.arg"
        if not path.exists():
            path.write_text("\n".join(MAPS[name]()) + "\n", encoding="utf-8")
        size = f"{path.stat().st_size / (1 << 20):.1f} MB"
        for label, command in COMMANDS:
            row = measure(
                [sys.executable, "-m", "argmap", *command, str(path)],
                args.time_limit,
                args.memory << 30,
            )
            print(f"| {name} | {size} | {label} | {row} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
