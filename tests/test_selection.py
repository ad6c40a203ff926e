"""Selecting checks: layers of select / extend-select / ignore by code, name and prefix."""

from __future__ import annotations

import pytest

from argmap.checks import SelectionError, SelectionLayer, default_selection, select_checks

DEFAULTS = default_selection()


@pytest.mark.parametrize(
    ("layers", "added", "removed"),
    [
        ([], set(), set()),
        ([SelectionLayer(ignore=["S2"])], set(), {"S201", "S202", "S204", "S205"}),
        (
            [SelectionLayer(extend_select=["S203", "circular-support-grounded"])],
            {"S203", "C402"},
            set(),
        ),
        ([SelectionLayer(extend_select=["S"])], set(), set()),  # a prefix adds no heuristic
        (
            [SelectionLayer(ignore=["S"]), SelectionLayer(extend_select=["S201"])],
            set(),
            {"S202", "S204", "S205"},
        ),
        ([SelectionLayer(ignore=["S203"])], set(), set()),
    ],
)
def test_layers(layers: list[SelectionLayer], added: set[str], removed: set[str]) -> None:
    assert select_checks(layers) == (DEFAULTS | added) - removed


def test_select_replaces_and_a_later_layer_wins() -> None:
    config = SelectionLayer(select=["S201", "O301"], origin="pyproject.toml")
    assert select_checks([config]) == {"S201", "O301"}
    assert select_checks([config, SelectionLayer(select=["C"])]) == {"C401", "C403", "C405", "C406"}
    assert select_checks([config, SelectionLayer(ignore=["O"])]) == {"S201"}
    assert select_checks([SelectionLayer(select=["ALL"])]) == DEFAULTS


def test_names_and_codes_are_case_insensitive_where_unambiguous() -> None:
    assert select_checks([SelectionLayer(select=["s201", "Unsupported-Claim-Transitive"])]) == {
        "S201",
        "S202",
    }


def test_unknown_selector_names_its_origin() -> None:
    with pytest.raises(
        SelectionError, match=r'"orphans" in pyproject.toml .*did you mean "orphan"'
    ):
        select_checks([SelectionLayer(ignore=["orphans"], origin="pyproject.toml")])
