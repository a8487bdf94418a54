"""Benchmark scores written right after a name, in parentheses.

"ARC-AGI v2(고난도) 시험 기준, Grok 4 (15.9%)는 Claude Opus 4 (8.6%) 대비", "평균 점수 기준, 구글(9.0점),
OpenAI(8.4점)": in a sentence that names a test or a score (벤치마크, 시험, 점수, Elo …), a figure alone in
the parentheses after a model's name is that model's score; a firm's only when written in points (점), the
unit of a score (a bare percentage after a firm is more often its share). The words that lead the clause
up to the first scored name ("ARC-AGI v2(고난도) 시험 기준") are the scope. Rule ``text:paren-score``.

A score as the object of its verb: "Qwen3-235B-A22B는 … ARC-AGI-1에서 41%를 기록", "Grok 4는 약 17%의 점수로":
in a sentence naming a test, the figure before ``의 점수``, ``점을 획득``, ``%를 기록`` is the score of the last
model named before it; the test is the name before ``에서`` (the scope), and may be named by the block's
sentence before ("… HLE 벤치마크 결과 … . 특히 (Grok 4 Heavy) … 50.7% 달성") or, on a figure's caption line, by
the chart's title above it ("ARC-AGI 기준 성능 …"). Rule ``text:score-verb``; a score on no test named in any of
these places is no score one can read (its rule ``…:unsure``: a claim). "약 17%" is approximate.

With the scores, the places in a ranking written into a noun phrase said of a name ("2위 그룹 중 하나인 X",
"X는 … 두 번째 AI 앱으로 등극"): see text_rank_noun.py (rule ``text:rank:ranked-noun``).
"""

from __future__ import annotations

import re
from decimal import Decimal

from petaflop.extract.facts import Location, Statement
from petaflop.extract.gate import unsure
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_
from petaflop.extract.text_rank_noun import ranked_nouns

_CUE = re.compile(r"벤치마크|[Bb]enchmark|시험|점수|스코어|Elo|정답률|ARC-AGI|HLE|MMLU|GPQA|SWE-bench|AIME")
#: a figure as a score: "17%의 점수", "1362점을 획득", "41%를 기록"
_SCORE_VERB = re.compile(r"\s?(?:%\s?의 점수|점을 (?:획득|기록|달성)|(?:%|점)를? (?:기록|달성)"
                         r"|%\s?(?:의\s)?(?:성능|정확도|정답률)(?:을|를)?\s(?:기록|달성))")  # "87% 성능 기록"
#: the base of a comparison in a sentence about a test: "GPT-4의 24% 대비" — the model's own score
_BASE_SCORE = re.compile(r"\s?(?:%|점)\s?대비")
_OWN = re.compile(r"^['’”\"]?(?:\s?모델)?의\s(?:약\s)?$")
_FIGURE = re.compile(r"(?<![\d.,])(\d{1,4}(?:\.\d{1,2})?)(?=\s?(?:%|점))")
_TEST_AT = re.compile(r"([A-Za-z][\w.\-]{1,20}(?:\s[\w.\-]{1,8})?)\)?에서(?:\s[^\s]{1,10})?$")
_ESTIMATE = re.compile(r"추산|추정")
#: "Elo 점수는 1147점": the score named as the clause's topic, then the figure in points (the test before it)
_SCORE_IS = re.compile(r"(?:([A-Za-z][\w.\-]{1,20})\s)?점수(?:는|가)\s?(?:약\s?)?$")
_POINTS = re.compile(r"\s?점")
_NOT_A_SCORE = re.compile(r"점유율|비중|지분|성장률|증가율")
#: a test named in words: one the cue lists (with its version), else a name before "벤치마크", "시험", "테스트"
_KNOWN_TEST = re.compile(r"(?<![\w-])(ARC-AGI(?:[-\s]?v?\d)?|HLE|MMLU(?:-Pro)?|GPQA(?:\s?Diamond)?|SWE-bench(?:\s?Verified)?"
                         r"|AIME(?:\s?\d{2,4})?)(?![\w-])")
_NAMED_TEST = re.compile(r"(?<![\w.\-])([A-Za-z][\w.\-]{1,20}(?:\s?v\d+)?)(?:\s?\([^()]{1,40}\))?\s?(?:벤치마크|[Bb]enchmark|시험|테스트)")
#: "약 17%의 점수": an approximate figure
_APPROX = re.compile(r"(?:약|대략)\s?$")
_PAREN = re.compile(r"\s?\(\s?(?P<fig>\d{1,4}(?:\.\d{1,2})?)\s?(?P<unit>점|%)\s?\)")


class ScoreReader:
    """Mixed into the text reader (``self.ex``, ``self.prefix``)."""

    def _paren_scores(self, s: str, mentions: list[Mention_], starts: list[int], loc: Location,
                      sources: tuple[str, ...]) -> None:
        if not _CUE.search(s) or _NOT_A_SCORE.search(s):
            return
        scope = None
        for m in mentions:
            pm = _PAREN.match(s, m.end)
            if pm is None:
                continue
            points = pm.group("unit") == "점"
            if not (is_a(m.type, "AIModel") or (points and is_a(m.type, "Organization"))):
                continue
            if scope is None:  # the words before the first scored name, back to the clause that has any
                c0 = max([x for x in starts if x <= m.start and s[x:m.start].strip(" ,")] or [0])
                scope = re.sub(r"^[\s\-·]+|[\s,:]+$", "", s[c0:m.start])
                scope = scope if len(scope) <= 40 else scope[-40:].split(" ", 1)[-1]  # whole words
            self.ex.statements.append(Statement(
                m.entity, "benchmarkScore", loc, f"{self.prefix}:paren-score", value=Decimal(pm.group("fig")),
                status="estimate" if _ESTIMATE.search(s) else "actual",
                unit="" if points else "%", scope=scope, sources=sources, raw=s[m.start:pm.end()][:60],
            ))  # fmt: skip

    def _score_verbs(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...],
                     topic: Mention_ | None = None) -> None:
        ranked_nouns(self, s, mentions, loc, sources)  # a place in a ranking said of a name (text_rank_noun.py)
        # the test may be named by the block's sentence before: "A는 HLE 벤치마크 결과 … . 특히 B는 50.7% 달성"
        if not (_CUE.search(s) or _CUE.search(getattr(self, "previous_sentence", ""))) or _NOT_A_SCORE.search(s):
            return
        for fm in _FIGURE.finditer(s):
            vm = _SCORE_VERB.match(s, fm.end())
            named = _SCORE_IS.search(s, 0, fm.start()) if vm is None else None  # "Elo 점수는 1147점으로"
            vm = vm or (_POINTS.match(s, fm.end()) if named else None)
            models = [m for m in mentions if m.end <= fm.start() and is_a(m.type, "AIModel")]
            base = vm is None and bool(models) and bool(_OWN.match(s[models[-1].end:fm.start()]))
            if base:
                vm = _BASE_SCORE.match(s, fm.end())  # "GPT-4의 24% 대비": the base model's own score
            if not models and topic is not None and topic.role in ("previous", "block") and is_a(topic.type, "AIModel") \
                    and not any(m.start < fm.start() for m in mentions):
                models = [topic]  # "(A는 …). 이미지 편집 성능의 Elo에서 1362점을 획득": the model the block is about
            if vm is None or not models:
                continue
            m = models[-1]
            test = _TEST_AT.search(s[max(m.end, 0):fm.start()].rstrip("약 "))
            points = vm.group(0).lstrip().startswith("점")
            scope = test.group(1) if test else (named.group(1) or "") if named else ""
            if base and not scope:  # "… GPQA에서 87% 기록. GPT-4의 24% 대비": the base is scored on the same test
                scope = self._compared_test(s, points)
            # else the test the sentence names before the figure, the chart's title above a caption line ("X 기준
            # 성능 …" over "A는 약 17%의 점수로"), the block's sentence before; a score on no named test is a claim
            scope = scope or named_test(s[:fm.start()]) or named_test(getattr(self, "caption_title", "")) \
                or named_test(getattr(self, "previous_sentence", ""))
            rule = f"{self.prefix}:score-verb"
            self.ex.statements.append(Statement(
                m.entity, "benchmarkScore", loc, rule if scope else unsure(rule), value=Decimal(fm.group(1)),
                unit="" if points else "%", scope=scope, approximate=bool(_APPROX.search(s, 0, fm.start())),
                sources=sources, raw=s[max(m.start, 0):vm.end()][:60],
            ))  # fmt: skip

    def _compared_test(self, s: str, points: bool) -> str:
        """The test of the score a base score is compared with: the last score read from this sentence or the
        block's sentence before, in the same unit, when its test is named; else ""."""
        here = (s, getattr(self, "previous_sentence", ""))
        for st in reversed(self.ex.statements[-12:]):
            if st.kind == "benchmarkScore" and st.raw and any(st.raw in x for x in here):
                return st.scope if (st.unit == "") == points else ""
        return ""


def named_test(text: str) -> str:
    """The test ``text`` names ("ARC-AGI 기준 성능", "HLE(…) 벤치마크 결과"), else ''."""
    m = _KNOWN_TEST.search(text or "") or _NAMED_TEST.search(text or "")
    return m.group(1) if m else ""
