"""What a count in prose measures besides a holding, so the rule that promotes it is judged apart.

A count promoted as an organization's GPUs or a cluster's chips ("xAI는 20만 개의 H100을 가동") is a
holding. Four other constructions state a count that is not the subject's holding, and a rule reading
them as one measured wrong on most of them; each becomes a suffix of the rule id
(``claim:org-gpus:marked:equivalent``…), so the precision gate judges it on its own:

* ``:equivalent`` — a measure of size in other units: "약 200만 개의 A100과 동일", "N개에 해당";
* ``:spec`` — the count specifies a named system in parentheses right after its name: "NVL72(GPU 72개)";
* ``:scale-up`` — a count of chips linked into one system: "4개 GPU 연결에서", "72개 GPU를 하나로 묶는";
* ``:purpose`` — the chips used for one job the clause names before them: "모델 훈련에 1.6만 개의 GPU를";
* ``:purchase`` — chips bought in the clause ("GB200 40만 개 구매 후 임대"): the buyer is not always
  where they run.
"""

from __future__ import annotations

import re

_EQUIVALENT = re.compile(r"[^,.;()]{0,16}?(?:과|와)\s?(?:동일|동등|같|맞먹|비슷)|[^,.;()]{0,16}?에\s?(?:해당|상당|맞먹)")
#: "NVL72(GPU 72개": a name (letters or digits, or a closing quote), an opening parenthesis, a short label
_SPEC_BEFORE = re.compile(r"[A-Za-z0-9”\"’]\([^()]{0,8}$")
_SCALE_UP = re.compile(r"(?:의\s?)?\s?(?:[A-Za-z0-9]+\s)?(?:GPU|칩|가속기)?\s?(?:을|를)?\s?(?:연결|묶|하나로|하나의\s(?:시스템|랙|노드))")
_PURPOSE_BEFORE = re.compile(r"(?:훈련|학습|추론|트레이닝)(?:에|용으로|을\s위해)\s[^.;,]{0,24}$")
_PURCHASE_AFTER = re.compile(r"[^.;,]{0,16}?(?:구매|구입|주문|매입|사들)")


def count_context(text: str, start: int, end: int) -> str:
    """The rule suffix of a count at ``text[start:end]`` that is not a plain holding, else ''."""
    after = text[end:end + 30]
    if _EQUIVALENT.match(after):
        return ":equivalent"
    if _SPEC_BEFORE.search(text[max(0, start - 12):start]):
        return ":spec"
    if _SCALE_UP.match(after):
        return ":scale-up"
    if _PURPOSE_BEFORE.search(text[max(0, start - 40):start]):
        return ":purpose"
    if _PURCHASE_AFTER.match(after):
        return ":purchase"
    return ""
