"""Every ```arg example in the language reference and the README is a valid map, and the
README shows what it says (the flagship map's findings, the test command that CI runs)."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.reader import read_text
from tests.conftest import ROOT

DOCS = [ROOT / "grammar" / "README.md", ROOT / "README.md"]
BLOCK = re.compile(r"```arg\n(.*?)```", re.DOTALL)


def examples() -> list[tuple[str, str]]:
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for match in BLOCK.finditer(text):
            line = text.count("\n", 0, match.start()) + 2
            found.append((f"{doc.relative_to(ROOT)}:{line}", match.group(1)))
    return found


EXAMPLES = examples()


def test_the_reference_has_examples() -> None:
    assert len(EXAMPLES) >= 15


@pytest.mark.parametrize(("where", "text"), EXAMPLES, ids=[w for w, _ in EXAMPLES])
def test_example_parses(where: str, text: str) -> None:
    result = read_text(text, where)
    assert result.ok, [f"{d.span}: {d.message}" for d in result.diagnostics]


def test_grammar_file_is_the_only_copy() -> None:
    copies = [p for p in ROOT.rglob("*.lark") if ".venv" not in p.parts and "venv" not in p.parts]
    assert copies == [ROOT / "grammar" / "argmap.lark"]


def test_loader_finds_the_grammar() -> None:
    from argmap.syntax import grammar_path

    assert grammar_path().read_text(encoding="utf-8") == (
        ROOT / "grammar" / "argmap.lark"
    ).read_text(encoding="utf-8")


def test_example_maps_exist_for_each_feature() -> None:
    names = {p.stem for p in (ROOT / "maps" / "examples").glob("*.arg")}
    assert {
        "statements",
        "outline",
        "linked",
        "flat",
        "quotes",
        "groups",
        "attribution",
        "suppressions",
        "unicode",
        "conceded",
        "cycle",
    } <= names


def test_readme_shows_what_check_and_label_print_for_the_flagship_map(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if not (ROOT.parent / "shared" / "sources" / "precarious-balance.txt").is_file():
        pytest.skip("the column's text (../shared/sources) is not beside the repository")
    monkeypatch.chdir(ROOT)
    runner = CliRunner()
    # As the README runs it: the repository's pyproject.toml allows ../shared/sources.
    check = runner.invoke(main, ["check", "maps/precarious-balance.arg"]).stdout
    label = runner.invoke(main, ["label", "maps/precarious-balance.arg"]).stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "\n".join(check.splitlines()[:5]) in readme
    assert "\n".join(label.splitlines()[:3]) in readme


def test_ci_runs_the_readmes_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"Run the tests and the linters:\n\n```sh\n(.*?)\n```", readme, re.DOTALL)
    assert block is not None, "the README shows how to run the tests"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    steps = [line.removeprefix("step ") for line in ci.splitlines() if line.startswith("step ")]
    assert block.group(1).split("; ") == steps
