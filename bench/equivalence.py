"""``python -m bench.equivalence``: everything argmap prints for many inputs, to compare versions.

::

    python -m bench.equivalence OUT.json                 # this tree's outputs, in one file
    python -m bench.equivalence --compare BEFORE AFTER   # what differs between two versions

A change that should not change any output must leave them all the same; a change that should
(a message, a syntax) must change only those. For each input this records the output and exit
code of ``parse --json``, ``check`` in JSON (every check selected) and human formats,
``label --format json`` and ``render --format dot --evaluate``, run through click.

``--compare`` takes two versions of argmap, each a folder with an argmap tree (a worktree or a
clone) or a git revision of this repository (a commit, branch or tag, exported with ``git
archive``). Both run on the same inputs, made from this tree, each in a process of this Python
that imports argmap from that version (``PYTHONPATH``). It prints every output that differs,
as a unified diff, and the count; the exit code is 1 when an output differs, else 0.

The inputs: every ``.arg`` file of ``maps/`` and ``tests/``, each case of ``tests/cases/`` and
each error case of ``tests/test_errors.py``, every ```arg block of the documentation,
generated maps (``--sizes``, by default 100, 1 000 and 5 000 statements), and broken,
duplicated-line, CRLF, tab and truncated variants of the smaller files. Takes a few seconds
(a minute for ``--compare``).
"""

from __future__ import annotations

import argparse
import difflib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
DOCS = ("grammar/README.md", "README.md", "docs/checks.md")
COMMANDS = {
    "parse": ["parse", "--json"],
    "check-json": ["check", "--no-config", "--select", "S,O,C,Q,L,X", "--format", "json"],
    "check": ["check", "--no-config"],
    "label": ["label", "--format", "json"],
    "dot": ["render", "--format", "dot", "--evaluate", "-o", "-"],
}
Outputs = dict[str, dict[str, tuple[int, str]]]
"""input name → command key → (exit code, output)."""


def _inputs(work: Path, sizes: list[int]) -> dict[str, Path]:
    """Every input, by a name that is the same from run to run."""
    from bench.generate import generate, write_files
    from tests.casefile import load_cases
    from tests.test_errors import CASES

    files = sorted(
        p
        for p in [*ROOT.glob("maps/**/*.arg"), *ROOT.glob("tests/**/*.arg")]
        if "cases" not in p.parts
    )
    for size in sizes:
        files.append(write_files(generate(size, seed=3), work, f"map-{size}").outline)
    inputs = {str(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p.name): p for p in files}
    texts: dict[str, str] = {}
    for doc in DOCS:
        blocks = re.findall(r"```arg\n(.*?)```", (ROOT / doc).read_text(encoding="utf-8"), re.S)
        texts.update({f"{doc}#{i}": block for i, block in enumerate(blocks)})
    for case_file in sorted((ROOT / "tests" / "cases").glob("*.arg")):
        for i, case in enumerate(load_cases(case_file)):
            texts[f"{case_file.name}#{i}"] = case.text
    texts.update({f"error#{i}": text for i, (_, text, _) in enumerate(CASES)})
    small = [n for n, p in inputs.items() if p.stat().st_size < 200_000][:60]
    for name in small:
        text = inputs[name].read_text(encoding="utf-8", errors="surrogateescape")
        lines = text.split("\n")
        texts[f"{name}#broken"] = "\n".join(
            line if i % 7 != 3 else line[: len(line) // 2] for i, line in enumerate(lines)
        )
        texts[f"{name}#dup"] = "\n".join(
            line if i % 11 != 5 else line + "\n" + line for i, line in enumerate(lines)
        )
        texts[f"{name}#crlf"] = text.replace("\n", "\r\n")
        texts[f"{name}#tabs"] = text.replace("\n  ", "\n\t")
        texts[f"{name}#cut"] = text[: len(text) * 2 // 3]
    for i, (name, text) in enumerate(sorted(texts.items())):
        path = work / f"input-{i}.arg"
        path.write_text(text, encoding="utf-8", errors="surrogateescape")
        inputs[name] = path
    return inputs


def record(inputs: dict[str, str], commands: Sequence[str], work: str) -> Outputs:
    """What the argmap that is imported here prints for each input (``work``, the inputs'
    folder, is written ``<work>`` in the outputs, which name the input's path)."""
    from argmap.cli import main as argmap

    runner = CliRunner()
    results: Outputs = {}
    for name, path in sorted(inputs.items()):
        outputs = {}
        for key in commands:
            done = runner.invoke(argmap, [*COMMANDS[key], path])
            outputs[key] = (done.exit_code, done.output.replace(work, "<work>"))
        results[name] = outputs
    return results


def _tree(version: str, scratch: Path) -> Path:
    """The folder of an argmap tree: ``version`` itself, or that revision of this repository."""
    if Path(version).is_dir():
        return Path(version).resolve()
    try:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", version],
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        message = f"bench.equivalence: {version!r} is neither a folder nor a git revision"
        raise SystemExit(f"{message} of {ROOT}") from None
    folder = scratch / re.sub(r"[^\w.-]", "_", version)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def _outputs_of(tree: Path, manifest: Path, commands: Sequence[str], out: Path) -> Outputs:
    """The outputs of the argmap in ``tree``, recorded in a process that imports it from there
    (``-P``: not from this folder)."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    command = [sys.executable, "-P", str(Path(__file__).resolve()), "--record", str(manifest)]
    subprocess.run([*command, str(out), "--commands", ",".join(commands)], env=env, check=True)
    outputs: Outputs = json.loads(out.read_text(encoding="utf-8"))
    return outputs


def compare(before: Outputs, after: Outputs, commands: Sequence[str]) -> list[str]:
    """A unified diff of every output that differs, headed by its input and command."""
    lines: list[str] = []
    for name in sorted(before.keys() | after.keys()):
        for key in commands:
            old, new = before.get(name, {}).get(key), after.get(name, {}).get(key)
            if old == new:
                continue
            old_code, old_text = old if old is not None else (None, "")
            new_code, new_text = new if new is not None else (None, "")
            lines.append(f"## {name}: {key} (exit code {old_code} → {new_code})")
            lines += difflib.unified_diff(
                old_text.splitlines(), new_text.splitlines(), "before", "after", lineterm=""
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.equivalence",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("out", type=Path, nargs="?", help="the JSON file to write")
    parser.add_argument(
        "--compare",
        nargs=2,
        metavar=("BEFORE", "AFTER"),
        help="two versions of argmap (folders or git revisions): print what differs",
    )
    parser.add_argument("--commands", default=",".join(COMMANDS), help="a subset of: %(default)s")
    parser.add_argument("--sizes", default="100,1000,5000", help="generated maps (statements)")
    parser.add_argument("--record", type=Path, help=argparse.SUPPRESS)  # inputs, for --compare
    args = parser.parse_args(argv)
    commands = args.commands.split(",")
    if unknown := sorted(set(commands) - set(COMMANDS)):
        parser.error(f"unknown command {', '.join(unknown)}")
    if args.record is not None:  # one side of --compare, in its own process
        manifest = json.loads(args.record.read_text(encoding="utf-8"))
        results = record(manifest["inputs"], commands, manifest["work"])
        args.out.write_text(json.dumps(results), encoding="utf-8")
        return 0
    if (args.out is None) == (args.compare is None):
        parser.error("give either OUT.json or --compare BEFORE AFTER")
    with tempfile.TemporaryDirectory(prefix="argmap-equivalence-") as folder:
        work = Path(folder)
        sizes = [int(size) for size in args.sizes.split(",") if size]
        inputs = {name: str(path) for name, path in _inputs(work, sizes).items()}
        if args.compare is None:
            results = record(inputs, commands, folder)
            args.out.write_text(json.dumps(results, indent=0, sort_keys=True), encoding="utf-8")
            print(f"{len(results)} inputs, {len(results) * len(commands)} outputs")
            return 0
        manifest = work / "inputs.json"
        manifest.write_text(json.dumps({"inputs": inputs, "work": folder}), encoding="utf-8")
        before, after = (
            _outputs_of(_tree(version, work), manifest, commands, work / f"{side}.json")
            for side, version in zip(("before", "after"), args.compare, strict=True)
        )
    differences = compare(before, after, commands)
    print(*differences, sep="\n")
    changed = sum(1 for line in differences if line.startswith("## "))
    print(f"{changed} of {len(inputs) * len(commands)} outputs differ ({len(inputs)} inputs)")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
