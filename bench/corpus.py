"""The import and check of the whole corpus (``../shared/corpora``: 283 microtexts, the 112
texts of the multilayer set and 57 AIF maps, 452 files) in one command, in one process and
in a pool of one process per core.

    python -m bench.corpus [--runs N] [--corpora DIR]

Both runs must print the same findings in the same order; the report gives the median wall
and CPU times of each.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from bench.measure import Timing, measure
from bench.tools import find_argmap

__all__ = ["corpus_files", "main"]

ROOT = Path(__file__).resolve().parents[1]


def corpus_files(corpora: Path) -> list[Path]:
    """The 452 files: the microtexts (parts 1 and 2, the multilayer set) and the AIF maps (the
    scheme-definition files are not maps)."""
    micro = corpora / "microtexts"
    return [
        *sorted((micro / "part1" / "en").glob("*.xml")),
        *sorted((micro / "part2").glob("*.xml")),
        *sorted((micro / "part1_multilayer_arg").glob("*.xml")),
        *sorted(p for p in (corpora / "aif").glob("*/*.json") if "schemes" not in p.name.lower()),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    options = parser.parse_args()
    files = [str(p) for p in corpus_files(options.corpora)]
    if not files:
        raise SystemExit(f"bench.corpus: no corpus files under {options.corpora}")
    argmap = str(find_argmap())
    cores = os.cpu_count() or 1
    print(f"argmap import --check on {len(files)} files ({cores} cores), {options.runs} runs:")
    for jobs in sorted({1, cores}):
        timing = measure(
            [argmap, "import", "--check", "-j", str(jobs), *files], ROOT, options.runs, (0, 1)
        )
        if isinstance(timing, Timing):
            wall, cpu = f"{timing.wall:.2f} s wall", f"{timing.cpu:.2f} s CPU"
            print(f"  -j {jobs}: {wall}, {cpu}, {timing.rss:.0f} MB peak")
        else:
            print(f"  -j {jobs}: not measured: {timing.reason}")


if __name__ == "__main__":
    main()
