"""Escape text that came from the report (or any data) before a UI renders it.

The report's strings (names, table cells, quoted sentences) reach Markdown and HTML renderers
in the workbench. Rendered as-is, ``![x](http://…)`` would make the browser fetch an image,
``<b>`` or ``<script>`` would be markup, and ``*`` or ``_`` would change emphasis. These
helpers make such text inert: it is shown exactly as written.

* :func:`escape_markdown` — backslash-escapes every Markdown (CommonMark + GFM) punctuation
  character and HTML's ``<``/``>``/``&``, so no link, image, emphasis, heading, list, table,
  code span, raw HTML, math (``$``) or Streamlit directive (``:color[…]``, ``:material/…:``)
  is formed;
* :func:`escape_html` — ``&``, ``<``, ``>``, ``"`` and ``'`` as entities (for attribute values
  and text nodes alike);
* :func:`clip` — cuts very long text to a limit and says so.
"""

from __future__ import annotations

import re

# Every ASCII punctuation character CommonMark allows to be backslash-escaped that can start or
# end markup, plus ':' (Streamlit's :icon: and :color[] directives) and '$' (math).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~:$=\"'])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"}


def escape_html(text: object) -> str:
    """``text`` with the five HTML-significant characters as entities."""
    return "".join(_HTML.get(ch, ch) for ch in str(text))


def escape_markdown(text: object) -> str:
    """``text`` as literal Markdown: no markup, link, image, HTML or directive is formed.

    Line breaks are kept as spaces (a report cell never starts a new block), ``<``, ``>`` and
    ``&`` become HTML entities (Markdown renders entities as the characters).
    """
    s = str(text).replace("\r", " ").replace("\n", " ")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    return s.replace("&", "&amp;").replace("<", "&lt;").replace("\\>", "&gt;")


def clip(text: object, limit: int) -> tuple[str, bool]:
    """``(text cut to limit characters, whether it was cut)``; a cut ends with an ellipsis."""
    s = str(text)
    if len(s) <= limit:
        return s, False
    return s[: max(0, limit - 1)] + "…", True
