"""``python -m tests.fuzz --examples N``: a fuzz campaign of any size (see tests/fuzz/__init__.py).

Exit code 0 when every input went through the pipeline; 1 with the failing input.
"""

from __future__ import annotations

import argparse
import sys
import time

from tests.fuzz.runner import campaign


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__)
    parser.add_argument("--examples", type=int, default=10_000, help="inputs to run")
    parser.add_argument(
        "--time-limit",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="processor time allowed for each input (default 10)",
    )
    parser.add_argument("--seed", type=int, help="random seed (default: a fixed sequence)")
    parser.add_argument(
        "--shrink", action="store_true", help="make a failing input small before reporting it"
    )
    parser.add_argument("--progress", type=int, default=0, metavar="N", help="report every N")
    args = parser.parse_args()
    start = time.perf_counter()
    try:
        done = campaign(
            args.examples,
            args.time_limit,
            seed=args.seed,
            shrink=args.shrink,
            progress=args.progress,
        )
    except Exception as exc:
        print(f"fuzz: FAILED after {time.perf_counter() - start:.0f} s: {exc}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - start
    print(
        f"fuzz: {done.inputs} inputs, no failure, {elapsed:.0f} s; the slowest input used "
        f"{done.slowest:.2f} s of processor time: {done.slowest_input[:300]!r}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
