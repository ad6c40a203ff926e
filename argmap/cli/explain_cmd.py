"""``argmap explain``: what a finding means, why it matters and how to fix it."""

from __future__ import annotations

import difflib

import click

from argmap.checks import RuleInfo, all_rules
from argmap.cli.inputs import fail

__all__ = ["explain"]


@click.command()
@click.argument("code", required=False)
def explain(code: str | None) -> None:
    """Explain the check CODE (a code such as S201, or a name such as unsupported-claim).

    Without CODE, list every check: code, name, severity, whether it runs by default.
    """
    rules = all_rules()
    if code is None:
        click.echo(_table(list(rules.values())))
        return
    rule = rules.get(code.strip().upper()) or next(
        (r for r in rules.values() if r.name == code.strip().lower()), None
    )
    if rule is None:
        names = [*rules, *(r.name for r in rules.values())]
        close = difflib.get_close_matches(code, names, n=1)
        hint = f' (did you mean "{close[0]}"?)' if close else ""
        fail(f'"{code}" is not a check code or name{hint}; run `argmap explain` to list them')
        return
    click.echo(_page(rule))


def _page(rule: RuleInfo) -> str:
    default = "on by default" if rule.default_enabled else "off by default"
    if rule.code.startswith("E"):
        default = "always on"
    return f"{rule.code} {rule.name} ({rule.severity}, {default})\n\n{rule.summary}\n\n{rule.doc}\n"


def _table(rules: list[RuleInfo]) -> str:
    width = max(len(r.name) for r in rules)
    lines = [f"{'code':<5} {'name':<{width}} {'severity':<8} {'default':<7} summary"]
    for r in rules:
        default = "always" if r.code.startswith("E") else ("on" if r.default_enabled else "off")
        lines.append(f"{r.code:<5} {r.name:<{width}} {r.severity!s:<8} {default:<7} {r.summary}")
    lines.append("\nRun `argmap explain CODE` for what a check means and how to fix its findings.")
    return "\n".join(lines)
