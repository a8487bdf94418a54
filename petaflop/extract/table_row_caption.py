"""What a caption or a row's note says about each row's product, beyond its maker (caption_maker.py).

- A caption dating the tabulated things' release — "2025년에 출시된 주요 AI 모델 관련 정리",
  "2024년 공개된 모델들" — dates the release of every model or product a row names (rule
  ``table-reader:releaseDate@caption``; the year is the caption's, and a year after the report's
  date makes the release planned).
- A row's note naming the one before it — "o1 모델의 정식 후속작", "GPT-4o의 마이너 업데이트",
  "X의 후속 모델" — says the row's product succeeds the named one, when both are of one kind
  (rule ``table-reader:succeeds@remark``).

Both are judged by the gate.
"""

from __future__ import annotations

import re

from foundation.periods import Period, parse_period, span_of
from ingest.model import Table
from ingest.quantities import REFERENCE_DATE
from petaflop.extract.caption_maker import add_made
from petaflop.extract.cell_text import cell_period
from petaflop.extract.facts import Fact, Statement
from petaflop.extract.resolve import is_a

#: "2025년에 출시된 …", "2024년 공개된 …", "2025년 출시 주요 모델": the year of the things' release
_RELEASED = re.compile(r"(?<!\d)((?:19|20)\d{2})\s?년(?:\s?(?:에|중|중에|들어))?\s(?:새로\s|새롭게\s)?"
                       r"(?:출시|공개|발표|출시\s?된|공개\s?된|발표\s?된|출시한|공개한|발표한|선보인|나온)\s")
#: the released things a caption lists
_THINGS = re.compile(r"모델|제품|칩|GPU|가속기|LLM|[Mm]odels?|[Pp]roducts?")
_RELEASED_KINDS = ("AIModel", "AIProduct", "Hardware")
#: "<X> 모델의 정식 후속작", "<X>의 마이너 업데이트", "<X>의 후속 모델": the row's thing follows X
_FOLLOWS = re.compile(r"^\s?(?:모델\s?)?의\s(?:정식\s|공식\s|직접적인\s|차세대\s)?(?:후속작|후속\s?모델|후속\s?버전|후속\s?제품|"
                      r"(?:마이너\s|메이저\s)?업데이트(?:\s?버전|판)?|개선판|업그레이드\s?버전|차기작)")
_KINDS = (("AIModel",), ("Hardware", "System"), ("ChipArchitecture",), ("AIProduct",))


def caption_release_year(table: Table):
    """The year the caption says the tabulated things were released, else None."""
    caption = table.caption[0] if table.caption else ""
    m = _RELEASED.search(caption)
    if m is None or not _THINGS.search(caption[m.end():m.end() + 30]):
        return None
    return parse_period(m.group(1))


def add_row_caption_facts(reader, table: Table, maker, subject: str, row, key: int, r: int) -> None:
    """The caption's maker (caption_maker.add_made), its release year, and a note's predecessor, for
    the row ``r`` about ``subject`` (``key``: the column naming it)."""
    kcell = row.cells[key]
    if maker is not None:
        add_made(reader, table, maker, subject, kcell, r)
    types = reader.ex.entities[subject].types
    year = caption_release_year(table)
    if year is not None and any(is_a(t, c) for t in types for c in _RELEASED_KINDS):
        status = "planned" if year.start > REFERENCE_DATE.isoformat() else "actual"
        reader.ex.statements.append(Statement(subject, "releaseDate", reader._loc(table, kcell, r),
                                              "table-reader:releaseDate@caption", time=year, status=status,
                                              sources=reader.sources_of(table), raw=table.caption[0][:60]))
    kind = next((k for k in _KINDS if any(is_a(t, c) for t in types for c in k)), None)
    if kind is None:
        return
    for j, cell in enumerate(row.cells):
        if j == key:
            continue
        for m in reader.res.gaz.find_mentions(cell.text):
            other = reader.res.gaz.by_id(m.entity_id)
            if other.id == subject or not _FOLLOWS.match(cell.text[m.end:]):
                continue
            if any(is_a(other.type, c) for c in kind):
                reader.ex.add(Fact(subject, "succeeds", reader.res.record(other), True,
                                   reader._loc(table, cell, r), "table-reader:succeeds@remark",
                                   reader.sources_of(table), raw=cell.text[:60]))
            break


#: "회사 | 지표 | 이전 시점 | 이전 값 | 현재 값 | 성장률": the columns of a metric-per-row table
_THEN_VALUE = re.compile(r"(이전|과거|기존) ?(값|수치|규모)")
_NOW_VALUE = re.compile(r"(현재|최근|최신) ?(값|수치|규모)")
#: the growth from the earlier value to the current one (read under the header, whose lexicon entry
#: is growthRate, never under the row's metric: "기업 가치 | … | 176%" is not a valuation)
_GROWTH_VALUE = re.compile(r"^(?:성장률|증가율|증감률|변화율|[Gg]rowth)(?:\s?\(%\))?$")


def metric_cell(head: str, metric: str, then_text: str | None):
    """How a metric row's cell under ``head`` is read: (label, time) — the row's metric at the earlier
    time its period cell names (:func:`then_period`), the current value (undated, as of the report), or the
    header's growth rate over the span from then to the report's date (rule ``table-reader:growthRate@…``)
    — else None."""
    then = then_period(then_text) if then_text else None
    if _THEN_VALUE.search(head):
        return metric, then
    if _NOW_VALUE.search(head):  # undated: current as of the report, like the report's undated figures
        return metric, None
    if _GROWTH_VALUE.match(head.strip()):
        return head.strip(), since(then) if then is not None else None
    return None


#: "6개월 전", "2년 전": a time before the report's date
_AGO = re.compile(r"^(\d{1,2})\s?(개월|달|년)\s?전$")


def then_period(text: str) -> Period | None:
    """The earlier time a period cell names: a date or period ("2025년 3월"), or a number of months
    or years before the report's date ("6개월 전": six months before its month)."""
    if (m := _AGO.match(text.strip())) is None:
        return cell_period(text)  # "2025년 초" stays 2025-Q1: before the current value of the same year
    n = int(m.group(1))
    if m.group(2) == "년":
        return parse_period(str(REFERENCE_DATE.year - n))
    months = REFERENCE_DATE.year * 12 + REFERENCE_DATE.month - 1 - n
    return parse_period(f"{months // 12}-{months % 12 + 1:02d}")


def since(then: Period) -> Period | None:
    """The span from ``then`` to the report's date: of months from a month ("2025-03~2025-09"), else of
    years ("2024~2025"); the report's year when ``then`` falls in it."""
    if then.precision == "month":
        return span_of(then, parse_period(REFERENCE_DATE.isoformat()[:7]))  # type: ignore[arg-type]
    year = then.start[:4]
    if int(year) >= REFERENCE_DATE.year:
        return parse_period(year) if int(year) == REFERENCE_DATE.year else None
    return span_of(parse_period(year), parse_period(str(REFERENCE_DATE.year)))  # type: ignore[arg-type]
