"""Reading and writing the field's argument maps: AIF JSON, Argdown and the microtexts' XML.

Everything here is pure: text in, a map (or text) and notes out. Every element the other side
cannot express becomes a :class:`Note`, located and in plain words; nothing is dropped silently.
"""

from __future__ import annotations

from argmap.interchange.notes import Conversion, FormatError, Note

__all__ = ["Conversion", "FormatError", "Note"]
