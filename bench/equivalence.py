"""``python -m bench.equivalence OUT.json``: everything argmap prints for many inputs, in one file.

A performance change must not change any output. Run this before and after the change and
compare the two files (``cmp A.json B.json``). For each input it records the output and exit
code of ``parse --json``, ``check`` in JSON (every check selected) and human formats,
``label --format json`` and ``render --format dot --evaluate``, run in this process
through click.

The inputs: every ``.arg`` file of ``maps/`` and ``tests/``, each case of ``tests/cases/`` and
each error case of ``tests/test_errors.py``, every ```arg block of the documentation,
generated maps (``--sizes``, by default 100, 1 000 and 5 000 statements), and broken,
duplicated-line, CRLF, tab and truncated variants of the smaller files. Takes a few seconds.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

from bench.generate import generate, write_files

ROOT = Path(__file__).resolve().parents[1]
DOCS = ("grammar/README.md", "README.md", "docs/checks.md")
COMMANDS = {
    "parse": ["parse", "--json"],
    "check-json": ["check", "--no-config", "--select", "S,O,C,Q,L,X", "--format", "json"],
    "check": ["check", "--no-config"],
    "label": ["label", "--format", "json"],
    "dot": ["render", "--format", "dot", "--evaluate", "-o", "-"],
}


def _inputs(work: Path, sizes: list[int]) -> dict[str, Path]:
    """Every input, by a name that is the same from run to run."""
    sys.path.insert(0, str(ROOT / "tests"))
    from casefile import load_cases  # type: ignore[import-not-found]  # the tests' case files
    from test_errors import CASES  # type: ignore[import-not-found]

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.equivalence", description=__doc__)
    parser.add_argument("out", type=Path, help="the JSON file to write")
    parser.add_argument("--commands", default=",".join(COMMANDS), help="a subset of: %(default)s")
    parser.add_argument("--sizes", default="100,1000,5000", help="generated maps (statements)")
    args = parser.parse_args(argv)
    from argmap.cli import main as argmap

    runner = CliRunner()
    results: dict[str, dict[str, tuple[int, str]]] = {}
    with tempfile.TemporaryDirectory(prefix="argmap-equivalence-") as folder:
        work = Path(folder)
        sizes = [int(size) for size in args.sizes.split(",") if size]
        for name, path in sorted(_inputs(work, sizes).items()):
            outputs = {}
            for key in args.commands.split(","):
                done = runner.invoke(argmap, [*COMMANDS[key], str(path)])
                # Outputs name the input's path: the temporary folder differs from run to run.
                outputs[key] = (done.exit_code, done.output.replace(folder, "<work>"))
            results[name] = outputs
    args.out.write_text(json.dumps(results, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{len(results)} inputs, {len(results) * len(args.commands.split(','))} outputs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
