"""The formats by name: a document of any of them as .arg text, and a map as any of them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import PurePath

from argmap.interchange.aif import map_to_aif, read_aif
from argmap.interchange.arg_writer import write_arg
from argmap.interchange.basis import Leaves
from argmap.interchange.microtext import read_microtext
from argmap.interchange.notes import Conversion, FormatError
from argmap.model import ArgumentMap

__all__ = ["EXPORTS", "IMPORTS", "export_map", "format_of", "import_document"]

Reader = Callable[[str, str, Leaves], Conversion[ArgumentMap]]


def _read_argdown(text: str, path: str, leaves: Leaves) -> Conversion[ArgumentMap]:
    from argmap.interchange.argdown import read_argdown

    return read_argdown(text, path, leaves)


IMPORTS: dict[str, Reader] = {
    "aif": read_aif,
    "argdown": _read_argdown,
    "microtext": read_microtext,
}
"""The formats ``argmap import`` reads."""
EXPORTS = ("aif", "argdown", "json")
"""The formats ``argmap export`` writes."""
DEFAULT_LEAVES = {"aif": Leaves.ASSUMPTION, "microtext": Leaves.ASSUMPTION, "argdown": Leaves.CLAIM}
"""What the leaves of an imported map are unless ``--leaves`` says: the corpora in AIF and the
microtexts mark no evidence or assumptions; Argdown maps are written by people who may."""
_EXTENSIONS = {".json": "aif", ".xml": "microtext", ".argdown": "argdown", ".ad": "argdown"}


def format_of(path: str) -> str | None:
    """The format a file's extension says, if it says one."""
    return _EXTENSIONS.get(PurePath(path).suffix.lower())


def import_document(
    text: str, path: str, format: str, leaves: Leaves | None = None
) -> Conversion[str]:
    """A document as .arg text, with a header comment that says where it came from and what
    its leaves are; :class:`FormatError` when it is not a document of that format."""
    chosen = leaves or DEFAULT_LEAVES[format]
    converted = IMPORTS[format](text, path, chosen)
    if not converted.value.statements:
        raise FormatError("it holds no statement (proposition) to import: a map needs one")
    header = (
        f"Imported by argmap import from {PurePath(path).name} ({format}).",
        f"Statements that no reason supports are {chosen.value}s (--leaves {chosen.value}).",
    )
    return Conversion(write_arg(converted.value, header), converted.notes)


def export_map(argument_map: ArgumentMap, format: str) -> Conversion[str]:
    """A map as text of another format, with notes on what that format cannot hold."""
    if format == "aif":
        aif = map_to_aif(argument_map)
        return Conversion(json.dumps(aif.value, ensure_ascii=False, indent=2) + "\n", aif.notes)
    if format == "argdown":
        from argmap.interchange.argdown import write_argdown

        return write_argdown(argument_map)
    if format == "json":
        from argmap.export_json import map_to_dict

        return Conversion(
            json.dumps(map_to_dict(argument_map), ensure_ascii=False, indent=2) + "\n"
        )
    raise FormatError(f'"{format}" is not a format argmap writes: use one of {", ".join(EXPORTS)}')
