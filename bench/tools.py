"""The programs the benchmark runs, found or installed, and the machine they run on."""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "ARGDOWN_SPEC_NODE20",
    "Machine",
    "Tools",
    "argdown_spec",
    "ensure_argdown",
    "find_argmap",
    "find_tools",
    "machine",
]

ARGDOWN_SPEC_NODE20 = "@argdown/cli@1.7"
"""@argdown/cli 2.x needs Node 22.11 or newer; on older Node the 1.7 line is the one that runs."""


@dataclass(frozen=True, slots=True)
class Tools:
    """Paths of the programs, or why one is missing (a plain-words reason)."""

    argmap: Path
    argmap_commands: frozenset[str]
    dot: Path | None
    argdown: Path | str
    python: Path
    """The interpreter argmap runs with (for the floor rows)."""


def find_argmap() -> Path:
    """The ``argmap`` script of the running interpreter's environment (it may not be on PATH)."""
    for folder in (Path(sysconfig.get_path("scripts")), Path(sys.executable).parent):
        candidate = folder / "argmap"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which("argmap")
    if found is None:
        raise SystemExit("bench: argmap is not installed here: run `pip install -e .` first")
    return Path(found)


def _commands(argmap: Path) -> frozenset[str]:
    """The subcommands this argmap offers, from ``argmap --help``."""
    help_text = _output([str(argmap), "--help"])
    commands = help_text.split("Commands:", 1)[-1] if "Commands:" in help_text else ""
    return frozenset(re.findall(r"^\s{2}(\w[\w-]*)", commands, re.MULTILINE))


def argdown_spec() -> str:
    """The @argdown/cli version to install for the Node that is here."""
    match = re.match(r"v(\d+)\.(\d+)", _output(["node", "--version"]))
    if match and (int(match[1]), int(match[2])) >= (22, 11):
        return "@argdown/cli@2"
    return ARGDOWN_SPEC_NODE20


def ensure_argdown(cache: Path, install: bool) -> Path | str:
    """The Argdown CLI in ``cache``, installed with npm when allowed; else why it is missing."""
    folder = cache / "argdown"
    program = folder / "node_modules" / ".bin" / "argdown"
    if program.is_file():
        return program
    if not install:
        return f"not installed in {folder} (run without --no-install to install it)"
    if shutil.which("npm") is None or shutil.which("node") is None:
        return "skipped: npm and node are not installed"
    folder.mkdir(parents=True, exist_ok=True)
    spec = argdown_spec()
    print(f"bench: installing {spec} into {folder} …", file=sys.stderr)
    try:
        subprocess.run(
            ["npm", "install", "--prefix", str(folder), "--no-audit", "--no-fund", spec],
            check=True,
            capture_output=True,
            timeout=900,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        return f"skipped: npm install {spec} failed ({type(exc).__name__})"
    return program if program.is_file() else f"skipped: npm installed {spec} without a CLI"


def find_tools(cache: Path, install_argdown: bool, use_argdown: bool) -> Tools:
    """Everything the benchmark can run on this machine."""
    argmap = find_argmap()
    dot = shutil.which("dot")
    argdown: Path | str = "skipped (--no-argdown)"
    if use_argdown:
        argdown = ensure_argdown(cache, install_argdown)
    return Tools(argmap, _commands(argmap), Path(dot) if dot else None, argdown, _python(argmap))


def _python(argmap: Path) -> Path:
    """The interpreter named on the first line of the ``argmap`` script, else this one."""
    try:
        first = argmap.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
    except OSError:
        first = ""
    candidate = Path(first[2:].strip()) if first.startswith("#!") else None
    if candidate is not None and candidate.is_file():
        return candidate
    return Path(sys.executable)


@dataclass(frozen=True, slots=True)
class Machine:
    """What the numbers were measured on."""

    cpu: str
    cores: int
    memory_gib: float
    system: str
    python: str
    argmap: str
    graphviz: str
    node: str
    argdown: str

    def lines(self) -> list[str]:
        """The description, as lines of a Markdown list."""
        return [
            f"CPU: {self.cpu}, {self.cores} cores; RAM {self.memory_gib:.1f} GiB; {self.system}",
            f"Python {self.python}; argmap {self.argmap}; Graphviz {self.graphviz}; "
            f"Node {self.node}; Argdown CLI {self.argdown}",
        ]


def machine(tools: Tools) -> Machine:
    """Describe this machine and the versions of the programs under test."""
    argdown = (
        _output([str(tools.argdown), "--version"]).strip() or "?"
        if isinstance(tools.argdown, Path)
        else "not run"
    )
    graphviz = "not installed"
    if tools.dot is not None:
        match = re.search(r"version\s+(\S+)", _output([str(tools.dot), "-V"]))
        graphviz = match[1] if match else "?"
    version = _output([str(tools.argmap), "--version"]).strip().rsplit(" ", 1)[-1]
    return Machine(
        cpu=_cpu(),
        cores=os.cpu_count() or 1,
        memory_gib=_memory_gib(),
        system=platform.platform(terse=True),
        python=platform.python_version(),
        argmap=version or "?",
        graphviz=graphviz,
        node=_output(["node", "--version"]).strip().lstrip("v") or "not installed",
        argdown=argdown,
    )


def _output(argv: list[str]) -> str:
    """Standard output and error of a short command, or "" when it cannot run."""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout + done.stderr


def _cpu() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> float:
    try:
        with open("/proc/meminfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0.0
