"""Argdown both ways, for the subset both languages share.

Import: each equivalence class is a statement; an argument with a premise-conclusion
structure gives one reason per inference (the main one named after the argument, its
description as the label); an argument without one is a statement of its description. A
statement without a text (or an argument without a description) has its title as its text, as
Argdown shows it, with a note; inline data of the wrong shape is reported and left out. Support
is a reason, attack an objection, undercut an objection to the argument's inference, a strict
contrary or contradiction an objection (each way for a contradiction). Headings are groups and
tags are tags; a document that gives no statement a kind gets a thesis in each connected part
where one is clear. What has no counterpart (support of a whole argument, inline data argmap does
not know, front matter other than the title, author, date and description) is reported.

Export writes what argmap's own import reads back to the same map, and what Argdown's own
program reads without error (``tests/test_argdown_cli.py``): statements with their tags
and, as inline JSON data (which is YAML too), their kind, speaker, notes, quotes and
citations; each reason as an argument with its premise-conclusion structure; each objection
as an argument marked ``{"objection": true}`` whose conclusion ("Not: ...") attacks (or
undercuts) the target.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from types import UnionType
from typing import Any

from argmap.interchange import argdown_syntax as syntax
from argmap.interchange.arg_writer import KEYWORDS
from argmap.interchange.basis import Leaves, one_thesis_per_part, with_leaves
from argmap.interchange.ids import ID, IdMaker
from argmap.interchange.notes import Conversion, Note, at_lines, value_kind
from argmap.lexical import TokenKind, scan
from argmap.model import (
    ArgumentMap,
    Citation,
    Expectation,
    Group,
    Inference,
    Label,
    Objection,
    Place,
    Quote,
    Reason,
    Source,
    Span,
    Statement,
    StatementKind,
)

__all__ = ["read_argdown", "write_argdown"]

_KINDS = {k.value: k for k in StatementKind if k is not StatementKind.CLAIM}
_ALL_KINDS = frozenset(k.value for k in StatementKind)
_HEADER = ("title", "author", "date", "description")


class _Ids:
    """Argdown titles as argmap ids: a title that is a valid id is kept, others are made
    from their words."""

    def __init__(self) -> None:
        self._make = IdMaker()
        self.of: dict[tuple[str, str], str] = {}

    def given(self, kind: str, title: str, id: object) -> str | None:
        """A valid id the document gives (argmap's own export), kept; None if it is none."""
        if not (isinstance(id, str) and ID.fullmatch(id) and id not in KEYWORDS):
            return None
        self.of[(kind, title)] = self._make.keep(id)
        return self.of[(kind, title)]

    def __call__(self, kind: str, title: str, text: str = "") -> str:
        key = (kind, title)
        if key not in self.of:
            usable = ID.fullmatch(title) and title not in KEYWORDS
            words = title if not title.startswith("Untitled") else (text or title)
            self.of[key] = self._make.keep(title) if usable else self._make(words, "s")
        return self.of[key]


def read_argdown(text: str, path: str, leaves: Leaves = Leaves.CLAIM) -> Conversion[ArgumentMap]:
    """The map of an Argdown document, and what did not carry over."""
    doc = syntax.parse(text)
    notes = [Note(path, f"line {line}" if line else "the text", msg) for line, msg in doc.problems]
    ids = _Ids()
    sources = _sources(doc, ids, path, notes)
    groups = _groups(doc, ids)
    group_of = {g.title: id for id, g in groups.items()}
    statements: dict[str, Statement] = {}
    for s in doc.statements.values():
        statement = _statement(s, ids("statement", s.title, s.text), sources, path, notes)
        statements[statement.id] = replace(statement, group=group_of.get(s.group or ""))
    reasons: dict[str, Reason] = {}
    objections: dict[str, Objection] = {}
    main: dict[str, str] = {}  # argument title -> the id of its main inference
    marked: dict[str, syntax.Argument] = {}  # conclusion title -> its objection argument
    for argument in doc.arguments.values():
        span = Place(argument.line, 1, argument.line, 1)
        group = group_of.get(argument.group or "")
        if argument.data.get("objection") is True and argument.inferences:
            marked[argument.inferences[-1].conclusion] = argument
            main[argument.title] = ids("argument", argument.title)
            continue
        if not argument.inferences:
            id = ids("argument", argument.title, argument.description)
            if not argument.description:
                notes.append(
                    Note(
                        path,
                        f"line {argument.line}",
                        f"<{argument.title}> has no description: its title is its text",
                    )
                )
            statements[id] = Statement(
                id,
                StatementKind.CLAIM,
                argument.description or argument.title,
                span,
                tags=_tags(argument.tags, path, argument.line, notes),
                group=group,
            )
            continue
        anonymous = argument.data.get("anonymous") is True or not argument.named
        for n, inference in enumerate(argument.inferences):
            last = n == len(argument.inferences) - 1
            named = last and not anonymous
            id = ids("argument", argument.title) if named else f"reason@{inference.line}"
            label = (argument.description or inference.rules or None) if last else None
            if inference.rules and label != inference.rules:
                notes.append(
                    Note(
                        path,
                        f"line {inference.line}",
                        f'the inference rule "{inference.rules}" has no place in argmap '
                        "(a reason's label is its argument's description): left out",
                    )
                )
            premises = tuple(ids("statement", p) for p in inference.premises)
            reasons[id] = Reason(
                id,
                premises,
                ids("statement", inference.conclusion),
                Place(inference.line, 1, inference.line, 1),
                named=named,
                label=label,
                group=group,
            )
            if last:
                main[argument.title] = id
    state = _Import(doc, ids, main, marked, group_of, path, notes, reasons, objections)
    for relation in doc.relations:
        if not state.is_undercut_of_a_statement(relation):
            _relation(relation, state)
    state.index_premises()
    for relation in doc.relations:
        if state.is_undercut_of_a_statement(relation):
            _relation(relation, state)
    for conclusion in marked:  # the "Not: ..." of an objection is no statement of the map
        statements.pop(ids("statement", conclusion), None)
    m = ArgumentMap(
        path=path,
        title=_header(doc, "title"),
        author=_header(doc, "author"),
        date=_header(doc, "date"),
        description=_header(doc, "description"),
        sources=sources,
        expectations=_expectations(doc, {*statements, *reasons, *objections}, path, notes),
        groups=groups,
        statements=statements,
        reasons=reasons,
        objections=objections,
    )
    if not any(s.kind is not StatementKind.CLAIM for s in statements.values()):
        m = one_thesis_per_part(m)  # a document that says nothing of kinds: find the theses
    return Conversion(with_leaves(m, leaves), tuple(notes))


def _header(doc: syntax.Document, key: str) -> str | None:
    """A front-matter value: JSON as argmap writes it, else the text as written."""
    value = doc.front_matter.get(key)
    if not value:
        return None
    try:
        decoded = json.loads(value)
    except json.JSONDecodeError:
        return value
    return decoded if isinstance(decoded, str) else value


def _expectations(
    doc: syntax.Document, known: set[str], path: str, notes: list[Note]
) -> tuple[Expectation, ...]:
    """The expected labels argmap writes into the front matter."""
    try:
        listed = json.loads(doc.front_matter.get("expect", "[]"))
    except json.JSONDecodeError:
        listed = None
    span = Span(path, 1, 1, 1, 1)
    expectations = []
    for e in listed if isinstance(listed, list) else [listed]:
        if not (
            isinstance(e, dict)
            and e.get("label") in ("IN", "OUT", "UNDEC")
            and isinstance(e.get("ids"), list)
            and e["ids"]
            and all(isinstance(id, str) and id in known for id in e["ids"])
        ):
            shown = json.dumps(e, ensure_ascii=False)
            notes.append(
                Note(path, "the front matter", f"the expected labels {shown} are not read")
            )
            continue
        expectations.append(Expectation(Label(e["label"]), tuple(e["ids"]), span))
    return tuple(expectations)


def _groups(doc: syntax.Document, ids: _Ids) -> dict[str, Group]:
    groups: dict[str, Group] = {}
    seen: dict[str, str] = {}
    for g in doc.groups:
        if g.title in seen:
            continue
        id = ids.given("group", g.title, g.data.get("id")) or ids("group", g.title)
        seen[g.title] = id
        groups[id] = Group(id, g.title, Place(1, 1, 1, 1), seen.get(g.parent or ""))
    return groups


def _statement(
    s: syntax.Statement, id: str, sources: dict[str, Source], path: str, notes: list[Note]
) -> Statement:
    data = _Data(dict(s.data), f"[{s.title}]", path, f"line {s.line}", notes)
    tags = [t for t in s.tags if t not in _KINDS]
    kinds = [_KINDS[t] for t in s.tags if t in _KINDS]
    kind = _KINDS.get(data.kind() or "") or (kinds[0] if kinds else StatementKind.CLAIM)
    span = Place(s.line, 1, s.line, 1)
    by = data.text("by")
    statement_notes = data.listed("notes", lambda n: isinstance(n, str), "a text")
    quotes = tuple(
        Quote(q[0], q[1], span)
        for q in data.listed("quotes", lambda q: _pair(q, str), "a [source, text] pair")
    )
    citations = tuple(
        Citation(c[0], c[1], span)
        for c in data.listed(
            "citations", lambda c: _pair(c, str | None), "a [source, locator] pair"
        )
    )
    unknown = [q.source for q in quotes if q.source not in sources]
    unknown += [c.source for c in citations if c.source not in sources]
    if unknown:
        data.note(
            f"quotes or citations of [{s.title}] name no source of the front matter: left out"
        )
        quotes = tuple(q for q in quotes if q.source in sources)
        citations = tuple(c for c in citations if c.source in sources)
    for key in data.values:
        data.note(f'the data "{key}" of [{s.title}] has no place in argmap: left out')
    text = s.text
    if not text:
        data.note(f"[{s.title}] has no text: its title is its text")
    return Statement(
        id,
        kind,
        text or s.title,
        span,
        attribution=by,
        tags=_tags(tags, path, s.line, notes),
        notes=tuple(statement_notes),
        quotes=quotes,
        citations=citations,
    )


@dataclass(slots=True)
class _Data:
    """A statement's inline data, taken key by key: a value of the wrong shape is reported
    and left out."""

    values: dict[str, object]
    owner: str  # "[Title]"
    path: str
    where: str
    notes: list[Note]

    def note(self, message: str) -> None:
        self.notes.append(Note(self.path, self.where, message))

    def _wrong(self, key: str, what: str) -> None:
        self.note(f'the data "{key}" of {self.owner} {what}')

    def kind(self) -> str | None:
        """The kind of statement the data names, if it names one."""
        value = self.values.pop("kind", None)
        if value is None or isinstance(value, str) and value in _ALL_KINDS:
            return value
        shown = f'"{value}"' if isinstance(value, str) else value_kind(value)
        self._wrong("kind", f"is {shown}, not a kind of statement: left out")
        return None

    def text(self, key: str) -> str | None:
        value = self.values.pop(key, None)
        if value is None or isinstance(value, str):
            return value
        self._wrong(key, f"is {value_kind(value)}, not a text: left out")
        return None

    def listed(self, key: str, fits: Callable[[object], bool], item: str) -> list[Any]:
        """The items of a list that fit; the others reported."""
        value = self.values.pop(key, [])
        if not isinstance(value, list):
            self._wrong(key, f"is {value_kind(value)}, not a list: left out")
            return []
        kept = [v for v in value if fits(v)]
        if len(kept) < len(value):
            self._wrong(key, f"holds what is not {item}: that is left out")
        return kept


def _pair(value: object, second: type | UnionType) -> bool:
    """A list of two: a text, and a value of the type ``second``."""
    return (
        isinstance(value, list)
        and len(value) == 2
        and isinstance(value[0], str)
        and isinstance(value[1], second)
    )


def _tags(tags: Iterable[str], path: str, line: int, notes: list[Note]) -> tuple[str, ...]:
    kept = []
    for tag in tags:
        word = "-".join(tag.split())
        if _is_tag(word):
            kept.append(word)
        else:
            notes.append(Note(path, f"line {line}", f'the tag "{tag}" is no argmap tag: left out'))
    return tuple(dict.fromkeys(kept))


def _is_tag(word: str) -> bool:
    """Whether the language reads ``word`` as one tag (by the grammar's own pattern)."""
    *_, last = scan(f"tags {word}")
    return last.kind is TokenKind.TAG and last.text == word


def _sources(doc: syntax.Document, ids: _Ids, path: str, notes: list[Note]) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for key, value in doc.front_matter.items():
        if key in (*_HEADER, "expect"):
            continue
        if key == "sources":
            try:
                listed = json.loads(value)
            except json.JSONDecodeError:
                listed = None
            if isinstance(listed, list):
                for s in listed:
                    id = ids.given("source", str(s), s.get("id")) if isinstance(s, dict) else None
                    if id is None:
                        notes.append(
                            Note(
                                path,
                                "the front matter",
                                f"the source {json.dumps(s, ensure_ascii=False)} has no "
                                "valid id: left out",
                            )
                        )
                        continue
                    fields = {k: s.get(k) for k in ("title", "file", "url", "author", "date")}
                    texts = {k: v for k, v in fields.items() if isinstance(v, str)}
                    sources[id] = Source(id, Place(1, 1, 1, 1), **texts)
                continue
        notes.append(Note(path, "the front matter", f'"{key}" has no place in argmap: left out'))
    return sources


@dataclass(slots=True)
class _Import:
    """What the relations are read against, and the reasons and objections they make."""

    doc: syntax.Document
    ids: _Ids
    main: dict[str, str]  # argument title -> the id of its main inference
    marked: dict[str, syntax.Argument]  # conclusion title -> the objection argmap wrote
    group_of: dict[str, str]
    path: str
    notes: list[Note]
    reasons: dict[str, Reason] = field(default_factory=dict)
    objections: dict[str, Objection] = field(default_factory=dict)
    uses: dict[str, list[str]] = field(default_factory=dict)  # premise -> its inferences

    def is_undercut_of_a_statement(self, relation: syntax.Relation) -> bool:
        """An undercut of an argument that argmap reads as a statement: it aims at the one
        inference that argument is a premise of, known once every other relation is read."""
        target = relation.target
        return (
            relation.type == "undercut"
            and target.kind == "argument"
            and target.title not in self.main
        )

    def index_premises(self) -> None:
        for inference in (*self.reasons.values(), *self.objections.values()):
            for premise in inference.premises:
                self.uses.setdefault(premise, []).append(inference.id)


def _relation(relation: syntax.Relation, state: _Import) -> None:
    """One relation as a reason or objection (or a note saying why it cannot be one)."""
    doc, ids, main, marked = state.doc, state.ids, state.main, state.marked
    reasons, objections, path, notes = state.reasons, state.objections, state.path, state.notes
    span = Place(relation.line, 1, relation.line, 1)
    where = f"line {relation.line}"
    source, target = relation.source, relation.target
    if source.kind == "statement" and source.title in marked:  # an objection argmap wrote
        argument = marked[source.title]
        group = state.group_of.get(argument.group or "")
        inference = argument.inferences[-1]
        id = main[argument.title]
        anonymous = argument.data.get("anonymous") is True
        objections[id] = Objection(
            f"objection@{relation.line}" if anonymous else id,
            tuple(ids("statement", p) for p in inference.premises),
            _target(target, ids, main),
            Place(argument.line, 1, argument.line, 1),
            named=not anonymous,
            label=argument.description or None,
            conceded=argument.data.get("conceded") is True,
            group=group,
        )
        return
    undercutter = doc.arguments.get(source.title) if source.kind == "argument" else None
    if undercutter is not None and undercutter.inferences:  # it undercuts: its conclusion does
        premise = ids("statement", undercutter.inferences[-1].conclusion)
    else:
        premise = ids(source.kind, source.title)
    goal: str | None = _target(target, ids, main)
    if relation.type in ("support", "entails"):
        if target.kind == "argument" and target.title in main:
            notes.append(
                Note(
                    path,
                    where,
                    f"support of the argument <{target.title}> as a whole has no counterpart: "
                    "left out",
                )
            )
            return
        id = f"reason@{relation.line}@{len(reasons)}"
        reasons[id] = Reason(id, (premise,), ids(target.kind, target.title), span, named=False)
        return
    if state.is_undercut_of_a_statement(relation):
        using = state.uses.get(ids("argument", target.title), [])
        goal = using[0] if len(using) == 1 else None
    if goal is None:
        notes.append(
            Note(path, where, f"the {relation.type} relation has no inference to aim at: left out")
        )
        return
    if relation.type == "contradictory" and target.title not in main:
        notes.append(Note(path, where, "a contradiction is written as an objection each way"))
        other = f"objection@{relation.line}@{len(objections)}@back"
        objections[other] = Objection(other, (goal,), premise, span, named=False)
    elif relation.type == "contrary":
        notes.append(
            Note(path, where, "a contrary relation (symmetric in Argdown) is an objection one way")
        )
    elif relation.type == "attack" and target.kind == "argument" and target.title in main:
        notes.append(
            Note(
                path,
                where,
                f"an attack on the argument <{target.title}> is an objection to its inference",
            )
        )
    id = f"objection@{relation.line}@{len(objections)}"
    objections[id] = Objection(id, (premise,), goal, span, named=False)


def _target(target: syntax.Element, ids: _Ids, main: dict[str, str]) -> str:
    """What a relation aims at: an argument's main inference, else a statement."""
    if target.kind == "argument" and target.title in main:
        return main[target.title]
    return ids(target.kind, target.title)


def write_argdown(argument_map: ArgumentMap) -> Conversion[str]:
    """The map as Argdown that :func:`read_argdown` reads back to the same map."""
    m = argument_map
    notes: list[Note] = []
    lines = list(_front_matter(m))
    lines.extend(_block(m, None, 1, notes))
    if m.suppressions:
        notes.append(
            Note(
                m.path,
                at_lines(s.line for s in m.suppressions),
                "suppression comments (# argmap: ignore) have no place in Argdown: left out",
            )
        )
    return Conversion("\n".join(lines).rstrip("\n") + "\n", tuple(notes))


def _front_matter(m: ArgumentMap) -> Iterator[str]:
    values = {k: getattr(m, k) for k in _HEADER if getattr(m, k)}
    if not values and not m.sources and not m.expectations:
        return
    yield "==="
    for key, value in values.items():
        yield f"{key}: {json.dumps(value, ensure_ascii=False)}"
    if m.sources:
        listed = [
            {
                k: v
                for k, v in (
                    ("id", s.id),
                    ("title", s.title),
                    ("file", s.file),
                    ("url", s.url),
                    ("author", s.author),
                    ("date", s.date),
                )
                if v is not None
            }
            for s in m.sources.values()
        ]
        yield f"sources: {json.dumps(listed, ensure_ascii=False)}"
    if m.expectations:
        expected = [{"label": e.label.value, "ids": list(e.ids)} for e in m.expectations]
        yield f"expect: {json.dumps(expected, ensure_ascii=False)}"
    yield "==="
    yield ""


def _block(m: ArgumentMap, group: str | None, level: int, notes: list[Note]) -> Iterator[str]:
    for s in m.statements.values():
        if s.group == group:
            yield _statement_line(m, s, notes)
            yield ""
    for inference in (*m.reasons.values(), *m.objections.values()):
        if inference.group == group:
            yield from _inference(m, inference, notes)
    for g in m.groups.values():
        if g.parent == group:
            yield f"{'#' * min(level, 6)} {g.title} {json.dumps({'id': g.id})}"
            yield ""
            yield from _block(m, g.id, level + 1, notes)


def _statement_line(m: ArgumentMap, s: Statement, notes: list[Note]) -> str:
    text = s.text
    if not text:
        notes.append(
            Note(
                m.path,
                f"line {m.span(s).line}",
                f'the text of "{s.id}" is empty: Argdown reads its title as its text',
            )
        )
    elif syntax.parse(f"[x]: {text}").statements["x"].text != text or "\n" in text:
        notes.append(
            Note(
                m.path,
                f"line {m.span(s).line}",
                f'the text of "{s.id}" has characters Argdown reads as markup or line breaks: '
                "it may not read back the same",
            )
        )
    data: dict[str, object] = {}
    if s.kind is not StatementKind.CLAIM:
        data["kind"] = s.kind.value
    if s.attribution is not None:
        data["by"] = s.attribution
    if s.notes:
        data["notes"] = list(s.notes)
    if s.quotes:
        data["quotes"] = [[q.source, q.text] for q in s.quotes]
    if s.citations:
        data["citations"] = [[c.source, c.locator] for c in s.citations]
    tags = "".join(f" #{t}" if _plain_tag(t) else f" #({t})" for t in s.tags)
    suffix = f" {json.dumps(data, ensure_ascii=False)}" if data else ""
    return f"[{s.id}]: {text.replace(chr(10), ' ')}{tags}{suffix}"


def _plain_tag(tag: str) -> bool:
    return re.fullmatch(r"[^\s#()\[\]{},.;:!?]+", tag) is not None


def _inference(m: ArgumentMap, i: Inference, notes: list[Note]) -> Iterator[str]:
    data: dict[str, object] = {}
    if isinstance(i, Objection):
        data["objection"] = True
        if i.conceded:
            data["conceded"] = True
    if not i.named:
        data["anonymous"] = True
    # Argdown defines an argument with a text ("<title>: text"); one without is only named.
    head = f"<{_title(m, i.id)}>" + (f": {i.label}" if i.label else "")
    yield head + (f" {json.dumps(data)}" if data else "")
    yield ""
    for n, premise in enumerate(i.premises, 1):
        yield f"({n}) [{premise}]"
    yield "----"
    conclusion = len(i.premises) + 1
    if isinstance(i, Reason):
        yield f"({conclusion}) [{i.target}]"
    elif i.target in m.statements:
        yield f"({conclusion}) Not: {m.statements[i.target].text}"
        yield f"  -> [{i.target}]"
    else:
        yield f"({conclusion}) The inference of @<{_title(m, i.target)}> fails."
        yield f"  _> <{_title(m, i.target)}>"
    yield ""


def _title(m: ArgumentMap, id: str) -> str:
    return id.replace("#", " ")
