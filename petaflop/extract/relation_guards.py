"""Guards of a text relation's pair, each switched on per pattern (``relation_patterns.toml``): Korean
constructions in which the closest pair of mentions around a verb is no pair of the verb.

- an aside: the object written in parentheses ("클라우드(GCP)", "플랫폼 (X 등)") is a note on another noun,
  unless the parenthesis glosses the subject itself ("Y(X)");
- a genitive of another noun: "X의 고객을 위한 Y 출시" — the genitive owns "고객", not Y; only a
  genitive standing right before the subject (a short modifier between: "X의 신형 Y") owns it;
- the agent after the verb: "Y를 출시한 후, X …" — with the subject the verb's object, the agent stands
  before the verb, or right after its adnominal form ("Y를 출시한 X").
"""

from __future__ import annotations

import re

from petaflop.extract.gazetteer import Mention

_OPEN_GLOSS = re.compile(r"\s?['’”\"]?\s?\(\s?")
_GENITIVE = re.compile(r"['’”\"]?\s?의(?![가-힣])")
# a word of the gap ending in a case particle, or a word of purpose: the genitive's noun is another one
_CASED_WORD = re.compile(r"(?:을|를|에|에게|에서|으로|로|와|과|이|가|은|는)(?=\s|$)|위한|위해|대한")
_ADNOMINAL = re.compile(r"(?:한|했던|하는|할|된)\s?['‘“\"]?")


def _open_paren(text: str, at: int) -> int:
    """The position of the parenthesis still open at ``at``, else -1."""
    depth, pos = 0, -1
    for i in range(at - 1, -1, -1):
        c = text[i]
        if c == ")":
            depth += 1
        elif c == "(":
            if depth == 0:
                pos = i
                break
            depth -= 1
    return pos


def an_aside(text: str, s: Mention, o: Mention) -> bool:
    """``o`` stands in parentheses that neither gloss ``s`` nor hold it too."""
    pos = _open_paren(text, o.start)
    if pos < 0:
        return False
    if s.end <= pos and _OPEN_GLOSS.fullmatch(text, s.end, pos + 1):
        return False
    return _open_paren(text, s.start) != pos


def genitive_of_another(text: str, s: Mention, o: Mention) -> bool:
    """``o`` is in the genitive before ``s`` but owns another noun ("X의 고객을 위한 Y")."""
    mark = _GENITIVE.match(text, o.end)
    if mark is None or o.end > s.start:
        return False
    gap = text[mark.end():s.start]
    return len(gap) > 20 or bool(_CASED_WORD.search(gap))


def agent_after_the_verb(text: str, s: Mention, o: Mention, verb: re.Match[str], objected: bool) -> bool:
    """``s`` is the verb's object before it (``objected``) and ``o`` comes after the verb, not right after
    its adnominal form ("R1을 출시한 후, X의 …")."""
    if not objected or s.end > verb.start() or o.start < verb.end():
        return False
    return not _ADNOMINAL.fullmatch(text, verb.end(), o.start)
