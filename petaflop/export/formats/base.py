"""What every export format is: an :class:`ExportFormat` (names, media type, a ``write`` that turns
a :class:`~petaflop.export.selection.Subgraph` into bytes), plus text helpers several formats share."""

from __future__ import annotations

import json
import re
from abc import ABC, abstractmethod
from typing import ClassVar
from xml.sax.saxutils import escape as _xml_escape

from petaflop.export.errors import ExportError
from petaflop.export.selection import Subgraph

TITLE = "Petaflop Atlas export"
JSON = json.JSONEncoder(ensure_ascii=False)  # one encoder (C accelerated) for every element


class ExportFormat(ABC):
    """One output format. Subclasses set the class attributes and implement :meth:`write`;
    :func:`petaflop.export.formats.register` adds an instance to the registry."""

    name: ClassVar[str]                        # the --format value
    extension: ClassVar[str]                   # the suggested file extension, with its dot
    media_type: ClassVar[str]
    description: ClassVar[str]                 # one line, for --help and the app
    description_ko: ClassVar[str] = ""         # the same line in Korean, for the app's Korean pages
    named_graphs: ClassVar[bool] = False       # True when the named graphs are kept
    aliases: ClassVar[tuple[str, ...]] = ()    # other --format values
    other_extensions: ClassVar[tuple[str, ...]] = ()  # further --out extensions that mean this format

    @property
    def extensions(self) -> tuple[str, ...]:
        """Every ``--out`` extension that selects this format."""
        return (self.extension, *self.other_extensions)

    @abstractmethod
    def write(self, sub: Subgraph) -> bytes:
        """The selection in this format; the same selection gives the same bytes in any process."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"


def header_text(sub: Subgraph) -> str:
    """The one-line description of the selection that file headers carry."""
    return f"{TITLE}: {' '.join(sub.summary().split())}"


# ---------------------------------------------------------------------------- XML text
XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Character data for XML 1.0; a character XML cannot carry is an ExportError."""
    if XML_BAD.search(text):
        raise ExportError(f"a value holds a character XML cannot carry: {text[:40]!r}")
    return _xml_escape(text).replace("\r", "&#13;")


def xml_attr(text: str) -> str:
    """An attribute value (double-quoted) for XML 1.0."""
    return xml_text(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")
