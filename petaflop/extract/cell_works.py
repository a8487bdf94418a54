"""A person's record names things they made and things they only used or studied.

A career cell links the models and products it names to the row's person (``developedBy``, read
inversely from the person's row). A name the cell makes the object of a verb of using or studying
("ViT를 더 크게 돌리는 방법을 연구한", "X를 활용한 연구") is not the person's work; a name the object of
a verb of making ("X를 공동 개발", "'Gopher'를 이끈") is. The first verb after the object particle
decides, within a few words and before any comma. A name that only qualifies a part of it ("GPT-4o 이미지 생성
기능을 공동 개발", "Codex-mini 추론 엔진 … 구축") is not the person's work either: they made the part, not the whole;
a name listed before "등" and a kind noun ("X 엔진 등 핵심 백엔드를 구축") is one of the things made.
"""

from __future__ import annotations

import re

from petaflop.extract.gazetteer import Mention

#: the object particle right after a name (a closing quote or parenthesis between)
_OBJECT = re.compile(r"\)?['’”\"]?(?:을|를)\s")
_MADE = re.compile(r"개발|고안|설계|만들|만든|구축|발명|이끈|이끌|개척|출시|공개|완성|주도|창시")
_USED = re.compile(r"돌리|돌린|연구|사용|활용|분석|평가|비교|테스트|검증|써|쓰")
_WORDS = 4
#: a part of a model or product named after it, up to two words between: "이미지 생성 기능", "음성 기능", "추론 엔진";
#: not the noun after "등", which names the kind of the things listed ("X 엔진 등 핵심 백엔드": X is a backend, no part of one)
_PART = re.compile(r"['’”\"]?\)?\s(?:(?!등\s)[가-힣]{1,6}\s){0,2}(?:기능|모듈|엔진|컴포넌트|백엔드)(?=\s|$|[을를의과와,.·])")


def unmade_works(prop: str, inverse: bool, text: str, mentions: list[Mention]) -> set[str]:
    """Ids of the names a record cell makes the object of a verb of using or studying, or names as the owner of
    a part ("X 음성 기능"), (only for the inverse ``developedBy`` link from a person's row; empty otherwise)."""
    if prop != "developedBy" or not inverse:
        return set()
    out = set()
    for m in mentions:
        if _PART.match(text, m.end):
            out.add(m.entity_id)
            continue
        hit = _OBJECT.match(text, m.end)
        if hit is None:
            continue
        for word in re.split(r"\s+", re.split(r"[,.;]", text[hit.end():], maxsplit=1)[0])[:_WORDS]:
            if _MADE.search(word):
                break
            if _USED.search(word):
                out.add(m.entity_id)
                break
    return out
