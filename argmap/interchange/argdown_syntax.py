"""Reading the subset of Argdown that argmap shares: statements with titles (equivalence
classes), arguments with premise-conclusion structures, support, attack, undercut and
contradiction relations, headings as groups, tags, inline data and simple front matter.

The result is Argdown's own model (:class:`Document`); :mod:`argmap.interchange.argdown` turns
it into a map. Markdown emphasis and links are reduced to their text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

__all__ = [
    "Argument",
    "Document",
    "Element",
    "Group",
    "Inference",
    "Relation",
    "Statement",
    "parse",
]

_RELATION = re.compile(r"(\+>|->|_>|<\+|<-|<_|><|\+|-|_)\s+")
_PCS_LINE = re.compile(r"\((\d+)\)\s*")
_INFERENCE = re.compile(r"-{2,}\s*$")
_LONG_INFERENCE = re.compile(r"-{4,}\s*$")
_HEADING = re.compile(r"(#{1,6})\s+(.*)")
_LIST_ITEM = re.compile(r"(\*|\d+\.)\s+")
_STATEMENT_HEAD = re.compile(r"\[([^\]]+)\](:?)\s*")
_ARGUMENT_HEAD = re.compile(r"<([^>]+)>(:?)\s*")
_TAG = re.compile(r"(?<![\w#])#(?:\(([^()]*)\)|([^\s#()\[\]{},.;:!?]+))")
_LINK = re.compile(r"(?<!@)\[([^\][]*)\]\([^()]*\)")
# The text inside a mark holds no mark, so that no search runs past the next one (linear time).
_EMPHASIS = re.compile(r"(\*\*|__)([^*_]+)\1|(?<![\w*])([*_])(?!\s)([^*_]+?)(?<!\s)\3(?![\w*])")
# A comment that is never closed runs to the end of the text.
_COMMENTS = re.compile(r"<!--.*?(?:-->|\Z)|/\*.*?(?:\*/|\Z)|(?<![:\w])//[^\n]*", re.DOTALL)
_SPACES = re.compile(r"\s+")
_YAML_PAIR = re.compile(r'\{\s*(\w+)\s*:\s*("[^"]*"|[\w.-]+)\s*\}')

_SUPPORT, _ATTACK, _UNDERCUT, _CONTRADICTION = "support", "attack", "undercut", "contradictory"
_ENTAILS, _CONTRARY = "entails", "contrary"  # what + and - between statements mean in strict mode
# symbol -> (relation, whether the child is the source)
_SYMBOLS = {
    "+": (_SUPPORT, True),
    "<+": (_SUPPORT, True),
    "+>": (_SUPPORT, False),
    "-": (_ATTACK, True),
    "<-": (_ATTACK, True),
    "->": (_ATTACK, False),
    "_": (_UNDERCUT, True),
    "<_": (_UNDERCUT, True),
    "_>": (_UNDERCUT, False),
    "><": (_CONTRADICTION, True),
}


@dataclass(frozen=True, slots=True)
class Element:
    """A statement (``[Title]``) or an argument (``<Title>``) by its title."""

    kind: str  # "statement" | "argument"
    title: str


@dataclass(slots=True)
class Statement:
    """An equivalence class: every statement with one title; ``text`` is the first one's."""

    title: str
    text: str
    line: int
    tags: list[str] = field(default_factory=list)
    data: dict[str, object] = field(default_factory=dict)
    group: str | None = None


@dataclass(slots=True)
class Inference:
    """One inference of a premise-conclusion structure: the statements it uses, the one it
    concludes, and the rules written on its line."""

    premises: list[str]
    conclusion: str
    rules: str
    line: int


@dataclass(slots=True)
class Argument:
    """An argument: its description, and its premise-conclusion structure if reconstructed."""

    title: str
    description: str
    line: int
    named: bool = True
    tags: list[str] = field(default_factory=list)
    data: dict[str, object] = field(default_factory=dict)
    premises: list[str] = field(default_factory=list)
    inferences: list[Inference] = field(default_factory=list)
    group: str | None = None


@dataclass(frozen=True, slots=True)
class Group:
    """A heading: its title, the title of the heading it is under, and its inline data."""

    title: str
    parent: str | None
    data: dict[str, object]


@dataclass(frozen=True, slots=True)
class Relation:
    """``source`` supports, attacks, undercuts or contradicts ``target``, as written on ``line``."""

    type: str
    source: Element
    target: Element
    line: int


@dataclass(slots=True)
class Document:
    """What an Argdown text declares, in order; ``problems`` are (line, message) pairs."""

    front_matter: dict[str, str] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    strict: bool = False
    problems: list[tuple[int, str]] = field(default_factory=list)


def parse(text: str) -> Document:
    """The document an Argdown text declares."""
    return _Parser(text).run()


def _blank_comments(text: str) -> str:
    """Comments replaced by NUL characters, keeping every line break (so lines keep their
    numbers, and a line that held only a comment is told from a blank line)."""
    return _COMMENTS.sub(lambda m: re.sub(r"[^\n]", "\0", m.group(0)), text)


class _Parser:
    def __init__(self, text: str) -> None:
        self.doc = Document()
        self.lines = _blank_comments(text).split("\n")
        self.untitled = 0
        self.anonymous = 0
        self.headings: list[tuple[int, str]] = []  # level, title
        self.stack: list[tuple[int, Element]] = []  # indentation, element of the block
        self.current: tuple[Element | None, list[str], int] = (None, [], 0)
        self.pcs: Argument | None = None
        self.pcs_numbers: dict[str, str] = {}
        self.last_argument: Argument | None = None
        self.rule_lines: list[str] | None = None
        self.after_inference = False
        self.since: list[str] = []
        self.heading_lines: list[str] | None = None
        self.heading_level = 0
        self.heading_line = 0

    def run(self) -> Document:
        start = self._front_matter()
        blank = True
        for number in range(start, len(self.lines)):
            line = self.lines[number].rstrip()
            if "\0" in line:
                line = line.replace("\0", " ").rstrip()
                if not line.strip():
                    continue  # a comment is no blank line: it does not end a block
            if not line.strip():
                self._finish_heading()
                self._finish_text()
                blank = True
                self.stack = []
                continue
            self._line(number + 1, line, blank)
            blank = False
        self._finish_heading()
        self._finish_text()
        self._finish_pcs()
        self.doc.relations = _from_conclusions(self.doc)
        return self.doc

    # ---- front matter -------------------------------------------------------------------
    def _front_matter(self) -> int:
        if not self.lines or self.lines[0].strip() != "===":
            return 0
        for number in range(1, len(self.lines)):
            if self.lines[number].strip() == "===":
                self._read_front_matter(self.lines[1:number])
                return number + 1
        self.doc.problems.append((1, "the front matter (===) is never closed: it is read as text"))
        return 0

    def _read_front_matter(self, lines: list[str]) -> None:
        key: str | None = None
        for line in lines:
            if not line.strip():
                continue
            indented = line[:1].isspace()
            if not indented and ":" in line:
                key, _, value = line.partition(":")
                key, value = key.strip(), value.strip()
                self.doc.front_matter[key] = value
            elif key is not None:
                self.doc.front_matter[key] = (
                    self.doc.front_matter[key] + " " + line.strip()
                ).strip()
                if key == "model" and line.strip().replace(" ", "") == "mode:strict":
                    self.doc.strict = True

    # ---- lines --------------------------------------------------------------------------
    def _line(self, number: int, line: str, block_start: bool) -> None:
        stripped = line.lstrip()
        indent = len(line) - len(stripped)
        if self.rule_lines is not None:  # inside an expanded inference: -- rules --
            if _INFERENCE.match(stripped):
                self._inference(number, " ".join(self.rule_lines))
                self.rule_lines = None
            else:
                self.rule_lines.append(stripped)
            return
        if self.heading_lines is not None:  # a heading goes on to the blank line
            self.heading_lines.append(stripped)
            return
        heading = _HEADING.fullmatch(stripped) if indent == 0 else None
        if heading and block_start:
            self._finish_text()
            self._finish_pcs()
            self.heading_level, self.heading_lines = len(heading.group(1)), [heading.group(2)]
            self.heading_line = number
            return
        pcs_line = _PCS_LINE.match(stripped) if block_start or self.pcs is not None else None
        if pcs_line:
            self._finish_text()
            self._pcs_statement(number, pcs_line.group(1), stripped[pcs_line.end() :])
            return
        if self.pcs is not None and _INFERENCE.match(stripped):
            self._finish_text()
            if _LONG_INFERENCE.match(stripped):
                self._inference(number, "")
            else:
                self.rule_lines = []
            return
        relation = _RELATION.match(stripped)
        if relation and self.stack and not block_start:
            self._finish_text()
            self._relation(number, indent, relation.group(1), stripped[relation.end() :])
            return
        item = _LIST_ITEM.match(stripped)
        if block_start or item:
            self._finish_text()
            self._finish_pcs()
            if item:
                stripped = stripped[item.end() :]
            element = self._element(number, stripped)
            self.stack = [(indent, element)]
            return
        self._continue_text(stripped)

    def _finish_heading(self) -> None:
        if self.heading_lines is not None:
            raw = " ".join(self.heading_lines)
            before, data = _split_data(raw, self.heading_line, self.doc.problems)
            title = _clean(before)[0]
            if data.get("isGroup") is not False:  # Argdown's way to say a heading is no group
                self._heading(self.heading_level, title, data)
            self.heading_lines = None

    def _heading(self, level: int, title: str, data: dict[str, object]) -> None:
        while self.headings and self.headings[-1][0] >= level:
            self.headings.pop()
        parent = self.headings[-1][1] if self.headings else None
        self.headings.append((level, title))
        self.doc.groups.append(Group(title, parent, data))

    @property
    def _group(self) -> str | None:
        return self.headings[-1][1] if self.headings else None

    # ---- elements -----------------------------------------------------------------------
    def _element(self, number: int, text: str) -> Element:
        """The element a line starts, defined or referred to; its text may go on below."""
        head = _ARGUMENT_HEAD.match(text)
        if head:
            title, defined, rest = head.group(1).strip(), head.group(2), text[head.end() :]
            argument = self.doc.arguments.get(title)
            if argument is None:
                argument = Argument(title, "", number, group=self._group)
                self.doc.arguments[title] = argument
            self.last_argument = argument
            element = Element("argument", title)
            self.current = (element, [rest] if defined else [], number)
            if not defined:
                self._referred(element, rest, number)
            return element
        self.last_argument = None
        head = _STATEMENT_HEAD.match(text)
        if head and text[head.end() - 1 : head.end()] != "(":
            title, defined, rest = head.group(1).strip(), head.group(2), text[head.end() :]
        else:
            self.untitled += 1
            title, defined, rest = f"Untitled {self.untitled}", ":", text
        if title not in self.doc.statements:
            self.doc.statements[title] = Statement(title, "", number, group=self._group)
        element = Element("statement", title)
        self.current = (element, [rest] if defined else [], number)
        if not defined:
            self._referred(element, rest, number)
        return element

    def _continue_text(self, text: str) -> None:
        element, parts, number = self.current
        if element is None:
            self.doc.problems.append((0, "text outside any statement is ignored"))
            return
        parts.append(text)

    def _finish_text(self) -> None:
        element, parts, number = self.current
        self.current = (None, [], 0)
        if element is None or not parts:
            return
        raw, data = _split_data(" ".join(parts), number, self.doc.problems)
        text, tags = _clean(raw)
        if element.kind == "argument":
            argument = self.doc.arguments[element.title]
            if not argument.description:
                argument.description = text
            argument.tags.extend(t for t in tags if t not in argument.tags)
            argument.data.update(data)
        else:
            statement = self.doc.statements[element.title]
            if not statement.text:  # its first definition: the group is where it stands
                statement.text, statement.line, statement.group = text, number, self._group
            statement.tags.extend(t for t in tags if t not in statement.tags)
            statement.data.update(data)

    def _referred(self, element: Element, rest: str, number: int) -> None:
        """The tags and data after an element's title where it is only referred to."""
        raw, data = _split_data(rest, number, self.doc.problems)
        _, tags = _clean(raw)
        owner = (
            self.doc.arguments[element.title]
            if element.kind == "argument"
            else self.doc.statements[element.title]
        )
        owner.tags.extend(t for t in tags if t not in owner.tags)
        owner.data.update(data)

    def _relation(self, number: int, indent: int, symbol: str, text: str) -> None:
        while self.stack and self.stack[-1][0] >= indent:
            self.stack.pop()
        if not self.stack:
            self.doc.problems.append((number, "a relation with nothing above it to relate to"))
            return
        parent = self.stack[-1][1]
        child = self._element(number, text)
        type, child_is_source = _SYMBOLS[symbol]
        source, target = (child, parent) if child_is_source else (parent, child)
        if self.doc.strict and source.kind == target.kind == "statement":
            type = {_SUPPORT: _ENTAILS, _ATTACK: _CONTRARY}.get(type, type)
        self.doc.relations.append(Relation(type, source, target, number))
        self.stack.append((indent, child))

    # ---- premise-conclusion structures --------------------------------------------------
    def _pcs_statement(self, number: int, label: str, text: str) -> None:
        if self.pcs is None:
            argument = self.last_argument
            if argument is None or argument.premises or argument.inferences:
                self.anonymous += 1
                title = f"Untitled argument {self.anonymous}"
                argument = Argument(title, "", number, named=False, group=self._group)
                self.doc.arguments[title] = argument
            self.pcs, self.pcs_numbers = argument, {}
        element = self._element(number, text)
        self.last_argument = None
        self.pcs_numbers[label] = element.title
        if self.after_inference:
            inference = self.pcs.inferences[-1]
            inference.conclusion = element.title
            self.after_inference = False
        else:
            self.pcs.premises.append(element.title)
            self.since.append(element.title)
        self.stack = [(0, element)]

    def _inference(self, number: int, rules: str) -> None:
        assert self.pcs is not None
        if self.after_inference:  # the inference above has no conclusion
            self._drop_open_inference()
        rules, data = _split_data(rules, number, self.doc.problems)
        rules = rules.strip()
        uses = data.get("uses")
        if isinstance(uses, list):
            used = self._used(uses)
        else:  # the conclusion above, and the premises listed since
            earlier = self.pcs.inferences[-1].conclusion if self.pcs.inferences else None
            used = ([earlier] if earlier else []) + self.since
        self.since = []
        self.pcs.inferences.append(Inference(used, "", rules, number))
        self.after_inference = True

    def _used(self, uses: list[object]) -> list[str]:
        return [self.pcs_numbers[str(u)] for u in uses if str(u) in self.pcs_numbers]

    def _drop_open_inference(self) -> None:
        assert self.pcs is not None
        line = self.pcs.inferences.pop().line
        self.doc.problems.append((line, "an inference with no conclusion after it: left out"))
        self.after_inference = False

    def _finish_pcs(self) -> None:
        if self.pcs is not None and self.after_inference:
            self._drop_open_inference()
        self.pcs, self.after_inference, self.since = None, False, []


def _from_conclusions(doc: Document) -> list[Relation]:
    """Relations as Argdown reads them: what an argument with a premise-conclusion structure
    supports or attacks, its main conclusion does (and its support of that very conclusion
    goes without saying); and duplicates merged."""
    relations: list[Relation] = []
    seen: set[tuple[str, Element, Element]] = set()
    for relation in doc.relations:
        source = relation.source
        argument = doc.arguments.get(source.title) if source.kind == "argument" else None
        if argument is not None and argument.inferences and relation.type != _UNDERCUT:
            source = Element("statement", argument.inferences[-1].conclusion)
            if source == relation.target:
                continue
        if (relation.type, source, relation.target) not in seen:
            seen.add((relation.type, source, relation.target))
            relations.append(Relation(relation.type, source, relation.target, relation.line))
    return relations


def _clean(raw: str) -> tuple[str, list[str]]:
    """Text without Markdown emphasis, link targets and tags; and the tags."""
    tags = [m.group(1) or m.group(2) for m in _TAG.finditer(raw)]
    text = _TAG.sub("", raw)
    text = _LINK.sub(r"\1", text)
    for _ in range(2):
        text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(4), text)
    return _SPACES.sub(" ", text).strip(), [t.strip() for t in tags if t and t.strip()]


def _split_data(
    raw: str, line: int, problems: list[tuple[int, str]]
) -> tuple[str, dict[str, object]]:
    """The text before inline data ``{...}`` at its end, and the data."""
    stripped = raw.rstrip()
    start = stripped.find("{") if stripped.endswith("}") else -1
    if start < 0:
        return raw, {}
    return stripped[:start], _data(stripped[start:], line, problems)


def _data(raw: str, line: int, problems: list[tuple[int, str]]) -> dict[str, object]:
    """Inline data: argmap writes it as JSON (which is YAML too); other YAML is reported."""
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        value = None
    if isinstance(value, dict):
        return value
    uses = re.fullmatch(r"\{\s*uses\s*:\s*\[([\d,\s]*)\]\s*\}\s*", raw)
    if uses:
        return {"uses": [int(n) for n in re.findall(r"\d+", uses.group(1))]}
    pair = _YAML_PAIR.fullmatch(raw.strip())
    if pair:  # one key and a plain value, as in {isGroup: false} or {source: "C1a"}
        value = pair.group(2).strip('"')
        return {pair.group(1): {"true": True, "false": False}.get(value, value)}
    problems.append((line, f"the inline data {raw.strip()} is not read (argmap reads JSON data)"))
    return {}
