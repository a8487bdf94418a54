"""A model (or a firm) the block is about, carried into sentences that name nothing: a score after its verb
("… Elo에서 N점을 획득", "Elo 점수는 N점으로") and a per-unit price opening a clause ("이미지당 N 달러에
불과해 … 저렴"); and tokens processed "across a firm's platforms". Sentences are our own."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Location

LOC = Location(10, 10, "III", "test slide")


@pytest.fixture()
def reader(text_reader):
    return text_reader  # (TextReader, Extraction), tests/conftest.py


def read(reader, *blocks: str, kind: str) -> set[tuple]:
    r, ex = reader
    for k, text in enumerate(blocks):
        r.read(text, Location(10 + k, 10 + k, "III", "test slide"), ())
    return {(st.subject, str(st.value), st.unit, st.per, st.scope, st.rule) for st in ex.statements if st.kind == kind}


def test_a_score_verb_in_a_sentence_naming_nothing_is_the_carried_models(reader):
    got = read(reader, "가나다랩이 내놓은 Grok 4는 새로운 이미지 모델.",
               "벤치마크 모든 면에서 압도. 이미지 편집 성능의 Elo에서 1250점을 획득. 생성 분야에서의 Elo 점수는 1105점으로 1위.",
               kind="benchmarkScore")
    assert got == {("grok-4", "1250", "", "", "Elo", "text:score-verb"),
                   ("grok-4", "1105", "", "", "Elo", "text:score-verb")}


def test_a_carried_firm_or_a_name_before_the_figure_takes_no_carried_score(reader):
    # a firm is no model; a sentence naming something before the figure is about that, not the block's model
    assert read(reader, "가나다전자는 새 칩을 공개.", "벤치마크 Elo에서 1250점을 획득.", kind="benchmarkScore") == set()
    reader[1].statements.clear()
    assert read(reader, "Grok 4는 새 모델.", "벤치마크에서 메타가 Elo에서 1250점을 획득.", kind="benchmarkScore") == set()


def test_a_clause_opening_with_a_per_unit_price_is_the_carried_models_price(reader):
    got = read(reader, "Grok 4는 새로운 이미지 모델.", "더 놀라운 것은 가격. 이미지당 0.05 달러에 불과해 경쟁사 대비 80% 저렴.",
               kind="unitPrice")
    assert got == {("grok-4", "0.05", "USD", "image", "", "text-money:price")}


@pytest.mark.parametrize("second", [
    "시간당 0.05달러라는 미미한 수익에 그쳤지만 의미가 있음.",  # an earning, not a price
    "이미지당 0.05 달러 수준에서 운영됨.",  # no word of price in the sentence
    "최근 1K 토큰당 0.05 달러 비용으로 가정.",  # the clause does not open with the price
])
def test_a_per_unit_figure_that_is_no_price_of_the_carried_model_is_not_read(reader, second):
    assert read(reader, "Grok 4는 새로운 이미지 모델.", second, kind="unitPrice") == set()


def test_tokens_processed_across_a_firms_platforms_are_the_firms(reader):
    got = read(reader, "토큰 처리량은 급증해, 현재 메타 플랫폼 전반에서 매달 약 500조 개 토큰 처리.", kind="tokenCount")
    assert got == {("meta", "500000000000000", "count", "month", "", "text:token-count")}


def test_an_organisation_founded_at_a_date_before_its_name_has_that_founding_date(reader):
    r, ex = reader
    r.read("가나다 회장이 2021년 5월에 세운 xAI는 빠르게 성장.", LOC, ())
    got = {(st.subject, st.kind, st.time.text if st.time else "", st.rule) for st in ex.statements}
    assert ("xai", "foundedDate", "2021-05", "text:event-before") in got
    ex.statements.clear()
    r.read("2021년 5월에 세운 목표를 메타가 달성.", LOC, ())  # a goal set, no organisation founded
    assert not [st for st in ex.statements if st.kind == "foundedDate"]
