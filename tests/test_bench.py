"""The benchmark must not rot: the generator makes valid maps of the requested size and shape,
and the runner runs once at the smallest size (no test here asserts a time)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from argmap.reader import read_text
from bench.generate import Graph, generate, write_argdown, write_files, write_flat, write_outline
from bench.labelling import main as labelling_main
from bench.lsp import EDITS
from bench.measure import Failure, Timing, measure
from bench.report import TARGETS, Results, evaluate
from bench.run import main
from bench.stages import STAGES
from bench.stages import main as profile_main

ROOT = Path(__file__).resolve().parents[1]
ARGDOWN = ROOT / ".bench-cache" / "argdown" / "node_modules" / ".bin" / "argdown"


@pytest.fixture(scope="module")
def graph() -> Graph:
    return generate(1000, seed=7)


@pytest.mark.parametrize("size", [2, 3, 10, 100, 1000])
def test_exact_size_one_thesis(size: int) -> None:
    g = generate(size, seed=size)
    assert len(g.statements) == size
    assert [s.kind for s in g.statements.values()].count("thesis") == 1


@pytest.mark.parametrize("seed", range(4))
def test_every_small_size_is_a_valid_map(seed: int) -> None:
    for size in range(2, 60):
        g = generate(size, seed)
        assert len(g.statements) == size
        result = read_text(write_outline(g, "m"), "m.arg")
        assert result.ok, (size, [d.message for d in result.diagnostics[:2]])
        assert len(result.map.statements) == size


def test_deterministic_by_seed() -> None:
    assert write_outline(generate(300, 1), "m") == write_outline(generate(300, 1), "m")
    assert write_outline(generate(300, 1), "m") != write_outline(generate(300, 2), "m")


def test_too_small_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 2"):
        generate(1)


def test_shape(graph: Graph) -> None:
    inferences = graph.inferences
    objections = [i for i in inferences if i.kind == "objection"]
    assert 0.25 <= len(objections) / len(inferences) <= 0.45
    assert Counter(len(i.premises) for i in inferences).keys() == {1, 2, 3}
    named = {i.id: i for i in inferences if i.id}
    undercut_targets = [named[o.target].kind for o in objections if o.target in named]
    assert "reason" in undercut_targets and "objection" in undercut_targets
    assert any(o.conceded for o in objections)
    # Rebuttals: objections to the premise of an objection.
    objection_premises = {p for o in objections for p in o.premises}
    assert any(o.target in objection_premises for o in objections)
    uses = Counter(p for i in inferences for p in i.premises)
    assert max(uses.values()) >= 2, "no shared premise"
    kinds = Counter(s.kind for s in graph.statements.values())
    assert kinds["claim"] and kinds["evidence"] and kinds["assumption"]
    expanded = [s for s in graph.statements.values() if s.branches]
    children = sum(len(inferences[b].premises) for s in expanded for b in s.branches)
    assert 2.5 <= children / len(expanded) <= 4.5, "branching is not about 3"
    assert _has_support_cycle(graph)


def _has_support_cycle(graph: Graph) -> bool:
    """Kahn's algorithm on the support graph: nodes left over lie on or behind a cycle."""
    edges = [(p, i.target) for i in graph.inferences if i.kind == "reason" for p in i.premises]
    indegree = Counter(target for _, target in edges)
    out: dict[str, list[str]] = {}
    for premise, target in edges:
        out.setdefault(premise, []).append(target)
    ready = [s for s in graph.statements if indegree[s] == 0]
    removed = 0
    while ready:
        node = ready.pop()
        removed += 1
        for target in out.get(node, ()):
            indegree[target] -= 1
            if indegree[target] == 0:
                ready.append(target)
    return removed < len(graph.statements)


def _shape_of(text: str) -> tuple[Counter[tuple[str, tuple[str, ...], str, str | None]], int]:
    result = read_text(text, "generated.arg")
    assert result.ok, [str(d.message) for d in result.diagnostics[:3]]
    m = result.map
    inferences = Counter(
        (type(i).__name__, i.premises, i.target if "#" not in i.target else "anonymous", i.label)
        for i in (*m.reasons.values(), *m.objections.values())
    )
    return inferences, len(m.statements)


def test_outline_and_flat_forms_are_the_same_graph(graph: Graph) -> None:
    outline, outline_count = _shape_of(write_outline(graph, "m"))
    flat, flat_count = _shape_of(write_flat(graph, "m"))
    assert outline_count == flat_count == len(graph.statements)
    assert outline == flat
    assert sum(outline.values()) == len(graph.inferences)


def test_outline_uses_both_forms(graph: Graph) -> None:
    text = write_outline(graph, "m")
    assert "\n  + " in text and "      & " in text
    assert "\nobjection " in text and "\nreason " in text


def test_every_quote_is_in_its_source(graph: Graph) -> None:
    quotes = pytest.importorskip("argmap.quote_matching")
    sources = {id: quotes.SourceText(text) for id, text in graph.sources.items()}
    quoted = [q for s in graph.statements.values() for q in s.quotes]
    assert len(quoted) > 300
    assert any("..." in q.text for q in quoted) and any('"' in q.text for q in quoted)
    missing = [q for q in quoted if not sources[q.source].find(q.text)]
    assert missing == []


def test_write_files(tmp_path: Path, graph: Graph) -> None:
    files = write_files(graph, tmp_path, "map-1000")
    assert files.outline.name == "map-1000.arg" and files.flat.name == "map-1000-flat.arg"
    assert len(files.sources) == len(graph.sources) >= 1
    for source in files.sources:
        assert f'file "{source.name}"' in files.outline.read_text(encoding="utf-8")


def test_argdown_has_every_statement_and_inference(graph: Graph) -> None:
    text = write_argdown(graph)
    for id in graph.statements:
        assert f"\n[{id}]: " in f"\n{text}"
    assert text.count("\n----\n") == len(graph.inferences)


@pytest.mark.skipif(not ARGDOWN.is_file(), reason=f"needs {ARGDOWN} (python -m bench installs it)")
def test_argdown_reads_the_same_graph(tmp_path: Path) -> None:
    small = generate(120, seed=3)
    files = write_files(small, tmp_path, "m")
    subprocess.run(
        [str(ARGDOWN), "json", files.argdown.name, "out"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    data = json.loads((tmp_path / "out" / "m.json").read_text(encoding="utf-8"))
    titled = {
        s["title"] for s in data["statements"].values() if not s["title"].startswith("Untitled")
    }
    assert titled == set(small.statements)
    assert len(data["arguments"]) == len(small.inferences)
    objections = [i for i in small.inferences if i.kind == "objection"]
    kinds = Counter(r["relationType"] for r in data["relations"])
    assert kinds["attack"] + kinds["undercut"] == len(objections)
    assert kinds["undercut"] == sum(1 for o in objections if o.target not in small.statements)


def test_install_argdown_only_installs_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`python -m bench --install-argdown`: 0 once the CLI is in --work, 1 when it cannot be
    installed (here: no npm), saying why; nothing is measured."""
    monkeypatch.setattr(shutil, "which", lambda _: None)
    assert main(["--install-argdown", "--work", str(tmp_path)]) == 1
    assert "npm and node are not installed" in capsys.readouterr().err
    program = tmp_path / "argdown" / "node_modules" / ".bin" / "argdown"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n")
    assert main(["--install-argdown", "--work", str(tmp_path)]) == 0
    assert str(program) in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["argdown"]


def test_measure_reports_failures_in_words(tmp_path: Path) -> None:
    python = shutil.which("python3") or "python3"
    ok = measure([python, "-c", "pass"], tmp_path, runs=2)
    assert isinstance(ok, Timing) and ok.runs == 2 and ok.rss > 0 and ok.wall > 0
    failed = measure([python, "-c", "import sys; sys.exit('broken here')"], tmp_path, runs=2)
    assert isinstance(failed, Failure) and "broken here" in failed.reason
    allowed = measure([python, "-c", "raise SystemExit(1)"], tmp_path, runs=1, ok=(0, 1))
    assert isinstance(allowed, Timing)
    missing = measure([str(tmp_path / "nothing")], tmp_path, runs=1)
    assert isinstance(missing, Failure) and "cannot run" in missing.reason


def test_runner_once_at_the_smallest_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = tmp_path / "raw.json"
    code = main(
        [
            "--sizes",
            "20",
            "--runs",
            "1",
            "--no-argdown",
            "--render-max",
            "20",
            "--work",
            str(tmp_path),
            "--json",
            str(raw),
        ]
    )
    report = capsys.readouterr().out
    # Only the start-up and the flagship map can be measured at this size; a loaded machine
    # may miss their targets, and the exit code says so.
    assert code == (1 if "MISSED" in report else 0)
    for title in ("argmap parse", "argmap check", "Argdown validate", "Targets:", "flagship"):
        assert title in report
    assert "skipped (--no-argdown)" in report
    results = {(r["task"], r["size"]): r for r in json.loads(raw.read_text())["results"]}
    assert results[("parse", 20)]["wall"] > 0
    assert results[("parse-flat", 20)]["rss"] > 0
    assert results[("startup", 0)]["wall"] > 0
    assert "reason" in results[("argdown-validate", 20)]
    # Every task either ran or says why not.
    assert all("wall" in r or r["reason"] for r in results.values())
    # The saved measurements print the same report again.
    assert main(["--report", str(raw)]) == code
    assert capsys.readouterr().out == report
    assert main(["--report", str(tmp_path / "missing.json")]) == 2
    assert "cannot read measurements" in capsys.readouterr().err


def test_stage_profile_runs(capsys: pytest.CaptureFixture[str]) -> None:
    assert profile_main(["--size", "30", "--profile", "syntax", "--top", "3"]) == 0
    out = capsys.readouterr().out
    for stage in STAGES:
        assert f"| {stage} | " in out
    assert "n/a" not in out and "## syntax (cProfile" in out  # every stage ran


def test_thousands_of_undefined_references_stay_cheap() -> None:
    """A generated map with every other statement definition removed: each reference to one is
    an error, and the "did you mean" search stops after its budget instead of taking minutes."""
    text = write_flat(generate(6000, seed=5), "m")
    kept = [
        line
        for line in text.split("\n")
        if not line.startswith(("claim ", "evidence ", "assumption "))
        or int(line.split(":")[0].rsplit("_", 1)[1]) % 2
    ]
    result = read_text("\n".join(kept), "broken.arg")
    undefined = [d for d in result.diagnostics if d.code == "E102"]
    assert len(undefined) > 3000
    suggested = [d for d in undefined if d.hint and d.hint.startswith("did you mean")]
    assert 0 < len(suggested) < 200
    assert all(d.hint for d in undefined)


def test_runner_runs_only_the_selected_tasks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--sizes", "10", "--runs", "1", "--no-argdown", "--work", str(tmp_path)]
    assert main([*args, "--tasks", "parse,check"]) in (0, 1)  # 1: a start-up target missed
    report = capsys.readouterr().out
    assert "| argmap parse " in report and "| argmap check " in report
    assert "argmap label" not in report and "Ratios" not in report
    with pytest.raises(SystemExit):
        main([*args, "--tasks", "parse,nonsense"])
    assert "unknown task nonsense" in capsys.readouterr().err


def test_equivalence_records_every_command_for_every_input(tmp_path: Path) -> None:
    from bench.equivalence import COMMANDS
    from bench.equivalence import main as equivalence_main

    out = tmp_path / "outputs.json"
    assert equivalence_main([str(out), "--commands", "parse,dot", "--sizes", "100"]) == 0
    results = json.loads(out.read_text(encoding="utf-8"))
    assert len(results) > 200
    flagship = results["maps/precarious-balance.arg"]
    assert set(flagship) == {"parse", "dot"} and flagship["parse"][0] == 0
    assert flagship["dot"][1].startswith("digraph")
    assert any(k.endswith("#broken") and v["parse"][0] == 2 for k, v in results.items())
    assert {"parse", "check-json", "check", "label", "dot"} == set(COMMANDS)


def test_lsp_benchmark_runs(tmp_path: Path) -> None:
    """`python -m bench.lsp` measures each kind of change at a small size (no time is
    asserted)."""
    pytest.importorskip("pygls", reason="the lsp extra is not installed")
    import asyncio

    from bench.lsp import measure_sizes, report

    times = asyncio.run(measure_sizes([20], runs=2, seed=1, work=tmp_path))
    assert list(times) == [(20, kind) for kind in EDITS]
    assert all(len(changes) == 2 for changes in times.values())
    assert all(change.wall > 0 for changes in times.values() for change in changes)
    assert report(times).splitlines()[2].startswith("| 20 | title |")


def test_the_phases_of_a_change_are_measured(tmp_path: Path) -> None:
    """`python -m bench.lsp_phases` splits each kind of change into its phases."""
    pytest.importorskip("pygls", reason="the lsp extra is not installed")
    from bench.lsp_phases import PHASES, measure, report

    measured = measure(20, runs=1, seed=1, work=tmp_path)
    assert list(measured.medians) == list(EDITS)
    assert all(set(phases) == set(PHASES) for phases in measured.medians.values())
    assert all(phases["total"] > 0 for phases in measured.medians.values())
    assert measured.objects > 0 and measured.full_collection > 0
    text = report(20, measured)
    assert text.splitlines()[2].startswith("| title | ")
    assert text.splitlines()[-1].startswith("One full collection of the ")


def test_the_lsp_benchmark_changes_what_it_says() -> None:
    text = 'title "T"\n\nthesis t: "T."\n  + a: "A."\n  + b: "B."\n'
    assert EDITS["title"](text, 3).startswith('title "3 T"')
    assert EDITS["middle"](text, 7) == text.replace('a: "A."', 'a: "7 A."')
    assert EDITS["new line"](text, 0) == "\n" + text


def _timing(seconds: float) -> Timing:
    return Timing(wall=seconds, cpu=seconds, rss=50.0, runs=1)


def test_targets_judge_linear_growth_and_the_worst_ratio() -> None:
    def verdicts(results: Results) -> dict[str, object]:
        return {
            t.title: (m.shown if not isinstance(m, str) else m, met)
            for t, m, met in evaluate(results)
        }

    straight = {("check", n): _timing(0.1 + n * 1e-4) for n in (1_000, 5_000, 10_000)}
    quadratic = {
        ("check", n): _timing(0.1 + (n / 1_000) ** 2 * 0.01) for n in (1_000, 5_000, 10_000)
    }
    linear = next(t.title for t in TARGETS if "linear" in t.title)
    assert verdicts(straight)[linear] == ("1.00 (largest: argmap check (parse + check))", True)
    assert verdicts(quadratic)[linear] == ("2.50 (largest: argmap check (parse + check))", False)
    argdown = {
        ("argdown-validate", 100): _timing(0.5),
        ("check", 100): _timing(0.1),
        ("argdown-validate", 10_000): _timing(1.2),
        ("check", 10_000): _timing(1.5),
        ("argdown-validate", 20_000): _timing(0.1),  # outside the range the target covers
        ("check", 20_000): _timing(3.0),
    }
    faster = next(t.title for t in TARGETS if t.title.startswith("Argdown validate ÷ argmap check"))
    assert verdicts(argdown)[faster] == ("0.80× at 10 000 (of 100, 10 000)", False)
    assert verdicts({})[faster] == ("size 100 was not run (add it to --sizes)", None)


def test_equivalence_compares_two_versions_and_shows_what_differs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bench.equivalence import main as equivalence_main

    changed = tmp_path / "changed"
    for folder in ("argmap", "grammar"):
        shutil.copytree(ROOT / folder, changed / folder, ignore=shutil.ignore_patterns("*.pyc"))
    resolve = changed / "argmap" / "resolve.py"
    source = resolve.read_text(encoding="utf-8")
    assert "is not defined'" in source
    resolve.write_text(source.replace("is not defined'", "is nowhere defined'"), encoding="utf-8")
    args = ["--commands", "check", "--sizes", "100", "--compare", str(ROOT)]
    assert equivalence_main([*args, str(changed)]) == 1
    out = capsys.readouterr().out.splitlines()
    # Only the changed message differs, line for line, and the count says how many outputs.
    changes = [line for line in out if line[:1] in "-+" and line[:3] not in ("---", "+++")]
    assert changes and all("defined" in line for line in changes)
    assert sum("is not defined" in line for line in changes) == sum(
        "is nowhere defined" in line for line in changes
    )
    headers = [line for line in out if line.startswith("## ")]
    assert headers and out[-1].startswith(f"{len(headers)} of ")


def test_the_labelling_benchmark_runs_every_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert labelling_main(["--sizes", "20", "--work", str(tmp_path)]) == 0
    rows = capsys.readouterr().out.splitlines()[2:]
    assert [row.split(" | ")[0] for row in rows] == ["| chain", "| cycle", "| knot", "| relay"]
    assert all(re.search(r"\| 20 \| \d+\.\d\d \|", row) for row in rows), rows
