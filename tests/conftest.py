"""Shared test configuration."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


# ---- rendering: golden files and the Graphviz marker -----------------------------------------

DOT_MISSING = (
    "Graphviz `dot` is not installed (sudo apt-get install graphviz; brew install graphviz)"
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/*.dot from the current renderer instead of comparing",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `dot` need the Graphviz program; skip them (saying how to get it) without it."""
    if shutil.which("dot") is not None:
        return
    skip = pytest.mark.skip(reason=DOT_MISSING)
    for item in items:
        if item.get_closest_marker("dot") is not None:
            item.add_marker(skip)


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite golden files (`pytest --update-golden`)."""
    return bool(request.config.getoption("--update-golden"))
