"""Values stated in prose: bullets, paragraphs, figure captions and slide sub-titles.

A figure in a sentence becomes a statement when three things are found in its clause:

* the **measure**: a metric word of the attribute lexicon before it (``매출``, ``기업 가치``, ``점유율``…), with no
  other figure in between, or — for a count — the item counted next to it (``20만 개의 H100``: ``item=H100``);
* the **subject**, by Korean case marking rather than nearness: the entity in the genitive with the metric word
  (``A의 매출``), else the clause's topic or subject (``A는``, ``A가``), else the sentence's topic; one marked as
  recipient or place (``에``, ``에서``) or counted is never the subject, and its class is one the lexicon allows;
* the **context**: status cues (``목표``, ``계획``, ``예정``, ``전망``, ``추정``), the clause's date or period as its
  time, approximate and bound markers, a sign (``-29%``), the item of a "각각" list it pairs with (respectively.py).

Each statement's rule names the lexicon entry and how the subject was found (``text:revenue@83:genitive``), so
the precision gate judges each way on its own. Particles are read by a regular expression after each mention;
``PETAFLOP_KIWI=1`` reads them with the kiwipiepy morphological analyser instead (docs/fidelity.md: the comparison).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from decimal import Decimal

from foundation.namespaces import RDF
from foundation.periods import Period
from ingest.quantities import REFERENCE_DATE, Quantity
from petaflop.extract.carry_guards import carried_elsewhere, units_figure
from petaflop.extract.count_parts import chips_of_system, part_counts
from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.figure_time import opening_dates, reader_time, stated_years, with_asides, with_bases
from petaflop.extract.gazetteer import Mention
from petaflop.extract.genitive_far import FarGenitives
from petaflop.extract.lexicon import Lexicon, ValueEntry, load_lexicon
from petaflop.extract.morphology import load_kiwi
from petaflop.extract.person_firm import firm_for_people, settle_firm_figures
from petaflop.extract.resolve import Resolver, is_a
from petaflop.extract.respectively import respective_figures
from petaflop.extract.sentence_split import sentences
from petaflop.extract.status_words import clause_words, sentence_plan
from petaflop.extract.subject_ways import clause_way, counted_measure, earlier_measure_owner, marks_another
from petaflop.extract.text_arch import architecture_of
from petaflop.extract.text_carry_base import carried_base
from petaflop.extract.text_dates import DateReader
from petaflop.extract.text_deals import DealFrames
from petaflop.extract.text_figures import FigureReader, parallel_measure, took_metric, took_rule, vs_products
from petaflop.extract.text_frames import (
    _STATUS_CUES,
    FrameReader,
    chapter_topic,
    clause_starts_of,
    handed_topic,
)
from petaflop.extract.text_frames import HOW as _HOW
from petaflop.extract.text_frames import Mention_ as _Mention
from petaflop.extract.text_kind_paren import kind_paren_links
from petaflop.extract.text_links import LinkFrames
from petaflop.extract.text_money import MoneyFrames
from petaflop.extract.text_paren import ParenMeasureReader
from petaflop.extract.text_power import PowerFrames, cell_power_of_another, power_source
from petaflop.extract.text_rivals import RivalFrames
from petaflop.extract.text_scores import ScoreReader
from petaflop.extract.text_shares import gain_after
from petaflop.extract.text_stakes import held_stake, stake_rule
from petaflop.extract.text_tokens import CONTEXT_TOKENS, TokenCounts
from petaflop.extract.text_value_guards import (
    FROM_TO,
    architecture_chips,
    change_before,
    counts_kinds,
    demonstrative,
    earlier_figures,
    in_kinds_list,
    measure_of_another,
    not_a_value,
    part_of_name,
    per_unit_start,
    stage_scope,
    unnamed_subject,
)
from petaflop.extract.text_venue import venue_of, venue_scope
from petaflop.extract.text_within import SpansWithin
from petaflop.extract.topic_anaphor import anaphor_topic, with_anaphors
from petaflop.extract.topic_case import case_topic
from petaflop.extract.topic_country import country_topic
from petaflop.extract.values import find_quantities

_PARTICLE = re.compile(r"^\)?['’”\"]?\s?(?:들(?=[은는이가의]))?(은|는|이|가|의|을|를|에서도|에게도|에서|에게|에도|에는|에|와|과|로|으로|도|조차|마저|및)(?![가-힣])")
_ROLE = {"은": "topic", "는": "topic", "이": "subject", "가": "subject", "의": "genitive", "을": "object",
         "를": "object", "에": "place", "에서": "place", "에게": "place", "와": "with", "과": "with",
         "로": "means", "으로": "means", "도": "topic", "조차": "topic", "마저": "topic", "및": "with",
         "에도": "place", "에는": "place", "에서도": "place", "에게도": "place"}  # fmt: skip
_CLASSIFIER = re.compile(r"^['’”\"]?\s?(?:\([^)]{1,20}\)\s?)?(?:프로젝트|계획|클러스터|캠퍼스|데이터센터|부지|社|사|그룹|측|칩|모델|플랫폼|서비스|시스템|랙)?(?=[은는이가의을를에와과도])")
_HW_CLASSIFIER = re.compile(r"^\s?(?:GPU|TPU|NPU|CPU|ASIC|칩셋|가속기|슈퍼칩|AI 칩|AI 가속기)(?=[은는이가의을를에와과도])")
_AFTER_FIGURE = re.compile(CONTEXT_TOKENS + r"\s?(?:의|급|수준의?|에 달하는|에 이르는)?\s?([가-힣A-Za-z]{1,6}(?:\s[가-힣A-Za-z]{1,4})?)")
_EQUIVALENT = re.compile(r"\s?(?:(?:성능|연산\s?능력)\s?(?:에\s?)?)?(?:과|와)?\s?(?:동일|동급|동등|상당|해당|환산)")
_AFTER_COUNT = re.compile(r"\s?(?:의|에 달하는|이상의|가량의|여)?\s?(?:[가-힣A-Za-z]{1,6}\s)?([A-Za-z가-힣]{1,10})")
#: nouns after a count that the lexicon's metric words do not cover
_COUNT_NOUNS = (
    (re.compile(r"^(?:GPU|H100|B200)"), "chipCount"), (re.compile(r"^(?:칩|가속기)"), "chipCount"),
    (re.compile(r"연구원|엔지니어|인력|직원|명의? ?(?:인재|개발자)"), "employeeCount"),
    (re.compile(r"^랙"), "rackCount"),
)  # fmt: skip
#: a contractor named by its work on something before it: "X 공사 작업을 맡은 B가"
_CONTRACTOR = re.compile(r"\S+(?:을|를)\s(?:맡은|맡고 있는|담당하는|담당한|수행하는|수행 중인)\s$")
#: "H100 약 500만 개에 해당하는": the yardstick named before the figure, the equivalence after it
_EQUIVALENT_AFTER = re.compile(r"\s?(?:개|대|장)?\s?(?:에\s?(?:해당|상당)|(?:과|와)\s?(?:동일|동등))")
_COUNT_EQUALS = re.compile(r"\d\s?개(?:와|과)\s(?:동등|동일|같은|맞먹|비슷)")
_DECREASE = re.compile(r"^\s?(?:[가-힣]{0,2}\s)?(감소|하락|줄|축소|떨어|할인(?![율률]))")
#: the kind a unit gives a figure with no metric word, by the class of what it is about
UNIT_KINDS = {
    "compute": (("Hardware", "computePerformance"),), "memory": (("Hardware", "memoryCapacity"),),
    "power": (("Chip", "tdp"), ("Facility", "powerCapacity"), ("PowerAsset", "powerCapacity")),
}
#: the only kinds whose figure a person can be the subject of (years of experience, tenure)
PERSON_KINDS = ("duration",)
ITEM_TYPES = ("Hardware", "PowerTechnology", "PowerAsset", "MemoryTechnology")
COUNT_KIND_OF_ITEM = (("Chip", "chipCount"), ("ChipArchitecture", "chipCount"), ("System", "unitCount"), ("PowerAsset", "unitCount"),
                      ("PowerTechnology", "unitCount"), ("Hardware", "unitCount"))  # fmt: skip
RDF_TYPE = RDF.type
_METRIC_WINDOW = 28  # characters between a metric word and its figure


class TextReader(FigureReader, FrameReader, LinkFrames, RivalFrames, MoneyFrames, FarGenitives, DateReader, ScoreReader,
                 DealFrames, ParenMeasureReader, PowerFrames, TokenCounts, SpansWithin):
    def __init__(self, resolver: Resolver, lexicon: Lexicon | None = None, use_kiwi: bool | None = None) -> None:
        import os

        self.res = resolver
        self.ex: Extraction = resolver.ex
        self.lex = lexicon or load_lexicon()
        self.kiwi = None
        self.prefix = "text"  # "text-cell" while reading a table cell: its own rules for the gate
        self.default_time: Period | None = None  # a table row's date, for figures whose clause has none
        if use_kiwi if use_kiwi is not None else os.environ.get("PETAFLOP_KIWI") == "1":
            self.kiwi = load_kiwi()

    # ------------------------------------------------------------------ entry point
    def start_slide(self, title: str) -> None:
        """A new slide: its title's entity is the topic of last resort; no topic carries over."""
        self.slide_topic, self.vs_products = self._title_topic(title), vs_products(self.res, title)
        self.block_topic: _Mention | None = None; self.named_on_slide: list[_Mention] = []; self.hw_topic: _Mention | None = None  # noqa: E702

    def _title_topic(self, title: str) -> _Mention | None:
        found = self.res.entities_in(re.sub(r"\s+by\s+\S.*$", "", title.split(":", 1)[-1]))  # "X by Y": X, Y its credit
        ent = found[0] if len({e.id for e in found}) == 1 else None
        if ent is None and ":" in title:  # "X. 팔란티어: 실제 숫자는 …": the chapter's theme before the colon
            return chapter_topic(self.res, title, _Mention)
        return _Mention(self.res.record(ent), ent.type, -1, -1, "slide") if ent else None

    def read(self, text: str, loc: Location, sources: tuple[str, ...], default_subject: str = "") -> None:
        """Every sentence of a block; one without a topic keeps the block's last, else the slide's ("block-topic"), else the title's."""
        topic: _Mention | None = getattr(self, "block_topic", None)
        self.previous_sentence = ""  # the block's sentence before (a test it names is the next one's too)
        for sentence in sentences(text):
            found = self._sentence(sentence, loc, sources, anaphor_topic(self, sentence) or topic)  # topic_anaphor.py
            self.previous_sentence = sentence
            if (handed := handed_topic(self.res, sentence, found)) is not None:  # its own, or a closing facility
                topic, self.venue = _Mention(handed.entity, handed.type, -1, -1, "previous"), venue_of(sentence, self._sentence_mentions, handed)
        self.previous_sentence = ""
        if topic is not None and topic.role in ("topic", "previous"):
            self.block_topic = _Mention(topic.entity, topic.type, -1, -1, "block")

    def read_cell(self, text: str, loc: Location, sources: tuple[str, ...], subject: str,
                  time: Period | None = None) -> None:
        """A table cell's prose ("Anthropic의 기존 클러스터보다 5배 강력, 수십만 Trainium2 칩, 2.2GW 전력"):
        the row's entity is the topic of every sentence, the row's date the time of undated figures;
        the rules are ``text-cell:…`` so the gate judges cells apart from running text."""
        rec = self.ex.entities.get(subject) if subject else None
        if subject and (rec is None or not rec.types):
            return
        saved = (self.prefix, self.default_time, getattr(self, "slide_topic", None), getattr(self, "block_topic", None),
                 getattr(self, "hw_topic", None))
        self.prefix, self.default_time, self.slide_topic, self.block_topic, self.hw_topic = "text-cell", time, None, None, None
        row = _Mention(subject, rec.types[0], -1, -1, "row") if rec is not None else None
        self._note_row_org(row, loc)  # a bare title opening the cell names the row's organisation
        # a timeline row names the released thing itself: only a release reads the slide title's entity
        self.cell_slide_topic = self._title_topic(loc.slide_title) if loc.slide_title else None
        self.cell_row = row  # the row's entity, when a cell's own topic cannot carry a measure (_subject)
        self.previous_sentence = ""
        try:
            for sentence in sentences(text):
                self._sentence(sentence, loc, sources, row)
        finally:
            self.prefix, self.default_time, self.slide_topic, self.block_topic, self.hw_topic = saved
            self.cell_slide_topic = self.cell_row = None

    def _mentions(self, text: str) -> list[_Mention]:
        out = []
        for m in self.res.gaz.find_mentions(text):
            ent = self.res.gaz.by_id(m.entity_id)
            self.res.record(ent)
            role = self._role(text, m)
            if not role and is_a(ent.type, "Hardware"):  # "H100 GPU는": the particle of the kind word after a chip
                pm = _PARTICLE.match(_HW_CLASSIFIER.sub("", text[m.end:], count=1))
                role = _ROLE.get(pm.group(1), "") if pm else ""
            out.append(_Mention(m.entity_id, ent.type, m.start, m.end, role))
        return out

    def _role(self, text: str, m: Mention) -> str:
        if re.match(r"['’”\"]?\s?(?:은|는)\s물론", text[m.end:]):  # "우버, 리프트는 물론": listed, not the topic
            return "with"
        if case_topic(text, m.start, m.end):  # "엔비디아 제품의 경우": the topic (topic_case.py)
            return "topic"
        if self.kiwi is not None:
            return self._kiwi_role(text, m)
        rest = text[m.end:]
        if re.match(r"\s?:\s", rest):  # "아마존: 1,185억 달러": a label, the topic of what follows
            return "topic"
        rest = _CLASSIFIER.sub("", rest, count=1)  # "Colossus 프로젝트의": the particle of the head noun
        pm = _PARTICLE.match(rest)
        return _ROLE.get(pm.group(1), "") if pm else ""

    def _kiwi_role(self, text: str, m: Mention) -> str:
        tail = text[m.end:m.end + 6]
        for tok in self.kiwi.tokenize(text[m.start:m.end] + tail):
            if tok.start < m.end - m.start:
                continue
            if tok.tag in ("JX", "JKS", "JKG", "JKO", "JKB", "JC"):
                return _ROLE.get(tok.form, {"JKS": "subject", "JX": "topic", "JKG": "genitive",
                                            "JKO": "object", "JKB": "place", "JC": "with"}[tok.tag])
            if tok.tag not in ("SSC", "SS", "SW") and not re.match(r"들[은는]", tail):  # "기업들은": a plural topic
                return ""
        return ""

    def _sentence(self, sentence: str, loc: Location, sources: tuple[str, ...], carried: _Mention | None
                  ) -> _Mention | None:
        mentions = self._sentence_mentions = with_anaphors(self, sentence, self._mentions(sentence))  # topic_anaphor.py
        # a topic inside parentheses ("(OpenAI는 27%)") is an aside, not what the sentence is about
        own = next((m for m in mentions if m.role == "topic" and (not self._is_item(m) or is_a(m.type, "System"))
                    and sentence.count("(", 0, m.start) <= sentence.count(")", 0, m.start)), None)
        # a carried topic has offsets -1 ("before anything"); its role says where it came from
        topic = own or carried or getattr(self, "slide_topic", None)
        quantities = [q for q in find_quantities(sentence)]
        dates = with_bases(sentence, [q for q in quantities if q.kind in ("date", "period") and q.date_start and q.date_end])
        self._now = opening_dates(self, sentence, dates)  # "현재 …", an as-of date carried: for figures' time only
        values = with_asides(sentence, [q for q in quantities if q.kind not in ("date", "period")
                                        and q.value is not None and not part_of_name(sentence, q, mentions)
                                        and not not_a_value(sentence, q)])
        self.consumed: set[int] = set()  # figures a frame has read (an investment's amount and stake)
        self._genitives(sentence, mentions, loc, sources)
        self._modifiers(sentence, mentions, loc, sources)
        self._far_genitives(sentence, mentions, loc, sources)
        architecture_of(self.ex, sentence, mentions, loc, sources, self.prefix)
        self._titles(sentence, mentions, loc, sources)
        self._links(sentence, mentions, topic, loc, sources)
        self._more_links(sentence, mentions, topic, loc, sources)
        self._events(sentence, mentions, stated_years(dates), clause_starts_of(sentence), topic, loc, sources)
        self._event_dates(sentence, mentions, dates, clause_starts_of(sentence), loc, sources, topic)
        self._paren_scores(sentence, mentions, clause_starts_of(sentence), loc, sources)
        self._paren_measures(sentence, mentions, loc, sources)
        self._score_verbs(sentence, mentions, loc, sources, topic)
        hw = next((m for m in mentions if m.role == "topic" and self._is_item(m)), None)
        if hw is not None:
            self.hw_topic = _Mention(hw.entity, hw.type, -1, -1, "hardware")
        firm_topic = topic if own is None or not self._is_item(own) else carried or getattr(self, "slide_topic", None)
        self._own_make(sentence, mentions, firm_topic, loc, sources, carried or getattr(self, "slide_topic", None))  # a system's "자체 개발 CPU": its maker's
        kind_paren_links(self.ex, self.lex, self.res.gaz, sentence, mentions, firm_topic, loc, sources, self.prefix)
        self._adoptions(sentence, mentions, topic if topic is not None and topic.start >= 0 else
                        getattr(self, "hw_topic", None) or topic, loc, sources)
        self._investments(sentence, mentions, topic, loc, sources)
        self._deals(sentence, mentions, topic, loc, sources)
        self._money(sentence, mentions, values, dates, topic, loc, sources)  # prices, revenue, capex by their words
        # a comma inside parentheses ("Kimi-2(2025년 7월, 4백만 컨텍스트 길이)") does not end a clause
        clause_starts = clause_starts_of(sentence)
        self._measure_terms(sentence, mentions, values, loc, sources)
        self._die_counts(sentence, mentions, topic, loc, sources)
        part_counts(self, sentence, mentions, topic, loc, sources)  # "3단계 로드맵" (count_parts.py)
        self._token_counts(sentence, mentions, values, loc, sources)  # "N개의 토큰으로 학습" (text_tokens.py)
        self._spans_within(sentence, mentions, loc, sources, topic)  # "출시 N개월 만에", "N의 격차" (text_within.py)
        self._storage_durations(sentence, values, mentions, loc, sources)
        self._power_sources(sentence, mentions, topic, loc, sources)
        previous: tuple[Quantity, ValueEntry | None] | None = None
        # the comparison base of the sentence's last multiple (text_figures.py); one opening it carries on
        self._base = carried_base(getattr(self, "_base", None), sentence, values, bool(getattr(self, "previous_sentence", "")))
        # "1GW/년 → 2GW/년": the first figure of a from-to pair (its rule is judged with the pair's)
        self._from_half = {id(a) for a, b in itertools.pairwise(values)
                           if a.kind == b.kind and FROM_TO.fullmatch(sentence[a.end:b.start])}
        self._earlier = earlier_figures(sentence, values, FROM_TO)  # "X에서 Y로", "원래 목표 2.2 GW → …"
        said, (mentions, topic, facts), first_figure = topic, firm_for_people(self, sentence, mentions, topic), len(self.ex.statements)
        for q in values:
            if q.start in self.consumed:
                continue
            c0 = max(s for s in clause_starts if s <= q.start)
            nxt = [s for s in clause_starts if s > q.start]
            c1 = nxt[0] if nxt else len(sentence)
            if self._figure_of_its_own(sentence, q, c0, c1, mentions, topic, values, dates, loc, sources):
                continue  # "N배" against a base, "N위" in a ranking (text_figures.py)
            clause_mentions = [m for m in mentions if c0 <= m.start < c1]
            # "185억 달러에서 1,830억 달러로": the second figure measures what the first did
            inherit = None
            if previous is not None and previous[1] is not None and previous[0].kind == q.kind \
                    and FROM_TO.fullmatch(sentence[previous[0].end:q.start]):
                inherit = previous[1]
            self._parallel = parallel_measure(previous, q, c0, clause_mentions)
            first = len(self.ex.statements)
            entry = self._value(sentence, q, c0, c1, clause_mentions, topic, values, dates, loc, sources, inherit)
            self._restate(sentence, q, values, first)  # "2억 원(15만 달러)" (figure_asides.py)
            previous = (q, entry)
        respective_figures(self, sentence, values, first_figure)  # "A와 B는 각각 N, M" (respectively.py)
        return settle_firm_figures(self, first_figure, facts, said)  # a person's figures: the firm's, under their own rule

    def _is_item(self, m: _Mention) -> bool:
        return any(is_a(m.type, t) for t in ITEM_TYPES)

    def _value(self, s: str, q: Quantity, c0: int, c1: int, mentions: list[_Mention], topic: _Mention | None,
               values: list[Quantity], dates: list[Quantity], loc: Location, sources: tuple[str, ...],
               inherit: ValueEntry | None = None) -> ValueEntry | None:
        """One figure → a statement if its measure and subject are found; returns the measure's entry."""
        # the measure: an item counted right next to the figure, else a metric word before it
        item = self._counted_item(s, q, mentions) if q.kind in ("count", "number") else None
        entry: ValueEntry | None = None
        kind, metric_at, how_measure = "", -1, ""
        if item is not None and _COUNT_EQUALS.search(s, c0, c1):
            return None  # "Ascend 910C 칩 2개가 H20 칩 1개와 동등한 성능": a ratio of performance, not holdings
        if item is not None:
            kind = chips_of_system(s, item) or next((k for t, k in COUNT_KIND_OF_ITEM if is_a(item.type, t)), "unitCount")
            equivalent = _EQUIVALENT.match(s[item.end:]) or (item.end <= q.start and _EQUIVALENT_AFTER.match(s, q.end))
            if equivalent:  # "200만 개의 A100과 동일": a yardstick, not a holding
                name = self.res.gaz.by_id(item.entity).name_en
                kind = "h100EquivalentCount" if "H100" in name else "a100EquivalentCount" if "A100" in name else ""
                if not kind:
                    return None
                item = None
        else:
            if inherit is not None:
                entry, metric_at, how_measure = inherit, q.start, ":from-to"
            else:
                # a multiple before ("수요는 두 배로 늘어나 95GW에"): a change of the same measure, no new one
                prev_q = max((v.end for v in values if v.end <= q.start and v.kind != "multiple"  # nor a change right
                              and not change_before(s, v, q)), default=c0)  # before it: "147% 증가한 117GW"
                window_start = max(c0, prev_q, q.start - _METRIC_WINDOW, per_unit_start(s, q.start))  # "토큰당 $N"
                entry, metric_at = self._metric(s[window_start:q.start], window_start)
                if entry is None:  # "10 GW 규모", "30억 달러 매출": the measure right after the figure
                    after = _AFTER_FIGURE.match(s, q.end)
                    if after and not (q.kind == "percent" and self.prefix == "text" and gain_after(s, q.end)):  # "3%의 전환율 향상"
                        entry, metric_at = self._metric(after.group(1), after.start(1))
                        how_measure = ":after" if entry is not None else how_measure
            if entry is None and getattr(self, "_parallel", None) is not None:
                entry, metric_at, how_measure = self._parallel, q.start, ":parallel"
            if entry is None and q.kind in ("count", "number"):
                entry, metric_at = self._count_noun(s, q)
                how_measure = ":noun"
            if entry is None and q.kind == "percent":  # "수력 100%": the share of a power source
                src = next((m for m in mentions if m.end <= q.start and re.fullmatch(r"\s?", s[m.end:q.start])
                            and is_a(m.type, "PowerTechnology")), None)
                if src is not None:
                    entry, item, how_measure = next((e for e in self.lex.values if e.kind == "share"), None), src, ":source"
            if entry is None and q.kind in UNIT_KINDS:  # "Trainium2 칩 (1.3 PFLOPS FP8, 96GB HBM)"
                entry = self._unit_measure(s, q, mentions, topic)
                how_measure = ":unit"
            if entry is None or not entry.measures(q.kind):  # no measure of its dimension: text_figures.py
                self._unmeasured(s, q, c0, c1, mentions, topic, values, dates, loc, sources, entry is None)
                return None
            kind = entry.kind
        # "운영마진은 11.3%에서 20.7%로": the pair's second figure measures what the first's word says
        self._word_at = metric_at if inherit is None else getattr(self, "_word_at", -1)
        subject, how = self._subject(s, metric_at, q, mentions, topic, item, entry)  # the subject
        if subject is None:  # "A의 수요는 …, 2030년 수요는 B": the measure's owner, one way of naming (subject_ways.py)
            subject, how = earlier_measure_owner(s, c0, q.start, lambda: self._mentions(s[:c0])), "clause-topic"
        if subject is None or unnamed_subject(s[c0:q.start], how) or counts_kinds(s, q, how_measure):  # "3인 스타트업이 …", "2가지" (text_value_guards.py)
            return entry
        if entry is not None and entry.subject and not any(is_a(subject.type, c) for c in entry.subject):
            return entry
        if kind == "chipCount" and item is None and is_a(subject.type, "Chip"):
            return entry  # "두 개의 칩 구성" in a chip's row: the chips of the system it is part of, not of the chip
        per_system = item is not None and kind == "chipCount" and is_a(subject.type, "System")
        if per_system:  # "CloudMatrix384는 … 384개의 Ascend 910C 칩을": the chips (CPUs) one system holds
            kind = "cpuCount" if item is not None and is_a(item.type, "CPU") else "chipsPerSystem"
        elif item is not None and kind == "chipCount" and not (
                is_a(subject.type, "Agent") or is_a(subject.type, "Facility") or is_a(subject.type, "AIModel")
                or is_a(subject.type, "MarketSegment")):
            return entry
        clause = s[c0:c1]
        status = self._status(clause, q)
        if status == "actual":  # "…구축하고 … 투입하겠다": a plan stated at the end governs the sentence
            status = sentence_plan(s, clause, q.raw) or status
        time = self._time(q, dates, c0, c1, values) or self.default_time
        if status in ("estimate", "actual") and time is not None and time.start > REFERENCE_DATE.isoformat():
            status = "forecast"  # a value said to hold after the report's date is not yet actual
        value = q.value
        high = q.high if q.high is not None and q.low is not None and q.high != q.low else None
        if q.kind == "percent" and (re.search(r"[-−–]\s*$", s[max(0, q.start - 2):q.start]) or (
                _DECREASE.match(s[q.end:]) and not re.match(r"\s?(?:으로|로)\s", s[q.end:]))):  # "25%로 하락": to a level
            value = -value
            high = -high if high is not None else None
        unit = q.currency if q.kind == "money" and q.currency else ("count" if q.kind in ("count", "number") else q.unit)
        quals = q.qualifiers
        measure = "count-per-system" if per_system else counted_measure(item, how) if item is not None and how_measure != ":source" else {":noun": "count-noun", ":from-to": "value-from-to",
                                                         ":after": "value-after", ":unit": "value-unit", ":source": "value-source",
                                                         ":parallel": "value-parallel"
                                                         }.get(how_measure, "value")
        item, investee = held_stake(self.ex, s, c0, q.start, mentions, subject, topic, loc) \
            if kind == "equityStake" and item is None else (item, "")  # a stake in whom (text_stakes.py)
        item = power_source(s, q, mentions) if item is None and q.kind == "power" else item  # "600MW 태양광": its source
        rule = took_rule(self.prefix, kind, measure, how, entry.metric_at(s, metric_at) if entry else "") or f"{self.prefix}:{measure}:{country_topic(clause_way(measure, how), subject.type)}"  # "N시간 소요": a span; country: apart
        if measure == "value-unit" and q.kind == "power" and self.prefix == "text-cell":  # a cell's power figure
            if cell_power_of_another(s, q, mentions, subject.entity):  # "Oracle 합작 4.5 GW" (text_power.py)
                return entry
            rule = f"{self.prefix}:value-unit-power:{how}"  # often measures a stage or a plant: judged apart
        if kind == "employeeCount" and measure == "count-noun":  # staff counted: one construction, whatever the order
            rule = f"{self.prefix}:staff-count"
        if how == "parenthetical" and measure in ("value", "value-after", "value-unit"):
            # "X 칩 (1.3 PFLOPS)": the parentheses after a name say whose figure it is, whatever told the measure
            rule = f"{self.prefix}:value:parenthetical"
        elif (measure, how) in _ONE_COUNT_ITEM:  # a system's chips counted so too ("NVL72 랙은 … B200 GPU 72개")
            # the sentence's own topic, marked in an earlier clause: one construction with the clause's (as text_counts.py)
            rule = f"{self.prefix}:count-item:clause-topic"
        elif kind in ("h100EquivalentCount", "a100EquivalentCount") and how in ("clause-topic", "sentence-topic"):
            rule = f"{self.prefix}:equivalent:clause-topic"  # a size in a yardstick's units: judged apart
        elif measure == "value-from-to":  # the pair's second figure: its measure is the first's, whatever the subject's way
            rule = f"{self.prefix}:value-from-to"
        elif measure in ("value", "value-parallel") and id(q) in getattr(self, "_from_half", ()):
            rule = f"{self.prefix}:value-from"  # the pair's first figure: a from-to construction, judged apart
        self.ex.statements.append(self.hire_count(Statement(  # a stake in no named company: a claim (stake_rule)
            subject.entity, kind, loc, stake_rule(rule, kind, item, investee), value=Decimal(value), high=high, unit=unit, status=status, time=time,
            scope=EARLIER if (early := id(q) in getattr(self, "_earlier", ())) and kind == "employeeCount" else self.hires(s, q) if kind == "employeeCount"
            else venue_scope(self, subject, kind, (entry.scope_at(s, metric_at) if entry else "") or stage_scope(s, q.start, q.end), early),
            item=item.entity if item else investee, per=(entry.per if entry else ""),
            number_format=q.precision.split()[0] if q.precision else "",
            metric=entry.metric_in(s, self._word_at, mentions, c0, took_metric) if entry else "",  # "N일 소요": time taken
            approximate="approximate" in quals or "vague" in quals,
            bound="lower" if "lowerBound" in quals else "upper" if "upperBound" in quals else "",
            sources=sources, raw=s[max(0, q.start - 20):q.end + 8].strip()[:60],
        )))  # fmt: skip
        return entry

    def _unit_measure(self, s: str, q: Quantity, mentions: list[_Mention], topic: _Mention | None
                      ) -> ValueEntry | None:
        """A figure with no metric word whose unit says what it measures for its subject's class:
        FLOPS of a chip is its compute, GB its memory, W its TDP; MW of a facility its power."""
        for cls, kind in UNIT_KINDS[q.kind]:
            entry = next((e for e in self.lex.values if e.kind == kind), None)
            if entry is None:
                continue
            entry = replace(entry, subject=(cls,), id="unit")  # told by the unit (parallel_measure)
            if self._subject(s, -1, q, mentions, topic, None, entry)[0] is not None:
                return entry
        return None

    def _count_noun(self, s: str, q: Quantity) -> tuple[ValueEntry | None, int]:
        """"24명의 시니어급 연구원", "20만 개 GPU": the noun after a count names what is counted."""
        m = _AFTER_COUNT.match(s, q.end)
        if not m:
            return None, -1
        noun = m.group(1)
        for e in self.lex.values:
            if e.dimension == "count" and e.match.search(noun) and not (e.veto and e.veto.search(noun)):
                return e, m.start(1)
        for rx, kind_entry in _COUNT_NOUNS:
            if rx.search(noun):
                e = next((v for v in self.lex.values if v.kind == kind_entry), None)
                if e is not None:
                    return e, m.start(1)
        return None, -1

    def _counted_item(self, s: str, q: Quantity, mentions: list[_Mention]) -> _Mention | None:
        """An item named right after a count ("20만 개의 H100", "N개의 Blackwell GPU") or before it ("GB200 40만 개")."""
        if q.kind == "number" and (q.value is None or q.value < 2):
            return None
        for m in mentions:
            if not (self._is_item(m) or is_a(m.type, "NetworkTechnology") or architecture_chips(s, m)):
                continue
            gap_after = s[q.end:m.start]
            gap_before = s[m.end:q.start]
            if m.start >= q.end and re.fullmatch(r"\s?(?:개|대|기|장)?\s?(?:의|에\s?(?:달하는|이르는))?\s?", gap_after):
                return m
            if m.end <= q.start and q.kind == "count" and (re.fullmatch(r"\s?(?:칩|GPU)?\s?|\s?동급\s?(?:연산\s?능력|성능)?\s?", gap_before) or (
                    is_a(m.type, "Chip") and gap_before == " 등 ")):  # "H100·H200 등 115,000개": the chips listed
                return m
        return None

    def _metric(self, window: str, offset: int) -> tuple[ValueEntry | None, int]:
        """The metric word nearest the figure in the window before it."""
        best: tuple[int, int, ValueEntry] | None = None
        for e in self.lex.values:
            for m in e.match.finditer(window):
                if (e.veto and e.veto.search(window[max(0, m.start() - 6):m.end() + 6])) or e.frames_time(window, m.end()):
                    continue  # a vetoed word; an event's word as a time frame ("출시 직후 12%": lexicon.py)
                if best is None or (m.start() > best[0] and m.end() > best[1]) or (m.start() <= best[0] and best[1] <= m.end() and m.end() - m.start() > best[1] - best[0]):
                    best = (m.start(), m.end(), e)  # the nearest; of nested words the longer ("활성 파라미터")
        if best is None:
            return None, -1
        return best[2], offset + best[0]

    def _subject(self, s: str, metric_at: int, q: Quantity, mentions: list[_Mention], topic: _Mention | None,
                 item: _Mention | None, entry: ValueEntry | None) -> tuple[_Mention | None, str]:
        holds_chips = item is not None and is_a(item.type, "Chip")  # a system holds chips: it may be their subject
        cands = [m for m in mentions if (m is not item and (not self._is_item(m) or (holds_chips and is_a(m.type, "System"))))
                 or (entry is not None and m is not item)]
        cands = [m for m in cands if m.role not in ("place", "object") and m.end <= q.start and not in_kinds_list(s, m)]
        if entry is None or entry.kind not in PERSON_KINDS:  # a person does not carry the firm's figures
            cands = [m for m in cands if not is_a(m.type, "Person")]
            if topic is not None and is_a(topic.type, "Person"):
                topic = None
        if entry is not None and entry.subject:  # only entities the measure can be about ("GW 규모": not a firm)
            cands = [m for m in cands if any(is_a(m.type, c) for c in entry.subject)]
            if topic is not None and not any(is_a(topic.type, c) for c in entry.subject):
                # "엔비디아는 올해 100만 개 생산 계획" in a chip's row: the firm cannot be produced, the row's chip is
                row = getattr(self, "cell_row", None) if topic.role == "topic" else None
                topic = row if row is not None and any(is_a(row.type, c) for c in entry.subject) else None
        # "Trainium2 칩 (1.3 PFLOPS FP8, 96GB HBM)": a figure in the parentheses right after a name is its
        opened = s.rfind("(", 0, q.start)
        if opened >= 0 and ")" not in s[opened:q.start]:
            owner = [m for m in cands if m.end <= opened and _PAREN_GAP.fullmatch(s[m.end:opened])]
            if owner:
                return owner[-1], "parenthetical"
        if entry is not None and metric_at >= 0:
            # "팔란티어 2024년 전체 매출": a bare name before the metric word, only a time between (의 left out)
            compound = [m for m in cands if m.role == "" and m.end <= metric_at and not self.counted(entry, m)
                        and _COMPOUND_GAP.fullmatch(s[m.end:metric_at])]
            if compound:
                return compound[-1], "compound"
            named = [m for m in cands if m.start <= metric_at < m.end]  # "대역폭 상한선 1.7 TB/s": the entity's own name
            if named:
                return named[-1], "named-measure"
            # "A의 매출": the genitive right before the metric word ("A의 경우 …": a frame, not an owner)
            gen = [m for m in cands if m.role == "genitive" and m.end <= metric_at and metric_at - m.end <= 30
                   and not s.startswith("의 경우", m.end)]
            between = [m for m in mentions if gen and gen[-1].end <= m.start < metric_at]
            if gen and not between:
                return gen[-1], "genitive"
        marked = [m for m in cands if m.role in ("topic", "subject")]
        if marked and measure_of_another(s, q, metric_at, marked[-1], getattr(self, "_sentence_mentions", mentions)):
            return None, ""  # quoted speech of the subject's, a measure of a thing it names (text_value_guards)
        if marked:
            # "Stargate 공사 작업을 맡은 Crusoe가 … 29기를 설치": the contractor's work is the project's
            role = _CONTRACTOR.search(s, 0, marked[-1].start)
            project = [m for m in cands if role and m.end <= role.start() and m.start >= s.rfind(",", 0, role.start())]
            if role and project:
                return project[0], "contractor-of"
            return marked[-1], "clause-topic"
        if topic is not None and topic.end <= q.start and topic is not item and not demonstrative(s, q, getattr(self, "facility_named", False)):
            other = topic.role in ("previous", "block", "slide", "chapter") and any(m.entity != topic.entity for m in cands)
            named = getattr(self, "_sentence_mentions", [])  # the block's topic, stale once another is named
            other = other or (topic.role in ("block", "previous") and (units_figure(s, q.start) or (item is None and carried_elsewhere(named, topic, q, entry))))
            other = other or (topic.role == "topic" and marks_another(named, topic, q.start))
            return topic, "inherited-other-named" if other else _HOW.get(topic.role, "sentence-topic")  # judged apart
        return None, ""

    @staticmethod
    def _status(clause: str, q: Quantity) -> str:
        clause = clause_words(clause, q.raw)  # an aside of another figure is no cue for this one
        for rx, status in _STATUS_CUES:
            if rx.search(clause):
                return status
        if "estimate" in q.qualifiers:
            return "estimate"
        return "actual"

    _time = reader_time


#: the scope of the first figure of "X에서 Y로" (from X to Y): an earlier value, never the current one
EARLIER = "earlier value"
_FROM_RAW = re.compile(r"^\s?(?:에서|부터)\s?(?:현재|최근|올해|지금)?\s?(?:약\s?)?[$\\]*[\d,.]+")

_ONE_COUNT_ITEM = {("count-item", "sentence-topic"), ("count-per-system", "sentence-topic"), ("count-per-system", "clause-topic")}
_PAREN_GAP = re.compile(r"\s?(?:[가-힣]{1,3}\s?)?")
_COMPOUND_GAP = re.compile(r"[”’\"']?\s?(?:(?:시스템|스마트\s?글라스|글라스|서버|랙|차량|기기)[”’\"']?\s)?(?:\([^)]{0,20}\)\s?)?(?:(?:(?:19|20)\d{2}년?|FY\d{2,4}|[1-4]Q\d{2}|[1-4]분기|올해|작년|연간|전체|총|누적)\s?)*")
