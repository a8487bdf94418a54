"""Remarks of a key–value table read as prose: "기업 가치 | 1,830억 달러 | OpenAI 대비 40% 규모".

A key–value table's value column is read through the attribute lexicon (table_reader.py); a further
column (``비고``, a note) often compares the row's figure with a base: "OpenAI 대비 20% 정도",
"전년 대비 3배", or ranks the row's figure ("AI IaaS 시장 1위", "글로벌 4위"). Such a remark is read by the prose reader as a sentence about the row's entity
(rules ``text-cell:…``), and only its comparisons are kept — multiples, shares of a base, changes —
since the other figures a note mentions are about other things (an example, a base's own price).
A note giving the row's own percentage at another year ("2018년에는 42%였음") states the row's measure then.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from petaflop.extract.cell_text import cell_period
from petaflop.extract.gate import UNSURE

#: a remark comparing with a base, and the kinds read from it
_COMPARISON = re.compile(r"(?:대비|보다)\s?(?:[^\s,]{1,12}\s?){0,2}[\d.]+\s?(?:%|배)|(?<![\d.])\d{1,3}위(?:,|$|\s?(?:달성|차지|기록))"
                         r"|[\d.]+\s?%\s?\(?(?:YoY|MoM|QoQ|yoy)\b")  # "16% YoY": a change against the period before
_PROPORTIONS = ("multiple", "share", "relativeDifference", "growthRate", "rank")
#: a remark saying what the row's entity holds: "현재 87개 가용성 영역, 29개 region 확보" — its counted
#: things are the entity's own (``unitCount``), read as the same cell construction as a value cell's; so
#: are the things it makes: "각 task 당 300개 생성(망치질, 닦기)" (an example list in parentheses after)
#: a remark naming another thing's price per a unit: "(DoorDash 요금은 마일당 $1, 여기에 50% 할인)" — kept
#: when the price reader gives it to a named thing other than the row's (the base the row's figure is set from)
_PRICE_PER = re.compile(r"[가-힣A-Za-z]당\s?(?:\$\s?[\d.]|[\d.,]+\s?달러)")
_HOLDS = re.compile(r"\d\s?개\s?[^\d]{0,24}(?:확보|보유|운영|생성)(?:\s?중)?\.?(?:\s?\([^()]*\))?$")


#: "중국 1위이지만 2018년에는 42%였음": the row's measure at another (earlier) year, said in a remark
_EARLIER = re.compile(r"(?P<year>(?:19|20)\d{2}년)\s?(?:에는|엔|에도|에)\s?(?:약\s?)?(?P<fig>\d{1,3}(?:\.\d+)?)\s?%\s?(?:였|이었)")


def earlier_value(ex, table, r: int, cell, subject: str) -> None:
    """A remark stating a percentage at a year ("2018년에는 42%였음") gives the row's one percentage measure
    (its value cell's statement, same subject) at that year: the same reading of the row, another time."""
    m = _EARLIER.search(cell.text)
    if m is None:
        return
    row = [st for st in ex.statements if st.subject == subject and st.location.table_id == table.id
           and st.location.row == r and st.location.column != cell.column and st.unit == "%"
           and st.kind not in _PROPORTIONS]
    if len({(st.kind, st.rule) for st in row}) != 1:
        return
    year = cell_period(m.group("year"))
    ex.statements.append(replace(row[0], value=Decimal(m.group("fig")), high=None, time=year, status="actual",
                                 location=replace(row[0].location, column=cell.column), raw=m.group(0)[:60]))


def read_remark(reader, table, r: int, cell, subject: str) -> None:
    """Read one remark cell of row ``r`` about ``subject`` (the table reader's ``text`` reader does it)."""
    earlier_value(reader.ex, table, r, cell, subject)
    text = cell.text.strip()
    holds, priced = bool(_HOLDS.search(text)), bool(_PRICE_PER.search(text))
    if reader.text is None or not (_COMPARISON.search(text) or holds or priced):
        return
    ex = reader.ex
    n_st, n_facts = len(ex.statements), len(ex.facts)
    reader.text.read_cell(text, reader._loc(table, cell, r), reader.sources_of(table), subject)
    new = [st for st in ex.statements[n_st:] if st.kind in _PROPORTIONS or (holds and st.kind == "unitCount")
           or (priced and st.rule == "text-money:price" and st.subject != subject)]
    del ex.statements[n_st:], ex.facts[n_facts:]
    measure, part = _label_measure(reader, table, r), section_part(*section_label(reader, table, r, table.rows[r - 1].cells[0].text.strip()))
    new = [replace(st, scope=f"{part}; {st.scope}" if st.scope else part) if part and part not in st.scope else st
           for st in new]  # ""GR1" 휴머노이드 | … | task당 300개": GR1's (and its item's, "task 각각 N개, M개 (X, Y)")
    new = [_discounted(st, text) for st in new]
    ex.statements.extend(replace(st, metric=_measured(st.metric, measure)) if measure and st.kind in _COMPARED
                         else st for st in new)


#: "(RTX4070의 경우 시간당 0.12 달러, 여기에 70% 할인)": a discount on the figure of the clause before ("여기에")
_DISCOUNT_ON = re.compile(r"(?P<on>[^(),]{4,50}?)\s?,\s?여기에\s?(?:약\s?)?(?P<n>\d+(?:\.\d+)?)\s?%\s?할인(?![율률])")


def _discounted(st, text: str):
    """A remark's discount said on the figure before it ("X의 경우 시간당 0.12 달러, 여기에 70% 할인") names what it
    discounts in its metric ("할인 vs X의 경우 시간당 0.12 달러"), not a bare "할인" of the row's subject."""
    m = _DISCOUNT_ON.search(text.replace("\\$", "$"))
    if st.kind != "relativeDifference" or st.metric != "할인" or m is None or st.value is None \
            or abs(st.value) != abs(Decimal(m.group("n"))):
        return st
    return replace(st, metric=f"할인 vs {m.group('on').strip()}"[:60])


#: the comparisons a remark gives of the row's own figure, and a metric naming no measure ("relative vs X")
_COMPARED = frozenset(("multiple", "share", "relativeDifference", "growthRate"))
_NO_MEASURE = re.compile(r"^(?:change|(?:(?:higher|lower|relative) )?vs .*)?$")
#: a unit in brackets after a label ("매출 (억 달러)")
_LABEL_UNIT = re.compile(r"\s?[(\[][^)\]]*[)\]]\s*$")


def _label_measure(reader, table, r: int) -> str:
    """The row's label as the measure its remark compares ("직원 수 | 약 1,100명 | OpenAI 대비 20% 정도"):
    a short noun phrase of letters naming no entity; '' otherwise."""
    row = table.rows[r - 1] if 0 < r <= len(table.rows) else None
    label = _LABEL_UNIT.sub("", row.cells[0].text.strip()) if row is not None and row.cells else ""
    if not (2 <= len(label) <= 24) or re.search(r"\d", label) or not re.fullmatch(r"[가-힣A-Za-z][가-힣A-Za-z ./&·-]*", label):
        return ""
    return "" if reader.res.gaz.find_mentions(label) else label


def _measured(metric: str, measure: str) -> str:
    """"relative vs OpenAI" under "직원 수" → "직원 수 relative vs OpenAI"; a metric naming its measure is kept."""
    if not _NO_MEASURE.match(metric):
        return metric
    return measure if metric in ("", "change") else f"{measure} {metric}"[:60]


def row_label(reader, text: str, label):
    """"GB 시리즈 중 GB300 비중 | 10% | 20%" under period columns: a key cell naming the row's entity
    and, in its other words, a kind of the lexicon ("비중") labels the row's figures — the period column's
    own label says only when. Returns the label to read the cell under (the period kept), else None."""
    if label.period is None:
        return None
    mentions = reader.res.gaz.find_mentions(text)
    if not mentions:
        return None
    # "GB 시리즈 중 GB300 비중": a member's share of the group — the label without the member's name
    rest = re.sub(r"\s+", " ", text[:mentions[-1].start] + text[mentions[-1].end:]) if len(mentions) == 2 \
        and re.search(r"\s중\s", text) else text
    rest = (rest[:mentions[0].start] + " " + rest[mentions[0].end:]).strip() if len(mentions) == 1 else rest.strip()
    entry = reader.lex.value_for(rest) if re.search(r"[가-힣A-Za-z]{2,}", rest) else None
    if entry is None or entry.dimension != "percent":
        return None
    return replace(label, text=rest)


def section_part(label: str, tag: str) -> str:
    """The row's own label when it was read under a section row's (``:section``): the one part of several
    ("\"GR1\" 휴머노이드" under "각 task당 생성 비용") that its figures are of, their scope, when it names a
    thing (not a measure: "일일 총 주행 거리" is what its figure is); else ""."""
    part = label.split(" — ")[0].strip()
    return part[:60] if tag.endswith(":section") and _NAMED_PART.search(re.sub(r"\([^()]*\)", "", part)) else ""


#: a row label naming a thing (a quoted name, a Latin name: ""GR1" 휴머노이드"), not a measure ("일일 총 주행 거리")
_NAMED_PART = re.compile(r"[\"“‘'][^\"”’']{1,20}[\"”’']|(?<![A-Za-z])[A-Za-z][A-Za-z0-9-]+")


def section_label(reader, table, r: int, text: str) -> tuple[str, str]:
    """"각 task당 생성 비용" (a section row) over ""GR1" 휴머노이드 | $102": a key–value row whose label
    names no entity and no measure the lexicon knows, under a section row whose label names a measure
    and no entity, is read under both labels — the row's says which one, the section's what is measured.
    Returns the label to read the row under and the rule tag (``:section``), else the row's own label."""
    lex, res = reader.lex, reader.res
    if lex.value_for(text) is not None or lex.links_for(text) or res.entities_in(text):
        return text, ""
    above = [row for row in table.rows[:r - 1] if row.section and row.cells]
    if not above:
        return text, ""
    section = above[-1].cells[0].text.strip()
    if lex.value_for(section) is None or res.entities_in(section):
        return text, ""
    return f"{text} — {section}", ":section"


#: a section row naming one run of an experiment ("RoboCasa에서 대규모 실험", "1회 실험", "benchmark run")
_RUN = re.compile(r"실험|[Ee]xperiments?(?![A-Za-z])|(?<![A-Za-z])[Rr]uns?(?![A-Za-z-])")


def run_section(table, r: int) -> str:
    """The label of the section row over row ``r`` (1-based) when it names one experiment or run: the rows under
    it (its sample count, GPUs, hours, "추정 총 비용") measure that run, not the table's thing as a whole, so
    their figures take it as their scope ("RoboCasa에서 대규모 실험"); "" under no section or one of a category
    ("하드웨어 사양")."""
    above = [row for row in table.rows[:r - 1] if row.section and row.cells]
    text = above[-1].cells[0].text.strip() if above else ""
    return re.sub(r"\s+", " ", re.sub(r"[*†]+", "", text)).strip()[:60] if _RUN.search(text) else ""


#: A cell naming one run: "1회 실험 기준", "한 번의 실험", "single run" — not a rate over runs ("반복 실험 10회 중")
_ONE_RUN = re.compile(r"(?:(?<!\d)1\s?회|한\s?(?:번|차례))(?:의)?\s?(?:실험|run)|실험\s?1\s?회(?!\s?중)"
                      r"|[Ss]ingle\s(?:run|experiment)|[Oo]ne\s(?:run|experiment)|per\s(?:run|experiment)")


def run_row(table, r: int, text: str, tag: str) -> tuple[str, str, str]:
    """(label, rule tag, scope) of row ``r`` (1-based), its label and tag as :func:`section_label` gave them: the
    scope the run named by the section over it (:func:`run_section`); without one, the tag marked unsure when a
    cell after the label names one run ("$20,000 | 1회 실험 기준"): the row's figures are of a run no scope
    names, so they stay claims."""
    if (run := run_section(table, r)) or not any(_ONE_RUN.search(c.text.replace("실험실", ""))
                                                  for c in table.rows[r - 1].cells[1:]):
        return text, tag, run
    return text, f"{tag}:{UNSURE}", ""
