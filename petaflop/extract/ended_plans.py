"""A plan of a thing the report says was ended is no live plan: "… 연말까지 대량 생산에 들어간다고 예정된 X" when
elsewhere the report says "X … 프로젝트 종료를 선언" or titles "'X'의 종말".

A date a thing was planned to be released, run or completed (status planned or target) is scoped "earlier plan"
(:data:`~petaflop.extract.text_plans.EARLIER_PLAN`, as a plan put off is: no truthy date) when some sentence of the
report names the thing and, before the sentence ends, says its project or its development was ended, stopped,
scrapped or cancelled and that this was declared, announced or decided ("X 아키텍처가 … 프로젝트 종료를 선언",
"X 개발 중단을 발표"), or names the thing's end itself ("'X'의 종말", "X의 폐기"). A stop of something else the thing
does (its sales: "판매 중단") is no end of the thing. The ontology has no "cancelled" status: the plan was stated,
and its scope says it no longer stands.
"""

from __future__ import annotations

import re
from dataclasses import replace

from petaflop.extract.facts import EntityRecord, Extraction
from petaflop.extract.text_plans import EARLIER_PLAN

#: the dates a plan gives
_PLAN_KINDS = frozenset({"releaseDate", "operationDate", "completionDate"})
_END = r"(?:종료|중단|폐기|취소|철회|백지화|포기)"
#: after the name, within its sentence: the project's or the development's end, declared ("프로젝트 종료를 선언")
_ENDED_AFTER = re.compile(r"[^.;!?]{0,80}?(?:프로젝트|개발|사업)\s?" + _END + r"(?:를|을|가|이)?\s?(?:[가-힣]{1,4}\s)?(?:선언|발표|결정|확정)")
#: right after the name (maybe its closing quote): its end itself ("'X'의 종말", "X의 폐기")
_END_OF = re.compile(r"['’”\"]?\s?의\s(?:종말|폐기|포기|중단|백지화)")


def _names(record: EntityRecord) -> list[str]:
    return sorted({n for n in (record.name_ko, record.name_en, *record.aliases) if len(n) >= 3},
                  key=lambda n: (-len(n), n))


def ended(record: EntityRecord, lines: list[str]) -> bool:
    """True when a line of the report names ``record`` and says it was ended (see the module)."""
    for name in _names(record):
        pattern = re.compile(r"(?<![A-Za-z0-9])" + re.escape(name) + r"(?![A-Za-z0-9])")
        for line in lines:
            if name in line and any(_ENDED_AFTER.match(line, m.end()) or _END_OF.match(line, m.end())
                                    for m in pattern.finditer(line)):
                return True
    return False


def settle_ended_plans(ex: Extraction, lines: list[str]) -> int:
    """Scope "earlier plan" the planned dates of things the report says were ended; returns how many changed."""
    verdict: dict[str, bool] = {}
    changed = 0
    for i, st in enumerate(ex.statements):
        if st.kind not in _PLAN_KINDS or st.status not in ("planned", "target") or st.scope == EARLIER_PLAN:
            continue
        if st.subject not in verdict:
            record = ex.entities.get(str(st.subject))
            verdict[st.subject] = record is not None and ended(record, lines)
        if verdict[st.subject]:
            ex.statements[i] = replace(st, scope=EARLIER_PLAN)
            changed += 1
    return changed
