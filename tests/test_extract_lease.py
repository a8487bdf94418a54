"""A span of years before a word of leasing is the lease's term (text_lease.py)."""

from decimal import Decimal

from tests.test_text_reader import LOC


def leases(ex):
    return sorted((s.subject, s.value, s.unit, s.rule) for s in ex.statements if s.kind == "leaseTerm")


def test_a_lease_term_belongs_to_the_clauses_topic_or_to_what_relies_on_the_lease(text_reader):
    r, ex = text_reader
    r.read("Oracle은 GB200 40만 개 구매 후 15년 임대.", LOC, ())
    r.read("이는 10년 장기 클라우드 임차 계약에 의존하는 OpenAI의 Stargate 프로젝트와 다름.", LOC, ())
    assert leases(ex) == [("oracle", Decimal(15), "year", "text:lease-term"),
                          ("stargate", Decimal(10), "year", "text:lease-term")]


def test_a_cells_lease_term_is_its_rows_and_a_rent_or_a_plain_span_is_none(text_reader):
    r, ex = text_reader
    r.res.record(r.res.gaz.by_id("oracle"))
    r.read_cell("CAPEX+15년 리스", LOC, (), "oracle")
    r.read("오라클은 연 300억 달러 임대료를 15년간 받음.", LOC, ())  # a rent's span, not a lease's term
    r.read("엔비디아는 5년간 성장.", LOC, ())
    assert leases(ex) == [("oracle", Decimal(15), "year", "text:lease-term")]
