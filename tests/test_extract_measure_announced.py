"""Wave 26 task H: a measure announced on a date ("… '인공지능 확산 규칙' 발표") has that date as its
``announcedDate``, like a product or a facility announced; a measure's name written with its own verb
("A100·H100 수출 금지 발표" naming the ban) dates the measure in a timeline grid's cell (its column's
quarter). Sentences of our own."""

from __future__ import annotations

from foundation.periods import parse_period
from petaflop.extract.facts import Location

LOC = Location(10, 10, "VI", "test slide", "T-01-1", 1, 2)


def dated(ex) -> list[tuple]:
    return sorted((s.subject, s.kind, s.time.text, s.rule) for s in ex.statements if s.kind.endswith("Date"))


def test_a_measure_announced_on_a_date_has_its_announced_date(text_reader):
    r, ex = text_reader
    r.read("바이든 정부는 2025년 1월 13일 '인공지능 확산 규칙' 발표.", LOC, ())
    assert dated(ex) == [("ai-diffusion-rule", "announcedDate", "2025-01-13", "text:event:dated")]


def test_a_grid_cell_naming_a_ban_with_its_verb_dates_the_ban_by_its_column(text_reader):
    r, ex = text_reader
    r.read_cell("High (對中 규제: 美 상무부 A100·H100 수출 금지 발표)", LOC, (), "", parse_period("2022-Q3"))
    assert dated(ex) == [("2022-a100-h100-export-ban", "announcedDate", "2022-Q3", "text-cell:event:dated")]


def test_a_measure_named_without_a_verb_of_announcing_is_not_dated(text_reader):
    r, ex = text_reader
    r.read("2025년 1월 13일 '인공지능 확산 규칙'에 대한 비판이 이어짐.", LOC, ())
    assert dated(ex) == []


def test_a_measures_date_is_the_one_before_its_name_not_a_later_note(text_reader):
    r, ex = text_reader
    r.read("FDA는 지난달 '인공지능 확산 규칙' 발표 - 파트너십: 릴리(2024년 1월, 최대 17억 달러).", LOC, ())
    assert dated(ex) == []


def test_a_tightening_named_with_its_verb_is_dated_but_a_verb_after_a_name_is_not(text_reader):
    r, ex = text_reader
    r.read_cell("High (對中 규제: 美, H20 · A800까지 금지·대역폭 한도 강화)", LOC, (), "", parse_period("2024-Q4"))
    r.read_cell("'인공지능 확산 규칙' 강화", LOC, (), "", parse_period("2025-Q1"))  # "강화" only as a name's own
    assert dated(ex) == [("2024-h20-a800-restrictions", "eventDate", "2024-Q4", "text-cell:event:dated")]
