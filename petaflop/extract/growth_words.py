"""Words after a multiple that make it a change of its subject, and words that make it someone's claim.

"직원 수 8배 증가", "성장률은 4배로 가속": a growth word right after "N배" with no base is the subject's change
against its own earlier state (``unbased_growth``). In a coordination of measures sharing one growth word
("전력 효율 3.5배, 복원력 10배 개선") the earlier figures take the last one's word.

"A는 X를 두고 … 10배 개선을 제시", "A는 X를 통해 … 2배 향상된다고 주장": a figure the clause's topic claims
(``reported``) — what it works through or speaks about (``subject_ways.instrument_of``) is what it measures.
"""

from __future__ import annotations

import re

#: a word of growth right after "N배" with no base: the subject's own change ("8배 증가", "3배의 성능 향상")
GROWTH = re.compile(r"\s?(?:이상\s?|가량\s?|정도\s?|이나\s?|나\s?|까지\s?|가까이\s?)?(?:(?:으로|로)\s?)?"
                    r"(?:의\s?(?:[가-힣A-Za-z/]{1,6}\s){0,2})?(?:더\s?)?(?:폭발적\s?|급격히\s?)?"
                    r"(?:증가|성장|급증|폭증|증설|확대|확장|늘|향상|개선|상승|급등|뛰|단축|절감|가속)")  # "N배 단축": by a factor
#: "3.5배, 복원력 10배 개선": a comma, at most two plain words of a measure, then the next multiple
_NEXT_MULTIPLE = re.compile(r",\s?(?:[가-힣A-Za-z]{1,8}\s){1,2}(?:약\s)?\d[\d.,]*(?:~\d[\d.,]*)?\s?배")
#: a claim in words: "…다고 주장", or the change as a noun its speaker puts forward ("10배 개선을 제시")
_REPORTED = re.compile(r"(?:다고|라고|이라고)\s?(?:주장|발표|언급|강조|밝힘|밝혔|설명|전망)")
_CLAIMED_CHANGE = re.compile(r"\s?(?:증가|향상|개선|절감|단축|확대)(?:을|를)\s(?:제시|주장|약속|공언|강조)")


def unbased_growth(s: str, end: int) -> bool:
    """Whether a growth word follows the multiple ending at ``end``, itself or after the coordinated
    multiples that follow it ("3.5배, 복원력 10배 개선")."""
    while not GROWTH.match(s, end):
        nxt = _NEXT_MULTIPLE.match(s, end)
        if nxt is None:
            return False
        end = nxt.end()
    return True


def reported(s: str, end: int) -> bool:
    """Whether the figure ending at ``end`` is claimed: a verb of saying after it in the sentence, or its
    change named as the object of one right after the figure or its coordinated multiples."""
    if _REPORTED.search(s, end):
        return True
    while not _CLAIMED_CHANGE.match(s, end):
        nxt = _NEXT_MULTIPLE.match(s, end)
        if nxt is None:
            return False
        end = nxt.end()
    return True
