"""Wave 13, task E: mass production of a product ("대량 생산", "양산") dates its release, in a timeline
cell as in prose; a production line or capacity named after the verb is no release, and "X의 대량 생산을
시작" is not read (petaflop/extract/text_frames.py); a percentage in parentheses after a name's
genitive and its measure words (text_paren.py). Sentences of our own."""

from __future__ import annotations

from decimal import Decimal

from foundation.periods import parse_period
from petaflop.extract.facts import Location

LOC = Location(10, 10, "IX", "test slide")


def _dated(ex) -> set[tuple]:
    return {(s.subject, s.kind, s.time.text, s.rule) for s in ex.statements if s.kind.endswith("Date")}


def test_mass_production_in_a_timeline_cell_is_the_release(text_reader):
    r, ex = text_reader
    r.read_cell("신규 공정 활용하여 “사이버캡” 전용 모델 대량 생산", LOC, (), "", parse_period("2027-Q2"))
    assert ("tesla-cybercab", "releaseDate", "2027-Q2", "text-cell:event:dated") in _dated(ex)


def test_a_production_line_or_a_genitive_start_is_no_release(text_reader):
    r, ex = text_reader
    r.read_cell("B200 양산 라인 증설", LOC, (), "", parse_period("2027-Q2"))
    r.read_cell("B200 양산 체제 돌입", LOC, (), "", parse_period("2027-Q2"))
    r.read_cell("1분기부터 B200의 대량 생산을 시작", LOC, (), "", parse_period("2027"))
    assert not _dated(ex)


def test_a_chip_put_into_mass_production_is_released(text_reader):
    r, ex = text_reader
    r.read_cell("B200 칩 양산 개시", LOC, (), "", parse_period("2027-Q2"))
    assert _dated(ex) == {("nvidia-b200", "releaseDate", "2027-Q2", "text-cell:event:dated")}


def test_a_percentage_in_parentheses_after_a_names_measure_words_is_its_value(text_reader):
    r, ex = text_reader
    r.read("Anthropic의 매출 비중은 80%. 구글의 클라우드 매출 비중(30%)과 비교해 큰 차이.", LOC, ())
    r.read("인텔의 신규 공정 데이터(40%)는 공개.", LOC, ())  # no measure named: not read
    got = {(s.subject, s.kind, s.value) for s in ex.statements if s.rule == "text:paren-measure"}
    assert got == {("google", "share", Decimal(30))}


def test_figures_compared_with_an_estimate_in_the_sentence_before_are_estimates(text_reader):
    # "A의 추정 수율은 N%. 이는 B(M% 이상)에 비해 …": B's figure is given as the estimate's comparison
    r, ex = text_reader
    r.read("현재 인텔 18A의 추정 수율은 30~35%. 이는 TSMC N2(60% 이상)에 비해 낮은 수치.", LOC, ())
    r.read("현재 인텔 18A의 수율은 30~35%. 이는 TSMC N2(60% 이상)에 비해 낮은 수치.", LOC, ())  # no estimate
    got = sorted((s.value, s.status) for s in ex.statements if s.rule == "text:paren-measure")
    assert got == [(Decimal(60), "actual"), (Decimal(60), "estimate")]
