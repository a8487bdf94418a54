"""Guards of a text relation's pair, each switched on per pattern (``relation_patterns.toml``): Korean
constructions in which the closest pair of mentions around a verb is no pair of the verb.

- an aside: the object written in parentheses ("클라우드(GCP)", "플랫폼 (X 등)") is a note on another noun,
  unless the parenthesis glosses the subject itself ("Y(X)");
- a genitive of another noun: "X의 고객을 위한 Y 출시" — the genitive owns "고객", not Y; only a
  genitive standing right before the subject (a short modifier between: "X의 신형 Y") owns it;
- the agent after the verb: "Y를 출시한 후, X …" — with the subject the verb's object, the agent stands
  before the verb, or right after its adnominal form ("Y를 출시한 X");
- a partnership's pair (``partner_guards``): none across an inline " - " or a contrast ("A와 달리 B"),
  none of one list ("Kion, Accenture와 협력"), no party written as an owner in the genitive ("구글의 웨이모").
"""

from __future__ import annotations

import re

from petaflop.extract.gazetteer import Mention

_OPEN_GLOSS = re.compile(r"\s?['’”\"]?\s?\(\s?")
_GENITIVE = re.compile(r"['’”\"]?\s?의(?![가-힣])")
# a word of the gap ending in a case particle, or a word of purpose: the genitive's noun is another one
_CASED_WORD = re.compile(r"(?:을|를|에|에게|에서|으로|로|와|과|이|가|은|는)(?=\s|$)|위한|위해|대한")
_ADNOMINAL = re.compile(r"(?:한|했던|하는|할|된)\s?['‘“\"]?")
#: after a product: a comparison ("…와 비슷한", "…처럼", "대비") says the product is another's, not the maker's
#: before it (the genitive and appositive maker frames, genitive_far.py, and the power makers, text_power_maker.py)
LIKE_AFTER = re.compile(r"^['’”\"]?\s?(?:과|와)?\s?(?:비슷|유사|같|동일|닮|대등)|^['’”\"]?\s?(?:처럼|보다|에 대항|대비)")


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


# Guards of a partnership read from the partner marked with the comitative ("B와 협력"):
# an inline " - " inside a bullet starts another statement; "A와 달리 B는" contrasts A with B
_BREAK = re.compile(r"\s[-–]\s|(?:와|과)\s?달리(?![가-힣])")
# between two names of one list: a list mark or conjunction only ("Kion, Accenture와")
_LISTED = re.compile(r"\)?['’”\"]?\s?(?:·|,|/|및|와|과|&|\+)\s?['‘“\"]?")


def across_a_break(text: str, s: Mention, o: Mention) -> bool:
    """``s`` and ``o`` stand on either side of an inline dash or a contrast ("X와 협력하는 것과 달리, Y는")."""
    lo, hi = sorted((s, o), key=lambda m: m.start)
    return bool(_BREAK.search(text, lo.end, hi.start))


def listed_with(text: str, s: Mention, o: Mention) -> bool:
    """``s`` is named in the same list as ``o`` ("Kion, Accenture와 협력"): a fellow partner, not the party
    the list partners with."""
    lo, hi = sorted((s, o), key=lambda m: m.start)
    return bool(_LISTED.fullmatch(text, lo.end, hi.start))


def an_owner(text: str, s: Mention) -> bool:
    """``s`` is written in the genitive ("구글의 웨이모는 Uber와 협력"): the owner of the noun after it, not the
    clause's party."""
    return bool(_GENITIVE.match(text, s.end))
