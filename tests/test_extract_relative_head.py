"""Two ways a sentence names whose a thing or a figure is, on sentences of our own: the head noun of a
figure's relative clause ("…보다 3배 넓은 지역을 커버하게 된 로보택시": the clause's subject, judged with the
other named ways, ``text:<family>:named``), and a firm's process node written as its genitive ("삼성의 GAA
2nm 공정": developedBy, the genitive rule of packaging and network technologies)."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Extraction, Location
from petaflop.extract.lexicon import load_lexicon
from petaflop.extract.name_maker import NameMaker
from petaflop.extract.subject_ways import relative_head
from petaflop.extract.text_frames import Mention_

LOC = Location(10, 10, "IX", "test slide")


def figures(ex: Extraction) -> list[tuple]:
    return sorted((s.subject, s.kind, str(s.value), s.rule) for s in ex.statements)


def test_the_head_of_a_figures_relative_clause_is_its_subject(text_reader):
    r, ex = text_reader
    r.read("구글보다 3배 넓은 지역을 커버하게 된 로보택시가 주목받음.", LOC, ())
    assert figures(ex) == [("tesla-robotaxi", "multiple", "3", "text:multiple:named")]


def test_a_growth_in_a_relative_clause_is_its_heads(text_reader):
    r, ex = text_reader
    r.read("작년보다 매출이 30% 성장한 팔란티어는 흑자를 냄.", LOC, ())
    assert figures(ex) == [("palantir", "growthRate", "30", "text:relative:named")]


@pytest.mark.parametrize("sentence", [
    "구글보다 3배 넓은 지역을 커버하는 테슬라의 로보택시가 주목받음.",  # the clause modifies Tesla's robotaxi, not Tesla
    "구글보다 3배 더 많은 로보택시가 주목받음.",  # an adjective: three times as many robotaxis, no figure of one
    "구글보다 3배 넓은 지역에 대한 로보택시 계획.",  # "에 대한": about it, the name is no subject of the clause
])
def test_no_relative_head_where_the_clause_does_not_end_on_a_verb_before_a_plain_name(text_reader, sentence):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert [f for f in figures(ex) if f[1] == "multiple"] == []


def test_relative_head_reads_only_the_words_up_to_the_first_name():
    s = "3배 넓은 지역을 커버하게 된 로보택시, 그리고 웨이모"
    robotaxi = Mention_("tesla-robotaxi", "AIProduct", s.index("로보택시"), s.index("로보택시") + 4, "")
    waymo = Mention_("waymo", "Firm", s.index("웨이모"), s.index("웨이모") + 3, "")
    assert relative_head(s, 2, len(s), [robotaxi, waymo]) is robotaxi
    assert relative_head(s, 2, robotaxi.start, [robotaxi, waymo]) is None  # beyond the clause's end
    assert relative_head(s, 2, len(s), [waymo]) is None  # a comma between the figure and the name


def test_a_firms_process_node_in_the_genitive_is_its_development(text_reader):
    r, ex = text_reader
    r.read("AI6 칩은 삼성의 GAA 2nm 공정으로 생산할 계획.", LOC, ())
    got = {(f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts if f.obj_is_entity}
    assert ("samsung-sf2", "developedBy", "samsung-electronics", "text:genitive:developedBy@381") in got


def test_a_node_named_after_its_foundry_is_no_name_maker_link(gaz):
    ex = Extraction()
    names = NameMaker(gaz, load_lexicon(), ex, lambda e: e.id)
    names.mention(gaz.by_id("tsmc-n2"), "TSMC N2", LOC)
    names.mention(gaz.by_id("palantir-gotham"), "Palantir Gotham", LOC)
    assert [(f.subject, f.predicate, f.obj) for f in ex.facts] == [("palantir-gotham", "developedBy", "palantir")]
