"""What a table's figures measure when only the caption (or the row above) says it.

Run by the table reader over the statements one table gave, after it was read:

- a benchmark score under a label that is no benchmark's name ("종합 성능", "해결률", a header cut short
  to "so...") is a score on the benchmark the caption (or the short title line above it) names: a quoted Latin name ("“LongBench” 기준"), a
  Latin name before 기준/벤치마크/점수 ("SWE-Bench 점수 비교", "Vals.ai 벤치마크"), or a contest's
  all-caps name the scores were made in ("IOI에서 … 성적"); its scope reads "<benchmark>: <label>";
- a score in a "w/ …" row (a variant: "w/ OpenHands, 500 turns") is one on the benchmark of the nearest
  row above that is no such variant and has figures of its own ("SWE-bench Verified w/ …");
- a count a caption's kind was read for ("… 출하량 전망" over firms' rows) counts the one piece of hardware
  the caption names: that is its item; a row about that hardware itself ("총 … GPU 갯수") keeps its own
  label as the metric;
- a comparison whose columns name the measure ("NVL72 비용 | NVL72 전력") breaks it down by its rows, as its
  title's head says (:func:`caption_whole`, called by the table reader as it reads): under "… 레벨에서의 스케일업
  네트워킹 비용 및 필요전력" the row "광트랜시버 및 광섬유 기반" holds the optics' part of the scale-up networking
  cost, not the chip's whole optics cost — "스케일업 네트워킹" is the scope of every figure of a measure column; a
  title that does not name the columns' measure leaves what the rows are parts of unsaid (their figures are claims);
  and a row that is one component of that whole ("구리 기반 인터커넥트 | … | 0" under "NVL72 전력") holds the component's
  figure, not the system's: its label joins the scope ("스케일업 네트워킹: 구리 기반 인터커넥트", :func:`part_scope`), so
  the rack's power draw is never read as 0; a row that totals them (its label names the measure, "시스템 레벨 스케일업
  비용", or a total, "합계") keeps the whole's scope.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from petaflop.extract.caption_base import add_caption_base
from petaflop.extract.resolve import is_a

if TYPE_CHECKING:
    from ingest.model import Table

#: a word of a title that ends its head noun phrase from the left: a particle after it, a quote, a bracket
_NOT_HEAD = re.compile(r"(?:의|에서|에|을|를|은|는|로|으로|과|와|이|가|도)$|[‘’“”'\"()\[\]:,]")
_BENCHMARK_RULE = "table-reader:benchmarkScore@model-default"
_LATIN_NAME = r"[A-Za-z][A-Za-z0-9.\-]*[A-Za-z0-9]"
#: “LongBench”, 'MMLU': a quoted name in Latin letters
_QUOTED = re.compile(rf"[“\"‘']({_LATIN_NAME}(?: {_LATIN_NAME}){{0,2}})[”\"’']")
#: "SWE-Bench 점수", "Vals.ai 벤치마크", "MMLU 기준": a Latin name the caption measures by
_BEFORE_MEASURE = re.compile(rf"(?<![A-Za-z0-9.\-])({_LATIN_NAME})\s?(?:기준|벤치마크|점수)")
#: "IOI에서 … 성적": the contest (an all-caps name) the scores were made in
_CONTEST = re.compile(r"(?<![A-Za-z0-9])([A-Z]{2,6})에서\s.*(?:성적|점수)")
#: a label naming a benchmark itself: a name of two capitals ("GPQA", "WebArena"), letters and digits
#: ("Mind2Web", "AIME 24") or hyphened ("SWE-bench", "Aider-Polyglot"); not a header cut short ("Inter...")
_NAME_IN_LABEL = re.compile(r"(?<![A-Za-z])(?:[A-Za-z]*[A-Z][A-Za-z]*[A-Z]|[A-Za-z]+\s?\d|[A-Za-z]+-[A-Za-z0-9])")
#: "w/ OpenHands, 500 turns": a variant of the row above
_VARIANT = re.compile(r"^(?:w/|with\s)")
#: a rule of a kind the caption names (``table_reader``: ":caption"), a figure of a firm's row or a total
_CAPTION_KIND = re.compile(r"^table-reader:[^:]+:caption(?::|$)")
#: a row label that totals the rows above it
_TOTAL = re.compile(r"^(?:합계|총계|소계|전체|총\s|[Tt]otal|[Ss]um)\b|합계|총계|소계")


def caption_benchmark(caption: list[str]) -> str:
    """The benchmark a table's caption names, or ""."""
    text = " ".join(caption)
    for pattern in (_QUOTED, _BEFORE_MEASURE, _CONTEST):
        if m := pattern.search(text):
            return m.group(1)
    return ""


def names_benchmark(label: str) -> bool:
    """The label is (or names) a benchmark itself."""
    return "..." not in label and _NAME_IN_LABEL.search(label) is not None


def _row_label(table: Table, r: int) -> str:
    row = table.rows[r - 1] if 0 < r <= len(table.rows) else None
    return next((c.text.strip() for c in row.cells if c.text.strip()), "") if row is not None else ""


def _parent_row(table: Table, r: int) -> str:
    """The label of the nearest row above row ``r`` that is no variant and has figures, or ""."""
    for above in range(r - 1, 0, -1):
        row = table.rows[above - 1]
        label = _row_label(table, above)
        if _VARIANT.match(label):
            continue
        has_figures = any(re.search(r"\d", c.text) for c in row.cells[1:])
        return label if has_figures and not row.section else ""
    return ""


def _benchmark_scope(table: Table, scope: str, row: int, bench: str) -> str:
    if _VARIANT.match(scope):
        parent = _parent_row(table, row)
        return f"{parent} {scope}"[:60] if parent else scope
    if bench and not names_benchmark(scope) and bench.lower() not in scope.lower():
        return f"{bench}: {scope}"[:60]
    return scope


def _caption_hardware(reader, table: Table) -> str:
    found = {reader.res.record(e) for e in reader.res.entities_in(" ".join(table.caption)) if is_a(e.type, "Hardware")}
    return found.pop() if len(found) == 1 else ""


def _names_of(reader, eid: str) -> set[str]:
    rec = reader.ex.entities.get(eid)
    return {n for n in (rec.name_en, rec.name_ko) if n} if rec is not None else set()


def add_caption_context(reader, table: Table, first: int) -> None:
    """Give the statements ``reader`` read from ``table`` (from index ``first``) the benchmark or the
    item that only the caption, or the row above, names."""
    statements = reader.ex.statements
    bench = caption_benchmark([getattr(reader, "titles", {}).get(table.id, ""), *table.caption])  # a title line above too
    hardware = None
    for i in range(first, len(statements)):
        s = statements[i]
        if s.rule.startswith(_BENCHMARK_RULE) and s.scope and s.location.table_id == table.id:
            scope = _benchmark_scope(table, s.scope, s.location.row, bench)
            if scope != s.scope:
                statements[i] = replace(s, scope=scope)
        elif _CAPTION_KIND.match(s.rule) and s.unit == "count" and not s.item:
            hardware = _caption_hardware(reader, table) if hardware is None else hardware
            if not hardware:
                continue
            if s.subject != hardware:
                statements[i] = replace(s, item=hardware)
            elif not s.metric and (label := _row_label(table, s.location.row)) not in _names_of(reader, hardware):
                statements[i] = replace(s, metric=label[:60])
    add_caption_base(reader, table, first)  # "<X> 대비 …": the base of the relative figures (caption_base.py)


def caption_whole(caption: list[str], measures) -> str | None:
    """What a table whose columns name the measure ("NVL72 비용 | NVL72 전력": ``measures``, the ones the lexicon
    knows) breaks down by its rows, as its title says: the words before the first of the measures in the head noun
    phrase closing the caption's first line ("스케일업 네트워킹" of "… 칩 레벨에서의 스케일업 네트워킹 비용 및
    필요전력"); '' when the head names a measure with no such words (the rows are parts of the whole measure), None
    when it names none (what the rows are parts of is not said)."""
    words = (caption[0] if caption else "").strip(" .").split()
    head: list[str] = []
    for word in reversed(words[-8:]):
        if _NOT_HEAD.search(word):
            break
        head.insert(0, word)
    tokens = {t for m in measures for t in m.split() if len(t) >= 2}
    if not tokens:  # no column names a measure the lexicon knows: nothing is broken down
        return ""
    first = next((i for i, w in enumerate(head) if any(t in w for t in tokens)), None)
    return None if first is None else " ".join(head[:first])


def part_scope(whole: str | None, row_label: str, measures) -> str:
    """The scope of a figure in the row ``row_label`` of a table that breaks ``whole`` (:func:`caption_whole`) down by
    its rows, its columns naming ``measures`` (the ones the lexicon knows): a component's row adds its label to the
    whole ("스케일업 네트워킹: 구리 기반 인터커넥트"); a row that names one of the measures ("시스템 레벨 스케일업 비용")
    or a total is the whole itself. "" when the title does not say what is broken down (``whole`` None: the figures
    are claims) and when no column names a known measure (a comparison, "가스터빈 | 연료전지 (블룸에너지)": its rows
    are aspects compared, no parts)."""
    if whole is None or not measures:
        return ""
    label = row_label.strip()
    tokens = {t for m in measures for t in m.split() if len(t) >= 2}
    if not label or _TOTAL.search(label) or any(t in label for t in tokens):
        return whole
    return f"{whole}: {label}"[:60] if whole else label[:60]
