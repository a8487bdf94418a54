"""What "…할 것" and "…ㄹ 것으로" say of a figure: a plan of an agent or a forecast of what comes.

* **"…할 것" after an agent's act** ("건설할 것", "투자할 것", "가동할 것이나") is a plan: someone is to
  do it (``planned``).
* **"…할 것" after a verb of what happens or a state** ("…로 압축되어 발생할 것", "그 수 배에 달할 것",
  "한계에 곧 도달할 것", "10배 안전할 것", "역할이 부상할 것입니다", "요인으로 작용할 것", "촉매제 역할을
  할 것") is what the writer or a speaker expects to come: no one is to do it (``forecast``).
* **"…ㄹ 것으로/것이라는" after any verb** ("밑돌 것으로 보이나", "늘 것으로 예상", "출시될 것이라는")
  is what is expected (``forecast``), as "할 것으로" always was.

:data:`HAPPEN_WILL` matches the forecast's "할 것" (with the stem), :data:`NOT_HAPPEN` is a lookbehind run to
put before a plan's "할 것" so that it does not take them; :data:`FUTURE_EXPECTED` is "ㄹ 것으로/이라는/이라고".
"""

from __future__ import annotations

__all__ = ["FUTURE_EXPECTED", "HAPPEN_STEMS", "HAPPEN_WILL", "NOT_HAPPEN", "WANTED"]

#: Stems of verbs of what happens to something or of a state, before "할 것": no agent's act.
HAPPEN_STEMS = ("발생", "도달", "에 달", "에달", "부상", "작용", "증가", "감소", "성장", "급증", "급감", "증대",
                "상승", "하락", "둔화", "가속", "심화", "악화", "확산", "도래", "등장", "존재", "안전",
                "가능", "필요", "중요", "유리", "불리", "충분", "부족", "치열", "유사", "동일", "역할을 ", "역할을",
                "기여", "수렴", "변화", "지속", "정체", "폭증", "상회", "하회", "초과", "능가")
#: The forecast's "할 것" (not "할 것으로", already a forecast cue, nor "할 것은").
HAPPEN_WILL = r"(?:" + "|".join(HAPPEN_STEMS) + r")할 것(?!으로|은)"
#: A run of lookbehinds: the "할 것" after it is none of :data:`HAPPEN_STEMS`'.
NOT_HAPPEN = "".join(f"(?<!{s})" for s in dict.fromkeys(HAPPEN_STEMS))
#: Hangul syllables that close on ㄹ (the future modifier: 될, 할, 갈, 돌, 늘, 클, 있을 …).
_RIEUL = "".join(chr(0xAC00 + i * 28 + 8) for i in range(19 * 21))
#: What is expected after any verb: "밑돌 것으로", "늘 것이라는", "될 것이라고".
FUTURE_EXPECTED = r"[" + _RIEUL + r"] 것(?:이라는|이라고|으로)"
#: A need or a hope for an act, after its noun and a particle ("출시가 절실", "공개가 시급", "출시가 기대"): the
#: act is wanted, not done (a release still wanted names no release).
WANTED = r"\s?[이가은는]?\s?(?:절실|시급|필요|관건|기대)"
