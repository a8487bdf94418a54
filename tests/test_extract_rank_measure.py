"""A rank keeps what is ranked: a place alone ("세계 1위") takes the measure its sentence ranks by, else the rank is a
claim (rank_measure.py) — on sentences of our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location
from petaflop.extract.gate import is_unsure
from petaflop.extract.rank_measure import names_measure, ranked_measure, row_label, settle_rank_measures

PLACES = {"중국": "Country", "유럽": "Region", "Meta": "Firm"}
type_of = PLACES.get


def is_place(w: str) -> bool:
    return PLACES.get(w) in ("Country", "Region")


def test_a_place_alone_names_no_measure():
    assert not names_measure("세계", "", is_place)
    assert not names_measure("글로벌", "", is_place)
    assert not names_measure("중국 내", "", is_place)
    assert not names_measure("", "", is_place)
    assert names_measure("점유율 전세계", "", is_place)
    assert names_measure("코딩 부문", "", is_place)


def test_the_measure_is_the_domain_basis_or_field_before_the_rank():
    s = "Meta는 선두권. 추론용 데이터센터 전력 규모에서 경쟁사를 크게 따돌리고 세계 1위로 등극."
    assert ranked_measure(s, "따돌리고 세계 1위로 등극.", 1, is_place) == "추론용 데이터센터 전력 규모"
    assert ranked_measure("“MMLU” 기준 순위를 보면 Meta의 모델이 1등", "모델이 1등", 1, is_place) == "MMLU"
    # a time basis or a place is no measure
    assert ranked_measure("2024년 기준 Meta는 세계 3위", "Meta는 세계 3위", 3, is_place) == ""
    assert ranked_measure("유럽에서 Meta는 2위", "Meta는 2위", 2, is_place) == ""
    # a measure of an earlier sentence is not this rank's
    assert ranked_measure("전력 규모에서 앞섬. Meta는 세계 1위", "Meta는 세계 1위", 1, is_place) == ""


def test_a_table_row_names_its_measure_by_its_label():
    assert row_label("유럽 클라우드 시장 점유율\t7%\t글로벌 5위", type_of) == "유럽 클라우드 시장 점유율"
    assert row_label("Meta\t7%\t글로벌 5위", type_of) == ""
    assert row_label("2025년 1분기\t7%\t글로벌 5위", type_of) == ""


def test_a_rank_read_in_prose_keeps_its_measure_or_is_a_claim(text_reader):
    r, ex = text_reader
    lines = ["", "",
             "- AI 경쟁은 규모의 싸움. 추론용 데이터센터 전력 규모에서 Meta는 경쟁사를 크게 따돌리고 세계 1위로 등극.",
             "- AI 경쟁은 규모의 싸움. Meta는 경쟁사를 크게 따돌리고 세계 2위로 등극."]
    r.read(lines[2], Location(3, 3), ())
    r.read(lines[3], Location(4, 4), ())
    assert settle_rank_measures(ex, lines, type_of) == 2
    assert [(st.subject, st.value, st.scope, is_unsure(st.rule)) for st in ex.statements if st.kind == "rank"] == [
        ("meta", Decimal(1), "세계 · 추론용 데이터센터 전력 규모", False), ("meta", Decimal(2), "세계", True)]


def test_a_firms_product_topic_before_the_rank_stays_in_its_scope(text_reader):
    """"A 배터리는 점유율 전세계 8위": A's product is ranked, not A — the product word keeps its place in the scope."""
    r, ex = text_reader
    r.read("수익 비중이 빠르게 증가, 삼성전자 메모리는 점유율 전세계 3위", Location(1, 1), ())
    r.read("삼성전자의 메모리 사업은 점유율 전세계 2위", Location(2, 2), ())
    r.read("삼성전자는 점유율 전세계 4위", Location(3, 3), ())
    assert [(st.value, st.scope) for st in ex.statements if st.kind == "rank"] == [
        (Decimal(3), "메모리 점유율 전세계"), (Decimal(2), "메모리 사업 점유율 전세계"), (Decimal(4), "점유율 전세계")]


def test_a_rank_in_a_row_labelled_with_a_place_keeps_the_place():
    """"유럽 클라우드 시장 점유율 | 7% | IaaS 시장 2위": the IaaS market is Europe's, not the world's."""
    from petaflop.extract.facts import Extraction, Statement
    from petaflop.extract.rank_measure import row_place

    assert row_place("유럽 클라우드 시장 점유율\t7%\t2024년\tIaaS 시장 2위", "IaaS 시장", "", type_of, is_place) == "유럽"
    assert row_place("유럽 클라우드 시장 점유율\t7%\t유럽 IaaS 2위", "유럽 IaaS", "", type_of, is_place) == ""
    assert row_place("클라우드 시장 점유율\t7%\tIaaS 시장 2위", "IaaS 시장", "", type_of, is_place) == ""
    assert row_place("Meta\t7%\tIaaS 시장 2위", "IaaS 시장", "", type_of, is_place) == ""
    lines = ["유럽 클라우드 시장 점유율\t7%\t2024년\tIaaS 시장 2위, 조사"]
    ex = Extraction()
    ex.statements.append(Statement("meta", "rank", Location(1, 1, table_id="T1", row=1, column=4), "text:rank:named",
                                   value=Decimal(2), unit="count", scope="IaaS 시장"))
    settle_rank_measures(ex, lines, type_of)
    assert [(st.scope, is_unsure(st.rule)) for st in ex.statements] == [("유럽 · IaaS 시장", False)]
