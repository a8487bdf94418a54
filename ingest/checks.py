"""Checks of the input itself: control characters, and structure that parsed but cannot be meant.

Both give warnings of kind ``input`` with a line number (``petaflop parse`` and ``petaflop
build`` show the same ones): a control character is read as a space (it is not text, and XML —
HermiT's OWL/XML, RDF/XML exports — cannot hold most of them); a file without a single tab has
no tables (the report's tables are tab-separated rows) and its contents page (``title<TAB>page``)
turns into one-line chapters.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.model import Warning_

if TYPE_CHECKING:
    from ingest.model import Document

__all__ = ["clean_controls", "structure_warnings"]

#: C0 controls but tab (and the CR of CRLF, already gone), DEL and the C1 controls: they are not
#: text, and XML (HermiT's OWL/XML, RDF/XML exports) cannot hold most of them.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_NAMES = {0: "NUL", 7: "BEL", 8: "BS", 0x0B: "VT", 0x0C: "FF", 0x1B: "ESC", 0x7F: "DEL"}


def clean_controls(lines: list[str]) -> tuple[list[str], list[Warning_]]:
    """Control characters become spaces, each line that had one a warning naming it and its column."""
    warnings: list[Warning_] = []
    out = lines
    for i, line in enumerate(lines):
        found = _CONTROL_RE.search(line)
        if found is None:
            continue
        if out is lines:
            out = list(lines)
        code = ord(found.group())
        name = _CONTROL_NAMES.get(code, f"U+{code:04X}")
        count = len(_CONTROL_RE.findall(line))
        more = f" and {count - 1} more" if count > 1 else ""
        warnings.append(Warning_(i + 1, f"control character {name} (U+{code:04X}) at column {found.start() + 1}{more}; "
                                        "read as a space", "input"))
        out[i] = _CONTROL_RE.sub(" ", line)
    return out, warnings


def structure_warnings(doc: Document) -> list[Warning_]:
    """A parse that went through but cannot be the report as meant: say why (line 1 for the whole file)."""
    out: list[Warning_] = []
    if not doc.tables and not any("\t" in ln for ln in doc.lines):
        out.append(Warning_(1, "no tables: this report's tables are rows of tab-separated cells and the file has no "
                               "tab character (were tabs turned into spaces?)", "input"))
    one_line = [c for c in doc.chapters if c.lines.last - c.lines.first <= 1]
    if len(one_line) >= 3:
        run = sorted(one_line, key=lambda c: c.lines.first)
        if run[-1].lines.first - run[0].lines.first <= 2 * len(run):
            out.append(Warning_(run[0].lines.first, f"chapters {run[0].key}–{run[-1].key} are one line each on lines "
                                f"{run[0].lines.first}–{run[-1].lines.first}: that is the table of contents (title "
                                "and page number), not the chapters (were tabs turned into spaces?)", "input"))
    return out

