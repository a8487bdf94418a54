""""그 자체인 X" (X itself) names no owner: only "자체" as the prefix of a firm's own make ("자체 LLM인 X")
makes the product that firm's work (sentences of our own in the report's style)."""

from __future__ import annotations

from petaflop.extract.facts import Location

LOC = Location(10, 10, "X", "test slide")


def _own(ex):
    return sorted((f.subject, f.predicate, str(f.obj), f.rule.split("@")[-1]) for f in ex.facts
                  if ":own-make:" in f.rule)


def test_itself_is_no_own_make(text_reader):
    r, ex = text_reader
    r.read("테슬라는 삼성전자의 파운드리를 선택. 로보택시의 지능 그 자체인 FSD가 핵심.", LOC, ())
    assert _own(ex) == []


def test_itself_written_without_a_space_is_no_own_make_either(text_reader):
    r, ex = text_reader
    r.read("테슬라는 삼성전자의 파운드리를 선택. 지능 그자체인 FSD가 핵심.", LOC, ())
    assert _own(ex) == []


def test_the_own_prefix_still_names_the_firm(text_reader):
    r, ex = text_reader
    r.read("테슬라는 자체 자율주행 소프트웨어인 FSD를 판매.", LOC, ())
    assert _own(ex) == [("tesla-full-self-driving", "developedBy", "tesla", "333:mention")]
