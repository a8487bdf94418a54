"""A plan of a thing the report says was ended is scoped "earlier plan" (ended_plans.py): no live plan."""

from __future__ import annotations

from petaflop.extract.cell_text import cell_period
from petaflop.extract.ended_plans import ended, settle_ended_plans
from petaflop.extract.facts import EntityRecord, Extraction, Location, Statement
from petaflop.extract.text_plans import EARLIER_PLAN

_X = EntityRecord("acme-x2", ("ASIC",), name_en="Acme X200", name_ko="X200 칩", aliases=("X200",))
_Y = EntityRecord("acme-y1", ("ASIC",), name_en="Acme Y100", aliases=("Y100",))


def _plan(subject: str, kind: str = "releaseDate", status: str = "planned", line: int = 3) -> Statement:
    return Statement(subject, kind, Location(line, line, "IX", "t"), "text:event-plan", time=cell_period("2025"),
                     status=status, scope="mass production")


def test_a_plan_of_a_thing_whose_project_was_declared_ended_is_an_earlier_plan():
    lines = ["- 머스크는 X200 아키텍처가 막다른 길이었음을 인정하고 프로젝트 종료를 선언.",
             "- Y100 칩의 판매 중단을 발표.",  # its sales stopped: not the thing's end
             "연말까지 대량 생산에 들어간다고 예정된 X200"]
    ex = Extraction(statements=[_plan("acme-x2"), _plan("acme-y1"), _plan("acme-x2", "releaseDate", "actual")])
    ex.entities.update({"acme-x2": _X, "acme-y1": _Y})
    assert settle_ended_plans(ex, lines) == 1
    assert [st.scope for st in ex.statements] == [EARLIER_PLAN, "mass production", "mass production"]


def test_a_things_end_named_in_a_title_or_a_sentence():
    assert ended(_X, ["‘X200’의 종말과 ‘Z’의 부상"])
    assert ended(_X, ["회사는 Acme X200 개발 중단을 공식 발표했다."])
    assert not ended(_X, ["X200 양산을 목표. 다른 프로젝트 종료를 선언."])  # another sentence's end
    assert not ended(_X, ["AX200 프로젝트 종료를 선언"])  # a longer name is another thing
    assert not ended(_Y, ["Y100 칩의 판매 중단을 발표"])
