"""Money in prose, read by the words that say what the money is: a price named beside a product
("SuperGrok Heavy(월 $300)", "FSD 구독료 월 99달러", "<model> - $60/백만 토큰", "연간 N달러 가치의 <product>"), a capex figure
("2025년 CAPEX 가이던스 660억~720억 달러"), a firm's own spending ("N 달러 투자 예정": its capex) and
money a firm raises ("총 N 달러 유치", "N 달러를 대출받고").

Each family of constructions is one rule (``text-money:price`` for a price beside the priced thing's
name, ``text-money:capex`` for a firm's capex however the prose names it, ``text-money:raised``,
``text-money:results`` for revenue and profit named by the word before them, ``text-money:listed`` for other measures a list item inherits) so the precision gate judges it alone. A goal,
a plan or a guidance is never read as a current value: its status is target, planned or forecast.
Mixed into the TextReader, whose sentence loop calls :meth:`MoneyFrames._money` before the generic
value reader; a figure read here is consumed (the generic reader does not read it again).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from foundation.periods import Period
from ingest.date_periods import figure_period
from ingest.quantities import REFERENCE_DATE, Quantity
from petaflop.extract.facts import Location, Statement
from petaflop.extract.figure_time import framed
from petaflop.extract.resolve import is_a
from petaflop.extract.table_per import PER_WORDS
from petaflop.extract.text_frames import Mention_, clause_starts_of, status_of_words

#: "월", "연간": the period a price is paid for
_PERIOD = {"월": "month", "매월": "month", "연": "year", "연간": "year", "年": "year"}
_PERIOD_WORD = r"(?:매월|월|연간|연|年)"
#: "<name>(월 $300)": a parenthesis holding nothing but a price (and the period it is paid for)
_NAMED_PRICE_OPEN = re.compile(rf"\s?\(\s?(?:({_PERIOD_WORD})\s?)?")
_NAMED_PRICE_CLOSE = re.compile(r"\s?\)")
#: the words that make a sentence about prices (without one, "(N 달러)" may be any amount)
_PRICE_CUE = re.compile(r"가격|요금|구독|이용료|판매가|저렴|비싸|[가-힣A-Za-z]당\s")
#: "이미지당 0.039 달러": the unit a price in the same sentence is paid per
_PER_UNIT = re.compile(r"([가-힣A-Za-z]{1,6})당\s?(?:[$\\]|\d)")
_PER_WORDS = {"시간": "hour", "이미지": "image", "토큰": "token", "마일": "mile", "건": "query", "질의": "query"}
#: "<name> 구독료 월 99달러", "<name>의 가장 낮은 tier의 구독료인 월 20달러": a price noun, then the price
_PRICE_NOUN = re.compile(rf"(?:구독료|구독 요금|요금제?|이용료|판매가|가격)(?:은|는|이|가|인|을|를)?\s?(?:({_PERIOD_WORD})\s?)?(?:약\s?)?$")
#: between the priced thing's name and the price noun: a genitive and at most three short words
_PRICE_GAP = re.compile(r"['’”\"]?\s?(?:의)?(?:\s[^\s.,;:()]{1,8}){0,3}\s?")
#: "CAPEX 가이던스 660억~720억 달러": a capex figure (a guidance or an outlook is a forecast)
_CAPEX_BEFORE = re.compile(r"(?:CAPEX|[Cc]apex|설비\s?투자|자본\s?지출)\s?(가이던스|전망치?|예상치?|계획|목표)?"
                           r"\s?(?:은|는|이|가|를|을|:)?\s?(?:약\s?)?$")
#: "2029년 매출 1,000억 달러 목표", "분기 매출 10억 달러를 돌파", "매출 : 약 28.7억 달러": a revenue figure
_REVENUE_BEFORE = re.compile(r"(?<![가-힣])(?:분기\s?|연간\s?|전체\s?|총\s?|연환산\s?)?(?:매출액?|런레이트|ARR)"
                             r"\s?(가이던스|전망치?|예상치?|계획|목표|추정치?)?\s?(?:은|는|이|가|을|를|:|：)?\s?(?:약\s?)?$")
#: the marking of a firm whose capex or revenue the clause states (a bare name is the generic reader's)
_OWNER_ROLES = ("topic", "subject", "genitive")
_FROM_VALUE = re.compile(r"\s?(?:이상|이하|수준)?\s?에서")
#: "운영이익 141% 증가한 28억 달러", "순이익은 5억 달러": a profit figure (its change may stand between)
_PROFIT_BEFORE = re.compile(r"(?<![가-힣])(?:분기\s?|연간\s?)?(?:영업|운영|순)\s?이익\s?(가이던스|전망치?|예상치?|목표|추정치?)?"
                            r"(?:은|는|이|가|을|를|:|：)?"
                            r"(?:\s?[\d.,]+\s?%\s?(?:증가|감소|성장|늘어난|줄어든)한?)?\s?(?:약\s?)?$")
_CUES = (("capex", _CAPEX_BEFORE), ("revenue", _REVENUE_BEFORE), ("profit", _PROFIT_BEFORE))
#: the rule a kind's figure is read under: a firm's results (revenue, profit) are one family
_CUE_RULES = {"capex": "capex", "revenue": "results", "profit": "results"}
_CAPEX_STATUS = {"가이던스": "forecast", "전망": "forecast", "전망치": "forecast", "예상": "forecast",
                 "예상치": "forecast", "계획": "planned", "목표": "target", "추정": "estimate", "추정치": "estimate"}
#: "N 달러(를) 투자 예정": money a firm spends on its own (no investee), not money it raises
_SPEND_AFTER = re.compile(r"\s?(?:이상|가량|규모)?\s?(?:을|를)?\s?(?:추가\s?)?(?:지출에\s)?(?:투자|투입|지출)"
                          r"(?=할|하[고기는며여였]|했|한|해|\s?예정|\s?계획|\s?중|\s*$|\s?[.,)])")
#: "“하루 10억 달러”, 연간 5천억 달러": a sum, a comma, then the same spending per another period
_PER_COORD = re.compile(r"[”\"’']?\s?,\s?(?:연간|연|월|분기|하루)\s?(?:약\s?)?[$\\]*[\d,.~]+\s?(?:[십백천만억조]\s?)*(?:달러|원|위안)")
#: the period word opening the first sum ("“하루 10억 달러"), and the period it names
_PERIOD_OPENS = re.compile(r"(하루|월|분기|연간)\s?[“\"‘']?\s?(?:약\s?)?$")
_PER_OF = {"하루": "day", "월": "month", "분기": "quarter", "연간": "year"}
#: "아마존, MS, 메타, 구글은": a name closing a list of names is not the clause's one subject
_LIST_BEFORE = re.compile(r"(?:,|、|와|과|및)\s?$")
#: "데이터센터 건설에", "Anthropic에": a target of the spending (then it is that thing's, or an investment); a date ("2027년에") is none
_TARGET = re.compile(r"(?![년월일])[가-힣A-Za-z0-9)’”'\"]에(?:도)?\s")
#: "OpenAI o1 - $60/백만 토큰": a price per a unit right after a name and a dash or a colon
_NAME_DASH = re.compile(r"\s?[-–:]\s?$")
_SLASH_PER = re.compile(r"\s?/\s?([가-힣A-Za-z0-9]{1,4}(?:\s[가-힣]{1,2})?)")
#: "RTX4070의 경우 시간당 0.12 달러", "X 요금은 마일당 $1": a name (its price noun), then a price per a unit
_NAME_DANG = re.compile(r"(?:의 경우|은|는|\s(?:요금|가격|단가)(?:은|는|이|가))?,?\s?([가-힣A-Za-z0-9]{1,6})당\s?$")
_DATE_LABEL = re.compile(r"\s?[:：]\s?")
#: "이미지당 0.039 달러": a clause that opens with the unit a price is paid per (a bullet's dash before it)
_CLAUSE_DANG = re.compile(r"\s*(?:[-–•·]\s*)?([가-힣A-Za-z]{1,6})당\s?")
#: a word of price (not the bare "X당"): the sentence is about what a thing costs
_PRICE_WORD = re.compile(r"가격|요금|구독|이용료|판매가|저렴|비싸")
#: "시간당 0.03달러라는 미미한 수익": a per-unit figure named as an earning, not a price
_NOT_A_PRICE_AFTER = re.compile(r"\s?(?:라는|이라는|의)\s?(?:[가-힣]{1,4}\s)?(?:수익|매출|이익|비용)")
#: "총 10억 달러 유치", "50억 달러를 대출받고", "120억 달러 구조화 부채 조달을 추진 중": money a firm raises
_RAISED_AFTER = re.compile(r"\s?(?:이상|가량|규모)?\s?(?:을|를|의)?\s?(?:[가-힣]{1,4}\s?){0,2}?(?:자금\s?|부채\s?|투자\s?)?"
                           r"(?:유치|조달|대출\s?받|차입)")
#: "- 아마존: 1,185억 달러 / 구글: 850억 달러": a list item's figure labelled by a name and a colon
_LABEL_GAP = re.compile(r"\s?[:：]\s?(?:약\s?)?")
#: "<firm>: N 달러 (분기별 M 달러 …)": a parenthesis right after a list item's figure, opening with a period word
_PERIOD_ASIDE = re.compile(r"\s?\(\s?(분기|월|연)\s?(?:별|당|마다)\s?(?:약\s?)?")
_PERIOD_OF = {"분기": "quarter", "월": "month", "연": "year"}
#: the item's own figure before that parenthesis (its end is where the label gap is checked up to)
_LIST_FIGURE = re.compile(r"(\s?[:：]\s?(?:약\s?)?)[$\\]*[\d,.~\s]+(?:[십백천만억조]\s?)*(?:달러|원|위안|유로|엔)")
#: the measure a list's lead-in line (or, failing it, the slide title) names, inherited by its items
_LEAD_MEASURES = (
    ("capex", re.compile(r"CAPEX|[Cc]apex|설비\s?투자|자본\s?지출|투자\s?규모|(?:지출|투자)할\s?것")),
    ("revenue", re.compile(r"매출|[Rr]evenue")),
    ("valuation", re.compile(r"기업\s?가치|밸류에이션|[Vv]aluation")),
)
_NOT_PRICED = ("Place", "Person", "MarketSegment")
#: "PLTR의 적정 주가는 40달러", "TSLA 주가 시뮬레이션 … 구간은 약 376~388달러": a firm right before the
#: word for its share price, then (in the same sentence, no other name or figure between) the price
_STOCK_WORD = re.compile(r"\s?(?:의\s?)?(?:(?:(적정|목표|현재)\s?)?주가(?![가-힣]{0,1}(?:지수|상승률|하락률|수익률|변동성))"
                         r"|(목표)가(?=[는은:\s]))")
_STOCK_STATUS = {"적정": "target", "목표": "target"}
#: a claimed price is not the share price: its own metric, with the party who claims it when the sentence names it
#: right before the firm ("Citron이 말하는 PLTR의 적정 주가", "모건스탠리가 제시한 X의 목표 주가")
_STOCK_METRIC = {"적정": "fair value", "목표": "target price"}
_CLAIMANTS = ("Organization", "Source", "Person")
_CLAIMED_BY = re.compile(r"\s?(?:이|가|은|는|의)?\s(?:말하는|제시한|주장하는|보는|산정한|평가한|추정한|내놓은|책정한)\s$")
#: "N달러 가치의 <X>", "N달러짜리 <X>": a price before the priced thing, then the period it is paid for
_WORTH = re.compile(r"\s?(?:가치의|짜리|상당의)\s['‘“\"]?")
_PERIOD_BEFORE = re.compile(rf"({_PERIOD_WORD})\s?$")
_PRICED_PRODUCTS = ("AIProduct", "Hardware", "SoftwarePlatform")
_CAPEX_SUBJECTS = ("Organization",)
#: "웨이모는 450억 달러 이상의 기업가치로", "엔비디아는 … 연간 50억 달러의 런레이트": the figure, then the
#: firm's measure it is the value of (a share or a growth of that measure is another figure)
_MEASURE_AFTER = re.compile(r"\s?(?:이상|이하|수준|가량|규모)?의\s(?:연간\s?)?(?:(기업\s?가치|밸류에이션)|(?:연\s?)?매출액?|런레이트|ARR"
                            r"|(잠재적?\s?)(?:매출|수익)(?:\s?기회)?)"
                            r"(?!\s?(?:비중|성장|증가|감소|대비|점유|멀티플|배수))")
#: between a firm and its figure, a place pointed back to: "여기서", "이 분야에서", "해당 시장에서"
_POINTED_FIELD = re.compile(r"(?<![가-힣])(?:여기서|여기에서|이곳에서|(?:이|그|해당)\s?(?:분야|시장|사업|부문|영역)(?:에서|에선))(?![가-힣])")
#: "<firm>에 N 달러 이상의": the firm a potential revenue goes to (dative, right before the figure)
_TO_FIRM = re.compile(r"['’”\"]?에(?:게)?\s?(?:약\s?|최소\s?)?")
#: "… 밑돌 것으로 보이나": the words after a figure that bound it from above or below
_BOUND_AFTER = (("upper", re.compile(r"^\s?(?:을|를)?\s?밑돌")), ("lower", re.compile(r"^\s?(?:을|를)?\s?(?:웃돌|상회)")))



#: "850억 달러 (기존 750억에서 상향 조정)": the same measure's earlier figure, revised from
_EARLIER_OPEN = re.compile(r"\s?\(\s?(?:기존|당초|종전)\s?(?:약\s?)?")
_EARLIER_CLOSE = re.compile(r"\s?(?:달러|원)?\s?에서\s?(?:상향|하향|증액|감액)")


def _earlier_figure(s: str, q: Quantity, values: list[Quantity]) -> Quantity | None:
    """The figure a parenthesis right after ``q`` says ``q`` was revised from (in ``q``'s currency, its unit
    left out or the same), else None."""
    v = next((v for v in values if v.start >= q.end), None)
    if v is None or v.value is None or not _EARLIER_OPEN.fullmatch(s, q.end, v.start) or not _EARLIER_CLOSE.match(s, v.end):
        return None
    return v if v.kind == "number" or (v.kind == "money" and v.unit == q.unit) else None


#: the words of a raising that are no part of what was raised: a bound, a particle, the verb's ending
_RAISED_NOISE = re.compile(r"^\s?(?:이상|가량|규모)?\s?(?:을|를|의)?\s?|\s?받$")


def _raised_metric(words: str) -> str:
    """What money raised is, from the words after it ("를 대출받" → "대출", " 구조화 부채 조달" → "구조화 부채
    조달"; a bare "유치" or "조달" is of funds: "자금 유치")."""
    noun = _RAISED_NOISE.sub("", words).strip()
    return f"자금 {noun}" if noun in ("유치", "조달", "차입") else noun[:40]


def _spender(m: Mention_) -> bool:
    """A firm, or a group of firms ("하이퍼스케일러들은 … 투입"), spends its own money."""
    return is_a(m.type, "Organization") or is_a(m.type, "MarketSegment")

class MoneyFrames:
    """Mixin for the TextReader: money read by the words that name it (see the module docstring)."""

    ex: object
    consumed: set[int]
    _after: str = ""
    default_time: Period | None
    #: the line a nested list item hangs from and the slide's title (set by the pipeline per block)
    lead_in: tuple[str, str] = ("", "")

    def _money(self, s: str, mentions: list[Mention_], values: list[Quantity], dates: list[Quantity],
               topic: Mention_ | None, loc: Location, sources: tuple[str, ...]) -> None:
        for q in values:
            if q.kind != "money" or q.start in self.consumed or q.value is None:
                continue
            # the words after the figure, up to the next figure, say its status
            self._after = s[q.end:min((v.start for v in values if v.start > q.start), default=len(s))]
            read = (self._named_price(s, q, mentions) or self._noun_price(s, q, mentions) or self._worth_price(s, q, mentions)
                    or self._per_price(s, q, mentions, dates) or self._carried_price(s, q, mentions, topic)
                    or self._stock_price(s, q, mentions)
                    or self._capex(s, q, mentions, dates, topic) or self._of_measure(s, q, mentions)
                    or self._own_spend(s, q, mentions, dates, topic) or self._raised(s, q, mentions, dates, topic)
                    or self._list_item(s, q, mentions))
            if read is None:
                continue
            subject, kind, rule, per, status, time, *named = read
            time = time or framed(dates, q.start) or self.default_time  # the sentence's frame, the row's date
            if status in ("estimate", "actual") and time is not None and time.start > REFERENCE_DATE.isoformat():
                status = "forecast"  # a value said to hold after the report's date is not yet actual
            high = q.high if q.high is not None and q.low is not None and q.high != q.low else None
            quals = q.qualifiers
            bound = "lower" if "lowerBound" in quals else "upper" if "upperBound" in quals else \
                next((b for b, rx in _BOUND_AFTER if rx.match(self._after)), "")
            self.ex.statements.append(Statement(  # type: ignore[attr-defined]
                subject, kind, loc, f"text-money:{rule}", value=Decimal(q.value), high=high,
                unit=q.currency or q.unit, status=status, time=time, per=per, metric=named[0] if named else "",
                approximate="approximate" in quals or "vague" in quals,
                bound=bound, sources=sources, raw=s[max(0, q.start - 20):q.end + 8].strip()[:60],
            ))  # fmt: skip
            self.consumed.add(q.start)
            if (v := _earlier_figure(s, q, values)) is not None:  # "850억 달러 (기존 750억에서 상향)"
                self.ex.statements.append(replace(self.ex.statements[-1], value=Decimal(v.value), high=None,  # type: ignore[attr-defined]
                                                  bound="", scope="earlier value",  # no longer the figure
                                                  raw=s[max(0, v.start - 20):v.end + 8].strip()[:60]))
                self.consumed.add(v.start)

    # ------------------------------------------------------------------ the constructions
    def _named_price(self, s: str, q: Quantity, mentions: list[Mention_]):
        """"SuperGrok Heavy(월 $300)", "경쟁사인 OpenAI(0.19 달러)": a price in parentheses after a name."""
        close = _NAMED_PRICE_CLOSE.match(s, q.end)
        if close is None:
            return None
        m = next((m for m in mentions if _NAMED_PRICE_OPEN.fullmatch(s, m.end, q.start)), None)
        if m is None or any(is_a(m.type, t) for t in _NOT_PRICED):
            return None
        period = _NAMED_PRICE_OPEN.fullmatch(s, m.end, q.start).group(1)  # type: ignore[union-attr]
        if not period and not _PRICE_CUE.search(s):
            return None
        return m.entity, "unitPrice", "price", _PERIOD.get(period or "", "") or _per_unit(s), \
            _words_status(self._after), None

    def _noun_price(self, s: str, q: Quantity, mentions: list[Mention_]):
        """"FSD 구독료 월 99달러로 인하": the thing named just before a price noun, then the price."""
        noun = _PRICE_NOUN.search(s, 0, q.start)
        if noun is None or noun.end() != q.start:
            return None
        before = [m for m in mentions if m.end <= noun.start()]
        m = before[-1] if before else None
        if m is None or not _PRICE_GAP.fullmatch(s, m.end, noun.start()) or any(is_a(m.type, t) for t in _NOT_PRICED):
            return None
        return m.entity, "unitPrice", "price", _PERIOD.get(noun.group(1) or "", "") or _per_unit(s), \
            _words_status(self._after), None

    def _stock_price(self, s: str, q: Quantity, mentions: list[Mention_]):
        """"PLTR의 적정 주가는 40달러", "TSLA 주가 … 가장 높은 구간은 약 376~388달러": the share price of the
        firm written right before the word 주가, the first figure after it in the sentence."""
        before = [m for m in mentions if m.end <= q.start]
        for m in reversed(before):
            word = _STOCK_WORD.match(s, m.end)
            if word is None:
                continue
            between = s[word.end():q.start]
            if not is_a(m.type, "Firm") or m is not before[-1] or re.search(r"\d|[.;]\s", between):
                return None  # another name or figure between: the price is not said of this firm
            said = word.group(1) or word.group(2) or ""
            metric = _STOCK_METRIC.get(said, "")
            if metric and (by := before[-2] if len(before) > 1 else None) and any(is_a(by.type, t) for t in _CLAIMANTS) \
                    and _CLAIMED_BY.fullmatch(s, by.end, m.start):
                metric = f"{metric} claimed by {s[by.start:by.end]}"
            return m.entity, "stockPrice", "stock-price", "", _STOCK_STATUS.get(said, "actual"), None, metric
        return None

    def _worth_price(self, s: str, q: Quantity, mentions: list[Mention_]):
        """"연간 239달러 가치의 “구글 AI Pro” 서비스": a price worth of the product named right after it."""
        worth = _WORTH.match(s, q.end)
        m = next((m for m in mentions if worth and m.start == worth.end()), None)
        if m is None or not any(is_a(m.type, t) for t in _PRICED_PRODUCTS):
            return None
        period = _PERIOD_BEFORE.search(s, 0, q.start)
        return m.entity, "unitPrice", "price", _PERIOD.get(period.group(1), "") if period else "", \
            _words_status(self._after), None

    def _per_price(self, s: str, q: Quantity, mentions: list[Mention_], dates: list[Quantity]):
        """"OpenAI o1 - $60/백만 토큰", "RTX4070의 경우 시간당 0.12 달러": a price per a unit named right
        after a thing's name is that thing's price."""
        before = [m for m in mentions if m.end <= q.start]
        m = before[-1] if before else None
        if m is None or any(is_a(m.type, t) for t in _NOT_PRICED):
            return None
        slash = _SLASH_PER.match(s, q.end)
        if slash and any(n.start == slash.start(1) for n in mentions):
            slash = None  # "1,000억 달러 / 구글: …": a list's next name, no unit the price is paid per
        if slash and _NAME_DASH.fullmatch(s, m.end, q.start):
            per = slash.group(1)
        else:
            dang = _NAME_DANG.fullmatch(s, m.end, q.start)
            if dang is None:
                return None
            per = dang.group(1)
        # "2024년 12월: OpenAI o1 - $60/백만 토큰": a timeline line's date is when the price held
        when = [d for d in dates if _DATE_LABEL.fullmatch(s, d.end, m.start)]
        return m.entity, "unitPrice", "price", PER_WORDS.get(per, _PER_WORDS.get(per, per)), \
            _words_status(self._after), figure_period(when[0]) if when else None

    def _carried_price(self, s: str, q: Quantity, mentions: list[Mention_], topic: Mention_ | None):
        """"(Gemini 2.5 Flash Image는 …). 이미지당 0.039 달러에 불과해 … 저렴": a clause opening with a price
        per a unit, naming nothing before it, in a sentence about prices, is the price of the product the
        block is about (a model or product carried from the sentence or block before; one rule with prices)."""
        if topic is None or topic.role not in ("previous", "block") or any(m.start < q.start for m in mentions) \
                or not any(is_a(topic.type, t) for t in (*_PRICED_PRODUCTS, "AIModel")):
            return None
        dang = _CLAUSE_DANG.fullmatch(s, max(c for c in clause_starts_of(s) if c <= q.start), q.start)
        if dang is None or not _PRICE_WORD.search(s) or _NOT_A_PRICE_AFTER.match(s, q.end):
            return None
        per = dang.group(1)
        return topic.entity, "unitPrice", "price", PER_WORDS.get(per, _PER_WORDS.get(per, per)), \
            _words_status(self._after), None

    def _capex(self, s: str, q: Quantity, mentions: list[Mention_], dates: list[Quantity], topic: Mention_ | None):
        """"(메타는) 2025년 CAPEX 가이던스 660억~720억 달러로 상향", "(팔란티어는) 분기 매출 10억 달러를 돌파":
        a capex or revenue figure of the firm the sentence is about; a sentence naming no firm is about
        the firm its block or its slide title names (``…:slide``, judged apart)."""
        kind, cue = next(((k, c) for k, rx in _CUES if (c := rx.search(s, 0, q.start)) and c.end() == q.start),
                         ("", None))
        if cue is None or _FROM_VALUE.match(s, q.end):
            return None  # "20억 달러 이상에서 5억 달러로": the value it moved from
        firms = [m for m in mentions if m.end <= cue.start() and is_a(m.type, "Organization")]
        if len({m.entity for m in firms}) > 1 or any(m.role not in _OWNER_ROLES for m in firms):
            return None  # several firms before the figure, or one the money goes to: whose it is is not said
        if not firms and topic is not None and topic.role == "block":
            topic = getattr(self, "slide_topic", None)  # a block before this one: the slide title's firm
        subject, how = (firms[0], "clause") if firms else (topic, "topic")
        if subject is None or not is_a(subject.type, "Organization"):
            return None
        if how == "topic" and (subject.role not in ("topic", "previous", "slide", "row")
                               or any(m.end <= cue.start() for m in mentions)):
            return None  # a carried firm, but the sentence names something else (a product) first
        when = [d for d in dates if d.end <= cue.start() and not s[d.end:cue.start()].strip(" 年년의")]
        time = figure_period(when[-1]) if when else None
        status = _CAPEX_STATUS.get(cue.group(1) or "", "") or _words_status(self._after)
        return subject.entity, kind, _CUE_RULES[kind] + (":slide" if subject.role == "slide" else ""), "", status, time

    def _of_measure(self, s: str, q: Quantity, mentions: list[Mention_]):
        """"웨이모는 450억 달러 이상의 기업가치로 …", "엔비디아는 연간 50억 달러의 런레이트": a figure
        followed by "의" and the measure it is of (a valuation, a revenue) is that measure of the one firm
        the clause marks as its topic or subject, no other name between (one rule with the firm's results).
        "엔비디아에 N 달러의 잠재적 수익 기회": a potential revenue or an opportunity is no revenue of the firm
        it goes to: an estimated amount whose metric is the report's words for it."""
        after = _MEASURE_AFTER.match(s, q.end)
        if after is None:
            return None
        c0 = max(c for c in clause_starts_of(s) if c <= q.start)
        before = [m for m in mentions if c0 <= m.start and m.end <= q.start]
        # "이 프로젝트들은 엔비디아에 N 달러의 잠재적 수익 기회를": the firm the potential revenue goes to
        to = [m for m in before if after.group(2) and _TO_FIRM.fullmatch(s, m.end, q.start)]
        if to:
            before = to
        elif len({m.entity for m in before}) != 1 or before[0].role not in ("topic", "subject"):
            return None
        if not is_a(before[0].type, "Organization"):
            return None
        status = _words_status(self._after)  # a potential revenue is reckoned, not reported or forecast
        if after.group(2):  # "잠재적 수익 기회": an opportunity, no revenue of the firm; an amount named by its words
            status = "estimate" if status in ("actual", "forecast") else status
            words = s[after.start(2):after.end()].strip()
            # what gives it: a name before the firm's in the clause ("메타의 클러스터는 엔비디아에 …"); the
            # opportunity of an unnamed giver ("이 프로젝트들은 …") reads as the firm's whole: a claim
            givers = [m for m in mentions if c0 <= m.start and m.end <= before[0].start and m.entity != before[0].entity]
            if not to or not givers:
                return before[0].entity, "amount", "results:unsure" if to else "results", "", status, None, words
            return before[0].entity, "amount", "results", "", status, None, f"{words} (from {s[givers[0].start:givers[0].end]})"[:56]
        # "엔비디아는 여기서 연간 50억 달러의 런레이트": "here" points back to a business the sentence named
        # before; read alone the figure is the firm's whole revenue: a claim
        rule = "results:unsure" if _POINTED_FIELD.search(s, before[0].end, q.start) else "results"
        return before[0].entity, "valuation" if after.group(1) else "revenue", rule, "", status, None

    def _own_spend(self, s: str, q: Quantity, mentions: list[Mention_], dates: list[Quantity],
                   topic: Mention_ | None):
        """"아마존이 2025년 1,000억 달러 투자", "(알리바바 클라우드 행) 40억 위안 이상 투자 예정": the one firm
        the clause marks (or the table row's firm) spends the money itself: its capex."""
        coord = _PER_COORD.match(s, q.end)  # "“하루 10억 달러”, 연간 5천억 달러를 투입": one spending, two periods
        if not _SPEND_AFTER.match(s, coord.end() if coord else q.end):
            return None
        per = _PER_OF.get(p.group(1), "") if coord and (p := _PERIOD_OPENS.search(s, 0, q.start)) else ""
        c0 = max(c for c in clause_starts_of(s) if c <= q.start)
        if _TARGET.search(s, c0, q.start):
            return None
        before = [m for m in mentions if c0 <= m.start and m.end <= q.start]
        firms = {m.entity for m in before if _spender(m) and m.role in ("subject", "topic")}
        listed = any(_LIST_BEFORE.search(s, 0, m.start) for m in before)
        if len(firms) == 1 and len({m.entity for m in before}) == 1 and not listed:
            subject = firms.pop()
        elif not before and topic is not None and _spender(topic) and (
                (topic.role == "row" and is_a(topic.type, "Organization")) or (topic.role == "topic" and 0 <= topic.start < c0)):
            subject = topic.entity  # the row's firm, or the sentence's own topic before the clause's comma
        else:
            return None
        when = [d for d in dates if c0 <= d.start and d.end <= q.start]
        time = figure_period(when[-1]) if len(when) == 1 else None
        return subject, "capex", "capex", per, _words_status(s[coord.end():] if coord else self._after), time

    def _raised(self, s: str, q: Quantity, mentions: list[Mention_], dates: list[Quantity], topic: Mention_ | None):
        """"Moonshot AI는 … 총 10억 달러 유치": the one firm the sentence marks as its subject raises the
        money (a firm it was raised from is marked 로부터/에서); else the firm the block is about. The one
        date of its clause before the figure ("2024년 3월 시리즈 B에서 …") is when it was raised."""
        if not _RAISED_AFTER.match(s, q.end):
            return None
        marked = {m.entity for m in mentions if m.end <= q.start and m.role in ("topic", "subject")}
        firms = {m.entity for m in mentions if m.end <= q.start and m.role in ("topic", "subject")
                 and is_a(m.type, "Organization")}
        if len(firms) == 1 and len(marked) == 1:
            subject = firms.pop()
        elif not marked and topic is not None and topic.start < 0 and is_a(topic.type, "Organization") \
                and topic.role in ("previous", "block", "row"):
            subject = topic.entity
        else:
            return None
        c0 = max(c for c in clause_starts_of(s) if c <= q.start)
        when = [d for d in dates if c0 <= d.start and d.end <= q.start]
        time = figure_period(when[0]) if len(when) == 1 and not {"lowerBound", "upperBound"} & when[0].qualifiers else None
        return subject, "amount", "raised", "", _words_status(self._after), time, _raised_metric(_RAISED_AFTER.match(s, q.end).group(0))

    def _list_item(self, s: str, q: Quantity, mentions: list[Mention_]):
        """"- 아마존: 1,185억 달러 / 구글: 850억 달러" under a line about the firms' "AI 투자 규모" (or a slide
        titled "… CAPEX"): a nested list item's "<firm>: <money>" is a value of the one measure its
        lead-in line names (else the slide title), with the lead-in's status."""
        line, title = self.lead_in
        if not line:
            return None
        before = [m for m in mentions if m.end <= q.start]
        m = before[-1] if before else None
        per, label_end = "", q.start
        if m is not None and (aside := _PERIOD_ASIDE.search(s, m.end, q.start)) and aside.end() == q.start \
                and (first := _LIST_FIGURE.fullmatch(s, m.end, aside.start())):
            # "MS: 500억 달러 (분기별 120억 달러 수준)": the item's measure again, per period
            per, label_end = _PERIOD_OF[aside.group(1)], first.end(1)
        if m is None or not is_a(m.type, "Organization") or not _LABEL_GAP.fullmatch(s, m.end, label_end):
            return None
        for text in (line, title):
            kinds = {kind for kind, rx in _LEAD_MEASURES if rx.search(text)}
            if len(kinds) > 1:
                return None
            if kinds:
                kind = kinds.pop()  # a capex item is one more phrasing of a firm's capex
                return m.entity, kind, "capex" if kind == "capex" else "listed", per, status_of_words(line) or "actual", None
        return None


def _per_unit(s: str) -> str:
    """"이미지당 0.039 달러 … OpenAI(0.19 달러)": the unit the sentence's prices are paid per."""
    found = {m.group(1) for m in _PER_UNIT.finditer(s)}
    if len(found) != 1:
        return ""
    word = found.pop()
    return _PER_WORDS.get(word, word)


def _words_status(after: str) -> str:
    """The status the words after a figure give it: "… 목표" a target, "… 고려 중" a plan."""
    clause = re.split(r"[.;]|,\s", after, maxsplit=1)[0]
    status = status_of_words(clause)
    if not status and re.search(r"고려\s?중|검토\s?중|추진\s?중", clause):
        status = "planned"
    if not status and re.search(r"것으로\s?보이|것으로\s?보임", clause):
        status = "forecast"  # "… 밑돌 것으로 보이나": a figure the writer expects, not one reported
    return status or "actual"
