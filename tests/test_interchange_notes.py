"""What the importers and exporters say of what they leave out or repair: each note names
the element where the input has it (an id, or its place in a list when it has none) and says
what is wrong in plain words, never with a Python value such as ``None``; no imported
statement is empty; and an export note gives the line of every element it speaks of."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.interchange.aif import map_to_aif
from argmap.interchange.argdown import write_argdown
from argmap.interchange.convert import import_document
from argmap.reader import read_text
from tests.test_parse_cli import run

_BUSES = {"nodeID": "1", "type": "I", "text": "Buses help."}

IMPORTS = [
    (
        "aif: I-nodes without a text",
        "aif",
        {
            "nodes": [
                _BUSES,
                {"nodeID": "2", "type": "I"},
                {"nodeID": 3, "type": "I", "text": 5},
                {"nodeID": "4", "type": "I", "text": " "},
                {"nodeID": "5", "type": "RA"},
            ],
            "edges": [{"fromID": "2", "toID": "5"}, {"edgeID": "e2", "fromID": "5", "toID": "1"}],
        },
        [
            'node "2": the I-node has no text: left out',
            'node "3": the I-node\'s text is a number, not a text: left out',
            'node "4": the I-node\'s text is empty: left out',
            'edge 1 of the list: its fromID "2" names no node that is kept: left out',
            'RA-node "5": it has no premise: left out',
        ],
        ["Buses help."],
    ),
    (
        "aif: edges without an id, or with ends that are missing or not ids",
        "aif",
        {
            "nodes": [_BUSES, {"nodeID": "2", "type": "I", "text": "B."}],
            "edges": [
                {"fromID": "9", "toID": "1"},
                {"edgeID": None, "fromID": "1"},
                {"edgeID": [1], "fromID": ["1"], "toID": "2"},
                {"edgeID": "", "fromID": "1", "toID": None},
                7,
            ],
        },
        [
            'edge 1 of the list: its fromID "9" names no node that is kept: left out',
            "edge 2 of the list: it has no toID: left out",
            "edge 3 of the list: its fromID is a list, not a text or a whole number: left out",
            "edge 4 of the list: its toID is null, not a text or a whole number: left out",
            "edge 5 of the list: it is a number, not an object: left out",
        ],
        ["B.", "Buses help."],
    ),
    (
        "aif: nodes and edges listed twice",
        "aif",
        {
            "nodes": [
                _BUSES,
                _BUSES,
                {"nodeID": "2", "type": "I", "text": "B."},
                {"nodeID": "3", "type": "RA"},
            ],
            "edges": [
                {"fromID": "2", "toID": "3"},
                {"fromID": "3", "toID": "1"},
                {"edgeID": "e3", "fromID": "2", "toID": "3"},
            ],
        },
        [
            "the node list: 1 node listed twice: merged",
            "the edge list: 1 edge joining the same two nodes as another: merged",
        ],
        ["B.", "Buses help."],
    ),
    (
        "aif: nodes whose id or type is missing or not a text",
        "aif",
        {
            "nodes": [
                _BUSES,
                {"nodeID": None, "type": "I", "text": "x"},
                {"nodeID": True, "type": "I", "text": "x"},
                {"nodeID": "", "type": "I", "text": "x"},
                {"nodeID": "6", "type": ["I"], "text": "y"},
                {"nodeID": "7", "text": "z"},
                "node",
            ],
        },
        [
            "node 2 of the list: its nodeID is null, not a text or a whole number: left out",
            "node 3 of the list: its nodeID is true, not a text or a whole number: left out",
            "node 4 of the list: its nodeID is empty: left out",
            'node "6": its type is a list, not a text: left out',
            'node "7": it has no type: left out',
            "node 7 of the list: it is a text, not an object: left out",
        ],
        ["Buses help."],
    ),
    (
        "microtext: an ADU without a text or an id, edges without an id",
        "microtext",
        "<arggraph><edu id='e1'>T.</edu><adu id='a1' type='pro'/><adu id='a2' type='pro'/>"
        "<adu type='pro'/><edge id='c1' src='e1' trg='a1' type='seg'/>"
        "<edge src='a2' trg='a1' type='sup'/><edge src='a9' trg='a1' type='sup'/>"
        "<edge trg='a1' type='reb'/><edge id='c5' src='a1' trg='a1'/></arggraph>",
        [
            "ADU 3 of the file: it has no id: left out",
            'ADU "a2": no EDU gives its text: left out',
            'edge 2 of the file: its source "a2" is no ADU of the map: left out',
            'edge 3 of the file: its source "a9" is no ADU of the map: left out',
            "edge 4 of the file: it has no source: left out",
            'edge "c5": an edge with no type to "a1" has no counterpart: left out',
        ],
        ["T."],
    ),
    (
        "argdown: a statement given by its title alone, and data of the wrong kind",
        "argdown",
        "===\n"
        'expect: [{"label": "IN", "ids": [["a"]]}, null]\n'
        'sources: [{"id": "a b"}, 3, {"id": "s"}]\n'
        "===\n"
        "[A]\n"
        "  + [B]: because\n"
        "  - <Arg>\n"
        "\n"
        '[C]: c {"kind": "bogus", "by": 5, "notes": [null, "n"], "quotes": [["s", null]],'
        ' "citations": "s"}\n',
        [
            'the front matter: the source {"id": "a b"} has no valid id: left out',
            "the front matter: the source 3 has no valid id: left out",
            "line 5: [A] has no text: its title is its text",
            'line 9: the data "kind" of [C] is "bogus", not a kind of statement: left out',
            'line 9: the data "by" of [C] is a number, not a text: left out',
            'line 9: the data "notes" of [C] holds what is not a text: that is left out',
            'line 9: the data "quotes" of [C] holds what is not a [source, text] pair: '
            "that is left out",
            'line 9: the data "citations" of [C] is a text, not a list: left out',
            "line 7: <Arg> has no description: its title is its text",
            'the front matter: the expected labels {"label": "IN", "ids": [["a"]]} are not read',
            "the front matter: the expected labels null are not read",
        ],
        ["A", "Arg", "because", "c"],
    ),
]


@pytest.mark.parametrize(
    ("format", "document", "notes", "texts"),
    [case[1:] for case in IMPORTS],
    ids=[case[0] for case in IMPORTS],
)
def test_import_notes_locate_and_name_what_is_wrong(
    format: str, document: object, notes: list[str], texts: list[str]
) -> None:
    text = document if isinstance(document, str) else json.dumps(document)
    converted = import_document(text, "m", format)
    assert [f"{n.where}: {n.message}" for n in converted.notes] == notes
    result = read_text(converted.value, "m.arg")
    assert result.ok, result.diagnostics
    assert sorted(s.text for s in result.map.statements.values()) == texts


LANE = (
    'thesis lane: "The city should build a lane."\n'
    "\n"
    'evidence collisions: "There were 40 collisions."\n'
    "\n"
    'assumption survey: "Residents want it."\n'
    'claim plain: "A claim."  # argmap: ignore[orphan]\n'
    "reason r: collisions & survey -> lane\n"
    "\n"
    "reason r2: plain -> lane  # argmap: ignore[orphan]\n"
)


def test_export_notes_give_the_line_of_every_element() -> None:
    m = read_text(LANE, "lane.arg").map
    assert [str(n) for n in map_to_aif(m).notes] == [
        "lane.arg: lines 1, 3 and 5: 3 statements lose their kind (thesis, evidence, "
        'assumption): they are plain I-nodes ("lane", "collisions", "survey")',
        "lane.arg: lines 7 and 9: 2 named inferences (reasons and objections) lose their "
        'names, as AIF nodes have numbers: "r", "r2"',
    ]
    assert [str(n) for n in write_argdown(m).notes] == [
        "lane.arg: lines 6 and 9: suppression comments (# argmap: ignore) have no place in "
        "Argdown: left out",
    ]


def test_an_empty_text_exported_to_argdown_is_reported() -> None:
    m = read_text('claim a: ""\n', "e.arg").map
    assert [str(n) for n in write_argdown(m).notes] == [
        'e.arg: line 1: the text of "a" is empty: Argdown reads its title as its text'
    ]


def test_the_command_line_says_what_it_left_out(tmp_path: Path) -> None:
    aif = tmp_path / "debate.json"
    aif.write_text(json.dumps({"nodes": [_BUSES, {"nodeID": "2", "type": "I"}], "edges": []}))
    code, out, err = run("import", str(aif))
    assert (code, err) == (0, f'{aif}: node "2": the I-node has no text: left out\n')
    assert '""' not in out
    lane = tmp_path / "lane.arg"
    lane.write_text(LANE)
    code, out, err = run("export", str(lane), "--to", "aif")
    assert code == 0
    assert err.startswith(f"{lane}: lines 1, 3 and 5: 3 statements lose their kind")
