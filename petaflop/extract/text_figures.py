"""Figures in prose that need a second term to mean anything: multiples ("N배") against a base,
counts of things the gazetteer does not name ("64개의 코어를 탑재"), ranks
("앱스토어 1위 기록": text_rank.py), and spans of time a clause says
something took ("3년 만에 … 출시", "2년간 … 구축", "5년 소요").

"A는 전년 대비 매출이 7배 증가", "B200이 A100보다 4배 빠르다", "프랑스 발전량은 일본의 약 1.8배":
a multiple is a statement of the subject (``multiple``, unit ``x``) only when its clause names what it
is compared with — the **base**: an entity or a generic base (``전년``, ``이전 세대``, ``현재``) marked
by ``대비``, ``보다``, ``에 비해``, ``과 비교해`` or the genitive right before the figure (``X의 N배``).
A multiple without a base ("추론 컴퓨팅에만 5배를 투자") says nothing checkable and stays a claim
(the claim miner keeps every figure). The base goes into ``metric`` ("vs H100", "lower vs B200").

The subject is found as in the value reader, by case marking: a topic or subject of the clause
(``A는``, ``A가``), an entity in the genitive or bare before the measure noun that carries the
clause's particle (``910B의 계산 성능이``, ``프랑스 발전량은``), else the sentence's topic. The base is never
the subject. Rules are ``text:multiple:<subject>`` (``text:relative:<subject>`` for a percentage of
change, ``growthRate`` against the subject's own past, ``relativeDifference`` against another thing) so
the gate judges each way of finding the subject on its own.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ingest.quantities import Quantity
from petaflop.extract import figure_asides  # aside_metric: "1,200억 달러 (전년 대비 30% 증가)"
from petaflop.extract.anaphor_measure import anaphor_measure
from petaflop.extract.carry_guards import block_topic_owns
from petaflop.extract.compared_measure import clause_scope, comparison_metric, heading_part, ratio_metric
from petaflop.extract.facts import Location, Statement
from petaflop.extract.figure_asides import ends_of_multiple, opens_aside_of_figure, restate_in_other_currency
from petaflop.extract.figure_context import after_the_report
from petaflop.extract.growth_words import reported, unbased_growth
from petaflop.extract.milestone_span import names_its_event
from petaflop.extract.noun_base import compares_unnamed_kind, measureless_base
from petaflop.extract.resolve import is_a
from petaflop.extract.status_words import sentence_plan
from petaflop.extract.subject_ways import (
    NAMED_WAYS,
    clause_way,
    construction_rule,
    earlier_measure_owner,
    holds_lead,
    instrument_of,
    relative_head,
)
from petaflop.extract.text_counts import CountReader
from petaflop.extract.text_frames import HOW, Mention_
from petaflop.extract.text_lease import lease_term
from petaflop.extract.text_model_gpus import model_gpus
from petaflop.extract.text_pair_multiple import pair_multiple
from petaflop.extract.text_params import model_parameters
from petaflop.extract.text_rank import MEASURE_AFTER_SUBJECT, RankReader
from petaflop.extract.text_share_object import object_share
from petaflop.extract.text_shares import ChangeReader, ShareReader
from petaflop.extract.text_transition import transition_ends
from petaflop.extract.text_value_guards import unnamed_subject
from petaflop.extract.text_within import not_a_span_of_the_topic, promised_term, span_metric
from petaflop.extract.vs_titles import vs_products

__all__ = ["FigureReader", "parallel_measure", "vs_products"]  # vs_products: for the text reader's slides

#: a comparison marker after the base, and what may stand between it and the figure (measure words)
_MARKER = re.compile(r"\s?(?:의\s?[가-힣]{1,6}\s?|(?:칩|GPU|모델|클러스터|랙|시스템|랙 시스템|HGX|DGX|NVL\d{1,3})\s?|\([^)]{1,12}\)\s?)?(?:(?:와|과)\s?)?(대비|보다|에\s?비해|비교)")
_TO_FIGURE = re.compile(r"\s?(?:(?:[가-힣A-Za-z0-9/·.\-]{1,10}(?:\([^)]{1,12}\))?(?:이|가|은|는|을|를|에|에서|으로|로|도)?)\s?){0,4}")
_MARKER_WORD = re.compile(r"(대비|보다|에\s?비해|비교)(?:서|했을\s?때(?:는|도)?|하면|해서?|할\s?때(?:는)?)?")
_FROM_TO_BASE = re.compile(r"[\d,.]+(?:\s?[가-힣A-Za-z$]{1,4}){0,2}\s?(?:에서|부터)\s?(?:현재\s?)?(?:약\s?)?[$]?[\d,.]+(?:\s?[가-힣A-Za-z]{1,4}){0,2}?\s?(?:이상\s?)?(?:으로|로)\s?(?:약\s?)?$")
_SINCE = re.compile(r"((?:19|20)\d{2})년\s?(?:이후|이래|부터)")
_GENITIVE_BASE = re.compile(r"의\s?(?:약\s?|거의\s?|무려\s?)?$")
_KIND_WORD = re.compile(r"\s?(?:칩|GPU|모델|시스템|클러스터)")
#: generic bases: the subject's own earlier or previous state
_GENERIC_BASES = (
    (re.compile(r"(?:전년|지난해|작년)(?:\s?동기)?$"), "prior year"),
    (re.compile(r"(?:작년|지난해)\s?말$"), "end of last year"),
    (re.compile(r"(?:이전|직전|전)\s?(?:세대|버전|모델)$"), "previous generation"),
    (re.compile(r"(?:전\s?분기|직전\s?분기)$"), "prior quarter"),
    (re.compile(r"현재(?:의)?$"), "current"), (re.compile(r"기존(?:\s?[가-힣]{1,6})?$"), "existing"),
)  # fmt: skip
_DIRECTION = (
    (re.compile(r"^\s?(?:이상\s?|나\s?|이나\s?)?(?:더\s?)?(?:낮|적|느리|작|저렴|싸|떨어|단축|절감|감소|줄|하락|축소|인하)"), "lower"),
    (re.compile(r"^\s?(?:이상\s?|나\s?|이나\s?)?(?:더\s?)?(?:높|많|빠르|빨라|크|큰|넓|강력|증가|성장|늘|향상|개선|확대|급증)"), "higher"),
)
#: a word of change right after a percentage: up or down
_CHANGE = re.compile(r"\s?(?:이상\s?|가량\s?|정도\s?)?(?:라는\s(?:[가-힣]{1,5}\s)?(?=(?:성장|증가|상승|감소|하락|급증|급감)))?(?:더\s?)?(?:(?P<down>저렴|절감|낮|감소|하락|줄|적|축소|할인|떨어|급감|급락)|"
                     r"(?P<up>증가|성장|상승|폭증|급증|높|많|빠르|빨라|향상|개선|확대|늘))")
_RATIO_NOUN = re.compile(r"\s?(?:의\s?)?(?:규모|수준|정도|가격|성능)")
_RATIO = re.compile(r"[”\"’]?\s?(?:의\s?)?(?:규모|수준|정도|가격|성능|(?:에|으?로)\s?책정|에\s?(?:불과|그침|그쳐|해당))")
#: "A가 전력망을 두 배로 늘렸다": a noun object right before "N배로" is what grew, not the subject
_GROWN_OBJECT = re.compile(r"[가-힣](?:을|를)\s?$")
#: what the clause says before the figure that makes it no change of the subject: a target or condition
_GROWTH_NOT = re.compile(r"(?:해야|하려면|한다면|된다면|면\s)")
#: bases that are the subject's own past (a change over time, not a difference from another thing)
_OWN_PAST_NAMES = ("prior year", "end of last year", "prior quarter", "prior month", "earlier value")
#: a period base written as an abbreviation right before or after the figure: "YoY 38% 증가", "16% YoY", "▲660% MoM"
_ABBR_BASE = (("YoY", "prior year"), ("QoQ", "prior quarter"), ("MoM", "prior month"))
_ABBR_BEFORE = re.compile(r"(?<![A-Za-z])(YoY|QoQ|MoM)\s?[:：]?\s?[+▲↑]?\s?$")
_ABBR_AFTER = re.compile(r"\s?\)?\s?(YoY|QoQ|MoM)(?![A-Za-z])")


def parallel_measure(previous: tuple | None, q: Quantity, c0: int, clause_mentions: list[Mention_]):
    """"A의 점유율이 10%에서 30%로, B는 40%에서 20%로": a clause with its own subject and no measure word
    measures what the previous clause's figure did (only when its own words name none; not one its unit told)."""
    if previous is None or previous[0].kind != q.kind or previous[0].end > c0 or getattr(previous[1], "id", "") == "unit":
        return None
    return previous[1] if any(m.role in ("topic", "subject") and m.end <= q.start for m in clause_mentions) else None


class MultipleReader:
    """Mixed into the text reader: ``self.res``, ``self.ex``, ``self.prefix``, ``self._status``,
    ``self._time`` and ``self.default_time`` come from it."""

    def _figure_of_its_own(self, s: str, q: Quantity, c0: int, c1: int, mentions: list[Mention_],
                           topic: Mention_ | None, values: list[Quantity], dates: list[Quantity], loc: Location,
                           sources: tuple[str, ...]) -> bool:
        """A multiple ("N배"), a lease term ("15년 리스") or a rank ("N위"): read here, never by the metric-word reader."""
        if q.kind == "multiple":
            self.consumed.update(ends_of_multiple(s, q, values))  # "200배(80달러→0.40달러)" (figure_asides.py)
            if pair_multiple(self.ex, s, q, values, getattr(self, "_from_half", set()), loc, sources, self.prefix, mentions):
                self._base = None  # "A에서 B로 N배": the pair's ratio (text_pair_multiple.py)
                return True
            self._base = self._multiple(s, q, c0, c1, mentions, topic, values, dates, loc, sources,
                                        getattr(self, "_base", None))
            return True
        if q.kind == "duration" and (lease := lease_term(s, q, c0, mentions, topic, self._status(s[c0:c1], q), loc,
                                                         sources)):  # "15년 리스" (text_lease.py)
            self.ex.statements.append(lease)
            return True
        if params := model_parameters(s, q, c0, mentions, self._status(s[c0:c1], q), loc, sources) or \
                model_gpus(s, q, mentions, self._status(s[c0:c1], q), loc, sources, c0, topic):
            self.ex.statements.append(params)  # "N개의 활성 파라미터를 가진 <model>" (text_params.py),
            return True  # "<model> 훈련에 N개의 GPU를 사용" (text_model_gpus.py)
        if q.kind == "number" and s[q.end:q.end + 1] == "위":
            self._rank(s, q, c0, c1, mentions, topic, values, dates, loc, sources)
            return True
        return False

    def _unmeasured(self, s: str, q: Quantity, c0: int, c1: int, mentions: list[Mention_], topic: Mention_ | None,
                    values: list[Quantity], dates: list[Quantity], loc: Location, sources: tuple[str, ...],
                    no_word: bool) -> None:
        """A figure no metric word of its dimension measures: "전년 대비 25% 증가" (also when the word is of
        another dimension: "매출은 전년 대비 25% 증가"), "64개의 연산 코어", "3년 만에 … 출시"."""
        if q.kind == "percent":
            before = len(self.ex.statements)
            self._multiple(s, q, c0, c1, mentions, topic, values, dates, loc, sources, None)
            if len(self.ex.statements) == before:  # "A는 N%를 차지" (text_shares.py)
                self._share(s, q, c0, c1, mentions, values, dates, loc, sources)
            if len(self.ex.statements) == before:  # "ChatGPT 사용자의 95%는" (text_shares.py)
                self._share_of(s, q, c0, c1, mentions, topic, dates, values, loc, sources)
            if len(self.ex.statements) == before:  # "그 물량의 80%를 … 제공" (text_share_object.py)
                object_share(self, s, q, c0, c1, mentions, topic, dates, values, loc, sources)
            if len(self.ex.statements) == before and getattr(self, "_base", None) is None:  # "A는 32% 성장"
                self._change(s, q, c0, c1, mentions, topic, values, dates, loc, sources)
        elif q.kind == "count":  # a metric word of another dimension does not measure a count
            self._unit_count(s, q, c0, c1, mentions, topic, values, dates, loc, sources)
        elif q.kind == "duration" and (no_word or _TOOK.match(s, q.end) or _TOOK_IN_FIGURE.search(q.raw)):  # "출시까지 7주 만에": the cue measures it
            self._duration(s, q, c0, c1, mentions, topic, values, dates, loc, sources)

    def _multiple(self, s: str, q: Quantity, c0: int, c1: int, mentions: list[Mention_], topic: Mention_ | None,
                  values: list[Quantity], dates: list[Quantity], loc: Location, sources: tuple[str, ...],
                  carried: tuple | None) -> tuple | None:
        """One "N배" figure, or a percentage of change ("전년 대비 25% 증가", "B보다 40% 저렴"); returns
        (base name, base entity, where it ends, subject) for a later figure of the sentence: "A는 B보다
        하루에 4배, 전체 기준으로는 9배" — the base and subject carry on while no new subject is marked between."""
        if q.value is None or q.value <= 0:
            return None
        percent = q.kind == "percent"
        change = _CHANGE.match(s[q.end:q.end + 14]) if percent else None
        abbr = _ABBR_AFTER.match(s, q.end) if percent else None
        if abbr and change is None:  # "16% YoY", "-93.3% YoY 급감": the abbreviation is the base and the change
            change = _CHANGE.match(s[abbr.end():abbr.end() + 10]) or _CHANGE.match(" 증가")
        # "B 대비 60% 규모", "B 대비 20% 정도" (the parser keeps "정도" in the figure): a size relative to B
        ratio = percent and change is None and (_RATIO.match(s, q.end) or re.search(r"\s(?:정도|수준)$", q.raw))
        if percent and change is None and not ratio:  # a percentage with a base, no word of change or size
            return None
        clause_mentions = [m for m in mentions if c0 <= m.start < c1]
        ends = None if percent else transition_ends(s, q, c0, mentions)  # "A에서 B로 넘어가며 N배" (text_transition.py)
        found = (_name(self, ends[0].entity), ends[0].entity, "transition", ends[0].start) if ends else _base(s, q, c0, clause_mentions, self)
        how_base = ""
        if found is not None:
            base_name, base_entity, how_base, base_start = found
        elif carried is not None and not [m for m in mentions if carried[2] <= m.start < q.start] \
                and not _NEW_NAME_TOPIC.search(s, carried[2], q.start):
            base_name, base_entity, _, _ = carried
            how_base, base_start = "carried", c0
        elif not percent and unbased_growth(s, q.end) and not _GROWTH_NOT.search(s[c0:q.start]) \
                and not _MARKER_WORD.search(s[c0:q.start]):
            # "직원 수 8배 증가", "메모리 용량 6배 증가": a change against the subject's own earlier state
            base_name, base_entity, how_base, base_start = "earlier value", "", "unbased-growth", len(s) + 1
        else:
            return None
        subject, how = self._multiple_subject(s, q, c0, clause_mentions, topic, base_entity, base_start,
                                              [m for m in mentions if m.end <= c0])
        if ends:  # the later end of the change is what the figure measures
            subject, how = ends[1], "transition"
        if how_base == "carried" and carried[3] is not None and (subject is None or subject.end <= carried[2]):
            subject, how = carried[3], "carried"
        if subject is not None and subject.entity in getattr(self, "vs_products", {}):  # vs_titles.py
            subject = replace(subject, entity=self.vs_products[subject.entity][0], type=self.vs_products[subject.entity][1])
        if subject is None or (how_base == "noun-base" and compares_unnamed_kind(s, c0, base_start, base_name, how)):
            return (base_name, base_entity, q.end, None)  # "추론 모델은 답변 생성 모델보다 N배" (noun_base.py)
        if subject.entity == base_entity:  # "ROCm 7은 ROCm 6 대비": the base is the other version, as written
            base_name = next((s[m.start:m.end] for m in clause_mentions if m.start == base_start), base_name)
        if how_base == "unbased-growth" and (any(subject.end <= m.start < q.start and m.role == "object" for m in clause_mentions)
                                             or (_GROWN_OBJECT.search(s, c0, q.start) and s.startswith("로", q.end))):
            return (base_name, base_entity, q.end, None)  # "A가 B를 두 배로 늘렸다": what grew is B, not A
        direction = next((d for rx, d in _DIRECTION if rx.match(s[q.end:q.end + 8])), "")
        kind, unit, value, high = "multiple", "x", Decimal(q.value), q.high
        if percent:  # against the subject's own past: growth; against another thing: a relative difference
            if how_base == "genitive-base" and not (base_entity and _RATIO_NOUN.match(s, q.end)):  # "X의 30%": a part of X, not a change
                return (base_name, base_entity, q.end, subject)  # ("H20의 75% 성능": a size relative to H20)
            own_past = not base_entity and (base_name in _OWN_PAST_NAMES or base_name.startswith("since")
                                            or how_base == "period-base")
            kind = "growthRate" if own_past else "relativeDifference"
            unit = "%"
            if ratio:  # "B 대비 60% 규모": the subject's measure as a share of another thing's
                if not base_entity:
                    return (base_name, base_entity, q.end, subject)
                kind, direction = "share", "relative"
            sign = -1 if (change is not None and change.group("down")) or re.search(r"[-−–▼↓]\s*$", s[max(0, q.start - 2):q.start]) else 1
            value = sign * value
            high = sign * high if high is not None else None
            if high is not None and high < value:  # "15~20% 적고": the range -20 … -15, low end first
                value, high = Decimal(high), value
        clause = s[c0:c1]
        status = self._status(clause, q)
        status = (status == "actual" and sentence_plan(s, clause, q.raw)) or status  # a plan of the sentence
        time = self._time(q, dates, c0, c1, values) or self.default_time
        if status in ("estimate", "actual") and after_the_report(time):  # "2024년 대비 … 2030년": a span to come
            status = "forecast"
        high = high if high is not None and q.low is not None and q.high != q.low else None
        quals = q.qualifiers
        family = {'multiple': 'multiple', 'share': 'ratio'}.get(kind, 'relative')  # ratio, relative: subject_ways.py
        how = "clause-topic" if how == "sentence-topic" and family != "ratio" else how  # the sentence's own topic, earlier
        # "A에서 B로 넘어가며 N배": B is named in the figure's clause as much as a topic is (subject_ways.py)
        rule = construction_rule(self.prefix, family, how, NAMED_WAYS | {"transition", "instrument"} if family == "multiple" else NAMED_WAYS)
        if how_base == "unbased-growth":  # its own rule: the gate judges the unbased reading alone
            rule = construction_rule(self.prefix, "multiple-growth", how, NAMED_WAYS | {"transition", "instrument"})
        elif how_base == "period-base":  # against the subject's value in a named earlier period ("2024년 대비 N%
            rule = rule.replace(":multiple:", ":multiple-period-base:")  # 증가" is "전년 대비 N% 증가": one rule)
        elif how_base == "noun-base":  # a base the gazetteer does not name: judged apart
            rule = rule.replace(":multiple:", ":multiple-noun-base:").replace(":relative:", ":relative-noun-base:") \
                       .replace(":ratio:", ":ratio-noun-base:")
        base_words = f"{direction + ' ' if direction else ''}vs {base_name}"
        metric = comparison_metric(s, q.start, q.end, c0, [(m.start, m.end) for m in mentions], base_words, values)
        heading = getattr(self, "caption_heading", "")
        if heading and (part := heading_part(heading, metric, [(m.start, m.end) for m in self.res.gaz.find_mentions(heading)])):  # "… 스케일업 네트워킹 비용 및 필요전력"
            metric = f"{part} {metric}"[:60]  # over a caption line's "비용은 6배": the part compared, not the whole
        metric, rule = figure_asides.aside_metric(self.ex.statements, s, q.start, values, loc, subject.entity, metric, base_words, rule)
        metric, rule = anaphor_measure(self, how, s, c0, subject.entity, loc, metric, base_words, rule)  # "이는 … 2배"
        metric, rule = ratio_metric(s, q.end, metric, base_words, rule, bool(loc.table_id)) if kind == "share" else (metric, rule)
        rule = measureless_base(s, base_start, base_name, metric, base_words, rule) if how_base == "noun-base" else rule
        self.ex.statements.append(Statement(
            subject.entity, kind, loc, rule, value=value,
            high=Decimal(high) if high is not None else None, unit=unit, status=status, time=time,
            metric=metric, scope=clause_scope(s, c0, q.start, metric, base_words, mentions, subject.entity, heading,
                                              self.res.gaz),  # "미국 (내) 정부 매출", "상위 20개 고객의 매출"
            approximate="approximate" in quals or "vague" in quals,
            bound="lower" if "lowerBound" in quals else "upper" if "upperBound" in quals else "",
            sources=sources, raw=s[max(0, q.start - 20):q.end + 8].strip()[:60],
        ))  # fmt: skip
        return (base_name, base_entity, q.end, subject)

    def _multiple_subject(self, s: str, q: Quantity, c0: int, mentions: list[Mention_], topic: Mention_ | None,
                          base_entity: str, base_start: int, earlier: list[Mention_] | None = None
                          ) -> tuple[Mention_ | None, str]:
        base = next((m.end for m in mentions if m.start == base_start and m.entity == base_entity), -1)
        cands = [m for m in mentions if m.end <= q.start and (m.entity != base_entity or _other_version(s, m, base_start, base))
                 and not is_a(m.type, "Person") and not (base_start <= m.start and m.end <= base_start + 1)
                 and not _in_closed_aside(s, m, q.start)]
        cands = [m for m in cands if not (m.start >= base_start and _MARKER.match(s, m.end))]
        # "A이 보유한 기존 클러스터보다 N배": A is the subject of a relative clause naming the base, not the figure's
        marked = [m for m in cands if m.role in ("topic", "subject")]
        owners = [m for m in marked if m.end < base_start and (ro := _RELATIVE_OWNER.match(s, m.end)) and ro.end() <= base_start]
        if owners:  # the figure's own subject left unsaid: no topic of another sentence stands in for it
            marked = [m for m in marked if m not in owners]
            if not marked:
                return None, ""
        # "CM384는 …을 제공하며, 이는 B의 1.6배": "이는" stands for the topic of the sentence's earlier clause
        if not marked and earlier and _ANAPHOR.match(s, c0):
            prior = [m for m in earlier if m.role in ("topic", "subject") and m.entity != base_entity
                     and not is_a(m.type, "Person") and not _in_closed_aside(s, m, q.start)]
            if prior:
                return prior[-1], "anaphora"
        if marked and reported(s, q.end) and (tool := instrument_of(s, marked[-1], q.start, mentions)):
            return tool, "instrument"  # "A는 X를 통해 … 개선된다고 주장": X's figure A claims (subject_ways.py)
        if marked:
            # "A는 X를 통해 … 3배 개선된다고 주장": the topic is who says it, not what is measured
            if reported(s, q.end) and any(marked[-1].end <= m.start < q.start and m.role == "object"
                                                  for m in mentions):
                return marked[-1], "clause-topic-reported"
            return marked[-1], "clause-topic"
        if (head := relative_head(s, q.end, len(s), mentions)) and head.entity != base_entity and not is_a(head.type, "Person"):
            return head, "relative-head"  # "웨이모보다 2배 넓은 면적을 커버하게 된 로보택시" (subject_ways.py)
        # "910B의 계산 성능이", "프랑스 발전량은": the entity owning the measure that carries the particle
        owning = [m for m in cands if m.role in ("genitive", "") and MEASURE_AFTER_SUBJECT.match(s, m.end)
                  and not _MARKER.match(s, m.end) and not _ONE_OF.match(s, m.end)
                  and not (is_a(m.type, "Country") and _SCOPED_MEASURE.match(s, m.end))
                  and not _quoted_after(s, m.end, q.start)]
        if owning:
            return owning[-1], "measure-owner"
        if (owner := earlier_measure_owner(s, c0, q.start, lambda: earlier or self._mentions(s[:c0]))) and owner.entity != base_entity \
                and not is_a(owner.type, "Person"):  # "A의 수요는 …, 2030년 수요는 N% 증가" (subject_ways.py)
            return owner, "measure-owner"
        if _UNNAMED_SUBJECT.search(s[c0:q.start]):  # "미국의 한 통신사는 … 10배로": about one it does not name
            return None, ""
        # a topic carried over from the slide's earlier blocks: only by a sentence naming no one else (carry_guards.py)
        if topic is not None and topic.end <= q.start and topic.entity != base_entity and not is_a(topic.type, "Person") \
                and (topic.role != "block" or block_topic_owns(s, q.start, getattr(self, "_sentence_mentions", mentions), topic, base_entity, base_start)) \
                and not (topic.start >= 0 and _in_closed_aside(s, topic, q.start)):
            # "Qwen3는 …으로 학습. 이는 이전 버전의 2배": "이는" opening a sentence stands for the one before's topic
            anaphor = topic.role == "previous" and c0 == 0 and _ANAPHOR.match(s, c0)
            if topic.role == "topic" and reported(s, q.end) and (tool := instrument_of(s, topic, q.start, getattr(self, "_sentence_mentions", mentions))):
                return tool, "instrument"  # "A는 X를 두고 …, N배 개선을 제시": the claim is of X (subject_ways.py)
            return topic, "anaphora" if anaphor else HOW.get(topic.role, "sentence-topic")
        theme = getattr(self, "slide_topic", None)  # a block's topic that is also the chapter's theme: both agree
        if topic is not None and topic.role == "block" and theme is not None and theme.role == "chapter" \
                and theme.entity == topic.entity and theme.entity != base_entity:
            return theme, "chapter-topic"
        return None, ""


#: "미국 상업 부문 매출이", "미국 내 고객 수는": a country before a firm's sales or customers is their market, not
#: their owner (the owner is the firm the sentence is about)
_SCOPED_MEASURE = re.compile(r"\s?(?:의\s)?(?:내\s)?(?:(?:상업|정부|공공|민간|기업|소비자|부문|시장|사업)\s?){0,3}(?:매출|수익|고객|영업이익)")
#: "미국의 한 통신사는": one (unnamed) member of the genitive's group, not a measure the genitive owns
_ONE_OF = re.compile(r"의\s?(?:한|어느|일부|다른|모든)\s")
#: a named earlier period as the base: "2024년 대비", "2024년 2분기 대비", "2023년 초 대비"
_PERIOD_BASE = re.compile(r"(?:(?:19|20)\d{2}|'\d{2})년\s?(?:[1-4]\s?분기|상반기|하반기|\d{1,2}월)?(?:\s?(?:말|초|중순))?$")
#: a noun base right before the marker: one word of Hangul or Latin letters (a pronoun or a figure is none)
_NOUN_BASE = re.compile(r"(?:^|[\s(“\"'‘])([가-힣]{2,8}|[A-Za-z][A-Za-z\-]{1,15})$")
#: "A이 보유한 …", "A가 운영하는 …": the marked name heads a relative clause on the noun after it
_RELATIVE_OWNER = re.compile(r"(?:이|가)\s[가-힣]{1,5}(?:한|하는|했던|하던)\s")
#: a period named as a base ("올해의 2배", "내년의 절반"): the subject's own value then, no other thing
_PERIOD_WORD = re.compile(r"^(?:올해|금년|내년|작년|지난해|전년|당시|현재|과거|향후|미래|[가-힣]?반기|연간|월간)$")
_NOT_A_BASE = re.compile(r"^(?:이|그|이것|그것|이는|것|무엇|누구|어느|수준|경우|때|기준|이전|직전|전|이후|당시|평균|전체|[가-힣]?년|분기)$")
#: "…, V15는 10배": a name the gazetteer does not know marked as a new topic ends the carried subject
_NEW_NAME_TOPIC = re.compile(r"(?<![\w-])[A-Za-z][A-Za-z0-9.\-]*(?:은|는|이|가)\s")
#: a clause opening with a pronoun for what the sentence said before: "이는", "이것은", "물론 이는"
_ANAPHOR = re.compile(r"\s*(?:[-•·]\s*)?(?:물론\s|즉\s|결국\s)?(?:이는|이것은|이것이|이는\s곧)\s")

#: "미국의 한 통신사는", "어느 고객사가": the clause's subject is one member the report does not name
_UNNAMED_SUBJECT = re.compile(r"(?:^|\s|의)\s?(?:한|어느)\s[가-힣A-Za-z]{1,8}(?:은|는|이|가)\s")


def _quoted_after(s: str, start: int, end: int) -> bool:
    """Whether a quotation opens between ``start`` and the figure at ``end`` and is still open there
    ("OpenAI CEO 샘 알트만은 “토큰당 비용이 98% 감소”"): the figure is what the quote measures, not the
    name before it."""
    between = s[start:end]
    opened = max(between.rfind("“"), between.rfind("‘"))
    # "요금은 “우버 대비 최대 90%”": a quote of the figure and its base alone still measures the name before it
    return (between.count("“") > between.count("”") or between.count("‘") > between.count("’")) \
        and bool(_MARKED_NOUN.search(between, opened))


_MARKED_NOUN = re.compile(r"[가-힣A-Za-z0-9](?:은|는|이|가)\s")


def _in_closed_aside(s: str, m: Mention_, end: int) -> bool:
    """Whether the mention stands in a parenthesis closed before ``end`` ("(OpenAI는 27%) … 8배 증가"):
    an aside about something else, never the subject of a figure after it."""
    opened = s.rfind("(", 0, m.start)
    if opened < 0 or s.find(")", opened, m.start) >= 0:
        return False
    closed = s.find(")", m.end)
    return 0 <= closed < end


def _base(s: str, q: Quantity, c0: int, mentions: list[Mention_], reader) -> tuple[str, str, str, int] | None:
    """The base of a multiple in its clause: (English name or generic base, entity id or '', how, start)."""
    before = s[c0:q.start]
    ab = _ABBR_BEFORE.search(before) or _ABBR_AFTER.match(s, q.end)
    if ab and q.kind == "percent":  # "YoY 38% 증가", "16% YoY": against the subject's own earlier period
        return dict(_ABBR_BASE)[ab.group(1)], "", "generic-base", c0 + ab.start() if ab.start() < q.start else q.start
    # "X의 (약) N배": the genitive right before the figure
    gm = _GENITIVE_BASE.search(before) if not holds_lead(s, q.end) else None  # "X의 N배 우위": X leads
    if gm:
        at = c0 + gm.start()
        ent = next((m for m in mentions if m.end == at or _KIND_WORD.fullmatch(s, m.end, at)), None)  # "엔비디아 칩의"
        if ent is not None and ent.role == "genitive":
            return _name(reader, ent.entity), ent.entity, "genitive-base", ent.start
        for rx, name in _GENERIC_BASES:
            g = rx.search(s[c0:at])
            if g:
                return name, "", "genitive-base", c0 + g.start()
        # "중국 일반 석사 초봉의 10배", "투자 원금의 100배": a common noun the gazetteer does not name ("X의 30%" is
        # a part of X, and "올해의 2배" the subject's own value in a period: neither is a noun base)
        nb = _NOUN_BASE.search(s[c0:at]) if q.kind == "multiple" else None
        if nb and not _NOT_A_BASE.match(nb.group(1)) and not _PERIOD_WORD.match(nb.group(1)) and not any(m.start < c0 + nb.end(1) and m.end > c0 + nb.start(1)
                                                                for m in mentions):
            return nb.group(1), "", "noun-base", c0 + nb.start(1)
    # "100명에서 400명으로 4배 증가": the earlier value of the same measure
    if _FROM_TO_BASE.search(before):
        return "earlier value", "", "from-to-base", q.start
    # "2020년 이후 컴퓨팅 성능 6배 증가": growth since a year
    since = _SINCE.search(before)
    if since and _TO_FIGURE.fullmatch(before[since.end():]):
        return f"since {since.group(1)}", "", "since-base", c0 + since.start()
    # "X 대비 / X보다 / X에 비해 (measure words) N배": the last marker whose words run to the figure
    for mk in reversed(list(_MARKER_WORD.finditer(before))):
        at = c0 + mk.start(1)
        if not _TO_FIGURE.fullmatch(s[c0 + mk.end():q.start]):
            continue
        ent = next((m for m in reversed(mentions) if m.end <= at and (mm := _MARKER.match(s, m.end))
                    and mm.start(1) == at), None)
        if ent is not None:
            return _name(reader, ent.entity), ent.entity, "entity-base", ent.start
        head = s[c0:at].rstrip()
        head = re.sub(r"\s?(?:와|과|에)$", "", head)
        for rx, name in _GENERIC_BASES:
            g = rx.search(head)
            if g:
                return name, "", "generic-base", c0 + g.start()
        pb = _PERIOD_BASE.search(head)  # "2024년 2분기 대비 101% 증가": the subject's value then
        if pb:
            return f"{pb.group(0).strip()}"[:20], "", "period-base", c0 + pb.start()
        # "인간보다 2~3배", "텍스트보다 100배": a common noun the gazetteer does not name is still a base
        nb = _NOUN_BASE.search(head)
        if nb and not _NOT_A_BASE.match(nb.group(1)) and not any(m.start < c0 + nb.end(1) and m.end > c0 + nb.start(1)
                                                                for m in mentions):
            return nb.group(1), "", "noun-base", c0 + nb.start(1)
        return None
    return None


def _name(reader, entity: str) -> str:
    try:
        return reader.res.gaz.by_id(entity).name_en
    except Exception:  # an entity a mapping created: its record carries the name
        rec = reader.ex.entities.get(entity)
        return rec.name_en if rec is not None and rec.name_en else entity


#: a span of time the clause's event took or lasted: "N년 만에", "N개월 동안", "N년간", "N주 내에", "N년 소요";
#: or by which it was put off: "B를 … N개월 연기" (said by its verb: "예정인 B를 6개월 연기" is done, no plan)
_PUT_OFF = ("연기", "지연")
_TOOK = re.compile(r"[”\"’']?\s?(만에|에\s?걸쳐|동안|간|이내(?!로)|내에|내(?=\s)|안에|이\s?걸|가\s?걸|(?:이|가)?\s?소요|걸려|연기|지연)")
_FRAME_BEFORE = re.compile(r"(?:지난|향후|과거|앞으로)\s?$")
#: "4년간" read whole as the figure: its own suffix tells the span
_TOOK_IN_FIGURE = re.compile(r"((?<!시)간|동안)$")  # not the "간" of "시간" (hours): "4시간 BESS"
#: "“Codex”라는 코딩 에이전트를": a name the object is called by stands for the object
_CALLED_OBJECT = re.compile(r"[”\"’']?\s?(?:이)?라는\s(?:[가-힣A-Za-z]+\s)?[가-힣A-Za-z]+(?:을|를)(?=\s)")
#: "N달 만에 변전소를 완성": what the span of time brought about, named right after it as the verb's object
_OBJECT_AFTER = re.compile(r"\s?(?:[가-힣A-Za-z0-9.\-]+\s){0,2}?[가-힣A-Za-z0-9.\-]+?(?:을|를)(?=\s)")

#: "A는 인간이라면 4.5시간이 걸렸을 작업을 성공": the length of a task the clause's subject does (the task is no
#: thing built: the span is the doer's, as its length measures what the doer can do)
_TASK_AFTER = re.compile(r"(?:렸을|렸던)\s(?:[가-힣]{1,4}\s)?(?:작업|업무|과제|태스크)(?:을|를)\s")
#: "N달 만에 5억 달러로 성장": a figure and a verb of change right after the span — the span measures the change
#: (a measure's noun may come first: "1년 만에 직원 수 1,000명에서 3,000명으로 3배 증가")
_CHANGE_AFTER = re.compile(r"\s?(?:[가-힣A-Za-z]{1,6}\s){0,2}(?:약\s?)?[$]?\d(?:[^.;,()]|,(?=\d)){0,30}?"
                           r"(?:증가|성장|급증|급성장|늘|확대|감소|급감|줄|상승|하락)")


def _span_prefix(prefix: str, how: str) -> str:
    """A span's subject marked in its own clause is one construction in prose and in a table cell (subject_ways.py)."""
    return "text" if how == "clause-topic" else prefix


#: a label the lexicon reads a duration by that is itself a cue of taking ("4-5시간 소요되던", "최소 30분 소요")
_TOOK_LABELS = frozenset({"소요"})
#: the ways the span reader below finds the subject of a span (``duration-took:<way>``)
_TOOK_WAYS = frozenset({"clause-topic", "previous-sentence-topic", "slide-topic"})


def took_metric(label: str) -> str:
    """The metric of a duration read by ``label``: a cue of taking ("소요") is the span's frame ("time taken")."""
    return span_metric(label) if label in _TOOK_LABELS else label


def took_rule(prefix: str, kind: str, measure: str, how: str, label: str) -> str | None:
    """A duration read by a label that is a cue of taking is the span reader's construction (``N시간 소요``): its
    rule (``…:duration-took:<way>``), when its subject was found in one of the span reader's ways; else None (the
    value reader's own rule). The lexicon's label reads such a figure first, so without this one construction
    would be judged under two ids."""
    way = clause_way(measure, how)
    if kind != "duration" or measure not in ("value", "value-after") or label not in _TOOK_LABELS \
            or way not in _TOOK_WAYS:
        return None
    return f"{'text' if way == 'clause-topic' else prefix}:duration-took:{way}"


class DurationReader:
    """Mixed into the text reader: "A는 … 3년 만에 … 모델 출시" — ``duration`` of the subject's event;
    "A가 B를 … 40일 만에 확장": the object's (what was built, launched, expanded)."""

    def _duration(self, s: str, q: Quantity, c0: int, c1: int, mentions: list[Mention_], topic: Mention_ | None,
                  values: list[Quantity], dates: list[Quantity], loc: Location, sources: tuple[str, ...]) -> None:
        took = _TOOK.match(s, q.end) or _TOOK_IN_FIGURE.search(q.raw)
        took_end = took.end() if took is not None and took.re is _TOOK else q.end
        if q.value is None or not took or q.unit not in ("year", "month", "week", "day", "hour", "minute"):
            return
        if opens_aside_of_figure(s, q.start):  # "20억 명(약 3달 만에 5억 명 증가)" (figure_asides.py)
            return
        cands = [m for m in mentions if c0 <= m.start and m.end <= q.start and not is_a(m.type, "Person")]
        marked = [m for m in cands if m.role in ("topic", "subject")]
        objects = [m for m in cands if (m.role == "object" or _CALLED_OBJECT.match(s, m.end))
                   and (not marked or m.start > marked[-1].start)]
        if not_a_span_of_the_topic(s, q.start, mentions):  # "주당 50시간", "… 출시 53일 동안" (text_within.py)
            return
        if _FRAME_BEFORE.search(s[max(0, q.start - 6):q.start]):
            return  # "지난 10년간", "향후 5~10년 내": a time frame of what is said, not an event's span
        if s.rfind("(", c0, q.start) > s.rfind(")", c0, q.start):
            return  # "사용자 20억 명(약 3달 만에 5억 명 증가)": a note on the figure before, not the topic's span
        if re.match(r"리는|린다는|리던", s[took_end:]):
            return  # "2년 반이 걸리는 걸 3달 만에": the span a thing usually takes, the measure of comparison
        if took.re is _TOOK and took.group(1) == "만에" and _CHANGE_AFTER.match(s, took_end):
            return  # "3달 만에 5억 명 증가": how soon a figure grew, not a span of the subject's ("N개월 동안 …" is)
        task = took.re is _TOOK and _TASK_AFTER.match(s, took_end)
        after = None if task else _OBJECT_AFTER.match(s, took_end)  # a task's length is the doer's
        if after and any(m.role in ("topic", "subject") and took_end <= m.start < after.end() for m in mentions):
            after = None  # "… '8달'이 소요 B는 동일 구간을": a new clause's topic, not what the span brought about
        lasting = (took.re is _TOOK and took.group(1) in ("간", "동안", "에 걸쳐", "에걸쳐")) or took.re is _TOOK_IN_FIGURE  # "A는 약 1년간 직원을 교체": the doer's span
        # "N달 만에 웨이모의 서비스 지역을 포위": a name owning the object ("X의 …를") is not what the span brought about
        named = [m for m in mentions if after and took_end <= m.start and m.end <= after.end() and not is_a(m.type, "Person")
                 and not s.startswith("의", m.end)]
        if after and after.end() <= c1 and not objects and (named or not lasting or not marked):
            # "xAI는 … 3달 만에 변전소를 완성": the span is the object's (what was built), not the topic's
            if not named:
                return
            subject, how = named[-1], "object"
        elif objects:
            subject, how = objects[-1], "object"
        elif marked:  # a facility as the topic: the span of its building, whoever builds it ("<시설>는 A·B가 N년간")
            subject = next((m for m in marked if m.role == "topic" and is_a(m.type, "Facility")), marked[-1])
            how = "clause-topic"
        elif any(names_its_event(s, q.start, m.end) for m in cands):
            return  # "제품 “X” 출시 3개월 만에": the span of the named thing's event (text_within.py reads it), not the topic's
        elif topic is not None and topic.end <= q.start and topic.role != "block" and not is_a(topic.type, "Person") and not unnamed_subject(s[c0:q.start], HOW.get(topic.role, "")):  # "스타트업은 …": theirs
            subject, how = topic, HOW.get(topic.role, "sentence-topic")
            if how == "sentence-topic":  # the sentence's own topic in an earlier clause: the clause's construction
                how = "clause-topic"
        else:
            return
        status = "target" if (term := promised_term(s, took, took_end)) else self._status(s[q.start if took.re is _TOOK and took.group(1) in _PUT_OFF else c0:c1], q)  # "'N일 이내'라는 계약": a term
        high = q.high if q.high is not None and q.low is not None and q.high != q.low else None
        self.ex.statements.append(Statement(
            subject.entity, "duration", loc, f"{_span_prefix(self.prefix, how)}:duration-took:{how}", value=Decimal(q.value),
            high=high, unit=q.unit, status=status, metric="task length" if task else span_metric(took.group(1))[:10],
            approximate="approximate" in q.qualifiers or "vague" in q.qualifiers,
            bound="lower" if "lowerBound" in q.qualifiers else "upper" if term or "upperBound" in q.qualifiers else "",
            sources=sources, raw=s[max(0, q.start - 20):q.end + 8].strip()[:60],
        ))  # fmt: skip


def _other_version(s: str, m: Mention_, base_start: int, base_end: int) -> bool:
    """"ROCm 7은 ROCm 6 대비": another version of the base's own thing, written with its own number."""
    here, there = s[m.start:m.end], s[base_start:base_end] if base_end > base_start else ""
    return bool(there) and here != there and bool(re.search(r"\d", here)) and bool(re.search(r"\d", there)) \
        and re.sub(r"[\d.]+", "", here) == re.sub(r"[\d.]+", "", there)


class FigureReader(MultipleReader, CountReader, RankReader, DurationReader, ShareReader, ChangeReader):
    """The readers of this module, mixed into the text reader as one."""
    def _restate(self, s: str, q: Quantity, values: list[Quantity], first: int) -> None:
        """"2억 원(15만 달러)": the statements just read from ``q`` restated in the parentheses' currency."""
        if (at := restate_in_other_currency(self.ex.statements, first, s, q, values)) is not None:
            self.consumed.add(at)
