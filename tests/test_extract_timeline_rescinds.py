"""Wave 26 task H: a timeline row (``events`` layout, petaflop/extract/table_events.py) whose clause
withdraws a named measure ("'…'을 공식 철회") states that the row's act rescinds it; a row announced
by another actor is dated as an announcement (its rule is the announcement's, not a plain event's).
Tables of our own (invented rows)."""

from __future__ import annotations

from types import SimpleNamespace

from petaflop.extract.facts import Extraction
from petaflop.extract.resolve import Resolver
from petaflop.extract.table_map import load_mappings
from petaflop.extract.tables import TableExtractor
from tests.test_table_reader import make_table


def read(gaz, rows: list[list[str]]) -> Extraction:
    ex = Extraction()
    mapping = next(m for m in load_mappings() if m.id == "export-control-timeline")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], Resolver(gaz, ex),
                        SimpleNamespace(mine=lambda *a, **k: []), lambda t: ())
    te._events(make_table(["미국의 칩 수출 규제 관련 타임라인"], ["날짜", "주체", "내용"], rows), mapping)
    return ex


def rescinds(ex: Extraction) -> set[tuple[str, str, str]]:
    return {(f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "rescinds"}


def test_a_row_withdrawing_a_named_rule_rescinds_it(gaz):
    ex = read(gaz, [["5월 1일", "미국 트럼프 정부", "'인공지능 확산 규칙'을 공식 철회하고, 경고 유지."]])
    assert rescinds(ex) == {("ai-diffusion-rule-rescission", "ai-diffusion-rule", "table:events:rescinds")}


def test_a_rule_named_without_a_verb_of_withdrawal_is_not_rescinded(gaz):
    ex = read(gaz, [["1월 3일", "미국 바이든 정부", "'인공지능 확산 규칙' 발표."],
                    ["2월 3일", "미국 트럼프 정부", "'인공지능 확산 규칙' 적용 유지."]])
    assert rescinds(ex) == set()


def test_another_actors_announcement_is_dated_as_an_announcement(gaz):
    ex = read(gaz, [["6월 13일", "엔비디아", "중국 시장은 전망에서 제외한다고 발표."],
                    ["6월 14일", "엔비디아", "CEO가 의원들과 만찬."]])
    dates = sorted((s.subject, s.kind, s.time.text, s.rule) for s in ex.statements)
    assert dates == [
        ("export-control-timeline--r1", "announcedDate", "2025-06-13", "table:events:announcedDate"),
        ("export-control-timeline--r2", "eventDate", "2025-06-14", "table:events:eventDate:other-actor"),
    ]
    assert {(f.subject, f.predicate, str(f.obj)) for f in ex.facts if f.predicate == "announcedBy"} == {
        ("export-control-timeline--r1", "announcedBy", "nvidia")}
