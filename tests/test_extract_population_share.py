"""A part of a population no gazetteer names (petaflop/extract/text_population.py): "미국 기업 40%가 …",
"신규 프로젝트의 44%는 …" — the population becomes a node of its own and the figure its share."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "IV", "test slide")
RULE = "text:share-of:population"


def _read(text_reader, sentence: str) -> Extraction:
    r, ex = text_reader
    r.read(sentence, LOC, ())
    return ex


def _shares(ex: Extraction) -> list[tuple]:
    return sorted((ex.entities[s.subject].name_ko if s.subject in ex.entities else s.subject, s.value, s.status,
                   s.time.start[:4] if s.time else "", s.rule) for s in ex.statements if s.kind == "share")


def test_a_bare_population_before_the_figure(text_reader):
    ex = _read(text_reader, "미국 기업 40%가 이미 AI 도구에 비용 지불.")
    assert _shares(ex) == [("미국 기업", Decimal(40), "actual", "", RULE)]
    node = next(s.subject for s in ex.statements if s.kind == "share")
    assert ex.entities[node].types == ("MarketSegment",)


def test_a_population_in_the_genitive_after_a_clause_and_a_word_of_time(text_reader):
    ex = _read(text_reader, "설문에 따르면 올해 비디오 게임 개발자의 87%가 에이전트를 도입.")
    assert [r[:2] for r in _shares(ex)] == [("비디오 게임 개발자", Decimal(87))]
    ex = _read(text_reader, "- 현재 신규 DC 프로젝트의 48%가 100MW를 초과. 이중 4%는 GW에 도달.")
    assert [r[:2] for r in _shares(ex) if r[0] != "비디오 게임 개발자"] == [("신규 DC 프로젝트", Decimal(4)),
                                                                         ("신규 DC 프로젝트", Decimal(48))]


def test_a_list_before_deung_belongs_to_the_population(text_reader):
    ex = _read(text_reader, "향후 5년 내 기술, 금융, 법률 등 초급 일자리의 최대 50%가 대체될 것.")
    assert [r[:2] for r in _shares(ex)] == [("기술, 금융, 법률 등 초급 일자리", Decimal(50))]


def test_no_population_share_when_unclear_or_about_a_named_thing(text_reader):
    # an entity's people: the owner's share (text_shares.py), not a population's
    ex = _read(text_reader, "ChatGPT 사용자의 95%는 무료 버전에 잔류.")
    assert all(s.rule != RULE for s in ex.statements)
    # the clause describes a named thing: "N%가 … 사용하는 SAP"
    ex = _read(text_reader, "글로벌 기업의 99%가 사용하는 SAP 데이터에 연결.")
    assert all(s.rule != RULE for s in ex.statements)
    # no word counting members at the head ("성능 차이"), or a word with a particle on the left edge
    ex = _read(text_reader, "에이전트의 성능 차이 80%는 토큰의 규모로 설명.")
    assert all(s.rule != RULE for s in ex.statements)
    ex = _read(text_reader, "중동에 있는 데이터센터 기업의 30%가 증설.")
    assert all(s.rule != RULE for s in ex.statements)


def test_a_place_and_an_adjective_belong_to_the_population(text_reader):
    ex = _read(text_reader, "있음. 미국 내 최고 AI 연구자의 38%가 중국 출신으로, 본토 출신을 넘어섬.")
    assert [r[:2] for r in _shares(ex)] == [("미국 내 최고 AI 연구자", Decimal(38))]
    ex = _read(text_reader, "이를 통해 대체되어 기업 20%가 전환.")  # a verb's ending on the left edge: unclear
    assert [r[:2] for r in _shares(ex)] == [("미국 내 최고 AI 연구자", Decimal(38))]


def test_a_share_within_the_years_ahead_is_a_forecast(text_reader):
    ex = _read(text_reader, "그는 향후 5년 내 기술, 금융, 법률 등 초급 일자리의 최대 50%가 대체되어 실업 증가 경고.")
    st = next(s for s in ex.statements if s.rule == RULE)
    assert (st.value, st.status, st.time.text if st.time else None) == (Decimal(50), "forecast", "2025~2030")
    ex = _read(text_reader, "현재 신규 프로젝트의 44%는 4년 이상 대기하는 것으로 추산.")
    st = next(s for s in ex.statements if s.rule == RULE and s.value == 44)
    assert st.status == "estimate"


def test_a_bare_figure_opening_a_later_clause_is_the_same_populations(text_reader):
    ex = _read(text_reader, "미국 기업 40%가 도구에 지불. 2028년에는 80%, 2030년에는 거의 100%가 될 것으로 전망.")
    rows = [(s.value, s.status, s.time.text if s.time else "", s.rule) for s in ex.statements if s.kind == "share"]
    carried = RULE + "-carried"
    assert rows == [(Decimal(40), "actual", "", RULE), (Decimal(80), "forecast", "2028", carried),
                    (Decimal(100), "forecast", "2030", carried)]
    assert len({s.subject for s in ex.statements if s.kind == "share"}) == 1


def test_a_population_share_says_what_its_members_do(text_reader):
    ex = _read(text_reader, "미국 기업 40%가 이미 AI 도구에 비용 지불. 2028년에는 80%, 2030년에는 거의 100%가 될 것으로 전망.")
    assert sorted((s.value, s.metric) for s in ex.statements if s.kind == "share") == [
        (Decimal(40), "share of 미국 기업: AI 도구에 비용 지불"),
        (Decimal(80), "share of 미국 기업: AI 도구에 비용 지불"),
        (Decimal(100), "share of 미국 기업: AI 도구에 비용 지불")]
    ex = _read(text_reader, "향후 5년 내 초급 일자리의 최대 50%가 대체되어 실업률 증가.")
    assert [s.metric for s in ex.statements if s.kind == "share" and s.value == 50] == ["share of 초급 일자리: 대체"]
    ex = _read(text_reader, "신규 프로젝트의 44%는 4년 이상 대기. 12%는 대기 시간이 7년을 초과.")
    assert sorted((s.value, s.metric) for s in ex.statements if s.kind == "share" and s.value in (12, 44)) == [
        (Decimal(12), "share of 신규 프로젝트: 대기 시간이 7년을 초과"), (Decimal(44), "share of 신규 프로젝트: 4년 이상 대기")]


def test_the_share_of_a_population_describing_a_named_thing_is_that_things(text_reader):
    # "N%가 … 쓰는 <name>": the figure is the share of the population using the named thing (invented sentence)
    ex = _read(text_reader, "또한, 대형 제조 기업의 60%가 데이터베이스(재무, 인사 등)로 쓰는 오라클 제품에 연결.")
    got = [(s.subject, s.value, s.status, s.metric, s.rule) for s in ex.statements if s.kind == "share"]
    assert got == [("oracle", Decimal(60), "actual", "share of 대형 제조 기업: 데이터베이스로 쓰는", "text:share-of:named")]
    # no population counted before the figure: no share for the thing either
    ex = _read(text_reader, "성능의 70%가 데이터베이스로 쓰는 오라클 제품에 달림.")
    assert [s.value for s in ex.statements if s.rule == "text:share-of:named"] == [Decimal(60)]
