"""What a table's bare figures measure (table_reader.py): what a ranking ranks by (``rank_scope``), and
what a change column changes (``change_measure``).

**Ranks.** What a ranking table ranks by is the scope of the places read from its rank column.

A place ("순위 | 기업명 | 2Q25 매출 | …") means nothing without its ranking, and a caption is often a
headline sentence ("A의 점유율은 70%를 초과... B의 격차는 …") that says nothing about it. The scope is,
in order:

1. the caption's "<X> 기준" phrase: "올해 3~5월, 月방문 횟수 기준 인기있는 웹사이트" ranks by
   "月방문 횟수 기준";
2. else the header of the table's value column — its only figure column, or the first of several (the
   one a ranking is ordered by, written next to the names: "2Q25 매출"), when that header is written in
   full (not cut short as "so..."), without its unit in brackets;
3. else the caption's first line when it is a title (a noun phrase: no sentence ending, no "..."
   headline): "IOI에서 … 비교한 순위표";
4. else nothing.

**Changes.** A change column ("변동률", "QoQ(%)") after columns of one measure at two periods ("2월 방문자
수 | 5월 방문자 수 | 변동률", "2Q25 매출 | 1Q25 매출 | QoQ(%)") changes that measure: its metric, with the
span the column compares over ("매출 QoQ") and the business segment the caption or a header names ("파운드리
매출 QoQ": a foundry ranking's growth is no growth of the whole firm) — or, unnamed, that rows of three firms
running foundries or more show (``foundry_table``); such a table's revenue, shares and ranks are scoped to
the foundry business (``scope_foundry_tables``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.model import Table
from petaflop.extract.facts import Extraction
from petaflop.extract.gazetteer import Gazetteer
from petaflop.extract.node_foundry import foundry_ids

#: "<X> 기준" in a caption: up to three words before 기준, after a comma or the caption's start
_BASIS = re.compile(r"(?:^|[,，:]\s*|\s)((?:[^\s,，:]+\s){0,2}[^\s,，:]+?)\s?기준(?:으로)?(?=\s|$|[,，])")
#: words that only frame the time before a basis ("올해", "2025년", "3~5월")
_TIME_WORD = re.compile(r"^(?:올해|작년|금년|\d{2,4}년|[\d~\-]+월|[1-4]Q\d{2}|\d{2}Q[1-4]|\d{4})$")
#: a figure cell: "16.30", "30,239", "18.5%", "-1.7%", "$2.5"
_FIGURE = re.compile(r"^[-+−]?[$₩€]?\d[\d,]*(?:\.\d+)?\s?[%xX배]?$")
#: a rank column's header
_RANK = re.compile(r"순위|(?<![A-Za-z])[Rr]ank")
#: a sentence's end (a Korean nominal or verbal ending, a full stop) or a headline's "..."
_SENTENCE = re.compile(r"(?:[음함임됨다요]|[.!?。…])$|\.\.\.|…")
#: a unit in brackets ending a header: "월 평균(십억 회)"
_UNIT = re.compile(r"\s?[(\[（][^)\]）]*[)\]）]$")


def caption_basis(caption: list[str]) -> str:
    """The caption's "<X> 기준" phrase ("月방문 횟수 기준"), "" when it has none."""
    for line in caption:
        m = _BASIS.search(line)
        if not m:
            continue
        words = [w for w in m.group(1).split() if not _TIME_WORD.match(w)]
        if words:
            return f"{' '.join(words)} 기준"
    return ""


def value_column_header(table: Table) -> str:
    """The header of the table's value column: its only figure column, else the first of them, when
    written in full; "" when the table has none or the header is cut short ("so...")."""
    labels = table.column_labels or [c.text for c in table.header]
    rows = [r for r in table.rows if not r.section and r.cells]
    if not rows:
        return ""
    for i, label in enumerate(labels):
        if not label or _RANK.search(label):
            continue
        cells = [r.cells[i].text for r in rows if i < len(r.cells) and r.cells[i].text]
        if len(cells) * 5 < len(rows) * 4 or not all(_FIGURE.match(c) for c in cells):
            continue
        if "..." in label or "…" in label:
            return ""
        return _UNIT.sub("", label).strip()[:40]
    return ""


def title_caption(caption: list[str]) -> str:
    """The caption's first line when it is a title, not a sentence or a "..." headline."""
    first = caption[0].strip() if caption else ""
    return first[:60] if first and not _SENTENCE.search(first) else ""


def rank_scope(table: Table) -> str:
    """What the places of ``table``'s rank column rank by (module docstring)."""
    return caption_basis(table.caption) or value_column_header(table) or title_caption(table.caption)


#: a header naming a period, then a measure: "2월 방문자 수", "2Q25 매출", "2024년 매출", "FY25 매출"
_PERIOD_MEASURE = re.compile(r"^(?:\d{1,2}월|[1-4]Q\s?'?\d{2}|'?\d{2}\s?Q[1-4]|(?:19|20)\d{2}년?E?|'\d{2}년?E?|[12]H\s?\d{2}"
                             r"|FY\s?\d{2,4}E?)\s+(?P<measure>[가-힣A-Za-z][^\d()]{0,24}?)\s*(?:\([^)]*\))?$")


def change_measure(table: Table, column: int, gaz: Gazetteer | None = None, label: str = "") -> str:
    """The measure a change column (``column``, 0-based) changes: the one measure of the period columns right
    before it, when there are at least two ("2월 방문자 수 | 5월 방문자 수 | 변동률" → "방문자 수"); else the
    figure's ``label`` (its row's, in a table of one row a measure: "영구 성장률 (Terminal Value) | % | 3%") when it
    names more than a change and its span (not "성장률", "YoY (%)"); else ''."""
    labels = table.column_labels or [c.text for c in table.header]
    if not (measure := _columns_measure(table, labels, column, gaz)) and _NAMES_MORE.search(_CHANGE_WORDS.sub(" ", label)):
        return label.strip()[:60]
    return measure


#: the words of a change, its span and its unit: what a growth label says besides its measure
_CHANGE_WORDS = re.compile(r"성장률|증가율|증감률|변동률|증감|변화율?|CAGR|YoY|QoQ|MoM|연간|연평균|전년|전분기|전월|동기|대비|\(?%\)?")
#: a word of a measure left over: two Hangul letters or three Latin ones
_NAMES_MORE = re.compile(r"[가-힣]{2,}|[A-Za-z]{3,}")


def _columns_measure(table: Table, labels: list[str], column: int, gaz: Gazetteer | None) -> str:
    measures = []
    for label in reversed(labels[:max(column, 0)]):
        m = _PERIOD_MEASURE.match(label.strip())
        if not m:
            break
        measures.append(m.group("measure").strip())
    if len(measures) < 2 or len(set(measures)) != 1:
        return ""
    # "QoQ(%)": over which span it changed; "파운드리" in the caption or a header: of which business
    over = _OVER.search(labels[column]) if 0 <= column < len(labels) else None
    return " ".join(w for w in (measure_segment(table, gaz), measures[0], over.group(0) if over else "") if w)


def measure_segment(table: Table, gaz: Gazetteer | None = None) -> str:
    """The business segment the table's caption, slide title or a header names ("파운드리", "메모리"), else
    "파운드리" for a table of foundries (``foundry_table``), else ''."""
    labels = table.column_labels or [c.text for c in table.header]
    segment = _SEGMENT.search(" ".join([*table.caption, table.slide_title or "", *labels]))
    return segment.group(0) if segment else ("파운드리" if gaz is not None and foundry_table(table, gaz) else "")


def period_measure(label: str) -> str:
    """The measure a period column's header names ("2Q25 매출" → "매출"), else ''."""
    m = _PERIOD_MEASURE.match(label.strip())
    return m.group("measure").strip() if m else ""


def foundry_table(table: Table, gaz: Gazetteer) -> bool:
    """A table whose rows name three firms or more that run foundries (node_foundry.py: TSMC, Samsung, SMIC …)
    compares foundries: a ranking's "매출" there is their foundry revenue, not the whole firm's."""
    foundries = foundry_ids(gaz)
    named = {m.entity_id for row in table.rows for cell in row.cells[:3] for m in gaz.find_mentions(cell.text)}
    return len(named & foundries) >= 3


#: the span a change column compares over, and a business segment a caption or header names
_OVER = re.compile(r"QoQ|YoY|MoM|전분기\s?대비|전년\s?(?:동기\s?)?대비|전월\s?대비")
_SEGMENT = re.compile(r"파운드리|[Ff]oundry|메모리|데이터\s?센터")


#: what a foundry table's figures hold in, by kind: a firm's revenue and share there are its foundry business's
_FOUNDRY_SCOPES = {"revenue": "파운드리", "marketShare": "파운드리 시장", "rank": "파운드리"}


def scope_foundry_tables(tables: list[Table], ex: Extraction, gaz: Gazetteer) -> None:
    """A generic table's revenue, share and rank of a firm in a table of foundries (``foundry_table``) whose
    caption and headers name no segment: scoped to the foundry business ("삼성 | 3,159" is no Samsung revenue)."""
    by_id = {t.id: t for t in tables}
    seen: dict[str, bool] = {}
    for i, st in enumerate(ex.statements):
        table = by_id.get(st.location.table_id or "")
        if table is None or st.kind not in _FOUNDRY_SCOPES or not st.rule.startswith("table-reader:"):
            continue
        if table.id not in seen:
            words = " ".join([*table.caption, table.slide_title or "", *(c.text for c in table.header)])
            seen[table.id] = not _SEGMENT.search(words) and foundry_table(table, gaz)
        if seen[table.id]:
            ex.statements[i] = replace(st, scope=f"{_FOUNDRY_SCOPES[st.kind]} {st.scope}".strip()[:60])
