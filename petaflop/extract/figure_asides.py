"""A figure that opens a parenthetical aside right after another figure qualifies that figure.

"월간 사용자 20억 명(약 3달 만에 5억 명 증가)": the span of time in the parentheses tells over what
period the figure before them grew; it is not a span the sentence's topic took. The readers of spans
of time (text_figures.py) skip such a figure.
"""

from __future__ import annotations

import re

#: a figure (digits and up to two short unit words) closing right before "(", then at most "약"/"최근"/"불과"
_AFTER_FIGURE_PAREN = re.compile(r"\d[\d.,]*(?:\s?[^\s\d()]{1,4}){0,2}\s?\(\s?(?:약|최근|불과|지난)?\s?$")


def opens_aside_of_figure(s: str, start: int) -> bool:
    """True when the figure at ``start`` opens a parenthesis that follows another figure."""
    return bool(_AFTER_FIGURE_PAREN.search(s[max(0, start - 24):start]))
