"""Hostile and random input: an importer either refuses a document in plain words
(FormatError) or gives a map that reads back without errors and has no empty statement —
never a traceback, and never a Python value (``None``, ``['x']``) in what it says."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from xml.sax.saxutils import quoteattr

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.interchange.convert import import_document
from argmap.interchange.notes import FormatError
from argmap.reader import read_text

IDS = st.sampled_from(["1", "2", "3", "4", "5", "a 1", "thesis", "9x", "a1", ""])
TYPES = st.sampled_from(["I", "RA", "CA", "MA", "PA", "L", "YA", "TA", "XX"])
TEXTS = st.text(max_size=12) | st.sampled_from(["Default Inference", "Ann : hi", '"', "\\"])
NODE = {"nodeID": IDS, "type": TYPES, "text": TEXTS}
EDGE = {"edgeID": IDS, "fromID": IDS, "toID": IDS}
JUNK = st.sampled_from([None, True, 0, 1.5, "", [1], ["1"], {"a": None}])
"""Values of the wrong kind where a document should have an id or a text."""
PYTHON = re.compile(r"\b(None|True|False)\b|\['|\{'")
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _reads_back(text: str, format: str) -> None:
    try:
        converted = import_document(text, "fuzz", format)
    except FormatError:
        return
    for note in converted.notes:
        assert not PYTHON.search(str(note)), note
    result = read_text(converted.value, "fuzz.arg")
    assert result.ok, (converted.value, result.diagnostics[:2])
    assert all(s.text.strip() for s in result.map.statements.values()), converted.value


def _says_no_python(text: str) -> bool:
    """Random text that does not itself look like a Python value (a note may quote it)."""
    return not PYTHON.search(text)


def _malformed(keys: Mapping[str, st.SearchStrategy[object]]) -> st.SearchStrategy[object]:
    """Objects of which any key may be missing or of the wrong kind, and values that are no
    object at all."""
    optional = {key: values | JUNK for key, values in keys.items()}
    return st.fixed_dictionaries({}, optional=optional) | JUNK


@FUZZ
@given(
    st.lists(
        st.fixed_dictionaries(NODE) | _malformed(NODE),
        max_size=10,
    ),
    st.lists(
        st.fixed_dictionaries(EDGE) | _malformed(EDGE),
        max_size=14,
    ),
    st.booleans(),
)
def test_aif(nodes: list[object], edges: list[object], wrapped: bool) -> None:
    document: object = {"nodes": nodes, "edges": edges}
    _reads_back(json.dumps({"AIF": document} if wrapped else document), "aif")


@FUZZ
@given(st.text(max_size=60) | st.sampled_from(["[]", '{"nodes": 3}', '{"nodes": [1, null]}']))
def test_aif_garbage(text: str) -> None:
    _reads_back(text, "aif")


ADU_IDS = st.sampled_from(["a1", "a2", "a3", "a 4", "thesis", "1a"])
EDGE_IDS = st.sampled_from(["c1", "c2", "c3", "c4", "c5"])
EDGE_TYPES = st.sampled_from(["sup", "exa", "reb", "und", "add", "seg", "xyz"])


def _attributes(**values: str | None) -> str:
    """XML attributes; those that are None are left out."""
    return "".join(f" {k}={quoteattr(v)}" for k, v in values.items() if v is not None)


@FUZZ
@given(
    st.lists(
        st.tuples(ADU_IDS | st.none(), st.sampled_from(["pro", "opp"]), st.booleans()),
        max_size=5,
    ),
    st.lists(
        st.tuples(
            EDGE_IDS | st.none(),
            ADU_IDS | EDGE_IDS | st.just("e1") | st.none(),
            ADU_IDS | EDGE_IDS | st.none(),
            EDGE_TYPES | st.none(),
        ),
        max_size=8,
    ),
    st.text(max_size=20),
)
def test_microtext(
    adus: list[tuple[str | None, str, bool]],
    edges: list[tuple[str | None, str | None, str | None, str | None]],
    text: str,
) -> None:
    """ADUs with a text of their own or none; attributes that may be missing."""
    clean = "".join(c for c in text if c.isprintable() and c not in "]>")
    parts = [f"<arggraph id='x'><edu id='e1'><![CDATA[{clean}]]></edu>"]
    for n, (adu, role, said) in enumerate(adus):
        parts.append(f"<adu{_attributes(id=adu, type=role)}/>")
        if said and adu is not None:
            parts.append(f"<edu id='t{n}'>words {n}</edu>")
            parts.append(f"<edge{_attributes(id=f's{n}', src=f't{n}', trg=adu, type='seg')}/>")
    parts += [f"<edge{_attributes(id=i, src=s, trg=t, type=k)}/>" for i, s, t, k in edges]
    _reads_back("".join(parts) + "</arggraph>", "microtext")


def test_an_adu_joined_twice_or_to_its_own_premise_counts_once() -> None:
    document = (
        "<arggraph id='x'><edu id='e1'>T</edu><edu id='e2'>A</edu><edu id='e3'>B</edu>"
        "<adu id='a1' type='pro'/><adu id='a2' type='pro'/><adu id='a3' type='pro'/>"
        "<edge id='s1' src='e1' trg='a1' type='seg'/><edge id='s2' src='e2' trg='a2' type='seg'/>"
        "<edge id='s3' src='e3' trg='a3' type='seg'/>"
        "<edge id='c1' src='a2' trg='a1' type='sup'/>"
        "<edge id='c2' src='a2' trg='c1' type='add'/>"
        "<edge id='c3' src='a3' trg='c1' type='add'/><edge id='c4' src='a3' trg='c1' type='add'/>"
        "</arggraph>"
    )
    converted = import_document(document, "m", "microtext")
    result = read_text(converted.value, "m.arg")
    assert result.ok, result.diagnostics
    (reason,) = result.map.reasons.values()
    assert reason.premises == ("a2", "a3")
    assert any("joined to it twice" in str(note) for note in converted.notes)


LINES = st.sampled_from(
    [
        "[A]: a text #tag",
        '[B]: b {"kind": "evidence", "quotes": [["s", "q"]]}',
        "<Arg>: an argument",
        "<Arg>",
        "  + [A]",
        "  - <Other>: other",
        "  <_ [B]",
        "    -> [A]",
        "  >< [B]",
        "(1) [A]",
        "(2) premise two",
        "----",
        "--",
        "rule {uses: [1]}",
        "(3) [C]: conclusion",
        '# Heading {"id": "thesis"}',
        "## Sub",
        "===",
        '[D]: d {"kind": 1, "by": null, "notes": [null], "quotes": [["s", 2]], "citations": 3}',
        '[E] {"kind": ["x"], "by": ["x"], "notes": "n", "quotes": "q", "citations": [[1, null]]}',
        "[F]",
        'expect: [{"label": "IN", "ids": ["nope"]}]',
        'expect: [{"label": "IN", "ids": [["A"], null]}, null, true]',
        'sources: [{"id": "a b"}]',
        'sources: [{"id": "s"}, {"id": null}, null, ["x"]]',
        "* item",
        "<!-- comment",
        "-->",
        "",
    ]
)


@FUZZ
@given(st.lists(LINES | st.text(max_size=10).filter(_says_no_python), max_size=16))
def test_argdown(lines: list[str]) -> None:
    _reads_back("\n".join(lines), "argdown")
