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
