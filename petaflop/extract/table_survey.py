"""Survey answer tables: "원인 | 응답 비율" under prose that reported the same survey's population.

A table whose only value column is headed by a share of answers (응답 비율, 응답률, 응답자 비율) lists
what a survey's respondents answered, one answer a row. The respondents are the population a
sentence of the same slide reporting a survey (설문, 응답, 조사) gave a share of
(text_population.py: "업계 관계자 10명 중 9명 이상(92%)이 …" names "AI 데이터센터 업계"): each
row's percentage is that population's ``share``, its metric the answer (the row's first cell), its
scope the table's caption. Only one such population on the slide, only rows whose value cell is a
single plain percentage, and never a row naming an organisation or a person. Rule ``table:survey-answer-share``.

The same answers in prose: a later line of the slide listing numbered items (①, ②, ③ …), each closed by
its percentage in parentheses ("① … 대기 시간이 길어지는 문제 (46%), ② … (43%)"), two or more of them,
gives each item's percentage as the same population's share, its metric the item. Rule
``text:survey-answer-share``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from ingest.quantities import find_quantities
from petaflop.extract.facts import Location, Statement
from petaflop.extract.resolve import is_a
from petaflop.extract.text_population import RULE as POPULATION_RULE
from petaflop.extract.text_population import RULE_CARRIED, RULE_RATIO

if TYPE_CHECKING:
    from collections.abc import Callable

    from ingest.model import Document, Table
    from petaflop.extract.facts import Extraction
    from petaflop.extract.resolve import Resolver

RULE = "table:survey-answer-share"
RULE_LISTED = "text:survey-answer-share"
#: a numbered item closed by its percentage: "① … 문제 (46%)"
_ITEM = re.compile(r"([①-⑩])\s?([^①-⑩()%]{4,80}?(?:\([^()%]{1,20}\)[^①-⑩()%]{0,40}?)?)\s?\((\d{1,3}(?:\.\d+)?)%\)")
#: a column of answer shares: "응답 비율", "응답률", "응답자 비율", "응답 비중"
_ANSWERS = re.compile(r"^응답(?:자)?\s?(?:비율|비중|률|\(%\))")
#: the prose rules that name a population and its shares
_POPULATION_RULES = (POPULATION_RULE, RULE_RATIO, RULE_CARRIED)
#: a sentence reporting a survey
_SURVEY = re.compile(r"설문|응답|조사\s?결과")
#: a plain percentage cell: "46%"
_PERCENT = re.compile(r"\s*\d{1,3}(?:\.\d+)?\s?%\s*")


def _respondents(chapter: str, slide: str, ex: Extraction, lines: list[str], before: int = 0) -> tuple[str, int] | None:
    """The one population a survey sentence of the slide (before line ``before``, when given) gave a share of,
    and the last line it did, else None."""
    found: dict[str, int] = {}
    for st in ex.statements:
        n = st.location.line_start
        if st.rule in _POPULATION_RULES and st.location.chapter == chapter and st.location.slide_title == slide \
                and not st.location.table_id and 0 < n <= len(lines) and (not before or n < before) \
                and _SURVEY.search(lines[n - 1]):
            found[st.subject] = max(found.get(st.subject, 0), n)
    return next(iter(found.items())) if len(found) == 1 else None


def add_listed_answers(doc: Document, ex: Extraction, res: Resolver) -> None:
    """"① … 문제 (46%), ② … (43%)" on a line after a survey's population: the population's shares."""
    for chapter in doc.chapters:
        for slide in chapter.slides:
            for block in slide.blocks:
                text = getattr(block, "text", None)
                if not isinstance(text, str) or "①" not in text:
                    continue
                items = list(_ITEM.finditer(text))
                if len(items) < 2 or (who := _respondents(chapter.key, slide.title, ex, doc.lines,
                                                          block.lines.first + 1)) is None:
                    continue
                node = who[0]
                for m in items:
                    answer = m.group(2).strip()
                    if _names_a_party(answer, res):
                        continue
                    loc = Location(block.lines.first, block.lines.last, chapter.key, slide.title)
                    ex.statements.append(Statement(
                        node, "share", loc, RULE_LISTED, value=Decimal(m.group(3)), unit="%",
                        metric=f"respondents answering: {answer}"[:60], raw=m.group()[:60],
                    ))  # fmt: skip


def _names_a_party(answer: str, res: Resolver) -> bool:
    """A row naming an organisation or a person is that one's, not an answer ("재생 에너지" may be an answer's)."""
    return any(is_a(e.type, "Organization") or is_a(e.type, "Person") for e in res.entities_in(answer))


def add_survey_answers(doc: Document, ex: Extraction, res: Resolver,
                       sources_of: Callable[[Table], tuple[str, ...]]) -> None:
    for table in doc.tables:
        labels = [c.text.strip() for c in table.header]
        if table.transposed or len(labels) != 2 or not _ANSWERS.search(labels[1]):
            continue
        who = _respondents(table.chapter, table.slide_title, ex, doc.lines)
        if who is None:
            continue
        node = who[0]
        caption = " ".join(table.caption).strip()
        for r, row in enumerate(table.rows, 1):
            if len(row.cells) != 2 or row.section:
                continue
            answer, cell = row.cells[0].text.strip(), row.cells[1]
            if not answer or _names_a_party(answer, res) or not _PERCENT.fullmatch(cell.text or ""):
                continue
            qs = [q for q in find_quantities(cell.text) if q.value is not None and q.kind == "percent"]
            if len(qs) != 1 or not 0 <= qs[0].value <= 100:
                continue
            loc = Location(cell.line, cell.line, table.chapter, table.slide_title, table.id, r, cell.column)
            ex.statements.append(Statement(
                node, "share", loc, RULE, value=Decimal(qs[0].value), unit="%", scope=caption[:40],
                metric=f"respondents answering: {answer}"[:60], sources=sources_of(table), raw=cell.text[:60],
            ))  # fmt: skip
