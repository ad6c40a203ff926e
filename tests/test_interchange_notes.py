"""What the exporters say of what the other format cannot hold: a note gives the line of
every element it speaks of, not only of the first."""

from __future__ import annotations

from argmap.interchange.aif import map_to_aif
from argmap.interchange.argdown import write_argdown
from argmap.reader import read_text

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
