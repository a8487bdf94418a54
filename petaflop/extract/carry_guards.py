"""When a topic carried from the slide's earlier blocks (``block-topic``) may own a figure of a sentence
that names no subject of its own.

A bullet that goes on about the topic of the bullets before it ("GPT-4o 대비 입력 비용 30배", "이후에는
3~4배의 성장") names at most the figure's base. One that names another party before the figure
("테슬라의 … 면적 확장, 2달 만에 10배로") or a quoted product ("'가나-7B'와 … 3배 빨라") is about that
one, whatever the bullets before it were about, and so is one whose own topic has an owner the gazetteer
does not name ("그런데 가나 생성의 비용은 … 100배"): the carried topic does not own its figure.
"""

from __future__ import annotations

import re
from typing import Any

from petaflop.extract.resolve import is_a
from petaflop.extract.text_value_guards import names_another

#: measures only an organisation has: a product or a model has no staff (its maker has)
ORGANISATION_KINDS = ("employeeCount",)

#: a quoted name with a Latin letter or a digit ("'Nano-9B'", "“X100”"): a product the gazetteer may not know
_QUOTED_NAME = re.compile(r"['‘\"“][^'’\"”]{0,40}[A-Za-z0-9][^'’\"”]{0,40}['’\"”]")

#: an owned topic of the sentence's own ("가나 생성의 비용은", "X의 매출은"), not "이들의"/"그들의"/"자사의" (the topic's)
_OWNED_TOPIC = re.compile(r"(?<![가-힣A-Za-z0-9])(?!(?:이들|그들|자사|이|그)의)[가-힣A-Za-z0-9’'”]{1,12}의\s?[가-힣]{1,6}(?:은|는)(?=[\s(])")


def block_topic_owns(s: str, q_start: int, mentions: list[Any], topic: Any, base_entity: str, base_start: int) -> bool:
    """Whether a block's carried ``topic`` may own the figure at ``q_start`` of sentence ``s`` (its
    ``mentions``): no other party is named before the figure (the base from ``base_start`` on, the base
    entity and a name listed with "와/과" excepted) and no product name is quoted there."""
    if any(m.end <= q_start and m.start < base_start and m.entity not in (base_entity, topic.entity)
           and m.role != "with" for m in mentions):
        return False
    return not _QUOTED_NAME.search(s, 0, q_start) and not _OWNED_TOPIC.search(s, 0, q_start) \
        and not units_figure(s, q_start)


#: a calculation: a figure multiplied by another ("12 × 40MW", "$12 \times 40$") or an equation's result ("= 480MW")
_CALCULATION = re.compile(r"[\d)]\s?(?:×|\\times)\s?[$\\({]*\d|=\s?[$\\({]*[\d,.]+\s?[\\{A-Za-z%]")
#: counted units as the clause's subject ("12기 전체가", "12기 풍력 터빈이 생산하는"), or one unit ("한 대는"): the
#: figure is the units' (their output, what they power), not the topic carried to the sentence. A rate per unit
#: ("차량 한 대당 가격") is no subject: the topic's price per vehicle (the reader keeps the unit as ``per``)
_COUNTED_SUBJECT = re.compile(
    r"(?<![\d,.])\d+\s?기(?!\s?(?:공사|단계|사업))(?:\s?(?:전체|모두))?(?:\s[가-힣A-Za-z0-9]{1,10}){0,2}?(?:이|가|은|는)\s"
    r"|(?<![가-힣])한\s?(?:대|기)(?:는|가|에서)\s")


def units_figure(s: str, q_start: int) -> bool:
    """Whether the figure at ``q_start`` of ``s`` is counted units' or a calculation's, not a carried topic's:
    the sentence is a calculation ("12 × 40MW = 480MW": its figures are operands and results), or counted units
    are the subject before the figure ("12기 전체가 … 총 500MW를 생산", "한 대는 약 40MW")."""
    return bool(_CALCULATION.search(s) or _COUNTED_SUBJECT.search(s, 0, q_start))


def carried_elsewhere(named: list[Any], topic: Any, q: Any, entry: Any) -> bool:
    """Whether a topic carried from an earlier sentence or block is not plainly what a figure measures:
    the sentence names another thing before the figure (``names_another``), or the measure is one only an
    organisation has and the topic is none ("가나 서비스는 … 이 과정에서 직원 40명을 해고": the service's maker's)."""
    return names_another(named, topic, q) or (entry is not None and entry.kind in ORGANISATION_KINDS
                                              and not is_a(topic.type, "Organization"))
