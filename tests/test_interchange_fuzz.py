"""Hostile and random input: an importer either refuses a document in plain words
(FormatError) or gives a map that reads back without errors — never a traceback."""

from __future__ import annotations

import json
from xml.sax.saxutils import quoteattr

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.interchange.convert import import_document
from argmap.interchange.notes import FormatError
from argmap.reader import read_text

IDS = st.sampled_from(["1", "2", "3", "4", "5", "a 1", "thesis", "9x", "a1", ""])
TYPES = st.sampled_from(["I", "RA", "CA", "MA", "PA", "L", "YA", "TA", "XX"])
TEXTS = st.text(max_size=12) | st.sampled_from(["Default Inference", "Ann : hi", '"', "\\"])
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _reads_back(text: str, format: str) -> None:
    try:
        converted = import_document(text, "fuzz", format)
    except FormatError:
        return
    result = read_text(converted.value, "fuzz.arg")
    assert result.ok, (converted.value, result.diagnostics[:2])


@FUZZ
@given(
    st.lists(st.fixed_dictionaries({"nodeID": IDS, "type": TYPES, "text": TEXTS}), max_size=10),
    st.lists(st.fixed_dictionaries({"edgeID": IDS, "fromID": IDS, "toID": IDS}), max_size=14),
    st.booleans(),
)
def test_aif(nodes: list[dict[str, str]], edges: list[dict[str, str]], wrapped: bool) -> None:
    document: object = {"nodes": nodes, "edges": edges}
    _reads_back(json.dumps({"AIF": document} if wrapped else document), "aif")


@FUZZ
@given(st.text(max_size=60) | st.sampled_from(["[]", '{"nodes": 3}', '{"nodes": [1, null]}']))
def test_aif_garbage(text: str) -> None:
    _reads_back(text, "aif")


ADU_IDS = st.sampled_from(["a1", "a2", "a3", "a 4", "thesis", "1a"])
EDGE_IDS = st.sampled_from(["c1", "c2", "c3", "c4", "c5"])
EDGE_TYPES = st.sampled_from(["sup", "exa", "reb", "und", "add", "seg", "xyz"])


@FUZZ
@given(
    st.lists(st.tuples(ADU_IDS, st.sampled_from(["pro", "opp"])), max_size=5),
    st.lists(
        st.tuples(EDGE_IDS, ADU_IDS | EDGE_IDS | st.just("e1"), ADU_IDS | EDGE_IDS, EDGE_TYPES),
        max_size=8,
    ),
    st.text(max_size=20),
)
def test_microtext(
    adus: list[tuple[str, str]], edges: list[tuple[str, str, str, str]], text: str
) -> None:
    clean = "".join(c for c in text if c.isprintable() and c not in "]>")
    parts = [f"<arggraph id='x'><edu id='e1'><![CDATA[{clean}]]></edu>"]
    parts += [f"<adu id={quoteattr(a)} type='{t}'/>" for a, t in adus]
    parts += [
        f"<edge id='{i}' src={quoteattr(s)} trg={quoteattr(t)} type='{k}'/>" for i, s, t, k in edges
    ]
    _reads_back("".join(parts) + "</arggraph>", "microtext")


def test_an_adu_joined_twice_or_to_its_own_premise_counts_once() -> None:
    document = (
        "<arggraph id='x'><edu id='e1'><![CDATA[T]]></edu>"
        "<adu id='a1' type='pro'/><adu id='a2' type='pro'/><adu id='a3' type='pro'/>"
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
        'expect: [{"label": "IN", "ids": ["nope"]}]',
        'sources: [{"id": "a b"}]',
        "* item",
        "<!-- comment",
        "-->",
        "",
    ]
)


@FUZZ
@given(st.lists(LINES | st.text(max_size=10), max_size=16))
def test_argdown(lines: list[str]) -> None:
    _reads_back("\n".join(lines), "argdown")
