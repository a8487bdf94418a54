"""The date leading a sentence (text_dates.py, rule ``text:event-lead-date``): "올 N월" as "올해 N월", a dash
opening the next item of a bulleted line, and a technology or vision announced ("…라는 구상을 제시")."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VI", "test slide")


def lead_dates(ex) -> list[tuple]:
    return sorted((s.subject, s.kind, s.time.text, s.status) for s in ex.statements if s.rule == "text:event-lead-date")


@pytest.mark.parametrize(("sentence", "expected"), [
    # "올" is the short "올해": the month leads the sentence after its topic
    ("FDA는 올 4월, AI 활용 신약 개발 초안 지침 발표", [
        ("fda-ai-drug-development-guidance", "announcedDate", "2025-04", "actual")]),
    # a dash set off by spaces opens the next item: its date is not the announcing clause's own
    ("FDA는 지난 4월, AI 활용 신약 개발 초안 지침 발표 - 파트너십: Eli Lilly(2024년 1월, 최대 17억 달러)", [
        ("fda-ai-drug-development-guidance", "announcedDate", "2025-04", "actual")]),
    # a technology (a vision) presented is announced then
    ("지난 3월, 엔비디아는 AI 슈퍼-팩토리라는 새로운 구상을 제시", [
        ("nvidia-ai-super-factory", "announcedDate", "2025-03", "actual")]),
    # the clause's own date before the verb is the event frame's, not the lead date's
    ("지난 3월, 엔비디아는 AI 슈퍼-팩토리라는 구상을 2024년 5월 제시", []),
    # "올" is no lead date when it is not a month's year ("올 들어")
    ("FDA는 올 들어 AI 활용 신약 개발 초안 지침 발표", []),
])
def test_a_lead_date_dates_the_announcement(text_reader, sentence, expected):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert lead_dates(ex) == expected
