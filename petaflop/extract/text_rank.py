"""Ranks in prose: "A 앱은 앱스토어 1위 기록" — a place in a ranking the words before the figure name
(its ``scope``), of the clause's subject, of the name owning the measure ranked by ("A의 점유율도 40%로 1위"),
else of the sentence's topic (moved out of text_figures.py).

Without ranking words of its own the rank takes the ranking a figure's caption title names by its basis
("X 점수 기준 주요 모델들의 추이" over "A가 1위이나 …": ranked by X). A sentence naming no subject but
only the rivals its subject beat ("B, C 등 모든 경쟁자를 제치고 1위 달성") ranks the topic carried from
the sentence or block before: ``text:rank:carried-topic`` (the previous sentence's or the block's topic).
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingest.quantities import Quantity
from petaflop.extract.facts import Location, Statement
from petaflop.extract.resolve import is_a
from petaflop.extract.share_whole import domain_whole, ranked_whole
from petaflop.extract.subject_ways import construction_rule
from petaflop.extract.table_market_scope import market_of
from petaflop.extract.text_frames import HOW, Mention_

#: a name (genitive or bare) owning the measure word that is the clause's subject: "A의 관련 시장 점유율도"
MEASURE_AFTER_SUBJECT = re.compile(r"(?:의)?\s?(?:(?:\d{1,4}(?:년|월|분기)|[1-4]Q|올해|작년)\s?)*[가-힣A-Za-z/]{1,8}(?:\s[가-힣A-Za-z/]{1,8}){0,4}(?:은|는|이|가|도)\s")
#: a caption title opening with the basis a chart ranks by: "X 점수 기준 주요 모델들의 점수 추이" (not a time basis)
_TITLE_BASIS = re.compile(r"^((?:\S+\s){0,4}\S+)\s기준(?:으로)?\s")
_TIME_BASIS = re.compile(r"^(?:\d|월|연|연간|년|분기|일|주|현재|시점|환율)")
#: a verb of beating rivals right before the rank: "…를 제치고 1위"
_BEATEN = re.compile(r"(?:제치|따돌리|누르|앞서)고\s?$")

#: "N위" as a predicate (… 1위 달성, 1위로 등극, 2위를 차지, 1위였던), not a modifier of a noun ("2위 모델")
_RANK_END = re.compile(r"위(?:로|를|에|였|이다|임|이(?:나|지만|며)(?=[\s,])|,|\.|\)|$|\s(?:달성|차지|기록|등극|유지|올라|랭크|에\s))")
_RANKING_WORDS = re.compile(r"((?:[가-힣A-Za-z][가-힣A-Za-z0-9·/]{0,12}\s?){1,3})$")


class RankReader:
    """Mixed into the text reader: "A 앱은 앱스토어 1위 기록" — the subject's place (``rank``) in the
    ranking named by the words right before the figure (its ``scope``); without them, no statement."""

    def _rank(self, s: str, q: Quantity, c0: int, c1: int, mentions: list[Mention_], topic: Mention_ | None,
              values: list[Quantity], dates: list[Quantity], loc: Location, sources: tuple[str, ...]) -> None:
        if q.value is None or not 1 <= q.value <= 100 or q.value != int(q.value) or not _RANK_END.match(s, q.end):
            return
        if re.search(r"(?:제|약|[\d,.])\s?$", s[max(c0, q.start - 2):q.start]):
            return
        upto = q.start
        figure = next((v for v in values if v.end <= q.start and re.fullmatch(r"\s?(?:으로|로)\s?", s[v.end:q.start])), None)
        if figure is not None:  # "점유율도 40%로 1위": ranked by the measure of the figure before
            upto = figure.start
        prev_end = max([c0] + [m.end for m in mentions if m.end <= upto] + [v.end for v in values + dates if v.end <= upto])
        words = _RANKING_WORDS.search(s[prev_end:upto].rstrip())
        scope = words.group(1).strip() if words else ""
        scope = re.sub(r"^(?:은|는|이|가|도|의)\s|(?:은|는|이|가|도)$", "", scope).strip()
        topic_words = re.match(r"^(.*[가-힣A-Za-z0-9)])(?:은|는)\s", scope)
        scope = scope[topic_words.end():] if topic_words else scope  # "배터리는 점유율 전세계": the topic is not the ranking
        if not scope and figure is not None and figure.kind == "percent":
            # "중국이 15%로 2위를 차지": a place won by a share names no ranking; the share ranks it
            before = getattr(self, "previous_sentence", "") or ""  # … or the domain the sentence before names
            whole = ranked_whole(s, prev_end) or survey_market(before) or domain_whole(
                "", 0, before, lambda w: self.res.gaz.lookup(w) is not None)
            scope = f"by share of {whole}" if whole else "by share"
        beaten = bool(_BEATEN.search(s[:upto].rstrip()))
        if not scope and beaten:  # "코딩 부문에서 GPT-5-high를 제치고 1위": the place beaten in is the ranking
            scope = ranked_whole(s, upto)
        if not scope:  # "X 점수 기준 주요 모델들의 추이" over "A가 1위이나 …": the caption title's basis
            scope = caption_basis(getattr(self, "caption_title", ""))
        if not scope:
            return
        cands = [m for m in mentions if c0 <= m.start and m.end <= q.start and not is_a(m.type, "Person")
                 and m.role not in ("place", "object", "with")]
        marked = [m for m in cands if m.role in ("topic", "subject")]
        owning = [m for m in cands if m.role in ("genitive", "") and MEASURE_AFTER_SUBJECT.match(s, m.end)]
        if marked:
            subject, how = marked[-1], "clause-topic"
        elif owning:  # "A의 관련 시장 점유율도 40%로 1위"
            subject, how = owning[-1], "measure-owner"
        elif topic is not None and topic.end <= q.start and topic.role != "block" and not is_a(topic.type, "Person"):
            subject, how = topic, HOW.get(topic.role, "sentence-topic")
        elif topic is not None and topic.role == "block" and beaten and not is_a(topic.type, "Person") \
                and not any(m.entity == topic.entity for m in mentions):
            subject, how = topic, "carried-topic"  # "B, C 등 모든 경쟁자를 제치고 1위": only the rivals beaten are named
        else:
            return
        owned = re.match(r"\s?(?:의\s?)?((?:[가-힣A-Za-z0-9]+\s){0,2}" + re.escape(topic_words.group(1).split()[-1]) + r")(?:은|는)\s",
                         s[subject.end:]) if how == "measure-owner" and topic_words else None
        if owned:  # "A 배터리는 점유율 전세계 8위": A's batteries are ranked, not A
            scope = f"{owned.group(1)} {scope}"
        time = self._time(q, dates, c0, c1, values) or self.default_time
        # a subject the clause marks or owns, or the cell's row names ("1위" in a profile row): one construction
        if how == "previous-sentence-topic":  # a topic carried from before, the sentence's or the block's: one way
            how = "carried-topic"
        rule = construction_rule(self.prefix, "rank", how)  # clause-topic, measure-owner, row: text:rank:named
        self.ex.statements.append(Statement(
            subject.entity, "rank", loc, rule, value=Decimal(int(q.value)), unit="count",
            status=self._status(s[c0:c1], q), time=time, scope=scope[:40],
            sources=sources, raw=s[max(0, q.start - 20):q.end + 8].strip()[:60],
        ))  # fmt: skip


def caption_basis(title: str) -> str:
    """"Artificial Analysis(AA) Index 점수 기준 주요 모델들의 점수 추이" → "Artificial Analysis(AA) Index 점수": the
    basis a caption title opens with (what its chart ranks by), '' for a time basis ("월 기준") or none."""
    m = _TITLE_BASIS.match(title)
    if m is None or _TIME_BASIS.match(m.group(1)):
        return ""
    return m.group(1)[:40]


def survey_market(before: str) -> str:
    """The market a share ranked without its whole is of, when the sentence ``before`` names a share of one ("A의
    엔터프라이즈 시장점유율 데이터(72%)부터 … / B의 설문에 따르면, C가 32%로 1위"): its words, else ''."""
    return market_of("", [before]) if before else ""
