"""Lines of a figure's text that one sentence was wrapped across (a slide's text box is narrow).

A figure keeps its caption and text line by line (each line is a label, a legend or a sentence),
so a sentence wrapped over two lines is read as two halves. A line continues the one above when
that one stops where no sentence or label can: on an object/topic particle ("…비율을"), a genitive
or a comma. Only those endings are read: a label ending on a noun stays a line of its own.
"""

from __future__ import annotations

import re

__all__ = ["join_wrapped"]

#: a line ending like this is unfinished: the next line continues it
_OPEN_END = re.compile(r"(?:[가-힣](?:을|를)|[,(])$")


def join_wrapped(lines: list[str]) -> list[str]:
    """``lines`` with each line that continues the one above joined to it by a space."""
    out: list[str] = []
    for line in lines:
        if out and line and _OPEN_END.search(out[-1]):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out
