"""Figures in a parenthetical aside after another figure qualify it (figure_asides.py)."""

from petaflop.extract.figure_asides import ends_of_multiple, opens_aside_of_figure
from petaflop.extract.values import find_quantities
from tests.test_text_reader import LOC


def test_a_span_opening_an_aside_after_a_figure_qualifies_that_figure():
    s = "사용자 20억 명(약 3달 만에 5억 명 증가)을 기록"
    assert opens_aside_of_figure(s, s.index("3달"))
    s = "테슬라는 4년간 10 GW 규모 인프라를 구축"
    assert not opens_aside_of_figure(s, s.index("4년"))


def test_a_pair_in_parentheses_after_a_multiple_gives_its_ends_and_is_read_by_no_one_else(text_reader):
    s = "비용을 최대 200배(80달러→0.40달러) 절감"
    values = find_quantities(s)
    multiple = next(q for q in values if q.kind == "multiple")
    assert ends_of_multiple(s, multiple, values) == {s.index("80"), s.index("0.40")}
    s2 = "매출이 5배 증가, 1억 달러에서 5억 달러로"
    v2 = find_quantities(s2)
    assert ends_of_multiple(s2, next(q for q in v2 if q.kind == "multiple"), v2) == set()
    r, ex = text_reader
    r.read("OpenAI는 이 시스템으로 토큰 당 비용을 최대 200배(80달러→0.40달러) 절감.", LOC, ())
    assert [st for st in ex.statements if st.kind == "amount"] == []
