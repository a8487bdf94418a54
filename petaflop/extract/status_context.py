"""A figure's status from what surrounds it, settled once after every reader has run.

The readers give each statement the status its own words carry (계획 → planned, 추정 → estimate,
a dated estimate after the report's date → forecast). Three contexts they do not see are read here,
for every statement alike:

* **What a table is** (:mod:`petaflop.extract.table_status`): a model table (assumptions, a
  calculation section, formula cells, or a continuation of one) holds estimates; a table of announced
  projects or pledged investments holds plans; a table of expectations (예상) forecasts an open period
  and estimates a past one; a column labelled 추정 or Q4'25E holds estimates; a row labelled 목표 or
  청사진 holds targets; a footnote after the source line that reckons the costs on assumptions
  ("가상의 … 비용을 추산") makes the costs estimates. The same module dates a
  table cell from its column label or caption and reads a rate (per day/month/year) from its row,
  section or caption. A table's value facts (statements only later) get the status as a qualifier.
* **A date after the report's date.** A release, launch, completion or operation date that has
  not come yet (it starts after the reference date, 2025-09-03) is ``planned``, never ``actual``.
* **A value for a time after the report's date.** An "actual" figure dated after the reference
  date is a projection: ``forecast`` for market and financial measures, ``planned`` for what a
  project or product is to have (capacity, chips, node, performance). The total of a year not over yet
  (shipments, revenue, profit of "올해", outside tables) is a ``forecast``.

* **The words of a prose figure's clause** (:mod:`petaflop.extract.prose_status`): guidance before it,
  "…할 예정/계획", "…될 것이라는", "…로 가정" after it. A figure supposed in a condition ("이용률을 78%로만
  올려도", "…할 수 있다면") is scoped ``scenario``; left ``actual`` by its words, its rule is ``unsure`` (a claim:
  a what-if's figure is none there is, and prose has no status for it; a table of scenarios states theirs).

Only "actual" is ever changed (and a "forecast" inferred from a caption or a later period: an estimate when
the column's own label says so, actual when the figure's period is over and its row label does not call it a
forecast): a status a reader read from the words is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from foundation.periods import parse_period
from ingest.date_periods import figure_period
from ingest.model import Figure, Table
from ingest.quantities import REFERENCE_DATE, find_quantities
from ontology.model import STATUSES, load_model
from petaflop.extract.facts import Extraction, Statement
from petaflop.extract.figure_context import report_year
from petaflop.extract.figure_time import BASE, with_bases
from petaflop.extract.gate import unsure
from petaflop.extract.prose_status import (
    CUMULATIVE,
    RAW_AFTER,
    RUMOUR,
    added_figure,
    cell_per,
    contracted,
    cumulative_figure,
    doubted_figure,
    estimated_caption_lines,
    in_the_making,
    names_a_cost,
    number_text,
    prose_deadline,
    prose_status,
    rumoured,
    supposed_figure,
)
from petaflop.extract.resolve import is_a
from petaflop.extract.status_words import frames_a_measure
from petaflop.extract.table_per import (
    ONE_THING_COUNTS,
    ONE_THING_TOTALS,
    PERIODS,
    cell_of,
    one_thing,
    per_before,
    per_one_thing,
)
from petaflop.extract.table_status import PLAN_KINDS, TableStatus, row_groups, table_status

__all__ = ["settle_statuses"]

#: The start of the clause before a figure: a sentence end, a semicolon, a tab between cells.
_CLAUSE_START_TEXT = re.compile(r".*(?:[.;]\s|\t)")
#: Units of a figure that is already a ratio (a share, a growth, a multiple): never a rate per time.
RATE_UNITS = frozenset({"%", "x", "%p", "bp"})
#: Date kinds of things that happen (a planned date is not yet a fact of the past).
EVENT_DATES = frozenset({"releaseDate", "launchDate", "operationDate", "completionDate", "availabilityDate",
                         "deliveryDate", "shipmentDate", "productionDate", "massProductionDate"})
#: Words that an event has happened: "출시된", "출시했다", "공개됨", "완료", "가동 중", "최신 X(2025)".
_DONE = re.compile(r"(?:했|됐|되었|됨|[한된](?=\s|$)|완료|중\b|이미|최신|현재|기존)")
#: Money a firm spends in a year, and a figure of it that closes its clause with the verb of spending ("1,000억 달러 투자").
_SPENT = frozenset({"capex", "amount"})
_SPENDS = re.compile(r"\d\s?(?:[억조만]\s?)?(?:달러|원|위안|엔|유로)\s?(?:을|를)?\s?(?:투자|투입|지출)(?:\s*$|\s*[.,;])")
#: What a year adds up to (shipped, sold, earned): the total of a year not over is a projection.
_YEAR_FLOWS = frozenset({"shipments", "revenue", "profit"})
#: A total already reached: "누적 판매량은 200만 대 돌파", "매출 10억 달러 달성" (no projection of the year).
_REACHED = re.compile(r"누적|돌파|달성|넘어섰|넘었")
#: Words of a forecast said in a figure's own text (not inferred from its date).
_SAID = re.compile(r"예상|전망|예측|것으로|것이라")
#: Measures of markets and finances: a future figure of these is a forecast, not a plan.
FORECAST_KINDS = frozenset({"revenue", "profit", "marketShare", "marketSize", "shipments", "growthRate", "share",
                            "valuation", "marketCap", "grossMargin", "operatingMargin", "userCount", "unitPrice",
                            "amount", "quantity", "multiple"})


#: what a thing has, counted or sized: an addition to it is scoped as one ("55만개 … 추가 투입")
ADDED_KINDS = frozenset({"gpuCount", "chipCount", "cpuCount", "rackCount", "unitCount", "buildingCount",
                         "a100EquivalentCount", "h100EquivalentCount", "powerCapacity", "userCount", "customerCount"})


def settle_statuses(tables: Iterable[Table], ex: Extraction, lines: list[str] | None = None,
                    figures: Iterable[Figure] = ()) -> int:
    """Re-read the status of every "actual" statement in its context; returns how many changed (a figure
    on a caption line of a chart titled "… (추정)" or of a model table is an estimate: :func:`estimated_caption_lines`).

    A value fact of a table (one that becomes a statement later) gets the table's status as a
    qualifier, which the statement takes when its own words gave none."""
    ref = REFERENCE_DATE.isoformat()
    by_id = {t.id: t for t in tables}
    by_table = table_status(by_id, lines)
    ex.row_groups.update(row_groups(by_id))  # the rows one first cell heads (statements.same_figure_same_status)
    changed = 0
    cited = _cited_in_models(ex, by_table)
    models = [t.table for t in by_table.values() if t.model]
    estimated = estimated_caption_lines(figures, models, lines) if lines else set()
    reckoned = estimated_caption_lines((), [t.table for t in by_table.values() if t.reckoned_costs], lines) \
        if lines else set()  # the caption lines of a table whose footnote reckons its costs
    model = load_model()
    for i, st in enumerate(ex.statements):
        table = by_table.get(st.location.table_id) if st.location.table_id else None
        if table is None and not st.scope and st.kind in ADDED_KINDS and lines and 0 < st.location.line_start <= len(lines) \
                and added_figure(lines[st.location.line_start - 1], st.raw):
            ex.statements[i] = st = replace(st, scope="addition")  # "… 추가 투입될 예정": not what there is in all
        if table is None and not st.scope and st.unit not in RATE_UNITS and st.value is not None and lines \
                and 0 < st.location.line_start <= len(lines) and cumulative_figure(lines[st.location.line_start - 1], st.raw):
            now = st.time is not None and st.time.text == REFERENCE_DATE.isoformat()[:4] and "올해" not in st.raw
            ex.statements[i] = st = replace(st, scope=CUMULATIVE, time=None if now else st.time)  # "현재 … 누적 판매량은 N"
        if table is not None and st.time is None and not st.kind.endswith("Date"):
            if (period := table.period(st.location.column, st.location.line_start)) is not None:
                ex.statements[i] = st = replace(st, time=period)
        if table is not None and not st.per and st.unit not in RATE_UNITS and _may_be_a_rate(st.kind):
            # a count read from a cell's prose ("현재 87개 가용성 영역" under "연간 투자 계획") is of things, not of the
            # row label's figure: a per-unit only from its own cell ("task당 100개")
            prose_count = st.kind in ONE_THING_COUNTS and st.rule.startswith("text-cell:")
            if per := (not prose_count and table.per(st.location.line_start, st.location.column)) or cell_per(st.raw) \
                    or per_before(cell_of(lines, st.location.line_start, st.location.column), st.time is None):
                ex.statements[i] = st = replace(st, per=per)
        elif table is None and not st.per and st.unit not in RATE_UNITS and _may_be_a_rate(st.kind) \
                and (per := per_before(st.raw, st.time is None)) and per.lower() not in st.kind.lower():  # rackPower: per rack
            ex.statements[i] = st = replace(st, per=per)  # "차량 한 대당 가격이 2억 원"
        if table is not None and (st.kind in ONE_THING_TOTALS or (st.kind in ONE_THING_COUNTS and st.per in PERIODS)) \
                and (per := per_one_thing(st.per, one_thing(table.table))) != st.per:
            ex.statements[i] = st = replace(st, per=per)  # "연간 매출" of a table reckoning one car's economics: per vehicle-year
        if st.per == "hour" and st.kind == "unitPrice" and (rec := ex.entities.get(st.subject)) \
                and any("Chip" in model.ancestors(t) for t in rec.types):
            ex.statements[i] = st = replace(st, per="GPU-hour")  # "L40 | 시간당 비용 $1.00": a chip rented by the hour
        if st.status == "forecast" and table is not None and table.estimated_column(st.location.column):
            ex.statements[i] = replace(st, status="estimate")
            changed += 1
        elif st.status in ("planned", "forecast") and table is not None \
                and table.cell_estimated(st.location.line_start, st.location.column):
            ex.statements[i] = replace(st, status="estimate")  # "500~800W (추정)" of a chip due next year
            changed += 1
        elif st.status == "planned" and table is not None and st.kind in EVENT_DATES \
                and table.cell_guessed(st.location.line_start, st.location.column):
            ex.statements[i] = replace(st, status="forecast")  # "하반기 램프업?": a date the table guesses
            changed += 1
        elif st.status == "planned" and table is not None and st.kind in PLAN_KINDS \
                and table.cell_done(st.location.line_start, st.location.column):
            ex.statements[i] = replace(st, status="actual")  # "16k GB200 (7월 납품 완료)" under "배치 계획"
            changed += 1
        elif st.status == "forecast" and table is not None and st.kind in PLAN_KINDS and not _SAID.search(st.raw) \
                and table.row_completes(st.location.line_start, st.location.column):
            # a capacity dated by the deadline of its stage ("2028년까지 완성"): what the stage is to have
            ex.statements[i] = replace(st, status="planned")
            changed += 1
        elif st.status in ("planned", "forecast") and table is not None \
                and table.row_status(st.location.line_start, st.location.column) == "target":
            ex.statements[i] = replace(st, status="target")  # "장기 청사진 (≈2031) | … 8 GW": the row's aim, dated
            changed += 1
        elif st.status == "forecast" and _dated_plan(st, ref, lines):
            # "2GW/년(2026년 말)로 증설": what a project is to have by a later date, which no word calls expected
            ex.statements[i] = replace(st, status="planned")
            changed += 1
        elif st.status == "forecast" and _pair_planned(ex.statements, i):
            # "… → 2GW/년(2026년 말)로 두 배 증설": the ratio of a pair has the status its later figure was given
            ex.statements[i] = replace(st, status="planned")
            changed += 1
        elif st.status == "forecast" and table is not None and st.time is not None and st.time.end < ref \
                and not st.kind.endswith("Date") and not table.row_forecasts(st.location.line_start):
            # an outlook table's caption (전망) does not make a figure of a period already over a forecast
            ex.statements[i] = replace(st, status="actual")
            changed += 1
        if not st.location.table_id and lines and 0 < st.location.line_start <= len(lines):
            ex.statements[i] = st = _disowned(ex.statements[i], lines[st.location.line_start - 1])  # as settled above
        if st.status != "actual":
            continue
        status = _status(st, ref, by_table, _before(lines, st), i in cited)
        if status == "actual" and not st.location.table_id and st.location.line_start in estimated \
                and not (st.kind == "duration" and frames_a_measure(st.raw)):  # "4년 동안의 총 비용": a frame
            status = "estimate"
        elif status == "actual" and not st.location.table_id and st.location.line_start in reckoned \
                and names_a_cost(lines[st.location.line_start - 1], st.raw, st.value):
            status = "estimate"  # "… 비용은 6배에 달하고" over a table of reckoned costs
        if status == "actual" and lines and 0 < st.location.line_start <= len(lines):
            line = lines[st.location.line_start - 1]
            if not st.location.table_id and not st.scope and supposed_figure(line, st.raw):
                ex.statements[i] = st = replace(st, scope="scenario")  # "78%로만 올려도": a scenario's figure
                changed += 1
            # a figure read as prose in a cell ("- 55GW …이며, 연말까지 최소 60GW 예상"): the words of its cell's sentence
            in_cell = st.rule.startswith("text-cell:") and table is not None and prose_status(
                table.table.cell_text(st.location.line_start, st.location.column), st.raw, _future(st, ref))
            status = in_cell or prose_status(line, st.raw, _future(st, ref), bool(st.location.table_id)) or status
            if status == "estimate" and st.kind == "duration" and frames_a_measure(st.raw):
                status = "actual"  # "4년 동안의 총 비용은 … 추정": the cost is estimated, not the span it is over
            if status == "actual" and not st.location.table_id and _making(ex, st.subject, st.kind) \
                    and in_the_making(lines, st.location.line_start, st.raw):
                status = "planned"  # "… 캠퍼스들을 건설 중. - X의 심장은 100만 개의 … 클러스터": what it is to have
            if status == "actual" and _making(ex, st.subject, st.kind) and contracted(line, st.kind, st.value, st.unit):
                status = "planned"  # "4.5 GW 추가 계약하면서, … 총 5 GW+는 확보": capacity contracted, to be built
        if status == "actual" and st.scope == "scenario" and not st.location.table_id and st.rule != unsure(st.rule):
            st = replace(st, rule=unsure(st.rule))  # a what-if's figure ("78%로만 올려도") is none there is: a claim
            ex.statements[i] = st
            changed += 1
        if status != st.status:
            ex.statements[i] = replace(st, status=status)
            changed += 1
    if lines:
        changed += _inherit_in_parens(ex, lines)
        _date_deadlines(ex, lines)
        _date_spans(ex, lines)
        _date_parts(ex, lines)
        _date_guidance(ex, lines)
        _inherit_in_parens(ex, lines, times=True)  # the head's time, once the guidance is dated
    return changed + _settle_table_facts(ex, by_table, ref) + (_settle_claim_facts(ex, lines, ref) if lines else 0)


def _disowned(st: Statement, line: str) -> Statement:
    """A prose figure the report questions ("… 데이터(72%)부터 진위가 불분명") or attributes to a rumour it says was
    denied ("8월에 출시될 것이라는 … 루머에 … 정정보도") is an ``estimate`` whose rule is :func:`unsure` (never
    asserted); an undenied rumour's figure is an ``estimate``."""
    said = rumoured(line, st.raw)
    if not said and not doubted_figure(line, st.raw):
        return st
    return replace(st, status="estimate", rule=st.rule if said == RUMOUR else unsure(st.rule))


#: The end of a head figure right before a parenthesis: a digit or a unit word ("1,185억 달러 (전년 대비 …").
_HEAD_END = re.compile(r"(?:\d|달러|원|위안|엔|유로|[GMk]W|GWh|TWh|개|명|대|건)\s*$")


def _inherit_in_parens(ex: Extraction, lines: list[str], times: bool = False) -> int:
    """A growth rate in parentheses right after a prose figure ("1,185억 달러 (전년 대비 40% 증가)") is of
    that figure: it takes the head figure's status when the head is no actual (a guided capex grows as guided);
    with ``times``, an undated growth rate takes the head's time (the year's capex grew 40%)."""
    by_line: dict[int, list[int]] = {}
    for i, st in enumerate(ex.statements):
        if not st.location.table_id and st.raw and not st.kind.endswith("Date"):
            by_line.setdefault(st.location.line_start, []).append(i)
    changed = 0
    for n, idxs in by_line.items():
        line = _line(lines, n).replace("\\$", "$")
        spans = {i: (at, at + len(ex.statements[i].raw)) for i in idxs
                 if (at := line.find(ex.statements[i].raw)) >= 0 and line.count(ex.statements[i].raw) == 1}
        for i, (at, _) in spans.items():
            st = ex.statements[i]
            if st.kind != "growthRate" or (st.time is not None if times else st.status != "actual"):
                continue
            number = number_text(abs(st.value)) if st.value is not None else ""
            found = [m.start() for m in re.finditer(rf"(?<![\d.,]){re.escape(number)}\s?%", st.raw)] if number else []
            if len(found) != 1:
                continue
            fig = at + found[0]
            opening = line.rfind("(", 0, fig)
            if opening < 0 or ")" in line[opening:fig] or not _HEAD_END.search(line[:opening]):
                continue
            heads = {ex.statements[j].time if times else ex.statements[j].status for j, (a, e) in spans.items()
                     if j != i and a < opening < e and ex.statements[j].kind != "growthRate"}
            if times and len(heads) == 1 and (time := heads.pop()) is not None:
                ex.statements[i] = replace(st, time=time)
            elif not times and len(heads) == 1 and (status := heads.pop()) != "actual":
                ex.statements[i] = replace(st, status=status)
                changed += 1
    return changed


def _before(lines: list[str] | None, st: Statement, width: int = 10) -> str:
    """The few characters of the statement's line right before its words."""
    line = _line(lines, st.location.line_start) if lines else ""
    at = line.find(st.raw) if st.raw else -1
    return line[max(0, at - width):at] if at > 0 else ""


def _line(lines: list[str], n: int) -> str:
    return lines[n - 1] if 0 < n <= len(lines) else ""


def _date_deadlines(ex: Extraction, lines: list[str]) -> None:
    """A prose plan, target or forecast without a time holds by the deadline its clause names (:func:`prose_deadline`)."""
    for i, st in enumerate(ex.statements):
        if st.status in ("planned", "target", "forecast") and st.time is None and not st.location.table_id \
                and not st.kind.endswith("Date") and (when := prose_deadline(_line(lines, st.location.line_start), st.raw)):
            ex.statements[i] = replace(st, time=when)


#: A span of years that a change "from A to B" took, before the pair: "1년 만에", "지난 2년간", "3년 동안".
_YEARS_TOOK = re.compile(r"(?:지난|최근)?\s?(\d{1,2})\s?년\s?(?:만에|간|동안|새)")


def _date_spans(ex: Extraction, lines: list[str]) -> None:
    """A prose change "from A to B" over a span of years ("지난 1년간 수율이 20%에서 40%로"), with no date of
    its own: B is of the report's year, A of the year the span began."""
    year = REFERENCE_DATE.year
    for i, st in enumerate(ex.statements):
        if st.time is not None or st.status != "actual" or st.location.table_id \
                or not st.rule.endswith((":value-from", ":value-from-to")):
            continue
        line = _line(lines, st.location.line_start)
        at = line.find(st.raw) if st.raw else -1
        if at < 0 or line.count(st.raw) > 1:
            continue
        spans = list(_YEARS_TOOK.finditer(_CLAUSE_START_TEXT.sub("", line[:at + 20])))
        if len(spans) != 1:
            continue
        back = int(spans[0].group(1)) if st.rule.endswith(":value-from") else 0
        ex.statements[i] = replace(st, time=parse_period(str(year - back)))


#: The sentence around a figure (up to a sentence end on either side).
_SENTENCE_END = re.compile(r"[.;]\s|\t")


def _dated_plan(st: Statement, ref: str, lines: list[str] | None) -> bool:
    """True for a "forecast" that only its date made one: a figure of what a project or product is to have
    (no market or financial measure, no date), dated after the report's date, whose sentence says nothing
    of an expectation (예상, 전망, …으로) — the readers call any figure of a later date a forecast."""
    if st.kind in FORECAST_KINDS or st.kind.endswith("Date") or st.time is None or st.time.start <= ref \
            or not lines or not st.raw:
        return False
    line = _line(lines, st.location.line_start).replace("\\$", "$")
    at = line.find(st.raw)
    if at < 0 or line.count(st.raw) > 1:
        return False
    start = max((m.end() for m in _SENTENCE_END.finditer(line, 0, at)), default=0)
    stop = _SENTENCE_END.search(line, at + len(st.raw))
    return not _SAID.search(line[start:stop.start() if stop else len(line)])


def _pair_planned(statements: list[Statement], i: int) -> bool:
    """True for the multiple of a from-to pair (``…:multiple-from-to``) whose pair's later figure, read
    before it at the same place and time, is now planned (``_dated_plan`` made it so)."""
    st = statements[i]
    return st.rule.endswith(":multiple-from-to") and any(
        p.location == st.location and p.rule.endswith("value-from-to") and p.time == st.time and p.status == "planned"
        for p in statements[:i])


#: A sentence that opens with a part of what the sentence before it said: "그중 미국 비중 85%", "이 중 50억 달러가".
_PART_OF_BEFORE = re.compile(r"(?:그|이)\s?중(?:에서)?\s")
#: A sentence break on a line.
_SENTENCE_BREAK = re.compile(r"[.;]\s")


def _date_parts(ex: Extraction, lines: list[str]) -> None:
    """A prose figure without a time in a sentence that opens with a part of the sentence before ("… 2025년에만
    1,220억 달러를 … 쏟아붓고 있음. 그중 미국 비중 85%"): it holds when the one date of that sentence says
    (none when that sentence names no date or several, or only a base or a deadline)."""
    for i, st in enumerate(ex.statements):
        if st.time is not None or st.location.table_id or st.kind.endswith("Date") or not st.raw:
            continue
        line = _line(lines, st.location.line_start).replace("\\$", "$")
        at = line.find(st.raw)
        if at < 0 or line.count(st.raw) > 1:
            continue
        breaks = [m.end() for m in _SENTENCE_BREAK.finditer(line, 0, at + len(st.raw) - RAW_AFTER)]
        if not breaks or not _PART_OF_BEFORE.match(line, breaks[-1]):
            continue
        before = line[breaks[-2] if len(breaks) > 1 else 0:breaks[-1]]
        dates = [q for q in with_bases(before, [q for q in find_quantities(before) if q.kind in ("date", "period")])
                 if not {"lowerBound", "upperBound", BASE} & q.qualifiers]
        if len(dates) == 1 and (when := figure_period(dates[0])) is not None:
            ex.statements[i] = replace(st, time=when)


#: Outlays a firm guides for its fiscal year: a forecast of one without a year is of the year under way.
_GUIDED = frozenset({"capex"})


def _date_guidance(ex: Extraction, lines: list[str]) -> None:
    """A prose capex forecast with no time, no per and a line that names no date ("아마존: 1,185억 달러 (전년
    대비 40% 증가)" under a guidance round-up) is the guidance of the report's year: a firm guides the outlay
    of the fiscal year under way, and one of a later year names it ("'26년에 … 지출할 것으로 예상")."""
    for i, st in enumerate(ex.statements):
        if st.kind not in _GUIDED or st.status != "forecast" or st.time is not None or st.per \
                or st.scope not in ("", "earlier value") or st.location.table_id:  # a guidance raised from: same year
            continue
        line = _line(lines, st.location.line_start)
        if line and not any(q.kind in ("date", "period") for q in find_quantities(line)):
            ex.statements[i] = replace(st, time=report_year())


def _future(st: Statement, ref: str) -> bool:
    return st.time is not None and st.time.start > ref


def _may_be_a_rate(kind: str) -> bool:
    return kind != "rank" and not kind.endswith("Date")  # a position in a ranking, a date: never per time


def _settle_table_facts(ex: Extraction, tables: dict[str, TableStatus], ref: str) -> int:
    model = load_model()
    changed = 0
    for i, f in enumerate(ex.facts):
        table = tables.get(f.location.table_id) if f.location.table_id and not f.obj_is_entity else None
        rule = model.truthy_rule(f.predicate) if table is not None and ":" not in f.predicate else None
        if table is None or rule is None:
            continue
        if not f.as_of and model.kinds[rule.kind].dimension != "date" and (period := table.period(f.location.column, f.location.line_start)):
            ex.facts[i] = f = replace(f, as_of=period.text)
        if not rule.per and rule.unit not in RATE_UNITS and _may_be_a_rate(rule.kind) and (per := table.per(f.location.line_start, f.location.column)):
            ex.facts[i] = f = replace(f, qualifiers=(*f.qualifiers, f"per:{per}"))  # the statement's per (statements.py)
        said = set(STATUSES) & set(f.qualifiers)
        if said <= {"planned", "forecast"} and table.cell_estimated(f.location.line_start, f.location.column):
            ex.facts[i] = replace(f, qualifiers=(*(q for q in f.qualifiers if q not in said), "estimate"))
            changed += 1
            continue
        if said == {"planned"} and rule.kind in PLAN_KINDS and table.cell_done(f.location.line_start, f.location.column):
            ex.facts[i] = replace(f, qualifiers=tuple(q for q in f.qualifiers if q != "planned"))
            changed += 1
            continue
        if said <= {"forecast"} and "actual" not in rule.statuses and "estimate" in rule.statuses \
                and table.estimated_column(f.location.column):
            # a property never actual ("총 매출 기회": forecast or estimate) under a label of estimates
            ex.facts[i] = replace(f, qualifiers=(*(q for q in f.qualifiers if q not in said), "estimate"))
            changed += 1
            continue
        if "actual" not in rule.statuses or said - {"forecast"}:
            continue
        if said:  # a forecast inferred from the words or the period: only the column's label overrides it
            status = "estimate" if table.estimated_column(f.location.column) else ""
        else:
            status = table.status(rule.kind, parse_period(f.as_of) if f.as_of else None, f.location.line_start,
                                  f.location.column, ref) or ""
        if status:
            ex.facts[i] = replace(f, qualifiers=(*f.qualifiers, status))
            changed += 1
    return changed


def _making(ex: Extraction, subject: object, kind: str) -> bool:
    """A facility's size (chips, capacity): what :func:`in_the_making` may plan."""
    record = ex.entities.get(str(subject))
    return record is not None and any(is_a(t, "Facility") for t in record.types) and kind.removesuffix("MW") in PLAN_KINDS


def _settle_claim_facts(ex: Extraction, lines: list[str], ref: str) -> int:
    """A value fact promoted from a claim (a statement only later) gets the status the words of its clause
    give it (:func:`prose_status`) as a qualifier, when the words of its own window gave none; a count added
    to what there is ("… 추가 투입될 예정", :func:`added_figure`) is scoped as an addition, as a statement is."""
    model = load_model()
    changed = 0
    for i, f in enumerate(ex.facts):
        if f.rule.startswith("claim:") and f.predicate.removesuffix("MW") in ADDED_KINDS and not f.obj_is_entity \
                and 0 < f.location.line_start <= len(lines) and not any(q.startswith("scope:") for q in f.qualifiers) \
                and added_figure(lines[f.location.line_start - 1], f.raw):
            ex.facts[i] = f = replace(f, qualifiers=(*f.qualifiers, "scope:addition"))  # "… 추가 투입될 예정"
        if not f.rule.startswith("claim:") or f.obj_is_entity or ":" in f.predicate or set(STATUSES) & set(f.qualifiers):
            continue
        rule = model.truthy_rule(f.predicate)
        if rule is None or "actual" not in rule.statuses or not 0 < f.location.line_start <= len(lines):
            continue
        future = bool(f.as_of) and (p := parse_period(f.as_of)) is not None and p.start > ref
        status = prose_status(lines[f.location.line_start - 1], f.raw, future)
        if not status and _making(ex, f.subject, f.predicate) and in_the_making(lines, f.location.line_start, f.raw):
            status = "planned"  # a facility in the making: its size is what it is to have
        if not status and _making(ex, f.subject, f.predicate) and contracted(lines[f.location.line_start - 1], f.predicate,
                                                                        f.obj, "MW"):
            status = "planned"  # capacity contracted ("… 추가 계약", "… 용량에 대한 계약"): to be built
        if status:
            when = None if f.as_of else prose_deadline(lines[f.location.line_start - 1], f.raw)
            ex.facts[i] = replace(f, qualifiers=(*f.qualifiers, status), as_of=when.text if when else f.as_of)
            changed += 1
    return changed


#: Rules of a prose figure whose owner is carried from the row, a topic or the slide, not named in its words.
_CARRIED = (":row", "-topic", ":slide")


def _cited_in_models(ex: Extraction, tables: dict[str, TableStatus]) -> set[int]:
    """The statements (indices) of tables that cite a figure of another owner: read in a cell's prose, their
    words name an owner ("DoorDash 요금은 마일당 $1", "현재 주력 모델인 H20($1만~$1.2만)") that none of the
    table's own figures is of — what the table's rows are (a model's assumptions, a row of expectations) is
    not said of it; in a model table, so is a figure dated in a period already over ("가나사 2024년 매출:
    약 28억 달러"), an input the model quotes."""
    own: dict[str, set[str]] = {}
    prose: list[int] = []
    for i, st in enumerate(ex.statements):
        if not st.location.table_id or st.location.table_id not in tables:
            continue
        if st.rule.startswith("text") and not st.rule.endswith(_CARRIED):
            prose.append(i)
        else:
            own.setdefault(st.location.table_id, set()).add(st.subject)
    for f in ex.facts:
        if f.location.table_id in tables and not (f.rule.startswith("text") and not f.rule.endswith(_CARRIED)):
            own.setdefault(f.location.table_id, set()).add(f.subject)
    ref = REFERENCE_DATE.isoformat()
    return {i for i in prose if ex.statements[i].subject not in own.get(ex.statements[i].location.table_id, set())
            or (tables[ex.statements[i].location.table_id].model
                and (when := ex.statements[i].time) is not None and when.end < ref)}


def _status(st: Statement, ref: str, tables: dict[str, TableStatus], before: str = "", cited: bool = False) -> str:
    """The status ``st`` takes from its table and its time (``before``: the words right before it on its line;
    ``cited``: a figure a table quotes, :func:`_cited_in_models`, whose table does not make it an estimate)."""
    table = tables.get(st.location.table_id) if st.location.table_id else None
    if table is not None and cited and not table.estimated_column(st.location.column) \
            and not table.cell_estimated(st.location.line_start, st.location.column):
        table = None
    if table is not None and (status := table.status(st.kind, st.time, st.location.line_start, st.location.column, ref)):
        return status
    # a date its table cell marks as a guess ("하반기 램프업?") is expected, not planned
    plan = "forecast" if table is not None and table.cell_guessed(st.location.line_start, st.location.column) else "planned"
    if st.kind in EVENT_DATES and st.time is not None and st.time.start <= ref <= st.time.end \
            and st.time.precision in ("year", "half", "quarter") and not _DONE.search(f"{before} {st.raw}"):
        return plan  # "2025년 하반기" for a release: the period is not over and nothing ("최신 X(2025)") says it happened
    if st.kind in _SPENT and st.time is not None and st.time.start <= ref <= st.time.end \
            and st.time.precision == "year" and _SPENDS.search(st.raw):
        return "planned"  # "A사가 2025년 1,000억 달러 투자": the year's outlay, the year not over
    if st.kind in _YEAR_FLOWS and not table and st.time is not None and st.time.start <= ref <= st.time.end \
            and st.time.precision == "year" and not st.per \
            and not (_REACHED.search(f"{before} {st.raw}") and not _SAID.search(st.raw)):
        return "forecast"  # "올해 출하량은 최소 3만 개": the total of a year not over yet is a projection
    if st.time is None or st.time.start <= ref:
        return st.status
    if st.kind in EVENT_DATES:
        return plan
    if st.kind.endswith("Date"):
        return st.status  # an effective or expiry date of a rule may lie ahead and still be stated
    return "forecast" if st.kind in FORECAST_KINDS else "planned"
