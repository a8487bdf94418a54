"""Fractions in words ("절반", "3분의 1", "1/4 수준") and sentences wrapped across a figure's lines."""

from decimal import Decimal

from ingest.model import Figure
from ingest.parser import parse_text
from ingest.quantities import find_quantities
from ingest.wraps import join_wrapped
from petaflop.extract.figure_asides import ends_of_multiple


def _read(s):
    return [(q.kind, q.value, q.unit, sorted(q.qualifiers), q.raw) for q in find_quantities(s)]


def test_half_is_a_share_or_with_a_level_word_a_multiple():
    assert _read("가나다전자 매출의 약 절반이 해외에서 발생") == [
        ("percent", Decimal(50), "%", ["approximate"], "약 절반")]
    assert _read("목표에서 절반 이상을 확보") == [("percent", Decimal(50), "%", ["lowerBound"], "절반 이상")]
    assert _read("X100 칩 성능은 경쟁 칩의 약 절반 수준") == [
        ("multiple", Decimal("0.5"), "x", ["approximate"], "약 절반")]
    assert _read("절반씩 나눠") == []


def test_fractions_in_words_and_with_a_slash():
    assert _read("경쟁 칩의 3분의 1 수준에 불과") == [("multiple", Decimal("0.333"), "x", [], "3분의 1")]
    assert _read("시장의 4분의 1 차지") == [("percent", Decimal(25), "%", [], "4분의 1")]
    assert _read("1/3 미만의 소수 지분만 보유") == [("percent", Decimal("33.3"), "%", ["upperBound"], "1/3 미만")]
    assert _read("오류율을 약 1/5 수준으로") == [("multiple", Decimal("0.2"), "x", ["approximate"], "약 1/5")]


def test_a_slash_without_a_level_word_or_a_quarter_is_no_fraction():
    assert all(k != "percent" and k != "multiple" for k, *_ in _read("1/4분기 매출"))
    assert all(k != "percent" and k != "multiple" for k, *_ in _read("24/7 운영, 1/4 발표"))
    assert all(k != "percent" and k != "multiple" for k, *_ in _read("9/10 이상"))  # 9/10: a date or a score


def test_a_pair_in_parentheses_after_a_multiples_level_word_is_the_multiples_ends():
    s = "오류율을 약 1/4 수준(12.9% → 3.6%)으로 낮춤"
    values = find_quantities(s)
    multiple = next(q for q in values if q.kind == "multiple")
    assert ends_of_multiple(s, multiple, values) == {s.index("12.9"), s.index("3.6")}


def test_a_line_ending_on_an_object_particle_or_a_comma_continues_on_the_next():
    assert join_wrapped(["가나다전자는 경쟁사 대비 오류율을", "약 절반 수준으로 줄였다", "다음 줄"]) == [
        "가나다전자는 경쟁사 대비 오류율을 약 절반 수준으로 줄였다", "다음 줄"]
    assert join_wrapped(["매출은 늘었고,", "이익도 늘었다"]) == ["매출은 늘었고, 이익도 늘었다"]
    assert join_wrapped(["가나다 칩 로드맵", "2026년 출시"]) == ["가나다 칩 로드맵", "2026년 출시"]


def test_a_figure_caption_wrapped_over_two_lines_is_one_sentence():
    doc = parse_text("I. 시험 장: 모델\n\n가나다전자의 X100 칩은 경쟁 칩 대비 오류율을\n"
                     "약 1/4 수준으로 줄였다고 보고\n\n \n자료: 가나다리서치\n")
    fig = next(b for ch in doc.chapters for s in ch.slides for b in s.blocks if isinstance(b, Figure))
    assert fig.caption == ["가나다전자의 X100 칩은 경쟁 칩 대비 오류율을 약 1/4 수준으로 줄였다고 보고"]


def test_a_relative_clause_before_a_makers_named_chip_gives_the_chip_its_share(text_reader):
    from petaflop.extract.facts import Location

    r, ex = text_reader
    r.read("엔비디아 대비 거의 절반 가격으로 제시되는 AMD의 AI 칩 “MI355X” 출시", Location(10, 10, "VIII", "t"), ())
    got = {(s.subject, s.kind, s.value, s.rule) for s in ex.statements}
    assert got == {("amd-mi355x", "share", Decimal(50), "text:ratio:named")}
    assert all(s.approximate for s in ex.statements)  # "거의"


def test_a_relative_clause_before_a_makers_genitive_thing_without_a_name_has_no_head(text_reader):
    from petaflop.extract.facts import Location

    r, ex = text_reader
    r.read("엔비디아 대비 거의 절반 가격으로 제시되는 AMD의 차세대 시스템 출시", Location(10, 10, "VIII", "t"), ())
    assert not any(s.subject == "amd" for s in ex.statements if s.kind == "share")


def test_a_vulgar_fraction_sign_reads_as_its_words():
    assert _read("전체 계획은 4.5 GW(국내 전력의 ¼)") == [
        ("power", Decimal(4500), "MW", [], "4.5 GW"), ("percent", Decimal(25), "%", [], "¼")]
    assert _read("경쟁 칩의 ⅓ 수준") == [("multiple", Decimal("0.333"), "x", [], "⅓")]
    assert _read("약 ½ 이상을 확보") == [("percent", Decimal(50), "%", ["approximate", "lowerBound"], "약 ½ 이상")]
    assert [q.raw for q in find_quantities("1½ 시간")] == ["1"]  # a mixed number: the sign is left alone
