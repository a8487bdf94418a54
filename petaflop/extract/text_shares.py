"""A part's share of a whole in prose: "미국은 75%를 차지", "A는 전체 전력의 30%에 해당".

A percentage no metric word measures and no base of change or comparison governs (text_figures.py
reads those first) is a **share** when the verb right after it says the figure is a part taken, borne or
amounted to: ``N%를 차지``, ``N% 이상을 담당``, ``N%로 2위를 차지``, ``N%에 해당/달/육박/불과/그쳐/이르``. The part is the clause's topic or
subject (``A는``, ``A가``) before the figure; the whole, when the genitive right before the figure
names it (``전체 전력 공급의 27%``), goes into ``scope`` (an entity's English name, else its words).
A part whose whole is itself (the subject is the genitive) is no share. Without a marked subject
in the clause no statement is made (a figure about an earlier sentence's topic is seldom its share).
Rule ids: ``text:share-verb:<how>`` (``how``: clause-topic), one per way of finding the part.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingest.quantities import REFERENCE_DATE, Quantity
from petaflop.extract.cell_share_whole import row_share_of_whole
from petaflop.extract.compared_measure import (
    compared_measure,
    figure_measure,
    measure_before,
    opening_place,
    owner_segment,
)
from petaflop.extract.facts import Location, Statement
from petaflop.extract.figure_context import figure_context, figure_flags
from petaflop.extract.resolve import is_a
from petaflop.extract.share_whole import domain_whole
from petaflop.extract.subject_ways import NAMED_WAYS, construction_rule
from petaflop.extract.text_frames import Mention_
from petaflop.extract.text_population import population_share
from petaflop.extract.text_tokens import venue_before

#: the verb of a part right after the percentage
_PART_VERB = re.compile(r"\s?(?:이상\s?|가량\s?|정도\s?|수준\s?|이상을\s?)?(?:(?:을|를)\s?(?:차지|담당)|차지|담당|(?:으로|로)\s?\d{1,2}위(?:를|을)?\s?차지|에\s?(?:해당|달[하해했한]|육박|불과|그[쳐친치]|이르|이른))")
#: an adnominal part verb whose noun phrase names a rate or margin ("N%에 달하는 높은 조정 FCF 마진",
#: "N%에 육박하는 도입률"): the figure measures that noun, no share (a share noun, 점유율/비율/비중, is one)
_RATE_NOUN = re.compile(r"(?:(?:하|이)?(?:는|한|른|친|인|던)|(?<=[친른한]))\s(?:[가-힣A-Za-z0-9]*[가-힣A-Za-z0-9](?<![을를에로서가])\s){0,3}"
                        r"[가-힣A-Za-z]*(?:마진|이익률|[Mm]argin|(?<!점유)(?<!비)[률율])(?:을|를|이|가|은|는|의|도)?(?![가-힣])")
#: the part as the subject of its clause right after the percentage: "N%가", "N% 이상이", "N%는"
_PART_SUBJECT = re.compile(r"\s?(?:이상\s?|가량\s?|정도\s?)?(?:이|가|은|는)\s")
#: "X의 (약) N%": the words of the whole before the genitive
_WHOLE = re.compile(r"((?:[가-힣A-Za-z0-9·/\-]{1,14}\s){0,3}[가-힣A-Za-z0-9·/\-]{1,14})의\s?(?:약\s?|거의\s?|무려\s?|최대\s?|대략\s?)?$")

#: "X의 <whole> N%" (no genitive before the figure): the owner's whole is one or two bare words
_OWNED_WHOLE = re.compile(r"((?:[A-Za-z0-9·\-]{1,14}\s){0,2}[가-힣A-Za-z0-9·\-]{1,14}의\s(?:[가-힣A-Za-z]{1,8}\s)?"
                          r"(?![가-힣]*(?:은|는|이|가|을|를|에|와|과|도|로|서)\s)[가-힣A-Za-z]{1,8})\s(?:약\s?)?$")

#: "N%가 중국계 엔지니어일 정도로": the noun the part is said to be (the copula after it)
_PREDICATE_NOUN = re.compile(r"\s?(?:이상|가량|정도)?\s?(?:이|가)\s((?:[가-힣A-Za-z]{1,10}\s){0,2}[가-힣A-Za-z]{1,10}?)"
                             r"(?:일|이다|임|인|였|이었|이며|이고)(?![가-힣])")
#: "<X>(MSL)의 경우 (약) N%가": the entity (its name in parentheses after it) framed by "의 경우"
_CASE_OF = re.compile(r"(?:\s?\([^()]{1,12}\))?의\s?경우\s?,?\s?(?:약\s?|거의\s?|무려\s?)?")


class ShareReader:
    """Mixed into the text reader (``self.ex``, ``self.prefix``, ``self._status``, ``self._time``,
    ``self.default_time`` and ``self.res`` come from it)."""

    def _share(self, s: str, q: Quantity, c0: int, c1: int, mentions: list[Mention_], values: list[Quantity],
               dates: list[Quantity], loc: Location, sources: tuple[str, ...]) -> None:
        if q.kind != "percent" or q.unit != "%" or q.value is None or not 0 < q.value <= 100:
            return
        if not (pv := _PART_VERB.match(s, q.end)):
            return
        if _RATE_NOUN.match(s, pv.end()):  # "57%에 달하는 높은 조정 FCF 마진": the figure is that rate's
            return
        if re.search(r"[-−–+]\s*$", s[max(0, q.start - 2):q.start]):
            return
        if any(v is not q and q.end <= v.start < q.end + 12 and s[v.end:v.end + 1] != "위" for v in values):
            # "30%에서 40%로": a change (a rank after it, "15%로 2위를 차지", is none)
            return
        if any(v.end <= q.start and re.fullmatch(r"\s?(?:에서|부터|→|->)\s?", s[v.end:q.start]) for v in values):
            return  # "10%에서 40%를 차지하는 수준으로": the end of a change
        before = s[c0:q.start]
        whole, whole_entity = "", ""
        wm = _WHOLE.search(before)
        ws = -1
        if wm:
            at, ws = c0 + wm.end(1), c0 + wm.start(1)
            # "중국은 세계 수요의 60%": a marked part among the words opens the clause; the whole follows it
            if marked := [m for m in mentions if ws <= m.start and m.end < at and m.role in ("topic", "subject")]:
                ws = next((i + 1 for i in range(marked[-1].end, at) if s[i] == " "), at)
            ent = next((m for m in mentions if m.end == at), None)
            if ent is not None:
                whole_entity, whole = ent.entity, _english(self, ent.entity)
            else:
                whole = s[ws:at].strip()  # "서비스를 시작한 이후 시장": a time clause before the whole is no part of it
                whole = re.sub(r"^.*\S(?:을|를)\s(?:\S+\s)*?\S*(?:한|된|던)\s(?:이후|이래|후|뒤)\s", "", whole)
        if not wm:  # "세계 AI 슈퍼컴퓨터 성능에서 … 미국은 75%를 차지": the domain it is taken in (share_whole.py)
            whole = domain_whole(s, q.start, getattr(self, "previous_sentence", ""), lambda w: self.res.gaz.lookup(w) is not None)
        cands = [m for m in mentions if c0 <= m.start and m.end <= q.start and not is_a(m.type, "Person")
                 and m.entity != whole_entity and m.role in ("topic", "subject")]
        if wm:  # the part is named before its whole
            cands = [m for m in cands if m.end <= ws + 1]
        if not cands:
            return
        subject = cands[-1]
        status, time, high = figure_context(self, s, q, dates, c0, c1, values)
        self.ex.statements.append(Statement(
            subject.entity, "share", loc, f"{self.prefix}:share-verb:clause-topic", value=Decimal(q.value),
            high=Decimal(high) if high is not None else None, unit="%", status=status, time=time,
            scope=whole[:40], metric="share" + (f" of {whole}" if whole else "")[:56], **figure_flags(q),
            sources=sources, raw=s[max(0, q.start - 20):q.end + 8].strip()[:60],
        ))  # fmt: skip


    def _share_of(self, s: str, q: Quantity, c0: int, c1: int, mentions: list[Mention_], topic: Mention_ | None,
                  dates: list[Quantity], values: list[Quantity], loc: Location, sources: tuple[str, ...]) -> None:
        """The share of an entity owning the whole, else of a population no one names (text_population.py)."""
        before = len(self.ex.statements)
        self._share_of_owner(s, q, c0, c1, mentions, topic, dates, values, loc, sources)
        if len(self.ex.statements) == before:  # "미국 기업 40%가", "비디오 게임 개발자의 87%가"
            population_share(self, s, q, c0, c1, mentions, dates, values, loc, sources)
        if len(self.ex.statements) == before:  # a cell's "매출의 20~40% 사이": its row's share (cell_share_whole.py)
            row_share_of_whole(self, s, q, c0, c1, mentions, topic, dates, values, loc, sources)

    def _share_of_owner(self, s: str, q: Quantity, c0: int, c1: int, mentions: list[Mention_], topic: Mention_ | None,
                        dates: list[Quantity], values: list[Quantity], loc: Location, sources: tuple[str, ...]) -> None:
        """"ChatGPT 사용자의 95%는 무료 버전에 잔류", "엔비디아 데이터센터 매출의 40% 이상이 추론에서 발생":
        a percentage of a whole that is itself the clause's subject (``X의 N%가/는``) is a share of the
        entity owning the whole (named first in the whole's words, which go into ``metric``).
        Rule ``text:share-of:whole-owner``."""
        if q.kind != "percent" or q.unit != "%" or q.value is None or not 0 < q.value <= 100:
            return
        if not _PART_SUBJECT.match(s, q.end) or re.search(r"[-−–+]\s*$", s[max(0, q.start - 2):q.start]):
            return
        # "<X>(MSL)의 경우 40%가": the whole is the entity itself (its staff, its output)
        case = [m for m in mentions if c0 <= m.start and _CASE_OF.fullmatch(s, m.end, q.start) and not is_a(m.type, "Person")]
        wm = _WHOLE.search(s, c0, q.start)
        if case:  # "… 40%가 중국계 엔지니어일 정도로": the part is what the predicate says the share is
            owner, rest = case[-1], (f": {pm.group(1)}" if (pm := _PREDICATE_NOUN.match(s, q.end)) else "")
        elif not wm or wm.end() != q.start:  # "Anthropic의 임직원 90%는": the owner's whole, then the figure
            wm = _OWNED_WHOLE.search(s, c0, q.start)
            if not wm or wm.end() != q.start:
                return
        if not case and wm is not None:
            w0, w1 = wm.start(1), wm.end(1)
            inside = [m for m in mentions if w0 <= m.start and m.end <= w1 and not is_a(m.type, "Person")]
            # the owner opens the whole and more words follow it ("엔비디아 데이터센터 매출"): its measure's part
            if len(inside) != 1 or inside[0].start != w0 or not re.match(r"(?:의)?\s?[가-힣A-Za-z]", s[inside[0].end:w1]):
                return
            owner, rest = inside[0], re.sub(r"^의\s?", "", s[inside[0].end:w1].strip())
        status, time, high = figure_context(self, s, q, dates, c0, c1, values)
        self.ex.statements.append(Statement(
            owner.entity, "share", loc, f"{self.prefix}:share-of:whole-owner", value=Decimal(q.value),
            high=Decimal(high) if high is not None else None, unit="%", status=status, time=time,
            metric=(f"share{rest}" if rest.startswith(":") else f"share of {rest}")[:60] if rest else "share", **figure_flags(q),
            sources=sources, raw=s[max(0, q.start - 20):q.end + 8].strip()[:60],
        ))  # fmt: skip


def _english(reader, entity: str) -> str:
    try:
        return reader.res.gaz.by_id(entity).name_en
    except Exception:  # an entity a mapping created: its record carries the name
        rec = reader.ex.entities.get(entity)
        return rec.name_en if rec is not None and rec.name_en else entity


#: a cell's row as the subject of an unbased change is judged apart (a row's figure often changes another measure)
_CLAUSE_WAYS = NAMED_WAYS - {"row"}
#: a word of change right after the percentage that needs no base: the subject's own growth or fall
_OWN_CHANGE = re.compile(r"\s?(?:이상\s?|가량\s?|정도\s?|나\s?|씩\s?)?(?:의\s?(?:[가-힣]{1,5}\s)?)?(?:(?P<down>급감|감소|하락|축소|줄|떨어)|"
                         r"(?P<up>증가|성장|상승|폭증|급증|급등|확대|늘))")


#: a gain or a cut right after the percentage, with no base: "30% 향상", "10~15% 이상 향상시키고", "5%, Y에서 3%의
#: 광고 전환율 향상" (figures listed before one word of change share it); a rate ("개선율") is a measure, not this
_GAIN = re.compile(r"(?:\s?,\s?[가-힣A-Za-z]{1,10}에서\s?\d{1,3}(?:\.\d+)?\s?%)*(?P<measure>\s?(?:이상\s?|가량\s?|정도\s?|씩\s?)?"
                   r"(?:의\s?)?(?:[가-힣A-Za-z]{1,6}(?<!로)\s?){0,2}?)(?:(?P<up>향상|개선)|(?P<down>단축|절감))(?![율률])")
#: a condition the gain follows from, ending before the figure: "이 프로젝트가 완료되면 ", "도입하면 "
_CONDITION = re.compile(r"[가-힣](?:되|하|이)면\s")
#: the noun marked as topic or subject right before the figure ("생산성은 30% 향상")
_MEASURE_TOPIC = re.compile(r"(?<![가-힣A-Za-z])([가-힣]{2,6})(?:은|는)\s(?:약\s)?$")
#: between a gain and the next clause's figure that shares its subject: a comma, or the gain's verb joined by "-고"
#: ("생산성은 30% 향상되고 건조 기간은 30% 단축")
_GAIN_AND = re.compile(r"\s?,\s?|\s?(?:향상|개선|단축|절감)(?:되|하|시키|됐|했)?고,?\s")
#: a place the figure holds in, not the subject: "인스타그램에서 5%"
_SCOPE_PLACE = re.compile(r"['’”\"]?\s?에서\s")


#: what of the subject changed, named between it and the figure: "RTX 4090의 가격은 … 40% 급등" (the price's change)
_MEASURE_OF = re.compile(r"의\s?(?P<noun>[가-힣A-Za-z]{1,8}(?:\s[가-힣A-Za-z]{1,8})?)(?:은|는|이|가)\s")


#: a clause opening on what changed, the subject named elsewhere: "운영마진은 11.3%에서 20.7%로 9%p 확대"
_CLAUSE_MEASURE = re.compile(r"\s*(?:-\s)?(?P<noun>[가-힣A-Za-z]{2,8}(?:\s[가-힣A-Za-z]{1,8})?)(?:은|는|이|가)\s")


def _changed_measure(s: str, subject: Mention_, figure_start: int, c0: int = -1) -> str:
    """The measure whose change the figure gives ("가격" in "X의 가격은 … N% 급등"; "운영마진" in a clause
    opening "운영마진은 …" whose subject is named elsewhere), else "change"."""
    m = _MEASURE_OF.match(s, subject.end) if 0 <= subject.end < figure_start else None
    if m and m.end() <= figure_start:
        return m.group("noun")
    t = _CLAUSE_MEASURE.match(s, c0) if 0 <= c0 < figure_start and not c0 <= subject.start < figure_start else None
    return t.group("noun") if t and t.end() <= figure_start else "change"


def gain_after(s: str, end: int) -> bool:
    """A gain or a cut with no base right after a percentage ending at ``end`` ("3%의 광고 전환율 향상")."""
    return _GAIN.match(s, end) is not None


#: the measured noun is an outlook or guidance ("올해 매출 전망이 … 75% 급감", "가이던스를 … 20% 하향"): the change
#: revises a forecast — done, and of the outlook (its metric), not the subject's growth forecast
_OUTLOOK = re.compile(r"(전망치?|가이던스|예상치|추정치|컨센서스)\s?(?:이|가|을|를)\s")


def outlook_measure(s: str, c0: int, outlook: re.Match) -> str:
    """The outlook revised, with the measure it forecasts ("매출 전망"): up to two words before it in the clause."""
    words = s[c0:outlook.start()].split()[-2:]
    kept = [w for w in words if re.fullmatch(r"[가-힣A-Za-z]{1,8}", w) and not re.search(r"[은는이가]$|올해|내년|작년", w)]
    return " ".join([*kept, outlook.group(1)])


class ChangeReader:
    """Mixed into the text reader: "구글 클라우드는 32%의 폭발적 성장", "A의 매출은 48% 증가" — a percentage
    followed by a word of growth or fall, with no base named in its clause, is the subject's ``growthRate``
    (against its own past: the report's default). Rule ``text:change-unbased:<how>``."""

    def _change(self, s: str, q: Quantity, c0: int, c1: int, mentions: list[Mention_], topic: Mention_ | None,
                values: list[Quantity], dates: list[Quantity], loc: Location, sources: tuple[str, ...]) -> None:
        if q.kind != "percent" or q.unit not in ("%", "%p") or q.value is None or q.value <= 0:
            return
        ch = _OWN_CHANGE.match(s, q.end)
        if not ch:
            self._gain(s, q, c0, c1, mentions, topic, values, dates, loc, sources)
            return
        if any(v.end <= q.start and re.fullmatch(r"\s?(?:에서|부터|→|->)\s?", s[v.end:q.start]) for v in values):
            return
        clause_mentions = [m for m in mentions if c0 <= m.start < c1]
        subject, how = self._multiple_subject(s, q, c0, clause_mentions, topic, "", len(s) + 1)
        if subject is None:
            return
        sign = -1 if ch.group("down") or re.search(r"[-−–]\s*$", s[max(0, q.start - 2):q.start]) else 1
        status = self._status(s[c0:c1], q)
        time = self._time(q, dates, c0, c1, values) or self.default_time
        if status in ("estimate", "actual") and time is not None and time.start > REFERENCE_DATE.isoformat():
            status = "forecast"
        high = q.high if q.high is not None and q.low is not None and q.high != q.low else None
        quals = q.qualifiers
        measure = _changed_measure(s, subject, q.start, c0)  # else the words of the clause ("운영이익 141% 증가")
        if measure == "change":
            spans = [(m.start, m.end) for m in mentions]
            measure = (compared_measure(s, q.start, q.end, c0, spans) or measure_before(s, q.start, c0, spans)
                       or figure_measure(s, q.start, c0, spans, values) or measure)
        if outlook := _OUTLOOK.search(s, c0, q.start):  # "매출 전망이 … 75% 급감": the outlook was revised (a
            # done change of a forecast, its time the outlook's), not the subject's growth forecast
            measure, status = f"{outlook_measure(s, c0, outlook)} 수정 (revision)", "actual"
        low, high = sorted((sign * Decimal(q.value), sign * Decimal(high))) if high is not None else (sign * Decimal(q.value), None)
        self.ex.statements.append(Statement(
            subject.entity, "growthRate", loc, construction_rule(self.prefix, "change-unbased", how, _CLAUSE_WAYS), value=low,
            high=high, unit=q.unit, status=status, time=time,
            metric=measure, approximate="approximate" in quals or "vague" in quals,
            bound="lower" if "lowerBound" in quals else "upper" if "upperBound" in quals else "",
            sources=sources, raw=s[max(0, q.start - 20):q.end + 8].strip()[:60],  # "상위 20개 고객의 매출": their part
            scope=owner_segment(s, c0, q.start, measure, [(m.start, m.end) for m in mentions])
            or opening_place(s, c0, q.start, mentions, subject.entity),  # "독일 등 유럽 시장에서도 …": where it rose
        ))  # fmt: skip

    def _gain(self, s: str, q: Quantity, c0: int, c1: int, mentions: list[Mention_], topic: Mention_ | None,
              values: list[Quantity], dates: list[Quantity], loc: Location, sources: tuple[str, ...]) -> None:
        """"생산성은 30% 향상", "A가 X에서 5%, Y에서 3%의 전환율 향상 달성": a gain or a cut with no base is the
        subject's ``relativeDifference`` against doing without it: the unbased change's construction with a word of
        gain or cut (rule ``text:change-unbased:<how>``), only for a subject named in the clause. A name the figure
        is given on ("Y에서 3%") scopes it: the gain of that part, not of the whole."""
        g = _GAIN.match(s, q.end)
        if not g or self.prefix != "text" or any(v.end <= q.start and re.fullmatch(r"\s?(?:에서|부터|→|->)\s?", s[v.end:q.start]) for v in values):
            return
        clause_mentions = [m for m in mentions if c0 <= m.start < c1 and not _SCOPE_PLACE.match(s, m.end)]
        last = getattr(self, "_last_gain", None)  # "A가 X에서 5%, Y에서 3%의 … 향상": the list's first figure's subject
        if last is not None and last[0] == (loc, s) and _GAIN_AND.fullmatch(s, last[1], c0) \
                and not any(m.role in ("topic", "subject") for m in clause_mentions):
            subject, how = last[2], last[3]
        else:
            subject, how = self._multiple_subject(s, q, c0, clause_mentions, topic, "", len(s) + 1)
        if subject is None or how not in (*_CLAUSE_WAYS, "sentence-topic"):
            return  # a topic carried from another sentence seldom owns an improvement (a project's, its maker's …)
        self._last_gain = ((loc, s), q.end, subject, how)
        sign = -1 if g.group("down") else 1
        status = self._status(s[c0:c1], q)
        time = self._time(q, dates, c0, c1, values) or self.default_time
        if status in ("estimate", "actual") and time is not None and time.start > REFERENCE_DATE.isoformat():
            status = "forecast"
        if cond := [m.end() for m in _CONDITION.finditer(s, c0, q.start)]:  # "X가 완료되면 생산성은 30% 향상": what would
            status, time = "forecast", self._time(q, dates, cond[-1], c1, values) or self.default_time  # follow; the
            # condition's words (its date, "…을 목표로 하는") are not the figure's
        high = q.high if q.high is not None and q.low is not None and q.high != q.low else None
        low, high = sorted((sign * Decimal(q.value), sign * Decimal(high))) if high is not None else (sign * Decimal(q.value), None)
        measure = re.sub(r"^(?:이상|가량|정도|씩|의)\s?", "", g.group("measure").strip())
        if not measure and (tm := _MEASURE_TOPIC.search(s, c0, q.start)) and not any(m.end > tm.start() for m in mentions if m.start < q.start):
            measure = tm.group(1)  # "… 완료되면 생산성은 30% 향상": the noun the clause opens on right before the figure
        self.ex.statements.append(Statement(
            subject.entity, "relativeDifference", loc, construction_rule(self.prefix, "change-unbased", how, _CLAUSE_WAYS), value=low, high=high, unit="%",
            status=status, time=time, metric=f"{'lower' if sign < 0 else 'higher'} {measure} vs without".replace("  ", " ")[:60],
            approximate="approximate" in q.qualifiers, bound="lower" if "lowerBound" in q.qualifiers else "",
            sources=sources, raw=s[max(0, q.start - 20):q.end + 8].strip()[:60],
            scope=venue_before(s, q, c0, mentions, subject),  # "인스타그램에서 5%, 페이스북에서 3%": each platform's gain
        ))  # fmt: skip
