"""The product a comparison's header abbreviates to its maker's name, and a cell's "기준: 값" figure.

"각 항목별 테슬라 로보택시 vs 구글 웨이모 비교" over "항목 | 테슬라 | 웨이모": the caption names the
compared things in full; a header cell naming only a company, where the caption names that company
followed at once by one of its products or services ("테슬라 로보택시"), stands for that product —
the rows ("요금", "운행 구역") describe the service, not the firm. A header whose caption names the
company alone (or with another company, "구글 웨이모") keeps it.

"2km 정도 단거리: $3.8": a cell that states the condition of its figure before a colon; the figure is
what follows the colon (the condition, with its own numbers, is not a second figure of the row).
"""

from __future__ import annotations

import re
from itertools import pairwise

from petaflop.extract.resolve import is_a

#: the kinds of thing a company's name can stand for in a comparison's header
_PRODUCT = ("AIProduct", "SoftwarePlatform", "Hardware", "AIModel")
#: "2km 정도 단거리: $3.8" — a short condition, a colon, a short figure
_CONDITION = re.compile(r"^(?P<cond>[^:：]{1,24})[:：]\s?(?P<fig>[^:：]{1,16})$")
#: "20% 전환 시:", "가격 2배 인상 경우:" — a premise holding a figure, a colon: the cell lists scenarios
_SCENARIO = re.compile(r"\d[^:：]{0,16}\s(?:시|경우)\s?[:：]")


def caption_products(table, subjects: dict[int, str], gaz, record) -> dict[int, str]:
    """Header subjects (column -> entity id) with each company replaced by the product the caption
    names right after that company's name; ``record`` registers an entity and returns its id."""
    caption = " ".join(table.caption[:1])
    if not caption or not subjects:
        return subjects
    mentions = gaz.find_mentions(caption)
    out = dict(subjects)
    for j, eid in subjects.items():
        company = gaz.by_id(eid)
        if company is None or not is_a(company.type, "Organization"):
            continue
        products = set()
        for m in (m for m in mentions if m.entity_id == eid):
            after = next((n for n in mentions if n.start > m.start), None)
            if after is None or caption[m.end:after.start].strip() or after.entity_id in subjects.values():
                continue
            product = gaz.by_id(after.entity_id)
            if product is not None and any(is_a(product.type, c) for c in _PRODUCT):
                products.add(product)
        if len(products) == 1:
            out[j] = record(products.pop())
    return out


def condition_figure(text: str) -> tuple[str, str]:
    """The figure part of a "condition: figure" cell and its condition, the figure's scope ("2km 정도 단거리:
    $3.8" is the fare of a short ride, not of any ride), else the cell's text unchanged and no condition."""
    if _SCENARIO.search(text):  # "20% 전환 시: 약 3억 달러": a figure under a premise holds only if it does
        return "", ""
    m = _CONDITION.match(text.strip())
    if m is None or not re.search(r"\d", m.group("fig")):
        return text, ""
    return m.group("fig").strip(), m.group("cond").strip()


#: "TSMC 3nm (N3P)": a name, then another in parentheses (nothing else inside them)
_PAREN_GAP = re.compile(r"\s?\(\s?")
_PAREN_CLOSE = re.compile(r"\s?\)")


def refined_outer(text: str, mentions, gaz) -> set[str]:
    """Names a parenthesised name of the same kind refines ("TSMC 3nm (N3P)": the node is N3P, the
    3nm family before it only its generation): the cell's object is the name inside."""
    out = set()
    for m, n in pairwise(mentions):
        if m.entity_id == n.entity_id or not _PAREN_GAP.fullmatch(text[m.end:n.start]) \
                or not _PAREN_CLOSE.match(text, n.end):
            continue
        a, b = gaz.by_id(m.entity_id), gaz.by_id(n.entity_id)
        if a is not None and b is not None and a.type == b.type:
            out.add(m.entity_id)
    return out


#: "연간 운행 일수", "가동 개월 수": a label counting days or months (its figure is a length of time)
_TIME_COUNT = re.compile(r"(?:일수|(?<![가-힣])(?:개월|일)\s?수)\s?$")


def time_count_unit(row) -> str:
    """The unit of time a row label counts ("연간 운행 일수" -> "일"), else ''."""
    label = row.cells[0].text.strip() if row.cells else ""
    m = _TIME_COUNT.search(label)
    if m is None:
        return ""
    return "개월" if "개월" in m.group(0) else "일"
