"""A table's status from what the table is: a model, an announcement of plans, a table of expectations.

Read once per table by :mod:`petaflop.extract.status_context` (which only ever changes "actual"):

* **A model table** holds estimates: a table whose caption or notes reckon on assumptions (추산, 가정,
  가상의) or compare a modelled total cost of ownership (총소유비용 비교, TCO 계산), one with a numbered, lettered or Roman-numbered section of assumptions or calculations
  ("E. 주요 재무 가정", "II. 계산"), one whose cells are formulas over its own items ("항목 4*항목 5"),
  and a table that continues such a table (same header, no caption of its own).
* **An announcement of plans**: a table whose caption says its rows were announced (발표된/발표한)
  or agreed (약속, 투자 계약, 거래 계약) lists what is to be built: its capacities and counts are
  ``planned``. So is its money in a column of investment amounts (투자액) of an announced table, or in
  any cell of a table of pledges (약속): a pledged sum is the truthy ``plannedAmountUSD`` /
  ``plannedCapexUSD``, never the ``amountUSD`` of what was paid. Other money of an announced table is
  left as read (a table describing an announced cluster cites what an investor has paid), and so is
  the money of a table of agreements (계약): it mixes pledges with signed sales, which are not plans (but a row it names an investment, "대미 투자", is money to be invested).
  (계약 alone is not read: "계약 전력" is contracted power, a measure of what is in place.)
* **A column of estimates**: a column label with 추정 or an E-suffixed period (Q4'25E, 2025E), or one
  naming money to be won ("총 매출 기회": an opportunity is reckoned), makes its figures ``estimate`` — read from the label's words, so it also overrides a ``forecast`` that
  was only inferred from the caption (전망) or from a period after the report's date.
* **The period of a cell**: a column of reference times ("기준 시점") dates the other cells of its row
  when its cell is one period ("2025년 Q1"); else a column label that opens with a period ("2Q25 매출", "5월 방문자 수"),
  when no other column bears the same label, dates its cells (a label repeated by a slip takes the period of
  its place among another measure's period columns: :mod:`petaflop.extract.period_columns`; a label that
  writes its period in parentheses after the measure, "점유율(2025)", dates its cells too) (a column of the figures of now, "현재 값", is
  left undated: an undated actual value is the current one, and ranks with the report's other current
  values); else a caption whose first word is a
  period already past ("2024년 중국 AI 서비스들의 …") dates every cell of a table without period columns.
* **A row of plans**: money in a row with another cell that ends in a plan (예정, 계획) or says it was
  pledged (하기로 약속), or in an announced table names the row an investment ("대미 투자"), is ``planned``; so are the capacities and counts of a row whose stage is to be
  finished later ("2028년까지 완성", "내년 상반기 완료 계획", "… 8개 동으로 완공 목표"), and its cost of building (capex).
* **A cell marked as a guess**: one figure followed by "(추정)" or "?" ("500~800W (추정)", "4,600?"), or one
  computed on an estimate ("25배 (올해 ARR 추정치 기준)"), is an ``estimate``, whatever the date of its row (a spec of a product due later is guessed, not planned).
  A date still to come in a cell that ends in "?" ("하반기 램프업?") is a ``forecast``, not a plan.
* **A row of estimates or expectations**: a row whose label says it is estimated ("Hypernova (추정)",
  "추정치", "추정 총 비용") or that has a cell that is just 추정 holds ``estimate`` figures, and so does a row
  computed from such a row's figure (a cell "$81,000 ÷ 240,000" citing the estimated row's "$81,000"); a row
  whose label opens with 예상 ("예상 가격") holds ``estimate`` figures, ``forecast`` ones when they are dated
  after the report's date.
* **A figure computed on an assumption**: in a table with a cell that assumes ("12배로 가정"), a row whose
  label applies it ("… (멀티플 적용)") holds an ``estimate``.
* **A ladder of what may come**: a table of expected items or potential charges ("해당 제품 (예상)", "잠재적으로
  부과할") whose caption says only one tier exists now ("현재 월 N 달러의 … 모델만 있지만") holds ``forecast`` figures above
  that tier; those up to it are of tiers there are.
* **A column of a thing still to come**: a column label "차세대 920C" (next generation) or "… (출시 예정)" makes
  the specs in its cells ``planned``: the chip is not out yet (its links are left to link_status.py).
* **A table of estimates**: a caption or slide title ending "(추정)" makes every figure an ``estimate``.
* **A table of expectations** (예상 in the caption: "출하량 예상"): its dated figures are ``forecast``
  for a period that has not ended by the report's date, ``estimate`` for one already past.
"""

from __future__ import annotations

import re

from foundation.periods import Period, span_of
from ingest.model import Row, Table
from ingest.quantities import REFERENCE_DATE, Quantity, find_quantities
from petaflop.extract.cell_text import cell_period, quantity_period
from petaflop.extract.period_columns import slipped_period, trailing_period
from petaflop.extract.table_per import row_per
from petaflop.extract.text_frames import status_of_words

__all__ = ["TableStatus", "table_status"]

#: Words that make a table a calculation on assumptions (가정용/가정에서 = household: not these).
ASSUMPTION = re.compile(r"추산|가정(?![용에의])|가상의"
                        r"|(?:총\s?소유\s?비용|TCO)\s?(?:\([^)]{0,8}\)\s?)?(?:비교|계산|모델)")  # a modelled cost
#: A numbered, lettered or Roman-numbered section row of assumptions or calculations in a model table.
MODEL_SECTION = re.compile(r"^\s*(?:[A-Z]|[IVX]+|\d+)\.\s.*(?:가정|계산)\s*$")
#: A cell that is a formula over the table's own items: "항목 4*항목 5", "(항목 17+항목 18)/365".
FORMULA = re.compile(r"항목\s*\d+\s*\)?\s*[-+*/×÷]")
#: A caption that announces or agrees what its rows list.
ANNOUNCED = re.compile(r"발표[된한]|약속|(?:투자|거래)\s*계약")
#: A caption or slide title that ends by calling what it lists estimated: "… 정리 (추정)".
ESTIMATED_TITLE = re.compile(r"\(\s*추정\s*\)\s*$")
#: A column label naming a thing still to come: "차세대 920C (…)", "Rubin (출시 예정)".
NEXT_GENERATION = re.compile(r"^\s*차세대\s|출시\s?예정|\(\s*예정\s*\)")
#: A caption of expectations (전망, an outlook, often mixes reported figures with projections: not read).
EXPECTED = re.compile(r"예상")
#: A table of what may come: a column of expected items ("해당 제품 (예상)") or a caption of what may be charged (잠재적).
POTENTIAL = re.compile(r"\(\s*예상\s*\)|잠재적")
#: A caption clause that says only the tier of one figure exists now: "현재 월 N 달러의 … 모델만 있지만".
ONLY_NOW = re.compile(r"현재\s[^.,;]{0,30}?만\s?(?:있|존재)")
#: A cell that states an assumption ("12배로 가정"), and a row label that applies one ("사업 가치 (멀티플 적용)").
ASSUMED_CELL = re.compile(r"(?:으로|로)\s?가정")
APPLIED_ROW = re.compile(r"적용\s*\)?\s*$")
#: A caption of pledges: its money is pledged.
PLEDGED = re.compile(r"약속")
#: A column of investment amounts: in an announced table, its money is pledged.
INVESTMENT_COLUMN = re.compile(r"투자\s*(?:액|금액)|약정")
#: A cell that says its row is to be done: "구축 예정", "건설할 계획", "투자하기로 약속".
ROW_PLAN = re.compile(r"(?:예정|계획)(?:이다|임)?\s*\.?\s*$|하기로\s?(?:약속|합의)")
#: A short cell that names the row an investment ("대미 투자", "양국 공동 투자"): in an announced table, its money is
#: to be invested (an export or a sale beside it is not).
ROW_INVESTS = re.compile(r"^\s*[^\t\d]{0,12}투자\s*$")
#: A cell that says the row's work is to be finished: "2028년까지 완성", "내년 상반기 완료 계획", "완공 예정",
#: "… 8개 동(0.9 GW)로 완공 목표"
#: (group 1: the year of a deadline, which must not be over at the report's date).
ROW_COMPLETES = re.compile(r"^\s*(?:((?:19|20)\d{2})년\s?(?:말|상반기|하반기)?\s?까지\s?(?:완성|완료|완공|준공)"
                           r"|[^\t]{0,48}(?:완성|완료|완공|준공)\s?(?:계획|예정|목표))(?:이다|임)?\s*\.?\s*$")
#: A cell that says its figure is already in place: "(7월 납품 완료)", "이미 투입" (not "완료 예정").
CELL_DONE = re.compile(r"(?:납품|설치|가동|구축|완공|투입|배치|인도|공사)\s?완료(?!\s?(?:계획|예정|목표))|이미\s?\S+")
#: A cell that is one figure the report marks as a guess: "500~800W (추정)", "4,600?".
CELL_ESTIMATED = re.compile(r"^\s*[^\d\t]{0,20}\d[\d,.~\s-]*\s?[A-Za-z%]{0,4}\s*(?:\(\s*추정\s*\)|\?)\s*$")
#: A cell whose figure is computed on an estimate, said in parentheses after it: "25배 (올해 ARR 추정치 기준)",
#: "(예상 매출 기준)", "(추산 기준)" — a figure derived from an estimate is an estimate.
CELL_ON_ESTIMATE = re.compile(r"\d[^()\t]*\([^()]*(?:추정|예상|추산|예측)(?:치|값)?\s?(?:[가-힣A-Za-z]+\s)?기준\s*\)")
#: A cell that ends in a question mark: the report guesses what it says ("하반기 램프업?").
CELL_GUESSED = re.compile(r"\?\s*$")
CELL_PLAN = re.compile(r"예정|계획|목표|할\s?것")
#: What a project or a programme is to have: counts and capacities.
PLAN_KINDS = frozenset({"powerCapacity", "gpuCount", "chipCount", "unitCount", "share", "itCapacity"})
#: What it is to spend.
MONEY_KINDS = frozenset({"amount", "capex"})


#: A row label that calls its figures estimates, and a cell that only says so.
ESTIMATE_ROW = re.compile(r"\(\s*추정\s*\)|추정치|^\s*추정\s")
#: A cell that computes its row's figure from others ("$81,000 ÷ 240,000", "1,500 × 54"), and a figure in it.
FORMULA_CELL = re.compile(r"\d[\d,.]*\s*[÷×*/]\s*\\?\$?\d")
FIGURE_TEXT = re.compile(r"\d[\d,]*(?:\.\d+)?")
ESTIMATE_CELL = re.compile(r"\s*\(?\s*추정\s*\)?\s*")
#: A row label that calls its figures forecasts.
FORECAST_ROW = re.compile(r"전망|예측|[Ff]orecast|\(F\)|가이던스|[Gg]uidance")
#: A row label of expectations: "예상 가격", "예상 출시".
EXPECTED_ROW = re.compile(r"^\s*예상\s")

#: A column label that calls its figures estimates: 추정, or a period with the analysts' E suffix (Q4'25E, 2025E);
#: or money a firm may win ("총 매출 기회", "수익 기회"): an opportunity is reckoned, not forecast.
ESTIMATE_LABEL = re.compile(r"추정|(?:'\d{2}|\d{4})E\b|(?:매출|수익)\s?기회")


#: A label or caption that opens with a period: "2Q25 매출", "5월 방문자 수", "2024년 중국 AI 서비스들의 …".
LEADING_PERIOD = re.compile(r"^\s*(?:[1-4]Q\s?\d{2}|[1-4]H\s?\d{2}|\d{4}\s*[-년]?\s*(?:Q[1-4]|[1-4]분기|상반기|하반기)?"
                            r"|\d{1,2}월)(?![\d~%])")




#: What follows a caption's leading period that dates its cells ("올해 3~5월, …", "2025년 (단위: …)").
_CAPTION_PERIOD_END = re.compile(r"\s|,|\(|$")
#: A caption whose leading date is of an event it names ("작년 12월 … 행사에서 공식 발표된 “X”"): the cells
#: describe what was announced then; their figures (totals invested, specs) do not hold at that date.
_CAPTION_EVENT = re.compile(r"(?:에서|때)\s?(?:공식\s?|처음\s?|최초\s?)?(?:발표|공개|출시|소개|선보)[가-힣]{0,2}\s")

#: A column of the change between the table's two period columns ("변동률", "증감률", "성장률").
CHANGE_BETWEEN = re.compile(r"(?:변동|증감|변화|증가|성장)(?:률|율)?(?:\s?\(%\))?")

#: A column whose figures are of the latest period of the table's period columns: a rank, a change on the
#: previous period or year (QoQ, YoY, MoM, 전분기/전년 대비).
LATEST_OF = re.compile(r"^\s*순위\s*$|QoQ|YoY|MoM|전분기\s?대비|전년\s?(?:동기\s?)?대비")


#: A first column of dates (a timeline) and the part of a month or year a bare date names.
#: A column of the reference time of each row's figures: "기준 시점", "기준 연도", "시점".
TIME_COLUMN = re.compile(r"기준\s?(?:시점|연도|일|시기)|^\s*(?:시점|연도|시기)\s*$")
DATE_LABEL = re.compile(r"날짜|일자|일시|시점|시기")
DAY_PART = re.compile(r"초|말|중순|상순|하순|중|경|전후")


class TableStatus:
    """What one table says about the status of its cells."""

    def __init__(self, table: Table, model: bool, reckoned_costs: bool = False) -> None:
        caption = " ".join(table.caption)
        self.table = table
        self.model = model
        self.reckoned_costs = reckoned_costs  # a footnote says the costs are reckoned on assumptions
        self.announced = bool(ANNOUNCED.search(caption))
        self.pledged = bool(PLEDGED.search(caption))
        self.expected = bool(EXPECTED.search(caption))
        # "… 프로젝트 정리 (추정)": a caption or slide title that calls the whole table an estimate
        self.estimated = any(ESTIMATED_TITLE.search(t) for t in (caption, table.slide_title or ""))
        self.now = _only_now(table, caption)
        self.assumes = any(ASSUMED_CELL.search(c.text) for r in table.rows for c in r.cells[1:])
        self._rows: dict[int, Row] = {}  # the first row with cells on each line, looked up once per figure
        for r in table.rows:
            if r.cells:
                self._rows.setdefault(r.line, r)

    def _row(self, line: int) -> Row | None:
        return self._rows.get(line)

    def status(self, kind: str, time: Period | None, line: int, column: int, ref: str) -> str | None:
        """The status this table gives an "actual" figure of ``kind`` in its cell (row at ``line``,
        1-based ``column``, 0 when unknown), or None."""
        if self.model or self.estimated or self.estimated_column(column) or (self.reckoned_costs and is_cost(kind)) \
                or self.cell_estimated(line, column) or self.applies_assumption(line):
            return "estimate"
        if self.beyond_now(line, column):
            return "forecast"
        if self.next_generation_column(column):
            return "planned"  # "차세대 920C | SMIC 6nm": the spec of a chip still to come  # "$2,000" in a ladder of what may be charged, above the tier that exists now
        row_status = self.row_status(line, column)
        if row_status == "target":
            return "target"  # "우선 목표 | 550k GB200 …", "장기 청사진 (≈2030)": what the row aims at
        if (row := self._row_estimate(line)) is not None:
            return "forecast" if row == "expected" and time is not None and time.end >= ref else "estimate"
        if (aimed := self.planned_money_column(kind, column)):
            return aimed  # "투자 계획 (억 달러)", "목표 금액": the money of the column is to be spent or reached
        # a row's stage to be finished: its capacities, counts and the cost of building them ("부지·건설 CAPEX | 116 | …
        # 8개 동으로 완공 목표")
        if (self.announced and kind in PLAN_KINDS) or (kind in MONEY_KINDS and self.pledged_money(column)) \
                or ((kind in PLAN_KINDS or kind == "capex") and row_status == "planned"):
            return "planned"
        if kind in MONEY_KINDS and self.row_plans(line, column):
            return "planned"
        if self.expected and time is not None:
            return "forecast" if time.end >= ref else "estimate"
        return None

    def period(self, column: int, line: int = 0) -> Period | None:
        """The period that dates a cell of the 1-based ``column`` (in the row at ``line``): its label's leading
        period (when no other column has the same label), else its row label's leading period ("1Q25 실제
        매출", "2027년 EBITDA") in a table without period columns, else the caption's leading period; None
        when none says."""
        labels = self.table.column_labels
        if (when := self._time_column_period(column, line)) is not None:
            return when
        if column > 1 and not any(LEADING_PERIOD.match(label) for label in labels) \
                and not (labels and DATE_LABEL.search(labels[0])):
            row = self._row(line)
            lead, _, rest = row.cells[0].text.partition(" ") if row is not None else ("", "", "")
            if not rest.strip() or DAY_PART.fullmatch(rest.strip()):
                lead = ""  # a bare date ("8월 초") is when an event of a timeline happened, not what a figure is of
            period = cell_period(lead) if lead and LEADING_PERIOD.fullmatch(lead) else None
            if period is not None and period.start[:2] in ("19", "20"):  # a year, not a model number (5090)
                return period
        if 0 < column <= len(labels):
            label = labels[column - 1]
            if LEADING_PERIOD.match(label):
                if labels.count(label) == 1:
                    return cell_period(label)
                return slipped_period(labels, column, LEADING_PERIOD)  # "1Q25 점유율" twice: a slip
            if labels.count(label) == 1 and (when := trailing_period(label)) is not None:
                return when  # "점유율(2025)"
        if any(LEADING_PERIOD.match(label) for label in labels):
            # a table of period columns: a cell outside them is not dated by the caption; a rank or a change
            # on the previous period (QoQ, YoY) is of the latest period the columns name
            if 0 < column <= len(labels) and LATEST_OF.search(labels[column - 1]):
                return self._latest_period(labels)
            if 0 < column <= len(labels) and CHANGE_BETWEEN.fullmatch(labels[column - 1].strip()):
                return self._span_of_columns(labels)
            return None
        caption = self.table.caption[0] if self.table.caption else ""
        q = next((q for q in find_quantities(caption) if q.kind in ("date", "period")), None)
        if q is None or caption[:q.start].strip() or not _CAPTION_PERIOD_END.match(caption[q.start + len(q.raw):]):
            return None  # "2026년에도 아직 과도기": a caption that comments on a period does not date the cells
        if _CAPTION_EVENT.search(caption, q.start + len(q.raw)):
            return None  # "<날짜> … 행사에서 공식 발표된 “X”": the date of X's announcement, not of the cells' figures
        period = quantity_period(q)
        return period if period is not None and period.end < REFERENCE_DATE.isoformat() else None

    def _time_column_period(self, column: int, line: int) -> Period | None:
        """The period the row at ``line`` names in its column of reference times ("기준 시점": "2025년 Q1"),
        for a cell of another column; None when the table has no such column or the row's cell there is not
        just one period."""
        labels = self.table.column_labels
        at = next((j for j, label in enumerate(labels, 1) if TIME_COLUMN.search(label)), 0)
        if not at or column == at or column <= 0:
            return None
        row = self._row(line)
        if row is None or len(row.cells) < at:
            return None
        text = row.cells[at - 1].text.strip()
        quantities = find_quantities(text)
        if len(quantities) != 1 or quantities[0].kind not in ("date", "period") or quantities[0].raw.strip() != text:
            return None
        return quantity_period(quantities[0])

    @staticmethod
    def _span_of_columns(labels: list[str]) -> Period | None:
        """The span from the first to the last of exactly two period columns ("2월 방문자 수", "5월 방문자
        수"): what a change between them is over."""
        periods = [p for label in labels if LEADING_PERIOD.match(label) and (p := cell_period(label)) is not None]
        return span_of(periods[0], periods[1]) if len(periods) == 2 else None

    @staticmethod
    def _latest_period(labels: list[str]) -> Period | None:
        """The latest period the period columns name, when every one of them has ended by the report's date
        (a table with projected columns ranks or compares on a period it does not say)."""
        periods = [p for label in labels if LEADING_PERIOD.match(label) and (p := cell_period(label)) is not None]
        if not periods or any(p.end >= REFERENCE_DATE.isoformat() for p in periods):
            return None
        return max(periods, key=lambda p: (p.end, p.start))

    def per(self, line: int, column: int = 0) -> str:
        """The rate a figure in the row at ``line`` is given per ("day", "chip", "developer-year"), or "":
        :func:`petaflop.extract.table_per.row_per`."""
        return row_per(self.table, line, column)

    def pledged_money(self, column: int) -> bool:
        """True when money in the 1-based ``column`` is pledged: a pledge table, or an announced table's
        column of investment amounts."""
        labels = self.table.column_labels
        return self.pledged or (self.announced and 0 < column <= len(labels)
                                and bool(INVESTMENT_COLUMN.search(labels[column - 1])))

    def planned_money_column(self, kind: str, column: int) -> str:
        """``target`` or ``planned`` when the label of the 1-based ``column`` says its money is a goal or a plan
        ("목표 금액", "완공 목표", "투자 계획", "예정 투자액"), for money kinds only; else ""."""
        labels = self.table.column_labels
        if kind not in MONEY_KINDS | {"revenue"} or not 0 < column <= len(labels):
            return ""
        said = status_of_words(labels[column - 1])
        return said if said in ("target", "planned") else ""

    def row_forecasts(self, line: int) -> bool:
        """True when the label of the row at ``line`` calls its figures forecasts (전망, 예측, guidance)."""
        row = self._row(line)
        return row is not None and bool(FORECAST_ROW.search(row.cells[0].text))

    def _row_estimate(self, line: int) -> str | None:
        """"estimated" when the row at ``line`` says its figures are estimates (its label, or a cell that is
        only 추정), "expected" when its label opens with 예상, else None."""
        row = self._row(line)
        if row is None:
            return None
        if self._estimated_row(row) or self._computed_from_estimate(row):
            return "estimated"
        return "expected" if EXPECTED_ROW.match(row.cells[0].text) else None

    @staticmethod
    def _estimated_row(row: Row) -> bool:
        """The row's label calls it estimated ("추정 총 비용", "X (추정)"), or a cell of it is just 추정."""
        return bool(ESTIMATE_ROW.search(row.cells[0].text)) or any(ESTIMATE_CELL.fullmatch(c.text) for c in row.cells)

    def _computed_from_estimate(self, row: Row) -> bool:
        """A cell of the row computes its figure from a figure of an estimated row ("샘플당 비용 | $0.34 |
        $81,000 ÷ 240,000" under "추정 총 비용 | $81,000"): what is derived from an estimate is one too."""
        operands = {_figure(f) for c in row.cells[1:] if FORMULA_CELL.search(c.text)
                    for f in FIGURE_TEXT.findall(c.text) if len(_figure(f)) >= 3}  # "× 2": no row's own figure
        if not operands:
            return False
        return any(_figure(f) in operands for other in self.table.rows if other is not row and other.cells
                   and self._estimated_row(other) for c in other.cells[1:] for f in FIGURE_TEXT.findall(c.text))

    def row_plans(self, line: int, column: int) -> bool:
        """True when another cell of the row at ``line`` says what is to be done ("구축 예정", "투자하기로
        약속") or, in an announced table, names the row an investment ("대미 투자"): the row's money is to be spent."""
        row = self._row(line)
        return row is not None and any(ROW_PLAN.search(c.text) or (self.announced and ROW_INVESTS.match(c.text))
                                       for j, c in enumerate(row.cells, 1) if j != column)

    def row_status(self, line: int, column: int) -> str:
        """What the row at ``line`` says of all that is read from its cells but the one of the 1-based ``column``:
        ``target`` when its label says it aims ("우선 목표 | …"), ``planned`` when another cell says its work is to
        be finished by a time not yet over (:meth:`row_completes`), else "". One reading for the row's figures
        (:meth:`status`: its capacities and counts) and its links (link_status.settle_link_statuses): "2028년까지
        완성 | 600MW 태양광 + ESS | 최대 40만 개 GB200" plans the solar plant and the storage as it plans the chips."""
        row = self._row(line)
        if row is not None and row.cells and status_of_words(row.cells[0].text) == "target":
            return "target"
        return "planned" if self.row_completes(line, column) else ""

    def row_completes(self, line: int, column: int) -> bool:
        """True when another cell of the row at ``line`` says the row's work is to be finished by a time not
        yet over ("2028년까지 완성", "내년 상반기 완료 계획"): the row's capacities and counts are planned."""
        row = self._row(line)
        if row is None:
            return False
        for j, cell in enumerate(row.cells, 1):
            if j != column and (m := ROW_COMPLETES.match(cell.text)) is not None \
                    and (m.group(1) is None or int(m.group(1)) >= REFERENCE_DATE.year):
                return True
        return False

    def applies_assumption(self, line: int) -> bool:
        """True when a cell of the table states an assumption ("12배로 가정") and the label of the row at ``line``
        says its figure applies one ("사업 가치 (매출 기준 멀티플 적용)"): a figure computed on the assumption."""
        row = self._row(line)
        return self.assumes and row is not None and bool(row.cells) and bool(APPLIED_ROW.search(row.cells[0].text))

    def beyond_now(self, line: int, column: int) -> bool:
        """True when the table lists what may come (:data:`POTENTIAL`), its caption says only the tier of one
        figure exists now (:data:`ONLY_NOW`), and the cell of the 1-based ``column`` in the row at ``line`` is
        one figure above it in the same unit: a tier still to come. Figures up to it are of tiers there are."""
        if self.now is None:
            return False
        found = [q for q in find_quantities(self.table.cell_text(line, column)) if q.value is not None]
        return len(found) == 1 and found[0].unit == self.now.unit and found[0].value > self.now.value

    def cell_estimated(self, line: int, column: int) -> bool:
        """True when the cell of the 1-based ``column`` in the row at ``line`` is one figure marked as a guess
        ("500~800W (추정)", "4,600?") or computed on an estimate ("25배 (올해 ARR 추정치 기준)")."""
        cell = self.table.cell_text(line, column)
        return bool(CELL_ESTIMATED.match(cell) or CELL_ON_ESTIMATE.search(cell))

    def cell_guessed(self, line: int, column: int) -> bool:
        """True when the cell of the 1-based ``column`` in the row at ``line`` ends in a question mark
        ("하반기 램프업?"): a date the report guesses."""
        return bool(CELL_GUESSED.search(self.table.cell_text(line, column)))

    def cell_done(self, line: int, column: int) -> bool:
        """True when the cell of the 1-based ``column`` in the row at ``line`` says its figure is already in
        place ("16k GB200 (7월 납품 완료)"): a column of plans (배치 계획) does not make it planned."""
        text = self.table.cell_text(line, column)
        return bool(CELL_DONE.search(text)) and not CELL_PLAN.search(text)

    def next_generation_column(self, column: int) -> bool:
        """True when the label of the 1-based ``column`` names a thing still to come ("차세대 920C", "X (출시 예정)")."""
        labels = self.table.column_labels
        return 0 < column <= len(labels) and bool(NEXT_GENERATION.search(labels[column - 1]))

    def estimated_column(self, column: int) -> bool:
        """True when the label of the 1-based ``column`` calls its figures estimates."""
        labels = self.table.column_labels
        return 0 < column <= len(labels) and bool(ESTIMATE_LABEL.search(labels[column - 1]))


def _only_now(table: Table, caption: str) -> Quantity | None:
    """The one figure a caption of a table of what may come says is the only one now ("현재 월 N 달러의 … 모델만
    있지만, … 점점 비싸질 것"), or None."""
    if not (POTENTIAL.search(caption) or any(POTENTIAL.search(label) for label in table.column_labels)):
        return None
    m = ONLY_NOW.search(caption)
    found = [q for q in find_quantities(m.group()) if q.value is not None] if m else []
    return found[0] if len(found) == 1 else None


#: Words of a cost in a footnote: "비용을 추산".
COST_WORD = re.compile(r"비용|가격|원가|단가")


def _figure(text: str) -> str:
    """A figure as written without its thousands separators ("81,000" → "81000")."""
    return text.replace(",", "")


def is_cost(kind: str) -> bool:
    """A kind of money spent or charged (a cost, a price, an outlay)."""
    return kind in MONEY_KINDS or kind.endswith(("Cost", "Price", "Opex")) or kind == "costPerMW"


#: The heading of a slide: "VI. 소버린 AI: …", "[참고] …".
_SLIDE_HEADING = re.compile(r"^(?:[IVX]+\.|\[참고\])\s")


def footnote(table: Table, lines: list[str]) -> str:
    """The one line the report writes after a table's source line and before the next slide's heading
    ("…라는 가상의 매출총이익률을 적용하여 비용을 추산"), or "" when another block follows instead."""
    if not table.source_line:
        return ""
    after = [n for n in range(table.source_line, min(len(lines), table.source_line + 8)) if lines[n].strip()]
    if not after or "\t" in lines[after[0]] or (len(after) > 1 and not _SLIDE_HEADING.match(lines[after[1]])):
        return ""  # a table row or another block, no footnote
    return lines[after[0]].strip()


def is_model_table(table: Table) -> bool:
    """True for a calculation on assumptions (its own caption, sections or formulas; not continuations)."""
    if ASSUMPTION.search(" ".join([*table.caption, *table.notes])):
        return True
    if any(row.cells and MODEL_SECTION.match(row.cells[0].text) for row in table.rows):
        return True
    return sum(1 for row in table.rows for cell in row.cells if FORMULA.search(cell.text)) >= 2


def table_status(tables: dict[str, Table], lines: list[str] | None = None) -> dict[str, TableStatus]:
    """Each table's status reading; a continuation is a model table when the table it continues is one; so
    and a table whose footnote (``lines``: the report's) says its costs are reckoned on assumptions holds
    estimated costs."""
    model = {tid: is_model_table(t) for tid, t in tables.items()}
    out: dict[str, TableStatus] = {}
    for tid, table in tables.items():
        seen, cur = set(), table
        is_model = model[tid]
        while not is_model and cur.continues and cur.continues in tables and cur.continues not in seen:
            seen.add(cur.continues)
            cur = tables[cur.continues]
            is_model = model[cur.id]
        note = footnote(table, lines) if lines else ""
        out[tid] = TableStatus(table, is_model, bool(ASSUMPTION.search(note) and COST_WORD.search(note)))
    return out


def row_groups(tables: dict[str, Table]) -> dict[tuple[str, int], int]:
    """(table id, line) of each row whose first cell is empty → the line of the row it continues, the first
    row above it whose first cell is filled ("1단계 (…) | 부지 | …" then "| AI 하드웨어 | …"): one group."""
    out: dict[tuple[str, int], int] = {}
    for tid, table in tables.items():
        head = 0
        for row in table.rows:
            if not row.cells or row.section:
                head = 0
            elif row.cells[0].column == 1 and row.cells[0].text.strip():
                head = row.line
            elif head and row.line != head:
                out[(tid, row.line)] = head
    return out
