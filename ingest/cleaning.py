"""Cell and line cleaning: HTML fragments and LaTeX leftovers → plain text and lists.

Why: the report was flattened from slides, and some table cells still carry the markup of
their source — ``<ul style=…> • a • b``, ``<u>underlined</u>``, ``<br>``, ``<li>…</li>`` —
and some formulas kept their LaTeX: ``\\$60억`` (an escaped dollar sign), ``$\\approx 1
\\text{ GW}$``. Later stages want the words and numbers, and a list cell as its items.
Pure functions; they never fail on odd input.
"""

from __future__ import annotations

import html
import re

__all__ = ["clean_cell", "clean_latex", "clean_text", "split_list_items"]

_LATEX_SYMBOLS = {
    r"\approx": "≈", r"\times": "×", r"\pi": "π", r"\cdot": "·", r"\leq": "≤", r"\geq": "≥",
    r"\le": "≤", r"\ge": "≥", r"\rightarrow": "→", r"\to": "→", r"\sim": "~", r"\%": "%",
    r"\pm": "±", r"\div": "÷", r"\infty": "∞",
}  # fmt: skip
_DOLLAR = "\x00"  # placeholder for an escaped dollar sign while math is stripped


def clean_latex(text: str) -> str:
    """``\\$7B`` → ``$7B``; ``$\\approx 29 \\times 35\\text{MW}$`` → ``≈ 29 × 35MW``."""
    if "\\" not in text and "$" not in text:
        return text
    s = text.replace("\\$", _DOLLAR)
    s = re.sub(r"\\text\{([^{}]*)\}", r"\1", s)
    s = re.sub(r"\\(?:mathrm|mathbf|textbf|textit|operatorname)\{([^{}]*)\}", r"\1", s)
    s = re.sub(r"\\sqrt\{([^{}]*)\}", r"√(\1)", s)
    s = re.sub(r"\\frac\{([^{}]*)\}\{([^{}]*)\}", r"(\1)/(\2)", s)
    for k in sorted(_LATEX_SYMBOLS, key=len, reverse=True):
        s = re.sub(re.escape(k) + r"(?![A-Za-z])", _LATEX_SYMBOLS[k], s)
    # unescaped $ … $ pairs delimit math: drop the delimiters
    if s.count("$") >= 2:
        s = re.sub(r"\$([^$]*)\$", r"\1", s)
    s = re.sub(r"_\{([^{}]*)\}", r"\1", s)
    s = s.replace(_DOLLAR, "$")
    s = re.sub(r"[ \t]{2,}", " ", s)
    return s.strip() if text.strip() == text else s


_TAG = re.compile(r"<[^<>]{0,200}>")
_BULLET_SPLIT = re.compile(r"\s*(?:•|·(?=\s)|(?<!\S)-\s(?=\S))\s*")


def split_list_items(text: str) -> list[str]:
    """Items of a list written inline: ``• a • b`` or `` - a - b``."""
    parts = [p.strip() for p in _BULLET_SPLIT.split(text)]
    return [p for p in parts if p]


def clean_text(text: str) -> str:
    """Markup-free, whitespace-normalised text of a line or cell."""
    return _plain(clean_latex(text))


def _plain(s: str) -> str:
    """Markup-free, whitespace-normalised text of LaTeX-cleaned text (cleaning LaTeX twice would
    read the two dollars of ``$299~$379`` as math delimiters and drop them)."""
    s = re.sub(r"<br\s*/?>", " ", s, flags=re.I)
    s = _TAG.sub(" ", s)
    s = html.unescape(s) if "&" in s else s
    s = s.replace("**", "")
    return re.sub(r"\s+", " ", s).strip()


def clean_cell(raw: str) -> tuple[str, list[str]]:
    """Clean text of a cell and, if it held a list (``<ul>``, ``<li>``, ``•`` items), its items.

    The text of a list cell is its items joined by ``; `` so it still reads as one value.
    """
    s = clean_latex(raw)
    has_list = bool(re.search(r"<\s*(?:ul|ol|li)\b", s, flags=re.I)) or s.count("•") >= 2
    items: list[str] = []
    if has_list:
        s2 = re.sub(r"<\s*li[^>]*>", "•", s, flags=re.I)
        s2 = re.sub(r"<br\s*/?>", "•", s2, flags=re.I)
        s2 = _TAG.sub(" ", s2)
        s2 = html.unescape(s2) if "&" in s2 else s2
        if "•" in s2:
            items = [re.sub(r"\s+", " ", p).strip() for p in s2.split("•")]
        else:
            items = split_list_items(s2)
        items = [i for i in items if i]
        if len(items) < 2 and "•" not in s2:
            items = [re.sub(r"\s+", " ", s2).strip()] if s2.strip() else []
    elif re.match(r"\s*-\s\S", s) and len(re.findall(r"(?<!\S)-\s", s)) >= 2:
        items = split_list_items(s)
    text = "; ".join(items) if len(items) > 1 else _plain(s)
    if len(items) == 1:
        items = []
    return text, items
