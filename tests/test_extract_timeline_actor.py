"""A timeline row (``events`` layout, petaflop/extract/table_events.py) whose actor is not the table
country's issuer ("중국 정부", "미국 정치인") says in its own words which state body acted: the subject of
its main (last) clause ("…하자, 중국 상무부가 … 경고") or the body a headline opens with ("상원의원,
…") announced the row's event; some of its members ("일부 상원의원") are not the body. Tables of our own (invented rows)."""

from __future__ import annotations

from tests.test_extract_timeline_rescinds import read


def announced(ex) -> set[tuple[str, str]]:
    return {(f.subject, str(f.obj)) for f in ex.facts if f.predicate == "announcedBy"}


def test_the_subject_of_the_main_clause_announced_the_event(gaz):
    ex = read(gaz, [["3월 2일", "중국 정부", "미국이 관세를 올리자, 중국 상무부가 보복 조치를 경고."]])
    assert announced(ex) == {("export-control-timeline--r1", "ministry-of-commerce-of-china")}
    assert {f.rule for f in ex.facts if f.predicate == "announcedBy"} == {"table:events:announcedBy"}


def test_a_body_opening_a_headline_announced_the_event(gaz):
    ex = read(gaz, [["2월 5일", "미국 정치인", "상원의원, 장관에게 규제 완화를 요구하는 서한 발송."]])
    assert announced(ex) == {("export-control-timeline--r1", "us-senate")}


def test_some_members_of_a_body_are_not_the_body(gaz):
    # audit N3 n=12: "일부 상원의원" (some senators) wrote; the Senate as a body did not
    ex = read(gaz, [["2월 5일", "미국 정치인", "일부 상원의원, 장관에게 규제 완화를 요구하는 서한 발송."],
                    ["2월 6일", "중국 정부", "관세 인상 이후, 몇몇 상무부 관계자가 우려를 표명."]])
    assert announced(ex) == set()


def test_a_body_that_is_no_subject_of_the_main_clause_is_not_the_actor(gaz):
    ex = read(gaz, [["4월 1일", "엔비디아", "상무부 장관이 공장을 방문."],
                    ["4월 2일", "중국 정부", "중국 상무부가 경고하자, 기업들이 반발."],
                    ["4월 3일", "미국 정치인", "여러 의원이 상원의원에게 서한 발송."]])
    assert announced(ex) == set()
